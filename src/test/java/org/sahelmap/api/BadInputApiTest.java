package org.sahelmap.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sahelmap.MainAccess;
import org.sahelmap.store.Database;
import org.sahelmap.store.PostgisFeatureStore;
import org.sahelmap.testing.DevData;
import org.sahelmap.testing.NeedsDatabase;
import org.sahelmap.testing.TestAccounts;
import org.sahelmap.testing.TestDatabase;

/**
 * Issue 16's cases one by one, each with the status and the field its refusal must name: dates
 * PostgreSQL cannot hold, NUL characters, AOIs no analysis could handle, and an import-events row
 * with a NUL reported as {@code FILE:line N: reason}.
 */
@NeedsDatabase
class BadInputApiTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final MediaType TYPE = MediaType.get("application/json");
  static Database db;
  static TestAccounts accounts;

  @BeforeAll
  static void open() {
    db = TestDatabase.fresh();
    DevData.load(db);
    accounts = TestAccounts.create(db);
  }

  @AfterAll
  static void close() {
    db.close();
  }

  record Reply(int code, JsonNode body) {}

  static Reply call(HttpClient client, String method, String path, String body) throws Exception {
    try (Response r =
        client.request(
            path,
            b -> {
              if (body != null) {
                b.method(method, RequestBody.create(body, TYPE));
              } else if (!method.equals("GET")) {
                b.method(method, RequestBody.create(new byte[0]));
              }
              b.header("If-Match", "*");
              b.header("Authorization", accounts.analyst());
            })) {
      String text = r.body().string();
      return new Reply(r.code(), text.isEmpty() ? null : JSON.readTree(text));
    }
  }

  static String aoi(String name, String rings) {
    return "{\"type\":\"Feature\",\"properties\":{\"name\":\""
        + name
        + "\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
        + rings
        + "}}";
  }

  @Test
  void datesOutsideWhatPostgresqlHoldsAre400NamingDatetime() {
    var app = AppFactory.create(db, new PostgisFeatureStore(db.dataSource()), 1000);
    JavalinTest.test(
        app,
        (server, client) -> {
          Reply saved =
              call(
                  client,
                  "POST",
                  "/ogc/collections/aois/items",
                  aoi("a", "[[[1,18],[2,18],[2,19],[1,19],[1,18]]]"));
          assertThat(saved.code()).isEqualTo(201);
          String id = saved.body().path("id").asText();
          for (String when :
              new String[] {
                "-999999999-01-01T00:00:00Z",
                "%2B294277-01-01T00:00:00Z",
                "2024-01-01/%2B294277-01-01T00:00:00Z",
                "-999999999-01-01T00:00:00Z/..",
                "0000-12-31"
              }) {
            for (String path :
                new String[] {
                  "/ogc/collections/events/items?datetime=",
                  "/ogc/collections/events/tiles/WebMercatorQuad/3/3/4?datetime=",
                  "/api/events/histogram?datetime=",
                  "/ogc/collections/aois/items/" + id + "/analysis?datetime=",
                  "/ogc/collections/aois/export?datetime="
                }) {
              Reply r = call(client, "GET", path + when, null);
              assertThat(r.code()).as(path + when).isEqualTo(400);
              assertThat(r.body().path("description").asText())
                  .as(path + when)
                  .contains("'datetime'")
                  .contains("0001 to 9999");
            }
          }
          // The years RFC 3339 writes are still fine.
          assertThat(
                  call(
                          client,
                          "GET",
                          "/ogc/collections/events/items?datetime=0001-01-01/9999-12-31",
                          null)
                      .code())
              .isEqualTo(200);
        });
  }

  @Test
  void nulCharactersAre400NamingTheField() {
    var app = AppFactory.create(db, new PostgisFeatureStore(db.dataSource()), 1000);
    String slide =
        "{\"title\":\"t\",\"caption\":\"c\",\"notes\":\"n\",\"view\":{\"center\":[1,18],\"zoom\":6},"
            + "\"layers\":[\"countries\"],\"time\":{\"from\":\"2024-01-01\",\"to\":\"2024-02-01\"}}";
    JavalinTest.test(
        app,
        (server, client) -> {
          String[][] cases = {
            {
              "POST",
              "/api/briefings",
              "{\"name\":\"a\\u0000b\",\"slides\":[" + slide + "]}",
              "name"
            },
            {
              "POST",
              "/api/briefings",
              "{\"name\":\"n\",\"banner\":\"\\u0000\",\"slides\":[" + slide + "]}",
              "banner"
            },
            {
              "POST",
              "/api/briefings",
              "{\"name\":\"n\",\"slides\":[" + slide.replace("\"c\"", "\"c\\u0000\"") + "]}",
              "slides[0].caption"
            },
            {
              "PUT",
              "/api/briefings/partnership-not-dependency",
              "{\"name\":\"n\",\"slides\":[" + slide.replace("\"n\"", "\"\\u0000\"") + "]}",
              "slides[0].notes"
            },
            {
              "POST",
              "/api/briefings/import",
              "{\"type\":\"FeatureCollection\",\"briefing\":{\"name\":\"\\u0000\"},\"features\":[]}",
              "briefing.name"
            },
            {
              "POST",
              "/ogc/collections/aois/items",
              aoi("a\\u0000", "[[[1,18],[2,18],[2,19],[1,19],[1,18]]]"),
              "properties.name"
            }
          };
          for (String[] c : cases) {
            Reply r = call(client, c[0], c[1], c[2]);
            assertThat(r.code()).as(c[1] + " " + c[3]).isEqualTo(400);
            assertThat(r.body().path("description").asText())
                .as(c[3])
                .contains("'" + c[3] + "'")
                .contains("NUL");
          }
        });
  }

  @Test
  void aoisNoAnalysisCouldHandleAreRefusedAtSaveAndEveryAcceptedOneExports() {
    var app = AppFactory.create(db, new PostgisFeatureStore(db.dataSource()), 1000);
    JavalinTest.test(
        app,
        (server, client) -> {
          String[][] refused = {
            {"[[[-90,0],[90,0],[90,1],[-90,1],[-90,0]]]", "TooLarge"},
            {"[[[-180,-90],[180,-90],[180,90],[-180,90],[-180,-90]]]", "TooLarge"},
            {"[[[0,0],[179.9,0],[-179.9,1],[0,0]]]", "TooLarge"},
          };
          for (String[] c : refused) {
            Reply r = call(client, "POST", "/ogc/collections/aois/items", aoi("x", c[0]));
            assertThat(r.code()).as(c[0]).isEqualTo(400);
            assertThat(r.body().path("code").asText()).isEqualTo(c[1]);
            assertThat(r.body().path("description").asText()).contains("60°");
          }
          StringBuilder parts =
              new StringBuilder(
                  "{\"type\":\"Feature\",\"properties\":{\"name\":\"p\"},\"geometry\":{\"type\":\"MultiPolygon\",\"coordinates\":[");
          for (int i = 0; i <= org.sahelmap.aoi.AoiValidator.MAX_POLYGONS; i++) {
            double x = i * 0.01;
            parts
                .append(i == 0 ? "" : ",")
                .append(
                    "[[["
                        + x
                        + ",18],["
                        + (x + 0.005)
                        + ",18],["
                        + x
                        + ",18.005],["
                        + x
                        + ",18]]]");
          }
          Reply many = call(client, "POST", "/ogc/collections/aois/items", parts + "]}}");
          assertThat(many.code()).isEqualTo(400);
          assertThat(many.body().path("code").asText()).isEqualTo("TooManyParts");
          // The largest AOI accepted still analyses and exports as valid GeoJSON behind its 200.
          Reply wide =
              call(
                  client,
                  "POST",
                  "/ogc/collections/aois/items",
                  aoi("wide", "[[[-20,0],[40,0],[40,30],[-20,30],[-20,0]]]"));
          assertThat(wide.code()).as(String.valueOf(wide.body())).isEqualTo(201);
          String id = wide.body().path("id").asText();
          assertThat(
                  call(client, "GET", "/ogc/collections/aois/items/" + id + "/analysis", null)
                      .code())
              .isEqualTo(200);
          Reply export = call(client, "GET", "/ogc/collections/aois/export", null);
          assertThat(export.code()).isEqualTo(200);
          assertThat(export.body().path("features").size()).isGreaterThan(0);
        });
  }

  @Test
  void aNulInAnImportedTitleIsOneLineProblemNotAStackTrace() throws Exception {
    Path file = Files.createTempFile("nul-", ".geojson");
    JsonNode events =
        JSON.readTree(
            DevData.repoRoot().resolve("data/events/partnership-not-dependency.geojson").toFile());
    var f =
        (com.fasterxml.jackson.databind.node.ObjectNode) events.get("features").get(0).deepCopy();
    f.put("id", "test-nul-title");
    ((com.fasterxml.jackson.databind.node.ObjectNode) f.get("properties"))
        .put("id", "test-nul-title")
        .put("title", "a\u0000b");
    Files.writeString(
        file,
        "{\"type\":\"FeatureCollection\",\"features\":[\n" + JSON.writeValueAsString(f) + "\n]}");
    String url = System.getenv("TEST_DATABASE_URL");
    url = url == null || url.isBlank() ? TestDatabase.DEFAULT_URL : url;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        MainAccess.run(
            new String[] {"import-events", file.toString(), "--database-url", url},
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    String said = err.toString(StandardCharsets.UTF_8);
    assertThat(code).isEqualTo(1);
    assertThat(said)
        .contains(file + ":line 2: ")
        .contains("title must not contain NUL")
        .doesNotContain("\tat ")
        .doesNotContain("Exception");
  }
}
