package org.sahelmap.export;

import java.io.IOException;
import org.sahelmap.store.FeatureSink;

/**
 * One exported table written feature by feature as the store streams them ({@link FeatureSink}),
 * then finished. Every format but GeoJSON ({@link GeoJsonFeatureWriter}, which also writes pages
 * with their links) is one of these.
 */
public interface FeatureFileWriter extends FeatureSink {
  /** Writes what follows the last feature; returns how many features were written. */
  long finish() throws IOException;
}
