package org.sahelmap.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Events per month of their start (UTC) and per category, for the filters items take, in one
 * aggregate. The filter is {@link PostgisFeatureStore#where}'s, so {@code total} is exactly the
 * items' numberMatched for the same query.
 */
public final class EventHistogram {

  /** One month, {@code yyyy-MM}, and how many matching events start in it. */
  public record Month(String month, long count) {}

  /** Months in order (only non-empty ones), and counts per category present. */
  public record Counts(long total, List<Month> months, Map<String, Long> categories) {}

  private final DataSource dataSource;

  public EventHistogram(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * From the per-cell, per-month counts where they can answer ({@link EventCellHistogramSql});
   * otherwise grouped by month and category at once: one pass gives both marginals. date_trunc on
   * the UTC timestamp (not to_char per row) keeps the grouping key cheap; months are formatted
   * after. Without bbox or q, everything it reads is in feature_points_idx (an index-only scan).
   * Package-private so a test can EXPLAIN exactly what runs.
   */
  static String sql(String layerId, ItemQuery query, List<Object> params) {
    if (EventCellHistogramSql.answers(query)) {
      return "SELECT to_char(m, 'YYYY-MM'), c, sum(n)::bigint FROM ("
          + EventCellHistogramSql.rows(layerId, query, params)
          + ") r GROUP BY m, c ORDER BY m";
    }
    return counted(layerId, query, params);
  }

  /** The same rows counted from the events alone, whatever the query. */
  static String counted(String layerId, ItemQuery query, List<Object> params) {
    return "SELECT to_char(m, 'YYYY-MM'), c, n FROM (SELECT date_trunc('month', t_start AT TIME"
        + " ZONE 'UTC') AS m, category AS c, count(*) AS n FROM feature WHERE "
        + PostgisFeatureStore.where(layerId, query.page(ItemQuery.UNLIMITED, 0), params)
        + " GROUP BY 1, 2) g ORDER BY m";
  }

  public Counts counts(String layerId, ItemQuery query) {
    List<Object> params = new ArrayList<>();
    String sql = sql(layerId, query, params);
    Map<String, Long> months = new TreeMap<>();
    Map<String, Long> categories = new TreeMap<>();
    long total = 0;
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.size(); i++) {
        ps.setObject(i + 1, params.get(i));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String month = rs.getString(1);
          String category = rs.getString(2);
          long n = rs.getLong(3);
          // Events always have a start; a row without one would have no month to count in.
          if (month == null) {
            continue;
          }
          months.merge(month, n, Long::sum);
          if (category != null) {
            categories.merge(category, n, Long::sum);
          }
          total += n;
        }
      }
    } catch (SQLException e) {
      throw new StoreException("counting events of " + layerId + " per month", e);
    }
    List<Month> out = new ArrayList<>();
    months.forEach((m, n) -> out.add(new Month(m, n)));
    return new Counts(total, out, categories);
  }
}
