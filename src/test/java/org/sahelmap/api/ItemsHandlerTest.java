package org.sahelmap.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sahelmap.api.OgcApiTest.ids;
import static org.sahelmap.api.OgcApiTest.json;
import static org.sahelmap.api.OgcApiTest.link;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import java.util.List;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sahelmap.export.ExportFormat;
import org.sahelmap.testing.InMemoryFeatureStore;
import org.sahelmap.testing.SampleLayers;

/**
 * Items, single features, parameters, paging and errors through the real routes and handlers, over
 * the in-memory store: no database, so these run in the quick loop ({@code
 * -DexcludedGroups=database,browser}). {@code OgcApiTest} checks the same surface over PostGIS.
 */
class ItemsHandlerTest {
  private static final int MAX_LIMIT = 10;

  interface Body {
    void run(HttpClient client) throws Exception;
  }

  private static void withApp(Body body) {
    InMemoryFeatureStore store = new InMemoryFeatureStore();
    SampleLayers.load(store);
    JavalinTest.test(
        AppFactory.featuresOnly(store, AppOptions.defaults(MAX_LIMIT)),
        (server, client) -> body.run(client));
  }

  @Test
  void pagesAreCappedAtTheServersLimitAndLinkOnKeepingTheirParameters() {
    withApp(
        client -> {
          Response r = client.get("/ogc/collections/towns/items?bbox=-5,12,5,20&limit=50&offset=3");
          assertThat(r.code()).isEqualTo(200);
          assertThat(r.header("Content-Type")).startsWith("application/geo+json");
          JsonNode page = json(r);
          assertThat(ids(page)).hasSize(MAX_LIMIT).startsWith("t3", "t4");
          assertThat(page.get("numberMatched").asLong()).isEqualTo(25);
          // The next page keeps bbox and limit, in the order given, and moves the offset by the
          // limit the server used.
          assertThat(link(page, "next"))
              .endsWith("/ogc/collections/towns/items?bbox=-5,12,5,20&limit=50&offset=13");
          assertThat(link(page, "prev")).endsWith("offset=0");
          JsonNode last = json(client.get("/ogc/collections/towns/items?offset=20"));
          assertThat(ids(last)).containsExactly("t20", "t21", "t22", "t23", "t24");
          assertThat(link(last, "next")).isNull();
          assertThat(link(last, "alternate")).contains("f=html").contains("offset=20");
        });
  }

  @Test
  void aDatetimeWindowSelectsEventsAndEveryFeatureOfATimelessCollection() {
    withApp(
        client -> {
          JsonNode events =
              json(
                  client.get(
                      "/ogc/collections/incidents/items?datetime=2024-01-03T12:00:00Z/2024-01-04"));
          assertThat(ids(events)).containsExactly("e2", "e3");
          JsonNode towns = json(client.get("/ogc/collections/towns/items?datetime=2024-01-03"));
          assertThat(towns.get("numberMatched").asLong()).isEqualTo(25);
        });
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "bbox=1,2,3|bbox",
        "bbox=0,20,5,10|bbox",
        "bbox=a,1,2,3|bbox",
        "limit=0|limit",
        "limit=ten|limit",
        "offset=-1|offset",
        "datetime=2024-13-01|datetime",
        "datetime=2024-02-01/2024-01-01|datetime",
        "colour=red|colour",
        "category=clash|category",
        "filter=name%20%3D|filter",
        "filter-lang=sql|filter-lang",
        "sortby=nothing|sortby"
      })
  void aBadParameterIs400NamingIt(String query, String parameter) {
    withApp(
        client -> {
          Response r = client.get("/ogc/collections/towns/items?" + query);
          assertThat(r.code()).as(query).isEqualTo(400);
          JsonNode error = json(r);
          assertThat(error.get("code").asText()).isEqualTo("InvalidParameterValue");
          assertThat(error.get("description").asText()).contains("'" + parameter + "'");
          assertThat(error.toString()).doesNotContain("Exception").doesNotContain("at org.");
        });
  }

  /**
   * Every format of the one list is linked from its collection and served by {@code f=} and by
   * {@code Accept}, as a file named after the collection: a new format needs no handler edit.
   */
  @Test
  void everyExportFormatIsLinkedAndServedByFAndByAccept() {
    withApp(
        client -> {
          JsonNode towns = json(client.get("/ogc/collections/towns"));
          for (ExportFormat e : ExportFormat.values()) {
            assertThat(towns.get("links").findValuesAsText("href"))
                .as("enclosure link of %s", e)
                .anyMatch(h -> h.endsWith("/ogc/collections/towns/items?f=" + e.f()));
            Response byF = client.get("/ogc/collections/towns/items?f=" + e.f());
            Response byAccept =
                client.get("/ogc/collections/towns/items", b -> b.header("Accept", e.mediaType()));
            for (Response r : List.of(byF, byAccept)) {
              assertThat(r.code()).as("%s", e).isEqualTo(200);
              assertThat(r.header("Content-Type")).startsWith(e.mediaType());
              assertThat(r.header("Content-Disposition"))
                  .isEqualTo("attachment; filename=\"towns." + e.extension() + "\"");
              assertThat(r.body().bytes()).isNotEmpty();
            }
          }
        });
  }

  @Test
  void aMissingCollectionOrFeatureIs404AndAFeatureReadsBack() {
    withApp(
        client -> {
          assertThat(client.get("/ogc/collections/nowhere/items").code()).isEqualTo(404);
          assertThat(client.get("/ogc/collections/nowhere/items/t1").code()).isEqualTo(404);
          Response missing = client.get("/ogc/collections/towns/items/t99");
          assertThat(missing.code()).isEqualTo(404);
          assertThat(json(missing).get("description").asText()).contains("t99");
          JsonNode t7 = json(client.get("/ogc/collections/towns/items/t7"));
          assertThat(t7.get("properties").get("name").asText()).isEqualTo("town 7");
          assertThat(t7.get("geometry").get("coordinates").get(0).asDouble()).isEqualTo(0.0);
          assertThat(link(t7, "collection")).endsWith("/ogc/collections/towns");
        });
  }

  @Test
  void anUnchangedPageIs304AndHeadAnswersAsGet() {
    withApp(
        client -> {
          Response first = client.get("/ogc/collections/roads/items");
          String etag = first.header("ETag");
          assertThat(etag).isNotBlank();
          Response again =
              client.request("/ogc/collections/roads/items", b -> b.header("If-None-Match", etag));
          assertThat(again.code()).isEqualTo(304);
          Response html =
              client.request(
                  "/ogc/collections/roads/items?f=html", b -> b.header("If-None-Match", etag));
          assertThat(html.code()).as("another format, another ETag").isEqualTo(200);
          Response head = client.request("/ogc/collections/nowhere/items", b -> b.head());
          assertThat(head.code()).isEqualTo(404);
        });
  }

  @Test
  void propertiesAndSkipGeometryShapeTheFeatures() {
    withApp(
        client -> {
          JsonNode page =
              json(
                  client.get(
                      "/ogc/collections/towns/items?limit=2&properties=name&skipGeometry=true"));
          JsonNode first = page.get("features").get(0);
          assertThat(first.get("geometry").isNull()).isTrue();
          assertThat(first.get("properties").fieldNames()).toIterable().containsExactly("name");
          assertThat(client.get("/ogc/collections/towns/items?skipGeometry=maybe").code())
              .isEqualTo(400);
        });
  }

  @Test
  void anHtmlPageWritesEveryStoredStringAsText() {
    withApp(
        client -> {
          Response r = client.get("/ogc/collections/zones/items?f=html");
          assertThat(r.code()).isEqualTo(200);
          String html = r.body().string();
          // z2 is named "<b>plain</b> zone".
          assertThat(html).contains("&lt;b&gt;plain&lt;/b&gt; zone").doesNotContain("<b>plain");
        });
  }

  @Test
  void queryablesStateThePropertiesTypes() {
    withApp(
        client -> {
          JsonNode q = json(client.get("/ogc/collections/towns/queryables"));
          JsonNode props = q.get("properties");
          assertThat(props.get("population").get("type").asText()).isEqualTo("integer");
          assertThat(props.get("name").get("type").asText()).isEqualTo("string");
          assertThat(props.get("capital").get("type").asText()).isEqualTo("boolean");
        });
  }

  @Test
  void otherOriginsMayReadWithoutCredentials() {
    withApp(
        client -> {
          Response r =
              client.request(
                  "/ogc/collections", b -> b.header("Origin", "https://elsewhere.example"));
          assertThat(r.code()).isEqualTo(200);
          assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo("*");
          assertThat(r.header("Access-Control-Allow-Credentials")).isNull();
        });
  }
}
