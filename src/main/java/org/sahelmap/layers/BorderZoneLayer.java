package org.sahelmap.layers;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.sahelmap.geo.Geo;
import org.sahelmap.geo.Projections;
import org.sahelmap.store.FeatureRecord;
import org.sahelmap.store.LayerData;

/**
 * Graded bands inside Mali by distance from the Algerian border: 0–25, 25–50 and 50–100 km. Each
 * band is a ring (the buffer at its outer distance less the buffer at its inner one), so the bands
 * tile the zone without overlapping and a map can shade them by distance.
 */
final class BorderZoneLayer {
  static final int[] DISTANCES_KM = {25, 50, 100};

  static final LayerSpec SPEC =
      new LayerSpec(
          "algeria-border-zone",
          "Algerian border zone",
          "Bands inside Mali at 0–25, 25–50 and 50–100 km from the Mali–Algeria border.",
          "mission",
          30,
          List.of(LayerSpec.NATURAL_EARTH_COUNTRIES),
          Map.of(
              "buffer_distances_km",
              List.of(25, 50, 100),
              "buffer_crs",
              "azimuthal equidistant on WGS84 centred on the border's bounding box (scale error"
                  + " under 0.5% along the line)",
              "clip",
              "each buffer intersected with Mali's polygon",
              "area_crs",
              Projections.AFRICA_EQUAL_AREA));

  private BorderZoneLayer() {}

  static LayerData build(Basis basis, Instant computedAt) {
    List<FeatureRecord> bands = new ArrayList<>();
    Geometry inner = null;
    int innerKm = 0;
    for (int km : DISTANCES_KM) {
      Geometry outer = Projections.metricBuffer(basis.border, km * 1000.0);
      // Ring first, then one clip to Mali: clipping both buffers and subtracting the results would
      // leave zero-width slivers along Mali's own edges, where the two clips run collinear.
      Geometry ring = inner == null ? outer : outer.difference(inner);
      Geometry band = Geo.valid(ring.intersection(basis.mali));
      String label = innerKm + "–" + km + " km";
      Map<String, Object> props =
          Props.of("border_band", label + " from the Algerian border")
              .put("band", label)
              .put("band_min_km", innerKm)
              .put("band_max_km", km)
              .put("area_km2", Math.round(Projections.areaKm2(band)))
              .build();
      bands.add(FeatureRecord.of("band-" + innerKm + "-" + km, band, props));
      inner = outer;
      innerKm = km;
    }
    return SPEC.with(bands, computedAt);
  }
}
