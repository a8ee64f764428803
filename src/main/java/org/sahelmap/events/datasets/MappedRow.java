package org.sahelmap.events.datasets;

import java.time.LocalDate;
import java.util.List;
import org.sahelmap.events.DatasetSource;
import org.sahelmap.events.Event;

/** One dataset row in our model: its event, or every problem of the row (then event is null). */
public record MappedRow(Event event, List<String> problems) {
  public MappedRow {
    problems = List.copyOf(problems);
  }

  static MappedRow refused(List<String> problems) {
    return new MappedRow(null, problems);
  }

  /**
   * A dataset row's event: no document citation (its provenance stands in for it), the precision
   * its dates' span fits, and a point that is exact or the centre of an area of uncertainty. Rows
   * the event model refuses come back with its problems.
   */
  static MappedRow event(
      DatasetSource provenance,
      String title,
      String summary,
      LocalDate start,
      LocalDate end,
      String place,
      boolean exactPoint,
      String confidence,
      String category,
      List<String> actors,
      double lon,
      double lat) {
    try {
      return new MappedRow(
          new Event(
              provenance.id(),
              RowValues.title(title),
              summary,
              start,
              end,
              RowValues.precisionOf(start, end),
              place,
              exactPoint ? "dataset_point" : "approximate_area",
              confidence,
              category,
              actors,
              null,
              null,
              0,
              0,
              0,
              lon,
              lat,
              provenance),
          List.of());
    } catch (Event.InvalidEventException e) {
      return refused(e.problems());
    }
  }
}
