package org.sahelmap.store;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where layers and features live: {@link PostgisFeatureStore} on the server, and an in-memory one
 * for the handler tests. Nothing outside this package writes the {@code layer} and {@code feature}
 * tables, and only {@code AoiAnalysis} reads them (it measures an AOI against the mission layers
 * and events in PostGIS, where the geometry is). Each other capability's tables are read and
 * written by its own store class ({@code AccountStore}, {@code AoiStore} and {@code AoiAnalysis},
 * {@code BriefingStore}, {@code CandidateStore}, {@code DocumentList} and {@code DocumentUploads},
 * {@code DocumentStore}, {@code PresenceStore}, {@code ChangeFeed}), never by a handler.
 */
public interface FeatureStore {

  List<Layer> layers();

  Optional<Layer> layer(String id);

  Extent extent(String layerId);

  /**
   * Replaces the given layers (and all their features) in one transaction: either every layer is
   * replaced or, on any failure, the previous ones stay as they were.
   */
  void replaceLayers(List<LayerData> layers);

  /**
   * Inserts or updates features of an existing layer in one transaction (all or nothing), matched
   * on feature id so re-importing the same data does not duplicate it.
   */
  void upsertFeatures(String layerId, List<FeatureRecord> features);

  /**
   * Opens one transaction for writing any number of features into {@code base}'s layer without
   * holding them in memory: {@link BulkUpsert#add add} them one by one, then {@link
   * BulkUpsert#commit commit}, or close without committing to write nothing.
   */
  BulkUpsert openUpsert(LayerData base);

  /** Number of features of the layer matching the query (ignoring limit and offset). */
  long count(String layerId, ItemQuery query);

  /**
   * Streams the matching features, in a stable order, to the sink; returns how many were written.
   */
  long stream(String layerId, ItemQuery query, FeatureSink sink) throws IOException;

  /**
   * Streams one page (or, with {@link ItemQuery#UNLIMITED}, every match) to the sink, and says how
   * many features match in all when that is cheap to know exactly: always for an unlimited query,
   * and for a page when at most {@link #COUNT_CAP} features match. Beyond that the count is left
   * out rather than estimated, and {@link Page#more()} still tells whether a next page exists.
   */
  Page page(String layerId, ItemQuery query, FeatureSink sink) throws IOException;

  /** Largest number of matches a page counts exactly (the cost of counting grows with it). */
  long COUNT_CAP = 10_000;

  /** What {@link #page} wrote: features returned, the exact match count if known, more to come. */
  record Page(long returned, OptionalLong matched, boolean more) {}

  /** One feature, or empty when the layer has no feature with that id. */
  Optional<StoredFeature> feature(String layerId, String featureId);

  /** One feature's geometry as GeoJSON in another CRS (Part 2), if the feature exists. */
  Optional<String> geometryIn(String layerId, String featureId, Reprojection crs);

  /**
   * The layer and one of its features, read together in one query: the single-item endpoint needs
   * both (the layer for 404 and the ETag), and a second round trip cost it a fifth of its
   * throughput. Empty when there is no such layer; {@code feature} is empty when the layer has no
   * feature with that id.
   */
  Optional<LayerFeature> layerFeature(String layerId, String featureId);

  /**
   * The JSON types of the layer's properties, read from its first {@link PropertyTypes#SAMPLE}
   * features (in stored order), by name; empty for a layer with no features or no such layer.
   * Callers go through {@link PropertyTypes}, which keeps the answer per layer version.
   */
  java.util.Map<String, PropertyTypes.Type> propertyTypes(String layerId);

  record StoredFeature(String id, String geometryJson, String propertiesJson) {}

  record LayerFeature(Layer layer, Optional<StoredFeature> feature) {}
}
