package org.sahelmap.store;

import java.time.Instant;

/**
 * A page of a collection: an optional CRS84 bbox (minLon, minLat, maxLon, maxLat), an optional time
 * window with inclusive, possibly open ends, and limit/offset. A feature matches the time window
 * when its own span overlaps it, so an event known only to the month matches any window touching
 * that month.
 */
public record ItemQuery(double[] bbox, Instant from, Instant to, long limit, long offset) {

  public static final long UNLIMITED = Long.MAX_VALUE;

  public ItemQuery {
    if (bbox != null && bbox.length != 4) {
      throw new IllegalArgumentException("bbox needs 4 numbers");
    }
    if (limit < 0 || offset < 0) {
      throw new IllegalArgumentException("limit and offset must not be negative");
    }
  }

  public boolean hasTime() {
    return from != null || to != null;
  }
}
