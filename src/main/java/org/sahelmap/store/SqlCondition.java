package org.sahelmap.store;

import java.util.List;

/**
 * A condition on the {@code feature} table made outside the store (a CQL2 filter): SQL text whose
 * every value is a {@code ?} placeholder, with the values to bind in order. Whoever makes one
 * promises the text names only {@code feature}'s columns and constant expressions over them, never
 * anything a client typed.
 */
public record SqlCondition(String sql, List<Object> params) {
  public SqlCondition {
    params = List.copyOf(params);
  }
}
