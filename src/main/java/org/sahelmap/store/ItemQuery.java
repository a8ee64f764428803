package org.sahelmap.store;

import java.time.Instant;
import java.util.Set;

/**
 * A page of a collection: an optional CRS84 bbox (minLon, minLat, maxLon, maxLat), an optional time
 * window with inclusive, possibly open ends, and limit/offset. A feature matches the time window
 * when its own span overlaps it, so an event known only to the month matches any window touching
 * that month. Events also filter on {@code categories} (any of them; empty: all) and {@code text}
 * (a case-insensitive substring of title, summary, place name or actors; null: no text filter).
 * {@code filter} is a further condition (a CQL2 {@code filter} made into SQL), or null. A bbox
 * whose minimum longitude is greater than its maximum crosses the antimeridian.
 */
public record ItemQuery(
    double[] bbox,
    Instant from,
    Instant to,
    long limit,
    long offset,
    Set<String> categories,
    String text,
    SqlCondition filter,
    Output output) {

  /**
   * How matches are returned, beyond the default (seq order, every property, the geometry): an
   * ORDER BY list (each key bound), the property names to keep, or no geometry. Null: the default.
   */
  public record Output(
      SqlCondition orderBy,
      java.util.List<String> properties,
      boolean skipGeometry,
      Reprojection crs) {
    public Output {
      properties = properties == null ? null : java.util.List.copyOf(properties);
    }
  }

  public static final long UNLIMITED = Long.MAX_VALUE;

  public ItemQuery {
    if (bbox != null && bbox.length != 4) {
      throw new IllegalArgumentException("bbox needs 4 numbers");
    }
    if (limit < 0 || offset < 0) {
      throw new IllegalArgumentException("limit and offset must not be negative");
    }
    categories = categories == null ? Set.of() : Set.copyOf(categories);
    text = text == null || text.isBlank() ? null : text;
  }

  /** A query without category or text filters. */
  public ItemQuery(double[] bbox, Instant from, Instant to, long limit, long offset) {
    this(bbox, from, to, limit, offset, Set.of(), null, null, null);
  }

  /** A query without a CQL2 filter. */
  public ItemQuery(
      double[] bbox,
      Instant from,
      Instant to,
      long limit,
      long offset,
      Set<String> categories,
      String text) {
    this(bbox, from, to, limit, offset, categories, text, null, null);
  }

  /**
   * The box crosses the antimeridian (Part 1): it runs east from minLon to 180, then on from -180.
   */
  public boolean crossesAntimeridian() {
    return bbox != null && bbox[0] > bbox[2];
  }

  /** The same query with a further condition. */
  public ItemQuery withFilter(SqlCondition condition) {
    return new ItemQuery(bbox, from, to, limit, offset, categories, text, condition, output);
  }

  /** The same query returned another way. */
  public ItemQuery withOutput(Output shape) {
    return new ItemQuery(bbox, from, to, limit, offset, categories, text, filter, shape);
  }

  public boolean hasTime() {
    return from != null || to != null;
  }

  /** The same filters with another limit and offset. */
  public ItemQuery page(long newLimit, long newOffset) {
    return new ItemQuery(bbox, from, to, newLimit, newOffset, categories, text, filter, output);
  }

  /** The same query without its time window. */
  public ItemQuery withoutTime() {
    return new ItemQuery(bbox, null, null, limit, offset, categories, text, filter, output);
  }
}
