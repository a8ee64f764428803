package org.sahelmap.briefing;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The slide's time window: inclusive ISO dates, as the timeline and permalinks use them. */
public record TimeWindow(LocalDate from, LocalDate to) {
  public TimeWindow {
    if (from == null || to == null || from.isAfter(to)) {
      throw new InvalidBriefingException("time: needs from <= to");
    }
    if (from.getYear() < 1 || to.getYear() > 9999) {
      throw new InvalidBriefingException("time: dates lie in the years 0001 to 9999");
    }
  }

  public static TimeWindow parse(String from, String to) {
    try {
      return new TimeWindow(LocalDate.parse(from), LocalDate.parse(to));
    } catch (DateTimeParseException | NullPointerException e) {
      throw new InvalidBriefingException("time: from and to are dates like 2024-07-31");
    }
  }

  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("from", from.toString());
    m.put("to", to.toString());
    return m;
  }
}
