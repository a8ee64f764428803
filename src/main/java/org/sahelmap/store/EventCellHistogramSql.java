package org.sahelmap.store;

import java.sql.Timestamp;
import java.util.List;

/**
 * Events per month and category (the histogram, and the event list's exact count) summed from
 * {@code event_cell} where the table can say, counted one by one elsewhere: every matching event is
 * in exactly one of four parts, so the sums are exact.
 *
 * <ul>
 *   <li>whole months of the window, rows whose events all lie inside the bbox (each row keeps the
 *       lon/lat bounds of its events): the table;
 *   <li>events no single month holds (spanning months, undated, not points): one by one;
 *   <li>the window's partial first and last months: one by one, by their month's index;
 *   <li>whole months, rows whose events straddle the bbox's edge: those rows' events, found by
 *       their month, cell and bounds through the month index (index-only), tested one by one.
 * </ul>
 *
 * <p>Only the bbox, the window and the categories can be answered from the table: with a text, a
 * CQL2 filter or a bbox across the antimeridian the events are counted as before. For a point, the
 * items' {@code ST_Intersects} with the bbox is the inclusive lon/lat test used here.
 */
final class EventCellHistogramSql {

  private EventCellHistogramSql() {}

  static boolean answers(ItemQuery q) {
    return q.text() == null && q.filter() == null && !q.crossesAntimeridian();
  }

  /** {@code SELECT m (UTC month start, timestamp), c (category), n} rows, to be summed. */
  static String rows(String layerId, ItemQuery q, List<Object> params) {
    EventCellSql.Months months = EventCellSql.Months.of(q.from(), q.to());
    StringBuilder sql = new StringBuilder(table(layerId, q, months, params));
    sql.append(" UNION ALL ").append(raw(layerId, q, "event_month IS NULL", params));
    if (!months.partial().isEmpty()) {
      sql.append(" UNION ALL ").append(raw(layerId, q, "event_month = ANY(?)", params));
      params.add(months.partial().toArray(Timestamp[]::new));
    }
    if (q.bbox() != null) {
      sql.append(" UNION ALL ").append(straddling(layerId, q, months, params));
    }
    return sql.toString();
  }

  /** The table's rows of the window's whole months, whose events all lie inside the bbox. */
  private static String table(
      String layerId, ItemQuery q, EventCellSql.Months months, List<Object> p) {
    StringBuilder sql =
        new StringBuilder(
            "SELECT timezone('UTC', month) AS m, category AS c, n FROM event_cell e"
                + " WHERE layer_id = ?");
    p.add(layerId);
    if (q.bbox() != null) {
      sql.append(" AND min_lon >= ? AND max_lon <= ? AND min_lat >= ? AND max_lat <= ?");
      p.addAll(List.of(q.bbox()[0], q.bbox()[2], q.bbox()[1], q.bbox()[3]));
    }
    wholeMonthsAndCategories(sql, q, months, p);
    return sql.toString();
  }

  /**
   * Matching events picked by {@code which}; its own parameter, if any, is added by the caller
   * right after, as it comes last in the text.
   */
  private static String raw(String layerId, ItemQuery q, String which, List<Object> params) {
    return "SELECT date_trunc('month', t_start AT TIME ZONE 'UTC') AS m, category AS c, 1 AS n"
        + " FROM feature WHERE "
        + PostgisFeatureStore.where(layerId, q.page(ItemQuery.UNLIMITED, 0), params)
        + " AND "
        + which;
  }

  /**
   * The events inside the bbox of the table's rows that are partly inside it: each row's events are
   * its month's, in its cell and within its bounds.
   */
  private static String straddling(
      String layerId, ItemQuery q, EventCellSql.Months months, List<Object> p) {
    double[] b = q.bbox();
    StringBuilder rows =
        new StringBuilder(
            "SELECT layer_id, cell_x, cell_y, month, category, min_lon, max_lon, min_lat, max_lat"
                + " FROM event_cell e WHERE layer_id = ? AND min_lon <= ? AND max_lon >= ?"
                + " AND min_lat <= ? AND max_lat >= ?"
                + " AND NOT (min_lon >= ? AND max_lon <= ? AND min_lat >= ? AND max_lat <= ?)");
    p.add(layerId);
    p.addAll(List.of(b[2], b[0], b[3], b[1], b[0], b[2], b[1], b[3]));
    wholeMonthsAndCategories(rows, q, months, p);
    p.addAll(List.of(b[0], b[2], b[1], b[3]));
    // A lateral subquery fenced by OFFSET 0: one index range per row. As a plain join the
    // planner, guessing ten times the rows, merged against every event of the bbox instead.
    return "SELECT timezone('UTC', s.month) AS m, s.category AS c, f.n FROM ("
        + rows
        + ") s CROSS JOIN LATERAL (SELECT count(*) AS n FROM feature f"
        + " WHERE f.layer_id = s.layer_id AND f.event_month = s.month"
        + " AND f.point_lon BETWEEN s.min_lon AND s.max_lon"
        + " AND f.point_lat BETWEEN s.min_lat AND s.max_lat"
        + " AND f.category IS NOT DISTINCT FROM s.category"
        + " AND event_cell_x(f.point_lon) = s.cell_x AND event_cell_y(f.point_lat) = s.cell_y"
        + " AND f.point_lon BETWEEN ? AND ? AND f.point_lat BETWEEN ? AND ? HAVING count(*) > 0 OFFSET 0) f";
  }

  private static void wholeMonthsAndCategories(
      StringBuilder sql, ItemQuery q, EventCellSql.Months months, List<Object> p) {
    if (months.firstWhole() != null) {
      sql.append(" AND month >= ?");
      p.add(months.firstWhole());
    }
    if (months.afterWhole() != null) {
      sql.append(" AND month < ?");
      p.add(months.afterWhole());
    }
    if (!q.categories().isEmpty()) {
      sql.append(" AND category = ANY(?)");
      p.add(q.categories().stream().sorted().toArray(String[]::new));
    }
  }
}
