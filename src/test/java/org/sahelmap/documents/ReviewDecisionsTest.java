package org.sahelmap.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sahelmap.api.AppFactory;
import org.sahelmap.events.CuratedEvents;
import org.sahelmap.store.Database;
import org.sahelmap.store.PostgisFeatureStore;
import org.sahelmap.testing.NeedsDatabase;
import org.sahelmap.testing.TestAccounts;
import org.sahelmap.testing.TestDatabase;

/**
 * Decisions are atomic: the event write and the candidate's decision commit together or not at all
 * (a decision refused at commit leaves no event; concurrent accepts of one candidate give one 200,
 * the rest 409, and the event the winner wrote); a merge adds the candidate's passage to the
 * existing event as a further source, keeping its id, and bumps the layer (ETag, change feed).
 */
@NeedsDatabase
class ReviewDecisionsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  static Database db;
  static PostgisFeatureStore store;
  static TestAccounts accounts;
  static DocumentUploads uploads;
  static CandidateStore candidates;

  @BeforeAll
  static void open() {
    db = TestDatabase.fresh();
    store = new PostgisFeatureStore(db.dataSource());
    accounts = TestAccounts.create(db);
    uploads = new DocumentUploads(db.dataSource(), Clock.systemUTC());
    candidates = new CandidateStore(db.dataSource());
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @BeforeEach
  void curatedOnly() {
    store.replaceLayers(List.of(CuratedEvents.layer()));
  }

  /** A fresh document (its first line makes the bytes unique) and its candidates' ids. */
  static List<StoredCandidate> upload(String first) {
    String note = DocumentUploadTest.NOTE.replace("Field note on the north", first);
    String id =
        uploads
            .upload(note.getBytes(StandardCharsets.UTF_8), "text/plain", null, "alice")
            .document()
            .id();
    return candidates.forDocument(id);
  }

  static long sql(String query) throws SQLException {
    try (Connection c = db.dataSource().getConnection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(query)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static void execute(String statement) throws SQLException {
    try (Connection c = db.dataSource().getConnection();
        Statement st = c.createStatement()) {
      st.execute(statement);
    }
  }

  static Response post(HttpClient c, String path, String json) {
    Request r =
        new Request.Builder()
            .url(c.getOrigin() + path)
            .header("Authorization", accounts.analyst())
            .post(RequestBody.create(json.getBytes(), MediaType.get("application/json")))
            .build();
    return c.request(r);
  }

  @Test
  void aDecisionRefusedAtCommitLeavesNeitherTheEventNorTheDecision() throws Exception {
    StoredCandidate k = upload("Atomic note").get(0);
    String eventId = k.documentId() + "-c" + k.id();
    long layerVersion =
        sql("SELECT extract(epoch FROM updated_at) * 1e6 FROM layer WHERE id = 'events'");
    long changes = sql("SELECT count(*) FROM change_log");
    // A deferred trigger fails the transaction at COMMIT, after the event's row was written: with
    // the event and the decision on two connections, the event would already be committed here.
    execute(
        "CREATE FUNCTION refuse_decision() RETURNS trigger LANGUAGE plpgsql AS"
            + " $$ BEGIN RAISE EXCEPTION 'decision refused at commit'; END $$");
    execute(
        "CREATE CONSTRAINT TRIGGER refuse_decision AFTER UPDATE ON event_candidate"
            + " DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION refuse_decision()");
    ReviewQueue queue = new ReviewQueue(candidates, store);
    try {
      assertThatThrownBy(() -> queue.accept(k.id(), Edits.NONE, "alice"))
          .hasMessageContaining("decision refused at commit");
      assertThat(store.feature(CuratedEvents.COLLECTION_ID, eventId)).isEmpty();
      assertThat(candidates.get(k.id()).orElseThrow().status()).isEqualTo("pending");
      assertThat(sql("SELECT extract(epoch FROM updated_at) * 1e6 FROM layer WHERE id = 'events'"))
          .isEqualTo(layerVersion);
      assertThat(sql("SELECT count(*) FROM change_log")).isEqualTo(changes);
    } finally {
      execute("DROP TRIGGER refuse_decision ON event_candidate");
      execute("DROP FUNCTION refuse_decision()");
    }
    assertThat(queue.accept(k.id(), Edits.NONE, "alice").status()).isEqualTo("accepted");
    assertThat(store.feature(CuratedEvents.COLLECTION_ID, eventId)).isPresent();
  }

  @Test
  void concurrentAcceptsOfOneCandidateGiveOneEventTheWinnersOwn() throws Exception {
    StoredCandidate k = upload("Race note").get(0);
    int n = 6;
    JavalinTest.test(
        AppFactory.create(db, store, 100),
        (server, c) -> {
          ExecutorService pool = Executors.newFixedThreadPool(n);
          CountDownLatch go = new CountDownLatch(1);
          List<Future<int[]>> answers = new ArrayList<>();
          for (int i = 0; i < n; i++) {
            int title = i;
            answers.add(
                pool.submit(
                    () -> {
                      go.await();
                      try (Response r =
                          post(
                              c,
                              "/api/candidates/" + k.id() + "/accept",
                              "{\"title\": \"Title " + title + "\"}")) {
                        return new int[] {r.code(), title};
                      }
                    }));
          }
          go.countDown();
          List<Integer> codes = new ArrayList<>();
          int winner = -1;
          for (Future<int[]> f : answers) {
            int[] a = f.get();
            codes.add(a[0]);
            if (a[0] == 200) {
              winner = a[1];
            }
          }
          pool.shutdown();
          assertThat(codes).containsOnly(200, 409);
          assertThat(codes.stream().filter(x -> x == 200)).hasSize(1);
          StoredCandidate decided = candidates.get(k.id()).orElseThrow();
          assertThat(decided.title()).isEqualTo("Title " + winner);
          // The losers wrote the same event id before their decision failed: rolled back, so
          // the event is the winner's.
          JsonNode event =
              JSON.readTree(
                      c.get("/ogc/collections/events/items/" + decided.eventId()).body().string())
                  .path("properties");
          assertThat(event.path("title").asText()).isEqualTo("Title " + winner);
          assertThat(
                  sql(
                      "SELECT count(*) FROM feature WHERE layer_id = 'events' AND"
                          + " properties->>'citation_document' = '"
                          + k.documentId()
                          + "'"))
              .isEqualTo(1);
        });
  }

  @Test
  void aMergeAddsThePassageToTheEventAsASecondSourceAndBumpsTheLayer() throws Exception {
    List<StoredCandidate> ks = upload("Merge note");
    StoredCandidate first = ks.get(0);
    StoredCandidate second = ks.get(1);
    StoredCandidate third = ks.get(2);
    JavalinTest.test(
        AppFactory.create(db, store, 100),
        (server, c) -> {
          String eventId = "pnd-2024-07-tinzaouaten-defeat";
          Response before = c.get("/ogc/collections/events/items/" + eventId);
          assertThat(before.code()).isEqualTo(200);
          JsonNode was = JSON.readTree(before.body().string());
          String etag = c.get("/ogc/collections/events/items").header("ETag");
          long changes = sql("SELECT count(*) FROM change_log WHERE target = 'events'");

          Response merged =
              post(
                  c,
                  "/api/candidates/" + first.id() + "/merge",
                  "{\"eventId\": \"" + eventId + "\"}");
          assertThat(merged.code()).isEqualTo(200);
          assertThat(JSON.readTree(merged.body().string()).path("eventId").asText())
              .isEqualTo(eventId);
          assertThat(
                  post(
                          c,
                          "/api/candidates/" + second.id() + "/merge",
                          "{\"eventId\": \"" + eventId + "\"}")
                      .code())
              .isEqualTo(200);

          JsonNode now =
              JSON.readTree(c.get("/ogc/collections/events/items/" + eventId).body().string());
          JsonNode p = now.path("properties");
          assertThat(now.path("id").asText()).isEqualTo(eventId);
          assertThat(now.path("geometry")).isEqualTo(was.path("geometry"));
          assertThat(p.path("citation_document"))
              .isEqualTo(was.path("properties").path("citation_document"));
          assertThat(p.path("title")).isEqualTo(was.path("properties").path("title"));
          JsonNode sources = p.path("also_cited");
          assertThat(sources).hasSize(2);
          assertThat(sources.get(0).path("document").asText()).isEqualTo(first.documentId());
          assertThat(sources.get(0).path("paragraph").asInt()).isEqualTo(first.paragraph());
          assertThat(sources.get(0).path("start").asInt()).isEqualTo(first.start());
          assertThat(sources.get(0).path("candidate").asLong()).isEqualTo(first.id());
          assertThat(sources.get(0).path("merged_by").asText()).isEqualTo(TestAccounts.ANALYST);
          assertThat(sources.get(1).path("candidate").asLong()).isEqualTo(second.id());
          assertThat(c.get("/ogc/collections/events/items").header("ETag")).isNotEqualTo(etag);
          assertThat(sql("SELECT count(*) FROM change_log WHERE target = 'events'"))
              .isEqualTo(changes + 2);

          Response noEvent =
              post(c, "/api/candidates/" + third.id() + "/merge", "{\"eventId\": \"nope\"}");
          assertThat(noEvent.code()).isEqualTo(404);
          assertThat(candidates.get(third.id()).orElseThrow().status()).isEqualTo("pending");
          Response again =
              post(
                  c,
                  "/api/candidates/" + first.id() + "/merge",
                  "{\"eventId\": \"" + eventId + "\"}");
          assertThat(again.code()).isEqualTo(409);
        });
  }
}
