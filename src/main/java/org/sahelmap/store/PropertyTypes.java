package org.sahelmap.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * The JSON types of a layer's properties, read from its features, for queryables and filters.
 * Properties live in one jsonb column with no declared schema, so the data is the schema. Read once
 * per layer version ({@code updated_at}, which every write moves) and kept, so no page pays for it;
 * and from the first {@link #SAMPLE} features only, so a 200,000-event layer costs a bounded read
 * (a property first seen later is not queryable). The store samples them ({@link
 * FeatureStore#propertyTypes}); this class keeps what it said.
 */
public final class PropertyTypes {
  /** Features read per layer version. */
  public static final int SAMPLE = 5_000;

  /**
   * One property: its JSON type ({@code string}, {@code number}, {@code boolean}, {@code array},
   * {@code object}; {@code mixed} when features disagree), whether every number is whole and
   * whether every string is a date (YYYY-MM-DD); for arrays, the JSON type of their first items
   * when every sampled array agrees on it ({@code items}, else null).
   */
  public record Type(String json, boolean integer, boolean date, String items) {
    public Type(String json, boolean integer, boolean date) {
      this(json, integer, date, null);
    }
  }

  private record Cached(Instant version, Map<String, Type> types) {}

  private final FeatureStore store;
  private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

  public PropertyTypes(FeatureStore store) {
    this.store = store;
  }

  /** The properties of {@code layer} by name, sorted. */
  public Map<String, Type> of(Layer layer) {
    Cached c = cache.get(layer.id());
    if (c != null && c.version().equals(layer.updatedAt())) {
      return c.types();
    }
    Map<String, Type> types = store.propertyTypes(layer.id());
    cache.put(layer.id(), new Cached(layer.updatedAt(), types));
    return types;
  }

  /** PostGIS's sample of a layer's property types: what {@link PostgisFeatureStore} answers. */
  static Map<String, Type> sample(DataSource dataSource, String layerId) {
    String sql =
        "SELECT key, jsonb_typeof(value),"
            + " bool_and(jsonb_typeof(value) <> 'number' OR value::text ~ '^-?[0-9]+$'),"
            + " bool_and(jsonb_typeof(value) <> 'string'"
            + " OR value #>> '{}' ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),"
            + " CASE WHEN jsonb_typeof(value) = 'array'"
            + " AND min(jsonb_typeof(value -> 0)) = max(jsonb_typeof(value -> 0))"
            + " THEN min(jsonb_typeof(value -> 0)) END"
            + " FROM (SELECT properties FROM feature WHERE layer_id = ? ORDER BY seq LIMIT ?) f,"
            + " jsonb_each(f.properties) WHERE jsonb_typeof(value) <> 'null' GROUP BY 1, 2";
    Map<String, Type> out = new TreeMap<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, layerId);
      ps.setInt(2, SAMPLE);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Type t = new Type(rs.getString(2), rs.getBoolean(3), rs.getBoolean(4), rs.getString(5));
          out.merge(rs.getString(1), t, (a, b) -> new Type("mixed", false, false));
        }
      }
    } catch (SQLException e) {
      throw new StoreException("reading the property types of " + layerId, e);
    }
    return out;
  }
}
