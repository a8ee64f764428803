package org.sahelmap.bench;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sahelmap.api.AppFactory;
import org.sahelmap.testing.Browser;
import org.sahelmap.testing.DevData;
import org.sahelmap.testing.LiveApp;
import org.sahelmap.testing.TestAccounts;

/**
 * The delay from a committed write to another browser's redraw (run by bench/live-bench.sh): two
 * server instances on one database, a page open on the second; each AOI is saved through the first
 * instance's API, and the page records (Date.now, same machine clock) when the AOI's list item
 * appears. Median and worst of the runs go to standard output; nothing is asserted.
 */
public final class LiveBench {
  private static final int RUNS = 30;

  private LiveBench() {}

  public static void main(String[] args) throws Exception {
    try (LiveApp live = LiveApp.start()) {
      Javalin second =
          AppFactory.create(live.db(), live.store(), 10000, DevData.documentsDir())
              .start("127.0.0.1", 0);
      ChromeDriver page = Browser.open(1366, 768);
      HttpClient http = HttpClient.newHttpClient();
      try {
        page.get("http://127.0.0.1:" + second.port() + "/");
        Browser.waitReady(page);
        new WebDriverWait(page, java.time.Duration.ofSeconds(10))
            .until(
                d -> "on".equals(Browser.js(d).executeScript("return document.body.dataset.live")));
        Browser.js(page)
            .executeScript(
                "window.seen = {}; new MutationObserver(() => {"
                    + " for (const li of document.querySelectorAll('#aoi-panel li[data-aoi]'))"
                    + "  if (!(li.dataset.aoi in window.seen)) window.seen[li.dataset.aoi] = Date.now();"
                    + "}).observe(document.getElementById('aoi-panel'), {childList: true, subtree: true});");
        List<Long> delays = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
          HttpResponse<String> r =
              http.send(
                  HttpRequest.newBuilder(URI.create(live.base() + "ogc/collections/aois/items"))
                      .header("Content-Type", "application/geo+json")
                      .header("Authorization", live.accounts().analyst())
                      .POST(
                          HttpRequest.BodyPublishers.ofString(
                              "{\"type\":\"Feature\",\"properties\":{\"name\":\"bench "
                                  + i
                                  + "\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
                                  + "[[[1,18],[2,18],[2,19],[1,19],[1,18]]]}}"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
          long committed = System.currentTimeMillis(); // the 201 comes after the commit
          String id = r.body().replaceAll(".*\"id\":\"(aoi-[a-z0-9]+)\".*", "$1");
          Object seen =
              new WebDriverWait(
                      page, java.time.Duration.ofSeconds(10), java.time.Duration.ofMillis(5))
                  .until(
                      d -> Browser.js(d).executeScript("return window.seen['" + id + "'] ?? null"));
          delays.add(((Number) seen).longValue() - committed);
          Thread.sleep(200);
        }
        report("commit to the other browser's list (ms)", delays);
        report("presenter's slide turn to a follower's, other instance (ms)", follow(live, second));
      } finally {
        page.quit();
        second.stop();
      }
    }
  }

  private static void report(String measure, List<Long> delays) {
    delays.sort(Long::compare);
    int n = delays.size();
    System.out.printf(
        Locale.ROOT,
        "| %s | %d | %d | %d | %d |%n",
        measure,
        n,
        delays.get(n / 2),
        delays.get((int) Math.floor(n * 0.9)),
        delays.get(n - 1));
  }

  /**
   * A presenter (alice, first instance) turns slides back and forth; a follower (vera, second
   * instance, /?follow=) records when its stage shows each turn. Both clocks are this machine's.
   */
  private static List<Long> follow(LiveApp live, Javalin second) throws Exception {
    ChromeDriver presenter = Browser.open(1366, 768);
    ChromeDriver follower = Browser.open(1366, 768);
    try {
      live.signIn(presenter, TestAccounts.ANALYST);
      presenter.get(live.base());
      Browser.waitReady(presenter);
      Browser.js(presenter)
          .executeScript("document.querySelector('#briefing-panel [data-action=present]').click()");
      until(presenter, "document.querySelector('#presenter').dataset.arrived === '0'");
      live.signIn(follower, TestAccounts.VIEWER);
      follower.get("http://127.0.0.1:" + second.port() + "/?follow=partnership-not-dependency");
      Browser.waitReady(follower);
      until(follower, "document.querySelector('#presenter').dataset.slide === '0'");
      Browser.js(follower)
          .executeScript(
              "window.turns = []; new MutationObserver(() => window.turns.push(Date.now()))"
                  + ".observe(document.getElementById('presenter'),"
                  + " {attributes: true, attributeFilter: ['data-slide']});");
      List<Long> delays = new ArrayList<>();
      for (int i = 0; i < RUNS; i++) {
        long pressed =
            ((Number)
                    Browser.js(presenter)
                        .executeScript(
                            "const t = Date.now(); document.dispatchEvent(new KeyboardEvent("
                                + "'keydown', {key: '"
                                + (i % 2 == 0 ? "ArrowRight" : "ArrowLeft")
                                + "'})); return t;"))
                .longValue();
        int turn = i;
        Object seen =
            new WebDriverWait(
                    follower, java.time.Duration.ofSeconds(10), java.time.Duration.ofMillis(5))
                .until(
                    d -> Browser.js(d).executeScript("return window.turns[" + turn + "] ?? null"));
        delays.add(((Number) seen).longValue() - pressed);
        Thread.sleep(400);
      }
      return delays;
    } finally {
      presenter.quit();
      follower.quit();
    }
  }

  private static void until(ChromeDriver d, String condition) {
    new WebDriverWait(d, java.time.Duration.ofSeconds(15))
        .until(
            x -> Boolean.TRUE.equals(Browser.js(x).executeScript("return !!(" + condition + ")")));
  }
}
