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
import org.sahelmap.testing.NeedsDatabase;
import org.sahelmap.testing.TestDatabase;

/**
 * The exact SQL the store runs for a bbox page, and its count, are answered from the GiST index:
 * EXPLAIN on 200,000 points stored in spatial runs (plus a second layer, so layer_id alone does not
 * select them all): there PostgreSQL preferred walking (layer_id, seq) for small pages. A box with
 * more matches than the count cap walks (layer_id, seq) instead, so its page never sorts them all.
 */
@NeedsDatabase
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
    // about 2.5% of the layer (5,000 points: fewer than COUNT_CAP, so the page sorts its matches)
    ItemQuery q = new ItemQuery(new double[] {0, 5, 2, 7}, null, null, limit, offset);
    List<Object> params = new ArrayList<>();
    String select = PostgisFeatureStore.selectSql("dense", q, params, limit + 1, false);
    assertThat(plan(select, params)).contains("feature_layer_geom_gix");

    List<Object> countParams = new ArrayList<>();
    String count =
        PostgisFeatureStore.countSql("dense", q, countParams, FeatureStore.COUNT_CAP + 1);
    assertThat(plan(count, countParams))
        .contains("feature_layer_geom_gix")
        // one index answers both conditions: no second scan of the whole layer to AND with
        .doesNotContain("BitmapAnd");
  }

  @ParameterizedTest
  @CsvSource({"100, 0", "1000, 0", "1000, 5000"})
  void pageOfABoxWithManyMatchesWalksTheLayerInOrder(long limit, long offset) throws Exception {
    // half the layer: sorting 100,000 matches for one page is what made such pages slow
    ItemQuery q = new ItemQuery(new double[] {-17, 4, 3, 8}, null, null, limit, offset);
    List<Object> params = new ArrayList<>();
    String select = PostgisFeatureStore.selectSql("dense", q, params, limit + 1, true);
    assertThat(plan(select, params)).contains("feature_layer_seq_idx").doesNotContain("Sort");
  }
}
