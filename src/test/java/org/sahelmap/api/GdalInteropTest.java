package org.sahelmap.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahelmap.store.Database;
import org.sahelmap.store.Layer;
import org.sahelmap.store.PostgisFeatureStore;
import org.sahelmap.testing.InteropLayers;
import org.sahelmap.testing.NeedsDatabase;
import org.sahelmap.testing.Ogrinfo;
import org.sahelmap.testing.SampleLayers;
import org.sahelmap.testing.TestAccounts;
import org.sahelmap.testing.TestDatabase;

/**
 * GDAL's OGC API Features driver and its GeoJSON driver read what we serve: every collection
 * listed, every feature read (through paging: "grid" needs three pages of the maximum 1000), counts
 * equal to the database's, geometry types right.
 */
@NeedsDatabase
class GdalInteropTest {
  /** Collection id → the geometry type ogrinfo should report. */
  static final Map<String, String> TYPES = new LinkedHashMap<>();

  static {
    TYPES.put(SampleLayers.POINTS, "Point");
    TYPES.put(SampleLayers.LINES, "Line String");
    TYPES.put(SampleLayers.POLYGONS, "Polygon");
    TYPES.put(SampleLayers.EVENTS, "Point");
    TYPES.put("grid", "Point");
    // The writable AOI collection exists in every database (V3 migration); two AOIs saved
    // through the AOI store are read by GDAL like any other collection.
    TYPES.put("aois", "Polygon");
  }

  static final List<String> REQUESTS = new CopyOnWriteArrayList<>();
  static Database db;
  static PostgisFeatureStore store;
  static Javalin app;
  static String api;

  @BeforeAll
  static void start() throws Exception {
    db = TestDatabase.fresh();
    store = new PostgisFeatureStore(db.dataSource());
    // Two AOIs saved through the AOI store, and a grid whose share is whole in the first page.
    InteropLayers.load(db, store, "gdal-test");
    app = AppFactory.create(db, store, 1000);
    // What GDAL asks, to see which filters it leaves to the server.
    app.before(
        ctx -> {
          if (ctx.queryString() != null) {
            REQUESTS.add(ctx.path() + "?" + ctx.queryString());
          }
        });
    app.start("127.0.0.1", 0);
    api = "OAPIF:http://127.0.0.1:" + app.port() + "/ogc";
  }

  @AfterAll
  static void stop() {
    app.stop();
    db.close();
  }

  static long count(String layerId) {
    return store.extent(layerId).count();
  }

  static String featureCount(String ogrinfoSummary) {
    Matcher m = Pattern.compile("Feature Count: (\\d+)").matcher(ogrinfoSummary);
    assertThat(m.find()).as(ogrinfoSummary).isTrue();
    return m.group(1);
  }

  /**
   * A server that lets nobody view anonymously: GDAL reads it with the credentials it can send,
   * HTTP Basic (GDAL_HTTP_AUTH, GDAL_HTTP_USERPWD) or a bearer token (GDAL_HTTP_HEADERS), and is
   * refused without them.
   */
  @Test
  void readsAClosedServerWithBasicOrABearerToken() throws Exception {
    TestAccounts accounts = TestAccounts.create(db);
    Javalin closed =
        AppFactory.create(
                db,
                store,
                AppOptions.defaults(1000)
                    .withAccess(
                        org.sahelmap.accounts.AccessOptions.DEFAULTS.withAnonymousView(false)))
            .start("127.0.0.1", 0);
    try {
      String url = "OAPIF:http://127.0.0.1:" + closed.port() + "/ogc";
      String basic =
          Ogrinfo.run(
              "--config",
              "GDAL_HTTP_AUTH",
              "BASIC",
              "--config",
              "GDAL_HTTP_USERPWD",
              TestAccounts.VIEWER + ":" + TestAccounts.PASSWORD,
              "-ro",
              "-so",
              "-al",
              url,
              SampleLayers.POINTS);
      assertThat(featureCount(basic)).isEqualTo(String.valueOf(count(SampleLayers.POINTS)));
      String bearer =
          Ogrinfo.run(
              "--config",
              "GDAL_HTTP_HEADERS",
              "Authorization: Bearer " + accounts.viewerToken(),
              "-ro",
              "-so",
              "-al",
              url,
              SampleLayers.POINTS);
      assertThat(featureCount(bearer)).isEqualTo(String.valueOf(count(SampleLayers.POINTS)));
      assertThatThrownBy(() -> Ogrinfo.run("-ro", "-so", url))
          .as("no credentials, no data")
          .hasMessageContaining("401");
    } finally {
      closed.stop();
    }
  }

  @Test
  void listsEveryCollection() throws Exception {
    String out = Ogrinfo.run("-ro", "-so", api);
    for (Layer layer : store.layers()) {
      assertThat(out)
          .contains(
              ": " + layer.id() + " (title: " + layer.title() + ") (" + TYPES.get(layer.id()));
    }
    assertThat(store.layers()).hasSize(TYPES.size());
  }

  @Test
  void readsEveryFeatureOfEveryCollection() throws Exception {
    for (String id : TYPES.keySet()) {
      String summary = Ogrinfo.run("-ro", "-so", "-al", api, id);
      assertThat(summary).contains("Geometry: " + TYPES.get(id));
      assertThat(featureCount(summary)).as(id).isEqualTo(Long.toString(count(id)));
      // Reading them all, not only the count the server states.
      String all = Ogrinfo.run("-ro", "-al", "-q", api, id);
      long read =
          Pattern.compile("^OGRFeature\\(", Pattern.MULTILINE).matcher(all).results().count();
      assertThat(read).as(id).isEqualTo(count(id));
    }
    assertThat(count("grid")).isEqualTo(2_345);
  }

  /**
   * GDAL takes each field's type from the collection's {@code describedBy} schema; told to ignore
   * it, it guesses from the first page, where {@code share} is still whole.
   */
  @Test
  void fieldTypesComeFromTheServersSchemaNotTheFirstPage() throws Exception {
    String summary = Ogrinfo.run("-ro", "-so", "-al", api, "grid");
    assertThat(summary).contains("share: Real").contains("n: Integer").contains("name: String");
    String guessed = Ogrinfo.run("-ro", "-so", "-al", "-oo", "IGNORE_SCHEMA=YES", api, "grid");
    assertThat(guessed).contains("share: Integer");
    String events = Ogrinfo.run("-ro", "-so", "-al", api, SampleLayers.EVENTS);
    assertThat(events).contains("date: Date").contains("fatalities: Integer");
  }

  /**
   * Features asked for in EPSG:3857 come with Web Mercator coordinates that GDAL reads as they are
   * (GDAL 3.6's OAPIF driver has no CRS option, added in 3.7, so its GeoJSON driver reads the items
   * URL). The expected figures are the spherical Mercator formulas on the WGS84 semi-major axis.
   */
  @Test
  void readsFeaturesInWebMercatorWithTheRightCoordinates() throws Exception {
    String url =
        "http://127.0.0.1:"
            + app.port()
            + "/ogc/collections/towns/items?limit=25&crs="
            + java.net.URLEncoder.encode(
                "http://www.opengis.net/def/crs/EPSG/0/3857",
                java.nio.charset.StandardCharsets.UTF_8);
    String all = Ogrinfo.run("-ro", "-al", "-q", url);
    Matcher m =
        Pattern.compile(
                "name \\(String\\) = town 8\\s.*?POINT \\(([-0-9.e]+) ([-0-9.e]+)\\)",
                Pattern.DOTALL)
            .matcher(all);
    assertThat(m.find()).as(all).isTrue();
    double a = 6_378_137;
    double lon = 2.5;
    double lat = 14;
    assertThat(Double.parseDouble(m.group(1)))
        .isCloseTo(a * Math.toRadians(lon), org.assertj.core.data.Offset.offset(0.01));
    assertThat(Double.parseDouble(m.group(2)))
        .isCloseTo(
            a * Math.log(Math.tan(Math.PI / 4 + Math.toRadians(lat) / 2)),
            org.assertj.core.data.Offset.offset(0.01));
  }

  @Test
  void attributeFiltersRunOnTheServerAsCql2() throws Exception {
    REQUESTS.clear();
    // towns: population 1000 + i for t0..t24, so 14 above 1010.
    String summary =
        Ogrinfo.run(
            "-ro",
            "-so",
            "-al",
            "-where",
            "population > 1010 AND name LIKE 'town%'",
            api,
            SampleLayers.POINTS);
    assertThat(featureCount(summary)).isEqualTo("14");
    String all =
        Ogrinfo.run("-ro", "-al", "-q", "-where", "population > 1010", api, SampleLayers.POINTS);
    assertThat(Pattern.compile("^OGRFeature\\(", Pattern.MULTILINE).matcher(all).results().count())
        .isEqualTo(14);
    assertThat(REQUESTS)
        .anySatisfy(
            r -> assertThat(r).contains("/items?").contains("filter=").contains("population"));
  }

  @Test
  void exportsOpenInOgrinfoWithTheirTypesAndCounts(@TempDir Path dir) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    for (String id : TYPES.keySet()) {
      Path file = dir.resolve(id + ".geojson");
      HttpResponse<Path> r =
          http.send(
              HttpRequest.newBuilder(
                      URI.create(
                          "http://127.0.0.1:"
                              + app.port()
                              + "/ogc/collections/"
                              + id
                              + "/items?f=geojson"))
                  .build(),
              HttpResponse.BodyHandlers.ofFile(file));
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Disposition"))
          .hasValue("attachment; filename=\"" + id + ".geojson\"");
      assertThat(Files.size(file)).isPositive();
      String summary = Ogrinfo.run("-ro", "-so", "-al", file.toString());
      assertThat(summary).contains("Geometry: " + TYPES.get(id));
      assertThat(featureCount(summary)).as(id).isEqualTo(Long.toString(count(id)));
    }
  }
}
