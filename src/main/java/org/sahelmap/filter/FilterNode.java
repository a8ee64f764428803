package org.sahelmap.filter;

import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * A parsed CQL2 expression, the same tree whichever encoding it came in: cql2-json already has this
 * shape ({@code {"op": ..., "args": [...]}}), and the text parser builds it. Every node knows where
 * it stood ({@code at}: "character 17" in text, a JSON pointer in JSON) so a refusal can point at
 * it.
 */
public sealed interface FilterNode {
  String at();

  /** An operator or function: {@code and}, {@code =}, {@code like}, {@code s_intersects}... */
  record Op(String op, List<FilterNode> args, String at) implements FilterNode {
    public Op {
      args = List.copyOf(args);
    }
  }

  /** A property name, to be checked against the collection's queryables. */
  record Property(String name, String at) implements FilterNode {}

  /** A string, number ({@link java.math.BigDecimal}) or boolean. */
  record Literal(Object value, String at) implements FilterNode {}

  /** A timestamp or a date, as written (checked when the filter becomes SQL). */
  record Temporal(String kind, String text, String at) implements FilterNode {}

  /** An interval; an open end is {@code ".."}, a {@link Literal} of that text. */
  record Interval(FilterNode start, FilterNode end, String at) implements FilterNode {}

  /** A geometry literal in CRS84 longitude/latitude. */
  record GeometryLiteral(Geometry geometry, String at) implements FilterNode {}

  /** The list on the right of IN. */
  record ListOf(List<FilterNode> items, String at) implements FilterNode {
    public ListOf {
      items = List.copyOf(items);
    }
  }
}
