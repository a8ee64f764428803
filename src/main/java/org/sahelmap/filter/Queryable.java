package org.sahelmap.filter;

import java.util.List;

/**
 * One name a filter may use: its type and the SQL it stands for over the {@code feature} table. The
 * SQL is this package's own text; a property's key is a bound value in it ({@code params}), never
 * spliced in, so even a property named {@code x'); DROP ...} is only ever a string.
 */
public record Queryable(String name, Type type, String sql, List<Object> params, String title) {
  public enum Type {
    TEXT("text"),
    DATE_TEXT("date"),
    NUMBER("number"),
    INTEGER("number"),
    BOOLEAN("boolean"),
    TIMESTAMP("timestamp"),
    INTERVAL("interval"),
    GEOMETRY("geometry"),
    OTHER("array or object");

    final String words;

    Type(String words) {
      this.words = words;
    }
  }

  public Queryable {
    params = List.copyOf(params);
  }
}
