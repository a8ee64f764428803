package org.sahelmap.layers;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.sahelmap.store.LayerData;

/**
 * Every computed layer, each on one line: its {@link LayerSpec} (id, title, order, style, the
 * constants that shape it) and how it is computed. The builder, the ids events may be tagged with,
 * the collection metadata and through it the page's layer list and legend all derive from this
 * list; adding a layer is one class with a {@code SPEC} and a {@code build} plus one line here.
 */
public final class LayerRegistry {
  /** How one layer is computed from the shared basis. */
  interface Recipe {
    LayerData build(Basis basis, Instant computedAt);
  }

  record Entry(LayerSpec spec, Recipe recipe) {}

  /** In the order the layers are built and stored. */
  static final List<Entry> ENTRIES =
      List.of(
          new Entry(AesTerritoryLayer.SPEC, AesTerritoryLayer::build),
          new Entry(AlgeriaBorderLayer.SPEC, AlgeriaBorderLayer::build),
          new Entry(BorderZoneLayer.SPEC, BorderZoneLayer::build),
          new Entry(KidalLayer.SPEC, KidalLayer::build),
          new Entry(GaoIntahakaLayer.SPEC, GaoIntahakaLayer::build),
          new Entry(TinzaouatenLayer.SPEC, TinzaouatenLayer::build),
          copied(ContextLayers.COUNTRIES, b -> b.countries),
          copied(ContextLayers.MALI_REGIONS, b -> b.regions),
          copied(ContextLayers.RIVERS, b -> b.files.features("geo/rivers.geojson")),
          copied(ContextLayers.LAKES, b -> b.files.features("geo/lakes.geojson")),
          copied(ContextLayers.PLACES, b -> b.places));

  private LayerRegistry() {}

  /** Every computed layer's spec, in build order. */
  public static List<LayerSpec> specs() {
    return ENTRIES.stream().map(Entry::spec).toList();
  }

  /** The mission layers' ids in build order: what an event's {@code layer} may name. */
  public static Set<String> missionIds() {
    Set<String> ids = new LinkedHashSet<>();
    for (Entry e : ENTRIES) {
      if ("mission".equals(e.spec().kind())) {
        ids.add(e.spec().id());
      }
    }
    return Collections.unmodifiableSet(ids);
  }

  /** Every computed layer, in memory (nothing written); a bad source file fails the whole build. */
  public static List<LayerData> compute(SourceFiles files, Instant computedAt) {
    Basis basis = new Basis(files);
    List<LayerData> layers = new ArrayList<>();
    for (Entry e : ENTRIES) {
      layers.add(e.recipe().build(basis, computedAt));
    }
    return layers;
  }

  private static Entry copied(LayerSpec spec, Function<Basis, List<SourceFeature>> features) {
    return new Entry(spec, (b, t) -> ContextLayers.copy(spec, features.apply(b), t));
  }
}
