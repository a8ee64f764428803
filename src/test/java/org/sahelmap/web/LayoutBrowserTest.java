package org.sahelmap.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sahelmap.testing.Browser;
import org.sahelmap.testing.LiveApp;
import org.sahelmap.testing.NeedsBrowser;
import org.sahelmap.testing.TestAccounts;

/**
 * The page's layout at the sizes briefers use: every panel open at 1280×720 and 1366×768 without
 * the page scrolling, and a phone (390×844) where the map has the full width and the events a sheet
 * of their own. Viewports are set exactly (CDP), not through the window's outer size.
 */
@NeedsBrowser
class LayoutBrowserTest {
  static final Path SHOTS = Path.of("target/screenshots/layout");
  static LiveApp live;
  ChromeDriver driver;

  @BeforeAll
  static void startApp() throws Exception {
    live = LiveApp.start();
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

  private void load(int width, int height, boolean mobile) {
    // Signed in as an analyst: the test draws and saves an AOI.
    driver = Browser.openPage(live, width, height, mobile, TestAccounts.ANALYST);
    assertThat(run("return document.body.dataset.ready")).isEqualTo("true");
    assertThat(run("return [innerWidth, innerHeight]")).isEqualTo(List.of(width * 1L, height * 1L));
  }

  private Object run(String script, Object... args) {
    return Browser.js(driver).executeScript(script, args);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Number> rect(String css) {
    return (Map<String, Number>)
        run(
            "const b = document.querySelector(arguments[0]).getBoundingClientRect();"
                + " return {top: b.top, bottom: b.bottom, left: b.left, right: b.right,"
                + " width: b.width, height: b.height};",
            css);
  }

  private void waitUntil(String script) {
    new WebDriverWait(driver, Duration.ofSeconds(20))
        .until(d -> Boolean.TRUE.equals(Browser.js(d).executeScript(script)));
  }

  /** The page never scrolls: not down (header gone) nor sideways, whatever tries to scroll it. */
  private void assertNoPageScroll(String when) {
    assertThat(((Number) run("return document.scrollingElement.scrollHeight")).intValue())
        .as("page height %s", when)
        .isLessThanOrEqualTo(((Number) run("return innerHeight")).intValue());
    assertThat(((Number) run("return document.scrollingElement.scrollWidth")).intValue())
        .as("page width %s", when)
        .isLessThanOrEqualTo(((Number) run("return innerWidth")).intValue());
    run("window.scrollTo(0, 5000)");
    assertThat(((Number) run("return scrollY")).intValue()).as("scrollY %s", when).isZero();
    assertThat(rect(".topbar").get("top").doubleValue()).as("header top %s", when).isZero();
  }

  /**
   * Each panel lies wholly inside the sidebar (nothing cut off below it) and the list keeps room.
   */
  private void assertPanelsFit(String when, int minListHeight) {
    double sidebarBottom = rect(".sidebar").get("bottom").doubleValue();
    for (String panel :
        List.of("#layers-details", "#briefing-details", "#aoi-details", ".events-panel")) {
      assertThat(rect(panel).get("bottom").doubleValue())
          .as("bottom of %s %s", panel, when)
          .isLessThanOrEqualTo(sidebarBottom + 0.5);
    }
    assertThat(rect("#event-list").get("height").doubleValue())
        .as("event list height %s", when)
        .isGreaterThanOrEqualTo(minListHeight);
    assertThat(driver.findElements(By.cssSelector("#event-list li[data-event]"))).isNotEmpty();
  }

  @ParameterizedTest(name = "{0}×{1}")
  @CsvSource({"1280, 720", "1366, 768"})
  void everyPanelOpenAndAnAoiSavedKeepThePageStill(int width, int height) throws Exception {
    load(width, height, false);
    // An area to open, created through the page's own request module (as the panel would).
    Object created =
        Browser.js(driver)
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + " import('/js/aoi/requests.js').then((a) => a.create({type: 'Feature', properties: {name:"
                    + " 'Layout box', notes: 'A note', tags: ['north']}, geometry: {type: 'Polygon',"
                    + " coordinates: [[[0.5, 18.5], [2.5, 18.5], [2.5, 20.5], [0.5, 20.5], [0.5,"
                    + " 18.5]]]}})).then(() => done(true), (e) => done(String(e)));");
    assertThat(created).isEqualTo(true);
    driver.navigate().refresh();
    Browser.waitReady(driver);
    for (String summary : List.of("#briefing-details > summary", "#aoi-details > summary")) {
      driver.findElement(By.cssSelector(summary)).click();
    }
    assertThat(
            run("return [...document.querySelectorAll('.sidebar > details')].every((d) => d.open)"))
        .isEqualTo(true);
    // Every slide's text fields unfolded too: the briefing panel at its tallest.
    run("document.querySelectorAll('#briefing-panel details').forEach((d) => { d.open = true; })");
    driver.findElement(By.cssSelector("#aoi-panel .aoi-item")).click();
    waitUntil("return !!document.querySelector('#aoi-panel .aoi-analysis:not([hidden]) dl')");
    assertNoPageScroll("with every panel open");
    assertPanelsFit("with every panel open", 90);
    // The briefing panel holds more than its share, so it scrolls inside itself.
    assertThat(
            run(
                "const p = document.getElementById('briefing-details'); p.scrollTop = 200;"
                    + " return p.scrollTop > 0"))
        .isEqualTo(true);
    assertThat(rect("#map").get("height").doubleValue()).isGreaterThan(height * 0.7);
    Files.write(
        SHOTS.resolve("all-panels-" + width + "x" + height + ".png"),
        driver.getScreenshotAs(OutputType.BYTES));

    var name = driver.findElement(By.id("aoi-name"));
    name.clear();
    name.sendKeys("Layout box, renamed");
    driver.findElement(By.cssSelector("#aoi-panel .aoi-form button[type=submit]")).click();
    waitUntil(
        "const m = document.querySelector('#aoi-panel .aoi-message');"
            + " return !m.hidden && m.textContent.includes('Saved')");
    assertNoPageScroll("after saving an area");
    assertPanelsFit("after saving an area", 90);
    Files.write(
        SHOTS.resolve("aoi-saved-" + width + "x" + height + ".png"),
        driver.getScreenshotAs(OutputType.BYTES));
    assertThat(Browser.consoleErrors(driver)).isEmpty();
  }

  @Test
  void aPhoneShowsTheMapFullWidthAndItsEventsInASheetBelow() throws Exception {
    load(390, 844, true);
    Map<String, Number> map = rect("#map");
    assertThat(map.get("width").doubleValue()).isEqualTo(390.0);
    assertThat(map.get("height").doubleValue()).isGreaterThanOrEqualTo(300);
    assertNoPageScroll("on a phone");
    // Nothing floats over the sheet: the legend stays inside the map, the timeline above the sheet.
    double sheetTop = rect(".sidebar").get("top").doubleValue();
    assertThat(rect("#legend").get("bottom").doubleValue())
        .isLessThanOrEqualTo(map.get("bottom").doubleValue());
    assertThat(rect("#timeline").get("bottom").doubleValue()).isLessThanOrEqualTo(sheetTop + 0.5);
    assertThat(rect("#timeline").get("right").doubleValue()).isLessThanOrEqualTo(390.0);
    assertThat(run("return document.getElementById('legend').open"))
        .as("legend folded")
        .isEqualTo(false);
    // The mission and its events are on the map, not framed off it by the desktop legend's room.
    waitUntil(
        "const s = window.sahelMap.events(); return !s.loading && s.events + s.clustered > 0");
    assertThat(run("return window.sahelMap.map.getBounds().contains([18.44, 1.41])"))
        .as("Kidal in view")
        .isEqualTo(true);

    // The sheet opens on the events: a list a thumb can read, inside the screen.
    assertThat(run("return document.querySelector('.sheet-tabs [aria-selected=true]').textContent"))
        .isEqualTo("Events");
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(d -> !d.findElements(By.cssSelector("#event-list li[data-event]")).isEmpty());
    Map<String, Number> list = rect("#event-list");
    assertThat(list.get("height").doubleValue()).isGreaterThanOrEqualTo(150);
    assertThat(list.get("bottom").doubleValue()).isLessThanOrEqualTo(844.5);
    Files.write(SHOTS.resolve("phone-events.png"), driver.getScreenshotAs(OutputType.BYTES));

    // Another tab shows its panel instead; the legend unfolds inside the map and scrolls there.
    driver.findElement(By.id("tab-layers-details")).click();
    assertThat(driver.findElement(By.id("layer-panel")).isDisplayed()).isTrue();
    assertThat(driver.findElement(By.id("event-list")).isDisplayed()).isFalse();
    driver.findElement(By.cssSelector("#legend > summary")).click();
    assertThat(rect("#legend").get("bottom").doubleValue())
        .isLessThanOrEqualTo(map.get("bottom").doubleValue());
    assertThat(rect("#legend").get("top").doubleValue())
        .isGreaterThanOrEqualTo(map.get("top").doubleValue());
    assertNoPageScroll("with the legend open on a phone");
    Files.write(SHOTS.resolve("phone-layers-legend.png"), driver.getScreenshotAs(OutputType.BYTES));
    assertThat(Browser.consoleErrors(driver)).isEmpty();
  }
}
