package org.sahelmap.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBReader;
import org.sahelmap.build.LayerBuilder;
import org.sahelmap.store.Database;
import org.sahelmap.store.FeatureRecord;
import org.sahelmap.store.LayerData;
import org.sahelmap.store.PostgisFeatureStore;
import org.sahelmap.testing.NeedsDatabase;
import org.sahelmap.testing.TestDatabase;

/** build-layers against the real PostGIS: validity, exact round trip, idempotence, atomicity. */
@NeedsDatabase
class LayerBuilderStoreTest {
  static Database db;
  static PostgisFeatureStore store;
  static List<LayerData> computed;

  @BeforeAll
  static void build() {
    db = TestDatabase.fresh();
    store = new PostgisFeatureStore(db.dataSource());
    LayerBuilder builder = new LayerBuilder(SourceFiles.classpath(), Clock.systemUTC());
    computed = builder.compute();
    store.replaceLayers(computed);
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @Test
  void everyStoredGeometryIsValidAndRoundTripsUnchanged() throws Exception {
    Map<String, Geometry> stored = storedGeometries();
    int n = 0;
    for (LayerData l : computed) {
      for (FeatureRecord f : l.features()) {
        Geometry back = stored.get(l.layer().id() + "/" + f.id());
        assertThat(back).as(f.id()).isNotNull();
        // norm() makes ring orientation and start point canonical: the store rewinds polygons
        // counter-clockwise (RFC 7946) and that must be the only change.
        assertThat(back.norm().equalsExact(f.geometry().norm()))
            .as(l.layer().id() + "/" + f.id())
            .isTrue();
        n++;
      }
    }
    // Anything stored beyond what was computed can only be an imported event (another test adds
    // one).
    assertThat(stored.size() - n).isBetween(0, 1);
    assertThat(query("SELECT count(*) FROM feature WHERE NOT ST_IsValid(geom)")).isEqualTo("0");
  }

  @Test
  void buildingTwiceGivesTheSameLayers() throws Exception {
    String before = query(digestSql());
    new LayerBuilder(SourceFiles.classpath(), Clock.systemUTC()).buildInto(store);
    assertThat(query(digestSql())).isEqualTo(before);
  }

  @Test
  void aCorruptOrMissingSourceNamesTheFileAndKeepsThePreviousLayers(@TempDir Path dir)
      throws IOException {
    Files.createDirectories(dir.resolve("geo"));
    Files.writeString(
        dir.resolve("geo/countries.geojson"),
        "{\"type\": \"FeatureCollection\",\n \"features\": [ {oops");
    long before = store.extent("aes-territory").count();
    assertThatThrownBy(
            () -> new LayerBuilder(SourceFiles.directory(dir), Clock.systemUTC()).buildInto(store))
        .isInstanceOf(SourceDataException.class)
        .hasMessageContaining("countries.geojson")
        .hasMessageContaining("line 2");
    Files.delete(dir.resolve("geo/countries.geojson"));
    assertThatThrownBy(
            () -> new LayerBuilder(SourceFiles.directory(dir), Clock.systemUTC()).buildInto(store))
        .isInstanceOf(SourceDataException.class)
        .hasMessageContaining("countries.geojson")
        .hasMessageContaining("missing");
    assertThat(store.extent("aes-territory").count()).isEqualTo(before).isEqualTo(1);
  }

  @Test
  void aLayerBuiltFromOtherSourcesOrWordsIsRebuiltAtStart() throws Exception {
    LayerBuilder builder = new LayerBuilder(SourceFiles.classpath(), Clock.systemUTC());
    builder.buildInto(store);
    assertThat(LayerBuilder.missingFrom(store)).as("just built").isFalse();
    // A database built before the border moved to OpenStreetMap: its sources name Natural Earth.
    alter(
        "UPDATE layer SET metadata = jsonb_set(metadata, '{sources}',"
            + " '[\"Natural Earth 10m admin-0 countries\"]'), updated_at = clock_timestamp()"
            + " WHERE id = 'algeria-border'");
    assertThat(LayerBuilder.missingFrom(store)).as("stored sources differ").isTrue();
    builder.buildInto(store);
    assertThat(LayerBuilder.missingFrom(store)).as("rebuilt").isFalse();
    alter(
        "UPDATE layer SET description = 'Generalised data: shorter than the Factbook',"
            + " updated_at = clock_timestamp() WHERE id = 'algeria-border'");
    assertThat(LayerBuilder.missingFrom(store)).as("stored description differs").isTrue();
    builder.buildInto(store);
    assertThat(LayerBuilder.missingFrom(store)).isFalse();
  }

  private static void alter(String sql) throws Exception {
    try (Connection c = db.connection();
        Statement st = c.createStatement()) {
      assertThat(st.executeUpdate(sql)).isEqualTo(1);
    }
  }

  @Test
  void rebuildingKeepsImportedEventsAndReplacesComputedLayers() {
    var extra =
        new FeatureRecord(
            "imported-test-event",
            org.sahelmap.geo.Geo.point(1.0, 18.0),
            Map.of("title", "imported"),
            java.time.Instant.parse("2024-05-01T00:00:00Z"),
            java.time.Instant.parse("2024-05-01T23:59:59Z"));
    store.upsertFeatures("events", List.of(extra));
    long events = store.extent("events").count();
    new LayerBuilder(SourceFiles.classpath(), Clock.systemUTC()).buildInto(store);
    assertThat(store.feature("events", "imported-test-event")).isPresent();
    assertThat(store.extent("events").count()).isEqualTo(events);
    assertThat(store.extent("algeria-border").count()).isEqualTo(1);
  }

  static String digestSql() {
    return "SELECT md5(string_agg(layer_id || id || properties::text || ST_AsText(geom), '|'"
        + " ORDER BY layer_id, id)) FROM feature";
  }

  static Map<String, Geometry> storedGeometries() throws Exception {
    Map<String, Geometry> out = new HashMap<>();
    WKBReader reader = new WKBReader();
    try (Connection c = db.connection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT layer_id, id, ST_AsBinary(geom) FROM feature")) {
      while (rs.next()) {
        out.put(rs.getString(1) + "/" + rs.getString(2), reader.read(rs.getBytes(3)));
      }
    }
    return out;
  }

  static String query(String sql) throws Exception {
    try (Connection c = db.connection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
