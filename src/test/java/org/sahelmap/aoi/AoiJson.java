package org.sahelmap.aoi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** GeoJSON Features for AOI tests. */
public final class AoiJson {
  public static final ObjectMapper JSON = new ObjectMapper();

  private AoiJson() {}

  /** A closed ring through the given lon/lat pairs (the first is repeated at the end). */
  public static ArrayNode ring(double... lonLat) {
    ArrayNode ring = JSON.createArrayNode();
    for (int i = 0; i < lonLat.length; i += 2) {
      ring.add(JSON.createArrayNode().add(lonLat[i]).add(lonLat[i + 1]));
    }
    ring.add(JSON.createArrayNode().add(lonLat[0]).add(lonLat[1]));
    return ring;
  }

  public static ObjectNode polygon(ArrayNode... rings) {
    ObjectNode g = JSON.createObjectNode().put("type", "Polygon");
    ArrayNode coords = g.putArray("coordinates");
    for (ArrayNode r : rings) {
      coords.add(r);
    }
    return g;
  }

  /** An axis-aligned box as a Polygon. */
  public static ObjectNode box(double west, double south, double east, double north) {
    return polygon(ring(west, south, east, south, east, north, west, north));
  }

  public static ObjectNode feature(String name, JsonNode geometry) {
    ObjectNode f = JSON.createObjectNode().put("type", "Feature");
    f.set("geometry", geometry);
    f.putObject("properties").put("name", name);
    return f;
  }

  public static String text(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public static JsonNode parse(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw new IllegalStateException(text, e);
    }
  }
}
