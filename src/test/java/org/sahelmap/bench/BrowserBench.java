package org.sahelmap.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.DoubleStream;
import org.openqa.selenium.chrome.ChromeDriver;
import org.sahelmap.testing.Browser;
import org.sahelmap.testing.BulkEvents;
import org.sahelmap.testing.LiveApp;

/**
 * The page at 200,000 events in headless Chromium at 1366×768 (run by bench/browser-bench.sh): time
 * to first paint and to the first full set of event tiles, time to redraw after a zoom, a pan and a
 * timeline change (each repeated, median and worst; back to back, then zoom and pan again after a
 * rest), and the JS heap afterwards. Figures go to standard output as a table; nothing is asserted
 * (speed is measured, not tested).
 */
public final class BrowserBench {
  private static final int REPEATS = 6;

  /** How long a user looks at the map between two moves, in this benchmark. */
  private static final long REST_MS = 3_000;

  private BrowserBench() {}

  public static void main(String[] args) throws Exception {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    try (LiveApp live = LiveApp.start()) {
      BulkEvents.load(live.db(), events);
      ChromeDriver driver = Browser.open(1366, 768);
      try {
        run(driver, live.base(), events);
      } finally {
        driver.quit();
      }
    }
  }

  private static void run(ChromeDriver driver, String base, int events) {
    // A first visit warms the server's caches and the browser's; the timed one is a fresh load.
    driver.get(base);
    Browser.waitReady(driver);
    List<Double> firstPaint = new ArrayList<>();
    List<Double> firstEvents = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      driver.get("about:blank");
      driver.get(base);
      Browser.waitReady(driver);
      Map<?, ?> t = (Map<?, ?>) script(driver, PAINT_TIMES);
      firstPaint.add(((Number) t.get("fcp")).doubleValue());
      firstEvents.add(((Number) t.get("events")).doubleValue());
    }
    List<Move> zoom = new ArrayList<>();
    List<Move> pan = new ArrayList<>();
    List<Move> time = new ArrayList<>();
    for (int i = 0; i < REPEATS; i++) {
      zoom.add(
          timed(
              driver,
              "m.setZoom(m.getZoom() + (" + (i % 2 == 0 ? 1 : -1) + "), {animate: false});"));
      pan.add(
          timed(driver, "m.panBy([" + (i % 2 == 0 ? 320 : -320) + ", 160], {animate: false});"));
      time.add(
          timed(
              driver,
              "const [a, b] = document.querySelectorAll('#timeline input[type=range]');"
                  + " a.value = Number(a.min) + "
                  + (12 * (i + 2))
                  + "; a.dispatchEvent(new Event('input'));"
                  + " b.value = Number(a.value) + 11; b.dispatchEvent(new Event('input'));"));
    }
    // The same moves after the map has rested as a user looking at it would (REST_MS), which is
    // when the page fetches ahead the tiles a next pan or zoom needs (map/prefetch.js).
    List<Move> restedZoom = new ArrayList<>();
    List<Move> restedPan = new ArrayList<>();
    List<Double> ahead = new ArrayList<>();
    int unfinished = 0;
    for (int i = 0; i < REPEATS * 2; i++) {
      rest();
      Map<?, ?> p = (Map<?, ?>) script(driver, "return window.sahelMap.events().prefetch");
      ahead.add(((Number) p.get("asked")).doubleValue());
      unfinished += Boolean.TRUE.equals(p.get("done")) ? 0 : 1;
      if (i % 2 == 1) {
        restedPan.add(
            timed(driver, "m.panBy([" + (i % 4 == 1 ? -320 : 320) + ", -160], {animate: false});"));
        continue;
      }
      restedZoom.add(
          timed(
              driver,
              "m.setZoom(m.getZoom() + (" + (i % 4 == 0 ? 1 : -1) + "), {animate: false});"));
    }
    Map<?, ?> stats = (Map<?, ?>) script(driver, "return window.sahelMap.events()");
    double heapMb =
        ((Number) script(driver, "return performance.memory.usedJSHeapSize")).doubleValue() / 1e6;
    System.out.printf(
        Locale.ROOT, "browser-bench: %,d synthetic events + the curated ones, 1366x768%n", events);
    System.out.printf(
        Locale.ROOT,
        "%-34s %10s %10s %8s %10s%n",
        "measure",
        "median ms",
        "worst ms",
        "tiles",
        "last tile");
    row("first contentful paint", firstPaint);
    row("events drawn after load", firstEvents);
    moves("redraw after zoom", zoom);
    moves("redraw after pan", pan);
    moves("redraw after timeline change", time);
    moves("zoom after a " + REST_MS / 1000 + " s rest", restedZoom);
    moves("pan after a " + REST_MS / 1000 + " s rest", restedPan);
    System.out.printf(
        Locale.ROOT,
        "%-34s %10.0f %10s%n",
        "tiles fetched ahead per rest",
        ahead.stream().mapToDouble(Double::doubleValue).sorted().toArray()[ahead.size() / 2],
        unfinished + " of " + ahead.size() + " unfinished");
    System.out.printf(Locale.ROOT, "%-34s %10.1f%n", "JS heap used (MB)", heapMb);
    System.out.printf(
        Locale.ROOT,
        "%-34s %10s%n",
        "last view: tiles / symbols / worst tile draw ms",
        stats.get("tiles") + " / " + stats.get("symbols") + " / " + stats.get("maxDrawMs"));
    System.out.println(
        "slowest tile draws (ms, symbols, nth tile drawn): " + stats.get("slowestDraws"));
  }

  private static final String PAINT_TIMES =
      "const done = arguments[arguments.length - 1];"
          + " window.sahelMap.eventsDrawn().then(() => {"
          + "  const fcp = performance.getEntriesByName('first-contentful-paint')[0];"
          + "  const ev = performance.getEntriesByName('events-drawn')[0];"
          + "  done({ fcp: fcp ? fcp.startTime : -1, events: ev ? ev.startTime : performance.now() });"
          + " });";

  /**
   * One timed move: ms until every tile in view was drawn, the tile requests it sent, and ms until
   * the last of their responses arrived (the rest of the redraw is the page's own work).
   */
  private record Move(double ms, double tiles, double lastTile) {}

  /** Runs the action on the map (m) and answers the time until every tile in view is drawn. */
  private static Move timed(ChromeDriver driver, String action) {
    Map<?, ?> r =
        (Map<?, ?>)
            driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1]; const m = window.sahelMap.map;"
                    // The buffer holds 250 entries and the page has long filled it.
                    + " performance.clearResourceTimings(); const t0 = performance.now(); "
                    + action
                    + " window.sahelMap.eventsDrawn().then(() => requestAnimationFrame(() => {"
                    + "  const ms = performance.now() - t0;"
                    + "  const tiles = performance.getEntriesByType('resource')"
                    + "    .filter((e) => e.name.includes('/tiles/') && e.startTime >= t0);"
                    + "  const last = tiles.reduce((a, e) => Math.max(a, e.responseEnd - t0), 0);"
                    + "  done({ ms, tiles: tiles.length, last });"
                    + " }));");
    return new Move(
        ((Number) r.get("ms")).doubleValue(),
        ((Number) r.get("tiles")).doubleValue(),
        ((Number) r.get("last")).doubleValue());
  }

  private static void rest() {
    try {
      Thread.sleep(REST_MS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Object script(ChromeDriver driver, String js) {
    return js.contains("arguments[arguments.length - 1]")
        ? driver.executeAsyncScript(js)
        : driver.executeScript(js);
  }

  private static void row(String name, List<Double> ms) {
    double[] v = sorted(ms.stream().mapToDouble(Double::doubleValue));
    System.out.printf(Locale.ROOT, "%-34s %10.0f %10.0f%n", name, v[v.length / 2], v[v.length - 1]);
  }

  /** A row of moves, with the median tiles each sent and when the last of them arrived. */
  private static void moves(String name, List<Move> moves) {
    double[] ms = sorted(moves.stream().mapToDouble(Move::ms));
    double[] tiles = sorted(moves.stream().mapToDouble(Move::tiles));
    double[] last = sorted(moves.stream().mapToDouble(Move::lastTile));
    System.out.printf(
        Locale.ROOT,
        "%-34s %10.0f %10.0f %8.0f %10.0f%n",
        name,
        ms[ms.length / 2],
        ms[ms.length - 1],
        tiles[tiles.length / 2],
        last[last.length / 2]);
  }

  private static double[] sorted(DoubleStream values) {
    return values.sorted().toArray();
  }
}
