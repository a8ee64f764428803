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
 * Graded bands inside Mali by distance from the Algerian border, one per entry of {@link
 * #DISTANCES_KM}. Each band is a ring (the buffer at its outer distance less the buffer at its
 * inner one), so the bands tile the zone without overlapping and a map can shade them by distance.
 */
final class BorderZoneLayer {
  /**
   * The one place the zone's distances are written: bands, description, method and style follow.
   */
  static final List<Integer> DISTANCES_KM = List.of(25, 50, 100);

  /** Fill of each band in {@link #DISTANCES_KM} order: darkest next to the border. */
  private static final double[] BAND_OPACITY = {0.55, 0.35, 0.18};

  static final LayerSpec SPEC =
      new LayerSpec(
          "algeria-border-zone",
          "Algerian border zone",
          "Bands inside Mali at " + bandList() + " from the Mali–Algeria border.",
          "mission",
          20,
          new LayerStyle("#e0601b", null, bands()),
          List.of(LayerSpec.OSM_COUNTRIES),
          Map.of(
              "buffer_distances_km",
              DISTANCES_KM,
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

  /** "0–25, 25–50 and 50–100 km" for the distances as they are. */
  private static String bandList() {
    List<String> labels = new ArrayList<>();
    int inner = 0;
    for (int km : DISTANCES_KM) {
      labels.add(inner + "–" + km);
      inner = km;
    }
    String last = labels.remove(labels.size() - 1);
    return (labels.isEmpty() ? "" : String.join(", ", labels) + " and ") + last + " km";
  }

  private static List<LayerStyle.Band> bands() {
    if (BAND_OPACITY.length < DISTANCES_KM.size()) {
      throw new IllegalStateException("BorderZoneLayer: one BAND_OPACITY per distance");
    }
    List<LayerStyle.Band> out = new ArrayList<>();
    for (int i = 0; i < DISTANCES_KM.size(); i++) {
      out.add(new LayerStyle.Band(DISTANCES_KM.get(i), BAND_OPACITY[i]));
    }
    return out;
  }
}
