package org.sahelmap.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.JavalinTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahelmap.api.AppFactory;
import org.sahelmap.store.Database;
import org.sahelmap.store.PostgisFeatureStore;
import org.sahelmap.testing.NeedsDatabase;
import org.sahelmap.testing.TestDatabase;

@NeedsDatabase
class CitationEndpointTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String KIDAL = "pnd-2012-03-kidal-beyond-state-control";

  static Database db;
  static PostgisFeatureStore store;

  @BeforeAll
  static void load() {
    db = TestDatabase.fresh();
    store = new PostgisFeatureStore(db.dataSource());
    store.replaceLayers(List.of(CuratedEvents.layer()));
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @Test
  void servesThePassageBetweenTheOffsets() {
    Event kidal =
        CuratedEvents.events().stream().filter(e -> e.id().equals(KIDAL)).findFirst().orElseThrow();
    Document doc = CuratedEvents.documents().get(0);
    String text = DocumentText.read(doc, Fixtures.documentsDir()).text();
    JavalinTest.test(
        AppFactory.create(db, store, 1000, Fixtures.documentsDir()),
        (server, client) -> {
          var response = client.get("/ogc/collections/events/items/" + KIDAL + "/citation");
          assertThat(response.code()).isEqualTo(200);
          JsonNode body = JSON.readTree(response.body().string());
          assertThat(body.path("passage").asText())
              .isEqualTo(text.substring(kidal.citationStart(), kidal.citationEnd()));
          assertThat(body.path("paragraph").asInt()).isEqualTo(8);
          assertThat(body.path("start").asInt()).isEqualTo(kidal.citationStart());
          assertThat(body.path("end").asInt()).isEqualTo(kidal.citationEnd());
          assertThat(body.path("document").path("id").asText()).isEqualTo(doc.id());
          assertThat(body.path("document").path("sha256").asText()).isEqualTo(doc.sha256());

          var unknown = client.get("/ogc/collections/events/items/no-such-event/citation");
          assertThat(unknown.code()).isEqualTo(404);
          assertThat(JSON.readTree(unknown.body().string()).path("description").asText())
              .contains("no-such-event");

          var docs = JSON.readTree(client.get("/ogc/documents").body().string());
          assertThat(docs.path("documents").get(0).path("id").asText()).isEqualTo(doc.id());
          assertThat(docs.path("documents").get(0).path("textAvailable").asBoolean()).isTrue();
        });
  }

  @Test
  void missingTextOrAnotherVersionIs404NotAStackTrace(@TempDir Path dir) throws Exception {
    JavalinTest.test(
        AppFactory.create(db, store, 1000, dir),
        (server, client) -> {
          var missing = client.get("/ogc/collections/events/items/" + KIDAL + "/citation");
          assertThat(missing.code()).isEqualTo(404);
          JsonNode body = JSON.readTree(missing.body().string());
          assertThat(body.path("code").asText()).isEqualTo("CitationUnavailable");
          assertThat(body.path("description").asText()).contains("not available");
        });
    Document doc = CuratedEvents.documents().get(0);
    Files.writeString(
        dir.resolve(doc.file()),
        Files.readString(Fixtures.documentsDir().resolve(doc.file())) + "edited\n");
    JavalinTest.test(
        AppFactory.create(db, store, 1000, dir),
        (server, client) -> {
          var edited = client.get("/ogc/collections/events/items/" + KIDAL + "/citation");
          assertThat(edited.code()).isEqualTo(404);
          assertThat(JSON.readTree(edited.body().string()).path("description").asText())
              .contains("SHA-256 differs");
          var docs = JSON.readTree(client.get("/ogc/documents").body().string());
          assertThat(docs.path("documents").get(0).path("textAvailable").asBoolean()).isFalse();
        });
  }

  @Test
  void servesTheWholeTextByParagraphForTheReaderAnd404sWithoutIt(@TempDir Path empty)
      throws Exception {
    Event kidal =
        CuratedEvents.events().stream().filter(e -> e.id().equals(KIDAL)).findFirst().orElseThrow();
    Document doc = CuratedEvents.documents().get(0);
    DocumentText text = DocumentText.read(doc, Fixtures.documentsDir());
    JavalinTest.test(
        AppFactory.create(db, store, 1000, Fixtures.documentsDir()),
        (server, client) -> {
          var response = client.get("/api/documents/" + doc.id() + "/text");
          assertThat(response.code()).isEqualTo(200);
          JsonNode body = JSON.readTree(response.body().string());
          JsonNode paragraphs = body.path("paragraphs");
          assertThat(paragraphs.size()).isEqualTo(text.paragraphs().size());
          // The reader marks the passage by the citation's offsets within its paragraph's text.
          JsonNode eighth = paragraphs.get(kidal.citationParagraph() - 1);
          assertThat(eighth.path("number").asInt()).isEqualTo(kidal.citationParagraph());
          String within =
              eighth
                  .path("text")
                  .asText()
                  .substring(
                      kidal.citationStart() - eighth.path("start").asInt(),
                      kidal.citationEnd() - eighth.path("start").asInt());
          assertThat(within)
              .isEqualTo(text.text().substring(kidal.citationStart(), kidal.citationEnd()));
          assertThat(body.path("document").path("title").asText()).isEqualTo(doc.title());

          var unknown = client.get("/api/documents/no-such-doc/text");
          assertThat(unknown.code()).isEqualTo(404);
          assertThat(JSON.readTree(unknown.body().string()).path("code").asText())
              .isEqualTo("DocumentTextUnavailable");
        });
    JavalinTest.test(
        AppFactory.create(db, store, 1000, empty),
        (server, client) ->
            assertThat(client.get("/api/documents/" + doc.id() + "/text").code()).isEqualTo(404));
    assertThat(new Citations(CuratedEvents.documents(), empty).missingTexts())
        .as("what the server reports at start-up")
        .containsExactlyElementsOf(CuratedEvents.documents());
    assertThat(new Citations(CuratedEvents.documents(), Fixtures.documentsDir()).missingTexts())
        .isEmpty();
  }
}
