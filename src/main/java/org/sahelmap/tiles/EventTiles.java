package org.sahelmap.tiles;

import java.util.List;

/**
 * How events are drawn into tiles, stated once for the SQL that makes them and the metadata that
 * describes them. A tile with at most {@link #MAX_POINTS} matching events carries each one; a
 * fuller tile carries one cluster per non-empty cell of a {@link #GRID}×{@link #GRID} grid, so a
 * tile stays small whatever the density, and every event is in exactly one tile (its own at that
 * zoom), so counts add up across tiles.
 */
public final class EventTiles {
  public static final int MAX_POINTS = 300;

  /**
   * 4×4 cells of 64 px on a 256 px tile: the page's cluster rings are 22–48 px across, so finer
   * cells (8×8 was tried) put rings on top of each other at every zoom.
   */
  public static final int GRID = 4;

  /**
   * The deepest zoom whose clustered tiles are summed from the per-cell, per-month counts of {@code
   * event_cell} (V50__event_cells.sql, whose grid of 512 cells a side is this zoom's cells: 2^7
   * tiles of {@link #GRID} cells). Deeper tiles hold few enough events to count them.
   */
  public static final int CELL_TABLE_MAX_ZOOM = 7;

  /** Tile coordinate extent and the buffer around it (in those units), as MVT viewers expect. */
  public static final int EXTENT = 4096;

  public static final int BUFFER = 64;

  /** String properties of an event feature (each from the event's own properties). */
  public static final List<String> EVENT_PROPERTIES =
      List.of("id", "title", "category", "start", "end", "date_precision", "place_name");

  /** Property that marks a cluster; per-category counts are {@link #CATEGORY_PREFIX}+category. */
  public static final String COUNT = "count";

  public static final String CATEGORY_PREFIX = "n_";

  /** Double properties of a cluster: the lon/lat bounds of its events. */
  public static final List<String> BOUNDS = List.of("min_lon", "min_lat", "max_lon", "max_lat");

  private EventTiles() {}
}
