package org.sahelmap.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import java.time.Clock;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sahelmap.briefing.BriefingStore;
import org.sahelmap.briefing.DefaultBriefing;
import org.sahelmap.store.Database;
import org.sahelmap.store.PostgisFeatureStore;
import org.sahelmap.testing.DevData;
import org.sahelmap.testing.NeedsDatabase;
import org.sahelmap.testing.TestAccounts;
import org.sahelmap.testing.TestDatabase;

/** Briefings through the real app against PostGIS: CRUD, versions, locking, errors, GeoJSON. */
@NeedsDatabase
class BriefingApiTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final MediaType JSON_TYPE = MediaType.get("application/json");
  static Database db;
  static PostgisFeatureStore store;
  static TestAccounts accounts;
  static String ana;
  static String bo;

  @BeforeAll
  static void open() {
    db = TestDatabase.fresh();
    store = new PostgisFeatureStore(db.dataSource());
    DevData.load(db);
    accounts = TestAccounts.create(db);
    ana = TestAccounts.analystNamed(db, "ana");
    bo = TestAccounts.analystNamed(db, "bo");
  }

  @AfterAll
  static void close() {
    db.close();
  }

  interface Body {
    void run(HttpClient client) throws Exception;
  }

  static void withApp(Body body) {
    JavalinTest.test(AppFactory.create(db, store, 100), (server, client) -> body.run(client));
  }

  static Response send(HttpClient c, String method, String path, String body, String... headers) {
    Request.Builder r = new Request.Builder().url(c.getOrigin() + path);
    r.header("Authorization", accounts.analyst()); // replaced when the caller names another
    for (int i = 0; i < headers.length; i += 2) {
      r.header(headers[i], headers[i + 1]);
    }
    RequestBody rb = body == null ? null : RequestBody.create(body, JSON_TYPE);
    return c.request(r.method(method, rb).build());
  }

  static JsonNode json(Response r) throws Exception {
    return JSON.readTree(r.body().string());
  }

  static String sample(String name, double zoom) {
    return "{\"name\":\""
        + name
        + "\",\"banner\":\"TEST\",\"slides\":[{\"title\":\"Kidal\",\"caption\":\"<b>x</b>\","
        + "\"view\":{\"center\":[1.4,18.4],\"zoom\":"
        + zoom
        + "},\"layers\":[\"kidal\",\"events\"],\"time\":{\"from\":\"2023-10-01\","
        + "\"to\":\"2023-11-30\"},\"events\":[\"pnd-2023-11-kidal-capture\"]}]}";
  }

  @Test
  void theDefaultBriefingIsServedAndItsLayersAreAllKnown() {
    withApp(
        c -> {
          JsonNode list = json(c.get("/api/briefings"));
          assertThat(list.findValuesAsText("id")).contains("partnership-not-dependency");
          Response one = c.get("/api/briefings/partnership-not-dependency");
          assertThat(one.code()).isEqualTo(200);
          assertThat(one.header("ETag")).isEqualTo("\"1\"");
          JsonNode b = json(one);
          assertThat(b.path("slides").size()).isBetween(6, 10);
          assertThat(b.path("updatedBy").asText()).isEqualTo(DefaultBriefing.SAVED_BY);
          // Saving it back unchanged passes every rule, the layer ids included.
          ObjectNode body = ((ObjectNode) b).deepCopy();
          body.remove(java.util.List.of("version", "updatedBy", "updatedAt"));
          Response put =
              send(
                  c,
                  "PUT",
                  "/api/briefings/partnership-not-dependency",
                  body.toString(),
                  "If-Match",
                  "\"1\"");
          assertThat(put.code()).as(put.body().string()).isEqualTo(200);
          assertThat(put.header("ETag")).isEqualTo("\"2\"");
        });
    assertThat(DefaultBriefing.ensure(new BriefingStore(db.dataSource(), Clock.systemUTC())))
        .as("never saved twice")
        .isFalse();
  }

  @Test
  void createUpdateWithLockingVersionsAndDelete() {
    withApp(
        c -> {
          Response created =
              send(c, "POST", "/api/briefings", sample("Kidal brief", 7), "Authorization", ana);
          assertThat(created.code()).isEqualTo(201);
          String where = created.header("Location");
          assertThat(where).isEqualTo("/api/briefings/kidal-brief");
          assertThat(json(created).at("/slides/0/caption").asText()).isEqualTo("<b>x</b>");
          assertThat(send(c, "PUT", where, sample("Kidal brief", 8)).code()).isEqualTo(428);
          Response ok =
              send(
                  c,
                  "PUT",
                  where,
                  sample("Kidal brief", 8),
                  "If-Match",
                  "\"1\"",
                  "Authorization",
                  bo);
          assertThat(ok.code()).isEqualTo(200);
          Response stale = send(c, "PUT", where, sample("Kidal brief", 9), "If-Match", "\"1\"");
          assertThat(stale.code()).isEqualTo(412);
          assertThat(json(stale).path("description").asText()).contains("version 2");
          // If-Match compares strongly: a weak tag of the current version still does not match.
          assertThat(send(c, "PUT", where, sample("Kidal brief", 9), "If-Match", "W/\"2\"").code())
              .isEqualTo(412);
          // "*" accepts whatever is current.
          Response any = send(c, "PUT", where, sample("Kidal brief", 8), "If-Match", "*");
          assertThat(any.code()).isEqualTo(200);
          assertThat(any.header("ETag")).isEqualTo("\"3\"");
          JsonNode versions = json(c.get(where + "/versions")).path("versions");
          assertThat(versions).hasSize(3);
          assertThat(versions.get(0).path("savedBy").asText()).isEqualTo("ana");
          assertThat(versions.get(1).at("/briefing/slides/0/view/zoom").asDouble()).isEqualTo(8);
          assertThat(send(c, "POST", "/api/briefings", sample("Kidal brief", 7)).header("Location"))
              .isEqualTo("/api/briefings/kidal-brief-2");
          assertThat(send(c, "DELETE", where, null, "If-Match", "\"1\"").code()).isEqualTo(412);
          assertThat(send(c, "DELETE", where, null, "If-Match", "\"3\"").code()).isEqualTo(204);
          assertThat(c.get(where).code()).isEqualTo(404);
          assertThat(json(c.get(where + "/versions")).path("versions")).hasSize(4);
          assertThat(json(c.get("/api/briefings")).findValuesAsText("id"))
              .doesNotContain("kidal-brief");
        });
  }

  @Test
  void badRequestsGetClearErrors() {
    withApp(
        c -> {
          Response zoom = send(c, "POST", "/api/briefings", sample("Z", 25));
          assertThat(zoom.code()).isEqualTo(400);
          assertThat(json(zoom).path("description").asText()).contains("slides[0].view.zoom");
          Response layer =
              send(c, "POST", "/api/briefings", sample("L", 5).replace("\"kidal\"", "\"nowhere\""));
          assertThat(layer.code()).isEqualTo(400);
          assertThat(json(layer).path("description").asText()).contains("no layer 'nowhere'");
          assertThat(send(c, "POST", "/api/briefings", "{not json").code()).isEqualTo(400);
          Request text =
              new Request.Builder()
                  .url(c.getOrigin() + "/api/briefings")
                  .header("Authorization", accounts.analyst())
                  .post(RequestBody.create(sample("T", 5), MediaType.get("text/plain")))
                  .build();
          assertThat(c.request(text).code()).isEqualTo(415);
          String huge = sample("H", 5).replace("<b>x</b>", "x".repeat(3 * 1024 * 1024));
          assertThat(send(c, "POST", "/api/briefings", huge).code()).isEqualTo(413);
          assertThat(c.get("/api/briefings/none").code()).isEqualTo(404);
          assertThat(json(c.get("/api/briefings/none")).path("code").asText())
              .isEqualTo("NotFound");
        });
  }

  @Test
  void exportThenImportGivesTheSameBriefing() {
    withApp(
        c -> {
          Response export = c.get("/api/briefings/partnership-not-dependency/export.geojson");
          assertThat(export.code()).isEqualTo(200);
          assertThat(export.header("Content-Type")).startsWith("application/geo+json");
          String file = export.body().string();
          JsonNode fc = JSON.readTree(file);
          assertThat(fc.path("type").asText()).isEqualTo("FeatureCollection");
          assertThat(fc.at("/features/0/geometry/type").asText()).isEqualTo("Polygon");
          Response imported =
              c.request(
                  new Request.Builder()
                      .url(c.getOrigin() + "/api/briefings/import")
                      .header("Authorization", accounts.analyst())
                      .post(RequestBody.create(file, MediaType.get("application/geo+json")))
                      .build());
          assertThat(imported.code()).isEqualTo(201);
          String where = imported.header("Location");
          assertThat(where).startsWith("/api/briefings/partnership-not-dependency-");
          JsonNode original = json(c.get("/api/briefings/partnership-not-dependency"));
          JsonNode copy = json(c.get(where));
          for (String field : new String[] {"name", "banner", "slides"}) {
            assertThat(copy.get(field)).as(field).isEqualTo(original.get(field));
          }
          Response bad = send(c, "POST", "/api/briefings/import", "{\"type\":\"Feature\"}");
          assertThat(bad.code()).isEqualTo(400);
        });
  }
}
