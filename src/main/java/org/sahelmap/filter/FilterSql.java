package org.sahelmap.filter;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.io.WKBWriter;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import org.sahelmap.filter.FilterNode.Op;
import org.sahelmap.filter.Queryable.Type;
import org.sahelmap.store.SqlCondition;

/**
 * A {@link FilterNode} tree as a SQL condition on {@code feature}. Every literal becomes a bound
 * parameter and every property name is looked up in the collection's {@link Queryables} (an unknown
 * one is refused, naming it); the only SQL text is this class's own and the queryables'. Types are
 * checked here, so a filter comparing text with a number is a 400 naming where, not a database
 * error. Spatial tests are PostGIS's ST_ functions against a bound geometry, which the GiST index
 * answers; temporal ones compare the ends of two intervals (an instant is an interval of no
 * length).
 */
public final class FilterSql {
  private static final Map<String, String> SPATIAL_SQL =
      Map.of(
          "s_intersects", "ST_Intersects",
          "s_equals", "ST_Equals",
          "s_disjoint", "ST_Disjoint",
          "s_touches", "ST_Touches",
          "s_within", "ST_Within",
          "s_overlaps", "ST_Overlaps",
          "s_crosses", "ST_Crosses",
          "s_contains", "ST_Contains");
  private static final Set<String> COMPARISONS = Set.of("=", "<>", "<", "<=", ">", ">=");
  private static final String OPEN_START = "'-infinity'::timestamptz";
  private static final String OPEN_END = "'infinity'::timestamptz";

  /** Earliest and latest instants a literal may name (what timestamptz and RFC 3339 share). */
  private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

  /** SQL text with its parameters, and the type of what it yields. */
  private record Value(String sql, List<Object> params, Type type) {}

  /** The two ends of a temporal operand. */
  private record Span(Value start, Value end) {}

  private final Queryables queryables;

  private FilterSql(Queryables queryables) {
    this.queryables = queryables;
  }

  public static SqlCondition toSql(FilterNode filter, Queryables queryables) {
    Value v = new FilterSql(queryables).predicate(filter);
    return new SqlCondition(v.sql(), v.params());
  }

  private Value predicate(FilterNode node) {
    if (node instanceof FilterNode.Literal l && l.value() instanceof Boolean b) {
      return new Value(b ? "TRUE" : "FALSE", List.of(), Type.BOOLEAN);
    }
    if (node instanceof FilterNode.Property p) {
      Value v = scalar(p);
      if (v.type() != Type.BOOLEAN) {
        throw new FilterException(
            p.at(), "'" + p.name() + "' is not a boolean, so it cannot stand alone as a condition");
      }
      return new Value("coalesce(" + v.sql() + ", FALSE)", v.params(), Type.BOOLEAN);
    }
    if (!(node instanceof Op op)) {
      throw new FilterException(node.at(), "a value cannot stand alone as a condition");
    }
    String name = op.op();
    List<FilterNode> args = op.args();
    switch (name) {
      case "and", "or" -> {
        arity(op, 2, Integer.MAX_VALUE);
        List<Value> parts = new ArrayList<>();
        args.forEach(a -> parts.add(predicate(a)));
        return join(" " + name.toUpperCase() + " ", parts);
      }
      case "not" -> {
        arity(op, 1, 1);
        Value inner = predicate(args.get(0));
        return new Value("NOT (" + inner.sql() + ")", inner.params(), Type.BOOLEAN);
      }
      case "isNull" -> {
        arity(op, 1, 1);
        Value v = scalar(args.get(0));
        return new Value("(" + v.sql() + ") IS NULL", v.params(), Type.BOOLEAN);
      }
      case "like" -> {
        return likeOp(op);
      }
      case "between" -> {
        return betweenOp(op);
      }
      case "in" -> {
        return inOp(op);
      }
      default -> {
        return functionOp(op);
      }
    }
  }

  private Value likeOp(Op op) {
    List<FilterNode> args = op.args();
    arity(op, 2, 2);
    Value left = scalar(args.get(0));
    Value pattern = scalar(args.get(1));
    text(left, args.get(0), "LIKE");
    text(pattern, args.get(1), "LIKE");
    return join(" LIKE ", List.of(left, pattern));
  }

  private Value betweenOp(Op op) {
    List<FilterNode> args = op.args();
    arity(op, 3, 3);
    Value v = scalar(args.get(0));
    Value low = comparable(v, scalar(args.get(1)), args.get(1));
    Value high = comparable(v, scalar(args.get(2)), args.get(2));
    if (v.type() == Type.BOOLEAN || v.type() == Type.TEXT) {
      throw new FilterException(op.at(), "BETWEEN takes numbers, dates or timestamps");
    }
    return new Value(
        v.sql() + " BETWEEN " + low.sql() + " AND " + high.sql(),
        concat(v.params(), low.params(), high.params()),
        Type.BOOLEAN);
  }

  private Value inOp(Op op) {
    List<FilterNode> args = op.args();
    arity(op, 2, 2);
    Value v = scalar(args.get(0));
    if (!(args.get(1) instanceof FilterNode.ListOf list)) {
      throw new FilterException(args.get(1).at(), "IN takes a list of values");
    }
    List<Value> items = new ArrayList<>();
    list.items().forEach(i -> items.add(comparable(v, scalar(i), i)));
    Value in = join(", ", items);
    return new Value(
        v.sql() + " IN (" + in.sql() + ")", concat(v.params(), in.params()), Type.BOOLEAN);
  }

  /** Comparisons and the S_ and T_ functions. */
  private Value functionOp(Op op) {
    String name = op.op();
    List<FilterNode> args = op.args();
    if (COMPARISONS.contains(name)) {
      arity(op, 2, 2);
      Value a = scalar(args.get(0));
      Value b = comparable(a, scalar(args.get(1)), args.get(1));
      if (a.type() == Type.BOOLEAN && !name.equals("=") && !name.equals("<>")) {
        throw new FilterException(op.at(), "booleans compare only with = and <>");
      }
      return new Value(
          a.sql() + " " + name + " " + b.sql(), concat(a.params(), b.params()), Type.BOOLEAN);
    }
    if (name.equals(Cql2TextParser.DWITHIN)) {
      return distanceWithin(op);
    }
    if (SPATIAL_SQL.containsKey(name)) {
      arity(op, 2, 2);
      Value a = geometry(args.get(0));
      Value b = geometry(args.get(1));
      return new Value(
          SPATIAL_SQL.get(name) + "(" + a.sql() + ", " + b.sql() + ")",
          concat(a.params(), b.params()),
          Type.BOOLEAN);
    }
    if (Cql2TextParser.TEMPORAL.contains(name)) {
      arity(op, 2, 2);
      return temporal(name, span(args.get(0)), span(args.get(1)));
    }
    throw new FilterException(op.at(), "'" + name + "' is not an operator this server knows");
  }

  /** Metres in one degree of latitude (and of longitude at the equator), rounded down. */
  private static final double METRES_PER_DEGREE = 110_574;

  /** Longest distance S_DWITHIN takes: half the Earth's circumference, beyond which all is near. */
  private static final double MAX_METRES = 20_037_509;

  /**
   * {@code S_DWITHIN(a, b, distance[, units])}: true when a and b are within the distance, measured
   * on the WGS84 spheroid (PostGIS geography), in metres unless the units say kilometers. When one
   * side is a literal, a box around it grown by the distance in degrees is tested first with {@code
   * &&}, so the spatial index picks the candidates and the exact test runs only on them.
   */
  private Value distanceWithin(Op op) {
    arity(op, 3, 4);
    List<FilterNode> args = op.args();
    Value a = geometry(args.get(0));
    Value b = geometry(args.get(1));
    double metres = distance(args.get(2)) * unit(args.size() == 4 ? args.get(3) : null);
    List<Object> params = new ArrayList<>(concat(a.params(), b.params()));
    params.add(metres);
    String exact = "ST_DWithin(" + a.sql() + "::geography, " + b.sql() + "::geography, ?::float8)";
    boolean secondIsLiteral = args.get(1) instanceof FilterNode.GeometryLiteral;
    FilterNode literalNode = secondIsLiteral ? args.get(1) : args.get(0);
    Double degrees =
        literalNode instanceof FilterNode.GeometryLiteral g
            ? degreesCovering(g.geometry().getEnvelopeInternal(), metres)
            : null;
    if (degrees == null) {
      return new Value("(" + exact + ")", params, Type.BOOLEAN);
    }
    Value near = secondIsLiteral ? a : b;
    Value literal = secondIsLiteral ? b : a;
    List<Object> all = new ArrayList<>(concat(near.params(), literal.params()));
    all.add(degrees);
    all.addAll(params);
    return new Value(
        "(" + near.sql() + " && ST_Expand(" + literal.sql() + ", ?::float8) AND " + exact + ")",
        all,
        Type.BOOLEAN);
  }

  /**
   * Degrees of longitude and latitude that certainly cover {@code metres} around {@code e}: a
   * degree of longitude is shortest at the box's latitude farthest from the equator. Null when the
   * grown box would reach a pole or the antimeridian, where a box in degrees no longer bounds the
   * distance.
   */
  private static Double degreesCovering(Envelope e, double metres) {
    double lat =
        Math.max(Math.abs(e.getMinY()), Math.abs(e.getMaxY())) + metres / METRES_PER_DEGREE;
    if (lat >= 89) {
      return null;
    }
    double degrees = metres / (METRES_PER_DEGREE * Math.cos(Math.toRadians(lat)));
    // A box grown across the antimeridian would miss what lies beyond it.
    return e.getMinX() - degrees < -180 || e.getMaxX() + degrees > 180 ? null : degrees;
  }

  private static double distance(FilterNode n) {
    if (n instanceof FilterNode.Literal l && l.value() instanceof BigDecimal d) {
      double v = d.doubleValue();
      if (v >= 0 && v <= MAX_METRES) {
        return v;
      }
      throw new FilterException(
          l.at(), "the distance of S_DWITHIN must be from 0 to " + (long) MAX_METRES + " metres");
    }
    throw new FilterException(n.at(), "the third argument of S_DWITHIN is a distance (a number)");
  }

  /** Metres per unit: S_DWITHIN's fourth argument, meters (the default) or kilometers. */
  private static double unit(FilterNode n) {
    if (n == null) {
      return 1;
    }
    String name =
        n instanceof FilterNode.Property p
            ? p.name()
            : n instanceof FilterNode.Literal l && l.value() instanceof String s ? s : "";
    return switch (name.toLowerCase(java.util.Locale.ROOT)) {
      case "meters", "metres", "m" -> 1;
      case "kilometers", "kilometres", "km" -> 1000;
      default ->
          throw new FilterException(
              n.at(), "the units of S_DWITHIN are meters (the default) or kilometers");
    };
  }

  /** The temporal functions of CQL2 as comparisons of the ends (a = [as, ae], b = [bs, be]). */
  private static Value temporal(String name, Span a, Span b) {
    String expr =
        switch (name) {
          case "t_intersects" -> "%1$s <= %4$s AND %2$s >= %3$s";
          case "t_disjoint" -> "(%1$s > %4$s OR %2$s < %3$s)";
          case "t_before" -> "%2$s < %3$s";
          case "t_after" -> "%1$s > %4$s";
          case "t_equals" -> "%1$s = %3$s AND %2$s = %4$s";
          case "t_during" -> "%1$s > %3$s AND %2$s < %4$s";
          case "t_contains" -> "%1$s < %3$s AND %2$s > %4$s";
          case "t_meets" -> "%2$s = %3$s";
          case "t_metby" -> "%1$s = %4$s";
          case "t_starts" -> "%1$s = %3$s AND %2$s < %4$s";
          case "t_startedby" -> "%1$s = %3$s AND %2$s > %4$s";
          case "t_finishes" -> "%2$s = %4$s AND %1$s > %3$s";
          case "t_finishedby" -> "%2$s = %4$s AND %1$s < %3$s";
          case "t_overlaps" -> "%1$s < %3$s AND %2$s > %3$s AND %2$s < %4$s";
          case "t_overlappedby" -> "%3$s < %1$s AND %4$s > %1$s AND %4$s < %2$s";
          default -> throw new IllegalArgumentException(name);
        };
    Value[] ends = {a.start(), a.end(), b.start(), b.end()};
    // Each %n$s in order of appearance takes its own copy of that end's parameters.
    StringBuilder sql = new StringBuilder("(");
    List<Object> params = new ArrayList<>();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("%(\\d)\\$s").matcher(expr);
    int last = 0;
    while (m.find()) {
      Value end = ends[Integer.parseInt(m.group(1)) - 1];
      sql.append(expr, last, m.start()).append(end.sql());
      params.addAll(end.params());
      last = m.end();
    }
    sql.append(expr.substring(last)).append(")");
    return new Value(sql.toString(), params, Type.BOOLEAN);
  }

  private Span span(FilterNode node) {
    if (node instanceof FilterNode.Interval i) {
      return new Span(intervalEnd(i.start(), true), intervalEnd(i.end(), false));
    }
    if (node instanceof FilterNode.Property p) {
      Queryable q = queryable(p);
      if (q.type() == Type.INTERVAL) {
        return new Span(
            new Value(Queryables.START, List.of(), Type.TIMESTAMP),
            new Value(Queryables.END, List.of(), Type.TIMESTAMP));
      }
      if (q.type() == Type.TIMESTAMP) {
        Value v = new Value(q.sql(), q.params(), Type.TIMESTAMP);
        return new Span(v, v);
      }
      throw new FilterException(
          p.at(),
          "'"
              + p.name()
              + "' is "
              + q.type().words
              + ", not a time; the temporal functions take "
              + timeNames()
              + ", TIMESTAMP, DATE or INTERVAL");
    }
    if (node instanceof FilterNode.Temporal t) {
      Instant[] b = instants(t.kind(), t.text(), t.at());
      return new Span(timestamp(b[0]), timestamp(b[1]));
    }
    throw new FilterException(
        node.at(), "the temporal functions take " + timeNames() + ", TIMESTAMP, DATE or INTERVAL");
  }

  /** One end of INTERVAL(...): '..' (open), a date or timestamp (quoted or not), or a time. */
  private Value intervalEnd(FilterNode node, boolean start) {
    if (node instanceof FilterNode.Literal l && l.value() instanceof String s) {
      if (s.equals("..") || s.isEmpty()) {
        return new Value(start ? OPEN_START : OPEN_END, List.of(), Type.TIMESTAMP);
      }
      Instant[] b = instants(s.length() == 10 ? "date" : "timestamp", s, l.at());
      return timestamp(start ? b[0] : b[1]);
    }
    Span s = span(node);
    return start ? s.start() : s.end();
  }

  private String timeNames() {
    List<String> names = new ArrayList<>();
    queryables
        .all()
        .values()
        .forEach(
            q -> {
              if (q.type() == Type.TIMESTAMP || q.type() == Type.INTERVAL) {
                names.add(q.name());
              }
            });
    return names.isEmpty() ? "(this collection has no time)" : String.join(", ", names);
  }

  private Value geometry(FilterNode node) {
    if (node instanceof FilterNode.GeometryLiteral g) {
      if (g.geometry().isEmpty()) {
        throw new FilterException(g.at(), "the geometry is empty");
      }
      // PostGIS refuses some invalid geometries outright (a ring of three points) and GEOS fails
      // on others (self-intersections) mid-query: both are the client's to fix.
      TopologyValidationError invalid = new IsValidOp(g.geometry()).getValidationError();
      if (invalid != null) {
        throw new FilterException(
            g.at(),
            "the geometry is not valid: "
                + invalid.getMessage().toLowerCase(java.util.Locale.ROOT)
                + " at "
                + invalid.getCoordinate().x
                + " "
                + invalid.getCoordinate().y);
      }
      Envelope e = g.geometry().getEnvelopeInternal();
      if (e.getMinX() < -180 || e.getMaxX() > 180 || e.getMinY() < -90 || e.getMaxY() > 90) {
        throw new FilterException(
            g.at(), "coordinates must be longitude, latitude in [-180, 180] × [-90, 90] (CRS84)");
      }
      return new Value(
          "ST_GeomFromWKB(?, 4326)", List.of(new WKBWriter(2).write(g.geometry())), Type.GEOMETRY);
    }
    if (node instanceof FilterNode.Property p) {
      Queryable q = queryable(p);
      if (q.type() == Type.GEOMETRY) {
        return new Value(q.sql(), q.params(), Type.GEOMETRY);
      }
      throw new FilterException(
          p.at(), "'" + p.name() + "' is " + q.type().words + ", not a geometry");
    }
    throw new FilterException(
        node.at(),
        "the spatial functions take geometry or a geometry literal (POINT(...), BBOX(...))");
  }

  /** A value for comparisons, LIKE, IN, BETWEEN and IS NULL. */
  private Value scalar(FilterNode node) {
    if (node instanceof FilterNode.Property p) {
      Queryable q = queryable(p);
      if (q.type() == Type.INTERVAL) {
        throw new FilterException(
            p.at(), "'" + p.name() + "' is an interval; compare it with the T_ functions");
      }
      return new Value(q.sql(), q.params(), q.type());
    }
    if (node instanceof FilterNode.Literal l) {
      Object v = l.value();
      Type t =
          v instanceof String ? Type.TEXT : v instanceof BigDecimal ? Type.NUMBER : Type.BOOLEAN;
      if (v instanceof String s && s.indexOf('\u0000') >= 0) {
        throw new FilterException(l.at(), "text cannot hold the NUL character");
      }
      return new Value("?", List.of(v), t);
    }
    if (node instanceof FilterNode.Temporal t) {
      Instant[] b = instants(t.kind(), t.text(), t.at());
      // A date keeps its text too, for properties holding dates as YYYY-MM-DD.
      return t.kind().equals("date")
          ? new Value("?", List.of(t.text()), Type.DATE_TEXT)
          : timestamp(b[0]);
    }
    if (node instanceof Op op && op.op().equals("casei")) {
      arity(op, 1, 1);
      Value inner = scalar(op.args().get(0));
      text(inner, op.args().get(0), "CASEI");
      return new Value("lower(" + inner.sql() + ")", inner.params(), Type.TEXT);
    }
    if (node instanceof FilterNode.GeometryLiteral || node instanceof FilterNode.Interval) {
      throw new FilterException(
          node.at(), "geometries and intervals compare only with the S_ and T_ functions");
    }
    throw new FilterException(node.at(), "a condition cannot stand where a value is expected");
  }

  /**
   * {@code b} made comparable with {@code a}: a DATE literal against a timestamp becomes the
   * instant its day starts; otherwise the two must be of one kind.
   */
  private static Value comparable(Value a, Value b, FilterNode bNode) {
    if (a.type() == Type.TIMESTAMP && b.type() == Type.DATE_TEXT && b.sql().equals("?")) {
      String day = (String) b.params().get(0);
      return timestamp(LocalDate.parse(day).atStartOfDay(ZoneOffset.UTC).toInstant());
    }
    if (kind(a.type()).equals(kind(b.type()))) {
      return b;
    }
    throw new FilterException(
        bNode.at(), "cannot compare " + a.type().words + " with " + b.type().words);
  }

  /** Types that compare with one another: text with dates held as text, numbers with numbers. */
  private static String kind(Type t) {
    return switch (t) {
      case TEXT, DATE_TEXT -> "text";
      case NUMBER, INTEGER -> "number";
      default -> t.name();
    };
  }

  private static void text(Value v, FilterNode node, String what) {
    if (!kind(v.type()).equals("text")) {
      throw new FilterException(node.at(), what + " takes text, not " + v.type().words);
    }
  }

  private Queryable queryable(FilterNode.Property p) {
    return queryables
        .get(p.name())
        .orElseThrow(
            () ->
                new FilterException(
                    p.at(),
                    "'"
                        + p.name()
                        + "' is not a queryable of this collection (see its /queryables)"));
  }

  private static Instant[] instants(String kind, String text, String at) {
    try {
      Instant[] b;
      if (kind.equals("date")) {
        Instant start = LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        b = new Instant[] {start, start.plus(1, ChronoUnit.DAYS).minus(1, ChronoUnit.MICROS)};
      } else {
        Instant t = OffsetDateTime.parse(text).toInstant();
        b = new Instant[] {t, t};
      }
      if (b[0].isBefore(EARLIEST) || b[1].isAfter(LATEST)) {
        throw new FilterException(at, "'" + text + "' lies outside the years 0001 to 9999");
      }
      return b;
    } catch (DateTimeException e) {
      throw new FilterException(
          at,
          "'"
              + text
              + "' is not an RFC 3339 "
              + (kind.equals("date") ? "date (2024-02-20)" : "timestamp (2024-02-20T10:00:00Z)"));
    }
  }

  private static Value timestamp(Instant t) {
    return new Value("CAST(? AS timestamptz)", List.of(Timestamp.from(t)), Type.TIMESTAMP);
  }

  private static void arity(Op op, int min, int max) {
    int n = op.args().size();
    if (n < min || n > max) {
      throw new FilterException(
          op.at(),
          "'"
              + op.op()
              + "' takes "
              + (min == max ? min : "at least " + min)
              + " arguments, not "
              + n);
    }
  }

  private static Value join(String separator, List<Value> parts) {
    StringBuilder sql = new StringBuilder();
    List<Object> params = new ArrayList<>();
    for (Value p : parts) {
      if (sql.length() > 0) {
        sql.append(separator);
      }
      sql.append('(').append(p.sql()).append(')');
      params.addAll(p.params());
    }
    return new Value(sql.toString(), params, Type.BOOLEAN);
  }

  @SafeVarargs
  private static List<Object> concat(List<Object>... lists) {
    List<Object> all = new ArrayList<>();
    for (List<Object> l : lists) {
      all.addAll(l);
    }
    return all;
  }
}
