package org.sahelmap.events;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.sahelmap.layers.LayerRegistry;

/**
 * One dated event taken from a document, with the fields of the curated files (see
 * data/events/README.md), or from a conflict dataset's row ({@code source} not null: then the id is
 * the dataset's, {@code acled:MLI12345}, and there is no document citation). The constructor
 * refuses anything the curation rules forbid, so an {@code Event} that exists is one the map can
 * show and cite; its message is the reason, for the person who wrote the row.
 */
public record Event(
    String id,
    String title,
    String summary,
    LocalDate start,
    LocalDate end,
    String datePrecision,
    String placeName,
    String locationBasis,
    String locationConfidence,
    String category,
    List<String> actors,
    String layer,
    String citationDocument,
    int citationParagraph,
    int citationStart,
    int citationEnd,
    double lon,
    double lat,
    DatasetSource source) {

  /** Property names in the order the curated files and CSV headers use. */
  public static final List<String> FIELDS =
      List.of(
          "id",
          "title",
          "summary",
          "start",
          "end",
          "date_precision",
          "place_name",
          "location_basis",
          "location_confidence",
          "category",
          "actors",
          "layer",
          "citation_document",
          "citation_paragraph",
          "citation_start",
          "citation_end");

  public static final Set<String> PRECISIONS =
      set("day", "month", "early-month", "mid-month", "late-month", "year", "range");
  public static final Set<String> LOCATION_BASES =
      set(
          "named_in_text",
          "dataset_point",
          "capital_of_acting_state",
          "host_city",
          "publisher_city",
          "approximate_area");
  public static final Set<String> CONFIDENCES = set("high", "medium", "low");
  public static final Set<String> CATEGORIES =
      set("military", "diplomatic", "economic", "security_partnership", "civil_unrest", "report");

  /** An event may be tagged with any mission layer the registry defines. */
  public static final Set<String> LAYERS = LayerRegistry.missionIds();

  public static final int TITLE_MAX = 80;
  private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  public Event {
    List<String> problems = new ArrayList<>();
    if (source != null) {
      problems.addAll(source.problems());
      if (problems.isEmpty() && !source.id().equals(id)) {
        problems.add("id " + quoted(id) + " is not the dataset's id " + quoted(source.id()));
      }
    } else if (id == null || !SLUG.matcher(id).matches() || id.length() > 200) {
      problems.add("id " + quoted(id) + " is not a lowercase slug (a-z, 0-9, single hyphens)");
    }
    if (blank(title) || title.length() > TITLE_MAX) {
      problems.add("title is missing or longer than " + TITLE_MAX + " characters");
    }
    if (blank(summary)) {
      problems.add("summary is missing");
    }
    if (blank(placeName)) {
      problems.add("place_name is missing");
    }
    if (source == null && blank(citationDocument)) {
      problems.add("citation_document is missing");
    }
    if (source != null && (citationDocument != null || citationEnd != 0)) {
      problems.add("an event from a dataset cites the dataset's row, not a document");
    }
    if (source == null && "dataset_point".equals(locationBasis)) {
      problems.add("location_basis dataset_point is only for events from a dataset");
    }
    if (source != null
        && "dataset_point".equals(locationBasis) != (source.uncertaintyKm() == null)) {
      problems.add("a dataset's point is dataset_point, an area approximate_area with its radius");
    }
    checkIn(problems, "date_precision", datePrecision, PRECISIONS);
    checkIn(problems, "location_basis", locationBasis, LOCATION_BASES);
    checkIn(problems, "location_confidence", locationConfidence, CONFIDENCES);
    checkIn(problems, "category", category, CATEGORIES);
    if (layer != null) {
      checkIn(problems, "layer", layer, LAYERS);
    }
    if ("approximate_area".equals(locationBasis) && "high".equals(locationConfidence)) {
      problems.add("approximate_area cannot have high location_confidence");
    }
    if (actors == null || actors.isEmpty() || actors.stream().anyMatch(Event::blank)) {
      problems.add("actors must be a non-empty list of names");
    } else {
      actors = List.copyOf(actors);
    }
    if (start == null || end == null) {
      problems.add("start and end are required");
    } else if (start.isAfter(end)) {
      problems.add("end " + end + " is before start " + start);
    } else if (PRECISIONS.contains(datePrecision) && !"range".equals(datePrecision)) {
      LocalDate[] implied = impliedRange(datePrecision, start);
      if (!implied[0].equals(start) || !implied[1].equals(end)) {
        problems.add(
            datePrecision
                + " precision means "
                + implied[0]
                + ".."
                + implied[1]
                + ", got "
                + start
                + ".."
                + end);
      }
    }
    if (!(lon >= -180 && lon <= 180)) {
      problems.add("lon " + lon + " is outside -180..180");
    }
    if (!(lat >= -90 && lat <= 90)) {
      problems.add("lat " + lat + " is outside -90..90");
    }
    if (source == null && citationParagraph < 1) {
      problems.add("citation_paragraph must be at least 1");
    }
    if (source == null && (citationStart < 0 || citationEnd <= citationStart)) {
      problems.add("citation_start must be >= 0 and below citation_end");
    }
    // PostgreSQL text cannot hold NUL, and no title or name needs one: refused by field here,
    // rather than failing the whole import's transaction.
    noNul(problems, "title", title);
    noNul(problems, "summary", summary);
    noNul(problems, "place_name", placeName);
    noNul(problems, "citation_document", citationDocument);
    if (actors != null && actors.stream().anyMatch(a -> a != null && a.indexOf('\0') >= 0)) {
      problems.add("actors must not contain NUL characters");
    }
    if (!problems.isEmpty()) {
      throw new InvalidEventException(problems);
    }
  }

  private static void noNul(List<String> problems, String field, String value) {
    if (value != null && value.indexOf('\0') >= 0) {
      problems.add(field + " must not contain NUL characters");
    }
  }

  /** The dates a precision other than {@code range} implies for an event starting on start. */
  static LocalDate[] impliedRange(String precision, LocalDate start) {
    YearMonth month = YearMonth.from(start);
    return switch (precision) {
      case "day" -> new LocalDate[] {start, start};
      case "month" -> new LocalDate[] {month.atDay(1), month.atEndOfMonth()};
      case "early-month" -> new LocalDate[] {month.atDay(1), month.atDay(10)};
      case "mid-month" -> new LocalDate[] {month.atDay(11), month.atDay(20)};
      case "late-month" -> new LocalDate[] {month.atDay(21), month.atEndOfMonth()};
      case "year" ->
          new LocalDate[] {
            LocalDate.of(start.getYear(), 1, 1), LocalDate.of(start.getYear(), 12, 31)
          };
      default -> throw new IllegalArgumentException("no implied range for " + precision);
    };
  }

  private static void checkIn(List<String> problems, String field, String value, Set<String> ok) {
    if (!ok.contains(value)) {
      problems.add(field + " " + quoted(value) + " is not one of " + String.join(", ", ok));
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static String quoted(String s) {
    return s == null ? "(missing)" : "'" + s + "'";
  }

  private static Set<String> set(String... values) {
    return Collections.unmodifiableSet(new LinkedHashSet<>(Arrays.asList(values)));
  }

  /** Every reason an event was refused, not just the first. */
  public static final class InvalidEventException extends IllegalArgumentException {
    private final List<String> problems;

    InvalidEventException(List<String> problems) {
      super(String.join("; ", problems));
      this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
      return problems;
    }
  }
}
