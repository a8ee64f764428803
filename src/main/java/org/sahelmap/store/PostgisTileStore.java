package org.sahelmap.store;

import static org.sahelmap.tiles.EventTiles.BUFFER;
import static org.sahelmap.tiles.EventTiles.EXTENT;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.sahelmap.events.Event;
import org.sahelmap.tiles.EventTiles;
import org.sahelmap.tiles.TileCoord;
import org.sahelmap.tiles.WebMercatorQuad;

/**
 * {@link TileStore} over PostGIS: {@code ST_AsMVT} of {@code ST_AsMVTGeom}, one query per tile.
 * Features are found by comparing lon/lat with the tile's envelope (plus the buffer) in lon/lat,
 * which is exact for a Web Mercator rectangle: its edges are meridians and parallels. Layers go
 * through {@code feature_geom_gix}; events through {@code feature_points_idx} (see {@link
 * #eventSql}). Event filters come from {@link PostgisFeatureStore#where}, the same clause items
 * use, so a tile, a page and the histogram always agree on what matches.
 */
public final class PostgisTileStore implements TileStore {

  private final DataSource dataSource;

  public PostgisTileStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public byte[] tile(String layerId, boolean events, TileCoord tile, ItemQuery filters) {
    List<Object> params = new ArrayList<>();
    String sql =
        events ? eventSql(layerId, tile, filters, params) : layerSql(layerId, tile, params);
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (Statement st = c.createStatement();
          PreparedStatement ps = c.prepareStatement(sql)) {
        // A tile is a few tens of ms of work: starting parallel workers cost more than they saved
        // (z6 over Gao: ~200 ms with them, ~70 ms without), and with many clients at once the
        // cores are busy with other tiles anyway.
        st.execute("SET LOCAL max_parallel_workers_per_gather = 0");
        for (int i = 0; i < params.size(); i++) {
          ps.setObject(i + 1, params.get(i));
        }
        try (ResultSet rs = ps.executeQuery()) {
          byte[] mvt = rs.next() ? rs.getBytes(1) : null;
          return mvt == null ? new byte[0] : mvt;
        }
      } finally {
        c.rollback();
      }
    } catch (SQLException e) {
      throw new StoreException("making tile " + tile + " of " + layerId, e);
    }
  }

  /**
   * The tile's envelope (3857) and the box the index is asked for: the tile plus its buffer, in
   * lon/lat, computed by {@link TileCoord#lonLatBounds} (so it never wraps past the antimeridian).
   */
  private static String bounds(TileCoord t, List<Object> params) {
    params.add(t.z());
    params.add(t.x());
    params.add(t.y());
    for (double v : t.lonLatBounds((double) BUFFER / EXTENT)) {
      params.add(v);
    }
    return "bounds AS (SELECT ST_TileEnvelope(?, ?, ?) AS env,"
        + " ST_MakeEnvelope(?, ?, ?, ?, 4326) AS search)";
  }

  private static String mvtGeom(String geom3857) {
    return "ST_AsMVTGeom("
        + geom3857
        + ", (SELECT env FROM bounds), "
        + EXTENT
        + ", "
        + BUFFER
        + ", true)";
  }

  /**
   * The properties as ST_AsMVT can carry them: it drops nested arrays and objects from a jsonb
   * column (aes-territory's members, gao-intahaka's reported distances), so those go as their JSON
   * text. {@code id} is a column of its own.
   */
  private static final String FLAT_PROPERTIES =
      "(SELECT coalesce(jsonb_object_agg(key, CASE WHEN jsonb_typeof(value) IN ('array',"
          + " 'object') THEN to_jsonb(value::text) ELSE value END), '{}'::jsonb)"
          + " FROM jsonb_each(f.properties - 'id'))";

  /**
   * Any layer but events: every feature touching the buffered tile, its jsonb properties expanded
   * by ST_AsMVT into tags (nested values as JSON text), plus {@code id}.
   */
  static String layerSql(String layerId, TileCoord t, List<Object> params) {
    String with = "WITH " + bounds(t, params);
    params.add(layerId);
    params.add(layerId);
    return with
        + " SELECT ST_AsMVT(m, ?, "
        + EXTENT
        + ", 'geom') FROM (SELECT f.id, "
        + FLAT_PROPERTIES
        + " AS properties, "
        + mvtGeom("ST_Transform(f.geom, 3857)")
        + " AS geom FROM feature f CROSS JOIN bounds b WHERE f.layer_id = ? AND f.geom && b.search) m"
        + " WHERE m.geom IS NOT NULL";
  }

  /**
   * Events: those matching the filters whose own tile at this zoom is this one (half-open, so an
   * event on an edge is in exactly one tile), then either each of them or one cluster per grid
   * cell, decided in the same query by their number.
   *
   * <p>The events are read from feature_points_idx alone (V5_1: stored lon/lat and category, a
   * covering index), since a dense tile aggregates tens of thousands of them and the wide rows are
   * never needed for that. They are grouped by grid cell first (a hash aggregate over at most a few
   * hundred cells, nothing materialized per event), and the cells outside the tile (the buffer) are
   * dropped after grouping: a cell lies in exactly one tile, so counts add up. Only when the tile
   * turns out to hold few events is the index read again, for those events, and their properties
   * fetched by seq.
   */
  static String eventSql(String layerId, TileCoord t, ItemQuery filters, List<Object> params) {
    String with = "WITH " + bounds(t, params);
    // The tile is the box: only the filters' time, categories and text apply.
    ItemQuery noBox =
        new ItemQuery(
            null,
            filters.from(),
            filters.to(),
            ItemQuery.UNLIMITED,
            0,
            filters.categories(),
            filters.text());
    String cells =
        "cells AS (" + cellsSql(layerId, t, noBox, EventCellSql.answers(t, noBox), params) + ")";
    String total = "total AS (SELECT coalesce(sum(n), 0) AS c FROM cells)";

    UnionColumns cols = unionColumns();
    params.add(layerId);
    String singles =
        "SELECT "
            + mvtGeom("ST_SetSRID(ST_MakePoint(s.mx, s.my), 3857)")
            + " AS geom"
            + cols.singles()
            + " FROM "
            + scan(layerId, t, noBox, params, WITHIN_CELLS)
            + " JOIN feature f ON f.layer_id = ? AND f.seq = s.seq WHERE (SELECT c FROM total)"
            + " BETWEEN 1 AND "
            + EventTiles.MAX_POINTS
            + " AND "
            + inTile();
    params.add(layerId);
    params.add(t.x());
    params.add(t.y());
    String clusters =
        "SELECT "
            + mvtGeom("ST_SetSRID(ST_MakePoint(ax, ay), 3857)")
            + " AS geom"
            + cols.clusters()
            + " FROM cells WHERE (SELECT c FROM total) > "
            + EventTiles.MAX_POINTS;
    return with
        + ", "
        + cells
        + ", "
        + total
        + " SELECT ST_AsMVT(m, ?, "
        + EXTENT
        + ", 'geom') FROM ("
        + singles
        + " UNION ALL "
        + clusters
        + ") m";
  }

  /**
   * The tile's non-empty grid cells with their cluster columns, summed from {@code event_cell}
   * ({@code fromTable}, see {@link EventCellSql}) or counted from the events.
   */
  static String cellsSql(
      String layerId, TileCoord t, ItemQuery noBox, boolean fromTable, List<Object> params) {
    if (fromTable) {
      return EventCellSql.cells(layerId, t, noBox, params);
    }
    // OFFSET 0 keeps the tile test after the grouping: pushed down into the scan, it made the
    // planner expect a handful of rows and sort tens of thousands on disk instead of hashing.
    String sql =
        "SELECT * FROM (SELECT cx, cy, "
            + clusterColumns()
            + " FROM "
            + scan(layerId, t, noBox, params, "")
            + " GROUP BY cx, cy OFFSET 0) g WHERE "
            + inTile();
    params.add(t.x());
    params.add(t.y());
    return sql;
  }

  private static String inTile() {
    return "floor(cx / " + EventTiles.GRID + ") = ? AND floor(cy / " + EventTiles.GRID + ") = ?";
  }

  /** A cluster's columns: its count, mean position, count per category and lon/lat bounds. */
  private static String clusterColumns() {
    StringBuilder cols = new StringBuilder("count(*) AS n, avg(mx) AS ax, avg(my) AS ay");
    for (String category : Event.CATEGORIES.stream().sorted().toList()) {
      // NULL when none, so ST_AsMVT leaves the tag out: a cluster names only categories present.
      cols.append(", nullif(count(*) FILTER (WHERE category = '")
          .append(category)
          .append("'), 0) AS ")
          .append(EventTiles.CATEGORY_PREFIX + category);
    }
    String[] agg = {"min(lon)", "min(lat)", "max(lon)", "max(lat)"};
    for (int i = 0; i < EventTiles.BOUNDS.size(); i++) {
      cols.append(", ").append(agg[i]).append(" AS ").append(EventTiles.BOUNDS.get(i));
    }
    return cols.toString();
  }

  /**
   * The select lists of the two arms of the UNION: single events and clusters, column for column.
   */
  private record UnionColumns(String singles, String clusters) {}

  private static UnionColumns unionColumns() {
    StringBuilder singleCols = new StringBuilder();
    StringBuilder fromCells = new StringBuilder();
    for (String p : EventTiles.EVENT_PROPERTIES) {
      String col = quoted(p);
      singleCols.append(", ").append(p.equals("id") ? "f.id" : "f.properties->>'" + p + "'");
      singleCols.append(" AS ").append(col);
      fromCells.append(", NULL::text AS ").append(col);
    }
    singleCols.append(", NULL::bigint AS ").append(EventTiles.COUNT);
    fromCells.append(", n AS ").append(EventTiles.COUNT);
    for (String category : Event.CATEGORIES.stream().sorted().toList()) {
      String col = EventTiles.CATEGORY_PREFIX + category;
      singleCols.append(", NULL::bigint AS ").append(col);
      fromCells.append(", ").append(col);
    }
    for (String b : EventTiles.BOUNDS) {
      singleCols.append(", NULL::float8 AS ").append(b);
      fromCells.append(", ").append(b);
    }
    return new UnionColumns(singleCols.toString(), fromCells.toString());
  }

  /**
   * The singles' scan needs only the box of the events the cells counted: on a sparse tile of a
   * dense longitude band (z5 north of Gao: nothing in the tile, 40,000 index entries in its
   * longitudes) that is the difference between reading the band and reading nothing.
   */
  private static final String WITHIN_CELLS =
      " AND point_lon BETWEEN (SELECT min(min_lon) FROM cells) AND (SELECT max(max_lon) FROM cells)"
          + " AND point_lat BETWEEN (SELECT min(min_lat) FROM cells)"
          + " AND (SELECT max(max_lat) FROM cells)";

  /**
   * The matching events in the tile's buffered box: lon/lat, Web Mercator x/y (V50's mercator_x/y:
   * the formulas, not ST_Transform per row: the same for points, at a fraction of the cost), and
   * the grid cell at this zoom, counted from the world's top left. Events are points. Without a
   * time window they come from feature_points_idx; with one, from the months it covers
   * (feature_month_points_idx) plus the events no month holds, since a box's longitudes hold every
   * year's events and a window only a few of them.
   */
  private static String scan(
      String layerId, TileCoord t, ItemQuery filters, List<Object> params, String narrower) {
    String origin = Double.toString(WebMercatorQuad.ORIGIN);
    double cell = t.size() / EventTiles.GRID;
    params.add(cell);
    params.add(cell);
    String points;
    if (filters.from() == null && filters.to() == null) {
      points = points(layerId, t, filters, params, narrower);
    } else {
      String unmonthed = points(layerId, t, filters, params, narrower) + " AND event_month IS NULL";
      String monthed = points(layerId, t, filters, params, narrower) + monthsOf(filters, params);
      points = unmonthed + " UNION ALL " + monthed;
    }
    return "(SELECT seq, category, lon, lat, mx, my, floor((mx + "
        + origin
        + ") / ?) AS cx, floor(("
        + origin
        + " - my) / ?) AS cy FROM ("
        + points
        + ") e) s";
  }

  /** The months a window touches, as a range of event_month (its parameters added here). */
  private static String monthsOf(ItemQuery filters, List<Object> params) {
    EventCellSql.Months months = EventCellSql.Months.of(filters.from(), filters.to());
    StringBuilder sql = new StringBuilder(" AND event_month IS NOT NULL");
    Timestamp first = filters.from() == null ? null : months.firstMonth();
    if (first != null) {
      sql.append(" AND event_month >= ?");
      params.add(first);
    }
    if (filters.to() != null) {
      sql.append(" AND event_month <= ?");
      params.add(months.lastMonth());
    }
    return sql.toString();
  }

  private static String points(
      String layerId, TileCoord t, ItemQuery filters, List<Object> params, String narrower) {
    String where = PostgisFeatureStore.where(layerId, filters, params);
    double[] box = t.lonLatBounds((double) BUFFER / EXTENT);
    params.add(box[0]);
    params.add(box[2]);
    params.add(box[1]);
    params.add(box[3]);
    return "SELECT seq, category, point_lon AS lon, point_lat AS lat,"
        + " mercator_x(point_lon) AS mx, mercator_y(point_lat) AS my FROM feature WHERE "
        + where
        + " AND point_lon BETWEEN ? AND ? AND point_lat BETWEEN ? AND ?"
        + narrower;
  }

  private static String quoted(String identifier) {
    return '"' + identifier + '"';
  }
}
