package org.sahelmap.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sahelmap.events.CuratedEvents;
import org.sahelmap.store.Database;
import org.sahelmap.store.ItemQuery;
import org.sahelmap.store.PostgisFeatureStore;
import org.sahelmap.testing.NeedsDatabase;
import org.sahelmap.testing.TestAccounts;
import org.sahelmap.testing.TestDatabase;

/**
 * {@code POST /api/events/import}: an analyst uploads an export and its events are served at once;
 * anyone else is refused (401, 403); bad rows answer 422 with {@code FILE:line N: reason} and
 * change nothing; a body over the limit answers 413, one of another type 415.
 */
@NeedsDatabase
class EventUploadTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final MediaType CSV = MediaType.get("text/csv");
  private static final ItemQuery ALL = new ItemQuery(null, null, null, ItemQuery.UNLIMITED, 0);
  private static final String PATH = "/api/events/import";

  static Database db;
  static PostgisFeatureStore store;
  static TestAccounts accounts;

  @BeforeAll
  static void open() {
    db = TestDatabase.fresh();
    store = new PostgisFeatureStore(db.dataSource());
    accounts = TestAccounts.create(db);
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @BeforeEach
  void curatedOnly() {
    store.replaceLayers(List.of(CuratedEvents.layer()));
  }

  interface Body {
    void run(HttpClient client) throws Exception;
  }

  static void withApp(Body body) {
    JavalinTest.test(AppFactory.create(db, store, 100), (server, client) -> body.run(client));
  }

  static String sample(String name) throws IOException {
    try (InputStream in = EventUploadTest.class.getResourceAsStream("/datasets/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static Response upload(HttpClient c, String auth, String query, byte[] body, MediaType type) {
    Request.Builder r = new Request.Builder().url(c.getOrigin() + PATH + query);
    if (auth != null) {
      r.header("Authorization", auth);
    }
    return c.request(r.post(RequestBody.create(body, type)).build());
  }

  static JsonNode json(Response r) throws IOException {
    return JSON.readTree(r.body().string());
  }

  long count() {
    return store.count("events", ALL);
  }

  @Test
  void anAnalystUploadsAnExportAndItsEventsAreServedWithTheirProvenance() {
    byte[] acled = bytes("acled-sample.csv");
    withApp(
        c -> {
          long before = count();
          String etag = c.get("/ogc/collections/events/items?limit=1").header("ETag");
          Response r = upload(c, accounts.analyst(), "?name=acled.csv", acled, CSV);
          assertThat(r.code()).isEqualTo(200);
          JsonNode body = json(r);
          assertThat(body.path("imported").asInt()).isEqualTo(12);
          assertThat(body.path("file").asText()).isEqualTo("acled.csv");
          assertThat(count()).isEqualTo(before + 12);
          assertThat(c.get("/ogc/collections/events/items?limit=1").header("ETag"))
              .isNotEqualTo(etag);

          Response item = c.get("/ogc/collections/events/items/acled:MLI90002");
          assertThat(item.code()).isEqualTo(200);
          JsonNode p = json(item).path("properties");
          assertThat(p.path("source_dataset").asText()).isEqualTo("ACLED");
          assertThat(p.path("source_row_id").asText()).isEqualTo("MLI90002");
          assertThat(p.path("location_confidence").asText()).isEqualTo("medium");
          assertThat(p.path("uncertainty_km").asInt()).isEqualTo(25);

          // The same export again: updated by source id, not added.
          assertThat(upload(c, accounts.analyst(), "", acled, CSV).code()).isEqualTo(200);
          assertThat(count()).isEqualTo(before + 12);
        });
  }

  @Test
  void withoutAnAccountItIs401AndForAViewer403AndNothingIsImported() {
    byte[] ucdp = bytes("ucdp-sample.csv");
    withApp(
        c -> {
          long before = count();
          Response anonymous = upload(c, null, "", ucdp, CSV);
          assertThat(anonymous.code()).isEqualTo(401);
          Response viewer = upload(c, "Bearer " + accounts.viewerToken(), "", ucdp, CSV);
          assertThat(viewer.code()).isEqualTo(403);
          assertThat(json(viewer).path("code").isTextual()).isTrue();
          assertThat(count()).isEqualTo(before);
        });
  }

  @Test
  void badRowsAnswer422WithFileAndLineAndLeaveStoredEventsUntouched() {
    withApp(
        c -> {
          String good = sample("ucdp-sample.csv");
          assertThat(upload(c, accounts.analyst(), "", good.getBytes(), CSV).code()).isEqualTo(200);
          long stored = count();
          String before = store.feature("events", "ucdp:990001").orElseThrow().propertiesJson();
          String bad =
              good.replace(",5,7,4\n", ",50,70,40\n") // would update 990001
                  .replace(",20.1986,1.0114,", ",20.1986,east,");
          Response r = upload(c, accounts.analyst(), "?name=ged (2).csv", bad.getBytes(), CSV);
          assertThat(r.code()).isEqualTo(422);
          JsonNode body = json(r);
          assertThat(body.path("code").asText()).isEqualTo("InvalidEvents");
          assertThat(body.path("problemCount").asInt()).isEqualTo(1);
          assertThat(body.path("problems").get(0).asText())
              .isEqualTo("ged (2).csv:line 12: longitude 'east' is not a number");
          assertThat(count()).isEqualTo(stored);
          assertThat(store.feature("events", "ucdp:990001").orElseThrow().propertiesJson())
              .isEqualTo(before);
        });
  }

  @Test
  void aBodyOverTheLimitIs413AndOfAnotherType415() {
    withApp(
        c -> {
          byte[] big = new byte[(int) EventImportHandler.MAX_BYTES + 1];
          java.util.Arrays.fill(big, (byte) 'a');
          Response tooBig = upload(c, accounts.analyst(), "", big, CSV);
          assertThat(tooBig.code()).isEqualTo(413);
          assertThat(json(tooBig).path("description").asText()).contains("16 MiB");
          Response text =
              upload(
                  c,
                  accounts.analyst(),
                  "",
                  bytes("acled-sample.csv"),
                  MediaType.get("text/plain"));
          assertThat(text.code()).isEqualTo(415);
          Response empty = upload(c, accounts.analyst(), "", new byte[0], CSV);
          assertThat(empty.code()).isEqualTo(400);
          Response oddName =
              upload(c, accounts.analyst(), "?name=%3Cb%3E%2F.csv", bytes("acled-sample.csv"), CSV);
          assertThat(oddName.code()).isEqualTo(200);
          assertThat(json(oddName).path("file").asText()).isEqualTo("_b__.csv");
        });
  }

  private static byte[] bytes(String name) {
    try {
      return sample(name).getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
