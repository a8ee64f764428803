package org.sahelmap.layers;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Point;
import org.sahelmap.geo.Projections;
import org.sahelmap.store.FeatureRecord;
import org.sahelmap.store.LayerData;

/**
 * Kidal: the region, the town, and the fort/military camp. No published coordinate of the fort was
 * found; the colonial fort stands in the town, so it is drawn as a 2 km area of uncertainty around
 * the town point rather than as a pin that would claim a precision nobody has.
 */
final class KidalLayer {
  static final double FORT_UNCERTAINTY_KM = 2.0;

  static final LayerSpec SPEC =
      new LayerSpec(
          "kidal",
          "Kidal",
          "Kidal region, Kidal town, and the fort/military camp whose capture Wagner's flag video"
              + " marked in November 2023.",
          "mission",
          50,
          LayerStyle.colour("#6a2c91"),
          List.of(LayerSpec.NATURAL_EARTH_REGIONS, LayerSpec.GEONAMES),
          Map.of(
              "fort",
              "no published coordinate: a circle of "
                  + FORT_UNCERTAINTY_KM
                  + " km around the town point (azimuthal equidistant buffer)",
              "area_crs",
              Projections.AFRICA_EQUAL_AREA));

  private KidalLayer() {}

  static LayerData build(Basis basis, Instant computedAt) {
    Point town = basis.place("mli-kidal");
    return SPEC.with(
        List.of(
            RegionAndTown.region(
                basis, "Kidal", "kidal-region", "Natural Earth region as before 2016"),
            RegionAndTown.town(basis, "mli-kidal", "Kidal", "kidal-town"),
            FeatureRecord.of(
                "kidal-fort",
                Projections.metricBuffer(town, FORT_UNCERTAINTY_KM * 1000),
                Props.of("fort_area", "Kidal fort / military camp (location uncertain)")
                    .put("uncertainty_km", FORT_UNCERTAINTY_KM)
                    .put("location_confidence", "low")
                    .put(
                        "note",
                        "No published coordinate found; the fort stands in the town. Drawn as an"
                            + " area of uncertainty, not a position.")
                    .build())),
        computedAt);
  }
}
