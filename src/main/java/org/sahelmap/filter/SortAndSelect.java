package org.sahelmap.filter;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.sahelmap.filter.Queryable.Type;
import org.sahelmap.store.ItemQuery;
import org.sahelmap.store.SqlCondition;

/**
 * {@code sortby} ({@code +name,-population}: ascending unless {@code -}) and {@code properties}
 * (the properties to return), each name checked against the collection's {@link Queryables}, as SQL
 * the store puts in its ORDER BY and select list with the keys bound.
 */
public final class SortAndSelect {
  /** Most sort keys and selected properties taken. */
  static final int MAX_NAMES = 50;

  private SortAndSelect() {}

  /**
   * An ORDER BY list; {@code where} names the parameter in refusals. A '+' sent unencoded arrives
   * as a space, which is read as the '+' it was.
   */
  public static SqlCondition sortBy(String raw, Queryables queryables) {
    List<String> parts = names(raw, "sortby");
    StringBuilder sql = new StringBuilder();
    List<Object> params = new ArrayList<>();
    for (String part : parts) {
      boolean descending = part.startsWith("-");
      String name = part.startsWith("-") || part.startsWith("+") ? part.substring(1) : part;
      Queryable q =
          queryables
              .get(name)
              .orElseThrow(
                  () ->
                      new FilterException(
                          "sortby", "'" + name + "' is not a queryable of this collection"));
      if (q.type() == Type.GEOMETRY || q.type() == Type.INTERVAL || q.type() == Type.OTHER) {
        throw new FilterException(
            "sortby", "'" + name + "' is " + q.type().words + " and has no order");
      }
      if (sql.length() > 0) {
        sql.append(", ");
      }
      sql.append(q.sql()).append(descending ? " DESC NULLS LAST" : " ASC NULLS LAST");
      params.addAll(q.params());
    }
    return new SqlCondition(sql.toString(), params);
  }

  /** The property names to return: each must be one of the features' properties. */
  public static List<String> properties(String raw, Queryables queryables) {
    List<String> out = new ArrayList<>();
    for (String name : names(raw, "properties")) {
      Queryable q =
          queryables
              .get(name)
              .orElseThrow(
                  () ->
                      new FilterException(
                          "properties", "'" + name + "' is not a property of this collection"));
      // Properties are the queryables whose SQL reads the jsonb under their own name.
      if (!q.params().contains(name)) {
        throw new FilterException(
            "properties", "'" + name + "' is not one of the features' properties");
      }
      out.add(name);
    }
    return out;
  }

  private static List<String> names(String raw, String parameter) {
    Set<String> names = new LinkedHashSet<>();
    for (String part : raw.split(",", -1)) {
      String p = part.startsWith(" ") ? "+" + part.trim() : part.trim();
      if (p.isEmpty() || p.equals("+") || p.equals("-")) {
        throw new FilterException(parameter, "an empty name in the list");
      }
      if (!names.add(p)) {
        throw new FilterException(parameter, "'" + p + "' is named twice");
      }
    }
    if (names.size() > MAX_NAMES) {
      throw new FilterException(parameter, "more than " + MAX_NAMES + " names");
    }
    return List.copyOf(names);
  }

  /** The query with its output shaped; null arguments keep the default. */
  public static ItemQuery shape(
      ItemQuery query, SqlCondition orderBy, List<String> properties, boolean skipGeometry) {
    if (orderBy == null && properties == null && !skipGeometry) {
      return query;
    }
    return query.withOutput(new ItemQuery.Output(orderBy, properties, skipGeometry, null));
  }
}
