package org.sahelmap.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahelmap.MainAccess;
import org.sahelmap.api.AppFactory;
import org.sahelmap.store.Database;
import org.sahelmap.store.PostgisFeatureStore;
import org.sahelmap.testing.NeedsDatabase;
import org.sahelmap.testing.TestDatabase;

/**
 * A running server shows imported events at once: the command commits the events and the layer's
 * new {@code updated_at} together, so the next request gets a new ETag and the new count, and a
 * client revalidating its old copy is not told it is current. A refused import changes neither.
 */
@NeedsDatabase
class EventImportServedTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ITEMS = "/ogc/collections/events/items?limit=10";

  @Test
  void itemsOfARunningServerChangeETagAndCountAfterAnImport(@TempDir Path dir) throws Exception {
    try (Database db = TestDatabase.fresh()) {
      PostgisFeatureStore store = new PostgisFeatureStore(db.dataSource());
      store.replaceLayers(List.of(CuratedEvents.layer()));
      JavalinTest.test(
          AppFactory.create(db, store, 1000),
          (server, client) -> {
            Page before = page(client, null);
            assertThat(before.numberMatched).isEqualTo(CuratedEvents.events().size());
            assertThat(page(client, before.etag).status).isEqualTo(304);

            Path bad =
                EventRows.write(
                    dir.resolve("bad.csv"),
                    "served",
                    5,
                    r -> r.replaceFirst("^served-3,", "Served_3,"));
            assertThat(importEvents(bad)).isEqualTo(1);
            assertThat(page(client, before.etag).status)
                .as("a refused import leaves the collection as it was")
                .isEqualTo(304);

            Path good =
                EventRows.write(dir.resolve("good.csv"), "served", 5, UnaryOperator.identity());
            assertThat(importEvents(good)).isZero();
            Page after = page(client, before.etag);
            assertThat(after.status).isEqualTo(200);
            assertThat(after.etag).isNotEqualTo(before.etag);
            assertThat(after.numberMatched).isEqualTo(before.numberMatched + 5);
            assertThat(client.get("/ogc/collections/events/items/served-4").code()).isEqualTo(200);
          });
    }
  }

  record Page(int status, String etag, long numberMatched) {}

  static Page page(HttpClient client, String ifNoneMatch) throws Exception {
    var response =
        client.get(ITEMS, r -> r.header("If-None-Match", ifNoneMatch == null ? "" : ifNoneMatch));
    String body = response.body().string();
    long matched = response.code() == 200 ? JSON.readTree(body).path("numberMatched").asLong() : -1;
    return new Page(response.code(), response.header("ETag"), matched);
  }

  /** The command as a user runs it beside the server, with its own connections. */
  static int importEvents(Path file) {
    PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    return MainAccess.run(
        new String[] {
          "import-events", file.toString(), "--database-url", EventImportTest.databaseUrl()
        },
        sink,
        sink);
  }
}
