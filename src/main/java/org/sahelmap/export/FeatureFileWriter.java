package org.sahelmap.export;

import java.io.IOException;
import org.sahelmap.store.FeatureSink;

/**
 * One exported table written feature by feature as the store streams them ({@link FeatureSink}),
 * then finished: one implementation per format (GeoJSON, CSV, KML, a GeoPackage's table). GeoJSON's
 * writer also ends a page with the members only known then ({@link
 * GeoJsonFeatureWriter#end(java.util.Map)}: numberMatched, links).
 */
public interface FeatureFileWriter extends FeatureSink {
  /** Writes what follows the last feature; returns how many features were written. */
  long finish() throws IOException;
}
