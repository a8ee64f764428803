package org.sahelmap.aoi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.sahelmap.aoi.AoiJson.box;
import static org.sahelmap.aoi.AoiJson.feature;
import static org.sahelmap.aoi.AoiJson.parse;
import static org.sahelmap.aoi.AoiJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.operation.distance.DistanceOp;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.sahelmap.api.AppFactory;
import org.sahelmap.build.LayerBuilder;
import org.sahelmap.geo.Geo;
import org.sahelmap.geo.Geodesy;
import org.sahelmap.geo.Projections;
import org.sahelmap.layers.SourceFiles;
import org.sahelmap.store.Database;
import org.sahelmap.store.FeatureRecord;
import org.sahelmap.store.LayerData;
import org.sahelmap.store.PostgisFeatureStore;
import org.sahelmap.testing.Geometries;
import org.sahelmap.testing.NeedsDatabase;
import org.sahelmap.testing.TestAccounts;
import org.sahelmap.testing.TestDatabase;

/**
 * The analysis computed in PostGIS, cross-checked against the same figures computed here with
 * GeoTools and JTS from the very layers the builder wrote: areas on ESRI:102022, perimeters and
 * distances with the geodetic calculator. And the export, read back by GDAL.
 */
@NeedsDatabase
class AoiAnalysisTest {
  static Database db;
  static PostgisFeatureStore store;
  static AoiStore aois;
  static TestAccounts accounts;
  static Map<String, LayerData> layers = new HashMap<>();
  static String before;

  @BeforeAll
  static void build() {
    db = TestDatabase.fresh();
    store = new PostgisFeatureStore(db.dataSource());
    aois = new AoiStore(db.dataSource());
    accounts = TestAccounts.create(db);
    // Saved before build-layers runs: must survive it.
    before =
        aois.create(
                AoiValidator.validate(feature("before the build", box(0, 15, 1, 16)), false), "t")
            .id();
    LayerBuilder builder = new LayerBuilder(SourceFiles.classpath(), Clock.systemUTC());
    List<LayerData> computed = builder.compute();
    store.replaceLayers(computed);
    computed.forEach(l -> layers.put(l.layer().id(), l));
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @Test
  void buildLayersKeepsTheAoisCollectionAndItsAois() {
    assertThat(store.layer("aois")).get().extracting(l -> l.kind()).isEqualTo("aois");
    assertThat(store.feature("aois", before)).isPresent();
    assertThat(aois.find(before).orElseThrow().version()).isEqualTo(1);
  }

  static final List<double[]> BOXES =
      List.of(
          new double[] {1.0, 18.0, 1.8, 18.8}, // Kidal
          new double[] {2.4, 19.5, 3.4, 20.4}, // Tinzaouaten, across the border
          new double[] {-0.6, 15.9, 0.4, 16.6}, // Gao
          new double[] {5.0, 26.0, 6.0, 27.0}); // inside Algeria, outside AES

  @Test
  void postgisFiguresMatchGeoToolsAndJts() {
    var app = AppFactory.create(db, store, 1000);
    JavalinTest.test(
        app,
        (server, client) -> {
          for (double[] b : BOXES) {
            var draft = AoiValidator.validate(feature("box", box(b[0], b[1], b[2], b[3])), false);
            Aoi aoi = aois.create(draft, "t");
            JsonNode a = get(client, "/ogc/collections/aois/items/" + aoi.id() + "/analysis");
            Geometry g = draft.geometry();
            String what = java.util.Arrays.toString(b);

            double area = Projections.areaKm2(g);
            assertThat(a.path("area_km2").asDouble())
                .as(what)
                .isCloseTo(area, within(area * 0.005));
            double perimeter = Geodesy.lengthKm(g.getBoundary());
            assertThat(a.path("perimeter_km").asDouble())
                .as(what)
                .isCloseTo(perimeter, within(perimeter * 0.005));

            Geometry aes = single("aes-territory");
            double aesKm2 = g.intersects(aes) ? Projections.areaKm2(g.intersection(aes)) : 0;
            assertThat(a.at("/aes_territory/inside_km2").asDouble())
                .as(what)
                .isCloseTo(aesKm2, within(area * 0.005 + 0.01));
            assertThat(a.at("/aes_territory/inside_pct").asDouble())
                .as(what)
                .isCloseTo(100 * aesKm2 / area, within(0.5));

            assertThat(a.at("/algeria_border/distance_km").asDouble())
                .as(what)
                .isCloseTo(borderKm(g), within(borderKm(g) * 0.01 + 0.05));

            for (JsonNode l : a.path("layers")) {
              double expected = overlapKm2(l.path("id").asText(), g);
              assertThat(l.path("overlap_km2").asDouble())
                  .as(what + " " + l.path("id").asText())
                  .isCloseTo(expected, within(Math.max(expected * 0.01, 0.05)));
            }
            assertThat(ids(a.at("/events/items"))).as(what).isEqualTo(eventsInside(g, null, null));
            Instant from = Instant.parse("2024-01-01T00:00:00Z");
            Instant to = Instant.parse("2024-12-31T23:59:59.999999Z");
            JsonNode in2024 =
                get(
                    client,
                    "/ogc/collections/aois/items/"
                        + aoi.id()
                        + "/analysis?datetime=2024-01-01/2024-12-31");
            assertThat(ids(in2024.at("/events/items")))
                .as(what)
                .isEqualTo(eventsInside(g, from, to));
          }
        });
  }

  /**
   * The analysis and the items share one time-window rule: an event known only by its start is an
   * instant then, inside a window that holds it and outside one that does not, on both paths.
   */
  @Test
  void anEventWithOnlyAStartIsAnInstantForTheAnalysisAndTheItemsAlike() {
    store.upsertFeatures(
        "events",
        List.of(
            new FeatureRecord(
                "open-ended",
                Geometries.wkt("POINT (10.25 30.25)"),
                Map.of("title", "Known only by its start"),
                Instant.parse("2024-06-01T00:00:00Z"),
                null)));
    var app = AppFactory.create(db, store, 1000);
    JavalinTest.test(
        app,
        (server, client) -> {
          Aoi far =
              aois.create(
                  AoiValidator.validate(feature("far", box(10, 30, 10.5, 30.5)), false), "t");
          String analysis = "/ogc/collections/aois/items/" + far.id() + "/analysis?datetime=";
          String items = "/ogc/collections/events/items?bbox=10,30,10.5,30.5&datetime=";
          for (String window : List.of("2024-05-01/2024-07-01", "2024-06-01/..")) {
            assertThat(ids(get(client, analysis + window).at("/events/items")))
                .as(window)
                .containsExactly("open-ended");
            assertThat(ids(get(client, items + window).path("features")))
                .as(window)
                .containsExactly("open-ended");
          }
          for (String window : List.of("2024-01-01/2024-02-01", "2024-07-01/..")) {
            assertThat(ids(get(client, analysis + window).at("/events/items")))
                .as(window)
                .isEmpty();
            assertThat(ids(get(client, items + window).path("features"))).as(window).isEmpty();
          }
        });
  }

  @Test
  void kidalAndTinzaouatenSeeTheirEvents() {
    var app = AppFactory.create(db, store, 1000);
    JavalinTest.test(
        app,
        (server, client) -> {
          Aoi tin =
              aois.create(
                  AoiValidator.validate(feature("Tin", box(2.4, 19.5, 3.4, 20.4)), false), "t");
          JsonNode a = get(client, "/ogc/collections/aois/items/" + tin.id() + "/analysis");
          assertThat(a.at("/events/count").asInt()).isPositive();
          assertThat(a.at("/algeria_border/distance_km").asDouble()).isZero();
          assertThat(a.at("/algeria_border/touches").asBoolean()).isTrue();
          assertThat(a.at("/aes_territory/inside_pct").asDouble()).isBetween(1.0, 99.0);
        });
  }

  @Test
  void exportOpensInOgrinfoWithTheRightCount(@TempDir Path dir) {
    var app = AppFactory.create(db, store, 1000);
    JavalinTest.test(
        app,
        (server, client) -> {
          List<String> ids = new ArrayList<>();
          for (int n = 0; n < 3; n++) {
            int i = n;
            var r =
                client.request(
                    "/ogc/collections/aois/items",
                    b ->
                        b.header("Authorization", accounts.analyst())
                            .post(
                                RequestBody.create(
                                    text(feature("export " + i, box(1 + i, 17, 1.5 + i, 17.5))),
                                    MediaType.get("application/geo+json"))));
            ids.add(parse(r.body().string()).path("id").asText());
          }
          int live = aois.liveIds().size();
          var all = client.get("/ogc/collections/aois/export");
          assertThat(all.header("Content-Disposition")).contains("attachment").contains(".geojson");
          Path allFile = dir.resolve("aois.geojson");
          Files.writeString(allFile, all.body().string(), StandardCharsets.UTF_8);
          String info = ogrinfo(allFile);
          assertThat(info).contains("Feature Count: " + live).contains("Geometry: Polygon");
          assertThat(info)
              .contains("area_km2: Real")
              .contains("aes_pct: Real")
              .contains("overlap_km2_kidal: Real");

          var some =
              client.get("/ogc/collections/aois/export?ids=" + ids.get(0) + "," + ids.get(2));
          Path someFile = dir.resolve("some.geojson");
          Files.writeString(someFile, some.body().string(), StandardCharsets.UTF_8);
          assertThat(ogrinfo(someFile)).contains("Feature Count: 2");

          var one = client.get("/ogc/collections/aois/export?ids=" + ids.get(1));
          assertThat(one.header("Content-Disposition")).contains(ids.get(1) + ".geojson");
          JsonNode oneBody = parse(one.body().string());
          assertThat(oneBody.path("features").size()).isEqualTo(1);
          assertThat(oneBody.at("/features/0/properties/area_km2").asDouble()).isPositive();

          assertThat(client.get("/ogc/collections/aois/export?ids=aoi-missing").code())
              .isEqualTo(404);
        });
  }

  static String ogrinfo(Path file) throws Exception {
    Process p =
        new ProcessBuilder("/usr/bin/ogrinfo", "-ro", "-so", "-al", file.toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }

  static JsonNode get(HttpClient client, String path) throws Exception {
    var r = client.get(path);
    String body = r.body().string();
    assertThat(r.code()).as(body).isEqualTo(200);
    return parse(body);
  }

  static TreeSet<String> ids(JsonNode items) {
    TreeSet<String> ids = new TreeSet<>();
    items.forEach(i -> ids.add(i.path("id").asText()));
    return ids;
  }

  static Geometry single(String layer) {
    return layers.get(layer).features().get(0).geometry();
  }

  /** Shortest distance to the border line, km, in an equidistant projection centred on the AOI. */
  static double borderKm(Geometry aoi) {
    Geometry border = single("algeria-border");
    if (aoi.intersects(border)) {
      return 0;
    }
    Coordinate c = aoi.getCentroid().getCoordinate();
    var local = Projections.equidistantAt(c.x, c.y);
    return DistanceOp.distance(
            Projections.toProjected(aoi, local), Projections.toProjected(border, local))
        / 1000;
  }

  static double overlapKm2(String layer, Geometry aoi) {
    List<Polygon> polys = new ArrayList<>();
    for (FeatureRecord f : layers.get(layer).features()) {
      if (f.geometry().getDimension() == 2 && f.geometry().intersects(aoi)) {
        PolygonExtracter.getPolygons(Geo.valid(f.geometry().intersection(aoi)), polys);
      }
    }
    return polys.isEmpty() ? 0 : Projections.areaKm2(UnaryUnionOp.union(polys));
  }

  static TreeSet<String> eventsInside(Geometry aoi, Instant from, Instant to) {
    TreeSet<String> ids = new TreeSet<>();
    for (FeatureRecord e : layers.get("events").features()) {
      boolean inTime =
          (to == null || !e.start().isAfter(to)) && (from == null || !e.end().isBefore(from));
      if (inTime && e.geometry().intersects(aoi)) {
        ids.add(e.id());
      }
    }
    return ids;
  }
}
