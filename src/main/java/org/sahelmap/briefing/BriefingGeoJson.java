package org.sahelmap.briefing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A whole briefing as one GeoJSON file (RFC 7946): a FeatureCollection with one Polygon feature per
 * slide whose geometry is the area the slide shows (so any GIS draws the briefing's footprints) and
 * whose properties are the slide's fields plus {@code order}; the briefing's own fields travel in
 * the foreign member {@code briefing}. Reading it back gives the same briefing. A feature without a
 * {@code view} property (drawn in a GIS) gets the bounding box of its geometry.
 */
public final class BriefingGeoJson {
  public static final String FORMAT = "sahel-map-briefing/1";

  private BriefingGeoJson() {}

  public static Map<String, Object> write(Briefing b) {
    Map<String, Object> head = new LinkedHashMap<>();
    head.put("format", FORMAT);
    head.put("id", b.id());
    head.put("name", b.name());
    head.put("banner", b.banner());
    List<Map<String, Object>> features = new ArrayList<>();
    for (int i = 0; i < b.slides().size(); i++) {
      Slide s = b.slides().get(i);
      Map<String, Object> props = new LinkedHashMap<>();
      props.put("order", i + 1);
      props.putAll(s.toMap());
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("type", "Feature");
      f.put("id", (b.id() == null ? "slide" : b.id()) + "-" + (i + 1));
      f.put("geometry", polygon(s.view().bounds()));
      f.put("properties", props);
      features.add(f);
    }
    Map<String, Object> fc = new LinkedHashMap<>();
    fc.put("type", "FeatureCollection");
    fc.put("briefing", head);
    fc.put("features", features);
    return fc;
  }

  /** Counter-clockwise exterior ring, as RFC 7946 asks; six decimals are about 0.1 m. */
  public static Map<String, Object> polygon(double[] b) {
    List<List<Double>> ring =
        List.of(
            List.of(r(b[0]), r(b[1])),
            List.of(r(b[2]), r(b[1])),
            List.of(r(b[2]), r(b[3])),
            List.of(r(b[0]), r(b[3])),
            List.of(r(b[0]), r(b[1])));
    Map<String, Object> g = new LinkedHashMap<>();
    g.put("type", "Polygon");
    g.put("coordinates", List.of(ring));
    return g;
  }

  private static double r(double v) {
    return Math.round(v * 1e6) / 1e6;
  }

  public static Briefing read(JsonNode fc) {
    if (fc == null || !fc.isObject() || !"FeatureCollection".equals(fc.path("type").asText())) {
      throw new InvalidBriefingException("a briefing file is a GeoJSON FeatureCollection");
    }
    JsonNode head = fc.path("briefing");
    JsonNode features = fc.path("features");
    if (!features.isArray()) {
      throw new InvalidBriefingException("features: must be an array");
    }
    if (features.size() > Briefing.MAX_SLIDES) {
      throw new InvalidBriefingException("features: at most " + Briefing.MAX_SLIDES + " slides");
    }
    List<JsonNode> ordered = new ArrayList<>();
    features.forEach(ordered::add);
    // Stable: features without an order keep their place in the file, after the numbered ones.
    ordered.sort(Comparator.comparingInt(f -> f.path("properties").path("order").asInt(10_000)));
    List<Slide> slides = new ArrayList<>();
    for (int i = 0; i < ordered.size(); i++) {
      JsonNode f = ordered.get(i);
      String path = "features[" + i + "].properties.";
      if (!f.path("properties").isObject()) {
        throw new InvalidBriefingException(path + ": each feature needs properties");
      }
      ObjectNode props = ((ObjectNode) f.get("properties")).deepCopy();
      if (!props.has("view")) {
        props.set("view", bboxView(f.path("geometry"), "features[" + i + "].geometry"));
      }
      slides.add(BriefingJson.slide(props, path));
    }
    String name = head.path("name").isTextual() ? head.get("name").asText() : "Imported briefing";
    String id = head.path("id").isTextual() ? head.get("id").asText() : null;
    return new Briefing(id, name, head.path("banner").asText(""), slides);
  }

  private static JsonNode bboxView(JsonNode geometry, String path) {
    double w = Double.POSITIVE_INFINITY;
    double s = Double.POSITIVE_INFINITY;
    double e = Double.NEGATIVE_INFINITY;
    double n = Double.NEGATIVE_INFINITY;
    List<JsonNode> stack = new ArrayList<>(List.of(geometry.path("coordinates")));
    while (!stack.isEmpty()) {
      JsonNode c = stack.remove(stack.size() - 1);
      if (c.isArray() && c.size() >= 2 && c.get(0).isNumber()) {
        w = Math.min(w, c.get(0).asDouble());
        e = Math.max(e, c.get(0).asDouble());
        s = Math.min(s, c.get(1).asDouble());
        n = Math.max(n, c.get(1).asDouble());
      } else if (c.isArray()) {
        c.forEach(stack::add);
      }
    }
    if (!(w < e && s < n)) {
      throw new InvalidBriefingException(path + ": needs a view property or an area geometry");
    }
    ObjectNode view = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    view.putArray("bbox").add(w).add(s).add(e).add(n);
    return view;
  }
}
