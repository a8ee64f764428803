package org.sahelmap.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import org.sahelmap.testing.Browser;
import org.sahelmap.testing.LiveApp;
import org.sahelmap.testing.NeedsBrowser;

/**
 * What the server is asked for when the time window moves on before its tiles came: the tiles of a
 * window the user has already left are cancelled in the browser, not built by the server on the two
 * cores the tiles of the window they stopped on need. Requests are counted at the server.
 */
@NeedsBrowser
class TimelineTileRequestsBrowserTest {
  static LiveApp live;

  /** The datetime of every event tile request the server received. */
  static final Queue<String> tileRequests = new ConcurrentLinkedQueue<>();

  static ChromeDriver driver;

  /** How long each tile is held at the server before it is built. */
  static final long TILE_LATENCY_MS = 250;

  @BeforeAll
  static void start() {
    live = LiveApp.start();
    live.app()
        .before(
            ctx -> {
              if (ctx.path().contains("/tiles/WebMercatorQuad/")) {
                tileRequests.add(String.valueOf(ctx.queryParam("datetime")));
                // A tile takes a real server's time to come (a loaded one takes longer): without
                // it, a slow frame on a loaded machine lets every tile of a window arrive before
                // the next window, and there is nothing left to cancel.
                Thread.sleep(TILE_LATENCY_MS);
              }
            });
    driver = Browser.open(1366, 768);
    driver.get(live.base());
    Browser.waitReady(driver);
    drawn();
  }

  @AfterAll
  static void stop() {
    driver.quit();
    live.close();
  }

  @Test
  void aWindowLeftInTheSameMomentAsksForNoTiles() {
    String before = window(Browser.js(driver).executeScript(TIME_OF_HASH));
    tileRequests.clear();
    // Both thumbs moved at once, as a script or a keyboard shortcut does: two windows in one task.
    Browser.js(driver)
        .executeScript(
            "const [a, b] = document.querySelectorAll('#timeline input[type=range]');"
                + " a.value = Number(a.min) + 24; a.dispatchEvent(new Event('input'));"
                + " b.value = Number(a.value) + 11; b.dispatchEvent(new Event('input'));");
    drawn();
    // Tiles fetched ahead for the window before (map/prefetch.js) may still be on their way.
    List<String> asked = tileRequests.stream().filter(t -> !t.equals(before)).toList();
    String passed = window(Browser.js(driver).executeScript(TIME_OF_HASH));
    assertThat(asked).as("the tiles of the window the page shows").isNotEmpty();
    assertThat(asked)
        .as("every tile request is for the window the page settled on (%s)", passed)
        .containsOnly(passed);
  }

  @Test
  void aWindowLeftWhileItsTilesLoadSendsOnlyWhatWasAlreadyOnItsWay() {
    String before = window(Browser.js(driver).executeScript(TIME_OF_HASH));
    tileRequests.clear();
    // Ten windows one frame apart, as a drag of the slider gives: at most the browser's six
    // connections' worth of each left window reach the server, never all of its tiles.
    Browser.js(driver)
        .executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + " const [a, b] = document.querySelectorAll('#timeline input[type=range]');"
                + " let i = 0; const step = () => {"
                + "  a.value = Number(a.min) + 36 + i; a.dispatchEvent(new Event('input'));"
                + "  b.value = Number(a.value) + 5; b.dispatchEvent(new Event('input'));"
                + "  if (++i < 10) requestAnimationFrame(step); else done(); };"
                + " requestAnimationFrame(step);");
    drawn();
    // Tiles fetched ahead for the window before (map/prefetch.js) may still be on their way.
    List<String> asked = tileRequests.stream().filter(t -> !t.equals(before)).toList();
    String passed = window(Browser.js(driver).executeScript(TIME_OF_HASH));
    long last = asked.stream().filter(passed::equals).count();
    long inView = ((Number) Browser.js(driver).executeScript(TILES_IN_VIEW)).longValue();
    assertThat(last).as("the last window's tiles").isEqualTo(inView);
    // Without cancelling, each of the nine windows left asks for all its tiles in view.
    assertThat(asked.size() - last)
        .as("tiles of the nine windows left, %d in view each", inView)
        .isLessThan(9 * inView);
  }

  private static final String TIME_OF_HASH =
      "const p = new URLSearchParams(location.hash.slice(1)); return p.get('t');";

  /** Tiles of the events layer on screen now, at the map's zoom. */
  private static final String TILES_IN_VIEW =
      "return document.querySelectorAll('.event-tiles .event-tile').length;";

  /** The permalink's window, "from/to" as the tiles' datetime parameter carries it. */
  private static String window(Object permalinkTime) {
    return String.valueOf(permalinkTime);
  }

  private static void drawn() {
    Browser.js(driver)
        .executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + " window.sahelMap.eventsDrawn().then(() => done(true));");
  }
}
