package org.sahelmap.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DateRulesTest {
  private static final LocalDate DOC = LocalDate.of(2024, 11, 9);

  private static DateMention only(String text) {
    List<DateMention> found = DateRules.find(text, DOC);
    assertThat(found).as(text).hasSize(1);
    return found.get(0);
  }

  private static void is(String text, String start, String end, String precision) {
    DateMention d = only(text);
    assertThat(d.start()).as(text).isEqualTo(start);
    assertThat(d.end()).as(text).isEqualTo(end);
    assertThat(d.precision()).as(text).isEqualTo(precision);
  }

  @Test
  void absoluteDatesAreDays() {
    is("The talks of 9 November 2024 ended.", "2024-11-09", "2024-11-09", "day");
    is("On July 25, 2024 the convoy left.", "2024-07-25", "2024-07-25", "day");
  }

  @Test
  void monthsAndTheirThirds() {
    is("In February 2024 the mine changed hands.", "2024-02-01", "2024-02-29", "month");
    is("By late February 2024 they were gone.", "2024-02-21", "2024-02-29", "late-month");
    is("early March 2023", "2023-03-01", "2023-03-10", "early-month");
    is("mid-June 2023", "2023-06-11", "2023-06-20", "mid-month");
  }

  @Test
  void rangesAndYears() {
    is("between October and November 2023", "2023-10-01", "2023-11-30", "range");
    is("the visit in 2016 failed", "2016-01-01", "2016-12-31", "year");
  }

  @Test
  void relativeDatesResolveAgainstTheDocumentsDate() {
    is("Earlier this year the deal was signed.", "2024-01-01", "2024-11-09", "range");
    is("Last year the mission left.", "2023-01-01", "2023-12-31", "year");
    // A bare month after the document's month is last year's.
    is("in December the envoy came", "2023-12-01", "2023-12-31", "month");
    is("in September the envoy came", "2024-09-01", "2024-09-30", "month");
    assertThat(DateRules.find("earlier this year", null)).isEmpty();
  }

  @Test
  void impossibleDatesAndVerbsAreNotDates() {
    assertThat(DateRules.find("on 31 February 2024", DOC)).isEmpty();
    assertThat(DateRules.find("they may return", DOC)).isEmpty();
  }
}
