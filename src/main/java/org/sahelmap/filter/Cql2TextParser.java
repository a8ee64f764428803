package org.sahelmap.filter;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.sahelmap.filter.Cql2Lexer.Kind;
import org.sahelmap.filter.Cql2Lexer.Token;
import org.sahelmap.filter.FilterNode.Op;

/**
 * CQL2 text (OGC 21-065r2) to a {@link FilterNode} tree, by recursive descent over the standard's
 * grammar: Basic CQL2 (comparisons, AND/OR/NOT, LIKE, IN, BETWEEN, IS NULL, booleans), CASEI, the
 * spatial functions over WKT and BBOX literals (read by JTS) and the temporal functions over DATE,
 * TIMESTAMP and INTERVAL. Arithmetic and other functions are refused by name. Keywords ignore case.
 */
public final class Cql2TextParser {
  static final Set<String> SPATIAL =
      Set.of(
          "s_intersects",
          "s_equals",
          "s_disjoint",
          "s_touches",
          "s_within",
          "s_overlaps",
          "s_crosses",
          "s_contains");

  /** The distance test of the CQL2 drafts (and of ECQL's DWITHIN), with its distance in metres. */
  static final String DWITHIN = "s_dwithin";

  static final Set<String> TEMPORAL =
      Set.of(
          "t_after",
          "t_before",
          "t_contains",
          "t_disjoint",
          "t_during",
          "t_equals",
          "t_finishedby",
          "t_finishes",
          "t_intersects",
          "t_meets",
          "t_metby",
          "t_overlappedby",
          "t_overlaps",
          "t_startedby",
          "t_starts");
  private static final Set<String> WKT_TYPES =
      Set.of(
          "point",
          "linestring",
          "polygon",
          "multipoint",
          "multilinestring",
          "multipolygon",
          "geometrycollection");
  private static final Set<String> RESERVED =
      Set.of("and", "or", "not", "like", "between", "in", "is", "null");

  /** Longest filter read: a filter is a query, not a data upload. */
  public static final int MAX_LENGTH = 20_000;

  /** Deepest nesting accepted, so a hostile filter cannot exhaust the stack. */
  static final int MAX_DEPTH = 100;

  private final Cql2Lexer lex;
  private final GeometryFactory geometries = new GeometryFactory();
  private int depth;

  private Cql2TextParser(String text) {
    this.lex = new Cql2Lexer(text);
  }

  public static FilterNode parse(String text) {
    if (text.length() > MAX_LENGTH) {
      throw new FilterException("character 1", "longer than " + MAX_LENGTH + " characters");
    }
    if (text.isBlank()) {
      throw new FilterException("character 1", "the filter is empty");
    }
    Cql2TextParser p = new Cql2TextParser(text);
    FilterNode node = p.orExpression();
    Token end = p.lex.peek();
    if (end.kind() != Kind.END) {
      throw p.unexpected(end, "AND, OR or the end of the filter");
    }
    return node;
  }

  private FilterNode orExpression() {
    if (++depth > MAX_DEPTH) {
      throw new FilterException(
          Cql2Lexer.at(lex.peek().start()), "nested more than " + MAX_DEPTH + " deep");
    }
    Token first = lex.peek();
    List<FilterNode> terms = new ArrayList<>(List.of(andExpression()));
    while (lex.peek().is("or")) {
      lex.next();
      terms.add(andExpression());
    }
    depth--;
    return terms.size() == 1 ? terms.get(0) : new Op("or", terms, Cql2Lexer.at(first.start()));
  }

  private FilterNode andExpression() {
    Token first = lex.peek();
    List<FilterNode> factors = new ArrayList<>(List.of(notExpression()));
    while (lex.peek().is("and")) {
      lex.next();
      factors.add(notExpression());
    }
    return factors.size() == 1
        ? factors.get(0)
        : new Op("and", factors, Cql2Lexer.at(first.start()));
  }

  private FilterNode notExpression() {
    Token t = lex.peek();
    if (t.is("not")) {
      lex.next();
      if (++depth > MAX_DEPTH) {
        throw new FilterException(
            Cql2Lexer.at(t.start()), "nested more than " + MAX_DEPTH + " deep");
      }
      FilterNode inner = notExpression();
      depth--;
      return new Op("not", List.of(inner), Cql2Lexer.at(t.start()));
    }
    return primary();
  }

  private FilterNode primary() {
    Token t = lex.peek();
    if (t.kind() == Kind.LEFT) {
      lex.next();
      FilterNode inner = orExpression();
      expect(Kind.RIGHT, "')' to close the '(' at " + Cql2Lexer.at(t.start()));
      return inner;
    }
    if (t.kind() == Kind.NAME) {
      String name = t.text().toLowerCase(Locale.ROOT);
      if (name.equals(DWITHIN)) {
        return distanceWithin(t);
      }
      if (SPATIAL.contains(name) || TEMPORAL.contains(name)) {
        lex.next();
        expect(Kind.LEFT, "'(' after " + t.text());
        FilterNode a = scalar();
        expect(Kind.COMMA, "',' between the two arguments of " + t.text());
        FilterNode b = scalar();
        expect(Kind.RIGHT, "')' after the two arguments of " + t.text());
        return new Op(name, List.of(a, b), Cql2Lexer.at(t.start()));
      }
    }
    FilterNode left = scalar();
    return predicateTail(left);
  }

  /**
   * {@code S_DWITHIN(a, b, distance[, units])}: two geometries, a number and, optionally, the unit
   * as a name ({@code meters} or {@code kilometers}); {@link FilterSql} checks the kinds.
   */
  private FilterNode distanceWithin(Token t) {
    lex.next();
    expect(Kind.LEFT, "'(' after " + t.text());
    List<FilterNode> args = new ArrayList<>();
    args.add(scalar());
    while (lex.peek().kind() == Kind.COMMA && args.size() < 4) {
      lex.next();
      args.add(scalar());
    }
    expect(Kind.RIGHT, "')' after the arguments of " + t.text() + " (a, b, distance[, units])");
    return new Op(DWITHIN, args, Cql2Lexer.at(t.start()));
  }

  /** What follows a scalar on the left: a comparison, [NOT] LIKE/BETWEEN/IN, IS [NOT] NULL. */
  private FilterNode predicateTail(FilterNode left) {
    Token t = lex.peek();
    String at = left.at();
    if (t.kind() == Kind.OPERATOR) {
      lex.next();
      return new Op(t.text(), List.of(left, scalar()), Cql2Lexer.at(t.start()));
    }
    if (t.is("is")) {
      lex.next();
      boolean not = lex.peek().is("not");
      if (not) {
        lex.next();
      }
      Token n = lex.next();
      if (!n.is("null")) {
        throw unexpected(n, "NULL after IS");
      }
      return negate(not, new Op("isNull", List.of(left), at), at);
    }
    boolean not = t.is("not");
    if (not) {
      lex.next();
      t = lex.peek();
    }
    if (t.is("like")) {
      lex.next();
      return negate(not, new Op("like", List.of(left, scalar()), at), at);
    }
    if (t.is("between")) {
      lex.next();
      FilterNode low = scalar();
      Token and = lex.next();
      if (!and.is("and")) {
        throw unexpected(and, "AND between the two bounds of BETWEEN");
      }
      return negate(not, new Op("between", List.of(left, low, scalar()), at), at);
    }
    if (t.is("in")) {
      Token in = lex.next();
      expect(Kind.LEFT, "'(' after IN");
      List<FilterNode> items = new ArrayList<>(List.of(scalar()));
      while (lex.peek().kind() == Kind.COMMA) {
        lex.next();
        items.add(scalar());
      }
      expect(Kind.RIGHT, "',' or ')' in the list after IN");
      FilterNode list = new FilterNode.ListOf(items, Cql2Lexer.at(in.start()));
      return negate(not, new Op("in", List.of(left, list), at), at);
    }
    if (not) {
      throw unexpected(t, "LIKE, BETWEEN or IN after NOT");
    }
    if (left instanceof FilterNode.Literal l && l.value() instanceof Boolean
        || left instanceof FilterNode.Property) {
      return left; // TRUE, FALSE or a boolean property standing as a predicate
    }
    throw unexpected(t, "a comparison (=, <>, <, <=, >, >=), LIKE, BETWEEN, IN or IS NULL");
  }

  private static FilterNode negate(boolean not, FilterNode node, String at) {
    return not ? new Op("not", List.of(node), at) : node;
  }

  /** A value: literal, property, DATE/TIMESTAMP/INTERVAL, CASEI(...), a geometry. */
  private FilterNode scalar() {
    Token t = lex.next();
    String at = Cql2Lexer.at(t.start());
    switch (t.kind()) {
      case STRING:
        return new FilterNode.Literal(t.text(), at);
      case NUMBER:
        return number(t.text(), at, false);
      case MINUS:
        {
          Token n = lex.next();
          if (n.kind() != Kind.NUMBER) {
            throw unexpected(n, "a number after '-' (arithmetic is not supported)");
          }
          return number(n.text(), at, true);
        }
      case QUOTED_NAME:
        return new FilterNode.Property(t.text(), at);
      case NAME:
        return named(t, at);
      default:
        throw unexpected(t, "a property name or a value");
    }
  }

  private FilterNode named(Token t, String at) {
    String name = t.text().toLowerCase(Locale.ROOT);
    if (name.equals("true") || name.equals("false")) {
      return new FilterNode.Literal(name.equals("true"), at);
    }
    if (RESERVED.contains(name)) {
      throw unexpected(t, "a property name or a value");
    }
    if (WKT_TYPES.contains(name)) {
      return wkt(t, at);
    }
    if (lex.peek().kind() != Kind.LEFT) {
      return new FilterNode.Property(t.text(), at);
    }
    switch (name) {
      case "date", "timestamp" -> {
        lex.next();
        Token s = lex.next();
        if (s.kind() != Kind.STRING) {
          throw unexpected(s, "a quoted " + name + " such as '2024-02-20'");
        }
        expect(Kind.RIGHT, "')' after the " + name);
        return new FilterNode.Temporal(name, s.text(), at);
      }
      case "interval" -> {
        lex.next();
        FilterNode start = scalar();
        expect(Kind.COMMA, "',' between the two ends of INTERVAL");
        FilterNode end = scalar();
        expect(Kind.RIGHT, "')' after the two ends of INTERVAL");
        return new FilterNode.Interval(start, end, at);
      }
      case "casei" -> {
        lex.next();
        FilterNode inner = scalar();
        expect(Kind.RIGHT, "')' after the argument of CASEI");
        return new Op("casei", List.of(inner), at);
      }
      case "bbox" -> {
        lex.next();
        List<Double> n = new ArrayList<>();
        do {
          FilterNode v = scalar();
          if (!(v instanceof FilterNode.Literal l && l.value() instanceof BigDecimal d)) {
            throw new FilterException(v.at(), "BBOX takes numbers only");
          }
          n.add(d.doubleValue());
        } while (lex.peek().kind() == Kind.COMMA && lex.next() != null);
        expect(Kind.RIGHT, "')' after the numbers of BBOX");
        if (n.size() != 4 && n.size() != 6) {
          throw new FilterException(at, "BBOX takes 4 or 6 numbers, not " + n.size());
        }
        int half = n.size() / 2;
        Envelope e = new Envelope(n.get(0), n.get(half), n.get(1), n.get(half + 1));
        return new FilterNode.GeometryLiteral(geometries.toGeometry(e), at);
      }
      default ->
          throw new FilterException(
              at,
              "'"
                  + t.text()
                  + "' is not a function this server knows (CASEI, DATE, TIMESTAMP, INTERVAL,"
                  + " BBOX, the S_ and T_ functions)");
    }
  }

  private FilterNode number(String text, String at, boolean negative) {
    try {
      BigDecimal v = new BigDecimal(text);
      return new FilterNode.Literal(negative ? v.negate() : v, at);
    } catch (NumberFormatException e) {
      throw new FilterException(at, "'" + text + "' is not a number");
    }
  }

  /** A WKT geometry: the text up to the parenthesis closing its first one, read by JTS. */
  private FilterNode wkt(Token keyword, String at) {
    String text = lex.text;
    int open = text.indexOf('(', keyword.start());
    if (open < 0 || !text.substring(keyword.start() + keyword.text().length(), open).isBlank()) {
      throw new FilterException(
          at, "a " + keyword.text().toUpperCase(Locale.ROOT) + " needs its coordinates in ( )");
    }
    int level = 0;
    int end = open;
    for (; end < text.length(); end++) {
      char c = text.charAt(end);
      if (c == '(') {
        level++;
      } else if (c == ')' && --level == 0) {
        break;
      }
    }
    if (level != 0) {
      throw new FilterException(at, "the parentheses of this geometry are never closed");
    }
    try {
      FilterNode g =
          new FilterNode.GeometryLiteral(
              new WKTReader(geometries).read(text.substring(keyword.start(), end + 1)), at);
      lex.seek(end + 1);
      return g;
    } catch (ParseException | IllegalArgumentException e) {
      throw new FilterException(at, "not a valid WKT geometry (" + wktReason(e) + ")");
    }
  }

  /** JTS's message without its class names. */
  private static String wktReason(Exception e) {
    String m = e.getMessage() == null ? "malformed" : e.getMessage();
    return m.replaceAll("[A-Za-z]+Exception:?", "").trim();
  }

  private void expect(Kind kind, String what) {
    Token t = lex.next();
    if (t.kind() != kind) {
      throw unexpected(t, what);
    }
  }

  private FilterException unexpected(Token t, String expected) {
    String found = t.kind() == Kind.END ? "the end of the filter" : "'" + t.text() + "'";
    return new FilterException(
        Cql2Lexer.at(t.start()), "expected " + expected + ", found " + found);
  }
}
