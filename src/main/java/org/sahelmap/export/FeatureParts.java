package org.sahelmap.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.sahelmap.json.Json;

/**
 * Reads the two GeoJSON fragments the store hands over (PostGIS writes the geometry) back into a
 * JTS geometry and a JSON tree, for the formats that are not GeoJSON. One per writer: JTS's reader
 * is not thread-safe.
 */
final class FeatureParts {
  private final GeoJsonReader reader = new GeoJsonReader();

  /** The geometry, or null when the feature has none ({@code skipGeometry}). */
  Geometry geometry(String geometryJson) throws IOException {
    if (geometryJson == null || geometryJson.equals("null")) {
      return null;
    }
    try {
      return reader.read(geometryJson);
    } catch (ParseException e) {
      // PostGIS wrote it: a failure here is ours, not the client's.
      throw new IOException("PostGIS returned a geometry JTS cannot read", e);
    }
  }

  JsonNode properties(String propertiesJson) throws IOException {
    if (propertiesJson == null) {
      return JsonNodeFactory.instance.objectNode();
    }
    return Json.MAPPER.readTree(propertiesJson);
  }
}
