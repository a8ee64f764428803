package org.sahelmap.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sahelmap.api.AppFactory;
import org.sahelmap.store.Database;
import org.sahelmap.store.FeatureStore;
import org.sahelmap.store.PostgisFeatureStore;
import org.sahelmap.testing.NeedsDatabase;
import org.sahelmap.testing.SampleLayers;
import org.sahelmap.testing.TestDatabase;

/**
 * Issue 11 with 17: one feature by id is served from memory until the change feed says its layer
 * changed, on every instance; and nothing is kept while the feed is not listening.
 */
@NeedsDatabase
class FeatureCacheTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static Database db;

  @BeforeAll
  static void open() {
    db = TestDatabase.fresh();
    SampleLayers.load(new PostgisFeatureStore(db.dataSource()));
  }

  @AfterAll
  static void close() {
    db.close();
  }

  /** The store, counting how often a single feature is asked of PostGIS. */
  static FeatureStore counting(AtomicInteger reads) {
    FeatureStore real = new PostgisFeatureStore(db.dataSource());
    return (FeatureStore)
        Proxy.newProxyInstance(
            FeatureStore.class.getClassLoader(),
            new Class<?>[] {FeatureStore.class},
            (proxy, method, args) -> {
              if (method.getName().equals("layerFeature")) {
                reads.incrementAndGet();
              }
              try {
                return method.invoke(real, args);
              } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  static String name(Javalin app, String id) throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://127.0.0.1:" + app.port() + "/ogc/collections/towns/items/" + id))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    return JSON.readTree(r.body()).at("/properties/name").asText();
  }

  @Test
  void aChangeMadeAnywhereReachesEveryInstancesCacheWithinASecond() throws Exception {
    AtomicInteger reads = new AtomicInteger();
    Javalin one = AppFactory.create(db, counting(reads), 1000).start("127.0.0.1", 0);
    Javalin two =
        AppFactory.create(db, new PostgisFeatureStore(db.dataSource()), 1000).start("127.0.0.1", 0);
    try {
      assertThat(name(one, "t3")).isEqualTo("town 3");
      assertThat(name(one, "t3")).isEqualTo("town 3");
      assertThat(name(one, "t3")).isEqualTo("town 3");
      assertThat(reads.get()).as("asked of PostGIS once, then served from memory").isEqualTo(1);
      assertThat(name(two, "t3")).isEqualTo("town 3");

      // A change from outside both servers (as import-events or psql would make it): the feature
      // and its layer's updated_at in one transaction.
      try (Connection c = db.connection();
          Statement st = c.createStatement()) {
        st.execute(
            "UPDATE feature SET properties = properties || '{\"name\": \"renamed 3\"}'"
                + " WHERE layer_id = 'towns' AND id = 't3';"
                + " UPDATE layer SET updated_at = now() WHERE id = 'towns'");
      }
      long start = System.nanoTime();
      for (Javalin app : new Javalin[] {one, two}) {
        String seen = name(app, "t3");
        while (!seen.equals("renamed 3") && System.nanoTime() - start < 2_000_000_000L) {
          Thread.sleep(10);
          seen = name(app, "t3");
        }
        assertThat(seen).isEqualTo("renamed 3");
      }
      assertThat((System.nanoTime() - start) / 1_000_000)
          .as("ms until both saw it")
          .isLessThan(1000);
    } finally {
      one.stop();
      two.stop();
    }
  }

  @Test
  void nothingIsKeptWhileTheFeedIsNotListening() {
    AtomicInteger reads = new AtomicInteger();
    ChangeFeed neverStarted = new ChangeFeed(db);
    FeatureCache cache = new FeatureCache(counting(reads), neverStarted, 1 << 20);
    cache.layerFeature("towns", "t1");
    cache.layerFeature("towns", "t1");
    assertThat(reads.get()).isEqualTo(2);
    assertThat(cache.size()).isZero();
  }

  @Test
  void aLayersChangeDropsOnlyThatLayersEntriesAndTheCacheStaysWithinItsBytes() throws Exception {
    ChangeFeed feed = new ChangeFeed(db);
    feed.start();
    try {
      AtomicInteger reads = new AtomicInteger();
      FeatureCache cache = new FeatureCache(counting(reads), feed, 2_000);
      for (int i = 0; i < 40; i++) {
        cache.layerFeature("towns", "t" + i);
      }
      int kept = cache.size();
      assertThat(kept).as("bounded by its size, oldest out").isBetween(1, 39);
      assertThat(cache.snapshot().values().stream().mapToInt(e -> e.size()).sum())
          .isLessThanOrEqualTo(2_000);
      cache.layerFeature("roads", "r1");
      cache.accept(new Change(1, "layer", "towns", null, "update", null, "2026-12-02T00:00:00Z"));
      assertThat(cache.snapshot().keySet()).allMatch(k -> k.startsWith("roads"));
    } finally {
      feed.close();
    }
  }
}
