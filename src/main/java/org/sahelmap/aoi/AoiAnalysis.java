package org.sahelmap.aoi;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.sahelmap.errors.Reason;
import org.sahelmap.store.PostgisFeatureStore;
import org.sahelmap.store.StoreException;

/**
 * What an AOI covers, computed in PostGIS on the WGS84 spheroid ({@code geography}): its area and
 * perimeter; the events inside it within a time window; its overlap with each mission layer's
 * areas; its distance to the Mali–Algeria border; the part of it inside AES territory. Areas of
 * intersections are taken on the geography of the planar (lon/lat) intersection, which for AOIs of
 * briefing size differs from an equal-area computation by far less than the figures' rounding.
 */
public final class AoiAnalysis {
  static final String BORDER_LAYER = "algeria-border";
  static final String AES_LAYER = "aes-territory";
  static final String EVENTS_LAYER = "events";

  /** The AOI's current geometry, whatever its state (the analysis of a deleted AOI is refused). */
  private static final String AOI =
      "WITH a AS (SELECT v.geom FROM aoi x JOIN aoi_version v"
          + " ON v.aoi_id = x.id AND v.version = x.version WHERE x.id = ?) ";

  private final DataSource dataSource;

  public AoiAnalysis(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public record Result(
      String id,
      int version,
      double areaKm2,
      double perimeterKm,
      List<EventHit> events,
      List<LayerOverlap> layers,
      Double borderDistanceKm,
      Double aesKm2) {

    public Double aesPercent() {
      return aesKm2 == null ? null : percent(aesKm2, areaKm2);
    }
  }

  public record EventHit(String id, String title, Instant start, Instant end) {}

  public record FeatureOverlap(String id, String name, double km2) {}

  public record LayerOverlap(
      String id, String title, double km2, double percent, List<FeatureOverlap> features) {}

  /**
   * Analysis of the AOI's current version; {@code from}/{@code to} bound the events (null: open).
   */
  public Result analyse(Aoi aoi, Instant from, Instant to) {
    String id = aoi.id();
    try (Connection c = dataSource.getConnection()) {
      double area;
      double perimeter;
      try (PreparedStatement ps =
          c.prepareStatement(
              AOI
                  + "SELECT ST_Area(geom::geography) / 1e6, ST_Perimeter(geom::geography) / 1e3 FROM a")) {
        ps.setString(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          area = rs.getDouble(1);
          perimeter = rs.getDouble(2);
        }
      }
      return new Result(
          id,
          aoi.version(),
          area,
          perimeter,
          events(c, id, from, to),
          overlaps(c, id, area),
          borderDistance(c, id),
          aes(c, id));
    } catch (SQLException e) {
      if (geometryFailure(e)) {
        // The validator should have refused such a shape at save; if one slips through, the
        // client hears which AOI and that it cannot be analysed, not a bare 500.
        throw new AoiProblem(
            Reason.UNPROCESSABLE,
            "AnalysisFailed",
            "AOI '" + id + "' cannot be analysed: PostGIS cannot compute with its geometry",
            null);
      }
      throw new StoreException("analysing AOI " + id, e);
    }
  }

  /** PostGIS's own refusals (internal_error XX000, data exceptions 22xxx), not an outage. */
  private static boolean geometryFailure(SQLException e) {
    String state = e.getSQLState();
    return state != null && (state.equals("XX000") || state.startsWith("22"));
  }

  private static List<EventHit> events(Connection c, String id, Instant from, Instant to)
      throws SQLException {
    StringBuilder sql =
        new StringBuilder(AOI)
            .append(
                "SELECT f.id, f.properties->>'title', f.t_start, f.t_end FROM a, feature f"
                    + " WHERE f.layer_id = ? AND ST_Intersects(f.geom, a.geom)");
    List<Object> params = new ArrayList<>(List.of(id, EVENTS_LAYER));
    sql.append(PostgisFeatureStore.timeWindow("f.", from, to, params));
    sql.append(" ORDER BY f.t_start, f.id");
    List<EventHit> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
      for (int i = 0; i < params.size(); i++) {
        ps.setObject(i + 1, params.get(i));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new EventHit(rs.getString(1), rs.getString(2), instant(rs, 3), instant(rs, 4)));
        }
      }
    }
    return out;
  }

  /**
   * Per mission layer with areas: the area of the AOI covered by the union of the layer's polygons
   * (so nested features such as a town's area inside its region count once), and per feature.
   */
  private static List<LayerOverlap> overlaps(Connection c, String id, double aoiArea)
      throws SQLException {
    Map<String, String> titles = new LinkedHashMap<>();
    Map<String, Double> totals = new LinkedHashMap<>();
    String layerSql =
        AOI
            + "SELECT l.id, l.title, (SELECT coalesce(ST_Area(ST_Union(ST_CollectionExtract("
            + "ST_Intersection(f.geom, a.geom), 3))::geography) / 1e6, 0) FROM feature f"
            + " WHERE f.layer_id = l.id AND ST_Dimension(f.geom) = 2"
            + " AND ST_Intersects(f.geom, a.geom))"
            + " FROM a, layer l WHERE l.kind = 'mission' AND EXISTS (SELECT 1 FROM feature f"
            + " WHERE f.layer_id = l.id AND ST_Dimension(f.geom) = 2)"
            + " ORDER BY l.display_order, l.id";
    try (PreparedStatement ps = c.prepareStatement(layerSql)) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          titles.put(rs.getString(1), rs.getString(2));
          totals.put(rs.getString(1), rs.getDouble(3));
        }
      }
    }
    Map<String, List<FeatureOverlap>> perFeature = new LinkedHashMap<>();
    String featureSql =
        AOI
            + "SELECT f.layer_id, f.id, f.properties->>'name',"
            + " ST_Area(ST_Intersection(f.geom, a.geom)::geography) / 1e6"
            + " FROM a, feature f JOIN layer l ON l.id = f.layer_id"
            + " WHERE l.kind = 'mission' AND ST_Dimension(f.geom) = 2"
            + " AND ST_Intersects(f.geom, a.geom) ORDER BY f.layer_id, f.seq";
    try (PreparedStatement ps = c.prepareStatement(featureSql)) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          perFeature
              .computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
              .add(new FeatureOverlap(rs.getString(2), rs.getString(3), rs.getDouble(4)));
        }
      }
    }
    List<LayerOverlap> out = new ArrayList<>();
    for (var e : titles.entrySet()) {
      double km2 = totals.get(e.getKey());
      out.add(
          new LayerOverlap(
              e.getKey(),
              e.getValue(),
              km2,
              percent(km2, aoiArea),
              perFeature.getOrDefault(e.getKey(), List.of())));
    }
    return out;
  }

  /** Geodesic distance to the border line, km (0 when the AOI touches it); null without it. */
  private static Double borderDistance(Connection c, String id) throws SQLException {
    return scalar(
        c,
        AOI
            + "SELECT min(ST_Distance(a.geom::geography, f.geom::geography)) / 1e3"
            + " FROM a, feature f WHERE f.layer_id = ?",
        id,
        BORDER_LAYER);
  }

  /** Area of the AOI inside AES territory, km²; null when that layer is not built. */
  private static Double aes(Connection c, String id) throws SQLException {
    return scalar(
        c,
        AOI
            + "SELECT CASE WHEN count(f.id) = 0 THEN NULL ELSE coalesce(sum(ST_Area("
            + "ST_Intersection(f.geom, a.geom)::geography)) / 1e6, 0) END"
            + " FROM a, feature f WHERE f.layer_id = ?",
        id,
        AES_LAYER);
  }

  private static Double scalar(Connection c, String sql, String id, String layer)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, id);
      ps.setString(2, layer);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        double v = rs.getDouble(1);
        return rs.wasNull() ? null : v;
      }
    }
  }

  static double percent(double part, double whole) {
    return whole <= 0 ? 0 : Math.min(100, 100 * part / whole);
  }

  private static Instant instant(ResultSet rs, int i) throws SQLException {
    Timestamp t = rs.getTimestamp(i);
    return t == null ? null : t.toInstant();
  }
}
