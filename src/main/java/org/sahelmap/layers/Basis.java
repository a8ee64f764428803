package org.sahelmap.layers;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.operation.linemerge.LineMerger;
import org.sahelmap.geo.Geo;

/**
 * What several layers are computed from, read and derived once: the country polygons, Mali's
 * regions, the gazetteer, and the Mali–Algeria boundary line.
 */
final class Basis {
  static final String COUNTRIES = "geo/countries.geojson";
  static final String REGIONS = "geo/mali-regions.geojson";
  static final String PLACES = "geo/places.geojson";

  final SourceFiles files;
  final List<SourceFeature> countries;
  final List<SourceFeature> regions;
  final List<SourceFeature> places;
  final Geometry mali;
  final Geometry algeria;
  final Geometry border;

  Basis(SourceFiles files) {
    this.files = files;
    this.countries = files.features(COUNTRIES);
    this.regions = files.features(REGIONS);
    this.places = files.features(PLACES);
    this.mali = country("MLI");
    this.algeria = country("DZA");
    this.border = sharedBoundary(mali, algeria);
    if (border.isEmpty()) {
      throw new SourceDataException(
          files.describe(COUNTRIES),
          "Mali and Algeria share no boundary: cannot derive the border");
    }
  }

  Geometry country(String iso3) {
    return byId(countries, iso3, COUNTRIES).geometry();
  }

  SourceFeature region(String name) {
    return regions.stream()
        .filter(r -> name.equals(r.text("name")))
        .findFirst()
        .orElseThrow(
            () -> new SourceDataException(files.describe(REGIONS), "has no region " + name));
  }

  Point place(String id) {
    return (Point) byId(places, id, PLACES).geometry();
  }

  SourceFeature placeFeature(String id) {
    return byId(places, id, PLACES);
  }

  private SourceFeature byId(List<SourceFeature> features, String id, String file) {
    return features.stream()
        .filter(f -> id.equals(f.id()))
        .findFirst()
        .orElseThrow(() -> new SourceDataException(files.describe(file), "has no feature " + id));
  }

  /**
   * The line two polygons share. The extracts are simplified as one topology (one arc for a shared
   * border, identical vertices on both sides), so the intersection of the two boundaries is exactly
   * that arc; merging joins its segments back into one line.
   */
  static Geometry sharedBoundary(Geometry a, Geometry b) {
    Geometry common = a.getBoundary().intersection(b.getBoundary());
    LineMerger merger = new LineMerger();
    for (int i = 0; i < common.getNumGeometries(); i++) {
      Geometry part = common.getGeometryN(i);
      if (part instanceof LineString) {
        merger.add(part);
      }
    }
    List<LineString> merged = new ArrayList<>(merger.getMergedLineStrings());
    Geometry line =
        merged.size() == 1
            ? merged.get(0)
            : Geo.FACTORY.createMultiLineString(merged.toArray(LineString[]::new));
    line.setSRID(Geo.WGS84_SRID);
    return line;
  }
}
