package org.sahelmap.layers;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.sahelmap.events.CuratedEvents;
import org.sahelmap.store.FeatureStore;
import org.sahelmap.store.LayerData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Computes every layer from the source extracts and writes them to the store in one transaction: a
 * build that fails anywhere leaves the previous layers as they were.
 */
public final class LayerBuilder {
  private static final Logger LOG = LoggerFactory.getLogger(LayerBuilder.class);

  /** Every collection {@link #compute} produces, in map order. */
  public static final List<String> LAYER_IDS =
      List.of(
          "aes-territory",
          "algeria-border",
          "algeria-border-zone",
          "kidal",
          "gao-intahaka",
          "tinzaouaten",
          "countries",
          "mali-regions",
          "rivers",
          "lakes",
          "places",
          CuratedEvents.COLLECTION_ID);

  private final SourceFiles files;
  private final Clock clock;

  public LayerBuilder(SourceFiles files, Clock clock) {
    this.files = files;
    this.clock = clock;
  }

  /** Every layer, computed in memory (nothing written). */
  public List<LayerData> compute() {
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Basis basis = new Basis(files);
    List<LayerData> layers = new ArrayList<>();
    layers.add(AesTerritoryLayer.build(basis, now));
    layers.add(AlgeriaBorderLayer.build(basis, now));
    layers.add(BorderZoneLayer.build(basis, now));
    layers.add(KidalLayer.build(basis, now));
    layers.add(GaoIntahakaLayer.build(basis, now));
    layers.add(TinzaouatenLayer.build(basis, now));
    layers.addAll(ContextLayers.build(basis, now));
    // Curated events are merged, not replaced: events added with import-events stay.
    layers.add(CuratedEvents.layer().keepingOtherFeatures());
    return layers;
  }

  /** True when the store lacks any layer this builder makes (a new or an older database). */
  public static boolean missingFrom(FeatureStore store) {
    var present = store.layers().stream().map(l -> l.id()).toList();
    return !present.containsAll(LAYER_IDS);
  }

  /** Computes and writes every layer; returns how many were written. */
  public int buildInto(FeatureStore store) {
    long t0 = System.nanoTime();
    List<LayerData> layers = compute();
    store.replaceLayers(layers);
    LOG.info(
        "built {} layers ({} features) in {} ms",
        layers.size(),
        layers.stream().mapToInt(l -> l.features().size()).sum(),
        (System.nanoTime() - t0) / 1_000_000);
    return layers.size();
  }
}
