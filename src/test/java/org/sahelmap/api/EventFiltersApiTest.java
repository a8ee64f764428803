package org.sahelmap.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sahelmap.store.Database;
import org.sahelmap.store.PostgisFeatureStore;
import org.sahelmap.testing.BulkEvents;
import org.sahelmap.testing.DevData;
import org.sahelmap.testing.NeedsDatabase;
import org.sahelmap.testing.TestDatabase;

/**
 * The events filters {@code category} and {@code q} on items, and the histogram, checked against
 * counts written here in plain SQL over every layer plus 20,000 synthetic events.
 */
@NeedsDatabase
class EventFiltersApiTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String TEXT =
      "coalesce(properties->>'title','') || ' ' || coalesce(properties->>'summary','') || ' ' ||"
          + " coalesce(properties->>'place_name','') || ' ' || coalesce(properties->>'actors','')";
  static Database db;
  static PostgisFeatureStore store;

  @BeforeAll
  static void open() throws SQLException {
    db = TestDatabase.fresh();
    store = new PostgisFeatureStore(db.dataSource());
    DevData.load(db);
    BulkEvents.load(db, 20_000);
  }

  @AfterAll
  static void close() {
    db.close();
  }

  interface Body {
    void run(HttpClient client) throws Exception;
  }

  static void withApp(Body body) {
    JavalinTest.test(AppFactory.create(db, store, 1000), (server, client) -> body.run(client));
  }

  static JsonNode json(Response r) throws IOException {
    return JSON.readTree(r.body().string());
  }

  static long sql(String where) throws SQLException {
    try (Connection c = db.connection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT count(*) FROM feature WHERE layer_id = 'events' AND " + where);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Query strings and the same filter in SQL, written independently of the server's. */
  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        "; true",
        "category=military ; properties->>'category' = 'military'",
        "category=economic,report ; properties->>'category' IN ('economic', 'report')",
        "q=near%20gao ; lower(" + TEXT + ") LIKE '%near gao%'",
        "q=SYNTHETIC%20ACTOR%203 ; lower(" + TEXT + ") LIKE '%synthetic actor 3%'",
        "q=_ ; strpos(" + TEXT + ", '_') > 0",
        "q=100%25 ; strpos(" + TEXT + ", '100%') > 0",
        "q=%25 ; strpos(" + TEXT + ", '%') > 0",
        "bbox=-1,15,1,17&category=diplomatic&q=near ; ST_Intersects(geom,"
            + " ST_MakeEnvelope(-1, 15, 1, 17, 4326)) AND properties->>'category' = 'diplomatic'"
            + " AND lower("
            + TEXT
            + ") LIKE '%near%'",
        "datetime=2023-01-01/2023-12-31&category=security_partnership ;"
            + " coalesce(t_end, t_start) >= '2023-01-01T00:00:00Z' AND coalesce(t_start, t_end)"
            + " <= '2023-12-31T23:59:59.999999Z' AND properties->>'category' ="
            + " 'security_partnership'"
      })
  void itemsAndHistogramCountWhatSqlCounts(String query, String where) throws Exception {
    String q = query == null ? "" : "&" + query;
    long expected = sql(where);
    withApp(
        client -> {
          JsonNode page = json(client.get("/ogc/collections/events/items?limit=1" + q));
          // Items count exactly up to FeatureStore.COUNT_CAP and leave numberMatched out beyond.
          if (expected <= org.sahelmap.store.FeatureStore.COUNT_CAP) {
            assertThat(page.get("numberMatched").asLong()).as(q).isEqualTo(expected);
          } else {
            assertThat(page.has("numberMatched")).as(q).isFalse();
          }
          JsonNode h =
              json(client.get("/api/events/histogram?" + (q.isEmpty() ? "" : q.substring(1))));
          assertThat(h.get("total").asLong()).as(q).isEqualTo(expected);
          long months = 0;
          String last = "";
          for (JsonNode m : h.get("months")) {
            assertThat(m.get("month").asText()).matches("\\d{4}-\\d{2}").isGreaterThan(last);
            assertThat(m.get("count").asLong()).isPositive();
            last = m.get("month").asText();
            months += m.get("count").asLong();
          }
          assertThat(months).isEqualTo(expected);
          long categories = 0;
          for (JsonNode n : h.get("categories")) {
            categories += n.asLong();
          }
          assertThat(categories).isEqualTo(expected);
        });
  }

  @Test
  void histogramMonthsAreTheMonthsOfTheStart() throws Exception {
    long feb2024 =
        sql(
            "t_start >= '2024-02-01T00:00:00Z' AND t_start < '2024-03-01T00:00:00Z'"
                + " AND properties->>'category' = 'military'");
    assertThat(feb2024).isPositive();
    withApp(
        client -> {
          JsonNode h = json(client.get("/api/events/histogram?category=military"));
          long found = -1;
          for (JsonNode m : h.get("months")) {
            if (m.get("month").asText().equals("2024-02")) {
              found = m.get("count").asLong();
            }
          }
          assertThat(found).isEqualTo(feb2024);
          assertThat(h.get("categories").size()).isEqualTo(1);
          assertThat(h.at("/categories/military").asLong()).isEqualTo(h.get("total").asLong());
        });
  }

  @Test
  void pagesKeepTheFiltersInTheirLinks() throws Exception {
    long expected =
        sql("properties->>'category' = 'report' AND lower(" + TEXT + ") LIKE '%near gao%'");
    assertThat(expected).isBetween(201L, 2000L);
    withApp(
        client -> {
          String next = "/ogc/collections/events/items?category=report&q=near%20Gao&limit=200";
          Set<String> ids = new HashSet<>();
          int pages = 0;
          while (next != null) {
            JsonNode page = json(client.get(next));
            assertThat(page.get("numberMatched").asLong()).isEqualTo(expected);
            page.get("features")
                .forEach(
                    f -> {
                      assertThat(f.at("/properties/category").asText()).isEqualTo("report");
                      assertThat(f.at("/properties/title").asText().toLowerCase())
                          .contains("near gao");
                      ids.add(f.get("id").asText());
                    });
            String link = OgcApiTest.link(page, "next");
            if (link != null) {
              assertThat(link).contains("category=report").contains("q=near%20Gao");
            }
            next = link == null ? null : OgcApiTest.local(link);
            pages++;
          }
          assertThat(pages).isGreaterThan(1);
          assertThat((long) ids.size()).isEqualTo(expected);
        });
  }

  @Test
  void refusals() {
    withApp(
        client -> {
          Map<String, String> refused =
              Map.of(
                  "/ogc/collections/events/items?category=weather",
                  "category",
                  "/ogc/collections/events/items?category=military,",
                  "category",
                  "/ogc/collections/kidal/items?category=military",
                  "category",
                  "/ogc/collections/kidal/items?q=fort",
                  "q",
                  "/ogc/collections/events/items?q=" + "x".repeat(201),
                  "q",
                  "/api/events/histogram?limit=10",
                  "limit",
                  "/api/events/histogram?category=nope",
                  "category",
                  "/api/events/histogram?bbox=1,2,3",
                  "bbox",
                  "/api/events/histogram?datetime=2024-02-30",
                  "datetime");
          for (var e : refused.entrySet()) {
            Response r = client.get(e.getKey());
            assertThat(r.code()).as(e.getKey()).isEqualTo(400);
            JsonNode body = json(r);
            assertThat(body.get("code").asText()).isEqualTo("InvalidParameterValue");
            assertThat(body.get("description").asText())
                .as(e.getKey())
                .contains("'" + e.getValue() + "'");
          }
        });
  }

  @Test
  void histogramRevalidates() {
    withApp(
        client -> {
          Response first = client.get("/api/events/histogram?category=report");
          String etag = first.header("ETag");
          assertThat(etag).isNotBlank();
          assertThat(
                  client
                      .get(
                          "/api/events/histogram?category=report",
                          b -> b.header("If-None-Match", etag))
                      .code())
              .isEqualTo(304);
          assertThat(client.get("/api/events/histogram?category=military").header("ETag"))
              .isNotEqualTo(etag);
          assertThat(List.of(first.header("Cache-Control"))).allMatch(h -> h.contains("no-cache"));
        });
  }
}
