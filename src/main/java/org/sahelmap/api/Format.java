package org.sahelmap.api;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.sahelmap.export.ExportFormat;

/**
 * The representation a client asked for: {@code f=} wins, then the Accept header; JSON is the
 * default, because API clients (GDAL, QGIS, scripts) rarely send Accept. A browser sending {@code
 * text/html} first gets the HTML view where one exists. Items also come as files in each {@link
 * ExportFormat} ({@link #forItems}). The three representations that are not files are constants,
 * compared by identity; a file is the format carrying its {@link ExportFormat}, so a new export
 * format needs no line here.
 */
final class Format {
  static final Format JSON = new Format("JSON", null);
  static final Format HTML = new Format("HTML", null);
  static final Format GEOJSON_DOWNLOAD = new Format("GEOJSON_DOWNLOAD", null);

  private final String name;
  private final ExportFormat file;

  private Format(String name, ExportFormat file) {
    this.name = name;
    this.file = file;
  }

  /** A name for the representation, part of its ETag (a file's: its export format's). */
  String name() {
    return name;
  }

  /** The export format behind this one, if it is one of them. */
  Optional<ExportFormat> export() {
    return Optional.ofNullable(file);
  }

  static Format of(ExportFormat e) {
    return new Format(e.name(), e);
  }

  static Format of(Context ctx, boolean htmlAvailable) {
    return of(ctx, htmlAvailable, false);
  }

  /** For items: JSON, HTML, a GeoJSON file or any export format. */
  static Format forItems(Context ctx) {
    return of(ctx, true, true);
  }

  private static Format of(Context ctx, boolean htmlAvailable, boolean exports) {
    String f = ctx.queryParam("f");
    if (f != null) {
      return switch (f) {
        case "json" -> JSON;
        case "html" -> {
          if (!htmlAvailable) {
            throw ApiException.badParameter("f", "no HTML view here; use f=json");
          }
          yield HTML;
        }
        case "geojson" -> GEOJSON_DOWNLOAD;
        default -> {
          Optional<ExportFormat> e = exports ? ExportFormat.byF(f) : Optional.empty();
          if (e.isEmpty()) {
            throw ApiException.badParameter("f", "must be " + choices(htmlAvailable, exports));
          }
          yield of(e.get());
        }
      };
    }
    for (String type : accepted(ctx.header("Accept"))) {
      if (htmlAvailable && type.equals(Links.HTML)) {
        return HTML;
      }
      if (type.equals(Links.JSON) || type.equals(Links.GEOJSON) || type.equals("*/*")) {
        return JSON;
      }
      if (exports) {
        Optional<ExportFormat> e = ExportFormat.byMediaType(type);
        if (e.isPresent()) {
          return of(e.get());
        }
      }
    }
    return JSON;
  }

  private static String choices(boolean html, boolean exports) {
    List<String> all = new ArrayList<>(List.of("json"));
    if (html) {
      all.add("html");
    }
    all.add("geojson");
    if (exports) {
      for (ExportFormat e : ExportFormat.values()) {
        all.add(e.f());
      }
    }
    return String.join(", ", all.subList(0, all.size() - 1)) + " or " + all.get(all.size() - 1);
  }

  /**
   * The media types of an Accept header, most wanted first (by {@code q}, then in the order given),
   * without parameters; those with {@code q=0} are left out.
   */
  static List<String> accepted(String accept) {
    record Range(String type, double q, int order) {}
    List<Range> ranges = new ArrayList<>();
    if (accept == null) {
      return List.of();
    }
    String[] parts = accept.split(",", -1);
    for (int i = 0; i < parts.length; i++) {
      // -1: a part of only ";" still has its (empty) type.
      String[] pieces = parts[i].split(";", -1);
      String type = pieces[0].trim().toLowerCase(Locale.ROOT);
      double q = 1;
      for (int j = 1; j < pieces.length; j++) {
        String p = pieces[j].trim();
        if (p.startsWith("q=")) {
          try {
            q = Double.parseDouble(p.substring(2));
          } catch (NumberFormatException e) {
            q = 0; // an unreadable weight: that type was not asked for in words we understand
          }
        }
      }
      if (!type.isEmpty() && q > 0) {
        ranges.add(new Range(type, q, i));
      }
    }
    ranges.sort(Comparator.comparingDouble((Range r) -> -r.q()).thenComparingInt(r -> r.order()));
    return ranges.stream().map(Range::type).toList();
  }
}
