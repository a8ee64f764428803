package org.sahelmap.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.sahelmap.events.Event;
import org.sahelmap.tiles.EventTiles;
import org.sahelmap.tiles.TileCoord;

/**
 * The grid cells of a clustered event tile at zoom {@link EventTiles#CELL_TABLE_MAX_ZOOM} or less,
 * summed from the {@code event_cell} counts (V50) instead of counted from the events: the months
 * wholly inside the time window come from the table; the window's partial first and last months,
 * and the events no single month holds, are read one by one from their own indexes and added. The
 * result has the columns of {@link PostgisTileStore}'s cells (cx, cy, n, ax, ay, one count per
 * category, the lon/lat bounds), so the rest of the tile's SQL is the same either way.
 *
 * <p>Only the time window and the categories can be answered from the table; a tile with a text
 * search counts its events.
 */
final class EventCellSql {

  /** The zoom of the table's cells: the cells of a clustered tile at the deepest zoom it serves. */
  static final int CELL_ZOOM =
      EventTiles.CELL_TABLE_MAX_ZOOM + Integer.numberOfTrailingZeros(EventTiles.GRID);

  private EventCellSql() {}

  static boolean answers(TileCoord t, ItemQuery filters) {
    return t.z() <= EventTiles.CELL_TABLE_MAX_ZOOM && filters.text() == null;
  }

  /** {@code SELECT cx, cy, n, ax, ay, n_<category>…, min_lon…} of the tile's non-empty cells. */
  static String cells(String layerId, TileCoord t, ItemQuery filters, List<Object> params) {
    int shift = CELL_ZOOM - t.z() - Integer.numberOfTrailingZeros(EventTiles.GRID);
    int perTile = 1 << (CELL_ZOOM - t.z());
    Months months = Months.of(filters.from(), filters.to());
    StringBuilder rows = new StringBuilder();
    rows.append(counted(layerId, t, perTile, months, filters, params));
    rows.append(" UNION ALL ")
        .append(raw(layerId, t, "event_month IS NULL", null, filters, params));
    if (!months.partial().isEmpty()) {
      Timestamp[] partial = months.partial().toArray(Timestamp[]::new);
      rows.append(" UNION ALL ")
          .append(raw(layerId, t, "event_month = ANY(?)", partial, filters, params));
    }
    // The raw rows were found by the tile's box; only the cells of this tile count (a cell lies
    // in exactly one tile, so counts add up across tiles).
    params.add(t.x() * perTile);
    params.add(t.x() * perTile + perTile - 1);
    params.add(t.y() * perTile);
    params.add(t.y() * perTile + perTile - 1);
    return "SELECT cell_x >> "
        + shift
        + " AS cx, cell_y >> "
        + shift
        + " AS cy, "
        + sums()
        + " FROM ("
        + rows
        + ") r WHERE cell_x BETWEEN ? AND ? AND cell_y BETWEEN ? AND ? GROUP BY 1, 2";
  }

  /** The table's rows for the tile's cells and the window's whole months. */
  private static String counted(
      String layerId,
      TileCoord t,
      int perTile,
      Months months,
      ItemQuery filters,
      List<Object> params) {
    StringBuilder sql =
        new StringBuilder(
            "SELECT cell_x, cell_y, category, n, sum_mx, sum_my, min_lon, min_lat, max_lon,"
                + " max_lat FROM event_cell WHERE layer_id = ? AND cell_x BETWEEN ? AND ?"
                + " AND cell_y BETWEEN ? AND ?");
    params.add(layerId);
    params.add(t.x() * perTile);
    params.add(t.x() * perTile + perTile - 1);
    params.add(t.y() * perTile);
    params.add(t.y() * perTile + perTile - 1);
    if (months.firstWhole() != null) {
      sql.append(" AND month >= ?");
      params.add(months.firstWhole());
    }
    if (months.afterWhole() != null) {
      sql.append(" AND month < ?");
      params.add(months.afterWhole());
    }
    categories(sql, filters, params);
    return sql.toString();
  }

  /**
   * Events of the tile's buffered box that the table does not hold for this window, one a row:
   * those picked by {@code which} (a condition with at most one parameter, {@code whichParam}).
   */
  private static String raw(
      String layerId,
      TileCoord t,
      String which,
      Object whichParam,
      ItemQuery filters,
      List<Object> params) {
    params.add(layerId);
    StringBuilder sql =
        new StringBuilder(
            "SELECT event_cell_x(point_lon) AS cell_x, event_cell_y(point_lat) AS cell_y,"
                + " category, 1::bigint AS n, mercator_x(point_lon) AS sum_mx,"
                + " mercator_y(point_lat) AS sum_my, point_lon AS min_lon, point_lat AS min_lat,"
                + " point_lon AS max_lon, point_lat AS max_lat FROM feature WHERE layer_id = ?"
                + " AND point_lon IS NOT NULL AND ");
    sql.append(which);
    if (whichParam != null) {
      params.add(whichParam);
    }
    sql.append(PostgisFeatureStore.timeWindow("", filters.from(), filters.to(), params));
    categories(sql, filters, params);
    double[] box = t.lonLatBounds((double) EventTiles.BUFFER / EventTiles.EXTENT);
    sql.append(" AND point_lon BETWEEN ? AND ? AND point_lat BETWEEN ? AND ?");
    params.addAll(List.of(box[0], box[2], box[1], box[3]));
    return sql.toString();
  }

  private static void categories(StringBuilder sql, ItemQuery filters, List<Object> params) {
    if (!filters.categories().isEmpty()) {
      sql.append(" AND category = ANY(?)");
      params.add(filters.categories().stream().sorted().toArray(String[]::new));
    }
  }

  /** The cluster columns, as sums of the rows' counts and coordinate sums. */
  private static String sums() {
    StringBuilder cols =
        new StringBuilder(
            "sum(n)::bigint AS n, sum(sum_mx) / sum(n) AS ax, sum(sum_my) / sum(n) AS ay");
    for (String category : Event.CATEGORIES.stream().sorted().toList()) {
      cols.append(", nullif(sum(n) FILTER (WHERE category = '")
          .append(category)
          .append("'), 0)::bigint AS ")
          .append(EventTiles.CATEGORY_PREFIX + category);
    }
    cols.append(", min(min_lon) AS min_lon, min(min_lat) AS min_lat")
        .append(", max(max_lon) AS max_lon, max(max_lat) AS max_lat");
    return cols.toString();
  }

  /**
   * A time window cut into UTC months: those wholly inside it ({@code firstWhole} inclusive to
   * {@code afterWhole} exclusive, null for no bound), which the table answers, and the partial ones
   * at its ends, whose events are tested one by one. A window bound is inclusive (an event starting
   * at {@code to} is in it), so the month {@code to} falls in is always partial.
   */
  record Months(Timestamp firstWhole, Timestamp afterWhole, List<Timestamp> partial) {

    /** The first month the window touches (null when it has no start). */
    Timestamp firstMonth() {
      if (firstWhole == null) {
        return null;
      }
      return partial.isEmpty() || partial.get(0).after(firstWhole) ? firstWhole : partial.get(0);
    }

    /** The last month the window touches (null when it has no end): the one its end falls in. */
    Timestamp lastMonth() {
      return afterWhole;
    }

    static Months of(Instant from, Instant to) {
      List<Timestamp> partial = new ArrayList<>();
      Timestamp firstWhole = null;
      if (from != null) {
        Instant start = monthStart(from);
        if (start.equals(from)) {
          firstWhole = Timestamp.from(start);
        } else {
          partial.add(Timestamp.from(start));
          firstWhole = Timestamp.from(next(start));
        }
      }
      Timestamp afterWhole = null;
      if (to != null) {
        Instant start = monthStart(to);
        afterWhole = Timestamp.from(start);
        if (partial.isEmpty() || !partial.get(0).toInstant().equals(start)) {
          partial.add(Timestamp.from(start));
        }
      }
      return new Months(firstWhole, afterWhole, List.copyOf(partial));
    }

    private static Instant monthStart(Instant t) {
      return YearMonth.from(t.atOffset(ZoneOffset.UTC))
          .atDay(1)
          .atStartOfDay(ZoneOffset.UTC)
          .toInstant();
    }

    private static Instant next(Instant monthStart) {
      return monthStart.atOffset(ZoneOffset.UTC).plusMonths(1).toInstant();
    }
  }
}
