package org.sahelmap.testing;

import org.sahelmap.aoi.AoiJson;
import org.sahelmap.aoi.AoiStore;
import org.sahelmap.aoi.AoiValidator;
import org.sahelmap.store.Database;
import org.sahelmap.store.FeatureStore;

/**
 * What the GIS clients' tests (GDAL, QGIS) read: the sample layers, a 2,345-point "grid" (three
 * pages of the maximum 1,000) whose {@code share} is whole in the first 50 features and fractional
 * after them (a type guessed from the first page would be integer), and two saved AOIs.
 */
public final class InteropLayers {
  public static final String GRID = "grid";
  public static final int GRID_POINTS = 2_345;

  private InteropLayers() {}

  public static void load(Database db, FeatureStore store, String savedBy) throws Exception {
    SampleLayers.load(store);
    BulkPoints.load(db, GRID, GRID_POINTS);
    try (var c = db.connection();
        var st = c.createStatement()) {
      st.execute(
          "UPDATE feature SET properties = properties || jsonb_build_object('share',"
              + " CASE WHEN (properties->>'n')::int <= 50 THEN (properties->>'n')::numeric"
              + " ELSE (properties->>'n')::int + 0.5 END) WHERE layer_id = '"
              + GRID
              + "'");
    }
    AoiStore aois = new AoiStore(db.dataSource());
    for (int i = 0; i < 2; i++) {
      aois.create(
          AoiValidator.validate(
              AoiJson.feature("AOI " + i, AoiJson.box(i, 15, i + 0.5, 16)), false),
          savedBy);
    }
  }
}
