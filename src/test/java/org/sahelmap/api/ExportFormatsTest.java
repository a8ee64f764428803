package org.sahelmap.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahelmap.aoi.AoiJson;
import org.sahelmap.aoi.AoiStore;
import org.sahelmap.aoi.AoiValidator;
import org.sahelmap.json.Json;
import org.sahelmap.store.Database;
import org.sahelmap.store.PostgisFeatureStore;
import org.sahelmap.testing.NeedsDatabase;
import org.sahelmap.testing.Ogrinfo;
import org.sahelmap.testing.SampleLayers;
import org.sahelmap.testing.TestDatabase;
import org.w3c.dom.Document;

/**
 * CSV, KML and GeoPackage exports of items, as GDAL reads the very files the server returns:
 * feature counts equal to the database's, field types (Integer/Real/String/Date), geometry types,
 * the items' filters applied, content negotiation by {@code f} and {@code Accept}, and user text
 * that stays text (CSV formulas defused, KML markup escaped).
 */
@NeedsDatabase
class ExportFormatsTest {
  static final String HOSTILE = "=HYPERLINK(\"http://x\") <b>&amp;</b> \"quoted\", comma";

  /** Collection → the geometry type GeoPackage states and the WKT each feature starts with. */
  static final Map<String, List<String>> GEOMETRY =
      Map.of(
          SampleLayers.POINTS,
          List.of("Point", "POINT"),
          SampleLayers.LINES,
          List.of("Line String", "LINESTRING"),
          SampleLayers.POLYGONS,
          List.of("Polygon", "POLYGON"),
          SampleLayers.EVENTS,
          List.of("Point", "POINT"),
          "aois",
          List.of("Polygon", "POLYGON"));

  static Database db;
  static PostgisFeatureStore store;
  static Javalin app;
  static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    db = TestDatabase.fresh();
    store = new PostgisFeatureStore(db.dataSource());
    SampleLayers.load(store);
    AoiStore aois = new AoiStore(db.dataSource());
    aois.create(
        AoiValidator.validate(AoiJson.feature(HOSTILE, AoiJson.box(1, 15, 1.5, 16)), false),
        "test");
    aois.create(
        AoiValidator.validate(AoiJson.feature("plain", AoiJson.box(2, 15, 2.5, 16)), false),
        "test");
    app = AppFactory.create(db, store, 1000).start("127.0.0.1", 0);
  }

  @AfterAll
  static void stop() {
    app.stop();
    db.close();
  }

  static String url(String collection, String query) {
    return "http://127.0.0.1:" + app.port() + "/ogc/collections/" + collection + "/items" + query;
  }

  static HttpResponse<Path> get(Path file, String url, String accept) throws Exception {
    // ofFile writes over an existing file without truncating it.
    Files.deleteIfExists(file);
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
    if (accept != null) {
      b.header("Accept", accept);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofFile(file));
  }

  static Path fetch(Path dir, String collection, String f, String query) throws Exception {
    Path file = dir.resolve(collection + "-" + Math.abs(query.hashCode()) + "." + f);
    HttpResponse<Path> r = get(file, url(collection, "?f=" + f + query), null);
    if (r.statusCode() != 200) {
      throw new AssertionError(r.statusCode() + " " + Files.readString(file));
    }
    assertThat(r.headers().firstValue("Content-Disposition"))
        .hasValue("attachment; filename=\"" + collection + "." + f + "\"");
    return file;
  }

  /** ogrinfo's summary of the one layer in the file; CSV types guessed from the values. */
  static String summary(Path file) throws Exception {
    return file.toString().endsWith(".csv")
        ? Ogrinfo.run("-ro", "-so", "-al", "-oo", "AUTODETECT_TYPE=YES", file.toString())
        : Ogrinfo.run("-ro", "-so", "-al", file.toString());
  }

  static long featureCount(String summary) {
    Matcher m = Pattern.compile("Feature Count: (\\d+)").matcher(summary);
    assertThat(m.find()).as(summary).isTrue();
    return Long.parseLong(m.group(1));
  }

  /** How many features ogrinfo read with a geometry of this WKT type. */
  static long geometries(Path file, String wktType) throws Exception {
    String all = Ogrinfo.run("-ro", "-al", "-q", file.toString());
    assertThat(Pattern.compile("^OGRFeature\\(", Pattern.MULTILINE).matcher(all).results().count())
        .as("features read")
        .isEqualTo(featureCount(summary(file)));
    return Pattern.compile("^\\s+" + wktType + " \\(", Pattern.MULTILINE)
        .matcher(all)
        .results()
        .count();
  }

  @Test
  void everyFormatOpensInOgrinfoWithItsCountsAndGeometries(@TempDir Path dir) throws Exception {
    for (var c : GEOMETRY.entrySet()) {
      long expected = store.extent(c.getKey()).count();
      for (String f : List.of("csv", "kml", "gpkg")) {
        Path file = fetch(dir, c.getKey(), f, "");
        String summary = summary(file);
        assertThat(featureCount(summary)).as(c.getKey() + " " + f).isEqualTo(expected);
        assertThat(geometries(file, c.getValue().get(1)))
            .as(c.getKey() + " " + f)
            .isEqualTo(expected);
        if (f.equals("gpkg")) {
          assertThat(summary).contains("Geometry: " + c.getValue().get(0));
        }
      }
    }
    assertThat(store.extent("aois").count()).isEqualTo(2);
  }

  @Test
  void fieldTypesComeFromTheCollectionsProperties(@TempDir Path dir) throws Exception {
    String towns = summary(fetch(dir, SampleLayers.POINTS, "gpkg", ""));
    assertThat(towns)
        .contains(
            "id: String", "name: String", "population: Integer64", "capital: Integer(Boolean)");
    String events = summary(fetch(dir, SampleLayers.EVENTS, "gpkg", ""));
    assertThat(events).contains("title: String", "fatalities: Integer64", "date: Date");
    assertThat(summary(fetch(dir, SampleLayers.POLYGONS, "gpkg", ""))).contains("area_km2: Real");
    assertThat(summary(fetch(dir, SampleLayers.LINES, "gpkg", "")))
        .contains("length_km: Real", "lanes: Integer64");

    String csvEvents = summary(fetch(dir, SampleLayers.EVENTS, "csv", ""));
    assertThat(csvEvents)
        .contains("date: Date", "fatalities: Integer", "title: String", "lon: Real", "lat: Real");
    assertThat(summary(fetch(dir, SampleLayers.POLYGONS, "csv", ""))).contains("area_km2: Real");

    // KML's Schema types, as libkml reads them (KML has no date type).
    String kmlTowns = summary(fetch(dir, SampleLayers.POINTS, "kml", ""));
    assertThat(kmlTowns).contains("population: Integer", "capital: Integer", "id: String");
    assertThat(summary(fetch(dir, SampleLayers.LINES, "kml", ""))).contains("length_km: Real");
    assertThat(
            Ogrinfo.run("-ro", "-al", "-q", fetch(dir, SampleLayers.POINTS, "kml", "").toString()))
        .contains("capital (Integer) = 1", "Name (String) = town 0");
  }

  @Test
  void theItemsFiltersApplyToEveryFormat(@TempDir Path dir) throws Exception {
    String q = "&datetime=2024-01-03T00:00:00Z/2024-01-05T12:00:00Z";
    String filter = "&filter=" + URLEncoder.encode("fatalities > 5", StandardCharsets.UTF_8);
    String box = "&bbox=-2.1,13.9,0.1,16.1"; // events 0..4
    for (String f : List.of("csv", "kml", "gpkg")) {
      assertThat(featureCount(summary(fetch(dir, SampleLayers.EVENTS, f, q)))).as(f).isEqualTo(3);
      assertThat(featureCount(summary(fetch(dir, SampleLayers.EVENTS, f, filter))))
          .as(f)
          .isEqualTo(4);
      Path none = fetch(dir, SampleLayers.EVENTS, f, box + filter);
      if (f.equals("kml")) {
        // libkml lists no layer at all for a document without placemarks: read it as XML.
        assertThat(Files.readString(none)).contains("<Schema").doesNotContain("<Placemark");
      } else {
        assertThat(featureCount(summary(none))).as(f).isEqualTo(0);
      }
      assertThat(featureCount(summary(fetch(dir, SampleLayers.EVENTS, f, box)))).as(f).isEqualTo(5);
      assertThat(featureCount(summary(fetch(dir, SampleLayers.POINTS, f, "&limit=7&offset=20"))))
          .as(f)
          .isEqualTo(5);
    }
  }

  @Test
  void acceptHeadersChooseTheFormat(@TempDir Path dir) throws Exception {
    Map<String, String> types =
        Map.of(
            "text/csv", "csv",
            "application/vnd.google-earth.kml+xml", "kml",
            "application/geopackage+sqlite3", "gpkg");
    for (var t : types.entrySet()) {
      Path file = dir.resolve("accept." + t.getValue());
      HttpResponse<Path> r = get(file, url(SampleLayers.POINTS, ""), t.getKey() + ", */*;q=0.1");
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith(t.getKey());
      assertThat(featureCount(summary(file))).isEqualTo(25);
    }
    // A client preferring JSON still gets JSON.
    HttpResponse<Path> json =
        get(
            dir.resolve("a.json"),
            url(SampleLayers.POINTS, ""),
            "application/json, text/csv;q=0.5");
    assertThat(json.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/geo+json");
  }

  @Test
  void collectionsItemsAndTheApiDocumentListTheFormats(@TempDir Path dir) throws Exception {
    String root = "http://127.0.0.1:" + app.port() + "/ogc";
    Path file = dir.resolve("doc.json");
    get(file, root + "/collections/" + SampleLayers.EVENTS, null);
    JsonNode collection = Json.MAPPER.readTree(Files.readString(file));
    get(file, url(SampleLayers.EVENTS, "?datetime=2024-01-03/..&limit=2"), null);
    JsonNode items = Json.MAPPER.readTree(Files.readString(file));
    Map<String, String> types =
        Map.of(
            "csv", "text/csv",
            "kml", "application/vnd.google-earth.kml+xml",
            "gpkg", "application/geopackage+sqlite3");
    for (var t : types.entrySet()) {
      assertThat(collection.get("links"))
          .anySatisfy(
              l -> {
                assertThat(l.get("rel").asText()).isEqualTo("enclosure");
                assertThat(l.get("type").asText()).isEqualTo(t.getValue());
                assertThat(l.get("href").asText())
                    .endsWith("/collections/" + SampleLayers.EVENTS + "/items?f=" + t.getKey());
              });
      // The items' alternates keep the request's parameters, so the file holds the same matches.
      JsonNode alternate = null;
      for (JsonNode l : items.get("links")) {
        if (l.get("rel").asText().equals("alternate")
            && l.get("type").asText().equals(t.getValue())) {
          alternate = l;
        }
      }
      assertThat(alternate).as(t.getKey()).isNotNull();
      assertThat(alternate.get("href").asText()).contains("?f=" + t.getKey(), "limit=2");
      Path exported = dir.resolve("alt." + t.getKey());
      get(exported, alternate.get("href").asText(), null);
      assertThat(featureCount(summary(exported))).isEqualTo(2);
    }
    HttpResponse<Path> apiResponse = get(file, root + "/api", null);
    assertThat(apiResponse.statusCode()).isEqualTo(200);
    // readString refuses bytes that are not UTF-8, as JSON requires.
    JsonNode api = Json.MAPPER.readTree(Files.readString(file));
    assertThat(api.at("/components/parameters/itemsFormat/schema/enum").toString())
        .contains("\"csv\"", "\"kml\"", "\"gpkg\"");
    JsonNode content =
        api.at("/paths/~1collections~1{collectionId}~1items/get/responses/200/content");
    assertThat(content.has("text/csv")).isTrue();
    assertThat(content.has("application/geopackage+sqlite3")).isTrue();
  }

  @Test
  void refusalsAreJsonErrors(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("bad");
    HttpResponse<Path> bad = get(file, url(SampleLayers.POINTS, "?f=xlsx"), null);
    assertThat(bad.statusCode()).isEqualTo(400);
    JsonNode body = Json.MAPPER.readTree(Files.readString(file));
    assertThat(body.get("code").asText()).isEqualTo("InvalidParameterValue");
    assertThat(body.get("description").asText()).contains("'f'", "csv", "kml", "gpkg");
    HttpResponse<Path> crs =
        get(
            file,
            url(SampleLayers.POINTS, "?f=kml&crs=http://www.opengis.net/def/crs/EPSG/0/3857"),
            null);
    assertThat(crs.statusCode()).isEqualTo(400);
    assertThat(Files.readString(file)).contains("crs");
    // Only items come as files: elsewhere f=csv is refused as before.
    HttpResponse<Path> collection =
        get(
            file,
            "http://127.0.0.1:" + app.port() + "/ogc/collections/" + SampleLayers.POINTS + "?f=csv",
            null);
    assertThat(collection.statusCode()).isEqualTo(400);
  }

  @Test
  void userTextStaysText(@TempDir Path dir) throws Exception {
    String csv = Files.readString(fetch(dir, "aois", "csv", ""));
    // RFC 4180 quoting, and the formula prefixed so a spreadsheet shows it as text.
    assertThat(csv)
        .contains("\"'=HYPERLINK(\"\"http://x\"\") <b>&amp;</b> \"\"quoted\"\", comma\"");
    assertThat(csv).doesNotContain(",=HYPERLINK");
    assertThat(CsvFormulaCheck.firstCells(csv)).noneMatch(cell -> cell.startsWith("="));

    Path kml = fetch(dir, "aois", "kml", "");
    Document doc =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(Files.readAllBytes(kml)));
    var names = doc.getElementsByTagName("name");
    List<String> texts = new java.util.ArrayList<>();
    for (int i = 0; i < names.getLength(); i++) {
      texts.add(names.item(i).getTextContent());
    }
    assertThat(texts).contains(HOSTILE, "plain");
    assertThat(doc.getElementsByTagName("b").getLength()).isZero();
    assertThat(Ogrinfo.run("-ro", "-al", "-q", kml.toString()))
        .contains("Name (String) = " + HOSTILE);
    assertThat(Ogrinfo.run("-ro", "-al", "-q", fetch(dir, "aois", "gpkg", "").toString()))
        .contains("name (String) = " + HOSTILE);
  }

  /** The cells of a CSV as Commons CSV reads them back. */
  static final class CsvFormulaCheck {
    static List<String> firstCells(String csv) throws Exception {
      List<String> cells = new java.util.ArrayList<>();
      try (var parser =
          org.apache.commons.csv.CSVParser.parse(csv, org.apache.commons.csv.CSVFormat.RFC4180)) {
        parser.forEach(r -> r.forEach(cells::add));
      }
      return cells;
    }
  }
}
