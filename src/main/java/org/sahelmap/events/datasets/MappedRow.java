package org.sahelmap.events.datasets;

import java.util.List;
import org.sahelmap.events.Event;

/** One dataset row in our model: its event, or every problem of the row (then event is null). */
public record MappedRow(Event event, List<String> problems) {
  public MappedRow {
    problems = List.copyOf(problems);
  }

  static MappedRow refused(List<String> problems) {
    return new MappedRow(null, problems);
  }
}
