package org.sahelmap.store;

/**
 * Geometries written in another CRS than the stored CRS84 (OGC API Features Part 2): PostGIS's
 * {@code ST_Transform} to {@code srid}, axes swapped where the CRS puts latitude first (EPSG:4326),
 * with {@code decimals} places (6 for degrees, 2 for metres: a centimetre).
 */
public record Reprojection(int srid, boolean swapAxes, int decimals) {
  /** The SQL of {@code column} reprojected; the SRID is a bound value (added to {@code params}). */
  String sql(String column, java.util.List<Object> params) {
    params.add(srid);
    String moved = "ST_Transform(" + column + ", ?)";
    return "ST_AsGeoJSON("
        + (swapAxes ? "ST_FlipCoordinates(" + moved + ")" : moved)
        + ", "
        + decimals
        + ")";
  }
}
