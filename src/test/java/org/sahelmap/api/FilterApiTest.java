package org.sahelmap.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sahelmap.testing.Geometries.wkt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sahelmap.filter.Cql2TextParser;
import org.sahelmap.filter.FilterSql;
import org.sahelmap.store.Database;
import org.sahelmap.store.FeatureRecord;
import org.sahelmap.store.LayerData;
import org.sahelmap.store.PostgisFeatureStore;
import org.sahelmap.store.PropertyTypes;
import org.sahelmap.store.SqlCondition;
import org.sahelmap.testing.NeedsDatabase;
import org.sahelmap.testing.SampleLayers;
import org.sahelmap.testing.TestDatabase;

/**
 * OGC API Features Part 3 end to end against PostGIS: queryables with the real types, CQL2 text and
 * JSON filters giving exactly the features they describe, with bbox, datetime and category, and a
 * 400 naming the place for every bad filter.
 */
@NeedsDatabase
class FilterApiTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static Database db;
  static PostgisFeatureStore store;

  @BeforeAll
  static void open() {
    db = TestDatabase.fresh();
    store = new PostgisFeatureStore(db.dataSource());
    SampleLayers.load(store);
    // Events with categories: ev0..ev9 on days 1..10 of March 2024, alternately military and
    // economic, with i fatalities, along a line from (-2, 14).
    List<FeatureRecord> events = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      Instant day = Instant.parse("2024-03-01T00:00:00Z").plusSeconds(86_400L * i);
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("title", "event " + i);
      p.put("category", i % 2 == 0 ? "military" : "economic");
      p.put("fatalities", i);
      p.put("start", day.toString().substring(0, 10));
      p.put("actors", List.of("a" + i));
      events.add(
          new FeatureRecord(
              "ev" + i,
              wkt("POINT(" + (-2 + i * 0.5) + " " + (14 + i * 0.5) + ")"),
              p,
              day,
              day.plusSeconds(86_399)));
    }
    store.replaceLayers(
        List.of(new LayerData(SampleLayers.layer("events", "Events", "events", 5), events)));
  }

  @AfterAll
  static void close() {
    db.close();
  }

  interface Body {
    void run(HttpClient client) throws Exception;
  }

  static void withApp(Body body) {
    JavalinTest.test(AppFactory.create(db, store, 100), (server, client) -> body.run(client));
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static JsonNode json(Response r) throws IOException {
    return JSON.readTree(r.body().string());
  }

  static List<String> ids(JsonNode fc) {
    List<String> ids = new ArrayList<>();
    fc.get("features").forEach(f -> ids.add(f.get("id").asText()));
    return ids;
  }

  @Test
  void queryablesListEveryPropertyWithItsType() {
    withApp(
        client -> {
          Response r = client.get("/ogc/collections/towns/queryables");
          assertThat(r.code()).isEqualTo(200);
          assertThat(r.header("Content-Type")).startsWith("application/schema+json");
          JsonNode q = json(r);
          assertThat(q.get("$schema").asText()).contains("json-schema.org");
          assertThat(q.get("$id").asText()).endsWith("/ogc/collections/towns/queryables");
          JsonNode p = q.get("properties");
          assertThat(p.at("/name/type").asText()).isEqualTo("string");
          assertThat(p.at("/population/type").asText()).isEqualTo("integer");
          assertThat(p.at("/capital/type").asText()).isEqualTo("boolean");
          assertThat(p.at("/geometry/x-ogc-role").asText()).isEqualTo("primary-geometry");
          assertThat(p.has("start_time")).isFalse();
          JsonNode roads = json(client.get("/ogc/collections/roads/queryables")).get("properties");
          assertThat(roads.at("/length_km/type").asText()).isEqualTo("number");
          JsonNode ev = json(client.get("/ogc/collections/events/queryables")).get("properties");
          assertThat(ev.at("/start_time/format").asText()).isEqualTo("date-time");
          assertThat(ev.at("/start_time/x-ogc-role").asText()).isEqualTo("primary-interval-start");
          assertThat(ev.at("/end_time/x-ogc-role").asText()).isEqualTo("primary-interval-end");
          assertThat(ev.at("/start/format").asText()).isEqualTo("date");
          assertThat(ev.at("/actors/type").toString()).contains("array");
          // The collection links to them; HTML too; an unknown collection is 404.
          JsonNode towns = json(client.get("/ogc/collections/towns"));
          assertThat(towns.get("links").toString())
              .contains("http://www.opengis.net/def/rel/ogc/1.0/queryables");
          assertThat(client.get("/ogc/collections/towns/queryables?f=html").header("Content-Type"))
              .startsWith("text/html");
          assertThat(client.get("/ogc/collections/nope/queryables").code()).isEqualTo(404);
        });
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "towns|population > 1020|t21,t22,t23,t24",
        "towns|name = 'town 3'|t3",
        "towns|name LIKE 'town 2_'|t20,t21,t22,t23,t24",
        "towns|CASEI(name) = casei('TOWN 4')|t4",
        "towns|population BETWEEN 1005 AND 1007|t5,t6,t7",
        "towns|population NOT BETWEEN 1001 AND 1024|t0",
        "towns|name IN ('town 1', 'town 2', 'nowhere')|t1,t2",
        "towns|capital = TRUE|t0",
        "towns|capital|t0",
        "towns|NOT capital = FALSE|t0",
        "towns|name IS NULL|",
        "towns|id = 't9' OR (population < 1002 AND NOT capital)|t1,t9",
        "towns|S_INTERSECTS(geometry, BBOX(-1, 13, 3, 17))|t7,t8,t12,t13",
        "towns|S_WITHIN(geometry, POLYGON((-1 13, 3 13, 3 17, -1 17, -1 13))) AND population > 1010|t12,t13",
        "towns|S_INTERSECTS(geometry, POINT(0 14))|t7",
        "roads|S_CROSSES(geometry, LINESTRING(0 16, 2 16))|r3",
        // t7 is at (0 14): half a degree of latitude (55.3 km) from (0 14.5); t2 and t12 are two
        // degrees of latitude away (221 km), t6 and t8 2.5 degrees of longitude (270 km at 14°N).
        "towns|S_DWITHIN(geometry, POINT(0 14.5), 60000)|t7",
        "towns|S_DWITHIN(geometry, POINT(0 14.5), 50000)|",
        "towns|S_DWITHIN(POINT(0 14), geometry, 230, kilometers)|t2,t7,t12",
        "towns|S_DWITHIN(geometry, POINT(0 14), 230000, meters) AND population > 1010|t12",
        "roads|length_km > 800|r1",
        "roads|lanes IS NOT NULL|r3",
        "events|T_INTERSECTS(datetime, INTERVAL('2024-03-03', '2024-03-04'))|ev2,ev3",
        "events|T_BEFORE(datetime, TIMESTAMP('2024-03-03T00:00:00Z'))|ev0,ev1",
        "events|T_AFTER(start_time, DATE('2024-03-08'))|ev8,ev9",
        "events|T_INTERSECTS(datetime, INTERVAL('..', '2024-03-01'))|ev0",
        "events|start_time >= TIMESTAMP('2024-03-09T00:00:00Z')|ev8,ev9",
        "events|start = DATE('2024-03-05')|ev4",
        "events|category = 'economic' AND fatalities > 4|ev5,ev7,ev9",
        "events|title = 'it''s not there' OR id = 'x'' OR ''1''=''1'|",
      })
  void cql2TextSelectsExactlyWhatItSays(String collection, String filter, String expected) {
    withApp(
        client -> {
          Response r =
              client.get("/ogc/collections/" + collection + "/items?filter=" + enc(filter));
          String body = r.body().string();
          assertThat(r.code()).as(body).isEqualTo(200);
          JsonNode fc = JSON.readTree(body);
          List<String> want = expected == null ? List.of() : List.of(expected.split(","));
          assertThat(ids(fc)).containsExactlyInAnyOrderElementsOf(want);
          assertThat(fc.get("numberMatched").asInt()).isEqualTo(want.size());
        });
  }

  @Test
  void filterJoinsBboxDatetimeCategoryAndCql2Json() {
    withApp(
        client -> {
          String both =
              "/ogc/collections/events/items?category=military&datetime=2024-03-02/2024-03-08"
                  + "&bbox=-1,14,3,18&filter="
                  + enc("fatalities <> 4");
          // military: ev0,2,4,6,8; in the window: 2,4,6; in the box (lon >= -1): 2,4,6; not 4.
          assertThat(ids(json(client.get(both)))).containsExactlyInAnyOrder("ev2", "ev6");
          String cql2json =
              "{\"op\":\"and\",\"args\":[{\"op\":\">\",\"args\":[{\"property\":\"population\"},"
                  + "1010]},{\"op\":\"s_intersects\",\"args\":[{\"property\":\"geometry\"},"
                  + "{\"type\":\"Polygon\",\"coordinates\":[[[-1,13],[3,13],[3,17],[-1,17],[-1,13]]]}]}]}";
          JsonNode fc =
              json(
                  client.get(
                      "/ogc/collections/towns/items?filter-lang=cql2-json&filter="
                          + enc(cql2json)));
          assertThat(ids(fc)).containsExactlyInAnyOrder("t12", "t13");
          // The next link keeps the filter.
          JsonNode page =
              json(
                  client.get(
                      "/ogc/collections/towns/items?limit=2&filter=" + enc("population > 1010")));
          assertThat(page.get("links").toString()).contains("filter=population");
        });
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "towns|filter=population%20%3E%20'x'|character 14: cannot compare number with text",
        "towns|filter=name%20%3D|character 7: expected a property name or a value",
        "towns|filter=nosuch%20%3D%201|character 1: 'nosuch' is not a queryable",
        "towns|filter=start_time%20%3E%20TIMESTAMP('2024-01-01T00:00:00Z')|'start_time' is not a queryable",
        "towns|filter=%7B%22op%22%3A&filter-lang=cql2-json|not valid JSON",
        "towns|filter=%7B%7D|add filter-lang=cql2-json",
        "towns|filter=x&filter-lang=sql|parameter 'filter-lang'",
        "towns|filter=capital&filter-crs=EPSG:4326|parameter 'filter-crs'",
        "towns|filter=%22x'%29%3B%20DROP%20TABLE%20feature%3B--%22%20%3D%20'a'|is not a queryable",
        "towns|filter=|the filter is empty",
        "towns|filter=S_DWITHIN(geometry,%20POINT(0%2014),%20-1)|the distance of S_DWITHIN",
        "towns|filter=S_DWITHIN(geometry,%20POINT(0%2014),%20'far')|the third argument of S_DWITHIN",
        "towns|filter=S_DWITHIN(geometry,%20POINT(0%2014),%201,%20miles)|the units of S_DWITHIN",
        "towns|filter=S_DWITHIN(geometry,%20POINT(0%2014))|'s_dwithin' takes",
      })
  void badFiltersAre400NamingThePlace(String collection, String query, String reason) {
    withApp(
        client -> {
          String q = query.replace("|", "");
          Response r = client.get("/ogc/collections/" + collection + "/items?" + q);
          JsonNode e = json(r);
          assertThat(r.code()).as(e.toString()).isEqualTo(400);
          assertThat(e.get("code").asText()).isEqualTo("InvalidParameterValue");
          assertThat(e.get("description").asText()).contains(reason.split("&")[0]);
        });
    // The feature table is untouched by what a filter says.
    assertThat(store.extent("towns").count()).isEqualTo(25);
  }

  @Test
  void sortbyPropertiesAndSkipGeometryShapeThePage() {
    withApp(
        client -> {
          JsonNode desc =
              json(client.get("/ogc/collections/towns/items?limit=3&sortby=-population"));
          assertThat(ids(desc)).containsExactly("t24", "t23", "t22");
          // Followed, the next page goes on in the same order.
          JsonNode next =
              json(client.get("/ogc/collections/towns/items?limit=3&offset=3&sortby=-population"));
          assertThat(ids(next)).containsExactly("t21", "t20", "t19");
          // '+' sent unencoded arrives as a space: still ascending. Ties fall back to seq.
          JsonNode asc =
              json(
                  client.get("/ogc/collections/events/items?limit=4&sortby=+category,-fatalities"));
          assertThat(ids(asc)).containsExactly("ev9", "ev7", "ev5", "ev3");
          JsonNode slim =
              json(
                  client.get(
                      "/ogc/collections/towns/items?limit=2&properties=name&skipGeometry=true"
                          + "&filter="
                          + enc("population < 1002")));
          for (JsonNode f : slim.get("features")) {
            assertThat(f.get("geometry").isNull()).isTrue();
            assertThat(f.get("properties").size()).isEqualTo(1);
            assertThat(f.get("properties").has("name")).isTrue();
          }
          assertThat(ids(slim)).containsExactly("t0", "t1");
          for (String bad :
              List.of(
                  "sortby=nosuch",
                  "sortby=geometry",
                  "sortby=name,name",
                  "sortby=",
                  "properties=geometry",
                  "properties=nosuch",
                  "skipGeometry=yes")) {
            Response r = client.get("/ogc/collections/towns/items?" + bad);
            JsonNode e = json(r);
            assertThat(r.code()).as(bad + " " + e).isEqualTo(400);
            assertThat(e.get("description").asText())
                .startsWith("parameter '" + bad.substring(0, bad.indexOf('=')) + "'");
          }
        });
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "S_INTERSECTS(geometry, BBOX(-1, 13, 3, 17))",
        "S_DWITHIN(geometry, POINT(0 14), 50, kilometers)"
      })
  void aSpatialFilterIsAnsweredFromTheSpatialIndex(String filter) throws Exception {
    SqlCondition c =
        FilterSql.toSql(
            Cql2TextParser.parse(filter),
            new org.sahelmap.api.FilterParams(new PropertyTypes(store))
                .queryables(store.layer("towns").orElseThrow()));
    try (Connection conn = db.dataSource().getConnection()) {
      conn.setAutoCommit(false);
      conn.createStatement().execute("SET LOCAL enable_seqscan = off");
      try (PreparedStatement ps =
          conn.prepareStatement(
              "EXPLAIN SELECT id FROM feature WHERE layer_id = ? AND (" + c.sql() + ")")) {
        ps.setString(1, "towns");
        for (int i = 0; i < c.params().size(); i++) {
          ps.setObject(i + 2, c.params().get(i));
        }
        StringBuilder plan = new StringBuilder();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            plan.append(rs.getString(1)).append('\n');
          }
        }
        // Either GiST that leads with (layer_id, geom): on a layer this small V51's, which adds
        // the time span, costs the same and may be picked.
        assertThat(plan.toString())
            .containsAnyOf("feature_layer_geom_gix", "feature_layer_geom_time_gix");
      }
      conn.rollback();
    }
  }
}
