package org.sahelmap.extract;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds date expressions in folded text and resolves them: absolute dates ("9 November 2024",
 * "November 9, 2024") to days; "early/mid/late February 2024" to the model's thirds of a month;
 * "February 2024" to the month; "between October and November 2023" to a range; a bare month after
 * a preposition ("in September") to its latest occurrence not after the document's date; "in 2016"
 * to the year; "this year", "earlier this year", "last year", "last month" against the document's
 * date. Longer expressions are tried first and the spans found never overlap.
 */
public final class DateRules {
  private static final String MONTH =
      "(january|february|march|april|may|june|july|august|september|october|november|december)";
  private static final String YEAR = "((?:19|20)\\d\\d)";
  private static final String B = "(?<![\\p{L}\\d])";
  private static final String E = "(?![\\p{L}\\d])";

  private interface Resolver {
    DateMention resolve(Matcher m, Span span, LocalDate documentDate);
  }

  private record Rule(Pattern pattern, Resolver resolver) {}

  private static final List<Rule> RULES =
      List.of(
          rule(
              "(?:between|from) " + MONTH + " (?:and|to|until) " + MONTH + " " + YEAR,
              (m, s, d) -> range(s, month(m.group(1), m.group(3)), month(m.group(2), m.group(3)))),
          rule(
              MONTH + " ?[-/] ?" + MONTH + " " + YEAR,
              (m, s, d) -> range(s, month(m.group(1), m.group(3)), month(m.group(2), m.group(3)))),
          rule(
              "(\\d{1,2}) " + MONTH + ",? " + YEAR,
              (m, s, d) -> day(s, month(m.group(2), m.group(3)), m.group(1))),
          rule(
              MONTH + " (\\d{1,2}),? " + YEAR,
              (m, s, d) -> day(s, month(m.group(1), m.group(3)), m.group(2))),
          rule(
              "(early|mid|middle of|late|end of|the end of)[ -]" + MONTH + ",? " + YEAR,
              (m, s, d) -> part(s, m.group(1), month(m.group(2), m.group(3)))),
          rule(MONTH + ",? " + YEAR, (m, s, d) -> whole(s, month(m.group(1), m.group(2)))),
          rule(
              "(early|mid|middle of|late|end of|the end of)[ -]" + MONTH,
              (m, s, d) -> d == null ? null : part(s, m.group(1), latest(m.group(2), d))),
          rule(
              "(?:in|since|on|by|until|of|during|from|last) " + MONTH,
              (m, s, d) -> d == null ? null : whole(s, latest(m.group(1), d))),
          rule(
              "(?:in|since|by|until|of|during|from) " + YEAR,
              (m, s, d) -> year(s, Integer.parseInt(m.group(1)))),
          rule(
              "(?:earlier|since the (?:beginning|start) of|so far) this year|this year",
              (m, s, d) -> d == null ? null : new DateMention(s, d.withDayOfYear(1), d, "range")),
          rule(
              "last year|the previous year",
              (m, s, d) -> d == null ? null : year(s, d.getYear() - 1)),
          rule(
              "last month",
              (m, s, d) -> d == null ? null : whole(s, YearMonth.from(d).minusMonths(1))));

  private DateRules() {}

  private static Rule rule(String regex, Resolver r) {
    return new Rule(Pattern.compile(B + "(?:" + regex + ")" + E), r);
  }

  /** The dates in {@code folded[from, to)}, in text order; relative ones need documentDate. */
  public static List<DateMention> find(String folded, int from, int to, LocalDate documentDate) {
    List<DateMention> out = new ArrayList<>();
    // Words a longer rule has taken, even when they made no date ("31 February 2024"), are not
    // read again by a shorter one.
    List<Span> claimed = new ArrayList<>();
    for (Rule rule : RULES) {
      Matcher m = rule.pattern().matcher(folded).region(from, to);
      m.useTransparentBounds(true);
      while (m.find()) {
        Span span = new Span(m.start(), m.end());
        if (claimed.stream().anyMatch(span::overlaps)) {
          continue;
        }
        claimed.add(span);
        DateMention d;
        try {
          d = rule.resolver().resolve(m, span, documentDate);
        } catch (java.time.DateTimeException impossible) {
          d = null; // "31 February 2024" is no date
        }
        if (d != null) {
          out.add(d);
        }
      }
    }
    out.sort((a, b) -> Integer.compare(a.span().start(), b.span().start()));
    return out;
  }

  /** Convenience for tests and callers with a plain string. */
  public static List<DateMention> find(String text, LocalDate documentDate) {
    String folded = Fold.of(text);
    return find(folded, 0, folded.length(), documentDate);
  }

  private static YearMonth month(String name, String year) {
    return YearMonth.of(Integer.parseInt(year), monthNumber(name));
  }

  private static int monthNumber(String name) {
    return java.time.Month.valueOf(name.toUpperCase(Locale.ROOT)).getValue();
  }

  /** The month's latest occurrence not after the document's month. */
  private static YearMonth latest(String name, LocalDate documentDate) {
    YearMonth ym = YearMonth.of(documentDate.getYear(), monthNumber(name));
    return ym.isAfter(YearMonth.from(documentDate)) ? ym.minusYears(1) : ym;
  }

  private static DateMention day(Span s, YearMonth ym, String day) {
    LocalDate d = ym.atDay(Integer.parseInt(day));
    return new DateMention(s, d, d, "day");
  }

  private static DateMention whole(Span s, YearMonth ym) {
    return new DateMention(s, ym.atDay(1), ym.atEndOfMonth(), "month");
  }

  private static DateMention year(Span s, int year) {
    return new DateMention(s, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), "year");
  }

  private static DateMention range(Span s, YearMonth from, YearMonth to) {
    return to.isBefore(from) ? null : new DateMention(s, from.atDay(1), to.atEndOfMonth(), "range");
  }

  private static DateMention part(Span s, String which, YearMonth ym) {
    return switch (which) {
      case "early" -> new DateMention(s, ym.atDay(1), ym.atDay(10), "early-month");
      case "mid", "middle of" -> new DateMention(s, ym.atDay(11), ym.atDay(20), "mid-month");
      default -> new DateMention(s, ym.atDay(21), ym.atEndOfMonth(), "late-month");
    };
  }
}
