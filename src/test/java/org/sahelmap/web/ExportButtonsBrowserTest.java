package org.sahelmap.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;
import org.sahelmap.json.Json;
import org.sahelmap.testing.Browser;
import org.sahelmap.testing.LiveApp;
import org.sahelmap.testing.NeedsBrowser;
import org.sahelmap.testing.Ogrinfo;

/**
 * The page's export menus: each layer in every format the collection links, the events under the
 * page's time window, the AOIs, and the briefing's GeoPackage pack; the files behind the links open
 * in ogrinfo with the counts the server states.
 */
@NeedsBrowser
class ExportButtonsBrowserTest {
  static LiveApp live;
  static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    live = LiveApp.start();
  }

  @AfterAll
  static void stop() {
    live.close();
  }

  static Object run(ChromeDriver d, String script) {
    return Browser.js(d).executeScript(script);
  }

  /** The href a download link has once clicked (the click itself is kept from navigating). */
  static String clickedHref(ChromeDriver d, String selector) {
    return (String)
        run(
            d,
            "document.addEventListener('click', (e) => e.preventDefault(), { once: true });"
                + "const a = document.querySelector(\""
                + selector
                + "\"); a.click(); return a.href;");
  }

  static long ogrCount(Path file) throws Exception {
    String s = Ogrinfo.run("-ro", "-so", "-al", file.toString());
    var m = java.util.regex.Pattern.compile("Feature Count: (\\d+)").matcher(s);
    assertThat(m.find()).as(s).isTrue();
    return Long.parseLong(m.group(1));
  }

  @Test
  void exportMenusOfferEveryFormatAndFollowTheTimeWindow(@TempDir Path dir) throws Exception {
    ChromeDriver driver = Browser.open(1366, 768);
    try {
      driver.get(live.base() + "#t=2024-01-01/2024-06-30");
      Browser.waitReady(driver);
      @SuppressWarnings("unchecked")
      List<String> formats =
          (List<String>)
              run(
                  driver,
                  "return [...document.querySelectorAll("
                      + "'.layer-downloads details[data-layer=\"kidal\"] a')].map((a) => a.dataset.format)");
      assertThat(formats).containsExactly("geojson", "csv", "kml", "gpkg");

      String kidal =
          clickedHref(driver, ".layer-downloads details[data-layer='kidal'] a[data-format='gpkg']");
      assertThat(kidal).endsWith("/ogc/collections/kidal/items?f=gpkg");
      Path gpkg = dir.resolve("kidal.gpkg");
      http.send(
          HttpRequest.newBuilder(URI.create(kidal)).build(),
          HttpResponse.BodyHandlers.ofFile(gpkg));
      assertThat(ogrCount(gpkg)).isEqualTo(live.store().extent("kidal").count());

      String events = clickedHref(driver, "details[data-layer='events'] a[data-format='csv']");
      assertThat(events)
          .contains("/ogc/collections/events/items?", "datetime=2024-01-01%2F2024-06-30", "f=csv");
      Path csv = dir.resolve("events.csv");
      http.send(
          HttpRequest.newBuilder(URI.create(events)).build(),
          HttpResponse.BodyHandlers.ofFile(csv));
      JsonNode page =
          Json.MAPPER.readTree(
              http.send(
                      HttpRequest.newBuilder(
                              URI.create(
                                  live.base()
                                      + "ogc/collections/events/items?limit=1&datetime=2024-01-01/2024-06-30"))
                          .build(),
                      HttpResponse.BodyHandlers.ofString())
                  .body());
      long matched = page.get("numberMatched").asLong();
      assertThat(matched).isPositive();
      assertThat(ogrCount(csv)).isEqualTo(matched);

      assertThat(clickedHref(driver, "details[data-layer='aois'] a[data-format='kml']"))
          .endsWith("/ogc/collections/aois/items?f=kml");
      assertThat(
              run(
                  driver,
                  "return document.querySelector('[data-action=\"export-pack\"]') !== null"))
          .isEqualTo(true);
      assertThat(Browser.consoleErrors(driver)).isEmpty();
    } finally {
      driver.quit();
    }
  }
}
