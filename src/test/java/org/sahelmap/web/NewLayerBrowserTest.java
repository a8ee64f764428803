package org.sahelmap.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import org.sahelmap.layers.LayerSpec;
import org.sahelmap.layers.LayerStyle;
import org.sahelmap.store.FeatureRecord;
import org.sahelmap.testing.Browser;
import org.sahelmap.testing.Geometries;
import org.sahelmap.testing.LiveApp;
import org.sahelmap.testing.NeedsBrowser;

/**
 * A layer defined once, on the server side only (its spec: order and style), is listed, drawn and
 * in the legend in its place with its colour: the page holds no table of layers to edit.
 */
@NeedsBrowser
class NewLayerBrowserTest {
  /** Ordered between the border zone (20) and the border line (30). */
  static final LayerSpec WELLS =
      new LayerSpec(
          "test-wells",
          "Test wells",
          "A layer only this test defines.",
          "mission",
          25,
          LayerStyle.colour("#123456"),
          List.of("this test"),
          Map.of());

  static LiveApp live;

  @BeforeAll
  static void start() {
    live = LiveApp.start();
    live.store()
        .replaceLayers(
            List.of(
                WELLS.with(
                    List.of(
                        FeatureRecord.of(
                            "field",
                            Geometries.wkt("POLYGON ((0 18, 2 18, 2 20, 0 20, 0 18))"),
                            Map.of("name", "Well field"))),
                    Instant.now())));
  }

  @AfterAll
  static void stop() {
    live.close();
  }

  @Test
  void aLayerDefinedOnlyOnTheServerIsListedDrawnAndInTheLegendInItsOrder() {
    ChromeDriver driver = Browser.open(1366, 768);
    try {
      driver.get(live.base());
      Browser.waitReady(driver);
      assertThat(run(driver, "return document.body.dataset.ready")).isEqualTo("true");
      List<String> inOrder =
          List.of(
              "aes-territory",
              "algeria-border-zone",
              "test-wells",
              "algeria-border",
              "gao-intahaka",
              "kidal",
              "tinzaouaten");
      assertThat(
              run(
                  driver,
                  "return [...document.querySelectorAll('.layer-group-mission .layer-row')]"
                      + ".map((r) => r.dataset.layer)"))
          .isEqualTo(inOrder);
      assertThat(
              run(
                  driver,
                  "return [...document.querySelectorAll('#legend .legend-section')]"
                      + ".map((s) => s.dataset.layer).filter((id) => id !== 'events')"))
          .isEqualTo(inOrder);
      // Drawn in its registry colour, in a pane stacked by its order.
      assertThat(
              run(
                  driver,
                  "return document.querySelector('.leaflet-mission-test-wells-pane path')"
                      + ".getAttribute('stroke')"))
          .isEqualTo("#123456");
      assertThat(
              run(
                  driver,
                  "return ['algeria-border-zone', 'test-wells', 'algeria-border', 'kidal'].map("
                      + "(id) => Number(document.querySelector(`.leaflet-mission-${id}-pane`)"
                      + ".style.zIndex))"))
          // Areas from 400 by order; the border, lines only, from 430: above Kidal's region,
          // whose outline follows it, though Kidal comes later in the order.
          .isEqualTo(List.of(401L, 402L, 433L, 405L));
      assertThat(
              run(
                  driver,
                  "return document.querySelector(\"#legend [data-layer='test-wells']\").innerHTML"))
          .asString()
          .contains("#123456")
          .contains("Test wells");
      // The zone's bands take their opacities from the style served with the collection.
      assertThat(
              run(
                  driver,
                  "return [...document.querySelectorAll('.leaflet-mission-algeria-border-zone-pane"
                      + " path')].map((p) => p.getAttribute('fill-opacity')).sort()"))
          .isEqualTo(List.of("0.18", "0.35", "0.55"));
      assertThat(Browser.consoleErrors(driver)).isEmpty();
    } finally {
      driver.quit();
    }
  }

  private static Object run(ChromeDriver driver, String script) {
    return Browser.js(driver).executeScript(script);
  }
}
