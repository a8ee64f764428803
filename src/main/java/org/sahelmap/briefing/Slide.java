package org.sahelmap.briefing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One slide: what the live map shows (view, visible layers, time window, highlighted events and
 * AOIs) and what the briefer says (title, caption, speaker notes, sources line).
 */
public record Slide(
    String title,
    String caption,
    String notes,
    String sources,
    View view,
    List<String> layers,
    TimeWindow time,
    List<String> events,
    List<String> aois) {
  public static final int MAX_TITLE = 200;
  public static final int MAX_CAPTION = 2_000;
  public static final int MAX_NOTES = 10_000;
  public static final int MAX_SOURCES = 500;
  static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,199}");

  public Slide {
    title = text("title", title, MAX_TITLE, true);
    caption = text("caption", caption, MAX_CAPTION, false);
    notes = text("notes", notes, MAX_NOTES, false);
    sources = text("sources", sources, MAX_SOURCES, false);
    if (view == null) {
      throw new InvalidBriefingException("view: required");
    }
    layers = ids("layers", layers, 100);
    events = ids("events", events, 100);
    aois = ids("aois", aois, 100);
  }

  private static String text(String field, String value, int max, boolean required) {
    String v = value == null ? "" : value;
    if (required && v.isBlank()) {
      throw new InvalidBriefingException(field + ": required");
    }
    if (v.codePointCount(0, v.length()) > max) {
      throw new InvalidBriefingException(field + ": at most " + max + " characters");
    }
    return v;
  }

  private static List<String> ids(String field, List<String> values, int max) {
    List<String> v = values == null ? List.of() : List.copyOf(values);
    if (v.size() > max) {
      throw new InvalidBriefingException(field + ": at most " + max + " ids");
    }
    for (String id : v) {
      if (!ID.matcher(id).matches()) {
        throw new InvalidBriefingException(field + ": '" + id + "' is not an id");
      }
    }
    if (v.stream().distinct().count() != v.size()) {
      throw new InvalidBriefingException(field + ": an id is listed twice");
    }
    return v;
  }

  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("title", title);
    m.put("caption", caption);
    m.put("notes", notes);
    m.put("sources", sources);
    m.put("view", view.toMap());
    m.put("layers", layers);
    m.put("time", time == null ? null : time.toMap());
    m.put("events", events);
    m.put("aois", aois);
    return m;
  }
}
