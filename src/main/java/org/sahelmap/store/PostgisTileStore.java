package org.sahelmap.store;

import static org.sahelmap.tiles.EventTiles.BUFFER;
import static org.sahelmap.tiles.EventTiles.EXTENT;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.sahelmap.events.Event;
import org.sahelmap.tiles.EventTiles;
import org.sahelmap.tiles.TileCoord;
import org.sahelmap.tiles.WebMercatorQuad;

/**
 * {@link TileStore} over PostGIS: {@code ST_AsMVT} of {@code ST_AsMVTGeom}, one query per tile.
 * Features are found through {@code feature_geom_gix} by comparing the 4326 column with the tile's
 * envelope (plus the buffer) in lon/lat, which is exact for a Web Mercator rectangle: its edges are
 * meridians and parallels. Event filters come from {@link PostgisFeatureStore#where}, the same
 * clause items use, so a tile, a page and the histogram always agree on what matches.
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
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.size(); i++) {
        ps.setObject(i + 1, params.get(i));
      }
      try (ResultSet rs = ps.executeQuery()) {
        byte[] mvt = rs.next() ? rs.getBytes(1) : null;
        return mvt == null ? new byte[0] : mvt;
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
   * Any layer but events: every feature touching the buffered tile, its jsonb properties expanded
   * by ST_AsMVT into tags, plus {@code id}.
   */
  static String layerSql(String layerId, TileCoord t, List<Object> params) {
    String with = "WITH " + bounds(t, params);
    params.add(layerId);
    params.add(layerId);
    return with
        + " SELECT ST_AsMVT(m, ?, "
        + EXTENT
        + ", 'geom') FROM (SELECT f.id, f.properties - 'id' AS properties, "
        + mvtGeom("ST_Transform(f.geom, 3857)")
        + " AS geom FROM feature f CROSS JOIN bounds b WHERE f.layer_id = ? AND f.geom && b.search) m"
        + " WHERE m.geom IS NOT NULL";
  }

  /**
   * Events: those matching the filters whose own tile at this zoom is this one (half-open, so an
   * event on an edge is in exactly one tile), then either each of them or one cluster per grid
   * cell, decided in the same query by their number.
   */
  static String eventSql(String layerId, TileCoord t, ItemQuery filters, List<Object> params) {
    String with = "WITH " + bounds(t, params);
    double size = t.size();
    double cell = size / EventTiles.GRID;
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
    List<Object> whereParams = new ArrayList<>();
    String where = PostgisFeatureStore.where(layerId, noBox, whereParams);
    String origin = Double.toString(WebMercatorQuad.ORIGIN);
    String pts =
        "pts AS (SELECT id, properties, mx, my, ST_X(geom) AS lon, ST_Y(geom) AS lat,"
            + " floor((mx + "
            + origin
            + ") / ?) AS cx, floor(("
            + origin
            + " - my) / ?) AS cy FROM (SELECT f.*, ST_X(m) AS mx, ST_Y(m) AS my FROM feature f"
            + " CROSS JOIN bounds b CROSS JOIN LATERAL ST_Transform(f.geom, 3857) AS m WHERE "
            + where
            + " AND f.geom && b.search) e WHERE floor((mx + "
            + origin
            + ") / ?) = ? AND floor(("
            + origin
            + " - my) / ?) = ?)";
    params.add(cell);
    params.add(cell);
    params.addAll(whereParams);
    params.add(size);
    params.add(t.x());
    params.add(size);
    params.add(t.y());

    StringBuilder singleCols = new StringBuilder();
    StringBuilder clusterCols = new StringBuilder();
    for (String p : EventTiles.EVENT_PROPERTIES) {
      String col = quoted(p);
      singleCols.append(", ").append(p.equals("id") ? "id" : "properties->>'" + p + "'");
      singleCols.append(" AS ").append(col);
      clusterCols.append(", NULL::text AS ").append(col);
    }
    singleCols.append(", NULL::bigint AS ").append(EventTiles.COUNT);
    clusterCols.append(", count(*) AS ").append(EventTiles.COUNT);
    for (String category : Event.CATEGORIES.stream().sorted().toList()) {
      String col = EventTiles.CATEGORY_PREFIX + category;
      singleCols.append(", NULL::bigint AS ").append(col);
      // NULL when none, so ST_AsMVT leaves the tag out: a cluster names only categories present.
      clusterCols
          .append(", nullif(count(*) FILTER (WHERE properties->>'category' = '")
          .append(category)
          .append("'), 0) AS ")
          .append(col);
    }
    String[] agg = {"min(lon)", "min(lat)", "max(lon)", "max(lat)"};
    for (int i = 0; i < EventTiles.BOUNDS.size(); i++) {
      singleCols.append(", NULL::float8 AS ").append(EventTiles.BOUNDS.get(i));
      clusterCols.append(", ").append(agg[i]).append(" AS ").append(EventTiles.BOUNDS.get(i));
    }
    params.add(layerId);
    return with
        + ", "
        + pts
        + ", n AS (SELECT count(*) AS c FROM pts)"
        + " SELECT ST_AsMVT(m, ?, "
        + EXTENT
        + ", 'geom') FROM ("
        + "SELECT "
        + mvtGeom("ST_SetSRID(ST_MakePoint(mx, my), 3857)")
        + " AS geom"
        + singleCols
        + " FROM pts WHERE (SELECT c FROM n) <= "
        + EventTiles.MAX_POINTS
        + " UNION ALL SELECT "
        + mvtGeom("ST_SetSRID(ST_MakePoint(avg(mx), avg(my)), 3857)")
        + " AS geom"
        + clusterCols
        + " FROM pts WHERE (SELECT c FROM n) > "
        + EventTiles.MAX_POINTS
        + " GROUP BY cx, cy) m";
  }

  private static String quoted(String identifier) {
    return '"' + identifier + '"';
  }
}
