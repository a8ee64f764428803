package org.sahelmap.store;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.locationtech.jts.geom.Geometry;

/**
 * A feature to write: WGS84 lon/lat geometry, typed properties (strings, numbers, booleans, lists,
 * nested maps) and, for collections with time, an inclusive time span.
 */
public record FeatureRecord(
    String id, Geometry geometry, Map<String, Object> properties, Instant start, Instant end) {

  public FeatureRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(geometry, "geometry");
    properties = properties == null ? Map.of() : properties;
    if (start != null && end != null && start.isAfter(end)) {
      throw new IllegalArgumentException("feature " + id + " ends before it starts");
    }
  }

  public static FeatureRecord of(String id, Geometry geometry, Map<String, Object> properties) {
    return new FeatureRecord(id, geometry, properties, null, null);
  }
}
