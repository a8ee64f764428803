package org.sahelmap.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Events as the rows of import files, for tests: CSV lines and GeoJSON features, and large files of
 * valid events made from the curated ones (their citations, dates and places, so every row passes
 * the same checks the curated events do), with one row changed where a test needs a bad one.
 */
final class EventRows {
  private static final ObjectMapper JSON = new ObjectMapper();

  private EventRows() {}

  static String header() {
    return String.join(",", CsvEventReader.COLUMNS);
  }

  static String csvLine(Event e, String id) {
    List<String> v = new ArrayList<>();
    v.add(id);
    v.add(e.title());
    v.add(e.summary());
    v.add(e.start().toString());
    v.add(e.end().toString());
    v.add(e.datePrecision());
    v.add(e.placeName());
    v.add(e.locationBasis());
    v.add(e.locationConfidence());
    v.add(e.category());
    v.add(String.join(";", e.actors()));
    v.add(e.layer() == null ? "" : e.layer());
    v.add(e.citationDocument());
    v.add(Integer.toString(e.citationParagraph()));
    v.add(Integer.toString(e.citationStart()));
    v.add(Integer.toString(e.citationEnd()));
    v.add(Double.toString(e.lon()));
    v.add(Double.toString(e.lat()));
    return String.join(",", v.stream().map(EventRows::quote).toList());
  }

  static String quote(String s) {
    return s.matches("[^,\"\\r\\n]*") ? s : "\"" + s.replace("\"", "\"\"") + "\"";
  }

  /** The event as one line of GeoJSON (an RFC 7946 Feature with the curated properties). */
  static String featureLine(Event e) throws IOException {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("type", "Feature");
    f.put("id", e.id());
    f.put("properties", EventFeatures.properties(e));
    f.put("geometry", Map.of("type", "Point", "coordinates", List.of(e.lon(), e.lat())));
    return JSON.writeValueAsString(f);
  }

  /**
   * The i-th of a large set: curated event {@code i % 36} under the id {@code prefix-i}, moved by
   * up to 0.1° so the points do not all coincide.
   */
  static Event nth(List<Event> curated, String prefix, int i) {
    Event e = curated.get(i % curated.size());
    double dLon = ((i * 7919) % 1000) / 10_000.0;
    double dLat = ((i * 104_729) % 1000) / 10_000.0;
    return with(e, prefix + "-" + i, round(e.lon() + dLon), round(e.lat() + dLat), e.category());
  }

  static Event with(Event e, String id, double lon, double lat, String category) {
    return new Event(
        id,
        e.title(),
        e.summary(),
        e.start(),
        e.end(),
        e.datePrecision(),
        e.placeName(),
        e.locationBasis(),
        e.locationConfidence(),
        category,
        e.actors(),
        e.layer(),
        e.citationDocument(),
        e.citationParagraph(),
        e.citationStart(),
        e.citationEnd(),
        lon,
        lat,
        null);
  }

  private static double round(double v) {
    return Math.round(v * 100_000) / 100_000.0;
  }

  /**
   * Writes n events as CSV (header on line 1, row i on line i + 2) or as a FeatureCollection with
   * one feature per line (feature i on line i + 2); {@code edit} may change any row's text.
   */
  static Path write(Path file, String prefix, int n, UnaryOperator<String> edit)
      throws IOException {
    boolean csv = file.toString().endsWith(".csv");
    List<Event> curated = CuratedEvents.events();
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write(csv ? header() + "\n" : "{\"type\": \"FeatureCollection\", \"features\": [\n");
      for (int i = 0; i < n; i++) {
        Event e = nth(curated, prefix, i);
        String row = csv ? csvLine(e, e.id()) : featureLine(e);
        w.write(edit.apply(row));
        w.write(csv ? "\n" : i < n - 1 ? ",\n" : "\n");
      }
      if (!csv) {
        w.write("]}\n");
      }
    }
    return file;
  }
}
