package org.sahelmap.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sahelmap.testing.Geometries.wkt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.sahelmap.testing.NeedsDatabase;
import org.sahelmap.testing.TestDatabase;

/** {@link BulkUpsert} over a real PostGIS connection: what COPY carries, and all or nothing. */
@NeedsDatabase
class BulkUpsertTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ItemQuery ALL = new ItemQuery(null, null, null, ItemQuery.UNLIMITED, 0);

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

  static LayerData base(String id, FeatureRecord... features) {
    return new LayerData(
        new Layer(id, "Bulk " + id, "test", "events", Map.of(), null, null, 1), List.of(features));
  }

  static FeatureRecord point(String id, Map<String, Object> props) {
    return new FeatureRecord(
        id,
        wkt("POINT(1.40778 18.44111)"),
        props,
        Instant.parse("2024-02-01T00:00:00Z"),
        Instant.parse("2024-02-29T23:59:59.999999Z"));
  }

  @Test
  void createsTheLayerWithItsBaseAndCarriesEveryCharacterCopyEscapes() throws Exception {
    String awkward = "tab\there, new\nline, back\\slash, \\N, quote \" and é – ✓";
    try (BulkUpsert up = store.openUpsert(base("bulk-new", point("base-1", Map.of("n", 1))))) {
      up.add(1, point("a", Map.of("text", awkward, "list", List.of(1, 2))));
      // A clockwise square: stored counter-clockwise, as upsertFeatures stores polygons.
      up.add(
          2, FeatureRecord.of("sq", wkt("POLYGON((0 0, 0 1, 1 1, 1 0, 0 0))"), Map.of("k", "v")));
      assertThat(store.layer("bulk-new")).as("nothing visible before commit").isEmpty();
      assertThat(up.commit()).isEqualTo(2);
    }
    assertThat(store.count("bulk-new", ALL)).isEqualTo(3);
    JsonNode props = JSON.readTree(store.feature("bulk-new", "a").orElseThrow().propertiesJson());
    assertThat(props.path("text").asText()).isEqualTo(awkward);
    assertThat(props.path("list").get(1).asInt()).isEqualTo(2);
    Polygon sq =
        (Polygon)
            new GeoJsonReader().read(store.feature("bulk-new", "sq").orElseThrow().geometryJson());
    assertThat(Orientation.isCCW(sq.getExteriorRing().getCoordinates())).isTrue();
    // The two timed features end on the last microsecond of February: kept exactly through COPY.
    assertThat(store.count("bulk-new", window("2024-02-29T23:59:59.999999Z"))).isEqualTo(2);
    assertThat(store.count("bulk-new", window("2024-03-01T00:00:00Z"))).isZero();
  }

  static ItemQuery window(String from) {
    return new ItemQuery(null, Instant.parse(from), null, ItemQuery.UNLIMITED, 0);
  }

  @Test
  void updatesByIdBumpsUpdatedAtAndWritesNothingWithoutCommit() throws Exception {
    store.replaceLayers(List.of(base("bulk-up", point("x", Map.of("v", "old")))));
    Instant before = store.layer("bulk-up").orElseThrow().updatedAt();
    try (BulkUpsert up = store.openUpsert(base("bulk-up"))) {
      up.add(1, point("x", Map.of("v", "never")));
      up.add(2, point("y", Map.of("v", "never")));
    }
    assertThat(store.count("bulk-up", ALL)).isOne();
    assertThat(store.layer("bulk-up").orElseThrow().updatedAt()).isEqualTo(before);

    try (BulkUpsert up = store.openUpsert(base("bulk-up"))) {
      up.add(1, point("x", Map.of("v", "new")));
      up.add(2, point("y", Map.of("v", "new")));
      up.commit();
    }
    assertThat(store.count("bulk-up", ALL)).isEqualTo(2);
    assertThat(store.feature("bulk-up", "x").orElseThrow().propertiesJson()).contains("new");
    assertThat(store.layer("bulk-up").orElseThrow().updatedAt()).isAfter(before);
  }

  @Test
  void repeatedIdsAreListedInLineOrderAndCounted() {
    try (BulkUpsert up = store.openUpsert(base("bulk-dup"))) {
      // More rows than one COPY batch, so repeats are found across batches.
      for (int i = 0; i < 12_000; i++) {
        up.add(i + 2, point("r" + (i % 11_000), Map.of()));
      }
      BulkUpsert.Duplicates d = up.duplicates(3);
      assertThat(d.count()).isEqualTo(1_000);
      assertThat(d.first())
          .containsExactly(
              new BulkUpsert.Duplicate("r0", 11_002, 2),
              new BulkUpsert.Duplicate("r1", 11_003, 3),
              new BulkUpsert.Duplicate("r2", 11_004, 4));
    }
    assertThat(store.layer("bulk-dup")).isEmpty();
  }
}
