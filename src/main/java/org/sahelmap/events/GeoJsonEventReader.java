package org.sahelmap.events;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.sahelmap.json.Json;

/**
 * Reads events from a GeoJSON FeatureCollection of Points whose properties are the fields of {@link
 * Event#FIELDS}. The file is walked with Jackson's streaming parser, so it is never a tree in
 * memory and each feature's problems can name the line its object starts on; only one feature at a
 * time is read as a tree.
 */
public final class GeoJsonEventReader {
  private static final ObjectMapper JSON = Json.MAPPER;
  private static final Set<String> INTEGER_FIELDS =
      Set.of("citation_paragraph", "citation_start", "citation_end");

  private GeoJsonEventReader() {}

  /** Reads a whole (small) file into memory: the curated files. */
  public static EventFile read(Reader in) throws IOException {
    EventFile.Collector out = new EventFile.Collector();
    read(in, out);
    return out.result();
  }

  /** Reads the features one by one, handing each to the sink as it is read. */
  static void read(Reader in, EventSink out) throws IOException {
    try (JsonParser p = JSON.getFactory().createParser(in)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        out.problem(lineOf(p), "not a GeoJSON FeatureCollection (the file must be one object)");
        return;
      }
      boolean sawFeatures = false;
      String type = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if (name.equals("features") && value == JsonToken.START_ARRAY) {
          sawFeatures = true;
          readFeatures(p, out);
        } else if (name.equals("type") && value == JsonToken.VALUE_STRING) {
          type = p.getText();
        } else {
          p.skipChildren();
        }
      }
      if (!"FeatureCollection".equals(type) || !sawFeatures) {
        out.problem(1, "not a GeoJSON FeatureCollection (needs type and a features array)");
      }
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
      out.problem(line, "invalid JSON: " + e.getOriginalMessage());
    }
  }

  private static void readFeatures(JsonParser p, EventSink out) throws IOException {
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      int line = lineOf(p);
      if (t != JsonToken.START_OBJECT) {
        p.skipChildren();
        out.problem(line, "a feature must be a JSON object");
        continue;
      }
      JsonNode feature = JSON.readTree(p);
      out.row(line, fields(feature));
    }
  }

  private static int lineOf(JsonParser p) {
    return p.currentTokenLocation().getLineNr();
  }

  static EventFields fields(JsonNode feature) {
    EventFields f = new EventFields();
    if (!"Feature".equals(feature.path("type").asText())) {
      f.problems.add("type must be \"Feature\"");
    }
    JsonNode props = feature.path("properties");
    if (!props.isObject()) {
      f.problems.add("properties must be an object");
      return f;
    }
    Set<String> unknown = new HashSet<>();
    for (Iterator<String> names = props.fieldNames(); names.hasNext(); ) {
      String n = names.next();
      if (!Event.FIELDS.contains(n)) {
        unknown.add(n);
      }
    }
    if (!unknown.isEmpty()) {
      f.problems.add("unknown properties " + unknown.stream().sorted().toList());
    }
    f.setCommon(name -> text(f, props, name));
    JsonNode layer = props.get("layer");
    if (layer == null) {
      f.problems.add("missing layer (write null when the event annotates no layer)");
    } else if (!layer.isNull()) {
      f.layer = text(f, props, "layer");
    }
    f.actors = actors(f, props.get("actors"));
    for (String name : INTEGER_FIELDS) {
      JsonNode v = props.get(name);
      int value = 0;
      if (v == null || v.isNull()) {
        f.problems.add("missing " + name);
      } else if (v.isIntegralNumber() && v.canConvertToInt()) {
        value = v.intValue();
      } else {
        f.malformed(name, "must be a whole number, got " + v);
      }
      switch (name) {
        case "citation_paragraph" -> f.citationParagraph = value;
        case "citation_start" -> f.citationStart = value;
        default -> f.citationEnd = value;
      }
    }
    point(f, feature.path("geometry"));
    JsonNode fid = feature.get("id");
    if (fid != null && !fid.isNull() && !fid.asText().equals(props.path("id").asText())) {
      f.problems.add("feature id '" + fid.asText() + "' differs from properties.id");
    }
    return f;
  }

  private static String text(EventFields f, JsonNode props, String name) {
    JsonNode v = props.get(name);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      f.malformed(name, "must be a string, got " + v);
      return null;
    }
    return v.textValue();
  }

  private static List<String> actors(EventFields f, JsonNode v) {
    if (v == null || !v.isArray()) {
      f.malformed("actors", "must be an array of names");
      return null;
    }
    List<String> names = new ArrayList<>();
    for (JsonNode a : v) {
      names.add(a.isTextual() ? a.textValue() : null);
    }
    return names;
  }

  private static void point(EventFields f, JsonNode geometry) {
    JsonNode c = geometry.path("coordinates");
    if (!"Point".equals(geometry.path("type").asText())
        || !c.isArray()
        || c.size() != 2
        || !c.get(0).isNumber()
        || !c.get(1).isNumber()) {
      f.problems.add("geometry must be a Point with [lon, lat]");
      f.lon = 0;
      f.lat = 0;
      return;
    }
    f.lon = c.get(0).doubleValue();
    f.lat = c.get(1).doubleValue();
  }
}
