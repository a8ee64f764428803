package org.sahelmap.testing;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/** Small geometry builders for tests. */
public final class Geometries {
  private Geometries() {}

  public static Geometry wkt(String wkt) {
    try {
      Geometry g = new WKTReader().read(wkt);
      g.setSRID(4326);
      return g;
    } catch (ParseException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
