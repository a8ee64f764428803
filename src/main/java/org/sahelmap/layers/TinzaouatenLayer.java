package org.sahelmap.layers;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Point;
import org.sahelmap.geo.Geodesy;
import org.sahelmap.geo.Projections;
import org.sahelmap.store.FeatureRecord;
import org.sahelmap.store.LayerData;

/**
 * Tinzaouaten and the area of the July 2024 battle. Known data trap: Natural Earth's generalised
 * border put both published coordinates of the town 1–2 km inside Algeria, though the town is in
 * Mali (it faces the Algerian town of Tin Zaouatine across the border wadi). The map now draws
 * OpenStreetMap's border, which has the town a few hundred metres inside Mali. The town is never
 * moved to fit a border: the layer says on which side the data puts it and how far from the line it
 * is, so a border that disagrees would show on the map, not be hidden.
 */
final class TinzaouatenLayer {
  /** Radius of the battle area: a stated modelling choice (the sources give no extent). */
  static final double BATTLE_RADIUS_KM = 20.0;

  static final LayerSpec SPEC =
      new LayerSpec(
          "tinzaouaten",
          "Tinzaouaten",
          "Tinzaouaten on the Algerian border, where Malian forces and Wagner suffered heavy losses"
              + " in July 2024, and the area of that battle.",
          "mission",
          60,
          LayerStyle.colour("#0a7f86"),
          List.of(
              LayerSpec.OSM_COUNTRIES,
              "Tinzaouaten: French Wikipedia (Tinzawatène), 19.9628 N 2.8828 E, medium confidence"),
          Map.of(
              "battle_area",
              "circle of "
                  + BATTLE_RADIUS_KM
                  + " km around the town (a stated radius, not sourced)",
              "distance_to_border",
              "shortest distance to the Mali–Algeria line drawn (OpenStreetMap), azimuthal equidistant"));

  private TinzaouatenLayer() {}

  static LayerData build(Basis basis, Instant computedAt) {
    SourceFeature townSource = basis.placeFeature("mli-tinzaouaten");
    Point town = (Point) townSource.geometry();
    Point algerianTown = basis.place("dza-tin-zaouatine");
    double toBorder = Geodesy.distanceKm(town, basis.border);
    String side =
        basis.mali.contains(town) ? "Mali" : basis.algeria.contains(town) ? "Algeria" : "neither";
    String note =
        side.equals("Mali")
            ? "The town lies in Mali, "
                + String.format("%.1f", toBorder)
                + " km from the border drawn here (OpenStreetMap, simplified to about 200 m). That"
                + " is within the uncertainty of the point and of the line: the sources place the"
                + " town in Mali, and this border agrees."
            : "On the border drawn here this point falls "
                + String.format("%.1f", toBorder)
                + " km inside "
                + side
                + "; the town is in Mali. Distances to the border are good to a few km only.";
    return SPEC.with(
        List.of(
            FeatureRecord.of(
                "tinzaouaten-town",
                town,
                Props.of("town", "Tinzaouaten")
                    .km("distance_to_border_km", toBorder)
                    .put("side_of_border_in_data", side)
                    .km("distance_to_tin_zaouatine_km", Geodesy.distanceKm(town, algerianTown))
                    .put("source", townSource.text("source"))
                    .put("location_confidence", "medium")
                    .put("note", note)
                    .build()),
            FeatureRecord.of(
                "tinzaouaten-battle",
                Projections.metricBuffer(town, BATTLE_RADIUS_KM * 1000),
                Props.of("battle_area", "Battle of Tinzaouaten, July 2024 (area)")
                    .put("radius_km", BATTLE_RADIUS_KM)
                    .put("date", "2024-07")
                    .put("location_confidence", "low")
                    .put(
                        "note",
                        "Radius chosen to cover the town and its surroundings; not sourced.")
                    .build())),
        computedAt);
  }
}
