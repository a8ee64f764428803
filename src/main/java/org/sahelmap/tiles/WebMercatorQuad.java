package org.sahelmap.tiles;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OGC WebMercatorQuad tile matrix set (OGC 17-083r4, Two Dimensional Tile Matrix Set 2.0, annex
 * D.1), computed from its constants rather than pasted: EPSG:3857, origin top left, 256×256 tiles,
 * one tile at level 0 and each level doubling the last.
 */
public final class WebMercatorQuad {
  public static final String ID = "WebMercatorQuad";
  public static final String URI =
      "http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad";
  public static final String CRS = "http://www.opengis.net/def/crs/EPSG/0/3857";

  /** The sphere Web Mercator projects from: the WGS84 semi-major axis, in metres. */
  public static final double RADIUS = 6378137.0;

  /** Half the width of the projected world, in metres. */
  public static final double ORIGIN = Math.PI * RADIUS;

  public static final double WORLD_WIDTH = 2 * ORIGIN;

  /** The latitude of the square world's edges (where y reaches ORIGIN), in degrees. */
  public static final double MAX_LATITUDE = Math.toDegrees(Math.atan(Math.sinh(Math.PI)));

  /** Levels of the registered definition (0–24), of which we serve tiles up to MAX_SERVED_ZOOM. */
  static final int MAX_DEFINED_ZOOM = 24;

  public static final int MAX_SERVED_ZOOM = 16;

  private static final int TILE_PIXELS = 256;

  /** The standardized rendering pixel size (0.28 mm) that relates cell size to scale. */
  private static final double PIXEL_METRES = 0.00028;

  private WebMercatorQuad() {}

  /** The tile matrix set definition, as TMS 2.0 JSON encodes it. */
  public static Map<String, Object> definition() {
    Map<String, Object> tms = new LinkedHashMap<>();
    tms.put("id", ID);
    tms.put("title", "Google Maps Compatible for the World");
    tms.put("uri", URI);
    tms.put("crs", CRS);
    tms.put("orderedAxes", List.of("X", "Y"));
    tms.put("wellKnownScaleSet", "http://www.opengis.net/def/wkss/OGC/1.0/GoogleMapsCompatible");
    List<Map<String, Object>> matrices = new ArrayList<>();
    for (int z = 0; z <= MAX_DEFINED_ZOOM; z++) {
      long n = 1L << z;
      double cellSize = WORLD_WIDTH / TILE_PIXELS / n;
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", Integer.toString(z));
      m.put("scaleDenominator", cellSize / PIXEL_METRES);
      m.put("cellSize", cellSize);
      m.put("cornerOfOrigin", "topLeft");
      m.put("pointOfOrigin", List.of(-ORIGIN, ORIGIN));
      m.put("tileWidth", TILE_PIXELS);
      m.put("tileHeight", TILE_PIXELS);
      m.put("matrixWidth", n);
      m.put("matrixHeight", n);
      matrices.add(m);
    }
    tms.put("tileMatrices", matrices);
    return tms;
  }

  /** Every served level with its full row and column range (tileMatrixSetLimits). */
  public static List<Map<String, Object>> limits() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (int z = 0; z <= MAX_SERVED_ZOOM; z++) {
      long last = (1L << z) - 1;
      Map<String, Object> l = new LinkedHashMap<>();
      l.put("tileMatrix", Integer.toString(z));
      l.put("minTileRow", 0);
      l.put("maxTileRow", last);
      l.put("minTileCol", 0);
      l.put("maxTileCol", last);
      out.add(l);
    }
    return out;
  }
}
