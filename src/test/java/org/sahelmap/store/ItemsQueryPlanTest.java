package org.sahelmap.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sahelmap.testing.BulkPoints;
import org.sahelmap.testing.TestDatabase;

/**
 * The exact SQL the store runs for a bbox page, and its count, are answered from the GiST index:
 * EXPLAIN on 200,000 points stored in spatial runs (plus a second layer, so layer_id alone does not
 * select them all): there PostgreSQL preferred walking (layer_id, seq) for small pages.
 */
class ItemsQueryPlanTest {
  static Database db;

  @BeforeAll
  static void load() throws Exception {
    db = TestDatabase.fresh();
    BulkPoints.load(db, "dense", 200_000);
    BulkPoints.load(db, "other", 5_000);
  }

  @AfterAll
  static void close() {
    db.close();
  }

  static String plan(String sql, List<Object> params) throws Exception {
    try (Connection c = db.connection();
        PreparedStatement ps = c.prepareStatement("EXPLAIN " + sql)) {
      for (int i = 0; i < params.size(); i++) {
        ps.setObject(i + 1, params.get(i));
      }
      StringBuilder out = new StringBuilder();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.append(rs.getString(1)).append('\n');
        }
      }
      return out.toString();
    }
  }

  @ParameterizedTest
  @CsvSource({"10, 0", "100, 0", "1000, 0", "100, 200"})
  void bboxPageAndCountUseTheSpatialIndex(long limit, long offset) throws Exception {
    // about 1% of the layer: 2 degrees of its 40 × 4 degrees
    ItemQuery q = new ItemQuery(new double[] {0, 5, 2, 7}, null, null, limit, offset);
    List<Object> params = new ArrayList<>();
    String select = PostgisFeatureStore.selectSql("dense", q, params);
    assertThat(plan(select, params)).contains("feature_geom_gix");

    List<Object> countParams = new ArrayList<>();
    String count =
        "SELECT count(*) FROM feature WHERE " + PostgisFeatureStore.where("dense", q, countParams);
    assertThat(plan(count, countParams)).contains("feature_geom_gix");
  }
}
