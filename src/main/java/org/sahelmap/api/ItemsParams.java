package org.sahelmap.api;

import io.javalin.http.Context;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.sahelmap.events.Event;
import org.sahelmap.store.ItemQuery;

/**
 * Parses and checks the query parameters of an items request. Every refusal names the parameter and
 * says why, as OGC API Features asks (400, never a 500).
 */
final class ItemsParams {
  static final int DEFAULT_LIMIT = 100;
  static final Set<String> KNOWN =
      Set.of(
          "bbox",
          "datetime",
          "limit",
          "offset",
          "f",
          FilterParams.FILTER,
          FilterParams.LANG,
          FilterParams.CRS,
          FilterParams.SORTBY,
          FilterParams.PROPERTIES,
          FilterParams.SKIP_GEOMETRY,
          CrsParams.CRS,
          CrsParams.BBOX_CRS);

  /** Filters only the events collection takes (on items, tiles and the histogram). */
  static final Set<String> EVENT_FILTERS = Set.of("category", "q");

  /** Longest free text accepted in {@code q}. */
  static final int MAX_TEXT = 200;

  private ItemsParams() {}

  static ItemQuery parse(Context ctx, int maxLimit, boolean events) {
    return parse(ctx, maxLimit, events, false);
  }

  /**
   * {@code download}: the client asked for the collection as a file ({@code f=geojson}), which
   * holds every match unless a limit is given. Part 1 wants {@code limit} to be an integer, so a
   * whole-collection export is a representation rather than a special limit value.
   */
  static ItemQuery parse(Context ctx, int maxLimit, boolean events, boolean download) {
    checkNames(ctx, events ? union(KNOWN, EVENT_FILTERS) : KNOWN);
    // A bbox in another CRS than CRS84 is CrsParams's to read.
    double[] bbox = CrsParams.bboxElsewhere(ctx) ? null : bbox(ctx.queryParam("bbox"));
    Instant[] window = datetime(ctx.queryParam("datetime"));
    String rawLimit = ctx.queryParam("limit");
    long limit = download && rawLimit == null ? ItemQuery.UNLIMITED : limit(rawLimit, maxLimit);
    long offset = offset(ctx.queryParam("offset"));
    return new ItemQuery(
        bbox,
        window[0],
        window[1],
        limit,
        offset,
        categories(ctx.queryParam("category")),
        text(ctx.queryParam("q")));
  }

  static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new HashSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }

  /**
   * A comma-separated list of event categories. An unknown one is refused rather than matching
   * nothing: the categories are a closed list (Event.CATEGORIES), so a typo would otherwise look
   * like an empty map.
   */
  static Set<String> categories(String raw) {
    if (raw == null) {
      return Set.of();
    }
    Set<String> out = new TreeSet<>();
    for (String part : raw.split(",", -1)) {
      String c = part.trim();
      if (!Event.CATEGORIES.contains(c)) {
        throw ApiException.badParameter(
            "category",
            "'"
                + c
                + "' is not a category; give one or more of "
                + String.join(", ", new TreeSet<>(Event.CATEGORIES))
                + ", separated by commas");
      }
      out.add(c);
    }
    return out;
  }

  /** Free text for {@code q}; blank means no text filter. */
  static String text(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String t = raw.trim();
    if (t.length() > MAX_TEXT) {
      throw ApiException.badParameter("q", "longer than " + MAX_TEXT + " characters");
    }
    return t;
  }

  /**
   * Refuses the events-only filters on another collection, naming the parameter, before the generic
   * unknown-parameter check would give a vaguer reason.
   */
  static void rejectEventFilters(Context ctx, String collectionId) {
    for (String name : EVENT_FILTERS) {
      if (ctx.queryParamMap().containsKey(name)) {
        throw ApiException.badParameter(
            name, "only the events collection takes it, not '" + collectionId + "'");
      }
    }
  }

  /**
   * Refuses parameters the endpoint does not take, and any given twice: {@code bbox=..&bbox=..}
   * would otherwise silently use the first and answer a different question than was asked.
   */
  static void checkNames(Context ctx, Set<String> known) {
    for (Map.Entry<String, List<String>> p : ctx.queryParamMap().entrySet()) {
      String name = p.getKey();
      if (!known.contains(name)) {
        throw ApiException.badParameter(
            name,
            "unknown parameter; this endpoint takes "
                + String.join(", ", known.stream().sorted().toList()));
      }
      if (p.getValue().size() > 1) {
        throw ApiException.badParameter(name, "given more than once");
      }
    }
  }

  /**
   * 4 numbers (minLon,minLat,maxLon,maxLat) or 6 (with minimum and maximum height after each
   * corner's latitude, as Part 1 gives them; our features are 2D, so the heights only have to be
   * numbers in order). A minimum longitude greater than the maximum is a box crossing the
   * antimeridian, as Part 1 defines it (177,65,-177,70 spans 6° of longitude): the store splits it
   * into two boxes on the spatial index. Returns the 4 horizontal numbers.
   */
  static double[] bbox(String raw) {
    if (raw == null) {
      return null;
    }
    String[] parts = raw.split(",", -1);
    if (parts.length != 4 && parts.length != 6) {
      throw ApiException.badParameter(
          "bbox",
          "needs 4 comma-separated numbers (minLon,minLat,maxLon,maxLat) or 6"
              + " (minLon,minLat,minHeight,maxLon,maxLat,maxHeight)");
    }
    double[] all = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        all[i] = Double.parseDouble(parts[i].trim());
      } catch (NumberFormatException e) {
        throw ApiException.badParameter("bbox", "'" + parts[i] + "' is not a number");
      }
      if (!Double.isFinite(all[i])) {
        throw ApiException.badParameter("bbox", "numbers must be finite");
      }
    }
    double[] b = parts.length == 4 ? all : new double[] {all[0], all[1], all[3], all[4]};
    if (parts.length == 6 && all[2] > all[5]) {
      throw ApiException.badParameter("bbox", "minimum height is greater than maximum height");
    }
    if (b[0] < -180 || b[0] > 180 || b[2] < -180 || b[2] > 180 || b[1] < -90 || b[3] > 90) {
      throw ApiException.badParameter(
          "bbox", "longitudes must lie in [-180, 180] and latitudes in [-90, 90] (CRS84)");
    }
    if (b[1] > b[3]) {
      throw ApiException.badParameter("bbox", "minimum latitude is greater than maximum latitude");
    }
    return b;
  }

  /**
   * An instant, a date (the whole day, UTC), or an interval {@code start/end} whose ends may be
   * open ({@code ..} or empty). Returns {from, to}, both inclusive, either possibly null.
   */
  static Instant[] datetime(String raw) {
    if (raw == null) {
      return new Instant[] {null, null};
    }
    String s = raw.trim();
    if (!s.contains("/")) {
      Instant[] day = bounds(s);
      return new Instant[] {day[0], day[1]};
    }
    String[] ends = s.split("/", -1);
    if (ends.length != 2) {
      throw ApiException.badParameter("datetime", "an interval has exactly one '/'");
    }
    boolean openStart = ends[0].isEmpty() || ends[0].equals("..");
    boolean openEnd = ends[1].isEmpty() || ends[1].equals("..");
    if (openStart && openEnd) {
      throw ApiException.badParameter("datetime", "at least one end of the interval must be given");
    }
    Instant from = openStart ? null : bounds(ends[0])[0];
    Instant to = openEnd ? null : bounds(ends[1])[1];
    if (from != null && to != null && from.isAfter(to)) {
      throw ApiException.badParameter("datetime", "the interval ends before it starts");
    }
    return new Instant[] {from, to};
  }

  /**
   * Earliest and latest instants accepted: RFC 3339 years have four digits, and every instant in
   * between is one PostgreSQL's timestamptz holds (it stops at 294276 AD and 4713 BC, where {@code
   * -999999999-01-01} or {@code +294277-01-01} would fail in the database, as a 500).
   */
  static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

  static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

  /** The first and last instant a date or date-time value stands for. */
  private static Instant[] bounds(String value) {
    try {
      Instant[] b;
      if (value.length() == 10) {
        LocalDate d = LocalDate.parse(value);
        Instant start = d.atStartOfDay(ZoneOffset.UTC).toInstant();
        b = new Instant[] {start, start.plus(1, ChronoUnit.DAYS).minus(1, ChronoUnit.MICROS)};
      } else {
        Instant t = OffsetDateTime.parse(value).toInstant();
        b = new Instant[] {t, t};
      }
      if (b[0].isBefore(EARLIEST) || b[1].isAfter(LATEST)) {
        throw ApiException.badParameter(
            "datetime", "'" + value + "' lies outside the years 0001 to 9999");
      }
      return b;
    } catch (DateTimeException e) {
      throw ApiException.badParameter(
          "datetime",
          "'"
              + value
              + "' is not an RFC 3339 date (2024-02-20) or date-time (2024-02-20T10:00:00Z)");
    }
  }

  static long limit(String raw, int maxLimit) {
    if (raw == null) {
      return Math.min(DEFAULT_LIMIT, maxLimit);
    }
    long v = wholeNumber("limit", raw);
    if (v < 1) {
      throw ApiException.badParameter("limit", "must be at least 1");
    }
    return Math.min(v, maxLimit);
  }

  static long offset(String raw) {
    return raw == null ? 0 : wholeNumber("offset", raw);
  }

  private static long wholeNumber(String name, String raw) {
    try {
      long v = Long.parseLong(raw.trim());
      if (v < 0) {
        throw ApiException.badParameter(name, "must not be negative");
      }
      return v;
    } catch (NumberFormatException e) {
      throw ApiException.badParameter(name, "'" + raw + "' is not a whole number");
    }
  }
}
