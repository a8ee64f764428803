package org.sahelmap.store;

import java.util.List;

/**
 * A layer together with its features, as a layer builder produces it. {@code keepOtherFeatures}
 * marks a layer whose stored features are merged with these rather than replaced by them: curated
 * events are rebuilt this way so that events imported with {@code import-events} survive a rebuild.
 */
public record LayerData(Layer layer, List<FeatureRecord> features, boolean keepOtherFeatures) {
  public LayerData {
    features = List.copyOf(features);
  }

  public LayerData(Layer layer, List<FeatureRecord> features) {
    this(layer, features, false);
  }

  public LayerData keepingOtherFeatures() {
    return new LayerData(layer, features, true);
  }
}
