package org.sahelmap.aoi;

import java.util.List;
import java.util.Objects;
import org.locationtech.jts.geom.Geometry;

/**
 * An AOI as a client sent it, after validation: a valid Polygon or MultiPolygon in WGS84 lon/lat,
 * its name, notes and tags as given, and the radius of a drawn circle (null for other shapes).
 * {@code repaired} tells that the geometry was repaired on the client's request.
 */
public record AoiDraft(
    String name,
    String notes,
    List<String> tags,
    Double radiusM,
    Geometry geometry,
    boolean repaired) {
  public AoiDraft {
    Objects.requireNonNull(name, "name");
    notes = notes == null ? "" : notes;
    tags = tags == null ? List.of() : List.copyOf(tags);
    Objects.requireNonNull(geometry, "geometry");
  }
}
