package org.sahelmap.events;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads events from CSV: a header of the property names of {@link Event#FIELDS} plus {@code lon}
 * and {@code lat}, in any order, then one event per record. {@code actors} are separated by {@code
 * ;}; an empty {@code layer} means none.
 */
public final class CsvEventReader {
  static final List<String> COLUMNS = columns();

  private CsvEventReader() {}

  public static EventFile read(String text) {
    EventFile.Collector out = new EventFile.Collector();
    Csv.Result csv = Csv.parse(text);
    List<Csv.Problem> problems = csv.problems();
    boolean headerBroken =
        !problems.isEmpty()
            && !csv.rows().isEmpty()
            && problems.get(0).line() < csv.rows().get(0).line();
    if (csv.rows().isEmpty() || headerBroken) {
      if (problems.isEmpty()) {
        out.problem(1, "the file is empty; it needs a header line: " + String.join(",", COLUMNS));
      }
      problems.forEach(p -> out.problem(p.line(), p.reason()));
      return out.result();
    }
    Csv.Row header = csv.rows().get(0);
    List<String> names = header.fields().stream().map(String::trim).toList();
    Set<String> missing = new LinkedHashSet<>(COLUMNS);
    missing.removeAll(names);
    Set<String> extra = new LinkedHashSet<>(names);
    extra.removeAll(COLUMNS);
    boolean headerOk = missing.isEmpty() && extra.isEmpty() && names.size() == COLUMNS.size();
    if (!headerOk) {
      out.problem(
          header.line(),
          "the header must name each of these columns once: "
              + String.join(",", COLUMNS)
              + (missing.isEmpty() ? "" : "; missing " + missing)
              + (extra.isEmpty() ? "" : "; unknown " + extra));
    }
    // Quoting problems come in file order among the rows' own problems.
    int next = 0;
    for (Csv.Row row : csv.rows().subList(1, csv.rows().size())) {
      while (next < problems.size() && problems.get(next).line() < row.line()) {
        Csv.Problem p = problems.get(next++);
        out.problem(p.line(), p.reason());
      }
      if (!headerOk) {
        continue;
      }
      if (row.fields().size() != names.size()) {
        out.problem(
            row.line(), "has " + row.fields().size() + " fields, the header " + names.size());
        continue;
      }
      Map<String, String> values = new HashMap<>();
      for (int i = 0; i < names.size(); i++) {
        values.put(names.get(i), row.fields().get(i));
      }
      out.add(row.line(), fields(values));
    }
    for (Csv.Problem p : problems.subList(next, problems.size())) {
      out.problem(p.line(), p.reason());
    }
    return out.result();
  }

  static EventFields fields(Map<String, String> row) {
    EventFields f = new EventFields();
    f.setCommon(row::get);
    String layer = row.get("layer");
    f.layer = layer == null || layer.isBlank() ? null : layer.trim();
    String actors = f.requireText("actors", row.get("actors"));
    f.actors =
        actors == null ? null : Arrays.stream(actors.split(";", -1)).map(String::trim).toList();
    f.citationParagraph = f.integer("citation_paragraph", row.get("citation_paragraph"));
    f.citationStart = f.integer("citation_start", row.get("citation_start"));
    f.citationEnd = f.integer("citation_end", row.get("citation_end"));
    f.lon = f.number("lon", row.get("lon"));
    f.lat = f.number("lat", row.get("lat"));
    return f;
  }

  private static List<String> columns() {
    List<String> c = new ArrayList<>(Event.FIELDS);
    c.add("lon");
    c.add("lat");
    return List.copyOf(c);
  }
}
