package org.sahelmap.geo;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.util.GeometryFixer;

/**
 * Conventions, stated once: every geometry handed between packages is WGS84 longitude/latitude (x =
 * longitude, y = latitude, SRID 4326), whatever CRS a computation uses inside. Metric work happens
 * in {@link Projections}; lengths and distances on the ellipsoid in {@link Geodesy}.
 */
public final class Geo {
  public static final int WGS84_SRID = 4326;
  public static final GeometryFactory FACTORY =
      new GeometryFactory(new PrecisionModel(), WGS84_SRID);

  private Geo() {}

  public static Point point(double lon, double lat) {
    return FACTORY.createPoint(new Coordinate(lon, lat));
  }

  /**
   * Returns a valid geometry. Overlay results and reprojected buffers can come back with slivers or
   * self-touching rings, which PostGIS's CHECK (ST_IsValid) would refuse; GeometryFixer repairs
   * them without dropping area.
   */
  public static Geometry valid(Geometry g) {
    Geometry fixed = g.isValid() ? g : GeometryFixer.fix(g);
    fixed.setSRID(WGS84_SRID);
    return fixed;
  }
}
