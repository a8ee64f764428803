package org.sahelmap.filter;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.sahelmap.json.Json;

/**
 * CQL2 JSON (OGC 21-065r2, cql2-json) to the same {@link FilterNode} tree the text parser builds:
 * {@code {"op", "args"}}, {@code {"property"}}, strings, numbers and booleans, {@code {"date"}},
 * {@code {"timestamp"}}, {@code {"interval": [a, b]}}, {@code {"bbox": [...]}} and GeoJSON
 * geometries (read by JTS). A refusal names the place by JSON pointer ({@code /args/1}).
 */
public final class Cql2JsonParser {
  private final GeometryFactory geometries = new GeometryFactory();
  private int depth;

  private Cql2JsonParser() {}

  public static FilterNode parse(String text) {
    if (text.length() > Cql2TextParser.MAX_LENGTH) {
      throw new FilterException("/", "longer than " + Cql2TextParser.MAX_LENGTH + " characters");
    }
    JsonNode root;
    try {
      root = Json.STRICT.readTree(text);
    } catch (JsonProcessingException e) {
      JsonLocation l = e.getLocation();
      throw new FilterException(
          l == null ? "/" : "character " + (l.getCharOffset() + 1), "not valid JSON");
    }
    if (root == null || root.isMissingNode()) {
      throw new FilterException("/", "the filter is empty");
    }
    return new Cql2JsonParser().node(root, "");
  }

  private FilterNode node(JsonNode n, String at) {
    String where = at.isEmpty() ? "/" : at;
    if (++depth > Cql2TextParser.MAX_DEPTH) {
      throw new FilterException(where, "nested more than " + Cql2TextParser.MAX_DEPTH + " deep");
    }
    try {
      if (n.isTextual()) {
        return new FilterNode.Literal(n.textValue(), where);
      }
      if (n.isNumber()) {
        // 1e309 reads as an infinite double, which no BigDecimal (nor PostgreSQL) holds.
        if (!n.isBigDecimal() && !n.isIntegralNumber() && !Double.isFinite(n.doubleValue())) {
          throw new FilterException(where, "'" + n.asText() + "' is not a finite number");
        }
        return new FilterNode.Literal(n.decimalValue(), where);
      }
      if (n.isBoolean()) {
        return new FilterNode.Literal(n.booleanValue(), where);
      }
      if (n.isArray()) {
        List<FilterNode> items = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
          items.add(node(n.get(i), at + "/" + i));
        }
        return new FilterNode.ListOf(items, where);
      }
      if (!n.isObject()) {
        throw new FilterException(where, "null is not a CQL2 value");
      }
      if (n.has("op")) {
        return op(n, at, where);
      }
      if (n.has("property")) {
        return new FilterNode.Property(text(n, "property", at), where);
      }
      if (n.has("date") || n.has("timestamp")) {
        String kind = n.has("date") ? "date" : "timestamp";
        return new FilterNode.Temporal(kind, text(n, kind, at), where);
      }
      if (n.has("interval")) {
        JsonNode i = n.get("interval");
        if (!i.isArray() || i.size() != 2) {
          throw new FilterException(where + "/interval", "an interval has two ends");
        }
        return new FilterNode.Interval(
            node(i.get(0), at + "/interval/0"), node(i.get(1), at + "/interval/1"), where);
      }
      if (n.has("bbox")) {
        return bbox(n.get("bbox"), where);
      }
      if (n.has("type") && n.has("coordinates") || n.has("geometries")) {
        return geometry(n, where);
      }
      Iterator<String> names = n.fieldNames();
      throw new FilterException(
          where,
          "an object with "
              + (names.hasNext() ? "'" + names.next() + "'" : "no members")
              + " is not a CQL2 value (op, property, date, timestamp, interval, bbox or a GeoJSON"
              + " geometry)");
    } finally {
      depth--;
    }
  }

  private FilterNode op(JsonNode n, String at, String where) {
    String op = text(n, "op", at);
    JsonNode args = n.get("args");
    if (args == null || !args.isArray()) {
      throw new FilterException(where, "'" + op + "' needs its args as an array");
    }
    String name = op.equals("isNull") ? op : op.toLowerCase(Locale.ROOT);
    List<FilterNode> list = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      list.add(node(args.get(i), at + "/args/" + i));
    }
    return new FilterNode.Op(name, list, where);
  }

  private FilterNode bbox(JsonNode b, String where) {
    if (!b.isArray() || (b.size() != 4 && b.size() != 6)) {
      throw new FilterException(where, "a bbox has 4 or 6 numbers");
    }
    for (JsonNode v : b) {
      if (!v.isNumber()) {
        throw new FilterException(where, "a bbox has numbers only");
      }
    }
    int half = b.size() / 2;
    Envelope e =
        new Envelope(
            b.get(0).asDouble(),
            b.get(half).asDouble(),
            b.get(1).asDouble(),
            b.get(half + 1).asDouble());
    return new FilterNode.GeometryLiteral(geometries.toGeometry(e), where);
  }

  private FilterNode geometry(JsonNode n, String where) {
    try {
      Geometry g = new GeoJsonReader(geometries).read(n.toString());
      return new FilterNode.GeometryLiteral(g, where);
    } catch (Exception e) {
      throw new FilterException(where, "not a valid GeoJSON geometry");
    }
  }

  private static String text(JsonNode n, String member, String at) {
    JsonNode v = n.get(member);
    if (v == null || !v.isTextual()) {
      throw new FilterException(at + "/" + member, "'" + member + "' must be a string");
    }
    return v.textValue();
  }
}
