package org.sahelmap.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sahelmap.store.Database;
import org.sahelmap.testing.Browser;
import org.sahelmap.testing.Labels;
import org.sahelmap.testing.LiveApp;
import org.sahelmap.testing.NeedsBrowser;
import org.sahelmap.testing.TestAccounts;

/** The default briefing presented with the keyboard, and its slides exported as images. */
@NeedsBrowser
class BriefingBrowserTest {
  static final Path SHOTS = Path.of("target/screenshots/briefing");
  static LiveApp live;
  static Database db;
  static Javalin app;
  static String base;
  ChromeDriver driver;

  @BeforeAll
  static void startApp() throws Exception {
    live = LiveApp.start();
    db = live.db();
    app = live.app();
    base = live.base();
    Files.createDirectories(SHOTS);
  }

  @AfterAll
  static void stopApp() {
    live.close();
  }

  @AfterEach
  void quit() {
    if (driver != null) {
      driver.quit();
    }
  }

  private void load() {
    driver = Browser.open(1920, 1080);
    // Headless Chromium may start smaller than --window-size asks; the presenter is judged at
    // 1080p.
    driver.manage().window().setSize(new Dimension(1920, 1080));
    live.signIn(driver, TestAccounts.ANALYST);
    driver.get(base);
    Browser.waitReady(driver);
    // The panel is folded by default (the event list keeps its room); open it as a user would.
    driver.findElement(org.openqa.selenium.By.cssSelector("#briefing-details > summary")).click();
    assertThat(run("return document.body.dataset.ready")).isEqualTo("true");
  }

  private Object run(String script, Object... args) {
    return Browser.js(driver).executeScript(script, args);
  }

  private long slides() {
    return driver.findElements(By.cssSelector("#briefing-panel .slide-list li")).size();
  }

  private void waitArrived(int index) {
    new WebDriverWait(driver, Duration.ofSeconds(20))
        .until(
            d ->
                String.valueOf(index)
                    .equals(run("return document.getElementById('presenter').dataset.arrived")));
  }

  private void key(CharSequence k) {
    new Actions(driver).sendKeys(k).perform();
  }

  @Test
  void presentsTheDefaultBriefingWithTheKeyboard() throws Exception {
    load();
    long n = slides();
    assertThat(n).isBetween(6L, 10L);
    // Headless Chromium's "screen" is 800x600, so real full screen would shrink the page: refuse
    // it, as a browser may, and the presenter falls back to filling the window.
    run(
        "Element.prototype.requestFullscreen ="
            + " () => Promise.reject(new Error('refused in this test'))");
    driver.findElement(By.cssSelector("[data-action=present]")).click();
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        key(i % 2 == 0 ? Keys.SPACE : Keys.ARROW_RIGHT);
      }
      waitArrived(i);
      Thread.sleep(400); // labels are placed just after the map stops
      assertThat(driver.findElement(By.cssSelector(".slide-counter")).getText())
          .isEqualTo((i + 1) + " / " + n);
      assertThat(driver.findElement(By.cssSelector(".banner-top")).getText())
          .contains("UNCLASSIFIED");
      assertThat(driver.findElement(By.cssSelector(".data-date")).getText()).contains("Data:");
      assertThat(Labels.overprinted(driver)).as("labels overprinting on slide %d", i + 1).isEmpty();
      assertThat(Labels.shown(driver)).as("labels on slide %d", i + 1).isNotEmpty();
      Files.write(
          SHOTS.resolve(String.format("slide-%02d.png", i + 1)),
          driver.getScreenshotAs(OutputType.BYTES));
    }
    key(Keys.ARROW_RIGHT);
    waitArrived((int) n - 1); // stays on the last slide
    key(Keys.HOME);
    waitArrived(0);
    key(Keys.END);
    waitArrived((int) n - 1);
    key(Keys.ARROW_LEFT);
    waitArrived((int) n - 2);
    key("n");
    assertThat(driver.findElement(By.cssSelector(".slide-notes")).isDisplayed()).isTrue();
    Files.write(SHOTS.resolve("notes.png"), driver.getScreenshotAs(OutputType.BYTES));
    key(Keys.ESCAPE);
    assertThat(run("return document.getElementById('presenter').hidden")).isEqualTo(true);
    assertThat(run("return document.body.classList.contains('presenting')")).isEqualTo(false);
    assertThat(Browser.consoleErrors(driver)).isEmpty();
  }

  /**
   * What "the map the user had" is made of: the hash (view, layers, time, filter) and Leaflet's
   * view.
   */
  private Object mapNow() {
    return run(
        "const m = window.sahelMap.map, c = m.getCenter();"
            + " return {hash: location.hash, lat: c.lat, lng: c.lng, zoom: m.getZoom(),"
            + " ticked: [...document.querySelectorAll('#layer-panel input:checked')].length,"
            + " search: document.querySelector('#event-filter .event-search').value};");
  }

  private boolean shown(String css) {
    return driver.findElements(By.cssSelector(css)).stream().anyMatch(e -> e.isDisplayed());
  }

  @Test
  void presenterHasOnScreenControlsAnOverviewAndEscGivesBackTheUsersMap() throws Exception {
    driver = Browser.open(1366, 768);
    Browser.viewport(driver, 1366, 768, false);
    live.signIn(driver, TestAccounts.ANALYST); // the drawing tools are an analyst's
    // A map unlike any slide: zoomed on the north, three layers off, a time window and a filter.
    driver.get(
        base
            + "#map=7.5/18.6/0.9&layers=aes-territory,countries,events,kidal,lakes,places,rivers"
            + "&t=2023-01-01/2024-06-30&q=kidal&cat=military");
    Browser.waitReady(driver);
    driver.findElement(By.cssSelector("#briefing-details > summary")).click();
    Object before = mapNow();
    assertThat(shown(".leaflet-draw")).as("draw toolbar before presenting").isTrue();
    run(
        "Element.prototype.requestFullscreen ="
            + " () => Promise.reject(new Error('refused in this test'))");
    long n = slides();

    for (int round = 0; round < 2; round++) {
      driver.findElement(By.cssSelector("[data-action=present]")).click();
      waitArrived(0);
      assertThat(shown(".leaflet-draw")).as("draw toolbar while presenting").isFalse();
      assertThat(shown(".measure-control")).isFalse();
      assertThat(driver.findElement(By.cssSelector(".slide-prev")).isEnabled()).isFalse();
      driver.findElement(By.cssSelector(".slide-next")).click();
      waitArrived(1);
      driver.findElement(By.cssSelector(".slide-next")).click();
      waitArrived(2);
      driver.findElement(By.cssSelector(".slide-prev")).click();
      waitArrived(1);
      assertThat(driver.findElement(By.cssSelector(".slide-counter")).getText())
          .startsWith("2 / " + n);

      // The overview lists every slide by title; picking one goes there and folds it.
      driver.findElement(By.cssSelector(".slide-counter")).click();
      var items = driver.findElements(By.cssSelector("#slide-overview .overview-item"));
      assertThat(items).hasSize((int) n);
      assertThat(items.get(1).getAttribute("aria-current")).isEqualTo("step");
      assertThat(items.get(4).getText())
          .contains(
              driver
                  .findElement(
                      By.cssSelector(
                          "#briefing-panel li[data-slide='4'] .slide-go span:last-child"))
                  .getText());
      if (round == 0) {
        Files.write(SHOTS.resolve("overview.png"), driver.getScreenshotAs(OutputType.BYTES));
      }
      items.get(4).click();
      waitArrived(4);
      assertThat(shown("#slide-overview")).isFalse();
      key(Keys.END);
      waitArrived((int) n - 1);
      assertThat(driver.findElement(By.cssSelector(".slide-next")).isEnabled()).isFalse();
      // A touch swipe to the right on the text column goes back one slide.
      run(
          "const p = document.querySelector('.slide-panel');"
              + " const ev = (type, x) => p.dispatchEvent(new PointerEvent(type, {pointerType:"
              + " 'touch', clientX: x, clientY: 300, bubbles: true}));"
              + " ev('pointerdown', 100); ev('pointerup', 260);");
      waitArrived((int) n - 2);
      if (round == 1) {
        // Leave mid-flight: the slide's flight must not land on the user's map afterwards.
        driver.findElement(By.cssSelector(".slide-prev")).click();
        Thread.sleep(150);
      }
      key(Keys.ESCAPE);
      assertThat(run("return document.getElementById('presenter').hidden")).isEqualTo(true);
      Thread.sleep(1500); // anything still animating would have moved the map by now
      assertThat(mapNow()).as("the map after Esc, round %d", round).isEqualTo(before);
      assertThat(shown(".leaflet-draw")).as("draw toolbar after presenting").isTrue();
      assertThat(driver.findElements(By.cssSelector(".event-marker.emphasis"))).isEmpty();
    }
    assertThat(Browser.consoleErrors(driver)).isEmpty();
  }

  @Test
  void everySlideExportsAsAFullHdPngThatIsNotBlank() throws Exception {
    load();
    long n = slides();
    for (int i = 0; i <= n; i++) {
      String url =
          String.valueOf(
              i < n
                  ? run("return window.sahelMap.slidePng(arguments[0])", i)
                  : run("return window.sahelMap.viewPng()"));
      byte[] png = Base64.getDecoder().decode(url.substring(url.indexOf(',') + 1));
      String name = i < n ? String.format("export-%02d.png", i + 1) : "export-view.png";
      Files.write(SHOTS.resolve(name), png);
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
      assertThat(image.getWidth()).as(name).isEqualTo(1920);
      assertThat(image.getHeight()).as(name).isEqualTo(1080);
      Set<Integer> colours = new HashSet<>();
      for (int y = 0; y < 1080; y += 4) {
        for (int x = 0; x < 1920; x += 4) {
          colours.add(image.getRGB(x, y));
        }
      }
      assertThat(colours.size()).as("distinct colours in %s", name).isGreaterThan(200);
      // The map area (right of the text column) is drawn, not left at the page colour.
      Set<Integer> mapColours = new HashSet<>();
      for (int y = 200; y < 900; y += 10) {
        for (int x = 700; x < 1900; x += 10) {
          mapColours.add(image.getRGB(x, y));
        }
      }
      assertThat(mapColours.size()).as("map colours in %s", name).isGreaterThan(5);
    }
  }
}
