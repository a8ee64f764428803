package org.sahelmap.layers;

import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/** One feature read from a source file: its id, WGS84 geometry and properties as given. */
public record SourceFeature(String id, Geometry geometry, Map<String, Object> properties) {

  public String text(String key) {
    Object v = properties.get(key);
    return v == null ? null : v.toString();
  }
}
