package org.sahelmap.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sahelmap.testing.Geometries.wkt;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.sahelmap.json.Json;
import org.sahelmap.testing.SampleLayers;

/**
 * What every {@link FeatureStore} answers, checked against PostGIS and against the in-memory store
 * the fast handler tests use, so a handler test over memory says what it would say over PostGIS.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FeatureStoreContract {
  private static final Instant DAY0 = Instant.parse("2024-01-01T00:00:00Z");
  private static final long DAY = 86_400;

  FeatureStore store;

  /** A store holding nothing yet. */
  abstract FeatureStore emptyStore();

  @BeforeAll
  void load() {
    store = emptyStore();
    SampleLayers.load(store);
    store.replaceLayers(
        List.of(
            new LayerData(
                SampleLayers.layer("pacific", "Across the antimeridian", "context", 10),
                List.of(
                    FeatureRecord.of("east", wkt("POINT(178 66)"), Map.of()),
                    FeatureRecord.of("west", wkt("POINT(-178.5 67)"), Map.of()),
                    FeatureRecord.of("middle", wkt("POINT(0 66)"), Map.of()))),
            new LayerData(
                SampleLayers.layer("reports", "Reports", "events", 11),
                List.of(
                    report("a", "Clash near Kidal", "clash", List.of("FAMa"), DAY0, DAY0),
                    report("b", "Convoy in Gao", "movement", List.of("MINUSMA"), DAY0, null),
                    report("c", "100% road_block", "clash", List.of(), null, null)))));
  }

  private static FeatureRecord report(
      String id, String title, String category, List<String> actors, Instant start, Instant end) {
    return new FeatureRecord(
        id,
        wkt("POINT(0 15)"),
        Map.of("title", title, "category", category, "actors", actors),
        start,
        end);
  }

  @Test
  void layersComeInDisplayOrderAndAMissingOneIsEmpty() {
    assertThat(store.layers().stream().map(Layer::id))
        .containsSubsequence("towns", "roads", "zones", "incidents", "pacific", "reports");
    assertThat(store.layer("nowhere")).isEmpty();
    assertThat(store.layerFeature("nowhere", "t1")).isEmpty();
    assertThat(store.layerFeature("towns", "nothing").orElseThrow().feature()).isEmpty();
    assertThat(store.feature("towns", "t7").orElseThrow().propertiesJson()).contains("town 7");
  }

  @Test
  void aBboxKeepsWhatIntersectsItInInsertionOrder() throws IOException {
    // Towns lie on a 2.5° × 2° grid from (-5, 12); this box holds columns 0..2 of rows 0..1.
    assertThat(ids("towns", query(new double[] {-5, 12, 0, 14}, null, null)))
        .containsExactly("t0", "t1", "t2", "t5", "t6", "t7");
    // The road r3 runs along 1°E from 12°N to 20°N: it crosses a box that holds none of its
    // vertices.
    assertThat(ids("roads", query(new double[] {0.5, 15, 1.5, 16}, null, null)))
        .containsExactly("r1", "r3");
  }

  @Test
  void aBboxCrossingTheAntimeridianHoldsBothSides() throws IOException {
    assertThat(ids("pacific", query(new double[] {177, 65, -177, 70}, null, null)))
        .containsExactly("east", "west");
  }

  @Test
  void aTimeWindowKeepsSpansThatOverlapItAndInstantsKnownByOneEnd() throws IOException {
    // Incidents e0..e9 each span one day from 2024-01-01.
    Instant from = DAY0.plusSeconds(3 * DAY + 3600);
    Instant to = DAY0.plusSeconds(5 * DAY);
    assertThat(ids("incidents", query(null, from, to))).containsExactly("e3", "e4", "e5");
    assertThat(ids("incidents", query(null, null, DAY0.plusSeconds(DAY / 2))))
        .containsExactly("e0");
    // b is known only by its start; c has no time at all and so is in no window.
    assertThat(ids("reports", query(null, DAY0, DAY0))).containsExactly("a", "b");
  }

  @Test
  void categoriesAndTextFilterLiterally() throws IOException {
    ItemQuery clashes = new ItemQuery(null, null, null, 10, 0, Set.of("clash"), null);
    assertThat(ids("reports", clashes)).containsExactly("a", "c");
    assertThat(ids("reports", new ItemQuery(null, null, null, 10, 0, Set.of(), "KIDAL")))
        .containsExactly("a");
    assertThat(ids("reports", new ItemQuery(null, null, null, 10, 0, Set.of(), "minusma")))
        .containsExactly("b");
    // % and _ are text, not wildcards.
    assertThat(ids("reports", new ItemQuery(null, null, null, 10, 0, Set.of(), "0% road_")))
        .containsExactly("c");
    assertThat(ids("reports", new ItemQuery(null, null, null, 10, 0, Set.of(), "0%_road")))
        .isEmpty();
  }

  @Test
  void aPageSaysHowManyMatchAndWhetherMoreFollow() throws IOException {
    List<String> got = new ArrayList<>();
    FeatureStore.Page page =
        store.page("towns", new ItemQuery(null, null, null, 10, 20), (id, g, p) -> got.add(id));
    assertThat(got).containsExactly("t20", "t21", "t22", "t23", "t24");
    assertThat(page.returned()).isEqualTo(5);
    assertThat(page.matched()).hasValue(25);
    assertThat(page.more()).isFalse();
    FeatureStore.Page first =
        store.page("towns", new ItemQuery(null, null, null, 10, 10), (id, g, p) -> {});
    assertThat(first.more()).isTrue();
    assertThat(store.count("towns", query(new double[] {-5, 12, 0, 14}, null, null))).isEqualTo(6);
  }

  @Test
  void polygonsAreWoundAsRfc7946AsksWhateverTheyWereWrittenAs() throws Exception {
    // z1 was written with a clockwise exterior and a counter-clockwise hole.
    String geometry = store.feature("zones", "z1").orElseThrow().geometryJson();
    Polygon p = (Polygon) new GeoJsonReader().read(geometry);
    assertThat(Orientation.isCCW(p.getExteriorRing().getCoordinateSequence())).isTrue();
    assertThat(Orientation.isCCW(p.getInteriorRingN(0).getCoordinateSequence())).isFalse();
  }

  @Test
  void propertiesCanBeNamedAndTheGeometryLeftOut() throws IOException {
    List<String[]> rows = new ArrayList<>();
    store.page(
        "towns",
        new ItemQuery(null, null, null, 1, 3)
            .withOutput(new ItemQuery.Output(null, List.of("name"), true, null)),
        (id, g, p) -> rows.add(new String[] {id, g, p}));
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0)[1]).isEqualTo("null");
    JsonNode properties = Json.MAPPER.readTree(rows.get(0)[2]);
    assertThat(properties.size()).isEqualTo(1);
    assertThat(properties.get("name").asText()).isEqualTo("town 3");
  }

  @Test
  void propertyTypesAreReadFromTheFeatures() {
    Map<String, PropertyTypes.Type> towns = store.propertyTypes("towns");
    assertThat(towns.keySet()).containsExactly("capital", "name", "population");
    assertThat(towns.get("population").json()).isEqualTo("number");
    assertThat(towns.get("population").integer()).isTrue();
    assertThat(towns.get("name").date()).isFalse();
    assertThat(towns.get("capital").json()).isEqualTo("boolean");
    assertThat(store.propertyTypes("incidents").get("date").date()).isTrue();
    assertThat(store.propertyTypes("roads").get("length_km").integer()).isFalse();
    // An empty array says nothing about its items: the others agree they are strings.
    assertThat(store.propertyTypes("reports").get("actors").json()).isEqualTo("array");
    assertThat(store.propertyTypes("reports").get("actors").items()).isEqualTo("string");
  }

  @Test
  void theExtentCoversEveryFeatureAndItsTimes() {
    Extent towns = store.extent("towns");
    assertThat(towns.bbox()).containsExactly(-5, 12, 5, 20);
    assertThat(towns.count()).isEqualTo(25);
    Extent incidents = store.extent("incidents");
    assertThat(incidents.timeStart()).isEqualTo(DAY0);
    assertThat(incidents.timeEnd()).isEqualTo(DAY0.plusSeconds(10 * DAY - 1));
    assertThat(store.extent("nowhere").bbox()).isNull();
  }

  @Test
  void anUpsertReplacesAFeatureInItsPlaceAndMovesTheLayersTime() throws IOException {
    store.replaceLayers(
        List.of(
            new LayerData(
                SampleLayers.layer("upserted", "Upserted", "context", 20),
                List.of(
                    FeatureRecord.of("p1", wkt("POINT(1 1)"), Map.of("v", 1)),
                    FeatureRecord.of("p2", wkt("POINT(2 2)"), Map.of("v", 2))))));
    Instant before = store.layer("upserted").orElseThrow().updatedAt();
    store.upsertFeatures(
        "upserted",
        List.of(
            FeatureRecord.of("p1", wkt("POINT(3 3)"), Map.of("v", 10)),
            FeatureRecord.of("p3", wkt("POINT(4 4)"), Map.of("v", 3))));
    assertThat(ids("upserted", query(null, null, null))).containsExactly("p1", "p2", "p3");
    assertThat(store.feature("upserted", "p1").orElseThrow().propertiesJson()).contains("10");
    assertThat(store.layer("upserted").orElseThrow().updatedAt()).isAfter(before);
  }

  @Test
  void aBulkWriteFindsRepeatedIdsAndWritesNothingUntilItCommits() {
    LayerData base = new LayerData(SampleLayers.layer("bulk", "Bulk", "events", 21), List.of());
    try (BulkUpsert write = store.openUpsert(base)) {
      write.add(1, FeatureRecord.of("x", wkt("POINT(0 0)"), Map.of()));
      write.add(2, FeatureRecord.of("y", wkt("POINT(0 1)"), Map.of()));
      write.add(3, FeatureRecord.of("x", wkt("POINT(0 2)"), Map.of()));
      BulkUpsert.Duplicates repeats = write.duplicates(10);
      assertThat(repeats.count()).isEqualTo(1);
      assertThat(repeats.first()).containsExactly(new BulkUpsert.Duplicate("x", 3, 1));
    }
    assertThat(store.layer("bulk")).isEmpty();
    try (BulkUpsert write = store.openUpsert(base)) {
      write.add(1, FeatureRecord.of("x", wkt("POINT(0 0)"), Map.of()));
      assertThat(write.commit()).isEqualTo(1);
    }
    assertThat(store.extent("bulk").count()).isEqualTo(1);
  }

  @Test
  void anUpsertIntoAMissingLayerIsRefused() {
    assertThatThrownBy(
            () ->
                store.upsertFeatures(
                    "nowhere", List.of(FeatureRecord.of("q", wkt("POINT(0 0)"), Map.of()))))
        .isInstanceOf(StoreException.class);
  }

  private List<String> ids(String layer, ItemQuery query) throws IOException {
    List<String> out = new ArrayList<>();
    store.page(layer, query, (id, g, p) -> out.add(id));
    return out;
  }

  private static ItemQuery query(double[] bbox, Instant from, Instant to) {
    return new ItemQuery(bbox, from, to, 100, 0);
  }
}
