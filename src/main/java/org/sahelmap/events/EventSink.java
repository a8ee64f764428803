package org.sahelmap.events;

import org.sahelmap.events.datasets.MappedRow;

/**
 * Where a reader hands what it finds, one row at a time, so a file is never held whole: each valid
 * event, and each problem against the line it is on. Problems arrive in file order, except those
 * about the file as a whole (e.g. a GeoJSON object that is not a FeatureCollection), which come
 * last.
 */
interface EventSink {
  void event(int line, Event event);

  void problem(int line, String reason);

  /** One row or feature as read: its event if the values make one, else each of its problems. */
  default void row(int line, EventFields fields) {
    Event e;
    try {
      e = fields.build();
    } catch (Event.InvalidEventException invalid) {
      invalid.problems().forEach(p -> problem(line, p));
      return;
    }
    event(line, e);
  }

  /** One row of a dataset's export, already in our model (or refused with its problems). */
  default void row(int line, MappedRow mapped) {
    if (mapped.event() == null) {
      mapped.problems().forEach(p -> problem(line, p));
    } else {
      event(line, mapped.event());
    }
  }
}
