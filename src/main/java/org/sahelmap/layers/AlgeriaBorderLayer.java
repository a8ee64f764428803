package org.sahelmap.layers;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.sahelmap.geo.Geodesy;
import org.sahelmap.store.FeatureRecord;
import org.sahelmap.store.LayerData;

/** The Mali–Algeria boundary, derived from the two country polygons, with its geodesic length. */
final class AlgeriaBorderLayer {
  static final LayerSpec SPEC =
      new LayerSpec(
          "algeria-border",
          "Mali–Algeria border",
          "The boundary between Mali and Algeria, as the edge the two country polygons share"
              + " (OpenStreetMap). Simplified for the map, so a little shorter than the 1,359 km"
              + " the CIA World Factbook gives.",
          "mission",
          30, // above the zone's bands, so the line is never under their fill
          LayerStyle.colour("#c0152f"),
          List.of(LayerSpec.OSM_COUNTRIES),
          Map.of(
              "operation", "intersection of the Mali and Algeria polygon boundaries (JTS), merged",
              "length", "geodesic on the WGS84 ellipsoid (GeoTools GeodeticCalculator)"));

  private AlgeriaBorderLayer() {}

  static LayerData build(Basis basis, Instant computedAt) {
    Map<String, Object> props =
        Props.of("border", "Mali–Algeria border")
            .km("length_km", Geodesy.lengthKm(basis.border))
            .put("reference_length_km", 1359)
            .put("reference", "CIA World Factbook (Algeria: border countries, Mali 1,359 km)")
            .build();
    return SPEC.with(List.of(FeatureRecord.of("mali-algeria", basis.border, props)), computedAt);
  }
}
