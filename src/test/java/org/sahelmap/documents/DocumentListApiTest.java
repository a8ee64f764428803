package org.sahelmap.documents;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sahelmap.api.AppFactory;
import org.sahelmap.events.CuratedEvents;
import org.sahelmap.store.Database;
import org.sahelmap.store.PostgisFeatureStore;
import org.sahelmap.testing.NeedsDatabase;
import org.sahelmap.testing.TestAccounts;
import org.sahelmap.testing.TestDatabase;

/**
 * {@code GET /api/documents} (newest first, paged, counts by status, analysts only) and {@code POST
 * /api/documents/{id}/extract} (what was decided stays decided; only what is missing is proposed),
 * with their refusals and their place in the OpenAPI document.
 */
@NeedsDatabase
class DocumentListApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  static Database db;
  static PostgisFeatureStore store;
  static TestAccounts accounts;

  @BeforeAll
  static void open() {
    db = TestDatabase.fresh();
    store = new PostgisFeatureStore(db.dataSource());
    store.replaceLayers(List.of(CuratedEvents.layer()));
    accounts = TestAccounts.create(db);
  }

  @AfterAll
  static void close() {
    db.close();
  }

  static Response call(HttpClient c, String method, String path, String auth, String body) {
    Request.Builder r = new Request.Builder().url(c.getOrigin() + path);
    if (auth != null) {
      r.header("Authorization", auth);
    }
    RequestBody b =
        body == null
            ? null
            : RequestBody.create(
                body.getBytes(StandardCharsets.UTF_8), MediaType.get("text/plain"));
    return c.request(r.method(method, b).build());
  }

  static JsonNode json(Response r) throws IOException {
    return JSON.readTree(r.body().string());
  }

  @Test
  void theListIsNewestFirstWithCountsAndTheQueueCanBeExtractedAgain() throws Exception {
    String analyst = accounts.analyst();
    String viewer = "Bearer " + accounts.viewerToken();
    JavalinTest.test(
        AppFactory.create(db, store, 100),
        (server, c) -> {
          String older = DocumentUploadTest.NOTE.replace("Field note on the north", "Older note");
          String newer =
              "Newer note\nPublished by Sahel Desk\nGao, 1 April 2025\n\nTroops left Gao in"
                  + " March 2025.\n";
          String olderId =
              json(call(c, "POST", "/api/documents", analyst, older))
                  .path("document")
                  .path("id")
                  .asText();
          String newerId =
              json(call(c, "POST", "/api/documents", analyst, newer))
                  .path("document")
                  .path("id")
                  .asText();
          JsonNode queue = json(c.get("/api/documents/" + olderId + "/candidates"));
          long rejected = queue.path("candidates").get(0).path("id").asLong();
          long accepted = queue.path("candidates").get(1).path("id").asLong();
          int all = queue.path("candidates").size();
          assertThat(call(c, "POST", "/api/candidates/" + rejected + "/reject", analyst, "").code())
              .isEqualTo(200);
          assertThat(call(c, "POST", "/api/candidates/" + accepted + "/accept", analyst, "").code())
              .isEqualTo(200);

          Response listed = call(c, "GET", "/api/documents", analyst, null);
          assertThat(listed.code()).isEqualTo(200);
          JsonNode body = json(listed);
          assertThat(body.path("numberMatched").asLong()).isEqualTo(2);
          JsonNode docs = body.path("documents");
          assertThat(docs.get(0).path("id").asText()).isEqualTo(newerId);
          assertThat(docs.get(0).path("publisher").asText()).isEqualTo("Sahel Desk");
          assertThat(docs.get(0).path("published").asText()).isEqualTo("2025-04-01");
          assertThat(docs.get(0).path("uploadedBy").asText()).isEqualTo(TestAccounts.ANALYST);
          JsonNode counts = docs.get(1).path("candidateCounts");
          assertThat(docs.get(1).path("id").asText()).isEqualTo(olderId);
          assertThat(docs.get(1).path("title").asText()).isEqualTo("Older note");
          assertThat(counts.path("pending").asInt()).isEqualTo(all - 2);
          assertThat(counts.path("accepted").asInt()).isEqualTo(1);
          assertThat(counts.path("rejected").asInt()).isEqualTo(1);
          assertThat(docs.get(1).path("candidates").asText())
              .isEqualTo("/api/documents/" + olderId + "/candidates");

          JsonNode first = json(call(c, "GET", "/api/documents?limit=1", analyst, null));
          assertThat(first.path("documents")).hasSize(1);
          JsonNode second =
              json(call(c, "GET", first.path("next").asText(), analyst, null)).path("documents");
          assertThat(second).hasSize(1);
          assertThat(second.get(0).path("id").asText()).isEqualTo(olderId);
          JsonNode past = json(call(c, "GET", "/api/documents?offset=5", analyst, null));
          assertThat(past.path("documents")).isEmpty();
          assertThat(past.path("numberMatched").asLong()).isEqualTo(2);

          // A rule change is simulated by forgetting one pending proposal: a re-run proposes it
          // again, and only it; the decided ones stay as they were.
          long pending = queue.path("candidates").get(2).path("id").asLong();
          try (Connection conn = db.dataSource().getConnection();
              PreparedStatement ps =
                  conn.prepareStatement("DELETE FROM event_candidate WHERE id = ?")) {
            ps.setLong(1, pending);
            ps.executeUpdate();
          }
          Response again = call(c, "POST", "/api/documents/" + olderId + "/extract", analyst, "");
          assertThat(again.code()).isEqualTo(200);
          assertThat(json(again).path("proposed").asInt()).isEqualTo(1);
          Response twice = call(c, "POST", "/api/documents/" + olderId + "/extract", analyst, "");
          assertThat(json(twice).path("proposed").asInt()).isZero();
          JsonNode after = json(c.get("/api/documents/" + olderId + "/candidates"));
          assertThat(after.path("candidates")).hasSize(all);
          assertThat(after.toString()).contains("\"status\":\"rejected\"");

          // Refusals: no 500, each with its status and JSON.
          assertThat(call(c, "GET", "/api/documents", null, null).code()).isEqualTo(401);
          assertThat(call(c, "GET", "/api/documents", viewer, null).code()).isEqualTo(403);
          assertThat(call(c, "POST", "/api/documents/" + olderId + "/extract", viewer, "").code())
              .isEqualTo(403);
          Response badLimit = call(c, "GET", "/api/documents?limit=x", analyst, null);
          assertThat(badLimit.code()).isEqualTo(400);
          assertThat(json(badLimit).path("description").asText()).contains("limit");
          assertThat(call(c, "GET", "/api/documents?page=2", analyst, null).code()).isEqualTo(400);
          assertThat(call(c, "GET", "/api/documents?offset=-1", analyst, null).code())
              .isEqualTo(400);
          Response unknown = call(c, "POST", "/api/documents/nope/extract", analyst, "");
          assertThat(unknown.code()).isEqualTo(404);
          assertThat(json(unknown).path("code").asText()).isEqualTo("NoSuchDocument");
          // The registry's own document has no uploaded text to extract from.
          String registry = CuratedEvents.documents().get(0).id();
          assertThat(call(c, "POST", "/api/documents/" + registry + "/extract", analyst, "").code())
              .isEqualTo(404);

          JsonNode paths = json(c.get("/ogc/api")).path("paths");
          assertThat(paths.path("/api/documents").has("get")).isTrue();
          assertThat(paths.path("/api/documents").has("post")).isTrue();
          assertThat(paths.path("/api/documents/{documentId}/extract").has("post")).isTrue();
          assertThat(paths.path("/api/candidates/{candidateId}/merge").has("post")).isTrue();
        });
  }
}
