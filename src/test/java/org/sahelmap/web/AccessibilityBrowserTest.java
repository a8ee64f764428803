package org.sahelmap.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.sahelmap.testing.Browser;
import org.sahelmap.testing.DevData;
import org.sahelmap.testing.LiveApp;
import org.sahelmap.testing.NeedsBrowser;

/**
 * The page for keyboard and screen-reader users: an axe-core audit (npm, web-deps; read from
 * node_modules, never shipped) finds nothing serious or critical, the first Tab offers a skip link,
 * tabbing never moves the map, and a popup opened from the keyboard stays inside the map.
 */
@NeedsBrowser
class AccessibilityBrowserTest {
  static LiveApp live;
  ChromeDriver driver;

  @BeforeAll
  static void start() {
    live = LiveApp.start();
  }

  @AfterAll
  static void stop() {
    live.close();
  }

  @AfterEach
  void quit() {
    if (driver != null) {
      driver.quit();
    }
  }

  private void open(int width, int height, String hash) {
    driver = Browser.open(width, height);
    driver.get(live.base() + hash);
    Browser.waitReady(driver);
  }

  @Test
  void axeFindsNothingSeriousWithEveryPanelOpenAndAPopupShown() throws Exception {
    open(1366, 768, "#event=pnd-2024-07-tinzaouaten-defeat");
    Browser.js(driver)
        .executeScript(
            "document.querySelectorAll('details.panel').forEach((d) => { d.open = true; });");
    Thread.sleep(800);
    assertThat(
            Browser.js(driver).executeScript("return !!document.querySelector('.leaflet-popup')"))
        .as("the event's popup is open")
        .isEqualTo(true);
    assertThat(serious()).as("axe at 1366x768").isEmpty();
    screenshot("a11y-panels-1366x768.png");
  }

  @Test
  void axeFindsNothingSeriousOnAPhone() throws Exception {
    driver = Browser.open(390, 844);
    Browser.viewport(driver, 390, 844, true);
    driver.get(live.base());
    Browser.waitReady(driver);
    Thread.sleep(500);
    assertThat(serious()).as("axe at 390x844").isEmpty();
    screenshot("a11y-phone-390x844.png");
  }

  @ParameterizedTest(name = "{0}×{1}")
  @CsvSource({"1366, 768", "390, 844"})
  void theFirstTabOffersToSkipToTheMapAndTheEvents(int width, int height) throws Exception {
    // On a phone the events are one of the sidebar's tabs: skipping there must still land in them.
    open(width, height, "");
    new Actions(driver).sendKeys(Keys.TAB).perform();
    Map<?, ?> first = focused();
    assertThat(first.get("text")).as("first stop").isEqualTo("Skip to the map");
    assertThat(first.get("visible")).as("the skip link shows when focused").isEqualTo(true);
    screenshot("a11y-skip-link-" + width + "x" + height + ".png");
    new Actions(driver).sendKeys(Keys.TAB).perform();
    assertThat(focused().get("text")).as("second stop").isEqualTo("Skip to the events");
    new Actions(driver).sendKeys(Keys.ENTER).perform();
    new Actions(driver).sendKeys(Keys.TAB).perform();
    assertThat(focused().get("inEvents"))
        .as("after Skip to the events, Tab goes on inside the events panel")
        .isEqualTo(true);
  }

  @Test
  void tabbingThroughThePageNeverMovesTheMapAndReachesEveryPanel() {
    open(1366, 768, "");
    String center = center();
    List<String> stops = new ArrayList<>();
    boolean layers = false;
    boolean events = false;
    for (int i = 0; i < 120 && !(layers && events); i++) {
      new Actions(driver).sendKeys(Keys.TAB).perform();
      Map<?, ?> f = focused();
      stops.add(String.valueOf(f.get("label")));
      assertThat(f.get("named"))
          .as("stop %d (%s) has an accessible name", i, f.get("label"))
          .isEqualTo(true);
      assertThat(center())
          .as("the map's centre after %d Tabs (%s)", i + 1, stops)
          .isEqualTo(center);
      layers |= Boolean.TRUE.equals(f.get("inLayers"));
      events |= Boolean.TRUE.equals(f.get("inEvents"));
    }
    assertThat(layers).as("a layer checkbox reached, stops: %s", stops).isTrue();
    assertThat(events).as("the events panel reached, stops: %s", stops).isTrue();
  }

  @Test
  void anEventOpenedFromTheKeyboardHasItsPopupInsideTheMapAndClearOfItsControls() throws Exception {
    // A view whose events lie near the map's foot, where a popup used to run off the edge.
    open(1366, 768, "#map=7/20.6/1.6");
    Browser.js(driver).executeScript("document.querySelector('#event-list button').focus();");
    new Actions(driver).sendKeys(Keys.ENTER).perform();
    // The map flies to the event, opens its popup, then pans it into view: wait for that to end.
    Map<?, ?> r = null;
    for (int i = 0; i < 40 && (r == null || !Boolean.TRUE.equals(r.get("inside"))); i++) {
      Thread.sleep(250);
      r = popupPlace();
    }
    assertThat(r).as("a popup is open").isNotNull();
    screenshot("a11y-keyboard-popup-1366x768.png");
    assertThat(r.get("inside")).as("popup %s inside the map", r.get("popup")).isEqualTo(true);
    assertThat(r.get("clear")).as("popup %s clear of the toolbars", r.get("popup")).isEqualTo(true);
  }

  /** The open popup's box and whether it lies inside the map and clear of its toolbars, or null. */
  private Map<?, ?> popupPlace() {
    return (Map<?, ?>)
        Browser.js(driver)
            .executeScript(
                "const p = document.querySelector('.leaflet-popup');"
                    + " if (!p) return null;"
                    + " const a = p.getBoundingClientRect();"
                    + " const m = document.getElementById('map').getBoundingClientRect();"
                    + " const c = document.querySelector('.leaflet-top.leaflet-left').getBoundingClientRect();"
                    + " return { inside: a.left >= m.left && a.right <= m.right && a.top >= m.top"
                    + "  && a.bottom <= m.bottom, clear: a.left >= c.right || a.top >= c.bottom,"
                    + "  popup: [a.left, a.top, a.right, a.bottom].map(Math.round) };");
  }

  /** axe-core's violations of impact serious or critical, each as "rule: help — targets". */
  @SuppressWarnings("unchecked")
  private List<String> serious() throws Exception {
    Path axe = DevData.repoRoot().resolve("web-deps/node_modules/axe-core/axe.min.js");
    Browser.js(driver).executeScript(Files.readString(axe));
    Map<String, Object> r =
        (Map<String, Object>)
            Browser.js(driver)
                .executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                        + " axe.run(document).then((r) => done({ passes: r.passes.length, serious:"
                        + " r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')"
                        + " .map((v) => v.id + ': ' + v.help + ' -- ' + v.nodes.slice(0, 4)"
                        + " .map((n) => n.target.join(' ')).join(' | ')) }))"
                        + " .catch((e) => done({ passes: 0, serious: ['axe failed: ' + e] }));");
    // An audit that checked nothing would find nothing: it must have passed rules on this page.
    assertThat(((Number) r.get("passes")).intValue()).as("rules axe passed").isGreaterThan(20);
    return (List<String>) r.get("serious");
  }

  private Map<?, ?> focused() {
    return (Map<?, ?>)
        Browser.js(driver)
            .executeScript(
                "const e = document.activeElement; const r = e.getBoundingClientRect();"
                    + " const name = (e.getAttribute('aria-label') || e.getAttribute('title')"
                    + "  || e.textContent || (e.labels && e.labels[0] && e.labels[0].textContent)"
                    + "  || e.getAttribute('placeholder') || '').trim();"
                    + " return { text: (e.textContent || '').trim(), label: e.tagName + ' ' + name.slice(0, 40),"
                    + "  named: name.length > 0, visible: r.width > 1 && r.height > 1 && r.top >= 0,"
                    + "  inLayers: !!e.closest('#layer-panel'), inEvents: !!e.closest('#events-panel') };");
  }

  private String center() {
    return String.valueOf(
        Browser.js(driver)
            .executeScript(
                "const c = window.sahelMap.map.getCenter(); return c.lat.toFixed(4) + ','"
                    + " + c.lng.toFixed(4) + '@' + window.sahelMap.map.getZoom();"));
  }

  private void screenshot(String name) throws Exception {
    Path dir = Path.of("target", "screenshots");
    Files.createDirectories(dir);
    Files.write(dir.resolve(name), driver.getScreenshotAs(OutputType.BYTES));
  }
}
