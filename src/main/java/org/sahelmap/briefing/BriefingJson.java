package org.sahelmap.briefing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads a briefing from JSON strictly: unknown fields and wrong types are refused with the path of
 * the offending field (e.g. {@code slides[3].view.zoom}), so a typo never silently drops a value.
 */
public final class BriefingJson {
  private static final Set<String> BRIEFING_FIELDS = Set.of("id", "name", "banner", "slides");
  private static final Set<String> SLIDE_FIELDS =
      Set.of(
          "title", "caption", "notes", "sources", "view", "layers", "time", "events", "aois",
          "order");
  private static final Set<String> VIEW_FIELDS = Set.of("center", "zoom", "bbox");

  private BriefingJson() {}

  public static Briefing briefing(JsonNode n) {
    if (n == null || !n.isObject()) {
      throw new InvalidBriefingException("the body must be a JSON object");
    }
    known(n, BRIEFING_FIELDS, "");
    JsonNode slides = n.path("slides");
    if (!slides.isMissingNode() && !slides.isArray()) {
      throw new InvalidBriefingException("slides: must be an array");
    }
    if (slides.size() > Briefing.MAX_SLIDES) {
      throw new InvalidBriefingException("slides: at most " + Briefing.MAX_SLIDES);
    }
    List<Slide> out = new ArrayList<>();
    for (int i = 0; i < slides.size(); i++) {
      out.add(slide(slides.get(i), "slides[" + i + "]."));
    }
    return new Briefing(text(n, "id", ""), text(n, "name", ""), text(n, "banner", ""), out);
  }

  public static Slide slide(JsonNode n, String path) {
    if (!n.isObject()) {
      throw new InvalidBriefingException(path + ": each slide is an object");
    }
    known(n, SLIDE_FIELDS, path);
    try {
      return new Slide(
          text(n, "title", path),
          text(n, "caption", path),
          text(n, "notes", path),
          text(n, "sources", path),
          view(n.get("view"), path),
          strings(n, "layers", path),
          time(n.get("time"), path),
          strings(n, "events", path),
          strings(n, "aois", path));
    } catch (InvalidBriefingException e) {
      throw e.getMessage().startsWith(path)
          ? e
          : new InvalidBriefingException(path + e.getMessage());
    }
  }

  public static View view(JsonNode n, String path) {
    if (n == null || !n.isObject()) {
      throw new InvalidBriefingException(path + "view: required, an object");
    }
    known(n, VIEW_FIELDS, path + "view.");
    if (n.has("bbox")) {
      return new View(null, null, null, numbers(n.get("bbox"), path + "view.bbox", 4));
    }
    List<Double> c = n.has("center") ? numbers(n.get("center"), path + "view.center", 2) : null;
    JsonNode z = n.get("zoom");
    if (z != null && !z.isNumber()) {
      throw new InvalidBriefingException(path + "view.zoom: a number");
    }
    return new View(
        c == null ? null : c.get(0),
        c == null ? null : c.get(1),
        z == null ? null : z.asDouble(),
        null);
  }

  private static TimeWindow time(JsonNode n, String path) {
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isObject() || !n.path("from").isTextual() || !n.path("to").isTextual()) {
      throw new InvalidBriefingException(path + "time: {\"from\": date, \"to\": date} or null");
    }
    return TimeWindow.parse(n.get("from").asText(), n.get("to").asText());
  }

  private static void known(JsonNode n, Set<String> fields, String path) {
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!fields.contains(f)) {
        throw new InvalidBriefingException(path + f + ": unknown field");
      }
    }
  }

  private static String text(JsonNode n, String field, String path) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw new InvalidBriefingException(path + field + ": must be text");
    }
    return v.asText();
  }

  private static List<String> strings(JsonNode n, String field, String path) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    if (v.isArray()) {
      for (JsonNode x : v) {
        if (!x.isTextual()) {
          break;
        }
        out.add(x.asText());
      }
    }
    if (!v.isArray() || out.size() != v.size()) {
      throw new InvalidBriefingException(path + field + ": an array of ids");
    }
    return out;
  }

  private static List<Double> numbers(JsonNode v, String path, int size) {
    List<Double> out = new ArrayList<>();
    if (v.isArray() && v.size() == size) {
      for (JsonNode x : v) {
        if (x.isNumber()) {
          out.add(x.asDouble());
        }
      }
    }
    if (out.size() != size) {
      throw new InvalidBriefingException(path + ": " + size + " numbers");
    }
    return out;
  }
}
