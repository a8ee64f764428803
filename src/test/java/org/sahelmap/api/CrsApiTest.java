package org.sahelmap.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Response;
import org.geotools.api.referencing.operation.MathTransform;
import org.geotools.geometry.jts.JTS;
import org.geotools.referencing.CRS;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.sahelmap.store.Database;
import org.sahelmap.store.PostgisFeatureStore;
import org.sahelmap.testing.NeedsDatabase;
import org.sahelmap.testing.SampleLayers;
import org.sahelmap.testing.TestDatabase;

/**
 * OGC API Features Part 2: items and features in another CRS, checked against coordinates computed
 * here (the Web Mercator formula; GeoTools for UTM, not PostGIS), and a bbox in another CRS
 * selecting the same features as in CRS84.
 */
@NeedsDatabase
class CrsApiTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String EPSG = "http://www.opengis.net/def/crs/EPSG/0/";
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

  interface Body {
    void run(HttpClient client) throws Exception;
  }

  static void withApp(Body body) {
    JavalinTest.test(
        AppFactory.create(db, new PostgisFeatureStore(db.dataSource()), 100),
        (server, client) -> body.run(client));
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
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
  void featuresComeInTheCrsAskedFor() {
    withApp(
        client -> {
          // t8 stands at lon 2.5, lat 14 (SampleLayers).
          Response r = client.get("/ogc/collections/towns/items/t8?crs=" + enc(EPSG + "3857"));
          assertThat(r.header("Content-Crs")).isEqualTo("<" + EPSG + "3857>");
          JsonNode c = json(r).at("/geometry/coordinates");
          double radius = 6_378_137;
          assertThat(c.get(0).asDouble()).isCloseTo(radius * Math.toRadians(2.5), within(0.01));
          assertThat(c.get(1).asDouble())
              .isCloseTo(
                  radius * Math.log(Math.tan(Math.PI / 4 + Math.toRadians(14) / 2)), within(0.01));

          MathTransform utm =
              CRS.findMathTransform(CRS.decode("EPSG:4326", true), CRS.decode("EPSG:32631"));
          Coordinate expected = JTS.transform(new Coordinate(2.5, 14), null, utm);
          JsonNode page =
              json(client.get("/ogc/collections/towns/items?limit=25&crs=" + enc(EPSG + "32631")));
          JsonNode t8 = null;
          for (JsonNode f : page.get("features")) {
            if (f.get("id").asText().equals("t8")) {
              t8 = f.at("/geometry/coordinates");
            }
          }
          assertThat(t8.get(0).asDouble()).isCloseTo(expected.x, within(0.01));
          assertThat(t8.get(1).asDouble()).isCloseTo(expected.y, within(0.01));

          // EPSG:4326 puts latitude first; CRS84 (the default) longitude first.
          JsonNode latLon =
              json(client.get("/ogc/collections/towns/items/t8?crs=" + enc(EPSG + "4326")))
                  .at("/geometry/coordinates");
          assertThat(latLon.get(0).asDouble()).isEqualTo(14.0);
          assertThat(latLon.get(1).asDouble()).isEqualTo(2.5);
          Response plain = client.get("/ogc/collections/towns/items/t8");
          assertThat(plain.header("Content-Crs"))
              .isEqualTo("<http://www.opengis.net/def/crs/OGC/1.3/CRS84>");
          JsonNode ll = json(plain).at("/geometry/coordinates");
          assertThat(ll.get(0).asDouble()).isEqualTo(2.5);

          JsonNode albers =
              json(
                  client.get(
                      "/ogc/collections/roads/items?crs="
                          + enc("http://www.opengis.net/def/crs/ESRI/0/102022")));
          // Metres from Africa Albers' central meridian (25°E), far beyond any degree value.
          assertThat(Math.abs(albers.at("/features/0/geometry/coordinates/0/0").asDouble()))
              .isGreaterThan(1_000_000);
        });
  }

  @Test
  void aBboxInAnotherCrsSelectsTheSameFeatures() {
    withApp(
        client -> {
          List<String> crs84 =
              ids(json(client.get("/ogc/collections/towns/items?bbox=-1,13,3,17")));
          assertThat(crs84).containsExactlyInAnyOrder("t7", "t8", "t12", "t13");
          JsonNode latFirst =
              json(
                  client.get(
                      "/ogc/collections/towns/items?bbox=13,-1,17,3&bbox-crs="
                          + enc(EPSG + "4326")));
          assertThat(ids(latFirst)).containsExactlyInAnyOrderElementsOf(crs84);
          // Around (0, 14) in Web Mercator metres: t7 alone.
          JsonNode mercator =
              json(
                  client.get(
                      "/ogc/collections/towns/items?bbox=-100000,1474216,100000,1674216&bbox-crs="
                          + enc(EPSG + "3857")));
          assertThat(ids(mercator)).containsExactly("t7");
        });
  }

  @Test
  void collectionsListTheirCrsAndBadOnesAre400() {
    withApp(
        client -> {
          JsonNode towns = json(client.get("/ogc/collections/towns"));
          assertThat(towns.get("storageCrs").asText())
              .isEqualTo("http://www.opengis.net/def/crs/OGC/1.3/CRS84");
          assertThat(towns.get("crs").toString())
              .contains(EPSG + "3857", EPSG + "32630", EPSG + "32632", "ESRI/0/102022");
          for (String bad :
              List.of(
                  "crs=" + enc(EPSG + "2154"),
                  "bbox-crs=EPSG:3857&bbox=1,2,3,4",
                  "bbox=1,2,3&bbox-crs=" + enc(EPSG + "3857"),
                  "bbox=3,2,1,4&bbox-crs=" + enc(EPSG + "3857"))) {
            Response r = client.get("/ogc/collections/towns/items?" + bad);
            assertThat(r.code()).as(bad).isEqualTo(400);
          }
          assertThat(client.get("/ogc/collections/towns/items/t8?crs=x").code()).isEqualTo(400);
        });
  }
}
