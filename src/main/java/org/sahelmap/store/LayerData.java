package org.sahelmap.store;

import java.util.List;

/** A layer together with all its features, as a layer builder produces it. */
public record LayerData(Layer layer, List<FeatureRecord> features) {
  public LayerData {
    features = List.copyOf(features);
  }
}
