package org.sahelmap.tiles;

/**
 * One tile of {@link WebMercatorQuad}: zoom {@code z}, column {@code x} from the west, row {@code
 * y} from the north (the XYZ scheme Leaflet asks for; OGC's tileRow and tileCol).
 */
public record TileCoord(int z, int x, int y) {

  public TileCoord {
    if (!inMatrix(z, x, y)) {
      throw new IllegalArgumentException("no tile " + z + "/" + y + "/" + x);
    }
  }

  /** Whether the tile lies within the tile matrix set limits we serve. */
  public static boolean inMatrix(long z, long x, long y) {
    if (z < 0 || z > WebMercatorQuad.MAX_SERVED_ZOOM) {
      return false;
    }
    long n = 1L << z;
    return x >= 0 && x < n && y >= 0 && y < n;
  }

  /**
   * The tile grown by {@code margin} (a fraction of its width) on each side, cut to the projected
   * world, as lon/lat {minLon, minLat, maxLon, maxLat}. Cutting matters: a margin past the
   * antimeridian would wrap round to the far side of the world when transformed.
   */
  public double[] lonLatBounds(double margin) {
    double size = size();
    double o = WebMercatorQuad.ORIGIN;
    double minX = Math.max(-o, -o + (x - margin) * size);
    double maxX = Math.min(o, -o + (x + 1 + margin) * size);
    double maxY = Math.min(o, o - (y - margin) * size);
    double minY = Math.max(-o, o - (y + 1 + margin) * size);
    return new double[] {lon(minX), lat(minY), lon(maxX), lat(maxY)};
  }

  private static double lon(double mx) {
    return mx / WebMercatorQuad.ORIGIN * 180;
  }

  private static double lat(double my) {
    return Math.toDegrees(Math.atan(Math.sinh(my / WebMercatorQuad.ORIGIN * Math.PI)));
  }

  /** Width and height of the tile in EPSG:3857 metres. */
  public double size() {
    return WebMercatorQuad.WORLD_WIDTH / (1L << z);
  }
}
