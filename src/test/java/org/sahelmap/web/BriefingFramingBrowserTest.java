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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sahelmap.testing.Browser;
import org.sahelmap.testing.LiveApp;
import org.sahelmap.testing.NeedsBrowser;
import org.sahelmap.testing.TestAccounts;

/**
 * The default briefing presented from a laptop to a 4K screen: every slide's bbox (its centre and
 * corners) and its highlighted events fall in the free part of the map, clear of the legend, the
 * text panel and the controls, and no text in the panel is cut off.
 */
@NeedsBrowser
class BriefingFramingBrowserTest {
  static final Path SHOTS = Path.of("target/screenshots/briefing-framing");
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

  private Object run(String script, Object... args) {
    return Browser.js(driver).executeScript(script, args);
  }

  // Everything on the slide that must be seen, as container points, and every rect that covers
  // the map (measured independently of the framing code). A point is free when it is inside the
  // map and outside every cover; an element's text overflows when it neither fits nor scrolls.
  private static final String PROBE =
      """
      const m = window.sahelMap.map, slide = window.sahelMap.briefingSlide(arguments[0]);
      const box = m.getContainer().getBoundingClientRect();
      const [w, s, e, n] = slide.view.bbox;
      const pts = [[(s + n) / 2, (w + e) / 2], [s, w], [s, e], [n, w], [n, e]]
        .map(([la, lo]) => ({ what: 'bbox ' + la + ',' + lo, p: m.latLngToContainerPoint([la, lo]) }));
      for (const id of slide.events) {
        const ll = window.sahelMap.eventLatLng(id);
        if (ll) pts.push({ what: 'event ' + id, p: m.latLngToContainerPoint(ll) });
      }
      const covers = [...document.querySelectorAll(
          '.legend, .leaflet-control-container .leaflet-control, #presenter > :not(.slide-overview)')]
        .map((el) => ({ el, r: el.getBoundingClientRect() })).filter((c) => c.r.width && c.r.height);
      const bad = [];
      for (const { what, p } of pts) {
        const x = p.x + box.left, y = p.y + box.top;
        if (x < box.left || x > box.right || y < box.top || y > box.bottom) { bad.push(what + ' off the map'); continue; }
        for (const { el, r } of covers) {
          if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) bad.push(what + ' under ' + el.className);
        }
      }
      const overflow = [...document.querySelectorAll('#presenter .slide-panel, #presenter .slide-panel *')]
        .filter((el) => el.offsetParent && el.scrollHeight > el.clientHeight + 1
          && !['auto', 'scroll'].includes(getComputedStyle(el).overflowY)
          && getComputedStyle(el).display !== 'inline')
        .map((el) => el.className || el.tagName);
      const panel = document.querySelector('#presenter .slide-panel');
      const scrolls = panel.scrollHeight > panel.clientHeight + 1;
      return { bad, overflow, scrolls: scrolls ? ['panel scrolls'] : [] };
      """;

  @ParameterizedTest
  @CsvSource({"1280,720", "1366,768", "1920,1080", "3840,2160"})
  void everySlideShowsItsSubjectInTheFreePartOfTheMap(int width, int height) throws Exception {
    // The screen under test is the viewport, set exactly (the window also counts its frame).
    driver = Browser.openPage(live, width, height, false, TestAccounts.ANALYST);
    driver.findElement(By.cssSelector("#briefing-details > summary")).click();
    run(
        "Element.prototype.requestFullscreen ="
            + " () => Promise.reject(new Error('refused in this test'))");
    long n = driver.findElements(By.cssSelector("#briefing-panel .slide-list li")).size();
    assertThat(n).isGreaterThan(5);
    driver.findElement(By.cssSelector("[data-action=present]")).click();
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        new Actions(driver).sendKeys(Keys.ARROW_RIGHT).perform();
      }
      int index = i;
      new WebDriverWait(driver, Duration.ofSeconds(20))
          .until(
              d ->
                  String.valueOf(index)
                      .equals(run("return document.getElementById('presenter').dataset.arrived")));
      Thread.sleep(300);
      Files.write(
          SHOTS.resolve(String.format("%dx%d-slide-%02d.png", width, height, i + 1)),
          driver.getScreenshotAs(OutputType.BYTES));
      @SuppressWarnings("unchecked")
      Map<String, List<String>> probe = (Map<String, List<String>>) run(PROBE, i);
      assertThat(probe.get("bad"))
          .as("slide %d at %dx%d: subject not in the free map", i + 1, width, height)
          .isEmpty();
      assertThat(probe.get("overflow"))
          .as("slide %d at %dx%d: text cut off", i + 1, width, height)
          .isEmpty();
      assertThat(probe.get("scrolls"))
          .as("slide %d at %dx%d: the text should fit without scrolling", i + 1, width, height)
          .isEmpty();
    }
  }
}
