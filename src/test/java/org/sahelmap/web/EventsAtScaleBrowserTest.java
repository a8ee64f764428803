package org.sahelmap.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sahelmap.testing.Browser;
import org.sahelmap.testing.BulkEvents;
import org.sahelmap.testing.LiveApp;
import org.sahelmap.testing.NeedsBrowser;

/**
 * The page at 200,000 events (plus the 36 curated ones): every count it shows is the database's,
 * the map draws what its tiles hold and no more, and the filter narrows map, list and timeline.
 * Counts are checked against SQL written here, not against the server's own queries.
 */
@NeedsBrowser
@Tag("slow")
class EventsAtScaleBrowserTest {
  static final int SYNTHETIC = 200_000;
  static LiveApp live;
  ChromeDriver driver;

  @BeforeAll
  static void startApp() throws Exception {
    live = LiveApp.start();
    BulkEvents.load(live.db(), SYNTHETIC);
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

  @Test
  void showsTheTrueTotalsAndDrawsOnlyWhatItsTilesHold() throws Exception {
    open("");
    long all = sqlCount("TRUE", List.of());
    assertThat(all).isEqualTo(SYNTHETIC + 36);
    assertThat(timelineCount("total")).isEqualTo(all);
    assertThat(timelineCount("inWindow")).isEqualTo(all);

    // The list: one page, and the count of the events in the view.
    double[] b = viewBounds();
    long inView = sqlCount(BBOX, List.of(b[0], b[1], b[2], b[3]));
    assertThat(inView).isGreaterThan(190_000);
    assertThat(listTotal()).isEqualTo(inView);
    assertThat(driver.findElements(By.cssSelector("#event-list li[data-event]"))).hasSize(50);
    assertThat(driver.findElement(By.id("event-status")).getText())
        .isEqualTo("1–50 of " + String.format("%,d", inView) + " events in view");

    // The map: clusters and events from the loaded tiles add up to the events inside those tiles,
    // with a bounded number of symbols and no DOM marker per event.
    Map<String, Object> stats = stats();
    long inTiles = sqlCountInTiles(tileKeys(stats));
    assertThat(((Number) stats.get("events")).longValue() + num(stats, "clustered"))
        .isEqualTo(inTiles);
    assertThat(inTiles).isGreaterThanOrEqualTo(inView);
    assertThat(num(stats, "symbols")).isBetween(1L, 3000L);
    assertThat(driver.findElements(By.cssSelector(".event-marker"))).hasSizeLessThanOrEqualTo(2);
    assertThat(Browser.consoleErrors(driver)).isEmpty();
    screenshot("scale-200k-1366x768.png");

    // Zoomed in on Gao: the same holds, and individual events appear where tiles hold few.
    open("#map=11/16.27/-0.05");
    stats = stats();
    assertThat(num(stats, "events") + num(stats, "clustered"))
        .isEqualTo(sqlCountInTiles(tileKeys(stats)));
    b = viewBounds();
    assertThat(listTotal()).isEqualTo(sqlCount(BBOX, List.of(b[0], b[1], b[2], b[3])));
    screenshot("scale-200k-gao-z11.png");
  }

  @Test
  void searchCategoriesAndTimeWindowNarrowListTimelineAndMap() {
    open("#map=6/17/-1&t=2023-01-01/2023-12-31&q=Kidal&cat=military,report");
    String text =
        "(properties->>'title' ILIKE ? OR properties->>'summary' ILIKE ?"
            + " OR properties->>'place_name' ILIKE ? OR (properties->'actors')::text ILIKE ?)";
    String cats = "properties->>'category' IN ('military', 'report')";
    String window = "t_start <= '2023-12-31T23:59:59.999999Z' AND t_end >= '2023-01-01T00:00:00Z'";
    List<Object> like = List.of("%Kidal%", "%Kidal%", "%Kidal%", "%Kidal%");
    long filtered = sqlCount(text + " AND " + cats, like);
    long inWindow = sqlCount(text + " AND " + cats + " AND " + window, like);
    assertThat(inWindow).isBetween(1_000L, filtered - 1);
    assertThat(timelineCount("total")).isEqualTo(filtered);
    assertThat(timelineCount("inWindow")).isEqualTo(inWindow);
    double[] b = viewBounds();
    List<Object> params = new ArrayList<>(like);
    params.addAll(List.of(b[0], b[1], b[2], b[3]));
    assertThat(listTotal())
        .isEqualTo(sqlCount(text + " AND " + cats + " AND " + window + " AND " + BBOX, params));
    Map<String, Object> stats = stats();
    assertThat(num(stats, "events") + num(stats, "clustered"))
        .isLessThanOrEqualTo(inWindow)
        .isPositive();
    // The form shows the filter the link carries.
    assertThat(driver.findElement(By.cssSelector(".event-search")).getAttribute("value"))
        .isEqualTo("Kidal");
    assertThat(
            driver.findElements(By.cssSelector(".category-filter input:checked")).stream()
                .map(e -> e.getAttribute("value"))
                .toList())
        .containsExactlyInAnyOrder("military", "report");

    // Ticking every category again lifts that part of the filter, in the link too.
    for (var box : driver.findElements(By.cssSelector(".category-filter input"))) {
      if (!box.isSelected()) {
        box.click();
      }
    }
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(d -> !d.getCurrentUrl().contains("cat="));
    long textOnly = sqlCount(text + " AND " + window, like);
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(d -> timelineCount("inWindow") == textOnly);
    assertThat(driver.getCurrentUrl()).contains("q=Kidal");
    assertThat(Browser.consoleErrors(driver)).isEmpty();
  }

  @Test
  void aClusterThatCannotSplitListsItsEventsAndOneThatCanZoomsIn() {
    // A fifth of the synthetic Kidal events sit exactly on the town's point, as datasets that
    // geocode to a town do: no zoom separates them.
    double lon = 1.40778;
    double lat = 18.44111;
    open("#map=14/" + lat + "/" + lon);
    assertThat(
            sqlCount(
                "geom && ST_MakeEnvelope(?, ?, ?, ?, 4326)",
                List.of(lon - 1e-5, lat - 1e-5, lon + 1e-5, lat + 1e-5)))
        .isGreaterThan(1_000);
    // The cluster holding them (with the few scattered ones of its grid cell) lists the events
    // of its own bounds.
    @SuppressWarnings("unchecked")
    List<Number> bounds = (List<Number>) clickBiggestCluster().get("bounds");
    double pad = 1e-5;
    long atSpot =
        sqlCount(
            "geom && ST_MakeEnvelope(?, ?, ?, ?, 4326)",
            List.of(
                bounds.get(0).doubleValue() - pad,
                bounds.get(1).doubleValue() - pad,
                bounds.get(2).doubleValue() + pad,
                bounds.get(3).doubleValue() + pad));
    assertThat(bounds.get(2).doubleValue() - bounds.get(0).doubleValue()).isLessThan(0.01);
    new WebDriverWait(driver, Duration.ofSeconds(20))
        .until(d -> d.findElement(By.id("event-status")).getText().contains("at this spot"));
    assertThat(listTotal()).isEqualTo(atSpot);
    assertThat(driver.findElement(By.id("event-status")).getText())
        .startsWith("1–50 of " + String.format("%,d", atSpot) + " events at this spot");

    // At zoom 5 a cluster holds events spread over a town's surroundings: a click zooms in.
    open("#map=5/17/-1");
    double before = ((Number) run("return window.sahelMap.map.getZoom()")).doubleValue();
    clickBiggestCluster();
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(d -> ((Number) run("return window.sahelMap.map.getZoom()")).doubleValue() > before);
    assertThat(Browser.consoleErrors(driver)).isEmpty();
  }

  private Map<String, Object> clickBiggestCluster() {
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> symbols =
        (List<Map<String, Object>>) run("return window.sahelMap.eventSymbols()");
    Map<String, Object> big =
        symbols.stream()
            .filter(m -> "cluster".equals(m.get("kind")))
            .filter(m -> inMap(m))
            .max(java.util.Comparator.comparingLong(m -> ((Number) m.get("count")).longValue()))
            .orElseThrow();
    var map = driver.findElement(By.id("map"));
    new org.openqa.selenium.interactions.Actions(driver)
        .moveToElement(
            map,
            (int)
                Math.round(((Number) big.get("x")).doubleValue() - map.getSize().getWidth() / 2.0),
            (int)
                Math.round(((Number) big.get("y")).doubleValue() - map.getSize().getHeight() / 2.0))
        .click()
        .perform();
    return big;
  }

  private boolean inMap(Map<String, Object> symbol) {
    var size = driver.findElement(By.id("map")).getSize();
    double x = ((Number) symbol.get("x")).doubleValue();
    double y = ((Number) symbol.get("y")).doubleValue();
    // Clear of the map's controls and legend, so the click lands on the map itself.
    return x > 320 && x < size.getWidth() - 80 && y > 60 && y < size.getHeight() - 80;
  }

  // --- the page -------------------------------------------------------------------------------

  private void open(String hash) {
    driver = driver == null ? Browser.open(1366, 768) : driver;
    driver.get("about:blank");
    driver.get(live.base() + hash);
    Browser.waitReady(driver);
    assertThat(run("return document.body.dataset.ready")).isEqualTo("true");
    settle();
  }

  /** Waits until the tiles, the list and the timeline have all had their answers. */
  private void settle() {
    new WebDriverWait(driver, Duration.ofSeconds(60))
        .until(
            d ->
                Boolean.TRUE.equals(
                    run(
                        "const s = window.sahelMap.events();"
                            + " const t = document.querySelector('.window-count').dataset;"
                            + " return !s.loading && s.tiles > 0 && t.total !== undefined"
                            + " && document.getElementById('event-list').dataset.total !== undefined")));
  }

  private Object run(String script, Object... args) {
    return Browser.js(driver).executeScript(script, args);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> stats() {
    settle();
    return (Map<String, Object>) run("return window.sahelMap.events()");
  }

  private static long num(Map<String, Object> stats, String key) {
    return ((Number) stats.get(key)).longValue();
  }

  @SuppressWarnings("unchecked")
  private static List<String> tileKeys(Map<String, Object> stats) {
    return (List<String>) stats.get("tileKeys");
  }

  private long timelineCount(String key) {
    Object v = run("return document.querySelector('.window-count').dataset[arguments[0]]", key);
    return Long.parseLong(String.valueOf(v));
  }

  private long listTotal() {
    return Long.parseLong(
        String.valueOf(run("return document.getElementById('event-list').dataset.total")));
  }

  private double[] viewBounds() {
    @SuppressWarnings("unchecked")
    List<Number> b = (List<Number>) run("return window.sahelMap.listBox()");
    return b.stream().mapToDouble(Number::doubleValue).toArray();
  }

  private void screenshot(String name) throws Exception {
    Path dir = Path.of("target", "screenshots");
    Files.createDirectories(dir);
    Files.write(dir.resolve(name), driver.getScreenshotAs(OutputType.BYTES));
  }

  // --- the database, asked directly ---------------------------------------------------------

  static final String BBOX = "geom && ST_MakeEnvelope(?, ?, ?, ?, 4326)";

  private static long sqlCount(String where, List<Object> params) {
    String sql = "SELECT count(*) FROM feature WHERE layer_id = 'events' AND " + where;
    try (Connection c = live.db().connection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.size(); i++) {
        ps.setObject(i + 1, params.get(i));
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (Exception e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /**
   * Events whose point lies in one of the tiles (z/x/y), each tile taken half-open in Web Mercator
   * so a point on a shared edge counts once. The tiles' envelopes come from PostGIS
   * (ST_TileEnvelope), asked once per tile; each event's point is projected once and compared with
   * them as numbers. (An earlier form, {@code id IN (subquery)} with ST_TileEnvelope and
   * ST_Transform inside every OR branch, computed 18 million projections for 23 tiles over 200,000
   * events: over a minute on a quiet machine, and an orphaned run of it on a busy one went on for
   * 17 minutes.)
   */
  private static long sqlCountInTiles(List<String> keys) {
    assertThat(keys).isNotEmpty();
    List<Object> params = new ArrayList<>();
    List<String> ors = new ArrayList<>();
    for (String k : keys) {
      String[] zxy = k.split("/");
      double[] env = tileEnvelope(zxy);
      ors.add("(ST_X(m) >= ? AND ST_X(m) < ? AND ST_Y(m) > ? AND ST_Y(m) <= ?)");
      params.addAll(List.of(env[0], env[2], env[1], env[3]));
    }
    String where =
        "EXISTS (SELECT 1 FROM (SELECT ST_Transform(geom, 3857) AS m) p WHERE "
            + String.join(" OR ", ors)
            + ")";
    return sqlCount(where, params);
  }

  /** xmin, ymin, xmax, ymax of tile z/x/y in EPSG:3857, as PostGIS computes them. */
  private static double[] tileEnvelope(String[] zxy) {
    String sql =
        "SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM ST_TileEnvelope(?, ?, ?) e";
    try (Connection c = live.db().connection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < 3; i++) {
        ps.setInt(i + 1, Integer.parseInt(zxy[i]));
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return new double[] {rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)};
      }
    } catch (Exception e) {
      throw new IllegalStateException(sql, e);
    }
  }
}
