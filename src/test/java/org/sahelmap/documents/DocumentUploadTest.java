package org.sahelmap.documents;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
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
 * Uploads over HTTP (text, HTML, a PDF PDFBox writes here), the same bytes twice, a corrupt PDF, an
 * empty and a too-large file; then the review queue: accept with edits (the event is served with
 * its citation at once), reject (not proposed again on a re-run), merge.
 */
@NeedsDatabase
class DocumentUploadTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Our own sentences, written for this test. */
  static final String NOTE =
      "Field note on the north\n"
          + "Bamako, 12 March 2025\n"
          + "\n"
          + "Fighting broke out near Tinzawatène in late February 2025 between FAMa and CSP-DPA"
          + " fighters.\n"
          + "Wagner instructors were seen in Kidal in January 2025. Nothing else is dated here.\n"
          + "Earlier this year, Algeria summoned the ambassador of Mali.\n";

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

  static Response post(HttpClient c, String path, byte[] body, String type) {
    Request.Builder r =
        new Request.Builder().url(c.getOrigin() + path).header("Authorization", accounts.analyst());
    return c.request(r.post(RequestBody.create(body, MediaType.get(type))).build());
  }

  static JsonNode json(Response r) throws IOException {
    return JSON.readTree(r.body().string());
  }

  static long documents() {
    try (var c = db.dataSource().getConnection();
        var rs = c.createStatement().executeQuery("SELECT count(*) FROM document")) {
      rs.next();
      return rs.getLong(1);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] pdf(String... lines) throws IOException {
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage();
      doc.addPage(page);
      try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
        s.beginText();
        s.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
        s.setLeading(30);
        s.newLineAtOffset(50, 700);
        for (String line : lines) {
          s.showText(line);
          s.newLine();
        }
        s.endText();
      }
      doc.getDocumentInformation().setTitle("A PDF note");
      doc.getDocumentInformation().setAuthor("Gao Monitor");
      // The software that made the file: never the publisher.
      doc.getDocumentInformation().setProducer("Acme PDF Writer 9");
      doc.getDocumentInformation().setCreator("Acme Word");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    }
  }

  @Test
  void aTextIsStoredWithItsParagraphsAndCandidatesAndFoundAgainByItsBytes() {
    byte[] bytes = (NOTE + "\n").getBytes(StandardCharsets.UTF_8);
    withApp(
        c -> {
          Response r = post(c, "/api/documents?name=note.txt", bytes, "text/plain; charset=utf-8");
          assertThat(r.code()).isEqualTo(201);
          JsonNode body = json(r);
          JsonNode d = body.path("document");
          String id = d.path("id").asText();
          assertThat(id).startsWith("field-note-on-the-north-");
          assertThat(d.path("title").asText()).isEqualTo("Field note on the north");
          assertThat(d.path("published").asText()).isEqualTo("2025-03-12");
          assertThat(d.path("sha256").asText()).hasSize(64);
          assertThat(d.path("publisher").isNull()).isTrue();
          assertThat(body.path("proposed").asInt()).isGreaterThanOrEqualTo(3);

          JsonNode text = json(c.get("/api/documents/" + id + "/text"));
          assertThat(text.path("paragraphs")).hasSize(5);
          assertThat(text.path("paragraphs").get(2).path("number").asInt()).isEqualTo(3);
          assertThat(text.path("paragraphs").get(2).path("start").asInt())
              .isEqualTo(NOTE.indexOf("Fighting"));

          JsonNode list = json(c.get("/api/documents/" + id + "/candidates"));
          JsonNode first = list.path("candidates").get(0);
          assertThat(first.path("placeName").asText()).isEqualTo("Tinzaouaten");
          assertThat(first.path("dateStart").asText()).isEqualTo("2025-02-21");
          assertThat(first.path("datePrecision").asText()).isEqualTo("late-month");
          assertThat(first.path("actors").toString()).contains("FAMa", "CSP-DPA");
          assertThat(first.path("category").asText()).isEqualTo("military");
          assertThat(first.path("status").asText()).isEqualTo("pending");
          JsonNode relative = list.path("candidates").get(list.path("candidates").size() - 1);
          assertThat(relative.path("dateStart").asText()).isEqualTo("2025-01-01");
          assertThat(relative.path("dateEnd").asText()).isEqualTo("2025-03-12");

          long stored = documents();
          Response again = post(c, "/api/documents", bytes, "text/plain");
          assertThat(again.code()).isEqualTo(200);
          JsonNode a = json(again);
          assertThat(a.path("created").asBoolean()).isFalse();
          assertThat(a.path("document").path("id").asText()).isEqualTo(id);
          assertThat(documents()).isEqualTo(stored);
        });
  }

  @Test
  void htmlAndPdfGiveTheirTextByParagraph() {
    String html =
        "<!doctype html><html><head><title>An HTML note</title><meta name=\"author\""
            + " content=\"A. Writer\"><meta property=\"og:site_name\" content=\"Sahel"
            + " Watch\"></head><body><h1>An HTML"
            + " note</h1><p>Gao, 3 April 2025</p><ul><li><p>Troops left Gao in March"
            + " 2025.</p></li></ul><script>var x = 1;</script></body></html>";
    withApp(
        c -> {
          Response h =
              post(c, "/api/documents", html.getBytes(StandardCharsets.UTF_8), "text/html");
          assertThat(h.code()).isEqualTo(201);
          JsonNode hd = json(h).path("document");
          assertThat(hd.path("title").asText()).isEqualTo("An HTML note");
          assertThat(hd.path("publisher").asText()).isEqualTo("Sahel Watch");
          JsonNode ht = json(c.get("/api/documents/" + hd.path("id").asText() + "/text"));
          assertThat(ht.path("paragraphs")).hasSize(3);
          assertThat(ht.path("paragraphs").get(2).path("text").asText())
              .isEqualTo("Troops left Gao in March 2025.");

          byte[] pdf = pdf("Kidal, 5 May 2025", "FAMa troops entered Kidal in April 2025.");
          Response p = post(c, "/api/documents?name=note.pdf", pdf, "application/octet-stream");
          assertThat(p.code()).isEqualTo(201);
          JsonNode pb = json(p);
          JsonNode pd = pb.path("document");
          assertThat(pd.path("title").asText()).isEqualTo("A PDF note");
          assertThat(pd.path("published").asText()).isEqualTo("2025-05-05");
          assertThat(pd.path("publisher").asText()).isEqualTo("Gao Monitor");
          JsonNode pt = json(c.get("/api/documents/" + pd.path("id").asText() + "/text"));
          assertThat(pt.path("paragraphs").toString()).contains("FAMa troops entered Kidal");
          assertThat(pb.path("proposed").asInt()).isGreaterThanOrEqualTo(1);
        });
  }

  @Test
  void aPublishedByLineNamesThePublisherOverTheMetadata() {
    String html =
        "<html><head><title>Weekly</title><meta name=\"author\" content=\"Someone\"></head>"
            + "<body><h1>Weekly</h1><p>Published by Niger Desk.</p><p>Niamey, 2 June 2025</p>"
            + "<p>Troops left Gao in May 2025.</p></body></html>";
    withApp(
        c -> {
          Response r =
              post(c, "/api/documents", html.getBytes(StandardCharsets.UTF_8), "text/html");
          assertThat(r.code()).isEqualTo(201);
          JsonNode d = json(r).path("document");
          assertThat(d.path("publisher").asText()).isEqualTo("Niger Desk");
          assertThat(json(c.get("/ogc/documents")).toString()).contains("Niger Desk");
        });
  }

  @Test
  void corruptEmptyTooLargeAndUnknownFilesAreRefusedAndNothingIsStored() {
    withApp(
        c -> {
          long before = documents();
          Response corrupt =
              post(c, "/api/documents", "%PDF-1.7 not really".getBytes(), "application/pdf");
          assertThat(corrupt.code()).isEqualTo(422);
          JsonNode e = json(corrupt);
          assertThat(e.path("code").asText()).isEqualTo("UnreadableDocument");
          assertThat(e.path("description").asText()).contains("not a readable PDF");

          Response empty = post(c, "/api/documents", new byte[0], "text/plain");
          assertThat(empty.code()).isEqualTo(400);
          assertThat(json(empty).path("description").asText()).contains("empty");

          Response blank = post(c, "/api/documents", " \n\n ".getBytes(), "text/plain");
          assertThat(blank.code()).isEqualTo(422);

          Response large =
              post(c, "/api/documents", new byte[DocumentUploads.MAX_BYTES + 1], "text/plain");
          assertThat(large.code()).isEqualTo(413);

          Response other = post(c, "/api/documents", "x".getBytes(), "image/png");
          assertThat(other.code()).isEqualTo(415);

          Response latin1 =
              post(c, "/api/documents", new byte[] {'c', 'a', 'f', (byte) 0xe9}, "text/plain");
          assertThat(latin1.code()).isEqualTo(422);
          assertThat(documents()).isEqualTo(before);
        });
  }

  @Test
  void acceptedCandidatesJoinTheEventsLayerRejectedOnesAreNotProposedAgain() {
    String note = NOTE.replace("Field note", "Second note");
    byte[] bytes = note.getBytes(StandardCharsets.UTF_8);
    withApp(
        c -> {
          String id =
              json(post(c, "/api/documents", bytes, "text/plain"))
                  .path("document")
                  .path("id")
                  .asText();
          JsonNode list = json(c.get("/api/documents/" + id + "/candidates")).path("candidates");
          long first = list.get(0).path("id").asLong();
          long second = list.get(1).path("id").asLong();
          long third = list.get(2).path("id").asLong();

          String edits =
              "{\"title\": \"Clashes near Tinzaouaten\", \"summary\": \"Our summary.\","
                  + " \"category\": \"military\"}";
          Response accepted =
              post(c, "/api/candidates/" + first + "/accept", edits.getBytes(), "application/json");
          assertThat(accepted.code()).isEqualTo(200);
          JsonNode a = json(accepted);
          assertThat(a.path("status").asText()).isEqualTo("accepted");
          assertThat(a.path("decidedBy").asText()).isEqualTo(TestAccounts.ANALYST);
          assertThat(a.path("decidedAt").isTextual()).isTrue();
          String eventId = a.path("eventId").asText();

          Response event = c.get("/ogc/collections/events/items/" + eventId);
          assertThat(event.code()).isEqualTo(200);
          JsonNode p = json(event).path("properties");
          assertThat(p.path("title").asText()).isEqualTo("Clashes near Tinzaouaten");
          assertThat(p.path("citation_document").asText()).isEqualTo(id);
          JsonNode cite = json(c.get("/ogc/collections/events/items/" + eventId + "/citation"));
          assertThat(cite.path("passage").asText()).startsWith("Fighting broke out");

          Response again =
              post(c, "/api/candidates/" + first + "/reject", new byte[0], "text/plain");
          assertThat(again.code()).isEqualTo(409);

          Response badEdit =
              post(
                  c,
                  "/api/candidates/" + second + "/accept",
                  "{\"start\": \"soon\"}".getBytes(),
                  "application/json");
          assertThat(badEdit.code()).isEqualTo(400);
          Response unknownPlace =
              post(
                  c,
                  "/api/candidates/" + second + "/accept",
                  "{\"placeName\": \"Atlantis\"}".getBytes(),
                  "application/json");
          assertThat(unknownPlace.code()).isEqualTo(400);

          assertThat(
                  post(c, "/api/candidates/" + second + "/reject", new byte[0], "text/plain")
                      .code())
              .isEqualTo(200);
          Response merged =
              post(
                  c,
                  "/api/candidates/" + third + "/merge",
                  ("{\"eventId\": \"" + eventId + "\"}").getBytes(),
                  "application/json");
          assertThat(merged.code()).isEqualTo(200);
          assertThat(json(merged).path("status").asText()).isEqualTo("merged");
          Response noEvent =
              post(
                  c,
                  "/api/candidates/" + third + "/merge",
                  "{\"eventId\": \"nope\"}".getBytes(),
                  "application/json");
          assertThat(noEvent.code()).isIn(404, 409);
          assertThat(c.get("/api/candidates/x/reject").code()).isIn(404, 405);

          // A re-run of the extraction over the stored text proposes nothing already decided.
          CandidateStore candidates = new CandidateStore(db.dataSource());
          assertThat(
                  new DocumentUploads(db.dataSource(), java.time.Clock.systemUTC())
                      .extractAgain(id, candidates))
              .isZero();
          assertThat(candidates.get(second).orElseThrow().status()).isEqualTo("rejected");
        });
  }
}
