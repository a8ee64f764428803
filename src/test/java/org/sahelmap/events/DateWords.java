package org.sahelmap.events;

import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The date-word rule of scripts/events/check-citations.py, in Java: a cited passage must hold a
 * date word agreeing with the event's dates ("November 2023" as that month of that year, a bare
 * month by month, a bare year by year, "this year" as the publication year), and a day-precision
 * event must show its day next to the month name.
 */
final class DateWords {
  private static final String MONTHS =
      String.join(
          "|",
          java.util.Arrays.stream(Month.values())
              .map(m -> m.getDisplayName(TextStyle.FULL, Locale.ENGLISH))
              .toList());
  // Case-sensitive, as in the checker: "may" is a verb.
  private static final Pattern MONTH = Pattern.compile("\\b(" + MONTHS + ")\\b");
  private static final Pattern MONTH_YEAR =
      Pattern.compile("\\b(" + MONTHS + ")(?: (\\d{1,2}))?,? (1[89]\\d\\d|20\\d\\d)\\b");
  private static final Pattern YEAR = Pattern.compile("\\b(1[89]\\d\\d|20\\d\\d)\\b");

  private DateWords() {}

  /** Null when the passage carries agreeing date words, else the reason it does not. */
  static String disagreement(
      String passage, LocalDate start, LocalDate end, String precision, Integer publishedYear) {
    Set<YearMonth> span = new HashSet<>();
    for (YearMonth m = YearMonth.from(start);
        !m.isAfter(YearMonth.from(end));
        m = m.plusMonths(1)) {
      span.add(m);
    }
    Set<Integer> spanMonths = new HashSet<>();
    span.forEach(m -> spanMonths.add(m.getMonthValue()));
    List<int[]> used = new ArrayList<>();
    boolean ok = false;
    Matcher my = MONTH_YEAR.matcher(passage);
    while (my.find()) {
      used.add(new int[] {my.start(), my.end()});
      ok |= span.contains(YearMonth.of(Integer.parseInt(my.group(3)), monthOf(my.group(1))));
    }
    Matcher m = MONTH.matcher(passage);
    while (m.find()) {
      if (!inside(used, m.start())) {
        ok |= spanMonths.contains(monthOf(m.group(1)));
      }
    }
    Matcher y = YEAR.matcher(passage);
    while (y.find()) {
      int year = Integer.parseInt(y.group(1));
      if (!inside(used, y.start())) {
        ok |= start.getYear() <= year && year <= end.getYear();
      }
    }
    ok |=
        passage.toLowerCase(Locale.ROOT).contains("this year")
            && publishedYear != null
            && start.getYear() <= publishedYear
            && publishedYear <= end.getYear();
    if (!ok) {
      return "passage has no date word matching " + start + ".." + end;
    }
    if (precision.equals("day")) {
      String name = start.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
      String day = "0?" + start.getDayOfMonth();
      Pattern p = Pattern.compile("\\b(" + name + " " + day + "|" + day + " " + name + ")\\b");
      if (!p.matcher(passage).find()) {
        return "day precision but passage lacks '" + name + " " + start.getDayOfMonth() + "'";
      }
    }
    return null;
  }

  private static int monthOf(String name) {
    return Month.valueOf(name.toUpperCase(Locale.ROOT)).getValue();
  }

  private static boolean inside(List<int[]> spans, int at) {
    return spans.stream().anyMatch(s -> s[0] <= at && at < s[1]);
  }
}
