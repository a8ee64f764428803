package org.sahelmap.build;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.sahelmap.events.CuratedEvents;
import org.sahelmap.layers.LayerRegistry;
import org.sahelmap.layers.LayerSpec;
import org.sahelmap.layers.SourceFiles;
import org.sahelmap.store.FeatureStore;
import org.sahelmap.store.Layer;
import org.sahelmap.store.LayerData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Computes every layer of {@link LayerRegistry} plus the curated events and writes them to the
 * store in one transaction: a build that fails anywhere leaves the previous layers as they were. It
 * sits above both {@code layers} and {@code events} because events are tagged with the registry's
 * mission layers, so {@code layers} cannot know about events.
 */
public final class LayerBuilder {
  private static final Logger LOG = LoggerFactory.getLogger(LayerBuilder.class);

  /** Every collection {@link #compute} produces, in build order. */
  public static final List<String> LAYER_IDS =
      Stream.concat(
              LayerRegistry.specs().stream().map(LayerSpec::id),
              Stream.of(CuratedEvents.COLLECTION_ID))
          .toList();

  private final SourceFiles files;
  private final Clock clock;

  public LayerBuilder(SourceFiles files, Clock clock) {
    this.files = files;
    this.clock = clock;
  }

  /** Every layer, computed in memory (nothing written). */
  public List<LayerData> compute() {
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    List<LayerData> layers = new ArrayList<>(LayerRegistry.compute(files, now));
    // Curated events are merged, not replaced: events added with import-events stay.
    layers.add(CuratedEvents.layer().keepingOtherFeatures());
    return layers;
  }

  /**
   * True when the store lacks any layer this builder makes (a new or an older database), holds a
   * styled layer stored before styles were (the page reads each layer's style from the store), or
   * holds a layer built from other sources or described otherwise than its definition now says: an
   * upgrade that changes a layer's data (as the move to OpenStreetMap's borders did) is rebuilt at
   * start instead of serving the old geometry until someone runs {@code build-layers}.
   */
  public static boolean missingFrom(FeatureStore store) {
    Map<String, Layer> present =
        store.layers().stream().collect(Collectors.toMap(Layer::id, l -> l));
    if (!present.keySet().containsAll(LAYER_IDS)) {
      return true;
    }
    return LayerRegistry.specs().stream().anyMatch(s -> outdated(s, present.get(s.id())));
  }

  private static boolean outdated(LayerSpec spec, Layer stored) {
    Map<String, Object> metadata = stored.metadata();
    return (spec.style() != null && !metadata.containsKey(LayerSpec.STYLE))
        || !spec.sources().equals(metadata.get("sources"))
        || !spec.description().equals(stored.description());
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
