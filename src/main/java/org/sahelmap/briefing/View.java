package org.sahelmap.briefing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a slide looks: a centre and zoom (as the live map saves it) or a bounding box (as a GIS may
 * give it). Exactly one of the two is set. Zooms are Leaflet's (Web Mercator, 256 px tiles).
 */
public record View(Double lon, Double lat, Double zoom, List<Double> bbox) {
  /** The screen a centre-and-zoom view is measured against when a bounding box is needed. */
  public static final int NOMINAL_WIDTH = 1920;

  public static final int NOMINAL_HEIGHT = 1080;

  public View {
    if (bbox != null) {
      if (lon != null || lat != null || zoom != null) {
        throw new InvalidBriefingException("view: give either center and zoom, or bbox, not both");
      }
      if (bbox.size() != 4) {
        throw new InvalidBriefingException("view.bbox: four numbers [west, south, east, north]");
      }
      checkLon("view.bbox west", bbox.get(0));
      checkLat("view.bbox south", bbox.get(1));
      checkLon("view.bbox east", bbox.get(2));
      checkLat("view.bbox north", bbox.get(3));
      if (bbox.get(0) >= bbox.get(2) || bbox.get(1) >= bbox.get(3)) {
        throw new InvalidBriefingException("view.bbox: west < east and south < north");
      }
      bbox = List.copyOf(bbox);
    } else {
      if (lon == null || lat == null || zoom == null) {
        throw new InvalidBriefingException("view: needs center [lon, lat] and zoom, or bbox");
      }
      checkLon("view.center longitude", lon);
      checkLat("view.center latitude", lat);
      if (!(zoom >= 1 && zoom <= 18)) {
        throw new InvalidBriefingException("view.zoom: between 1 and 18, not " + zoom);
      }
    }
  }

  public static View centre(double lon, double lat, double zoom) {
    return new View(lon, lat, zoom, null);
  }

  /** The area shown: the bbox itself, or what a 1920x1080 screen shows at the centre and zoom. */
  public double[] bounds() {
    if (bbox != null) {
      return new double[] {bbox.get(0), bbox.get(1), bbox.get(2), bbox.get(3)};
    }
    double worldPx = 256 * Math.pow(2, zoom);
    double cx = (lon + 180) / 360 * worldPx;
    double cy = mercY(lat) * worldPx;
    double w = Math.max(-180, (cx - NOMINAL_WIDTH / 2.0) / worldPx * 360 - 180);
    double e = Math.min(180, (cx + NOMINAL_WIDTH / 2.0) / worldPx * 360 - 180);
    double n = latOf((cy - NOMINAL_HEIGHT / 2.0) / worldPx);
    double s = latOf((cy + NOMINAL_HEIGHT / 2.0) / worldPx);
    return new double[] {w, s, e, n};
  }

  private static double mercY(double lat) {
    double r = Math.toRadians(lat);
    return (1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2;
  }

  private static double latOf(double y) {
    double clamped = Math.max(0, Math.min(1, y));
    return Math.toDegrees(Math.atan(Math.sinh(Math.PI * (1 - 2 * clamped))));
  }

  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    if (bbox != null) {
      m.put("bbox", bbox);
    } else {
      m.put("center", List.of(lon, lat));
      m.put("zoom", zoom);
    }
    return m;
  }

  private static void checkLon(String what, Double v) {
    if (v == null || !(v >= -180 && v <= 180)) {
      throw new InvalidBriefingException(what + ": between -180 and 180, not " + v);
    }
  }

  private static void checkLat(String what, Double v) {
    if (v == null || !(v >= -85 && v <= 85)) {
      throw new InvalidBriefingException(what + ": between -85 and 85, not " + v);
    }
  }
}
