package org.sahelmap.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.locationtech.jts.io.WKBWriter;
import org.sahelmap.json.Json;

/**
 * {@link FeatureStore} over PostGIS. Geometry goes in as WKB and comes out as GeoJSON written by
 * PostGIS itself ({@code ST_AsGeoJSON}), so serving a page costs little more than the query. Values
 * are always bound as parameters; the only identifiers in SQL are constants of this class.
 */
public final class PostgisFeatureStore implements FeatureStore {

  /** Decimal places of output coordinates: 6 is about 0.1 m, finer than any source we hold. */
  static final int COORDINATE_DECIMALS = 6;

  /** Writes properties: java.time values as ISO 8601 text (see {@link Json#MAPPER}). */
  private static final ObjectMapper JSON = Json.MAPPER;

  private static final int STREAM_FETCH_SIZE = 1000;

  /**
   * The geometry {@code g} as stored. Polygons are wound as RFC 7946 asks (exterior
   * counter-clockwise), so every reader of the table, ours or a GIS's, gets conforming GeoJSON
   * without re-winding on the way out. Only polygons go through ST_ForcePolygonCCW: PostGIS 3.3.2
   * (Debian 12) reverses lines given to it, which would turn every road and border around.
   */
  static final String WOUND_GEOMETRY =
      "CASE WHEN GeometryType(g) IN ('POLYGON', 'MULTIPOLYGON') THEN ST_ForcePolygonCCW(g) ELSE g"
          + " END";

  /** An upsert matches on id and replaces everything but the insertion order. */
  static final String ON_CONFLICT_UPDATE =
      " ON CONFLICT (layer_id, id) DO UPDATE SET properties = EXCLUDED.properties,"
          + " geom = EXCLUDED.geom, t_start = EXCLUDED.t_start, t_end = EXCLUDED.t_end";

  private final DataSource dataSource;

  public PostgisFeatureStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public List<Layer> layers() {
    return queryLayers("SELECT * FROM layer ORDER BY display_order, id", null);
  }

  @Override
  public Optional<Layer> layer(String id) {
    return queryLayers("SELECT * FROM layer WHERE id = ?", id).stream().findFirst();
  }

  private List<Layer> queryLayers(String sql, String param) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      if (param != null) {
        ps.setString(1, param);
      }
      List<Layer> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(layerFrom(rs));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException("reading layers", e);
    }
  }

  private static Layer layerFrom(ResultSet rs) throws SQLException {
    return new Layer(
        rs.getString("id"),
        rs.getString("title"),
        rs.getString("description"),
        rs.getString("kind"),
        readMap(rs.getString("metadata")),
        instant(rs.getTimestamp("computed_at")),
        instant(rs.getTimestamp("updated_at")),
        rs.getInt("display_order"));
  }

  /**
   * Layers as last read whole, by id. A single feature is the API's most frequent and cheapest
   * request, and its layer's row (metadata, styles, sources: about 2 KB of JSON parsed each time)
   * cost it more than the feature did; so an item reads only the layer's {@code updated_at} with
   * the feature, and the whole row again only when that changed. Every write of a layer sets {@code
   * updated_at}, which the ETag already rests on, so this is exactly as fresh.
   */
  private final ConcurrentHashMap<String, Layer> layersRead = new ConcurrentHashMap<>();

  @Override
  public Optional<LayerFeature> layerFeature(String layerId, String featureId) {
    try (Connection c = dataSource.getConnection()) {
      Layer known = layersRead.get(layerId);
      Optional<LayerFeature> found = layerFeature(c, layerId, featureId, known);
      if (found.isPresent() && found.get().layer() == null) {
        // The layer changed since it was read (or was never read): read both again, in one query.
        found = layerFeature(c, layerId, featureId, null);
      }
      found.ifPresent(f -> layersRead.put(layerId, f.layer()));
      return found;
    } catch (SQLException e) {
      throw new StoreException("reading feature " + featureId + " of " + layerId, e);
    }
  }

  /**
   * The layer and the feature in one query. With {@code known}, only the layer's updated_at is
   * read: the answer carries {@code known} when that matches, and a null layer when it does not.
   */
  private static Optional<LayerFeature> layerFeature(
      Connection c, String layerId, String featureId, Layer known) throws SQLException {
    String sql =
        "SELECT "
            + (known == null ? "l.*" : "l.updated_at")
            + ", f.id AS feature_id, ST_AsGeoJSON(f.geom, "
            + COORDINATE_DECIMALS
            + ") AS feature_geom, f.properties::text AS feature_properties FROM layer l"
            + " LEFT JOIN feature f ON f.layer_id = l.id AND f.id = ? WHERE l.id = ?";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, featureId);
      ps.setString(2, layerId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        Layer layer =
            known == null
                ? layerFrom(rs)
                : Objects.equals(known.updatedAt(), instant(rs.getTimestamp("updated_at")))
                    ? known
                    : null;
        String id = rs.getString("feature_id");
        return Optional.of(
            new LayerFeature(
                layer,
                id == null
                    ? Optional.empty()
                    : Optional.of(
                        new StoredFeature(
                            id,
                            rs.getString("feature_geom"),
                            rs.getString("feature_properties")))));
      }
    }
  }

  @Override
  public Extent extent(String layerId) {
    String sql =
        "SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e), t0, t1, n FROM ("
            + " SELECT ST_Extent(geom) AS e, min(t_start) AS t0, max(t_end) AS t1, count(*) AS n"
            + " FROM feature WHERE layer_id = ?) x";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, layerId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        long n = rs.getLong(7);
        double[] bbox =
            n == 0
                ? null
                : new double[] {rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)};
        return new Extent(bbox, instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6)), n);
      }
    } catch (SQLException e) {
      throw new StoreException("reading the extent of " + layerId, e);
    }
  }

  @Override
  public void replaceLayers(List<LayerData> layers) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        for (LayerData data : layers) {
          if (!data.keepOtherFeatures()) {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM layer WHERE id = ?")) {
              del.setString(1, data.layer().id());
              del.executeUpdate();
            }
          }
          upsertLayer(c, data.layer());
          insertFeatures(c, data.layer().id(), data.features(), data.keepOtherFeatures());
        }
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException("writing layers", e);
    }
  }

  @Override
  public void upsertFeatures(String layerId, List<FeatureRecord> features) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        insertFeatures(c, layerId, features, true);
        touch(c, layerId);
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException("writing features of " + layerId, e);
    }
  }

  @Override
  public BulkUpsert openUpsert(LayerData base) {
    return PostgisBulkUpsert.open(dataSource, base);
  }

  static void upsertLayer(Connection c, Layer layer) throws SQLException {
    String sql =
        "INSERT INTO layer (id, title, description, kind, metadata, computed_at, display_order)"
            + " VALUES (?, ?, ?, ?, ?::jsonb, ?, ?) ON CONFLICT (id) DO UPDATE SET"
            + " title = EXCLUDED.title, description = EXCLUDED.description, kind = EXCLUDED.kind,"
            + " metadata = EXCLUDED.metadata, computed_at = EXCLUDED.computed_at,"
            + " display_order = EXCLUDED.display_order, updated_at = clock_timestamp()";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, layer.id());
      ps.setString(2, layer.title());
      ps.setString(3, layer.description());
      ps.setString(4, layer.kind());
      ps.setString(5, writeJson(layer.metadata()));
      ps.setTimestamp(6, layer.computedAt() == null ? null : Timestamp.from(layer.computedAt()));
      ps.setInt(7, layer.displayOrder());
      ps.executeUpdate();
    }
  }

  /**
   * Writes one feature in the caller's transaction (the versioned stores mirror an object's current
   * state here, in the same transaction as its version) and bumps the layer's {@code updated_at} so
   * cached reads revalidate.
   */
  public static void putFeature(Connection c, String layerId, FeatureRecord feature)
      throws SQLException {
    insertFeatures(c, layerId, List.of(feature), true);
    touch(c, layerId);
  }

  /**
   * Removes one feature in the caller's transaction, and bumps the layer like {@link #putFeature}.
   */
  public static void removeFeature(Connection c, String layerId, String featureId)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("DELETE FROM feature WHERE layer_id = ? AND id = ?")) {
      ps.setString(1, layerId);
      ps.setString(2, featureId);
      ps.executeUpdate();
    }
    touch(c, layerId);
  }

  static void touch(Connection c, String layerId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE layer SET updated_at = clock_timestamp() WHERE id = ?")) {
      ps.setString(1, layerId);
      if (ps.executeUpdate() != 1) {
        throw new StoreException("no layer " + layerId, null);
      }
    }
  }

  static void insertFeatures(
      Connection c, String layerId, List<FeatureRecord> features, boolean upsert)
      throws SQLException {
    String sql =
        "INSERT INTO feature (layer_id, id, properties, geom, t_start, t_end)"
            + " VALUES (?, ?, ?::jsonb, (SELECT "
            + WOUND_GEOMETRY
            + " FROM (SELECT ST_GeomFromWKB(?, 4326) AS g) w), ?, ?)"
            + (upsert ? ON_CONFLICT_UPDATE : "");
    WKBWriter wkb = new WKBWriter(2);
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      int batched = 0;
      for (FeatureRecord f : features) {
        ps.setString(1, layerId);
        ps.setString(2, f.id());
        ps.setString(3, writeJson(f.properties()));
        ps.setBytes(4, wkb.write(f.geometry()));
        ps.setTimestamp(5, f.start() == null ? null : Timestamp.from(f.start()));
        ps.setTimestamp(6, f.end() == null ? null : Timestamp.from(f.end()));
        ps.addBatch();
        if (++batched % 500 == 0) {
          ps.executeBatch();
        }
      }
      ps.executeBatch();
    }
  }

  @Override
  public long count(String layerId, ItemQuery query) {
    try (Connection c = dataSource.getConnection()) {
      return countIn(c, layerId, query, ItemQuery.UNLIMITED);
    } catch (SQLException e) {
      throw new StoreException("counting features of " + layerId, e);
    }
  }

  @Override
  public long stream(String layerId, ItemQuery query, FeatureSink sink) throws IOException {
    List<Object> params = new ArrayList<>();
    String sql = selectSql(layerId, query, params);
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        return streamRows(c, sql, params, sink);
      } finally {
        c.rollback();
      }
    } catch (SQLException e) {
      throw new StoreException("reading features of " + layerId, e);
    }
  }

  @Override
  public Page page(String layerId, ItemQuery query, FeatureSink sink) throws IOException {
    boolean unlimited = query.limit() == ItemQuery.UNLIMITED;
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        // An export reads every match anyway, so counting them all costs less than the export.
        long counted =
            snapshotCount(c, layerId, query, unlimited ? ItemQuery.UNLIMITED : COUNT_CAP + 1);
        boolean many = !unlimited && counted > COUNT_CAP;
        // One row beyond the page says whether a next page exists, count or no count.
        long rows = unlimited ? ItemQuery.UNLIMITED : query.limit() + 1;
        List<Object> params = new ArrayList<>();
        String sql = selectSql(layerId, query, params, rows, many);
        long[] seen = {0};
        streamRows(
            c,
            sql,
            params,
            (id, g, p) -> {
              if (seen[0]++ < query.limit()) {
                sink.accept(id, g, p);
              }
            });
        long returned = Math.min(seen[0], query.limit());
        return new Page(
            returned,
            many ? OptionalLong.empty() : OptionalLong.of(counted),
            seen[0] > query.limit());
      } finally {
        c.rollback();
      }
    } catch (SQLException e) {
      throw new StoreException("reading features of " + layerId, e);
    }
  }

  /**
   * Starts the page's transaction and counts in it, in one round trip. The transaction is one
   * snapshot for the count and the rows, so numberMatched and the page agree even when an import
   * commits between the two. During the count only, bitmap scans are off: a bitmap scan collects
   * every match from the index before it reads the first row, where a plain index scan stops at the
   * cap (a 3 × 3° box over Gao, 50,000 matches: about 60 ms against 17 ms).
   */
  private static long snapshotCount(Connection c, String layerId, ItemQuery query, long cap)
      throws SQLException {
    List<Object> params = new ArrayList<>();
    // Two boxes across the antimeridian meet only in a BitmapOr: without bitmaps the count would
    // read the whole layer.
    boolean bitmapOff = !query.crossesAntimeridian();
    String sql =
        "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY;"
            // An export streams for as long as its client reads: the serving statement timeout
            // (Database.openForServing) is for pages, not for whole collections.
            + (cap == ItemQuery.UNLIMITED ? " SET LOCAL statement_timeout = 0;" : "")
            + (bitmapOff ? " SET LOCAL enable_bitmapscan = off; " : " ")
            + countSql(layerId, query, params, cap)
            + (bitmapOff ? "; SET LOCAL enable_bitmapscan = on" : "");
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, params);
      // The SETs answer with update counts; the count's rows are the one result set.
      boolean isResult = ps.execute();
      while (!isResult) {
        if (ps.getUpdateCount() == -1) {
          throw new SQLException("the count returned no rows");
        }
        isResult = ps.getMoreResults();
      }
      try (ResultSet rs = ps.getResultSet()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** Matches of the query, counting no further than {@code cap} (UNLIMITED: all of them). */
  private static long countIn(Connection c, String layerId, ItemQuery query, long cap)
      throws SQLException {
    List<Object> params = new ArrayList<>();
    String sql = countSql(layerId, query, params, cap);
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, params);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /**
   * The count behind numberMatched. With a cap, PostgreSQL stops reading rows after {@code cap}
   * matches, so the cost of a page's count is bounded however large the box. Package-private so a
   * test can EXPLAIN exactly what the server runs.
   */
  static String countSql(String layerId, ItemQuery query, List<Object> params, long cap) {
    String where = where(layerId, query, params);
    if (cap == ItemQuery.UNLIMITED) {
      return "SELECT count(*) FROM feature WHERE " + where;
    }
    params.add(cap);
    return "SELECT count(*) FROM (SELECT 1 FROM feature WHERE " + where + " LIMIT ?) c";
  }

  private static long streamRows(Connection c, String sql, List<Object> params, FeatureSink sink)
      throws SQLException, IOException {
    // PgJDBC only streams with a cursor (fetch size) inside a transaction; otherwise it would
    // read the whole result into memory before returning the first row.
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setFetchSize(STREAM_FETCH_SIZE);
      bind(ps, params);
      long n = 0;
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          sink.accept(rs.getString(1), rs.getString(2), rs.getString(3));
          n++;
        }
      }
      return n;
    }
  }

  @Override
  public Optional<StoredFeature> feature(String layerId, String featureId) {
    String sql =
        "SELECT id, ST_AsGeoJSON(geom, "
            + COORDINATE_DECIMALS
            + "), properties::text FROM feature WHERE layer_id = ? AND id = ?";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, layerId);
      ps.setString(2, featureId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(new StoredFeature(rs.getString(1), rs.getString(2), rs.getString(3)));
      }
    } catch (SQLException e) {
      throw new StoreException("reading feature " + featureId + " of " + layerId, e);
    }
  }

  @Override
  public Map<String, PropertyTypes.Type> propertyTypes(String layerId) {
    return PropertyTypes.sample(dataSource, layerId);
  }

  @Override
  public Optional<String> geometryIn(String layerId, String featureId, Reprojection crs) {
    List<Object> params = new ArrayList<>();
    String sql =
        "SELECT " + crs.sql("geom", params) + " FROM feature WHERE layer_id = ? AND id = ?";
    params.add(layerId);
    params.add(featureId);
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, params);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new StoreException("reading feature " + featureId + " of " + layerId, e);
    }
  }

  /**
   * The query behind {@link #stream}: id, GeoJSON geometry and properties text of one page (or of
   * every matching feature when the limit is {@link ItemQuery#UNLIMITED}), in {@code seq} order.
   * Package-private so a test can EXPLAIN exactly what the server runs.
   */
  static String selectSql(String layerId, ItemQuery query, List<Object> params) {
    return selectSql(layerId, query, params, query.limit(), false);
  }

  /**
   * The page query with {@code rows} rows from the query's offset. {@code manyMatches}: more than
   * {@link #COUNT_CAP} features match, so walking {@code (layer_id, seq)} in order finds a page
   * after reading a few rows per match, where sorting would read and sort every match (a 3 × 3° box
   * over Gao holds 50,000 of 200,000 events: 235 ms sorted against 10 ms walked).
   */
  static String selectSql(
      String layerId, ItemQuery query, List<Object> params, long rows, boolean manyMatches) {
    ItemQuery.Output out = query.output();
    StringBuilder sql = new StringBuilder("SELECT id, ");
    if (out != null && out.skipGeometry()) {
      sql.append("'null'");
    } else if (out != null && out.crs() != null) {
      sql.append(out.crs().sql("geom", params));
    } else {
      sql.append("ST_AsGeoJSON(geom, ").append(COORDINATE_DECIMALS).append(")");
    }
    if (out != null && out.properties() != null) {
      // Only the named members, in the stored order; the names are one bound array.
      sql.append(
          ", (SELECT coalesce(jsonb_object_agg(key, value), '{}'::jsonb) FROM"
              + " jsonb_each(properties) WHERE key = ANY(?))::text");
      params.add(out.properties().toArray(String[]::new));
    } else {
      sql.append(", properties::text");
    }
    sql.append(" FROM feature WHERE ").append(where(layerId, query, params));
    if (out != null && out.orderBy() != null) {
      // A client's order: every match is sorted (top-N), so only when asked for; seq breaks ties
      // so pages neither repeat nor skip a feature.
      sql.append(" ORDER BY ").append(out.orderBy().sql()).append(", seq");
      params.addAll(out.orderBy().params());
    } else {
      // Otherwise, with a bbox, "seq + 0" keeps the planner off the (layer_id, seq) index:
      // it would walk that index in order and filter, expecting matches spread evenly, but
      // features are stored in spatial runs, so a small page of a small box scanned most of
      // the layer (100 ms on 200,000 points against 10 ms through the spatial index). Few
      // matches (at most COUNT_CAP) make that sort cheap.
      sql.append(query.bbox() != null && !manyMatches ? " ORDER BY seq + 0" : " ORDER BY seq");
    }
    if (rows != ItemQuery.UNLIMITED) {
      sql.append(" LIMIT ?");
      params.add(rows);
    }
    if (query.offset() > 0) {
      sql.append(" OFFSET ?");
      params.add(query.offset());
    }
    return sql.toString();
  }

  /**
   * The WHERE clause of an items query. The bbox test is {@code ST_Intersects} against an envelope
   * in the column's own SRID, which PostGIS answers from the GiST index.
   */
  /**
   * The one time-window predicate, {@code " AND ..."} (or nothing): features whose span overlaps
   * {@code [from, to]}, either bound null for open. A feature known only by its start (or only its
   * end) is an instant at that time, rather than never matching a window because a bound is NULL.
   * {@code alias} qualifies the columns: {@code ""} or e.g. {@code "f."}.
   */
  public static String timeWindow(String alias, Instant from, Instant to, List<Object> params) {
    StringBuilder w = new StringBuilder();
    if (to != null) {
      w.append(" AND coalesce(")
          .append(alias)
          .append("t_start, ")
          .append(alias)
          .append("t_end) <= ?");
      params.add(Timestamp.from(to));
    }
    if (from != null) {
      w.append(" AND coalesce(")
          .append(alias)
          .append("t_end, ")
          .append(alias)
          .append("t_start) >= ?");
      params.add(Timestamp.from(from));
    }
    return w.toString();
  }

  static String where(String layerId, ItemQuery q, List<Object> params) {
    StringBuilder w = new StringBuilder("layer_id = ?");
    params.add(layerId);
    if (q.crossesAntimeridian()) {
      // Two boxes, one each side of the antimeridian, each answered by the GiST index (a
      // BitmapOr); one box from minLon to maxLon would be the rest of the world.
      double[] b = q.bbox();
      w.append(" AND (").append(BOX).append(" OR ").append(BOX).append(")");
      params.addAll(List.of(b[0], b[1], 180.0, b[3], -180.0, b[1], b[2], b[3]));
    } else if (q.bbox() != null) {
      w.append(" AND ").append(BOX);
      for (double v : q.bbox()) {
        params.add(v);
      }
      if (q.from() != null || q.to() != null) {
        // The same window again as a range overlap, which feature_layer_geom_time_gix (V51)
        // answers together with the box; the plain predicates below stay the definition.
        w.append(" AND ")
            .append(SPAN)
            .append(" && tstzrange(?::timestamptz, ?::timestamptz, '[]')");
        params.add(q.from() == null ? null : Timestamp.from(q.from()));
        params.add(q.to() == null ? null : Timestamp.from(q.to()));
      }
    }
    w.append(timeWindow("", q.from(), q.to(), params));
    if (!q.categories().isEmpty()) {
      // The stored copy of properties->>'category' (V5_1), so tiles and the histogram can filter
      // from feature_points_idx alone.
      w.append(" AND category = ANY(?)");
      params.add(q.categories().stream().sorted().toArray(String[]::new));
    }
    if (q.text() != null) {
      w.append(" AND ").append(SEARCH_TEXT).append(" ILIKE ?");
      params.add("%" + likeLiteral(q.text()) + "%");
    }
    if (q.filter() != null) {
      w.append(" AND (").append(q.filter().sql()).append(")");
      params.addAll(q.filter().params());
    }
    return w.toString();
  }

  /**
   * A bbox test against an envelope in the column's own SRID, which PostGIS answers from the GiST
   * index. ST_Envelope turns a zero-width or zero-height box into the line or point it is; the
   * degenerate polygon ST_MakeEnvelope gives for it intersects nothing.
   */
  private static final String BOX =
      "ST_Intersects(geom, ST_Envelope(ST_MakeEnvelope(?, ?, ?, ?, 4326)))";

  /** A feature's time span as V51 indexes it. */
  private static final String SPAN =
      "tstzrange(coalesce(t_start, t_end), coalesce(t_end, t_start), '[]')";

  /** The text {@code q} searches; V5__event_search.sql indexes exactly this expression. */
  static final String SEARCH_TEXT =
      "(coalesce(properties->>'title', '') || ' ' || coalesce(properties->>'summary', '') || ' '"
          + " || coalesce(properties->>'place_name', '') || ' '"
          + " || coalesce(properties->>'actors', ''))";

  /** Text matched literally by LIKE: its wildcards and the escape character escaped. */
  static String likeLiteral(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
    for (int i = 0; i < params.size(); i++) {
      ps.setObject(i + 1, params.get(i));
    }
  }

  private static Instant instant(Timestamp ts) {
    return ts == null ? null : ts.toInstant();
  }

  static String writeJson(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, Object> readMap(String json) {
    try {
      return JSON.readValue(json, new TypeReference<Map<String, Object>>() {});
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
