package org.sahelmap.extract;

/** A half-open span {@code [start, end)} of the document's text. */
record Span(int start, int end) {
  boolean overlaps(Span o) {
    return start < o.end && o.start < end;
  }

  boolean contains(Span o) {
    return start <= o.start && o.end <= end;
  }
}
