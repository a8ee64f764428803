package org.sahelmap.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahelmap.aoi.AoiJson;
import org.sahelmap.aoi.AoiStore;
import org.sahelmap.aoi.AoiValidator;
import org.sahelmap.briefing.Briefing;
import org.sahelmap.briefing.BriefingStore;
import org.sahelmap.briefing.Slide;
import org.sahelmap.briefing.TimeWindow;
import org.sahelmap.briefing.View;
import org.sahelmap.store.Database;
import org.sahelmap.store.PostgisFeatureStore;
import org.sahelmap.testing.NeedsDatabase;
import org.sahelmap.testing.Ogrinfo;
import org.sahelmap.testing.SampleLayers;
import org.sahelmap.testing.TestDatabase;

/**
 * {@code /api/briefings/{id}/pack.gpkg}: one GeoPackage with every layer, the events of the
 * briefing's time span, the AOIs and a slides table, as GDAL reads the file the server returns.
 */
@NeedsDatabase
class BriefingPackTest {
  static Database db;
  static PostgisFeatureStore store;
  static Javalin app;

  @BeforeAll
  static void start() {
    db = TestDatabase.fresh();
    store = new PostgisFeatureStore(db.dataSource());
    SampleLayers.load(store);
    new AoiStore(db.dataSource())
        .create(
            AoiValidator.validate(AoiJson.feature("Gao AOI", AoiJson.box(1, 15, 1.5, 16)), false),
            "test");
    BriefingStore briefings = new BriefingStore(db.dataSource(), Clock.systemUTC());
    // Two windows: 2024-01-02..03 and 2024-01-05..06, so the span holds the events e1..e5.
    briefings.create(
        new Briefing(
            "pack-test",
            "Pack <test> & \"briefing\"",
            "UNCLASSIFIED",
            List.of(
                new Slide(
                    "First, = a formula?",
                    "caption one",
                    "notes one",
                    "sources",
                    View.centre(0, 15, 6),
                    List.of(SampleLayers.POINTS, SampleLayers.EVENTS),
                    new TimeWindow(LocalDate.parse("2024-01-02"), LocalDate.parse("2024-01-03")),
                    List.of("e1"),
                    List.of()),
                new Slide(
                    "Second",
                    "",
                    "",
                    "",
                    View.centre(1, 16, 8),
                    List.of(SampleLayers.POLYGONS),
                    new TimeWindow(LocalDate.parse("2024-01-05"), LocalDate.parse("2024-01-06")),
                    List.of(),
                    List.of()))),
        "test");
    app = AppFactory.create(db, store, 1000).start("127.0.0.1", 0);
  }

  @AfterAll
  static void stop() {
    app.stop();
    db.close();
  }

  static long count(String summary, String layer) {
    Matcher m =
        Pattern.compile("Layer name: " + layer + "\\n(?:.*\\n)*?Feature Count: (\\d+)")
            .matcher(summary);
    assertThat(m.find()).as(layer + " in " + summary).isTrue();
    return Long.parseLong(m.group(1));
  }

  @Test
  void thePackHoldsEveryLayerTheEventsTheAoisAndTheSlides(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("pack.gpkg");
    HttpResponse<Path> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://127.0.0.1:"
                                + app.port()
                                + "/api/briefings/pack-test/pack.gpkg"))
                    .build(),
                HttpResponse.BodyHandlers.ofFile(file));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/geopackage+sqlite3");
    assertThat(r.headers().firstValue("Content-Disposition"))
        .hasValue("attachment; filename=\"pack-test-pack.gpkg\"");

    String list = Ogrinfo.run("-ro", "-q", file.toString());
    assertThat(list)
        .contains(
            "slides (Polygon)",
            "towns (Point)",
            "roads (Line String)",
            "zones (Polygon)",
            "incidents (Point)",
            "aois (Polygon)");
    String summary = Ogrinfo.run("-ro", "-so", "-al", file.toString());
    Map<String, Long> expected =
        Map.of("slides", 2L, "towns", 25L, "roads", 3L, "zones", 2L, "incidents", 5L, "aois", 1L);
    expected.forEach((layer, n) -> assertThat(count(summary, layer)).as(layer).isEqualTo(n));
    assertThat(summary)
        .contains(
            "IDENTIFIER=Pack <test> & \"briefing\"",
            "DESCRIPTION=UNCLASSIFIED",
            "slide: Integer64",
            "title: String",
            "time_from: Date",
            "zoom: Real",
            "fatalities: Integer64");
    String slides = Ogrinfo.run("-ro", "-al", "-q", file.toString(), "slides");
    assertThat(slides)
        .contains(
            "title (String) = First, = a formula?",
            "time_from (Date) = 2024/01/02",
            "layers (String) = towns,incidents",
            "events (String) = e1",
            "POLYGON ((");
    String events = Ogrinfo.run("-ro", "-al", "-q", file.toString(), "incidents");
    for (String id : List.of("e1", "e2", "e3", "e4", "e5")) {
      assertThat(events).contains("id (String) = " + id + "\n");
    }
    assertThat(events).doesNotContain("id (String) = e0\n", "id (String) = e6\n");
  }

  @Test
  void anUnknownBriefingIs404(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("none");
    HttpResponse<Path> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://127.0.0.1:" + app.port() + "/api/briefings/nothing/pack.gpkg"))
                    .build(),
                HttpResponse.BodyHandlers.ofFile(file));
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(Files.readString(file)).contains("\"code\"");
  }
}
