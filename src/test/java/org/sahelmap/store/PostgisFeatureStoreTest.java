package org.sahelmap.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sahelmap.testing.Geometries.wkt;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.sahelmap.testing.NeedsDatabase;
import org.sahelmap.testing.TestDatabase;

/** The store over a real PostGIS connection. */
@NeedsDatabase
class PostgisFeatureStoreTest {
  static Database db;
  static PostgisFeatureStore store;

  @BeforeAll
  static void open() {
    db = TestDatabase.fresh();
    store = new PostgisFeatureStore(db.dataSource());
  }

  @AfterAll
  static void close() {
    db.close();
  }

  static Layer layer(String id) {
    return new Layer(id, "Title " + id, "desc", "mission", Map.of("method", "test"), null, null, 1);
  }

  @Test
  void polygonWithHoleRoundTripsExactlyAndComesBackCounterClockwise() throws Exception {
    // Exterior ring written clockwise on purpose: the store must rewind it (RFC 7946).
    Geometry clockwise =
        wkt(
            "POLYGON((1.25 18.5, 1.5 18.75, 1.75 18.5, 1.5 18.25, 1.25 18.5),"
                + " (1.4 18.5, 1.5 18.4, 1.6 18.5, 1.5 18.6, 1.4 18.5))");
    store.replaceLayers(
        List.of(
            new LayerData(
                layer("roundtrip"),
                List.of(FeatureRecord.of("p1", clockwise, Map.of("area_km2", 1234.5))))));

    var stored = store.feature("roundtrip", "p1").orElseThrow();
    Geometry back = new GeoJsonReader().read(stored.geometryJson());
    assertThat(back.equalsTopo(clockwise)).isTrue();
    assertThat(back.getCoordinates()).containsExactlyInAnyOrder(clockwise.getCoordinates());
    assertThat(
            org.locationtech.jts.algorithm.Orientation.isCCW(
                ((org.locationtech.jts.geom.Polygon) back).getExteriorRing().getCoordinates()))
        .isTrue();
    assertThat(stored.propertiesJson()).isEqualTo("{\"area_km2\": 1234.5}");
  }

  @Test
  void failedReplaceLeavesPreviousLayersIntact() {
    store.replaceLayers(
        List.of(
            new LayerData(
                layer("keep"), List.of(FeatureRecord.of("a", wkt("POINT(1 2)"), Map.of())))));
    // A bow-tie polygon is invalid and refused by the table's CHECK: the whole batch must roll
    // back.
    Geometry invalid = wkt("POLYGON((0 0, 1 1, 1 0, 0 1, 0 0))");
    assertThatThrownBy(
            () ->
                store.replaceLayers(
                    List.of(
                        new LayerData(layer("keep"), List.of()),
                        new LayerData(
                            layer("broken"), List.of(FeatureRecord.of("x", invalid, Map.of()))))))
        .isInstanceOf(StoreException.class);
    assertThat(store.layer("broken")).isEmpty();
    assertThat(store.extent("keep").count()).isEqualTo(1);
  }

  @Test
  void bboxAndTimeFiltersPageInStableOrder() throws IOException {
    List<FeatureRecord> features = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      Instant day = Instant.parse("2024-01-01T00:00:00Z").plusSeconds(86_400L * i);
      features.add(
          new FeatureRecord(
              "e" + i,
              wkt("POINT(" + i + " " + i + ")"),
              Map.of("n", i),
              day,
              day.plusSeconds(3600)));
    }
    store.replaceLayers(List.of(new LayerData(layer("grid"), features)));

    ItemQuery box = new ItemQuery(new double[] {1.5, 1.5, 5.5, 5.5}, null, null, 2, 1);
    assertThat(store.count("grid", box)).isEqualTo(4);
    List<String> ids = new ArrayList<>();
    store.stream("grid", box, (id, g, p) -> ids.add(id));
    assertThat(ids).containsExactly("e3", "e4");

    ItemQuery window =
        new ItemQuery(
            null,
            Instant.parse("2024-01-03T00:30:00Z"),
            Instant.parse("2024-01-05T00:00:00Z"),
            ItemQuery.UNLIMITED,
            0);
    List<String> inWindow = new ArrayList<>();
    store.stream("grid", window, (id, g, p) -> inWindow.add(id));
    assertThat(inWindow).containsExactly("e2", "e3", "e4");

    // A page counts its matches (within the cap) and says whether another page follows.
    List<String> paged = new ArrayList<>();
    FeatureStore.Page page = store.page("grid", box, (id, g, p) -> paged.add(id));
    assertThat(paged).containsExactly("e3", "e4");
    assertThat(page.returned()).isEqualTo(2);
    assertThat(page.matched()).hasValue(4);
    assertThat(page.more()).isTrue();
    ItemQuery last = new ItemQuery(box.bbox(), null, null, 2, 2);
    FeatureStore.Page end = store.page("grid", last, (id, g, p) -> {});
    assertThat(end.returned()).isEqualTo(2);
    assertThat(end.more()).isFalse();
  }

  @Test
  void layerAndFeatureComeInOneQuery() {
    store.replaceLayers(
        List.of(
            new LayerData(
                layer("pair"), List.of(FeatureRecord.of("a", wkt("POINT(1 2)"), Map.of("v", 1))))));
    var both = store.layerFeature("pair", "a").orElseThrow();
    assertThat(both.layer().id()).isEqualTo("pair");
    assertThat(both.layer().updatedAt()).isNotNull();
    assertThat(both.feature().orElseThrow().geometryJson())
        .isEqualTo("{\"type\":\"Point\",\"coordinates\":[1,2]}");
    assertThat(store.layerFeature("pair", "missing").orElseThrow().feature()).isEmpty();
    assertThat(store.layerFeature("no-such-layer", "a")).isEmpty();
  }

  @Test
  void aFeaturesLayerIsReadAgainWheneverTheLayerChanged() throws Exception {
    store.replaceLayers(
        List.of(
            new LayerData(
                layer("kept"), List.of(FeatureRecord.of("a", wkt("POINT(1 2)"), Map.of())))));
    var first = store.layerFeature("kept", "a").orElseThrow().layer();
    // A change of the layer's row with its updated_at, as every write makes it.
    try (var c = db.dataSource().getConnection();
        var st = c.createStatement()) {
      st.executeUpdate(
          "UPDATE layer SET title = 'Renamed', updated_at = updated_at + interval '1 second'"
              + " WHERE id = 'kept'");
    }
    var after = store.layerFeature("kept", "a").orElseThrow().layer();
    assertThat(after.title()).isEqualTo("Renamed");
    assertThat(after.updatedAt()).isAfter(first.updatedAt());
    // Unchanged since: the same layer, not read again.
    assertThat(store.layerFeature("kept", "a").orElseThrow().layer()).isSameAs(after);
  }

  @Test
  void upsertDoesNotDuplicate() {
    store.replaceLayers(List.of(new LayerData(layer("up"), List.of())));
    var f = FeatureRecord.of("same", wkt("POINT(3 4)"), Map.of("v", 1));
    store.upsertFeatures("up", List.of(f));
    store.upsertFeatures(
        "up", List.of(FeatureRecord.of("same", wkt("POINT(3 4)"), Map.of("v", 2))));
    assertThat(store.extent("up").count()).isEqualTo(1);
    assertThat(store.feature("up", "same").orElseThrow().propertiesJson()).contains("2");
  }
}
