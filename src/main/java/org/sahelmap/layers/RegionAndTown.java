package org.sahelmap.layers;

import org.locationtech.jts.geom.Point;
import org.sahelmap.geo.Geo;
import org.sahelmap.geo.Projections;
import org.sahelmap.store.FeatureRecord;

/**
 * The two features every place-centred mission layer starts with: the region (Natural Earth, fitted
 * to the OpenStreetMap outline of Mali; with its equal-area size) and the town point with the
 * source its coordinates come from.
 */
final class RegionAndTown {
  private RegionAndTown() {}

  static FeatureRecord region(Basis basis, String regionName, String featureId, String note) {
    SourceFeature region = basis.region(regionName);
    return FeatureRecord.of(
        featureId,
        Geo.valid(region.geometry()),
        Props.of("region", regionName + " region")
            .put("area_km2", Math.round(Projections.areaKm2(region.geometry())))
            .put("note", note)
            .build());
  }

  static FeatureRecord town(Basis basis, String placeId, String name, String featureId) {
    SourceFeature place = basis.placeFeature(placeId);
    return FeatureRecord.of(
        featureId,
        (Point) place.geometry(),
        Props.of("town", name)
            .put("source", place.text("source"))
            .put("location_confidence", place.text("confidence"))
            .build());
  }
}
