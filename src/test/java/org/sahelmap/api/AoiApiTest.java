package org.sahelmap.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sahelmap.aoi.AoiJson.box;
import static org.sahelmap.aoi.AoiJson.feature;
import static org.sahelmap.aoi.AoiJson.parse;
import static org.sahelmap.aoi.AoiJson.polygon;
import static org.sahelmap.aoi.AoiJson.ring;
import static org.sahelmap.aoi.AoiJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sahelmap.store.Database;
import org.sahelmap.store.PostgisFeatureStore;
import org.sahelmap.testing.NeedsDatabase;
import org.sahelmap.testing.TestAccounts;
import org.sahelmap.testing.TestDatabase;

/** The writable collection {@code aois} through HTTP against PostGIS. */
@NeedsDatabase
class AoiApiTest {
  static final String ITEMS = "/ogc/collections/aois/items";
  static final MediaType GEOJSON = MediaType.get("application/geo+json");

  static Database db;
  static TestAccounts accounts;
  static String amina;
  static String bakary;
  Javalin app;

  @BeforeAll
  static void open() {
    db = TestDatabase.fresh();
    accounts = TestAccounts.create(db);
    amina = TestAccounts.analystNamed(db, "amina");
    bakary = TestAccounts.analystNamed(db, "bakary");
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @BeforeEach
  void app() {
    app = AppFactory.create(db, new PostgisFeatureStore(db.dataSource()), 1000);
  }

  record Reply(int code, JsonNode body, String etag, Response raw) {}

  static Reply send(
      HttpClient client, String method, String path, String body, Map<String, String> headers)
      throws Exception {
    return send(
        client, method, path, body == null ? null : RequestBody.create(body, GEOJSON), headers);
  }

  static Reply send(
      HttpClient client, String method, String path, RequestBody body, Map<String, String> headers)
      throws Exception {
    Response r =
        client.request(
            path,
            b -> {
              b.method(
                  method,
                  body == null && !method.equals("GET") && !method.equals("DELETE")
                      ? RequestBody.create(new byte[0])
                      : body);
              if (!headers.containsKey("Authorization")) {
                b.header("Authorization", accounts.analyst());
              }
              headers.forEach(b::header);
            });
    String text = r.body() == null ? "" : r.body().string();
    return new Reply(r.code(), text.isEmpty() ? null : parse(text), r.header("ETag"), r);
  }

  static List<String> liveIds(HttpClient client) throws Exception {
    List<String> ids = new ArrayList<>();
    send(client, "GET", ITEMS + "?limit=1000", (String) null, Map.of())
        .body()
        .path("features")
        .forEach(f -> ids.add(f.path("id").asText()));
    return ids;
  }

  static Reply post(HttpClient client, ObjectNode f, Map<String, String> headers) throws Exception {
    return send(client, "POST", ITEMS, text(f), headers);
  }

  @Test
  void createReadReplaceDeleteRestoreWithVersionsAndAuthors() {
    JavalinTest.test(
        app,
        (server, client) -> {
          Reply created =
              post(
                  client,
                  feature("Kidal north", box(1, 18, 2, 19)),
                  Map.of("Authorization", amina));
          assertThat(created.code()).as(created.body().toString()).isEqualTo(201);
          assertThat(created.etag()).isEqualTo("\"1\"");
          String id = created.body().path("id").asText();
          assertThat(created.raw().header("Location")).endsWith(ITEMS + "/" + id);
          assertThat(created.body().at("/properties/created_by").asText()).isEqualTo("amina");
          assertThat(created.body().at("/properties/version").asInt()).isEqualTo(1);

          Reply read = send(client, "GET", ITEMS + "/" + id, (String) null, Map.of());
          assertThat(read.code()).isEqualTo(200);
          assertThat(read.etag()).isEqualTo("\"1\"");
          assertThat(read.body().at("/properties/name").asText()).isEqualTo("Kidal north");
          Reply notModified =
              send(
                  client, "GET", ITEMS + "/" + id, (String) null, Map.of("If-None-Match", "\"1\""));
          assertThat(notModified.code()).isEqualTo(304);

          // The generic read path lists it, as GDAL and the map read it.
          assertThat(liveIds(client)).contains(id);

          ObjectNode edit = feature("Kidal north (revised)", box(1, 18, 2.5, 19));
          Reply noIfMatch = send(client, "PUT", ITEMS + "/" + id, text(edit), Map.of());
          assertThat(noIfMatch.code()).isEqualTo(428);
          Reply updated =
              send(
                  client,
                  "PUT",
                  ITEMS + "/" + id,
                  text(edit),
                  Map.of("If-Match", "\"1\"", "Authorization", bakary));
          assertThat(updated.code()).as(updated.body().toString()).isEqualTo(200);
          assertThat(updated.etag()).isEqualTo("\"2\"");
          assertThat(updated.body().at("/properties/updated_by").asText()).isEqualTo("bakary");
          assertThat(updated.body().at("/properties/created_by").asText()).isEqualTo("amina");

          Reply deleted =
              send(client, "DELETE", ITEMS + "/" + id, (String) null, Map.of("If-Match", "\"2\""));
          assertThat(deleted.code()).isEqualTo(200);
          assertThat(deleted.etag()).isEqualTo("\"3\"");
          assertThat(send(client, "GET", ITEMS + "/" + id, (String) null, Map.of()).code())
              .isEqualTo(410);
          assertThat(liveIds(client)).doesNotContain(id);
          assertThat(
                  send(client, "PUT", ITEMS + "/" + id, text(edit), Map.of("If-Match", "\"3\""))
                      .code())
              .isEqualTo(410);

          Reply restored =
              send(
                  client,
                  "POST",
                  ITEMS + "/" + id + "/restore",
                  (String) null,
                  Map.of("If-Match", "\"3\"", "Authorization", amina));
          assertThat(restored.code()).as(String.valueOf(restored.body())).isEqualTo(200);
          assertThat(restored.etag()).isEqualTo("\"4\"");
          assertThat(restored.body().at("/properties/name").asText())
              .isEqualTo("Kidal north (revised)");
          assertThat(send(client, "GET", ITEMS + "/" + id, (String) null, Map.of()).code())
              .isEqualTo(200);

          Reply versions =
              send(client, "GET", ITEMS + "/" + id + "/versions", (String) null, Map.of());
          List<String> ops = new ArrayList<>();
          versions
              .body()
              .path("features")
              .forEach(
                  v ->
                      ops.add(
                          v.at("/properties/version").asInt()
                              + ":"
                              + v.at("/properties/operation").asText()
                              + ":"
                              + v.at("/properties/saved_by").asText()));
          assertThat(ops)
              .containsExactly(
                  "1:create:amina",
                  "2:update:bakary",
                  "3:delete:" + TestAccounts.ANALYST,
                  "4:restore:amina");
          Reply v1 = send(client, "GET", ITEMS + "/" + id + "/versions/1", (String) null, Map.of());
          assertThat(v1.body().at("/properties/name").asText()).isEqualTo("Kidal north");
          assertThat(v1.body().at("/geometry/coordinates/0").size()).isEqualTo(5);
        });
  }

  @Test
  void staleIfMatchGets412WithTheCurrentVersion() {
    JavalinTest.test(
        app,
        (server, client) -> {
          String id =
              post(client, feature("A", box(0, 10, 1, 11)), Map.of()).body().path("id").asText();
          send(
              client,
              "PUT",
              ITEMS + "/" + id,
              text(feature("B", box(0, 10, 1, 12))),
              Map.of("If-Match", "\"1\""));
          for (String stale : List.of("\"1\"", "W/\"2\"", "\"abc\"", "\"7\"")) {
            Reply r =
                send(
                    client,
                    "PUT",
                    ITEMS + "/" + id,
                    text(feature("C", box(0, 10, 2, 12))),
                    Map.of("If-Match", stale));
            assertThat(r.code()).as(stale).isEqualTo(412);
            assertThat(r.etag()).isEqualTo("\"2\"");
            assertThat(r.body().path("code").asText()).isEqualTo("PreconditionFailed");
            assertThat(r.body().path("currentVersion").asInt()).isEqualTo(2);
            assertThat(r.body().at("/current/properties/name").asText()).isEqualTo("B");
            assertThat(r.body().at("/current/properties/updated_by").asText())
                .isEqualTo(TestAccounts.ANALYST);
            assertThat(r.body().path("description").asText())
                .contains("version 2")
                .contains("Reload");
          }
          Reply staleDelete =
              send(client, "DELETE", ITEMS + "/" + id, (String) null, Map.of("If-Match", "\"1\""));
          assertThat(staleDelete.code()).isEqualTo(412);
          assertThat(send(client, "DELETE", ITEMS + "/" + id, (String) null, Map.of()).code())
              .isEqualTo(428);
          // Nothing was lost: still "B" at version 2.
          Reply now = send(client, "GET", ITEMS + "/" + id, (String) null, Map.of());
          assertThat(now.etag()).isEqualTo("\"2\"");
          assertThat(now.body().at("/properties/name").asText()).isEqualTo("B");
        });
  }

  @Test
  void everyValidationRuleAnswers400WithItsReason() {
    JavalinTest.test(
        app,
        (server, client) -> {
          List<String> before = liveIds(client);
          Map<String, String> cases =
              Map.ofEntries(
                  Map.entry(
                      text(feature("p", parse("{\"type\":\"Point\",\"coordinates\":[1,2]}"))),
                      "InvalidGeometry:'Point' is not accepted"),
                  Map.entry(
                      text(feature("lon", box(179, 0, 181, 1))), "CoordinateOutOfRange:(181, 0)"),
                  Map.entry(
                      text(feature("lat", box(0, 89, 1, 91))), "CoordinateOutOfRange:latitude"),
                  Map.entry(
                      text(
                          feature(
                              "open",
                              parse(
                                  "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,1]]]}"))),
                      "RingNotClosed:starts at (0, 0) but ends at (0, 1)"),
                  Map.entry(
                      text(feature("bowtie", polygon(ring(0, 0, 2, 2, 2, 0, 0, 2)))),
                      "InvalidGeometry:Self-intersection at (1, 1)"),
                  Map.entry(
                      text(feature("n".repeat(201), box(0, 0, 1, 1))),
                      "InvalidProperty:201 characters"),
                  Map.entry(text(feature("", box(0, 0, 1, 1))), "InvalidProperty:1 to 200"),
                  Map.entry(
                      "{\"type\":\"FeatureCollection\",\"features\":[]}",
                      "NotAFeature:one GeoJSON Feature"),
                  Map.entry("{\"type\":\"Feature\",", "MalformedJson:line 1"),
                  Map.entry("{\"type\":\"Feature\"} trailing", "MalformedJson:not valid JSON"),
                  Map.entry("", "MalformedJson:empty"));
          for (var c : cases.entrySet()) {
            Reply r = send(client, "POST", ITEMS, c.getKey(), Map.of());
            String[] expected = c.getValue().split(":", 2);
            assertThat(r.code()).as(c.getValue()).isEqualTo(400);
            assertThat(r.body().path("code").asText()).as(c.getValue()).isEqualTo(expected[0]);
            assertThat(r.body().path("description").asText())
                .as(c.getValue())
                .contains(expected[1]);
          }
          Reply bowtie =
              send(
                  client,
                  "POST",
                  ITEMS,
                  text(feature("bowtie", polygon(ring(0, 0, 2, 2, 2, 0, 0, 2)))),
                  Map.of());
          assertThat(bowtie.body().path("location").toString()).isEqualTo("[1.0,1.0]");
          // Nothing refused was stored.
          assertThat(liveIds(client)).isEqualTo(before);
        });
  }

  @Test
  void repairOnRequest() {
    JavalinTest.test(
        app,
        (server, client) -> {
          String bowtie = text(feature("bowtie", polygon(ring(0, 0, 2, 2, 2, 0, 0, 2))));
          Reply r = send(client, "POST", ITEMS + "?repair=true", bowtie, Map.of());
          assertThat(r.code()).isEqualTo(201);
          assertThat(r.raw().header("X-Geometry-Repaired")).isEqualTo("true");
          assertThat(r.body().at("/geometry/type").asText()).isEqualTo("MultiPolygon");
          assertThat(send(client, "POST", ITEMS + "?repair=maybe", bowtie, Map.of()).code())
              .isEqualTo(400);
        });
  }

  @Test
  void contentTypeSizeAndUserHeader() {
    JavalinTest.test(
        app,
        (server, client) -> {
          String ok = text(feature("ok", box(0, 0, 1, 1)));
          Reply plain =
              send(
                  client,
                  "POST",
                  ITEMS,
                  RequestBody.create(ok, MediaType.get("text/plain")),
                  Map.of());
          assertThat(plain.code()).isEqualTo(415);
          assertThat(plain.body().path("code").asText()).isEqualTo("UnsupportedMediaType");
          Reply json =
              send(
                  client,
                  "POST",
                  ITEMS,
                  RequestBody.create(ok, MediaType.get("application/json; charset=utf-8")),
                  Map.of());
          assertThat(json.code()).isEqualTo(201);

          // Too large, announced by Content-Length and sent chunked: 413 with our JSON error.
          ObjectNode big = feature("big", box(0, 0, 1, 1));
          ((ObjectNode) big.get("properties"))
              .put("padding", "x".repeat((int) AppFactory.MAX_REQUEST_BYTES));
          Reply sized = send(client, "POST", ITEMS, text(big), Map.of());
          assertThat(sized.code()).isEqualTo(413);
          assertThat(sized.body().path("code").asText()).isEqualTo("PayloadTooLarge");
          byte[] bytes = text(big).getBytes();
          RequestBody chunked =
              new RequestBody() {
                @Override
                public MediaType contentType() {
                  return GEOJSON;
                }

                @Override
                public long contentLength() {
                  return -1;
                }

                @Override
                public void writeTo(BufferedSink sink) throws java.io.IOException {
                  sink.write(bytes);
                }
              };
          Reply streamed = send(client, "POST", ITEMS, chunked, Map.of());
          assertThat(streamed.code()).isEqualTo(413);
          assertThat(streamed.body().path("code").asText()).isEqualTo("PayloadTooLarge");

          // The author is the signed-in account; a header naming another user changes nothing.
          Reply claimed = send(client, "POST", ITEMS, ok, Map.of("X-User", "mallory"));
          assertThat(claimed.code()).isEqualTo(201);
          assertThat(claimed.body().at("/properties/created_by").asText())
              .isEqualTo(TestAccounts.ANALYST);
        });
  }

  @Test
  void textIsStoredAsGiven() {
    JavalinTest.test(
        app,
        (server, client) -> {
          ObjectNode f = feature("<img src=x onerror=alert(1)> & \"q\"", box(0, 0, 1, 1));
          ((ObjectNode) f.get("properties")).put("notes", "<script>alert('n')</script>\nline 2");
          ((ObjectNode) f.get("properties")).putArray("tags").add("<b>").add("ville d'Anéfis");
          String id = post(client, f, Map.of()).body().path("id").asText();
          JsonNode p =
              send(client, "GET", ITEMS + "/" + id, (String) null, Map.of())
                  .body()
                  .path("properties");
          assertThat(p.path("name").asText()).isEqualTo("<img src=x onerror=alert(1)> & \"q\"");
          assertThat(p.path("notes").asText()).isEqualTo("<script>alert('n')</script>\nline 2");
          assertThat(p.path("tags").toString()).isEqualTo("[\"<b>\",\"ville d'Anéfis\"]");
        });
  }

  @Test
  void unknownAoisAre404() {
    JavalinTest.test(
        app,
        (server, client) -> {
          assertThat(send(client, "GET", ITEMS + "/aoi-nope", (String) null, Map.of()).code())
              .isEqualTo(404);
          assertThat(
                  send(
                          client,
                          "PUT",
                          ITEMS + "/aoi-nope",
                          text(feature("x", box(0, 0, 1, 1))),
                          Map.of("If-Match", "\"1\""))
                      .code())
              .isEqualTo(404);
          assertThat(
                  send(client, "GET", ITEMS + "/aoi-nope/versions", (String) null, Map.of()).code())
              .isEqualTo(404);
          assertThat(
                  send(client, "GET", ITEMS + "/aoi-nope/analysis", (String) null, Map.of()).code())
              .isEqualTo(404);
        });
  }
}
