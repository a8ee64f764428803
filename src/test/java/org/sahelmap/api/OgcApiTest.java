package org.sahelmap.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sahelmap.testing.Geometries.wkt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.sahelmap.store.Database;
import org.sahelmap.store.FeatureRecord;
import org.sahelmap.store.LayerData;
import org.sahelmap.store.PostgisFeatureStore;
import org.sahelmap.testing.NeedsDatabase;
import org.sahelmap.testing.SampleLayers;
import org.sahelmap.testing.TestDatabase;

/** The OGC API Features surface, end to end through the real app against real PostGIS. */
@NeedsDatabase
class OgcApiTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final int MAX_LIMIT = 20;
  static final String EVIL_TITLE = "<script>alert('x')</script> & co";
  static Database db;
  static PostgisFeatureStore store;

  @BeforeAll
  static void open() {
    db = TestDatabase.fresh();
    store = new PostgisFeatureStore(db.dataSource());
    SampleLayers.load(store);
    store.replaceLayers(
        List.of(
            new LayerData(
                SampleLayers.layer("evil", EVIL_TITLE, "context", 9),
                List.of(
                    FeatureRecord.of(
                        "x1",
                        wkt("POINT(1 1)"),
                        Map.of(
                            "seen", LocalDate.parse("2024-03-05"),
                            "at", Instant.parse("2024-03-05T10:15:30Z"))))),
            new LayerData(
                SampleLayers.layer("pacific", "Across the antimeridian", "context", 10),
                List.of(
                    FeatureRecord.of("east", wkt("POINT(178 66)"), Map.of("n", 1)),
                    FeatureRecord.of("west", wkt("POINT(-178.5 67)"), Map.of("n", 2)),
                    FeatureRecord.of("middle", wkt("POINT(0 66)"), Map.of("n", 3)),
                    FeatureRecord.of(
                        "line", wkt("LINESTRING(170 80, 179.9 69)"), Map.of("n", 4))))));
  }

  @Test
  void bboxTakesSixNumbersAndBoxesCrossingTheAntimeridian() {
    withApp(
        client -> {
          // 177..180 and -180..-177 between 65 and 70: both points near the antimeridian and
          // the line ending in the box, never the point at 0.
          JsonNode across = json(client.get("/ogc/collections/pacific/items?bbox=177,65,-177,70"));
          assertThat(ids(across)).containsExactlyInAnyOrder("east", "west", "line");
          assertThat(across.get("numberMatched").asInt()).isEqualTo(3);
          JsonNode west = json(client.get("/ogc/collections/pacific/items?bbox=-179,65,-177,70"));
          assertThat(ids(west)).containsExactly("west");
          // Six numbers: the heights are read and checked, the 2D features all fall within.
          JsonNode six = json(client.get("/ogc/collections/towns/items?bbox=-1,13,-100,3,17,100"));
          assertThat(ids(six)).containsExactly("t7", "t8", "t12", "t13");
        });
  }

  @Test
  void apiDocumentIsUsableWithTheLandingPageUrlAsBase() {
    withApp(
        client -> {
          JsonNode api = json(client.get("/ogc/api"));
          String server = api.get("servers").get(0).get("url").asText();
          assertThat(server).endsWith("/ogc");
          JsonNode paths = api.get("paths");
          assertThat(paths.has("/conformance")).isTrue();
          assertThat(paths.has("/collections/{collectionId}/items")).isTrue();
          assertThat(paths.has("/ogc/conformance")).isFalse();
          // Every path under the server URL answers when followed as a client would.
          assertThat(client.get(local(server + "/conformance")).code()).isEqualTo(200);
          assertThat(client.get(local(server + "/collections")).code()).isEqualTo(200);
          // Paths outside /ogc name their own server, the root.
          assertThat(paths.get("/health").get("servers").get(0).get("url").asText())
              .doesNotEndWith("/ogc");
          Response html = client.get("/ogc/api?f=html");
          assertThat(html.code()).isEqualTo(200);
          assertThat(html.header("Content-Type")).startsWith("text/html");
          assertThat(html.body().string()).contains("/ogc/collections/{collectionId}/queryables");
          // GET is declared on the aois items path, beside POST.
          JsonNode aoiItems = paths.get("/collections/aois/items");
          assertThat(aoiItems.has("get")).isTrue();
          assertThat(aoiItems.has("post")).isTrue();
          JsonNode params = api.get("components").get("parameters");
          JsonNode limit = params.get("limit");
          assertThat(limit.get("style").asText()).isEqualTo("form");
          assertThat(limit.get("explode").asBoolean()).isFalse();
          assertThat(limit.get("schema").get("type").asText()).isEqualTo("integer");
          assertThat(limit.get("schema").get("minimum").asInt()).isEqualTo(1);
          assertThat(limit.get("schema").get("maximum").asInt()).isEqualTo(MAX_LIMIT);
          assertThat(limit.get("schema").get("default").asInt())
              .isEqualTo(ItemsParams.DEFAULT_LIMIT);
          assertThat(params.get("datetime").get("style").asText()).isEqualTo("form");
          assertThat(params.get("datetime").get("explode").asBoolean()).isFalse();
          assertThat(params.get("bbox").get("schema").get("maxItems").asInt()).isEqualTo(6);
        });
  }

  @Test
  void itemsAndFeaturesLinkTheirHtmlTwins() {
    withApp(
        client -> {
          JsonNode page = json(client.get("/ogc/collections/towns/items?limit=5&f=json"));
          String alt = link(page, "alternate");
          assertThat(alt).contains("f=html").contains("limit=5").doesNotContain("f=json");
          Response html = client.get(local(alt));
          assertThat(html.code()).isEqualTo(200);
          assertThat(html.header("Content-Type")).startsWith("text/html");
          JsonNode one = json(client.get("/ogc/collections/towns/items/t3"));
          String oneAlt = link(one, "alternate");
          assertThat(oneAlt).endsWith("/ogc/collections/towns/items/t3?f=html");
          assertThat(client.get(local(oneAlt)).header("Content-Type")).startsWith("text/html");
        });
  }

  @Test
  void headAnswersWithTheHeadersOfGet() {
    withApp(
        client -> {
          for (String path :
              List.of(
                  "/ogc",
                  "/ogc/api",
                  "/ogc/collections/towns",
                  "/ogc/collections/towns/items?limit=2",
                  "/ogc/collections/towns/items/t3")) {
            Response get = client.get(path);
            Response head = client.request(path, b -> b.head());
            assertThat(head.code()).as(path).isEqualTo(200);
            assertThat(head.header("Content-Type")).as(path).isEqualTo(get.header("Content-Type"));
            assertThat(head.header("ETag")).as(path).isEqualTo(get.header("ETag"));
            assertThat(head.body().bytes()).as(path).isEmpty();
          }
          assertThat(client.request("/ogc/collections/towns/items/nope", b -> b.head()).code())
              .isEqualTo(404);
          assertThat(client.request("/ogc/collections/nope/items", b -> b.head()).code())
              .isEqualTo(404);
        });
  }

  @AfterAll
  static void close() {
    db.close();
  }

  interface Body {
    void run(HttpClient client) throws Exception;
  }

  static void withApp(Body body) {
    JavalinTest.test(AppFactory.create(db, store, MAX_LIMIT), (server, client) -> body.run(client));
  }

  static JsonNode json(Response r) throws IOException {
    return JSON.readTree(r.body().string());
  }

  /** The path and query of an absolute link, to follow it with the test client. */
  static String local(String href) {
    URI u = URI.create(href);
    return u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
  }

  static String link(JsonNode doc, String rel) {
    for (JsonNode l : doc.get("links")) {
      if (l.get("rel").asText().equals(rel)) {
        return l.get("href").asText();
      }
    }
    return null;
  }

  static List<String> ids(JsonNode fc) {
    List<String> ids = new ArrayList<>();
    fc.get("features").forEach(f -> ids.add(f.get("id").asText()));
    return ids;
  }

  @Test
  void landingConformanceAndApiDocument() {
    withApp(
        client -> {
          JsonNode landing = json(client.get("/ogc"));
          assertThat(link(landing, "service-desc")).endsWith("/ogc/api");
          assertThat(link(landing, "conformance")).endsWith("/ogc/conformance");
          assertThat(link(landing, "data")).endsWith("/ogc/collections");

          List<String> classes = new ArrayList<>();
          json(client.get("/ogc/conformance"))
              .get("conformsTo")
              .forEach(c -> classes.add(c.asText()));
          assertThat(classes)
              .contains(
                  "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
                  "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
                  "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
                  "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html");

          Response apiResponse = client.get("/ogc/api");
          assertThat(apiResponse.header("Content-Type"))
              .startsWith("application/vnd.oai.openapi+json");
          JsonNode api = json(apiResponse);
          assertThat(api.get("openapi").asText()).startsWith("3.0");
          List<String> paths = new ArrayList<>();
          api.get("paths").fieldNames().forEachRemaining(paths::add);
          assertThat(paths)
              .contains(
                  "/",
                  "/conformance",
                  "/api",
                  "/collections",
                  "/collections/{collectionId}",
                  "/collections/{collectionId}/items",
                  "/collections/{collectionId}/items/{featureId}");
          JsonNode params = api.at("/components/parameters");
          for (String p :
              List.of("bbox", "datetime", "limit", "offset", "collectionId", "featureId")) {
            assertThat(params.has(p)).as("parameter %s described", p).isTrue();
          }
          JsonNode limit = params.at("/limit/schema");
          assertThat(limit.get("default").asInt()).isEqualTo(ItemsParams.DEFAULT_LIMIT);
          assertThat(limit.get("maximum").asInt()).isEqualTo(MAX_LIMIT);
          // every $ref resolves
          for (JsonNode path : api.get("paths")) {
            for (JsonNode operation : path) {
              if (operation.isArray()) {
                continue; // a path's own servers
              }
              for (JsonNode p : operation.path("parameters")) { // optional in OpenAPI
                if (p.has("$ref")) {
                  String ref = p.get("$ref").asText();
                  assertThat(api.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
                } else {
                  assertThat(p.get("name").asText()).isNotBlank();
                }
              }
            }
          }
        });
  }

  @Test
  void collectionsGiveCrs84BboxAndTemporalExtentOnlyWhereThereIsTime() {
    withApp(
        client -> {
          JsonNode all = json(client.get("/ogc/collections"));
          List<String> ids = new ArrayList<>();
          all.get("collections").forEach(c -> ids.add(c.get("id").asText()));
          // plus the writable AOI collection every database has (V3 migration), last by display
          // order
          assertThat(ids)
              .containsExactly("towns", "roads", "zones", "incidents", "evil", "pacific", "aois");

          JsonNode towns = json(client.get("/ogc/collections/towns"));
          assertThat(towns.at("/extent/spatial/bbox/0").toString())
              .isEqualTo("[-5.0,12.0,5.0,20.0]");
          assertThat(towns.at("/extent/spatial/crs").asText())
              .isEqualTo("http://www.opengis.net/def/crs/OGC/1.3/CRS84");
          assertThat(towns.at("/extent/temporal").isMissingNode()).isTrue();
          assertThat(link(towns, "items")).endsWith("/ogc/collections/towns/items");

          JsonNode events = json(client.get("/ogc/collections/incidents"));
          assertThat(events.at("/extent/temporal/interval/0").toString())
              .isEqualTo("[\"2024-01-01T00:00:00Z\",\"2024-01-10T23:59:59Z\"]");
          assertThat(events.get("numberOfFeatures").asLong()).isEqualTo(10);
        });
  }

  @Test
  void pagesCarryCountsAndNextPrevLinksThatWorkWhenFollowed() {
    withApp(
        client -> {
          List<String> seen = new ArrayList<>();
          String next = "/ogc/collections/towns/items?limit=10";
          int pages = 0;
          JsonNode page = null;
          while (next != null) {
            page = json(client.get(next));
            assertThat(page.get("numberMatched").asLong()).isEqualTo(25);
            assertThat(page.get("numberReturned").asInt()).isEqualTo(page.get("features").size());
            assertThat(Instant.parse(page.get("timeStamp").asText())).isNotNull();
            seen.addAll(ids(page));
            pages++;
            String n = link(page, "next");
            next = n == null ? null : local(n);
          }
          assertThat(pages).isEqualTo(3);
          assertThat(seen).hasSize(25).doesNotHaveDuplicates();
          // The last page (offset 20) links back to offset 10, which is the second page.
          JsonNode prev = json(client.get(local(link(page, "prev"))));
          assertThat(ids(prev)).isEqualTo(seen.subList(10, 20));
          JsonNode first = json(client.get("/ogc/collections/towns/items?limit=10"));
          assertThat(link(first, "prev")).isNull();
          assertThat(link(first, "self")).endsWith("/ogc/collections/towns/items?limit=10");
        });
  }

  @Test
  void limitHasADefaultAndIsClampedToTheMaximum() {
    withApp(
        client -> {
          JsonNode clamped = json(client.get("/ogc/collections/towns/items?limit=1000"));
          assertThat(clamped.get("numberReturned").asInt()).isEqualTo(MAX_LIMIT);
          assertThat(clamped.get("numberMatched").asInt()).isEqualTo(25);
          assertThat(local(link(clamped, "next"))).contains("offset=" + MAX_LIMIT);
          // Part 1: limit is an integer; the whole collection is the f=geojson download.
          Response unlimited = client.get("/ogc/collections/towns/items?limit=unlimited");
          assertThat(unlimited.code()).isEqualTo(400);
          assertThat(json(unlimited).get("description").asText()).contains("limit");
          assertThat(client.get("/ogc/collections/towns/items?limit=0").code()).isEqualTo(400);
          assertThat(client.get("/ogc/collections/towns/items?limit=2.5").code()).isEqualTo(400);
          JsonNode all = json(client.get("/ogc/collections/towns/items?f=geojson"));
          assertThat(all.get("numberReturned").asInt()).isEqualTo(25);
          assertThat(link(all, "next")).isNull();
        });
  }

  @Test
  void bboxSelectsFeaturesIntersectingIt() {
    withApp(
        client -> {
          // towns: lon -5..5 step 2.5, lat 12..20 step 2 → the box holds lon {0, 2.5} × lat {14,
          // 16}
          JsonNode fc = json(client.get("/ogc/collections/towns/items?bbox=-1,13,3,17"));
          assertThat(ids(fc)).containsExactly("t7", "t8", "t12", "t13");
          assertThat(fc.get("numberMatched").asInt()).isEqualTo(4);
          // A line crossing the box without a vertex in it still intersects.
          JsonNode roads = json(client.get("/ogc/collections/roads/items?bbox=0.5,16,1.5,17"));
          assertThat(ids(roads)).containsExactly("r3");
          // A box touching a point on its edge includes it.
          assertThat(ids(json(client.get("/ogc/collections/towns/items?bbox=-5,12,-5,12"))))
              .containsExactly("t0");
        });
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "2024-01-03|e2",
        "2024-01-03T12:00:00Z|e2",
        "2024-01-03T23:59:59Z/2024-01-05|e2,e3,e4",
        "2024-01-09/..|e8,e9",
        "../2024-01-01T00:00:00Z|e0",
        "/2024-01-02|e0,e1",
        "2024-01-10T23:59:59Z/|e9",
        "2024-01-11/..|''",
        "2023-12-31T23:59:59Z|''",
      })
  void datetimeSelectsEventsOverlappingTheWindow(String datetime, String expected) {
    withApp(
        client -> {
          JsonNode fc = json(client.get("/ogc/collections/incidents/items?datetime=" + datetime));
          List<String> want = expected.isEmpty() ? List.of() : List.of(expected.split(","));
          assertThat(ids(fc)).isEqualTo(want);
          // collections without time ignore it
          JsonNode towns = json(client.get("/ogc/collections/towns/items?datetime=" + datetime));
          assertThat(towns.get("numberMatched").asInt()).isEqualTo(25);
        });
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "foo=1|foo",
        "bbox=1,2,3|bbox",
        "bbox=1,2,3,4,5|bbox",
        "bbox=a,2,3,4|bbox",
        "bbox=|bbox",
        "bbox=0,-91,1,1|bbox",
        "bbox=0,10,1,91|bbox",
        "bbox=1,10,9,3,12,1|bbox",
        "bbox=181,10,1,12|bbox",
        "bbox=1,12,3,10|bbox",
        "bbox=NaN,1,2,3|bbox",
        "bbox=1,2,3,4&bbox=1,2,3,4|bbox",
        "datetime=2024-02-01/2024-01-01|datetime",
        "datetime=yesterday|datetime",
        "datetime=../..|datetime",
        "datetime=2024-01-01/2024-01-02/2024-01-03|datetime",
        "limit=abc|limit",
        "limit=0|limit",
        "limit=-5|limit",
        "limit=1.5|limit",
        "limit=unlimited|limit",
        "limit=99999999999999999999|limit",
        "offset=-1|offset",
        "offset=x|offset",
        "f=xml|f",
      })
  void badParametersAre400NamingTheParameter(String query, String parameter) {
    withApp(
        client -> {
          Response r = client.get("/ogc/collections/towns/items?" + query);
          assertThat(r.code()).isEqualTo(400);
          assertThat(r.header("Content-Type")).startsWith("application/json");
          JsonNode body = json(r);
          assertThat(body.get("code").asText()).isEqualTo("InvalidParameterValue");
          assertThat(body.get("description").asText()).startsWith("parameter '" + parameter + "'");
        });
  }

  @Test
  void unknownCollectionOrFeatureIs404AndSingleItemRefusesUnknownParameters() {
    withApp(
        client -> {
          for (String path :
              List.of(
                  "/ogc/collections/nope",
                  "/ogc/collections/nope/items",
                  "/ogc/collections/nope/items/t1",
                  "/ogc/collections/towns/items/nope")) {
            Response r = client.get(path);
            assertThat(r.code()).as(path).isEqualTo(404);
            assertThat(json(r).get("code").asText()).isEqualTo("NotFound");
          }
          Response one = client.get("/ogc/collections/towns/items/t3");
          assertThat(one.code()).isEqualTo(200);
          JsonNode f = json(one);
          assertThat(f.get("id").asText()).isEqualTo("t3");
          assertThat(link(f, "collection")).endsWith("/ogc/collections/towns");
          assertThat(client.get("/ogc/collections/towns/items/t3?bbox=1,2,3,4").code())
              .isEqualTo(400);
        });
  }

  @Test
  void geoJsonFollowsRfc7946() {
    withApp(
        client -> {
          for (String layer : List.of("towns", "roads", "zones", "incidents", "evil")) {
            String text =
                client.get("/ogc/collections/" + layer + "/items?f=geojson").body().string();
            JsonNode fc = JSON.readTree(text);
            assertThat(fc.has("crs")).isFalse();
            assertThat(fc.get("type").asText()).isEqualTo("FeatureCollection");
            for (JsonNode f : fc.get("features")) {
              assertThat(f.has("crs")).isFalse();
              assertThat(f.get("id").asText()).isNotBlank();
              assertThat(f.get("geometry").has("crs")).isFalse();
            }
            // no coordinate with more than 6 decimals anywhere in the document
            Matcher m = Pattern.compile("\\d+\\.(\\d+)").matcher(fc.path("features").toString());
            while (m.find()) {
              assertThat(m.group(1).length()).as(m.group()).isLessThanOrEqualTo(6);
            }
          }
          JsonNode precise = json(client.get("/ogc/collections/roads/items/r2"));
          // 6 decimals, and the line keeps its direction (PostGIS 3.3.2's ST_ForcePolygonCCW
          // reversed lines)
          assertThat(precise.at("/geometry/coordinates").toString())
              .isEqualTo("[[-2,19],[2,19.123457]]");

          // lon/lat order: town t4 is at lon 5, lat 12
          JsonNode t4 = json(client.get("/ogc/collections/towns/items/t4"));
          assertThat(t4.at("/geometry/coordinates").toString()).isEqualTo("[5,12]");

          // exterior rings counter-clockwise, holes clockwise (inserted the other way round)
          JsonNode z1 = json(client.get("/ogc/collections/zones/items/z1"));
          JsonNode rings = z1.at("/geometry/coordinates");
          assertThat(rings.size()).isEqualTo(2);
          assertThat(Orientation.isCCW(ring(rings.get(0)))).isTrue();
          assertThat(Orientation.isCCW(ring(rings.get(1)))).isFalse();

          // typed properties
          JsonNode t0 = json(client.get("/ogc/collections/towns/items/t0")).get("properties");
          assertThat(t0.get("population").isNumber()).isTrue();
          assertThat(t0.get("capital").isBoolean()).isTrue();
          assertThat(t0.get("name").isTextual()).isTrue();
          JsonNode z = json(client.get("/ogc/collections/zones/items/z1")).get("properties");
          assertThat(z.get("area_km2").isDouble()).isTrue();
          JsonNode dates = json(client.get("/ogc/collections/evil/items/x1")).get("properties");
          assertThat(dates.get("seen").asText()).isEqualTo("2024-03-05");
          assertThat(dates.get("at").asText()).isEqualTo("2024-03-05T10:15:30Z");
        });
  }

  private static Coordinate[] ring(JsonNode ring) {
    Coordinate[] cs = new Coordinate[ring.size()];
    for (int i = 0; i < cs.length; i++) {
      cs[i] = new Coordinate(ring.get(i).get(0).asDouble(), ring.get(i).get(1).asDouble());
    }
    return cs;
  }

  @Test
  void geojsonFormatDownloadsAFileWithItsName() {
    withApp(
        client -> {
          Response r = client.get("/ogc/collections/zones/items?f=geojson");
          assertThat(r.code()).isEqualTo(200);
          assertThat(r.header("Content-Type")).startsWith("application/geo+json");
          assertThat(r.header("Content-Disposition"))
              .isEqualTo("attachment; filename=\"zones.geojson\"");
          assertThat(json(r).get("numberReturned").asInt()).isEqualTo(2);
          Response page = client.get("/ogc/collections/zones/items");
          assertThat(page.header("Content-Disposition")).isNull();
        });
  }

  @Test
  void conditionalGetsAnswer304UntilTheLayerChanges() {
    withApp(
        client -> {
          for (String path :
              List.of(
                  "/ogc/collections",
                  "/ogc/collections/roads",
                  "/ogc/collections/roads/items?limit=2",
                  "/ogc/collections/roads/items/r1")) {
            Response first = client.get(path);
            String etag = first.header("ETag");
            String lastModified = first.header("Last-Modified");
            assertThat(etag).as(path).isNotBlank();
            assertThat(lastModified).as(path).isNotBlank();
            assertThat(first.header("Cache-Control")).contains("no-cache");
            Response byEtag = client.get(path, b -> b.header("If-None-Match", etag));
            assertThat(byEtag.code()).as(path).isEqualTo(304);
            assertThat(byEtag.body().string()).isEmpty();
            Response byDate = client.get(path, b -> b.header("If-Modified-Since", lastModified));
            assertThat(byDate.code()).as(path).isEqualTo(304);
            Response other = client.get(path, b -> b.header("If-None-Match", "W/\"other\""));
            assertThat(other.code()).as(path).isEqualTo(200);
          }
          String etag = client.get("/ogc/collections/roads/items").header("ETag");
          store.upsertFeatures(
              "roads",
              List.of(FeatureRecord.of("r4", wkt("LINESTRING(0 0, 1 1)"), Map.of("name", "new"))));
          Response changed =
              client.get("/ogc/collections/roads/items", b -> b.header("If-None-Match", etag));
          assertThat(changed.code()).isEqualTo(200);
          assertThat(changed.header("ETag")).isNotEqualTo(etag);
          assertThat(json(changed).get("numberMatched").asInt()).isEqualTo(4);
        });
  }

  @Test
  void gzipWhenTheClientAcceptsItAndCorsOnReads() {
    withApp(
        client -> {
          // Setting Accept-Encoding ourselves stops OkHttp from decompressing behind our back.
          Response gz =
              client.get(
                  "/ogc/collections/towns/items?limit=20",
                  b -> b.header("Accept-Encoding", "gzip").header("Origin", "https://other.map"));
          assertThat(gz.header("Content-Encoding")).isEqualTo("gzip");
          assertThat(gz.header("Access-Control-Allow-Origin")).isEqualTo("*");
          byte[] raw = gz.body().bytes();
          String text =
              new String(
                  new GZIPInputStream(new ByteArrayInputStream(raw)).readAllBytes(),
                  StandardCharsets.UTF_8);
          assertThat(JSON.readTree(text).get("numberReturned").asInt()).isEqualTo(20);
          assertThat(raw.length).isLessThan(text.length());

          Response plain =
              client.get(
                  "/ogc/collections/towns/items?limit=20",
                  b -> b.header("Accept-Encoding", "identity"));
          assertThat(plain.header("Content-Encoding")).isNull();

          for (String path : List.of("/ogc", "/ogc/collections", "/ogc/collections/towns/items")) {
            assertThat(client.get(path).header("Access-Control-Allow-Origin")).isEqualTo("*");
          }
          Response preflight =
              client.request(
                  "/ogc/collections/towns/items",
                  b ->
                      b.method("OPTIONS", null)
                          .header("Origin", "https://other.map")
                          .header("Access-Control-Request-Method", "GET"));
          assertThat(preflight.code()).isEqualTo(204);
          assertThat(preflight.header("Access-Control-Allow-Methods")).contains("GET");
        });
  }

  @Test
  void htmlViewsEscapeWhatComesFromData() {
    withApp(
        client -> {
          for (String path :
              List.of(
                  "/ogc/collections?f=html",
                  "/ogc/collections/evil?f=html",
                  "/ogc/collections/evil/items?f=html",
                  "/ogc/collections/evil/items/x1?f=html",
                  "/ogc?f=html")) {
            Response r = client.get(path);
            assertThat(r.code()).isEqualTo(200);
            assertThat(r.header("Content-Type")).startsWith("text/html");
            String html = r.body().string();
            assertThat(html).doesNotContain("<script>alert");
            if (!path.equals("/ogc?f=html")) {
              assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co");
            }
          }
          Response browser =
              client.get("/ogc/collections", b -> b.header("Accept", "text/html,*/*"));
          assertThat(browser.header("Content-Type")).startsWith("text/html");
        });
  }
}
