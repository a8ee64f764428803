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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sahelmap.store.Database;
import org.sahelmap.store.PostgisFeatureStore;
import org.sahelmap.testing.BulkEvents;
import org.sahelmap.testing.DevData;
import org.sahelmap.testing.MvtTile;
import org.sahelmap.testing.NeedsDatabase;
import org.sahelmap.testing.Ogrinfo;
import org.sahelmap.testing.TestDatabase;

/**
 * Vector tiles end to end: the real app over PostGIS with every layer and 20,000 synthetic events,
 * each tile decoded from its protobuf bytes.
 */
@NeedsDatabase
class TilesApiTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final int SYNTHETIC = 20_000;
  static final String TILES = "/ogc/collections/%s/tiles/WebMercatorQuad/%d/%d/%d";
  static Database db;
  static PostgisFeatureStore store;

  @BeforeAll
  static void open() throws SQLException {
    db = TestDatabase.fresh();
    store = new PostgisFeatureStore(db.dataSource());
    DevData.load(db);
    BulkEvents.load(db, SYNTHETIC);
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

  /** The tile holding lon/lat at zoom z, by the slippy-map formulas: {x, y}. */
  static int[] tileOf(double lon, double lat, int z) {
    double n = 1 << z;
    double r = Math.toRadians(lat);
    int x = (int) Math.floor((lon + 180) / 360 * n);
    int y = (int) Math.floor((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2 * n);
    return new int[] {x, y};
  }

  static MvtTile.Layer tile(HttpClient client, String collection, int z, int x, int y, String q)
      throws IOException {
    Response r = client.get(String.format(TILES, collection, z, y, x) + q);
    if (r.code() == 204) {
      return new MvtTile.Layer(collection, 4096, List.of());
    }
    assertThat(r.code()).as("%d/%d/%d%s", z, y, x, q).isEqualTo(200);
    assertThat(r.header("Content-Type")).isEqualTo("application/vnd.mapbox-vector-tile");
    byte[] bytes = r.body().bytes();
    assertThat(bytes.length).as("size of %d/%d/%d", z, y, x).isLessThan(500 * 1024);
    MvtTile t = MvtTile.decode(bytes);
    assertThat(t.layers()).hasSize(1);
    assertThat(t.layers().get(0).name()).isEqualTo(collection);
    assertThat(t.layers().get(0).extent()).isEqualTo(4096);
    return t.layers().get(0);
  }

  static long sqlCount(String sql, Object... params) throws SQLException {
    try (Connection c = db.connection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** The events' bbox: every tile touching it, at any zoom, covers all of them. */
  static double[] eventsBox() {
    return store.extent("events").bbox();
  }

  @Test
  void tileMatrixSetIsWebMercatorQuadComputed() {
    withApp(
        client -> {
          JsonNode list = json(client.get("/ogc/tileMatrixSets"));
          assertThat(list.at("/tileMatrixSets/0/id").asText()).isEqualTo("WebMercatorQuad");
          assertThat(list.at("/tileMatrixSets/0/links/0/href").asText())
              .endsWith("/ogc/tileMatrixSets/WebMercatorQuad");
          JsonNode tms = json(client.get("/ogc/tileMatrixSets/WebMercatorQuad"));
          assertThat(tms.get("crs").asText())
              .isEqualTo("http://www.opengis.net/def/crs/EPSG/0/3857");
          JsonNode m = tms.get("tileMatrices");
          assertThat(m.size()).isGreaterThanOrEqualTo(17);
          assertThat(m.get(0).get("cellSize").asDouble()).isCloseTo(156543.033928041, within());
          assertThat(m.get(0).get("scaleDenominator").asDouble())
              .isCloseTo(559082264.028717, within());
          assertThat(m.get(16).get("matrixWidth").asLong()).isEqualTo(65536);
          assertThat(m.get(16).get("id").asText()).isEqualTo("16");
          assertThat(m.get(0).get("pointOfOrigin").get(0).asDouble())
              .isCloseTo(-20037508.3427892, within());
          assertThat(client.get("/ogc/tileMatrixSets/WorldCRS84Quad").code()).isEqualTo(404);
          List<String> classes = new ArrayList<>();
          json(client.get("/ogc/conformance"))
              .get("conformsTo")
              .forEach(c -> classes.add(c.asText()));
          assertThat(classes)
              .contains(
                  "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/core",
                  "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/mvt",
                  "http://www.opengis.net/spec/tms/2.0/conf/json-tilematrixset");
          // Every tiles path is in the API definition, with the events-only filters.
          JsonNode api = json(client.get("/ogc/api"));
          JsonNode tileOp =
              api.at(
                  "/paths/~1collections~1{collectionId}~1tiles~1{tileMatrixSetId}"
                      + "~1{tileMatrix}~1{tileRow}~1{tileCol}/get");
          assertThat(tileOp.at("/responses/204").isMissingNode()).isFalse();
          assertThat(tileOp.get("parameters").toString()).contains("category").contains("/q\"");
          assertThat(api.at("/components/parameters/category/name").asText()).isEqualTo("category");
          assertThat(api.at("/paths/~1api~1events~1histogram/get").isMissingNode()).isFalse();
        });
  }

  static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-6);
  }

  @Test
  void tilesetsAreLinkedAndDescribed() {
    withApp(
        client -> {
          JsonNode collection = json(client.get("/ogc/collections/events"));
          assertThat(OgcApiTest.link(collection, Links.REL_TILESETS_VECTOR))
              .endsWith("/ogc/collections/events/tiles");
          JsonNode all = json(client.get("/ogc/collections"));
          for (JsonNode c : all.get("collections")) {
            assertThat(OgcApiTest.link(c, Links.REL_TILESETS_VECTOR))
                .endsWith("/ogc/collections/" + c.get("id").asText() + "/tiles");
          }
          JsonNode sets = json(client.get("/ogc/collections/events/tiles"));
          assertThat(sets.at("/tilesets/0/dataType").asText()).isEqualTo("vector");
          assertThat(sets.at("/tilesets/0/tileMatrixSetURI").asText())
              .isEqualTo("http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad");
          JsonNode ts = json(client.get("/ogc/collections/events/tiles/WebMercatorQuad"));
          assertThat(ts.get("dataType").asText()).isEqualTo("vector");
          assertThat(ts.get("crs").asText()).endsWith("/EPSG/0/3857");
          assertThat(ts.get("tileMatrixSetLimits")).hasSize(17);
          assertThat(ts.at("/tileMatrixSetLimits/16/maxTileCol").asLong()).isEqualTo(65535);
          JsonNode item = null;
          for (JsonNode l : ts.get("links")) {
            if (l.get("rel").asText().equals("item")) {
              item = l;
            }
          }
          assertThat(item).isNotNull();
          assertThat(item.get("type").asText()).isEqualTo("application/vnd.mapbox-vector-tile");
          assertThat(item.get("templated").asBoolean()).isTrue();
          assertThat(item.get("href").asText())
              .endsWith(
                  "/ogc/collections/events/tiles/WebMercatorQuad/{tileMatrix}/{tileRow}/{tileCol}");
          assertThat(ts.at("/layers/0/id").asText()).isEqualTo("events");
          assertThat(ts.at("/layers/0/propertiesSchema/properties/count/type").asText())
              .isEqualTo("integer");
          assertThat(ts.at("/layers/0/propertiesSchema/properties/n_military/type").asText())
              .isEqualTo("integer");
          assertThat(client.get("/ogc/collections/nope/tiles").code()).isEqualTo(404);
          assertThat(client.get("/ogc/collections/events/tiles/Other").code()).isEqualTo(404);
        });
  }

  @Test
  void missionLayerTileHoldsItsFeaturesWithTheirProperties() {
    withApp(
        client -> {
          JsonNode items = json(client.get("/ogc/collections/kidal/items?limit=1000"));
          Map<String, JsonNode> byId = new HashMap<>();
          items.get("features").forEach(f -> byId.put(f.get("id").asText(), f));
          assertThat(byId).isNotEmpty();

          // At z0 the 2 km fort is under one tile unit and dropped; the region and town remain.
          Set<String> world = new TreeSet<>();
          tile(client, "kidal", 0, 0, 0, "")
              .features()
              .forEach(f -> world.add((String) f.tags().get("id")));
          assertThat(world).contains("kidal-region", "kidal-town");

          int[] town = tileOf(1.40778, 18.44111, 9);
          Set<String> ids = new TreeSet<>();
          for (MvtTile.Feature f : tile(client, "kidal", 9, town[0], town[1], "").features()) {
            String id = (String) f.tags().get("id");
            ids.add(id);
            JsonNode props = byId.get(id).get("properties");
            int compared = 0;
            for (var e : f.tags().entrySet()) {
              if (e.getKey().equals("id")) {
                continue;
              }
              JsonNode expected = props.get(e.getKey());
              assertThat(expected).as("%s.%s", id, e.getKey()).isNotNull();
              if (expected.isTextual()) {
                assertThat(e.getValue()).as("%s.%s", id, e.getKey()).isEqualTo(expected.asText());
                compared++;
              } else if (expected.isNumber()) {
                assertThat(((Number) e.getValue()).doubleValue())
                    .as("%s.%s", id, e.getKey())
                    .isCloseTo(expected.asDouble(), org.assertj.core.data.Offset.offset(1e-9));
                compared++;
              }
            }
            assertThat(compared).as("typed properties of %s", id).isPositive();
          }
          assertThat(ids).isEqualTo(new TreeSet<>(byId.keySet()));

          // GDAL's MVT driver reads the same tile file as the same features.
          java.nio.file.Path file = java.nio.file.Files.createTempFile("kidal-", ".mvt");
          try {
            java.nio.file.Files.write(
                file,
                client.get(String.format(TILES, "kidal", 9, town[1], town[0])).body().bytes());
            String info =
                Ogrinfo.run(
                    "-ro",
                    "-al",
                    "-oo",
                    "X=" + town[0],
                    "-oo",
                    "Y=" + town[1],
                    "-oo",
                    "Z=9",
                    file.toString());
            assertThat(info).contains("Layer name: kidal").contains("Feature Count: " + ids.size());
            for (String id : ids) {
              assertThat(info).contains("id (String) = " + id);
            }
          } finally {
            java.nio.file.Files.delete(file);
          }

          // Nested values (lists, objects) travel as their JSON text, which ST_AsMVT would drop.
          JsonNode aesItems = json(client.get("/ogc/collections/aes-territory/items"));
          JsonNode aes = aesItems.get("features").get(0).get("properties");
          MvtTile.Feature aesTile = tile(client, "aes-territory", 0, 0, 0, "").features().get(0);
          int nested = 0;
          for (var it = aes.fields(); it.hasNext(); ) {
            var p = it.next();
            if (p.getValue().isContainerNode()) {
              assertThat(JSON.readTree((String) aesTile.tags().get(p.getKey())))
                  .as(p.getKey())
                  .isEqualTo(p.getValue());
              nested++;
            }
          }
          assertThat(nested).isPositive();

          int[] bamako = tileOf(-7.97522, 12.60915, 12);
          assertThat(client.get(String.format(TILES, "kidal", 12, bamako[1], bamako[0])).code())
              .isEqualTo(204);
        });
  }

  @Test
  void eventTilesClusterAndTheirCountsAddUpAtEveryZoom() {
    withApp(
        client -> {
          double[] box = eventsBox();
          long all = sqlCount("SELECT count(*) FROM feature WHERE layer_id = 'events'");
          assertThat(all).isGreaterThanOrEqualTo(SYNTHETIC);
          for (int z = 0; z <= 8; z++) {
            assertThat(sumOver(client, box, z, "", z >= 3 && z <= 6))
                .as("events over the tiles at z%d", z)
                .isEqualTo(all);
          }
        });
  }

  @Test
  void filteredCountsAddUpToTheDirectSqlCount() {
    withApp(
        client -> {
          double[] box = eventsBox();
          long expected =
              sqlCount(
                  "SELECT count(*) FROM feature WHERE layer_id = 'events'"
                      + " AND properties->>'category' IN ('military', 'economic')"
                      + " AND coalesce(t_end, t_start) >= '2020-01-01T00:00:00Z'"
                      + " AND coalesce(t_start, t_end) <= '2021-06-30T23:59:59.999999Z'");
          assertThat(expected).isBetween(100L, (long) SYNTHETIC);
          String q = "?datetime=2020-01-01/2021-06-30&category=military,economic";
          for (int z : new int[] {4, 6, 7}) {
            assertThat(sumOver(client, box, z, q, false)).as("z%d", z).isEqualTo(expected);
          }
          // Free text: the synthetic titles name their town.
          long nearKidal =
              sqlCount(
                  "SELECT count(*) FROM feature WHERE layer_id = 'events'"
                      + " AND properties->>'title' ILIKE '%near kidal%'");
          assertThat(nearKidal).isPositive();
          assertThat(sumOver(client, box, 5, "?q=NEAR%20KIDAL", false)).isEqualTo(nearKidal);
        });
  }

  /** Sums events over every tile touching the box at zoom z, checking each cluster on the way. */
  static long sumOver(HttpClient client, double[] box, int z, String q, boolean expectClusters)
      throws IOException {
    int[] nw = tileOf(box[0], box[3], z);
    int[] se = tileOf(box[2], box[1], z);
    long sum = 0;
    int clusters = 0;
    for (int x = nw[0]; x <= se[0]; x++) {
      for (int y = nw[1]; y <= se[1]; y++) {
        MvtTile.Layer layer = tile(client, "events", z, x, y, q);
        for (MvtTile.Feature f : layer.features()) {
          assertThat(f.type().name()).isEqualTo("POINT");
          assertThat(f.x()).isBetween(0, 4096);
          assertThat(f.y()).isBetween(0, 4096);
          if (f.isCluster()) {
            clusters++;
            long perCategory = 0;
            for (var e : f.tags().entrySet()) {
              if (e.getKey().startsWith("n_")) {
                assertThat((Long) e.getValue()).isPositive();
                perCategory += (Long) e.getValue();
              }
            }
            assertThat(perCategory).isEqualTo(f.events());
            assertThat((Double) f.tags().get("min_lon"))
                .isLessThanOrEqualTo((Double) f.tags().get("max_lon"));
            assertThat((Double) f.tags().get("min_lat"))
                .isLessThanOrEqualTo((Double) f.tags().get("max_lat"));
          } else {
            assertThat(f.tags()).containsKeys("id", "title", "category", "start");
          }
          sum += f.events();
        }
        long inTile = layer.features().stream().filter(f -> !f.isCluster()).count();
        assertThat(inTile).isLessThanOrEqualTo(300);
        if (layer.features().stream().anyMatch(MvtTile.Feature::isCluster)) {
          assertThat(inTile).as("clusters and single events are not mixed").isZero();
          assertThat(layer.features()).hasSizeLessThanOrEqualTo(64);
        }
      }
    }
    if (expectClusters) {
      assertThat(clusters).as("clusters at z%d", z).isPositive();
    }
    return sum;
  }

  @Test
  void highZoomTilesHoldSingleEventsWithTheirProperties() {
    withApp(
        client -> {
          // syn-7 is scattered (not on a town point) or on one: either way its z14 tile is sparse
          // enough once a town point's pile is excluded, so look for a scattered one.
          String sql =
              "SELECT id, ST_X(geom), ST_Y(geom), properties->>'title', properties->>'start'"
                  + " FROM feature WHERE layer_id = 'events' AND id LIKE 'syn-%'"
                  + " AND properties->>'location_basis' = 'approximate_area' ORDER BY seq LIMIT 1";
          String id;
          double lon;
          double lat;
          String title;
          String start;
          try (Connection c = db.connection();
              PreparedStatement ps = c.prepareStatement(sql);
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            id = rs.getString(1);
            lon = rs.getDouble(2);
            lat = rs.getDouble(3);
            title = rs.getString(4);
            start = rs.getString(5);
          }
          int[] t = tileOf(lon, lat, 14);
          MvtTile.Layer layer = tile(client, "events", 14, t[0], t[1], "");
          MvtTile.Feature mine =
              layer.features().stream()
                  .filter(f -> id.equals(f.tags().get("id")))
                  .findFirst()
                  .orElseThrow();
          assertThat(mine.isCluster()).isFalse();
          assertThat(mine.tags()).containsEntry("title", title).containsEntry("start", start);
          assertThat(mine.tags().keySet())
              .containsExactlyInAnyOrder(
                  "id", "title", "category", "start", "end", "date_precision", "place_name");
        });
  }

  @Test
  void refusalsAndEmptyTiles() {
    withApp(
        client -> {
          String base = "/ogc/collections/events/tiles/WebMercatorQuad/";
          for (String bad : List.of("a/0/0", "1.5/0/0", "3/x/0", "3/0/0.0")) {
            Response r = client.get(base + bad);
            assertThat(r.code()).as(bad).isEqualTo(400);
            assertThat(json(r).get("code").asText()).isEqualTo("InvalidParameterValue");
          }
          for (String out : List.of("17/0/0", "-1/0/0", "3/8/0", "3/0/8", "0/0/1", "4/-1/2")) {
            Response r = client.get(base + out);
            assertThat(r.code()).as(out).isEqualTo(404);
            assertThat(json(r).get("description").asText()).contains("tile matrix set limits");
          }
          assertThat(client.get("/ogc/collections/nope/tiles/WebMercatorQuad/0/0/0").code())
              .isEqualTo(404);
          Map<String, String> refused =
              Map.of(
                  base + "3/3/3?bbox=0,0,1,1",
                  "bbox",
                  base + "3/3/3?category=weather",
                  "category",
                  base + "3/3/3?datetime=2024-13-01",
                  "datetime",
                  base + "3/3/3?datetime=2024-01-01&datetime=2024-02-01",
                  "datetime",
                  "/ogc/collections/kidal/tiles/WebMercatorQuad/3/3/3?category=military",
                  "category",
                  "/ogc/collections/kidal/tiles/WebMercatorQuad/3/3/3?q=fort",
                  "q");
          for (var e : refused.entrySet()) {
            Response r = client.get(e.getKey());
            assertThat(r.code()).as(e.getKey()).isEqualTo(400);
            assertThat(json(r).get("description").asText())
                .as(e.getKey())
                .contains("'" + e.getValue() + "'");
          }
          // Over the Pacific, and over Mali before any event.
          assertThat(client.get(base + "3/3/0").code()).isEqualTo(204);
          int[] gao = tileOf(-0.04435, 16.27167, 6);
          String gaoTile = base + "6/" + gao[1] + "/" + gao[0];
          assertThat(client.get(gaoTile).code()).isEqualTo(200);
          assertThat(client.get(gaoTile + "?datetime=1990-01-01/1990-12-31").code()).isEqualTo(204);
        });
  }

  @Test
  void tilesRevalidateAndCompress() {
    withApp(
        client -> {
          int[] gao = tileOf(-0.04435, 16.27167, 8);
          String path = String.format(TILES, "events", 8, gao[1], gao[0]);
          Response first = client.get(path);
          String etag = first.header("ETag");
          assertThat(etag).isNotBlank();
          assertThat(first.header("Cache-Control")).contains("no-cache");
          Response again = client.get(path, b -> b.header("If-None-Match", etag));
          assertThat(again.code()).isEqualTo(304);
          Response filtered = client.get(path + "?category=military");
          assertThat(filtered.header("ETag")).isNotEqualTo(etag);
          assertThat(
                  client
                      .get(path + "?category=military", b -> b.header("If-None-Match", etag))
                      .code())
              .isEqualTo(200);

          // A tile of the AES polygon over Mali is well above the size below which Javalin does
          // not compress (1,500 bytes); event tiles of clusters can be smaller than that.
          String big = String.format(TILES, "aes-territory", 4, 7, 7);
          Response gz = client.get(big, b -> b.header("Accept-Encoding", "gzip"));
          assertThat(gz.header("Content-Encoding")).isEqualTo("gzip");
          byte[] raw = new java.util.zip.GZIPInputStream(gz.body().byteStream()).readAllBytes();
          assertThat(raw.length).isGreaterThan(1500);
          assertThat(MvtTile.decode(raw).layers().get(0).name()).isEqualTo("aes-territory");

          // Any write to the layer bumps updated_at, so the tile's validator changes.
          try (Connection c = db.connection();
              PreparedStatement ps =
                  c.prepareStatement(
                      "UPDATE layer SET updated_at = clock_timestamp() WHERE id = 'events'")) {
            ps.executeUpdate();
          }
          assertThat(client.get(path, b -> b.header("If-None-Match", etag)).code()).isEqualTo(200);
        });
  }
}
