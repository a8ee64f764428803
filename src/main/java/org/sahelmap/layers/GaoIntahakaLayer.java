package org.sahelmap.layers;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.sahelmap.geo.Geo;
import org.sahelmap.geo.Geodesy;
import org.sahelmap.geo.Projections;
import org.sahelmap.store.FeatureRecord;
import org.sahelmap.store.LayerData;

/**
 * Gao region, Gao town and the Intahaka (N'Tahaka) gold site. Reports disagree on where the site
 * is: about 50 km south-west of Gao (2020 press), about 80 km south-west near N'Tillit (2024
 * press), "80 km from Gao" (2025 press); I-n-Tillit itself lies about 92 km SSW. So the site is
 * drawn as the annular sector those reports span, never as a pin.
 */
final class GaoIntahakaLayer {
  /** Distances from Gao the sector spans, km: the reports' 50–92 km with a few km of margin. */
  static final double MIN_KM = 45;

  static final double MAX_KM = 95;

  /** Bearings the sector spans, degrees: "south-west" (225°) and I-n-Tillit's bearing (~209°). */
  static final double FROM_AZIMUTH = 200;

  static final double TO_AZIMUTH = 235;

  static final LayerSpec SPEC =
      new LayerSpec(
          "gao-intahaka",
          "Gao and the Intahaka gold site",
          "Gao region, Gao town, and the area where reports place the Intahaka gold-mining site,"
              + " seized by Wagner in February 2024.",
          "mission",
          40,
          LayerStyle.colour("#1458a8"),
          List.of(
              LayerSpec.NATURAL_EARTH_REGIONS,
              LayerSpec.GEONAMES,
              "Intahaka location: press reports of 2020 (about 50 km SW of Gao), 2024 (about 80 km"
                  + " SW, near N'Tillit) and 2025 (80 km from Gao, permit of 97.41 km²), as"
                  + " summarised in the project's GEOGRAPHY reference"),
          Map.of(
              "site_area",
              "annular sector around Gao, "
                  + (int) MIN_KM
                  + "–"
                  + (int) MAX_KM
                  + " km, bearings "
                  + (int) FROM_AZIMUTH
                  + "–"
                  + (int) TO_AZIMUTH
                  + "°, vertices by the direct geodesic problem (GeodeticCalculator)",
              "distances",
              "geodesic on WGS84"));

  private GaoIntahakaLayer() {}

  static LayerData build(Basis basis, Instant computedAt) {
    Point gao = basis.place("mli-gao");
    Geometry site = sector(gao, MIN_KM, MAX_KM, FROM_AZIMUTH, TO_AZIMUTH);
    Point centre = site.getCentroid();
    return SPEC.with(
        List.of(
            RegionAndTown.region(
                basis,
                "Gao",
                "gao-region",
                "Natural Earth region as before 2016: includes today's Ménaka"),
            RegionAndTown.town(basis, "mli-gao", "Gao", "gao-town"),
            FeatureRecord.of(
                "intahaka-site",
                site,
                Props.of("site_area", "Intahaka gold site (area of uncertainty)")
                    .put("distance_from_gao_km_min", MIN_KM)
                    .put("distance_from_gao_km_max", MAX_KM)
                    .km("distance_from_gao_km", Geodesy.distanceKm(gao, centre))
                    .put("reported_distances_km", List.of(50, 80, 92))
                    .put("permit_area_km2", 97.41)
                    .put("area_km2", Math.round(Projections.areaKm2(site)))
                    .put("location_confidence", "low")
                    .put(
                        "note",
                        "Reports disagree on the site's position; the shaded area spans them."
                            + " distance_from_gao_km is to the area's centre.")
                    .build())),
        computedAt);
  }

  /** A ring sector around a point, built on the ellipsoid, counter-clockwise. */
  static Geometry sector(Point centre, double minKm, double maxKm, double fromAz, double toAz) {
    List<Coordinate> ring = new ArrayList<>();
    int steps = 24;
    for (int i = 0; i <= steps; i++) {
      double az = fromAz + (toAz - fromAz) * i / steps;
      ring.add(Geodesy.destination(centre.getX(), centre.getY(), az, maxKm));
    }
    for (int i = steps; i >= 0; i--) {
      double az = fromAz + (toAz - fromAz) * i / steps;
      ring.add(Geodesy.destination(centre.getX(), centre.getY(), az, minKm));
    }
    ring.add(ring.get(0));
    Geometry polygon = Geo.FACTORY.createPolygon(ring.toArray(Coordinate[]::new));
    return Geo.valid(polygon);
  }
}
