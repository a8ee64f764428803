package org.sahelmap.store;

import java.io.IOException;

/**
 * Receives features one at a time as the database returns them, already encoded as GeoJSON
 * fragments, so a page or a whole-collection export is written out without being held in memory.
 */
@FunctionalInterface
public interface FeatureSink {
  void accept(String id, String geometryJson, String propertiesJson) throws IOException;
}
