package org.sahelmap.store;

import java.time.Instant;

/**
 * What a collection covers: a CRS84 bounding box (null when empty) and, for collections with time,
 * the earliest start and latest end of its features.
 */
public record Extent(double[] bbox, Instant timeStart, Instant timeEnd, long count) {}
