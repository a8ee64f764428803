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

  /** The reason a repeated id is refused; ids must be unique in a file. */
  static String duplicateId(String id, long firstLine) {
    return "duplicate id '" + id + "' (first on line " + firstLine + ")";
  }

  /**
   * Gathers a whole (small) file's events and problems in memory, as the curated files are read;
   * the importer streams instead.
   */
  static final class Collector implements EventSink {
    private final List<ParsedEvent> events = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private final Map<String, Integer> firstLineOfId = new HashMap<>();

    @Override
    public void problem(int line, String reason) {
      problems.add("line " + line + ": " + reason);
    }

    @Override
    public void event(int line, Event e) {
      Integer first = firstLineOfId.putIfAbsent(e.id(), line);
      if (first != null) {
        problem(line, duplicateId(e.id(), first));
        return;
      }
      events.add(new ParsedEvent(line, e));
    }

    EventFile result() {
      return new EventFile(events, problems);
    }
  }
}
