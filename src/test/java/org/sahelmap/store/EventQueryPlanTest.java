package org.sahelmap.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sahelmap.testing.BulkEvents;
import org.sahelmap.testing.DevData;
import org.sahelmap.testing.NeedsDatabase;
import org.sahelmap.tiles.TileCoord;

/**
 * The tile and search SQL the server runs, EXPLAINed over every layer plus 200,000 synthetic
 * events: event tiles and the histogram read {@code feature_points_idx} (index-only, not the wide
 * rows), {@code q} goes through the trigram index. EXPLAIN ANALYZE times are printed for the record
 * (bench/README.md), never asserted.
 */
@NeedsDatabase
@Tag("slow")
class EventQueryPlanTest {
  static Database db;

  @BeforeAll
  static void load() throws Exception {
    db = org.sahelmap.testing.TestDatabase.fresh();
    DevData.load(db);
    BulkEvents.load(db, 200_000);
    // Autovacuum would do this soon after a bulk insert; index-only scans need the visibility map.
    try (Connection c = db.connection();
        var st = c.createStatement()) {
      st.execute("VACUUM ANALYZE feature");
    }
  }

  @AfterAll
  static void close() {
    db.close();
  }

  static String explain(String options, String sql, List<Object> params) throws Exception {
    return explain(options, sql, params, false);
  }

  /** EXPLAIN, as PostgisTileStore runs tiles (serial) when {@code serial}. */
  static String explain(String options, String sql, List<Object> params, boolean serial)
      throws Exception {
    try (Connection c = db.connection();
        var st = c.createStatement();
        PreparedStatement ps = c.prepareStatement("EXPLAIN " + options + sql)) {
      st.execute("SET max_parallel_workers_per_gather = " + (serial ? 0 : 2));
      for (int i = 0; i < params.size(); i++) {
        ps.setObject(i + 1, params.get(i));
      }
      StringBuilder out = new StringBuilder();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.append(rs.getString(1)).append('\n');
        }
      }
      return out.toString();
    }
  }

  static String timing(String plan) {
    return plan.lines().filter(l -> l.contains("Execution Time")).findFirst().orElse("?").trim();
  }

  /** Tiles over the densest towns (Gao, Mopti) at z6 and z8, filtered or not. */
  @ParameterizedTest
  @CsvSource({
    "6, 31, 29, Gao and Mopti",
    "8, 127, 116, Gao",
    "8, 125, 117, Mopti",
    "4, 7, 7, most of Mali"
  })
  void eventTilesUseTheSpatialIndex(int z, int x, int y, String where) throws Exception {
    TileCoord tile = new TileCoord(z, x, y);
    ItemQuery all = new ItemQuery(null, null, null, ItemQuery.UNLIMITED, 0);
    List<Object> params = new ArrayList<>();
    String sql = PostgisTileStore.eventSql("events", tile, all, params);
    String plan = explain("(ANALYZE, BUFFERS) ", sql, params, true);
    System.out.println("tile " + z + "/" + y + "/" + x + " (" + where + "): " + timing(plan));
    assertThat(plan).contains(expectedIndex(tile));

    ItemQuery military =
        new ItemQuery(
            null,
            java.time.Instant.parse("2020-01-01T00:00:00Z"),
            null,
            ItemQuery.UNLIMITED,
            0,
            Set.of("military"),
            null);
    List<Object> p2 = new ArrayList<>();
    String filtered = PostgisTileStore.eventSql("events", tile, military, p2);
    String plan2 = explain("(ANALYZE) ", filtered, p2, true);
    System.out.println("tile " + z + "/" + y + "/" + x + " military since 2020: " + timing(plan2));
    assertThat(plan2).contains(expectedIndex(tile));
    if (EventCellSql.answers(tile, military)) {
      // the window's partial month (none here: it starts on the 1st) and the events spanning
      // months, each through its own narrow index
      assertThat(plan2).contains("feature_unmonthed_points_idx");
    }
  }

  /**
   * Clustered tiles up to zoom 7 sum the per-cell, per-month counts (V50); deeper ones count the
   * events from the covering index, never the wide rows.
   */
  private static String expectedIndex(TileCoord tile) {
    return tile.z() <= org.sahelmap.tiles.EventTiles.CELL_TABLE_MAX_ZOOM
        ? "on event_cell"
        : "Index Only Scan using feature_points_idx";
  }

  /** A one-year window cut mid-month, as the timeline sets one, over the densest z5-z7 tiles. */
  @ParameterizedTest
  @CsvSource({"5, 15, 14", "6, 31, 29", "7, 62, 58"})
  void windowedTilesReadTheirPartialMonthsByIndex(int z, int x, int y) throws Exception {
    TileCoord tile = new TileCoord(z, x, y);
    ItemQuery year =
        new ItemQuery(
            null,
            java.time.Instant.parse("2019-06-15T00:00:00Z"),
            java.time.Instant.parse("2020-06-14T23:59:59Z"),
            ItemQuery.UNLIMITED,
            0);
    List<Object> params = new ArrayList<>();
    String plan =
        explain(
            "(ANALYZE) ", PostgisTileStore.eventSql("events", tile, year, params), params, true);
    System.out.println("tile " + z + "/" + y + "/" + x + " one year mid-month: " + timing(plan));
    assertThat(plan).contains("on event_cell").contains("feature_month_points_idx");
  }

  /** The event list of a view of all Mali for one year: box and window through one index. */
  @org.junit.jupiter.api.Test
  void eventListOfAViewAndAYearUsesTheBoxAndTimeIndex() throws Exception {
    ItemQuery q =
        new ItemQuery(
            new double[] {-8.87695, 7.66744, 13.88672, 20.03529},
            java.time.Instant.parse("2014-01-01T00:00:00Z"),
            java.time.Instant.parse("2014-12-31T23:59:59Z"),
            50,
            0);
    List<Object> cp = new ArrayList<>();
    String count = PostgisFeatureStore.countSql("events", q, cp, FeatureStore.COUNT_CAP + 1);
    String countPlan = explain("(ANALYZE) ", count, cp, true);
    List<Object> pp = new ArrayList<>();
    String page = PostgisFeatureStore.selectSql("events", q, pp, 51, false);
    String pagePlan = explain("(ANALYZE) ", page, pp, true);
    System.out.println(
        "items Mali 2014: count " + timing(countPlan) + ", page of 50 " + timing(pagePlan));
    assertThat(countPlan).contains("feature_layer_geom_time_gix");
    assertThat(pagePlan).contains("feature_layer_geom_time_gix");
  }

  @ParameterizedTest
  @CsvSource({"event 12345 near", "actor 17", "near gao"})
  void textSearchUsesTheTrigramIndex(String text) throws Exception {
    ItemQuery q = new ItemQuery(null, null, null, 100, 0, Set.of(), text);
    List<Object> params = new ArrayList<>();
    String count =
        "SELECT count(*) FROM feature WHERE " + PostgisFeatureStore.where("events", q, params);
    String plan = explain("(ANALYZE) ", count, params);
    System.out.println("count q=" + text + ": " + timing(plan));
    if (text.startsWith("event")) {
      // A selective text must come from the index; a common one may rightly scan.
      assertThat(plan).contains("feature_search_trgm_idx");
    }
    List<Object> hp = new ArrayList<>();
    String hist = EventHistogram.sql("events", q, hp);
    System.out.println("histogram q=" + text + ": " + timing(explain("(ANALYZE) ", hist, hp)));
  }

  @ParameterizedTest
  @CsvSource({"none", "category", "bbox"})
  void histogramTimes(String filter) throws Exception {
    ItemQuery q =
        switch (filter) {
          case "category" ->
              new ItemQuery(null, null, null, ItemQuery.UNLIMITED, 0, Set.of("diplomatic"), null);
          case "bbox" -> new ItemQuery(new double[] {-6.3, 12.9, 1.7, 17.2}, null, null, 1, 0);
          default -> new ItemQuery(null, null, null, 1, 0);
        };
    List<Object> params = new ArrayList<>();
    String plan = explain("(ANALYZE) ", EventHistogram.sql("events", q, params), params);
    System.out.println("histogram " + filter + ": " + timing(plan));
    // Summed from the per-cell, per-month counts (V50); with a bbox, the events of the table's
    // rows straddling its edge are read through the month index, index-only.
    assertThat(plan).contains("on event_cell");
    if (filter.equals("bbox")) {
      assertThat(plan).contains("Index Only Scan using feature_month_points_idx");
    }
  }
}
