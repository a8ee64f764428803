package org.sahelmap.aoi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import org.sahelmap.geo.Geo;

/**
 * Checks a GeoJSON Feature sent as an AOI, with pure JTS, and says what is wrong in words and
 * coordinates: only (Multi)Polygons, lon/lat in range, closed rings, a bounded number of vertices,
 * no self-intersections (refused with the place where edges cross, or repaired with {@link
 * GeometryFixer} when the client asks), and bounded name, notes and tags. Text is kept exactly as
 * given: escaping is the job of whatever writes it into HTML.
 */
public final class AoiValidator {
  public static final int MAX_VERTICES = 10_000;

  /** Most polygons in a MultiPolygon, and most rings (outer and holes) in the whole AOI. */
  public static final int MAX_POLYGONS = 100;

  public static final int MAX_RINGS = 500;

  /**
   * Widest AOI, in degrees of longitude and of latitude. PostGIS measures AOIs as geography, whose
   * edges are great-circle arcs: an edge 180° long (or a whole-world box) has no defined arc and
   * fails every analysis ("Antipodal edge"), and long arcs stray far from the straight lon/lat edge
   * the map draws. 60° holds the whole Sahel (Senegal to Sudan) with room to spare.
   */
  public static final double MAX_SPAN_DEG = 60;

  public static final int MAX_NAME = 200;
  public static final int MAX_NOTES = 5_000;
  public static final int MAX_TAGS = 20;
  public static final int MAX_TAG = 50;

  /**
   * Largest circle radius, m: beyond a few hundred km a circle is no longer an area of interest.
   */
  public static final double MAX_RADIUS_M = 2_000_000;

  private AoiValidator() {}

  public static AoiDraft validate(JsonNode feature, boolean repair) {
    if (feature == null
        || !feature.isObject()
        || !"Feature".equals(feature.path("type").asText())) {
      throw new AoiProblem(
          "NotAFeature",
          "the body must be one GeoJSON Feature: {\"type\": \"Feature\", \"geometry\": {...},"
              + " \"properties\": {\"name\": ...}}");
    }
    JsonNode props = feature.path("properties");
    if (!props.isObject()) {
      throw new AoiProblem("InvalidProperty", "the feature needs properties with at least a name");
    }
    String name = text(props, "name", true, MAX_NAME);
    if (name.isBlank()) {
      throw new AoiProblem("InvalidProperty", "property 'name' must not be blank");
    }
    String notes = text(props, "notes", false, MAX_NOTES);
    List<String> tags = tags(props.path("tags"));
    Double radius = radius(props.path("radius_m"));
    Geometry g = geometry(feature.path("geometry"));
    boolean repaired = false;
    IsValidOp op = new IsValidOp(g);
    if (!op.isValid()) {
      if (!repair) {
        TopologyValidationError e = op.getValidationError();
        Coordinate c = e.getCoordinate();
        throw new AoiProblem(
            "InvalidGeometry",
            e.getMessage()
                + (c == null ? "" : " at (" + fmt(c.x) + ", " + fmt(c.y) + ")")
                + ": an area's edges must not cross or touch themselves. Move the vertices there,"
                + " or send ?repair=true to have the server repair it.",
            c == null ? null : new double[] {c.x, c.y});
      }
      g = polygonal(GeometryFixer.fix(g));
      repaired = true;
      if (g.isEmpty() || g.getArea() == 0) {
        throw new AoiProblem("InvalidGeometry", "nothing with an area is left after repair");
      }
    }
    if (g.getArea() == 0) {
      throw new AoiProblem("InvalidGeometry", "the polygon has no area");
    }
    span(g);
    g.setSRID(Geo.WGS84_SRID);
    return new AoiDraft(name, notes, tags, radius, g, repaired);
  }

  private static void span(Geometry g) {
    var env = g.getEnvelopeInternal();
    if (env.getWidth() > MAX_SPAN_DEG || env.getHeight() > MAX_SPAN_DEG) {
      throw new AoiProblem(
          "TooLarge",
          "the area spans "
              + fmt(env.getWidth())
              + "° of longitude and "
              + fmt(env.getHeight())
              + "° of latitude; an AOI spans at most "
              + fmt(MAX_SPAN_DEG)
              + "° each way (and cannot cross the antimeridian)");
    }
  }

  private static Geometry polygonal(Geometry g) {
    List<Polygon> polys = new ArrayList<>();
    PolygonExtracter.getPolygons(g, polys);
    Geometry out =
        polys.size() == 1
            ? polys.get(0)
            : Geo.FACTORY.createMultiPolygon(polys.toArray(new Polygon[0]));
    return out;
  }

  private static String text(JsonNode props, String key, boolean required, int max) {
    JsonNode v = props.get(key);
    if (v == null || v.isNull()) {
      if (required) {
        throw new AoiProblem("InvalidProperty", "property '" + key + "' is required");
      }
      return "";
    }
    if (!v.isTextual()) {
      throw new AoiProblem("InvalidProperty", "property '" + key + "' must be a string");
    }
    String s = v.asText();
    int n = s.codePointCount(0, s.length());
    if (required && n < 1 || n > max) {
      throw new AoiProblem(
          "InvalidProperty",
          "property '"
              + key
              + "' has "
              + n
              + " characters; "
              + (required ? "1 to " + max : "at most " + max)
              + " are allowed");
    }
    noNul(key, s);
    return s;
  }

  /** PostgreSQL text cannot hold U+0000: refuse it here rather than fail in the database. */
  private static void noNul(String key, String s) {
    if (s.indexOf('\0') >= 0) {
      throw new AoiProblem("InvalidProperty", "property '" + key + "' contains a NUL character");
    }
  }

  private static List<String> tags(JsonNode v) {
    if (v.isMissingNode() || v.isNull()) {
      return List.of();
    }
    if (!v.isArray()) {
      throw new AoiProblem("InvalidProperty", "property 'tags' must be an array of strings");
    }
    if (v.size() > MAX_TAGS) {
      throw new AoiProblem(
          "InvalidProperty",
          "there are " + v.size() + " tags; at most " + MAX_TAGS + " are allowed");
    }
    List<String> tags = new ArrayList<>();
    for (JsonNode t : v) {
      if (!t.isTextual()) {
        throw new AoiProblem("InvalidProperty", "every tag must be a string");
      }
      String s = t.asText();
      int n = s.codePointCount(0, s.length());
      if (s.isBlank() || n > MAX_TAG) {
        throw new AoiProblem(
            "InvalidProperty",
            "tag '" + s + "' has " + n + " characters; tags are 1 to " + MAX_TAG + " characters");
      }
      noNul("tags", s);
      tags.add(s);
    }
    return tags;
  }

  private static Double radius(JsonNode v) {
    if (v.isMissingNode() || v.isNull()) {
      return null;
    }
    if (!v.isNumber() || !(v.asDouble() > 0) || v.asDouble() > MAX_RADIUS_M) {
      throw new AoiProblem(
          "InvalidProperty",
          "property 'radius_m' must be a number of metres above 0 and at most "
              + (long) MAX_RADIUS_M);
    }
    return v.asDouble();
  }

  static Geometry geometry(JsonNode g) {
    if (g.isMissingNode() || g.isNull()) {
      throw new AoiProblem("InvalidGeometry", "the feature has no geometry");
    }
    String type = g.path("type").asText("");
    JsonNode coords = g.path("coordinates");
    List<JsonNode> polygons = new ArrayList<>();
    if (type.equals("Polygon")) {
      polygons.add(coords);
    } else if (type.equals("MultiPolygon")) {
      if (!coords.isArray() || coords.isEmpty()) {
        throw new AoiProblem("InvalidGeometry", "a MultiPolygon needs an array of polygons");
      }
      coords.forEach(polygons::add);
    } else {
      throw new AoiProblem(
          "InvalidGeometry",
          "geometry type '"
              + (type.isEmpty() ? "(none)" : type)
              + "' is not accepted: an AOI is a Polygon or a MultiPolygon");
    }
    if (polygons.size() > MAX_POLYGONS) {
      throw new AoiProblem(
          "TooManyParts",
          "the geometry has "
              + polygons.size()
              + " polygons; at most "
              + MAX_POLYGONS
              + " are accepted");
    }
    int vertices = 0;
    int rings = 0;
    for (JsonNode p : polygons) {
      for (JsonNode ring : p) {
        vertices += ring.size();
        rings++;
      }
    }
    if (rings > MAX_RINGS) {
      throw new AoiProblem(
          "TooManyParts",
          "the geometry has " + rings + " rings; at most " + MAX_RINGS + " are accepted");
    }
    if (vertices > MAX_VERTICES) {
      throw new AoiProblem(
          "TooManyVertices",
          "the geometry has " + vertices + " vertices; at most " + MAX_VERTICES + " are accepted");
    }
    Polygon[] built = new Polygon[polygons.size()];
    for (int i = 0; i < polygons.size(); i++) {
      built[i] = polygon(polygons.get(i), polygons.size() > 1 ? "polygon " + (i + 1) + ", " : "");
    }
    return built.length == 1 && type.equals("Polygon")
        ? built[0]
        : Geo.FACTORY.createMultiPolygon(built);
  }

  private static Polygon polygon(JsonNode rings, String where) {
    if (!rings.isArray() || rings.isEmpty()) {
      throw new AoiProblem("InvalidGeometry", where + "the polygon has no rings");
    }
    LinearRing[] built = new LinearRing[rings.size()];
    for (int r = 0; r < rings.size(); r++) {
      String ringName =
          where + (r == 0 ? "the outer ring" : "hole " + r) + " (ring " + (r + 1) + ")";
      built[r] = ring(rings.get(r), ringName);
    }
    LinearRing[] holes = new LinearRing[built.length - 1];
    System.arraycopy(built, 1, holes, 0, holes.length);
    return Geo.FACTORY.createPolygon(built[0], holes);
  }

  private static LinearRing ring(JsonNode ring, String name) {
    if (!ring.isArray()) {
      throw new AoiProblem("InvalidGeometry", name + " must be an array of positions");
    }
    Coordinate[] cs = new Coordinate[ring.size()];
    for (int i = 0; i < ring.size(); i++) {
      JsonNode p = ring.get(i);
      if (!p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
        throw new AoiProblem(
            "InvalidGeometry",
            name + ", position " + (i + 1) + ": a position is [longitude, latitude] in numbers");
      }
      double lon = p.get(0).asDouble();
      double lat = p.get(1).asDouble();
      if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
        throw new AoiProblem(
            "CoordinateOutOfRange",
            name
                + ", position "
                + (i + 1)
                + " is ("
                + fmt(lon)
                + ", "
                + fmt(lat)
                + "): longitude must be within -180..180 and latitude within -90..90"
                + " (GeoJSON puts longitude first)",
            new double[] {lon, lat});
      }
      cs[i] = new Coordinate(lon, lat);
    }
    if (cs.length < 4) {
      throw new AoiProblem(
          "InvalidGeometry",
          name
              + " has "
              + cs.length
              + " positions; a ring needs at least 4 (three corners and the first again)");
    }
    if (!cs[0].equals2D(cs[cs.length - 1])) {
      throw new AoiProblem(
          "RingNotClosed",
          name
              + " is not closed: it starts at ("
              + fmt(cs[0].x)
              + ", "
              + fmt(cs[0].y)
              + ") but ends at ("
              + fmt(cs[cs.length - 1].x)
              + ", "
              + fmt(cs[cs.length - 1].y)
              + "); repeat the first position at the end",
          new double[] {cs[cs.length - 1].x, cs[cs.length - 1].y});
    }
    return Geo.FACTORY.createLinearRing(cs);
  }

  static String fmt(double v) {
    String s = String.format(Locale.ROOT, "%.6f", v);
    s = s.replaceAll("0+$", "");
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }
}
