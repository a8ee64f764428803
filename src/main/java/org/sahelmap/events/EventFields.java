package org.sahelmap.events;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Turns the loosely typed values of one row (a GeoJSON feature or a CSV line) into an {@link
 * Event}. Values are first checked for presence and form (a date that is not a date, a number that
 * is not a number); only when every field has the right form does the {@code Event} itself judge
 * the values, so each message is about the row as written and none is a knock-on of another.
 */
final class EventFields {
  private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  final List<String> problems = new ArrayList<>();

  /** Fields already reported as malformed, so they are not also reported as missing. */
  private final Set<String> reported = new HashSet<>();

  String id;
  String title;
  String summary;
  LocalDate start;
  LocalDate end;
  String datePrecision;
  String placeName;
  String locationBasis;
  String locationConfidence;
  String category;
  List<String> actors;
  String layer;
  String citationDocument;
  int citationParagraph;
  int citationStart;
  int citationEnd;
  double lon;
  double lat;
  DatasetSource source;

  /** The event, or every problem of the row as an {@link Event.InvalidEventException}. */
  Event build() {
    if (!problems.isEmpty()) {
      throw new Event.InvalidEventException(problems);
    }
    return new Event(
        id,
        title,
        summary,
        start,
        end,
        datePrecision,
        placeName,
        locationBasis,
        locationConfidence,
        category,
        actors,
        layer,
        citationDocument,
        citationParagraph,
        citationStart,
        citationEnd,
        lon,
        lat,
        source);
  }

  void malformed(String field, String reason) {
    reported.add(field);
    problems.add(field + " " + reason);
  }

  String requireText(String field, String value) {
    if (value == null || value.isBlank()) {
      if (reported.add(field)) {
        problems.add("missing " + field);
      }
      return null;
    }
    return value;
  }

  LocalDate date(String field, String value) {
    if (requireText(field, value) == null) {
      return null;
    }
    try {
      if (ISO_DATE.matcher(value).matches()) {
        return LocalDate.parse(value);
      }
    } catch (DateTimeParseException e) {
      // falls through to the one message below
    }
    problems.add(field + " '" + value + "' is not a date (YYYY-MM-DD)");
    return null;
  }

  int integer(String field, String value) {
    if (requireText(field, value) == null) {
      return 0;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      problems.add(field + " '" + value + "' is not a whole number");
      return 0;
    }
  }

  double number(String field, String value) {
    if (requireText(field, value) == null) {
      return Double.NaN;
    }
    try {
      double v = Double.parseDouble(value.trim());
      if (Double.isFinite(v)) {
        return v;
      }
    } catch (NumberFormatException e) {
      // falls through to the one message below
    }
    problems.add(field + " '" + value + "' is not a number");
    return Double.NaN;
  }

  /** The fields every format shares, given each field's text (null when absent). */
  void setCommon(Function<String, String> text) {
    id = requireText("id", text.apply("id"));
    title = requireText("title", text.apply("title"));
    summary = requireText("summary", text.apply("summary"));
    start = date("start", text.apply("start"));
    end = date("end", text.apply("end"));
    datePrecision = requireText("date_precision", text.apply("date_precision"));
    placeName = requireText("place_name", text.apply("place_name"));
    locationBasis = requireText("location_basis", text.apply("location_basis"));
    locationConfidence = requireText("location_confidence", text.apply("location_confidence"));
    category = requireText("category", text.apply("category"));
    citationDocument = requireText("citation_document", text.apply("citation_document"));
  }
}
