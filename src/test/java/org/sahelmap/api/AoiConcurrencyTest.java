package org.sahelmap.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sahelmap.aoi.AoiJson.box;
import static org.sahelmap.aoi.AoiJson.feature;
import static org.sahelmap.aoi.AoiJson.parse;
import static org.sahelmap.aoi.AoiJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sahelmap.store.Database;
import org.sahelmap.store.PostgisFeatureStore;
import org.sahelmap.testing.NeedsDatabase;
import org.sahelmap.testing.TestAccounts;
import org.sahelmap.testing.TestDatabase;

/**
 * Two writers saving the same AOI at the same time, over real HTTP and PostGIS: of two saves based
 * on the same version exactly one wins, and every save acknowledged with 200 is in the history
 * under the version its ETag named.
 */
@NeedsDatabase
class AoiConcurrencyTest {
  static final String ITEMS = "/ogc/collections/aois/items";
  static Database db;
  static Map<String, String> writers;

  @BeforeAll
  static void open() {
    db = TestDatabase.fresh();
    writers =
        Map.of(
            "w1", TestAccounts.analystNamed(db, "w1"), "w2", TestAccounts.analystNamed(db, "w2"));
  }

  @AfterAll
  static void close() {
    db.close();
  }

  static HttpResponse<String> put(HttpClient http, String base, String id, String etag, String name)
      throws Exception {
    HttpRequest req =
        HttpRequest.newBuilder(URI.create(base + ITEMS + "/" + id))
            .header("Content-Type", "application/geo+json")
            .header("If-Match", etag)
            .header("Authorization", writers.get(name.substring(0, 2)))
            .PUT(HttpRequest.BodyPublishers.ofString(text(feature(name, box(0, 0, 1, 1)))))
            .build();
    return http.send(req, HttpResponse.BodyHandlers.ofString());
  }

  static String currentEtag(HttpClient http, String base, String id) throws Exception {
    HttpRequest req = HttpRequest.newBuilder(URI.create(base + ITEMS + "/" + id)).build();
    return http.send(req, HttpResponse.BodyHandlers.ofString()).headers().firstValue("ETag").get();
  }

  @Test
  void twoWritersNeverLoseAnAcknowledgedSave() {
    Javalin app = AppFactory.create(db, new PostgisFeatureStore(db.dataSource()), 1000);
    JavalinTest.test(
        app,
        (server, client) -> {
          String base = "http://localhost:" + server.port();
          HttpClient http = HttpClient.newHttpClient();
          HttpRequest create =
              HttpRequest.newBuilder(URI.create(base + ITEMS))
                  .header("Content-Type", "application/geo+json")
                  .header("Authorization", writers.get("w1"))
                  .POST(
                      HttpRequest.BodyPublishers.ofString(text(feature("start", box(0, 0, 1, 1)))))
                  .build();
          String id =
              parse(http.send(create, HttpResponse.BodyHandlers.ofString()).body())
                  .path("id")
                  .asText();

          int rounds = 30;
          CyclicBarrier together = new CyclicBarrier(2);
          Map<Integer, String> acknowledged = new ConcurrentHashMap<>();
          AtomicInteger conflicts = new AtomicInteger();
          AtomicInteger sameVersionWins = new AtomicInteger();
          ExecutorService pool = Executors.newFixedThreadPool(2);
          List<Future<?>> writers = new ArrayList<>();
          for (String writer : List.of("w1", "w2")) {
            writers.add(
                pool.submit(
                    () -> {
                      for (int i = 0; i < rounds; i++) {
                        String name = writer + "-" + i;
                        // Both writers read, then both save at once based on what they read.
                        String etag = currentEtag(http, base, id);
                        together.await(10, TimeUnit.SECONDS);
                        boolean first = true;
                        while (true) {
                          HttpResponse<String> r = put(http, base, id, etag, name);
                          if (r.statusCode() == 200) {
                            String v = r.headers().firstValue("ETag").get().replace("\"", "");
                            assertThat(acknowledged.put(Integer.parseInt(v), name)).isNull();
                            if (first) {
                              sameVersionWins.incrementAndGet();
                            }
                            break;
                          }
                          assertThat(r.statusCode()).as(r.body()).isEqualTo(412);
                          conflicts.incrementAndGet();
                          first = false;
                          // What a client does: take the current version from the 412 and retry.
                          JsonNode body = parse(r.body());
                          etag = "\"" + body.path("currentVersion").asInt() + "\"";
                        }
                        together.await(10, TimeUnit.SECONDS);
                      }
                      return null;
                    }));
          }
          for (Future<?> w : writers) {
            w.get(120, TimeUnit.SECONDS);
          }
          pool.shutdown();

          // Each round both writers started from the same version, so exactly one of them won it
          // outright and the other was refused and retried.
          assertThat(sameVersionWins.get()).isEqualTo(rounds);
          assertThat(conflicts.get()).isGreaterThanOrEqualTo(rounds);
          assertThat(acknowledged).hasSize(2 * rounds);

          HttpRequest history =
              HttpRequest.newBuilder(URI.create(base + ITEMS + "/" + id + "/versions")).build();
          JsonNode versions =
              parse(http.send(history, HttpResponse.BodyHandlers.ofString()).body())
                  .path("features");
          assertThat(versions.size()).isEqualTo(1 + 2 * rounds);
          for (JsonNode v : versions) {
            int n = v.at("/properties/version").asInt();
            if (n > 1) {
              assertThat(v.at("/properties/name").asText())
                  .as("version " + n)
                  .isEqualTo(acknowledged.get(n));
            }
          }
          assertThat(currentEtag(http, base, id)).isEqualTo("\"" + (1 + 2 * rounds) + "\"");
        });
  }
}
