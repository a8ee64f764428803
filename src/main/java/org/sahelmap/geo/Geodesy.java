package org.sahelmap.geo;

import org.geotools.referencing.GeodeticCalculator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.operation.distance.DistanceOp;

/**
 * Distances and lengths on the WGS84 ellipsoid (GeoTools' GeodeticCalculator, backed by
 * GeographicLib), in kilometres. Lon/lat degrees are never used as a distance.
 */
public final class Geodesy {
  private Geodesy() {}

  /** Geodesic distance between two lon/lat points, km. */
  public static double distanceKm(double lon1, double lat1, double lon2, double lat2) {
    GeodeticCalculator calc = new GeodeticCalculator();
    calc.setStartingGeographicPoint(lon1, lat1);
    calc.setDestinationGeographicPoint(lon2, lat2);
    return calc.getOrthodromicDistance() / 1000.0;
  }

  public static double distanceKm(Point a, Point b) {
    return distanceKm(a.getX(), a.getY(), b.getX(), b.getY());
  }

  /** Sum of the geodesic lengths of every segment of every line in the geometry, km. */
  public static double lengthKm(Geometry lines) {
    double total = 0;
    for (int i = 0; i < lines.getNumGeometries(); i++) {
      Geometry part = lines.getGeometryN(i);
      if (part instanceof LineString line) {
        Coordinate[] cs = line.getCoordinates();
        for (int j = 1; j < cs.length; j++) {
          total += distanceKm(cs[j - 1].x, cs[j - 1].y, cs[j].x, cs[j].y);
        }
      }
    }
    return total;
  }

  /**
   * Shortest distance from a point to a geometry, km: measured in an equidistant projection centred
   * on the point, where distances from the centre are true.
   */
  public static double distanceKm(Point from, Geometry to) {
    var local = Projections.equidistantAt(from.getX(), from.getY());
    Geometry projected = Projections.toProjected(to, local);
    Geometry origin = Geo.FACTORY.createPoint(new Coordinate(0, 0));
    return DistanceOp.distance(origin, projected) / 1000.0;
  }

  /**
   * The point reached going {@code km} along the geodesic at {@code azimuthDeg} from (lon, lat).
   */
  public static Coordinate destination(double lon, double lat, double azimuthDeg, double km) {
    GeodeticCalculator calc = new GeodeticCalculator();
    calc.setStartingGeographicPoint(lon, lat);
    double az = azimuthDeg > 180 ? azimuthDeg - 360 : azimuthDeg;
    calc.setDirection(az, km * 1000.0);
    var p = calc.getDestinationGeographicPoint();
    return new Coordinate(p.getX(), p.getY());
  }

  /** Initial azimuth from the first point to the second, degrees clockwise from north, [0, 360). */
  public static double azimuthDeg(double lon1, double lat1, double lon2, double lat2) {
    GeodeticCalculator calc = new GeodeticCalculator();
    calc.setStartingGeographicPoint(lon1, lat1);
    calc.setDestinationGeographicPoint(lon2, lat2);
    double az = calc.getAzimuth();
    return az < 0 ? az + 360 : az;
  }
}
