package org.sahelmap.layers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sahelmap.events.Event;
import org.sahelmap.store.LayerData;

/** The registry is the one place a layer is defined: everything read from it agrees with it. */
class LayerRegistryTest {
  @Test
  void everyLayerIsDefinedOnceWithItsOwnOrderAndMissionLayersWithAStyle() {
    List<LayerSpec> specs = LayerRegistry.specs();
    assertThat(specs.stream().map(LayerSpec::id)).doesNotHaveDuplicates();
    assertThat(specs.stream().map(LayerSpec::order)).doesNotHaveDuplicates();
    assertThat(specs.stream().filter(s -> s.kind().equals("mission")))
        .allSatisfy(s -> assertThat(s.style().color()).matches("#[0-9a-f]{6}"));
    assertThat(Event.LAYERS).containsExactlyElementsOf(LayerRegistry.missionIds());
  }

  @Test
  void theBorderZoneDistancesShapeItsBandsDescriptionMethodAndStyle() {
    LayerData zone =
        LayerRegistry.compute(SourceFiles.classpath(), Instant.EPOCH).stream()
            .filter(l -> l.layer().id().equals("algeria-border-zone"))
            .findFirst()
            .orElseThrow();
    assertThat(zone.features().stream().map(f -> f.properties().get("band_max_km")))
        .containsExactlyElementsOf(BorderZoneLayer.DISTANCES_KM);
    assertThat(zone.layer().description()).contains("0–25, 25–50 and 50–100 km");
    assertThat(((Map<?, ?>) zone.layer().metadata().get("method")).get("buffer_distances_km"))
        .isEqualTo(BorderZoneLayer.DISTANCES_KM);
    List<?> bands = (List<?>) ((Map<?, ?>) zone.layer().metadata().get("style")).get("bands");
    assertThat(bands.stream().map(b -> (Object) ((Map<?, ?>) b).get("max_km")))
        .containsExactlyElementsOf(BorderZoneLayer.DISTANCES_KM);
  }
}
