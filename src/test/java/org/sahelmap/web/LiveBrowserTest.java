package org.sahelmap.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sahelmap.api.AppFactory;
import org.sahelmap.testing.Browser;
import org.sahelmap.testing.DevData;
import org.sahelmap.testing.LiveApp;
import org.sahelmap.testing.TestAccounts;

/**
 * Issue 17 in real Chromium: two server instances on one database and a browser on each. An AOI
 * saved in the first browser appears in the second's list and map within a second, with no reload;
 * deleting it takes it away there too.
 */
class LiveBrowserTest {
  static LiveApp live;
  static Javalin second;

  @BeforeAll
  static void start() {
    live = LiveApp.start();
    second =
        AppFactory.create(live.db(), live.store(), 10000, DevData.documentsDir())
            .start("127.0.0.1", 0);
  }

  @AfterAll
  static void stop() {
    second.stop();
    live.close();
  }

  static Object js(ChromeDriver d, String script) {
    return Browser.js(d).executeScript(script);
  }

  static boolean listed(ChromeDriver d, String name) {
    return Boolean.TRUE.equals(
        js(
            d,
            "return [...document.querySelectorAll('#aoi-panel li[data-aoi]')]"
                + ".some(li => li.textContent.includes('"
                + name
                + "'))"));
  }

  @Test
  void anAoiSavedInOneBrowserAppearsInAnotherOnAnotherServerWithinASecond() {
    ChromeDriver analyst = Browser.open(1366, 768);
    ChromeDriver watcher = Browser.open(1366, 768);
    try {
      live.signIn(analyst, TestAccounts.ANALYST);
      analyst.get(live.base());
      Browser.waitReady(analyst);
      watcher.get("http://127.0.0.1:" + second.port() + "/");
      Browser.waitReady(watcher);
      new WebDriverWait(watcher, Duration.ofSeconds(10))
          .until(d -> "on".equals(js(watcher, "return document.body.dataset.live")));
      assertThat(listed(watcher, "Seen live")).isFalse();

      // Saved through the first page's own module: its session, its CSRF token.
      Object id =
          Browser.js(analyst)
              .executeAsyncScript(
                  "const done = arguments[arguments.length - 1];"
                      + "import('/js/aois.js').then((m) => m.create({type: 'Feature',"
                      + " properties: {name: 'Seen live'}, geometry: {type: 'Polygon',"
                      + " coordinates: [[[1,18],[2,18],[2,19],[1,19],[1,18]]]}}))"
                      + ".then((r) => done(r.feature.id), (e) => done('failed: ' + e.message));");
      assertThat(String.valueOf(id)).startsWith("aoi-");
      long saved = System.nanoTime();
      new WebDriverWait(watcher, Duration.ofSeconds(5), Duration.ofMillis(20))
          .until(d -> listed(watcher, "Seen live"));
      long ms = (System.nanoTime() - saved) / 1_000_000;
      assertThat(ms).as("from the save's answer to the other page's list").isLessThan(1000);
      assertThat(js(watcher, "return !!document.querySelector('#map [data-aoi=\"" + id + "\"]')"))
          .as("drawn on the other map too")
          .isEqualTo(true);

      Object deleted =
          Browser.js(analyst)
              .executeAsyncScript(
                  "const done = arguments[arguments.length - 1];"
                      + "import('/js/aois.js').then(async (m) => { const a = await m.get('"
                      + id
                      + "'); await m.remove('"
                      + id
                      + "', a.etag); done('ok'); }).catch((e) => done('failed: ' + e.message));");
      assertThat(deleted).isEqualTo("ok");
      new WebDriverWait(watcher, Duration.ofSeconds(5), Duration.ofMillis(20))
          .until(d -> !listed(watcher, "Seen live"));
      assertThat(watcher.getCurrentUrl())
          .as("no reload")
          .startsWith("http://127.0.0.1:" + second.port());
    } finally {
      analyst.quit();
      watcher.quit();
    }
  }
}
