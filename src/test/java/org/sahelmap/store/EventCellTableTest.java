package org.sahelmap.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sahelmap.testing.BulkEvents;
import org.sahelmap.testing.DevData;
import org.sahelmap.testing.NeedsDatabase;
import org.sahelmap.testing.TestDatabase;
import org.sahelmap.tiles.EventTiles;
import org.sahelmap.tiles.TileCoord;

/**
 * The clustered tiles of zooms 0–7 are summed from {@code event_cell} (V50) plus the raw events of
 * a window's partial months; these tests hold them to the events themselves: for tiles over Mali
 * and windows that start and end mid-month, on month boundaries, inside one month, open on either
 * side, with and without categories, every cell's count, category counts, bounds and mean position
 * equal what counting the events gives. And the table stays equal to a recount of {@code feature}
 * through inserts, upserts, updates that move events across months and cells, and deletes.
 */
@NeedsDatabase
class EventCellTableTest {
  static Database db;

  @BeforeAll
  static void load() throws Exception {
    db = TestDatabase.fresh();
    DevData.load(db);
    BulkEvents.load(db, 20_000);
    try (Connection c = db.connection();
        Statement st = c.createStatement()) {
      // Edge cases the synthetic events lack: a month's first and last instants, an event on a
      // cell's western edge (-0.703125 is cell 255's), one with no category, an undated point,
      // and one spanning two months (counted one by one, never from the table).
      st.execute(
          "INSERT INTO feature (layer_id, id, properties, geom, t_start, t_end) VALUES"
              + " ('events', 'edge-1', '{\"category\":\"military\"}',"
              + "  ST_SetSRID(ST_MakePoint(-0.703125, 16.2), 4326), '2020-03-01Z', '2020-03-01Z'),"
              + " ('events', 'edge-2', '{\"category\":\"report\"}',"
              + "  ST_SetSRID(ST_MakePoint(-0.2, 16.3), 4326), '2020-03-31T23:59:59.999Z',"
              + "  '2020-03-31T23:59:59.999Z'),"
              + " ('events', 'edge-3', '{}', ST_SetSRID(ST_MakePoint(-0.1, 16.1), 4326),"
              + "  '2020-04-10Z', '2020-04-10Z'),"
              + " ('events', 'edge-4', '{\"category\":\"military\"}',"
              + "  ST_SetSRID(ST_MakePoint(-0.3, 16.0), 4326), NULL, NULL),"
              + " ('events', 'edge-5', '{\"category\":\"diplomatic\"}',"
              + "  ST_SetSRID(ST_MakePoint(-0.4, 16.4), 4326), '2020-02-20Z', '2020-03-05Z')");
    }
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @ParameterizedTest(name = "{0}/{2}/{1} {3}..{4} {5}")
  @CsvSource({
    "4, 7, 7, , , ",
    "5, 15, 14, 2020-01-01T00:00:00Z, 2021-01-01T00:00:00Z, ",
    "5, 15, 14, 2019-03-15T12:00:00Z, 2020-02-10T00:00:00Z, ",
    "6, 31, 29, 2020-03-01T00:00:00Z, 2020-03-31T23:59:59.999Z, ",
    "6, 31, 29, 2020-03-01T00:00:01Z, 2020-04-01T00:00:00Z, military report",
    "6, 31, 28, 2020-03-10T00:00:00Z, 2020-03-20T00:00:00Z, ",
    "6, 30, 29, , 2016-07-01T00:00:00Z, ",
    "6, 32, 28, 2018-02-01T00:00:00Z, , diplomatic",
    "7, 63, 58, 2014-06-01T00:00:00Z, 2022-06-30T00:00:00Z, ",
    "7, 62, 57, , , military",
    "7, 63, 57, 2030-01-01T00:00:00Z, 2031-01-01T00:00:00Z, "
  })
  void cellsFromTheTableEqualCellsCountedFromEvents(
      int z, int x, int y, String from, String to, String categories) throws Exception {
    TileCoord tile = new TileCoord(z, x, y);
    ItemQuery q =
        new ItemQuery(
            null,
            from == null ? null : Instant.parse(from),
            to == null ? null : Instant.parse(to),
            ItemQuery.UNLIMITED,
            0,
            categories == null ? Set.of() : Set.of(categories.split(" ")),
            null);
    assertThat(EventCellSql.answers(tile, q)).isTrue();
    Map<String, Map<String, Object>> counted = cells(tile, q, false);
    Map<String, Map<String, Object>> summed = cells(tile, q, true);

    assertThat(summed.keySet()).containsExactlyElementsOf(counted.keySet());
    for (var cell : counted.entrySet()) {
      Map<String, Object> expected = cell.getValue();
      Map<String, Object> actual = summed.get(cell.getKey());
      for (var column : expected.entrySet()) {
        Object want = column.getValue();
        Object got = actual.get(column.getKey());
        if (want instanceof Double w
            && (column.getKey().equals("ax") || column.getKey().equals("ay"))) {
          // a mean of metres summed in another order: equal to well under a millimetre
          assertThat((Double) got)
              .as(cell.getKey() + " " + column.getKey())
              .isCloseTo(w, within(1e-3));
        } else {
          assertThat(got).as(cell.getKey() + " " + column.getKey()).isEqualTo(want);
        }
      }
    }
  }

  /** bbox (or none) and window, as the list and the timeline ask; "-" for none. */
  @ParameterizedTest(name = "{0} {1}..{2} {3}")
  @CsvSource({
    "-, -, -, -",
    "-, 2019-06-01T00:00:00Z, 2020-05-31T00:00:00Z, -",
    "-, 2019-06-15T12:00:00Z, 2020-06-14T23:59:59Z, military report",
    "-12 10 4 25, -, -, -",
    "-6.3 12.9 1.7 17.2, 2019-06-15T12:00:00Z, 2021-02-03T00:00:00Z, -",
    "-0.703125 15.2 2.1094 18.4, -, 2018-01-01T00:00:00Z, diplomatic",
    "-0.3 16.0 -0.1 16.3, 2020-03-01T00:00:00Z, 2020-04-30T00:00:00Z, -",
    "-180 -90 180 90, 2016-01-01T00:00:00Z, -, -"
  })
  void histogramFromTheTableEqualsTheEventsCounted(
      String bbox, String from, String to, String categories) throws Exception {
    ItemQuery q =
        new ItemQuery(
            bbox.equals("-")
                ? null
                : java.util.Arrays.stream(bbox.split(" "))
                    .mapToDouble(Double::parseDouble)
                    .toArray(),
            from.equals("-") ? null : Instant.parse(from),
            to.equals("-") ? null : Instant.parse(to),
            ItemQuery.UNLIMITED,
            0,
            categories.equals("-") ? Set.of() : Set.of(categories.split(" ")),
            null);
    assertThat(EventCellHistogramSql.answers(q)).isTrue();
    List<Object> p1 = new ArrayList<>();
    List<Object> p2 = new ArrayList<>();
    List<String> summed = rows(EventHistogram.sql("events", q, p1), p1);
    List<String> counted = rows(EventHistogram.counted("events", q, p2), p2);
    assertThat(summed).isNotEmpty().containsExactlyInAnyOrderElementsOf(counted);
  }

  private static List<String> rows(String sql, List<Object> params) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = db.connection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, params);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getLong(3));
        }
      }
    }
    return out;
  }

  @Test
  void theTablesGridIsTheDeepestSummedZoomsCells() throws Exception {
    int cells = EventTiles.GRID << EventTiles.CELL_TABLE_MAX_ZOOM;
    try (Connection c = db.connection();
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT event_cell_x(-180), event_cell_x(179.9999999), event_cell_y(85.05),"
                    + " event_cell_y(-85.05), event_cell_y(-90)")) {
      rs.next();
      assertThat(rs.getInt(1)).isZero();
      assertThat(rs.getInt(2)).isEqualTo(cells - 1);
      assertThat(rs.getInt(3)).isZero();
      assertThat(rs.getInt(4)).isEqualTo(cells - 1);
      // a pole is clamped to the square world's edge, not a logarithm of zero
      assertThat(rs.getInt(5)).isEqualTo(cells);
    }
  }

  @Test
  void aWindowCutsTheEdgeEventsWhereTheirInstantsSay() throws Exception {
    TileCoord tile = new TileCoord(6, 31, 29);
    // Only edge-1 (first instant of March) and edge-2 (last instant) in these two one-instant
    // windows, among events of a dense tile.
    assertThat(total(tile, "2020-03-01T00:00:00Z", "2020-03-01T00:00:00Z"))
        .isEqualTo(directCount(tile, "2020-03-01T00:00:00Z", "2020-03-01T00:00:00Z"))
        .isPositive();
    assertThat(total(tile, "2020-03-31T23:59:59.999Z", "2020-03-31T23:59:59.999Z"))
        .isEqualTo(directCount(tile, "2020-03-31T23:59:59.999Z", "2020-03-31T23:59:59.999Z"))
        .isPositive();
  }

  @Test
  void theTableStaysARecountOfTheEventsThroughEveryKindOfWrite() throws Exception {
    assertThat(mismatches()).isZero();
    try (Connection c = db.connection();
        Statement st = c.createStatement()) {
      c.setAutoCommit(false);
      // a few events (each key recounted by itself), then thousands (the layer in one pass)
      st.execute(
          "UPDATE feature SET t_start = t_start + interval '31 days', t_end = t_end + interval"
              + " '31 days', geom = ST_Translate(geom, 0.8, 0) WHERE id IN ('syn-77', 'syn-78')");
      assertThat(mismatches(c)).isZero();
      st.execute("DELETE FROM feature WHERE id IN ('syn-79', 'edge-1')");
      assertThat(mismatches(c)).isZero();
      // move events across months and cells, change categories, delete, upsert
      st.execute(
          "UPDATE feature SET t_start = t_start + interval '40 days',"
              + " t_end = t_end + interval '40 days' WHERE id LIKE 'syn-1%'");
      assertThat(mismatches(c)).isZero();
      st.execute(
          "UPDATE feature SET geom = ST_Translate(geom, 0.9, -0.4),"
              + " properties = properties || '{\"category\":\"economic\"}' WHERE id LIKE 'syn-2%'");
      assertThat(mismatches(c)).isZero();
      st.execute("DELETE FROM feature WHERE id LIKE 'syn-3%'");
      assertThat(mismatches(c)).isZero();
      st.execute(
          "INSERT INTO feature (layer_id, id, properties, geom, t_start, t_end)"
              + " SELECT layer_id, id, properties, ST_Translate(geom, -0.5, 0), t_start, t_end"
              + " FROM feature WHERE id LIKE 'syn-4%' OR id = 'new-1'"
              + " UNION ALL SELECT 'events', 'new-1', '{}', ST_SetSRID(ST_MakePoint(2, 15), 4326),"
              + " '2023-01-05Z', '2023-01-05Z'"
              + " ON CONFLICT (layer_id, id) DO UPDATE SET geom = EXCLUDED.geom");
      assertThat(mismatches(c)).isZero();
      c.rollback();
    }
    assertThat(mismatches()).isZero();
  }

  @Test
  void twoWritersOfOneCellAtOnceBothCount() throws Exception {
    String insert =
        "INSERT INTO feature (layer_id, id, properties, geom, t_start, t_end) VALUES ('events', ?,"
            + " '{\"category\":\"military\"}', ST_SetSRID(ST_MakePoint(-0.05, 16.27), 4326),"
            + " '2021-07-04Z', '2021-07-04Z')";
    try (Connection first = db.connection();
        Connection second = db.connection()) {
      first.setAutoCommit(false);
      second.setAutoCommit(false);
      try (PreparedStatement ps = first.prepareStatement(insert)) {
        ps.setString(1, "both-1");
        ps.executeUpdate();
      }
      // the second writer's recount must wait for the first to commit, then see its event
      var later =
          java.util.concurrent.CompletableFuture.runAsync(
              () -> {
                try (PreparedStatement ps = second.prepareStatement(insert)) {
                  ps.setString(1, "both-2");
                  ps.executeUpdate();
                  second.commit();
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      Thread.sleep(300);
      assertThat(later).isNotDone();
      first.commit();
      later.get(30, java.util.concurrent.TimeUnit.SECONDS);
    }
    assertThat(mismatches()).isZero();
    try (Connection c = db.connection();
        Statement st = c.createStatement()) {
      st.execute("DELETE FROM feature WHERE id IN ('both-1', 'both-2')");
    }
    assertThat(mismatches()).isZero();
  }

  /** The tile's cells, by "cx/cy", column name to value, either way. */
  private static Map<String, Map<String, Object>> cells(
      TileCoord tile, ItemQuery q, boolean fromTable) throws Exception {
    List<Object> params = new ArrayList<>();
    String sql =
        "SELECT * FROM ("
            + PostgisTileStore.cellsSql("events", tile, q, fromTable, params)
            + ") c ORDER BY cx, cy";
    Map<String, Map<String, Object>> out = new LinkedHashMap<>();
    try (Connection c = db.connection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, params);
      try (ResultSet rs = ps.executeQuery()) {
        ResultSetMetaData md = rs.getMetaData();
        while (rs.next()) {
          Map<String, Object> row = new LinkedHashMap<>();
          for (int i = 1; i <= md.getColumnCount(); i++) {
            // whole numbers as long whichever type each SQL gives (floor() is a double there)
            String name = md.getColumnName(i);
            Object v = rs.getObject(i);
            boolean whole = !(v instanceof Double) || name.equals("cx") || name.equals("cy");
            row.put(name, v instanceof Number n && whole ? n.longValue() : v);
          }
          out.put(row.get("cx") + "/" + row.get("cy"), row);
        }
      }
    }
    return out;
  }

  private static long total(TileCoord tile, String from, String to) throws Exception {
    ItemQuery q =
        new ItemQuery(null, Instant.parse(from), Instant.parse(to), ItemQuery.UNLIMITED, 0);
    return cells(tile, q, true).values().stream().mapToLong(r -> (Long) r.get("n")).sum();
  }

  /** Events of the window whose zoom-9 cell lies in the tile, counted one by one. */
  private static long directCount(TileCoord tile, String from, String to) throws Exception {
    int perTile = 1 << (9 - tile.z());
    try (Connection c = db.connection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT count(*) FROM feature WHERE layer_id = 'events' AND point_lon IS NOT NULL"
                    + " AND coalesce(t_start, t_end) <= ?::timestamptz"
                    + " AND coalesce(t_end, t_start) >= ?::timestamptz"
                    + " AND event_cell_x(point_lon) / ? = ? AND event_cell_y(point_lat) / ? = ?")) {
      bind(ps, List.of(to, from, perTile, tile.x(), perTile, tile.y()));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static long mismatches() throws Exception {
    try (Connection c = db.connection()) {
      return mismatches(c);
    }
  }

  /** Rows of event_cell and of a fresh recount of feature that are not in the other. */
  private static long mismatches(Connection c) throws Exception {
    String recount =
        "SELECT layer_id, event_cell_x(point_lon), event_cell_y(point_lat), event_month, category,"
            + " count(*)::bigint, min(point_lon), max(point_lat) FROM feature"
            + " WHERE event_month IS NOT NULL GROUP BY 1, 2, 3, 4, 5";
    String table =
        "SELECT layer_id, cell_x, cell_y, month, category, n, min_lon, max_lat FROM event_cell";
    try (Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT (SELECT count(*) FROM ("
                    + table
                    + " EXCEPT "
                    + recount
                    + ") a)"
                    + " + (SELECT count(*) FROM ("
                    + recount
                    + " EXCEPT "
                    + table
                    + ") b)")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void bind(PreparedStatement ps, List<Object> params) throws Exception {
    for (int i = 0; i < params.size(); i++) {
      ps.setObject(i + 1, params.get(i));
    }
  }
}
