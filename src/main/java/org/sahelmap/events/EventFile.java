package org.sahelmap.events;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What reading one events file gave: the events, and every problem as {@code "line N: reason"}. A
 * file with any problem is refused whole, so callers look at {@link #ok()} before using the events.
 */
public record EventFile(List<ParsedEvent> events, List<String> problems) {

  public EventFile {
    events = List.copyOf(events);
    problems = List.copyOf(problems);
  }

  public boolean ok() {
    return problems.isEmpty();
  }

  public List<Event> eventList() {
    return events.stream().map(ParsedEvent::event).toList();
  }

  /** Gathers events and problems while a reader walks a file; ids must be unique in a file. */
  static final class Collector {
    private final List<ParsedEvent> events = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private final Map<String, Integer> firstLineOfId = new HashMap<>();

    void problem(int line, String reason) {
      problems.add("line " + line + ": " + reason);
    }

    /** Builds the row's event, or records each of its problems against its line. */
    void add(int line, EventFields fields) {
      try {
        Event e = fields.build();
        Integer first = firstLineOfId.putIfAbsent(e.id(), line);
        if (first != null) {
          problem(line, "duplicate id '" + e.id() + "' (first on line " + first + ")");
          return;
        }
        events.add(new ParsedEvent(line, e));
      } catch (Event.InvalidEventException e) {
        for (String p : e.problems()) {
          problem(line, p);
        }
      }
    }

    EventFile result() {
      return new EventFile(events, problems);
    }
  }
}
