package org.sahelmap.filter;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sahelmap.filter.Queryable.Type;
import org.sahelmap.store.PropertyTypes;

/**
 * What a collection's filters may name: {@code id}, {@code geometry}, each property of its features
 * with the type its values have, and for collections with time ({@code events}) the time span as
 * {@code start_time}, {@code end_time} and the interval {@code datetime}. The same list is the
 * {@code /queryables} document and the check every property name in a filter goes through.
 */
public final class Queryables {
  public static final String GEOMETRY = "geometry";
  public static final String DATETIME = "datetime";

  /** The span ends exactly as the datetime parameter reads them (PostgisFeatureStore). */
  static final String START = "coalesce(t_start, t_end)";

  static final String END = "coalesce(t_end, t_start)";

  private final Map<String, Queryable> byName;

  private Queryables(Map<String, Queryable> byName) {
    this.byName = Collections.unmodifiableMap(byName);
  }

  public static Queryables of(Map<String, PropertyTypes.Type> properties, boolean hasTime) {
    Map<String, Queryable> q = new LinkedHashMap<>();
    q.put("id", new Queryable("id", Type.TEXT, "id", List.of(), "the feature's id"));
    q.put(
        GEOMETRY,
        new Queryable(GEOMETRY, Type.GEOMETRY, "geom", List.of(), "the feature's geometry"));
    if (hasTime) {
      q.put(
          "start_time",
          new Queryable("start_time", Type.TIMESTAMP, START, List.of(), "when it began"));
      q.put("end_time", new Queryable("end_time", Type.TIMESTAMP, END, List.of(), "when it ended"));
      q.put(
          DATETIME,
          new Queryable(
              DATETIME, Type.INTERVAL, START, List.of(), "its time span, start_time to end_time"));
    }
    properties.forEach(
        (name, t) -> {
          if (!q.containsKey(name)) {
            q.put(name, property(name, t));
          }
        });
    return new Queryables(q);
  }

  private static Queryable property(String name, PropertyTypes.Type t) {
    return switch (t.json()) {
      case "string" ->
          new Queryable(
              name, t.date() ? Type.DATE_TEXT : Type.TEXT, "(properties->>?)", List.of(name), name);
      case "mixed" -> new Queryable(name, Type.TEXT, "(properties->>?)", List.of(name), name);
      // A value of another type in a feature reads as NULL rather than failing the cast.
      case "number" ->
          new Queryable(
              name,
              t.integer() ? Type.INTEGER : Type.NUMBER,
              "(CASE WHEN jsonb_typeof(properties->?) = 'number' THEN (properties->>?)::numeric"
                  + " END)",
              List.of(name, name),
              name);
      case "boolean" ->
          new Queryable(
              name,
              Type.BOOLEAN,
              "(CASE WHEN jsonb_typeof(properties->?) = 'boolean' THEN (properties->>?)::boolean"
                  + " END)",
              List.of(name, name),
              name);
      default -> new Queryable(name, Type.OTHER, "(properties->?)", List.of(name), name);
    };
  }

  public Optional<Queryable> get(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  public Map<String, Queryable> all() {
    return byName;
  }
}
