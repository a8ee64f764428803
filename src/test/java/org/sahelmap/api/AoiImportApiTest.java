package org.sahelmap.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sahelmap.json.Json;
import org.sahelmap.store.Database;
import org.sahelmap.store.PostgisFeatureStore;
import org.sahelmap.testing.GeoPackages;
import org.sahelmap.testing.GeoPackages.Shape;
import org.sahelmap.testing.NeedsDatabase;
import org.sahelmap.testing.TestAccounts;
import org.sahelmap.testing.TestDatabase;

/**
 * {@code POST /api/aois/import}: GeoPackages made here with geopackage-java, read back as GeoJSON.
 */
@NeedsDatabase
class AoiImportApiTest {
  static final MediaType GPKG = MediaType.get("application/geopackage+sqlite3");
  static final double R = 6378137; // the sphere of Web Mercator (EPSG:3857)

  static Database db;
  static TestAccounts accounts;
  Javalin app;

  @BeforeAll
  static void open() {
    db = TestDatabase.fresh();
    accounts = TestAccounts.create(db);
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @BeforeEach
  void app() {
    app = AppFactory.create(db, new PostgisFeatureStore(db.dataSource()), 1000);
  }

  record Reply(int code, JsonNode body, String type) {}

  static Reply post(HttpClient client, byte[] body, String auth) throws IOException {
    Response r =
        client.request(
            AoiImportHandler.PATH,
            b -> {
              b.post(RequestBody.create(body, GPKG));
              if (auth != null) {
                b.header("Authorization", auth);
              }
            });
    String text = r.body().string();
    return new Reply(
        r.code(), text.isEmpty() ? null : Json.MAPPER.readTree(text), r.header("Content-Type"));
  }

  /** Web Mercator of (lon, lat), by its formula: independent of the server's GeoTools. */
  static double[] mercator(double lon, double lat) {
    return new double[] {
      R * Math.toRadians(lon), R * Math.log(Math.tan(Math.PI / 4 + Math.toRadians(lat) / 2))
    };
  }

  static long tempFiles() throws IOException {
    try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return files.filter(p -> p.getFileName().toString().startsWith("sahel-aoi-import-")).count();
    }
  }

  @Test
  void polygonsIn4326And3857ComeBackAsGeoJsonInWgs84() throws Exception {
    double[][] lonLat = {{-3, 15}, {-2, 15}, {-2, 16}, {-3, 16}, {-3, 15}};
    double[][] mercatorRing = new double[5][];
    double[][] mercLonLat = {{1, 17}, {2.5, 17}, {2.5, 18.5}, {1, 18.5}, {1, 17}};
    for (int i = 0; i < 5; i++) {
      mercatorRing[i] = mercator(mercLonLat[i][0], mercLonLat[i][1]);
    }
    byte[] gpkg =
        GeoPackages.polygons(
            List.of(
                new Shape(4326, "wells", "Wells square", lonLat),
                new Shape(3857, "camps", "Camp in Mercator", mercatorRing)));
    long before = tempFiles();
    JavalinTest.test(
        app,
        (server, client) -> {
          Reply r = post(client, gpkg, accounts.analyst());
          assertThat(r.code()).as(String.valueOf(r.body())).isEqualTo(200);
          assertThat(r.type()).startsWith("application/geo+json");
          assertThat(r.body().path("type").asText()).isEqualTo("FeatureCollection");
          JsonNode features = r.body().path("features");
          assertThat(features).hasSize(2);
          JsonNode wells = byName(features, "Wells square");
          assertThat(wells.at("/properties/layer").asText()).isEqualTo("wells");
          assertRing(wells.at("/geometry"), lonLat);
          JsonNode camp = byName(features, "Camp in Mercator");
          assertThat(camp.at("/properties/layer").asText()).isEqualTo("camps");
          assertRing(camp.at("/geometry"), mercLonLat);
        });
    assertThat(tempFiles()).as("the upload's temporary file is deleted").isEqualTo(before);
  }

  static JsonNode byName(JsonNode features, String name) {
    for (JsonNode f : features) {
      if (f.at("/properties/name").asText().equals(name)) {
        return f;
      }
    }
    throw new AssertionError(name + " not in " + features);
  }

  static void assertRing(JsonNode geometry, double[][] expected) {
    assertThat(geometry.path("type").asText()).isEqualTo("Polygon");
    JsonNode ring = geometry.path("coordinates").path(0);
    assertThat(ring).hasSize(expected.length);
    for (int i = 0; i < expected.length; i++) {
      assertThat(ring.get(i).get(0).asDouble()).isCloseTo(expected[i][0], within(1e-6));
      assertThat(ring.get(i).get(1).asDouble()).isCloseTo(expected[i][1], within(1e-6));
    }
  }

  @Test
  void filesThatAreNotGeoPackagesOrHoldNoFeaturesAreRefusedInWords() throws Exception {
    long before = tempFiles();
    JavalinTest.test(
        app,
        (server, client) -> {
          Reply junk = post(client, "Minutes of the meeting, 3 May".getBytes(), accounts.analyst());
          assertThat(junk.code()).isEqualTo(400);
          assertThat(junk.body().path("code").asText()).isEqualTo("NotAGeoPackage");
          assertThat(junk.body().path("description").asText()).contains("not an SQLite database");

          Reply empty = post(client, new byte[0], accounts.analyst());
          assertThat(empty.code()).isEqualTo(400);
          assertThat(empty.body().path("code").asText()).isEqualTo("EmptyBody");

          Reply attributes = post(client, GeoPackages.attributesOnly(), accounts.analyst());
          assertThat(attributes.code()).isEqualTo(422);
          assertThat(attributes.body().path("code").asText()).isEqualTo("NoFeatureTable");
          assertThat(attributes.body().path("description").asText()).contains("no feature table");

          // SQLite's header, then nothing a database can be read from.
          byte[] broken = new byte[4096];
          System.arraycopy("SQLite format 3\0".getBytes(), 0, broken, 0, 16);
          Reply notGpkg = post(client, broken, accounts.analyst());
          assertThat(notGpkg.code()).as(String.valueOf(notGpkg.body())).isIn(400, 422);
          assertThat(notGpkg.body().path("code").asText()).isEqualTo("NotAGeoPackage");

          Reply big =
              post(client, new byte[(int) AoiImportHandler.MAX_BYTES + 1], accounts.analyst());
          assertThat(big.code()).isEqualTo(413);

          Reply anonymous = post(client, GeoPackages.attributesOnly(), null);
          assertThat(anonymous.code()).isEqualTo(401);
          Reply viewer =
              post(client, GeoPackages.attributesOnly(), "Bearer " + accounts.viewerToken());
          assertThat(viewer.code()).isEqualTo(403);
        });
    assertThat(tempFiles()).as("no temporary file is left behind").isEqualTo(before);
  }
}
