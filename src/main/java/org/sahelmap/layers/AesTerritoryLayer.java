package org.sahelmap.layers;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.sahelmap.geo.Geo;
import org.sahelmap.geo.Projections;
import org.sahelmap.store.FeatureRecord;
import org.sahelmap.store.LayerData;

/** The Alliance of Sahel States: Mali, Burkina Faso and Niger as one polygon, areas equal-area. */
final class AesTerritoryLayer {
  static final Map<String, String> MEMBERS =
      Map.of("MLI", "Mali", "BFA", "Burkina Faso", "NER", "Niger");

  static final LayerSpec SPEC =
      new LayerSpec(
          "aes-territory",
          "Alliance of Sahel States",
          "Territory of the Alliance of Sahel States (AES), founded in September 2023 by Mali,"
              + " Burkina Faso and Niger: the union of the three countries.",
          "mission",
          10,
          new LayerStyle(
              "#1b7a3a", Map.of("weight", 3.5, "opacity", 0.9, "fillOpacity", 0.05), null),
          List.of(LayerSpec.OSM_COUNTRIES),
          Map.of(
              "operation",
              "JTS union of the three country polygons",
              "area_crs",
              Projections.AFRICA_EQUAL_AREA + " (Africa Albers Equal Area Conic)"));

  private AesTerritoryLayer() {}

  static LayerData build(Basis basis, Instant computedAt) {
    Map<String, Object> memberAreas = new LinkedHashMap<>();
    List<String> order = List.of("MLI", "BFA", "NER");
    Geometry[] parts = new Geometry[order.size()];
    for (int i = 0; i < order.size(); i++) {
      // Repaired if need be: an outline that crosses itself makes the union throw.
      parts[i] = Geo.valid(basis.country(order.get(i)));
      memberAreas.put(MEMBERS.get(order.get(i)), Math.round(Projections.areaKm2(parts[i])));
    }
    Geometry union = Geo.valid(UnaryUnionOp.union(List.of(parts)));
    Map<String, Object> props =
        Props.of("alliance", "Alliance of Sahel States (AES)")
            .put("members", order.stream().map(MEMBERS::get).toList())
            .put("area_km2", Math.round(Projections.areaKm2(union)))
            .put("member_areas_km2", memberAreas)
            .put("founded", "2023-09")
            .build();
    return SPEC.with(List.of(FeatureRecord.of("aes", union, props)), computedAt);
  }
}
