package org.sahelmap.events.datasets;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sahelmap.events.Event;

/**
 * The text of one dataset row by column name, read into values: each value that is missing or not
 * of its form adds one problem naming the column as the dataset calls it, so the person who
 * exported the file can find it.
 */
final class RowValues {
  /** ISO dates, alone or followed by a time (UCDP's CSV writes {@code 2023-05-04 00:00:00.000}). */
  private static final Pattern ISO = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})([ T][0-9:.]+)?");

  /** ACLED's exports have also written dates as {@code 04 May 2023}. */
  private static final DateTimeFormatter WORDS =
      DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

  final List<String> problems = new ArrayList<>();
  private final Map<String, String> row;

  RowValues(Map<String, String> row) {
    this.row = row;
  }

  /** The trimmed text, or null when the column is empty. */
  String text(String column) {
    String v = row.get(column);
    return v == null || v.isBlank() ? null : v.trim();
  }

  String required(String column) {
    String v = text(column);
    if (v == null) {
      problems.add("missing " + column);
    }
    return v;
  }

  LocalDate date(String column) {
    String v = required(column);
    if (v == null) {
      return null;
    }
    try {
      Matcher m = ISO.matcher(v);
      return m.matches() ? LocalDate.parse(m.group(1)) : LocalDate.parse(v, WORDS);
    } catch (DateTimeParseException e) {
      problems.add(column + " '" + v + "' is not a date (YYYY-MM-DD)");
      return null;
    }
  }

  double number(String column) {
    String v = required(column);
    if (v == null) {
      return Double.NaN;
    }
    try {
      double d = Double.parseDouble(v);
      if (Double.isFinite(d)) {
        return d;
      }
    } catch (NumberFormatException e) {
      // one message below
    }
    problems.add(column + " '" + v + "' is not a number");
    return Double.NaN;
  }

  /** A whole number, or null when the column is empty and optional. */
  Integer integer(String column, boolean required) {
    String v = required ? required(column) : text(column);
    if (v == null) {
      return null;
    }
    try {
      return Integer.valueOf(v);
    } catch (NumberFormatException e) {
      problems.add(column + " '" + v + "' is not a whole number");
      return null;
    }
  }

  /** A code that must be one of 1..max; null (and a problem) otherwise. */
  Integer code(String column, int max) {
    Integer c = integer(column, true);
    if (c != null && (c < 1 || c > max)) {
      problems.add(column + " " + c + " is not a code from 1 to " + max);
      return null;
    }
    return c;
  }

  /** Within the length of a title, cut at a word where possible. */
  static String title(String text) {
    int max = Event.TITLE_MAX;
    if (text.length() <= max) {
      return text;
    }
    int cut = text.lastIndexOf(' ', max - 1);
    return text.substring(0, cut > max / 2 ? cut : max - 1) + "…";
  }

  /**
   * Our precision for the dates a dataset gives: {@code day}, a whole calendar {@code month} or
   * {@code year}, or else {@code range}; the dataset's own code is kept beside it.
   */
  static String precisionOf(LocalDate start, LocalDate end) {
    if (start.equals(end)) {
      return "day";
    }
    YearMonth m = YearMonth.from(start);
    if (start.equals(m.atDay(1)) && end.equals(m.atEndOfMonth())) {
      return "month";
    }
    if (start.getDayOfYear() == 1 && end.equals(LocalDate.of(start.getYear(), 12, 31))) {
      return "year";
    }
    return "range";
  }
}
