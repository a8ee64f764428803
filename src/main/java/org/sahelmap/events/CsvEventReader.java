package org.sahelmap.events;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sahelmap.events.datasets.Dialect;

/**
 * Reads events from CSV: a header of the property names of {@link Event#FIELDS} plus {@code lon}
 * and {@code lat}, in any order, then one event per record. {@code actors} are separated by {@code
 * ;}; an empty {@code layer} means none. A header of ACLED's or UCDP GED's export is read in that
 * dataset's columns instead ({@link Dialect}), each row mapped to our model by its own class.
 */
public final class CsvEventReader {
  static final List<String> COLUMNS = columns();

  private CsvEventReader() {}

  /** Reads every record of the text in one pass, handing each to the sink as it is read. */
  static void read(Reader text, EventSink out) throws IOException {
    Csv csv = new Csv(text);
    Csv.Item first = csv.next();
    if (first == null) {
      out.problem(1, "the file is empty; it needs a header line: " + String.join(",", COLUMNS));
      return;
    }
    List<String> names = null;
    Dialect dialect = null;
    if (first instanceof Csv.Row header) {
      names = header.fields().stream().map(String::trim).toList();
      dialect = Dialect.of(names);
      String wrong = dialect == null ? headerProblem(names) : datasetHeaderProblem(names, dialect);
      if (wrong != null) {
        out.problem(header.line(), wrong);
        names = null;
      }
    } else {
      Csv.Problem p = (Csv.Problem) first;
      out.problem(p.line(), p.reason());
    }
    // Without a usable header the rows cannot be read, but quoting problems are still reported.
    for (Csv.Item item = csv.next(); item != null; item = csv.next()) {
      if (item instanceof Csv.Problem p) {
        out.problem(p.line(), p.reason());
      } else if (names != null) {
        row((Csv.Row) item, names, dialect, out);
      }
    }
  }

  /** Ours: each column exactly once, no others. Null when the header is right. */
  private static String headerProblem(List<String> names) {
    Set<String> missing = new LinkedHashSet<>(COLUMNS);
    missing.removeAll(names);
    Set<String> extra = new LinkedHashSet<>(names);
    extra.removeAll(COLUMNS);
    if (missing.isEmpty() && extra.isEmpty() && names.size() == COLUMNS.size()) {
      return null;
    }
    return "the header must name each of these columns once: "
        + String.join(",", COLUMNS)
        + (missing.isEmpty() ? "" : "; missing " + missing)
        + (extra.isEmpty() ? "" : "; unknown " + extra);
  }

  /** A dataset's: the columns read must be there, once; the export's other columns are ignored. */
  private static String datasetHeaderProblem(List<String> names, Dialect dialect) {
    Set<String> missing = new LinkedHashSet<>(dialect.columns());
    missing.removeAll(names);
    Set<String> repeated = new LinkedHashSet<>();
    Set<String> seen = new HashSet<>();
    for (String n : names) {
      if (!seen.add(n)) {
        repeated.add(n);
      }
    }
    if (missing.isEmpty() && repeated.isEmpty()) {
      return null;
    }
    return "a "
        + dialect.dataset()
        + " export needs these columns once each: "
        + String.join(",", dialect.columns())
        + (missing.isEmpty() ? "" : "; missing " + missing)
        + (repeated.isEmpty() ? "" : "; repeated " + repeated);
  }

  private static void row(Csv.Row row, List<String> names, Dialect dialect, EventSink out) {
    if (row.fields().size() != names.size()) {
      out.problem(row.line(), "has " + row.fields().size() + " fields, the header " + names.size());
      return;
    }
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      values.put(names.get(i), row.fields().get(i));
    }
    if (dialect == null) {
      out.row(row.line(), fields(values));
    } else {
      out.row(row.line(), dialect.map(values));
    }
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
