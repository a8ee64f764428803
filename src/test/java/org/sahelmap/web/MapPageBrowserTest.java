package org.sahelmap.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sahelmap.geo.Geo;
import org.sahelmap.geo.Geodesy;
import org.sahelmap.store.Database;
import org.sahelmap.testing.Browser;
import org.sahelmap.testing.DevData;
import org.sahelmap.testing.Labels;
import org.sahelmap.testing.LiveApp;
import org.sahelmap.testing.NeedsBrowser;

/** The front end in a real headless Chromium against the real app and PostGIS. */
@NeedsBrowser
class MapPageBrowserTest {
  static final List<String> MISSION =
      List.of(
          "aes-territory",
          "algeria-border",
          "algeria-border-zone",
          "kidal",
          "gao-intahaka",
          "tinzaouaten");
  static LiveApp live;
  static Database db;
  static Javalin app;
  static String base;
  static JsonNode events;
  ChromeDriver driver;

  @BeforeAll
  static void startApp() throws Exception {
    live = LiveApp.start();
    db = live.db();
    app = live.app();
    base = live.base();
    events =
        new ObjectMapper()
            .readTree(
                DevData.repoRoot()
                    .resolve("data/events/partnership-not-dependency.geojson")
                    .toFile());
  }

  @AfterAll
  static void stopApp() {
    live.close();
  }

  @AfterEach
  void quit() {
    if (driver != null) {
      driver.quit();
    }
  }

  private void load(int width, int height, String hash) {
    driver = driver == null ? Browser.open(width, height) : driver;
    driver.get(base + hash);
    Browser.waitReady(driver);
    assertThat(attr("return document.body.dataset.ready")).isEqualTo("true");
  }

  private Object run(String script, Object... args) {
    return Browser.js(driver).executeScript(script, args);
  }

  private String attr(String script) {
    return String.valueOf(run(script));
  }

  private long count(String css) {
    return driver.findElements(By.cssSelector(css)).size();
  }

  @Test
  void loadsWithNoConsoleErrorsAndDrawsEveryMissionLayer() {
    load(1366, 768, "");
    for (String id : MISSION) {
      long paths = count(".leaflet-mission-" + id + "-pane path");
      assertThat(paths).as("paths drawn for %s", id).isGreaterThan(0);
    }
    assertThat(count(".leaflet-mission-algeria-border-zone-pane path")).isEqualTo(3);
    // Points are circle markers (paths), so kidal = region + camp area + town.
    assertThat(count(".leaflet-mission-kidal-pane path")).isEqualTo(3);
    assertThat(count(".leaflet-context-countries-pane path")).isEqualTo(22);
    // Events come from tiles: what they draw is every fixture event inside the loaded tiles; the
    // list holds those inside the view.
    assertThat(drawnEvents()).isEqualTo(expectedInTiles("0000-01-01", "9999-12-31"));
    assertThat(waitForList(expectedEvents("0000-01-01", "9999-12-31"))).isGreaterThan(20);
    assertThat(count(".event-marker")).as("no DOM marker per event").isZero();
    assertThat(count(".leaflet-labels-pane .mission-label")).isGreaterThanOrEqualTo(4);
    assertThat(driver.findElements(By.cssSelector("#legend .legend-entry"))).isNotEmpty();
    assertThat(Browser.consoleErrors(driver)).isEmpty();
  }

  @Test
  void timelineNarrowsTheEventsToThoseOverlappingTheWindow() {
    load(1366, 768, "");
    drawnEvents();
    // While the new window's tiles load, the old ones stay drawn: the map never flashes empty.
    run(
        "window.fewestCanvases = document.querySelectorAll('.event-tiles canvas').length;"
            + "new MutationObserver(() => { window.fewestCanvases = Math.min(window.fewestCanvases,"
            + " document.querySelectorAll('.event-tiles canvas').length); })"
            + ".observe(document.getElementById('map'), {childList: true, subtree: true});");
    // July 2024 to September 2024, moved with the keyboard-reachable sliders.
    run(
        "const [a,b]=document.querySelectorAll('#timeline input[type=range]');"
            + "a.value=2024*12+6; a.dispatchEvent(new Event('input'));"
            + "b.value=2024*12+8; b.dispatchEvent(new Event('input'));");
    long expected = expectedEvents("2024-07-01", "2024-09-30");
    assertThat(expected).isBetween(5L, 30L);
    waitForList(expected);
    assertThat(drawnEvents()).isEqualTo(expectedInTiles("2024-07-01", "2024-09-30"));
    assertThat(driver.getCurrentUrl()).contains("t=2024-07-01/2024-09-30");
    assertThat(((Number) run("return window.fewestCanvases")).intValue())
        .as("event canvases on screen at any moment of the change")
        .isGreaterThan(0);

    // The keyboard moves the end of the window back a month.
    driver
        .findElements(By.cssSelector("#timeline input[type=range]"))
        .get(1)
        .sendKeys(Keys.ARROW_LEFT);
    assertThat(driver.getCurrentUrl()).contains("t=2024-07-01/2024-08-31");
    waitForList(expectedEvents("2024-07-01", "2024-08-31"));

    // Play slides the window forward a month at a time; pause stops it.
    driver.findElement(By.cssSelector("#timeline .play")).click();
    new WebDriverWait(driver, Duration.ofSeconds(5))
        .until(d -> d.getCurrentUrl().contains("t=2024-08-01/2024-09-30"));
    driver.findElement(By.cssSelector("#timeline .play")).click();
    assertThat(driver.findElement(By.cssSelector("#timeline .play")).getAttribute("aria-pressed"))
        .isEqualTo("false");
    assertThat(Browser.consoleErrors(driver)).isEmpty();
  }

  @Test
  void controlsAreReachableWithTheKeyboard() {
    load(1366, 768, "");
    for (String css :
        List.of(
            "input[data-layer]",
            "#timeline input[type=range]",
            "#timeline button",
            "#event-list button",
            ".measure-button",
            ".leaflet-control-zoom-in",
            "#legend > summary",
            ".settings > summary",
            "#online-basemap")) {
      for (var e : driver.findElements(By.cssSelector(css))) {
        assertThat(((Number) run("return arguments[0].tabIndex", e)).intValue())
            .as(css)
            .isNotNegative();
      }
      assertThat(count(css)).as(css).isPositive();
    }
    // Tabbing from the page start reaches the layer panel.
    boolean reached = false;
    for (int i = 0; i < 80 && !reached; i++) {
      driver.switchTo().activeElement().sendKeys(Keys.TAB);
      reached = driver.switchTo().activeElement().getAttribute("data-layer") != null;
    }
    assertThat(reached).as("a layer checkbox is reached by Tab").isTrue();
  }

  @Test
  void permalinkRestoresViewLayersAndTimeWindow() {
    load(1366, 768, "");
    driver.findElement(By.cssSelector("input[data-layer='rivers']")).click();
    driver.findElement(By.cssSelector("input[data-layer='aes-territory']")).click();
    run(
        "const [a,b]=document.querySelectorAll('#timeline input[type=range]');"
            + "a.value=2023*12+9; a.dispatchEvent(new Event('input'));"
            + "b.value=2023*12+10; b.dispatchEvent(new Event('input'));");
    run("document.getElementById('map'); window.dispatchEvent(new Event('x'));");
    String url = driver.getCurrentUrl();
    assertThat(url).contains("t=2023-10-01/2023-11-30").doesNotContain("aes-territory");
    long shown = waitForList(expectedEvents("2023-10-01", "2023-11-30"));

    driver.get("about:blank");
    load(1366, 768, url.substring(url.indexOf('#')));
    assertThat(driver.getCurrentUrl()).isEqualTo(url);
    assertThat(driver.findElement(By.cssSelector("input[data-layer='rivers']")).isSelected())
        .isFalse();
    assertThat(driver.findElement(By.cssSelector("input[data-layer='kidal']")).isSelected())
        .isTrue();
    assertThat(count(".leaflet-mission-aes-territory-pane path")).isZero();
    // The legend lists what is drawn: no AES entry once the layer is hidden.
    assertThat(count("#legend [data-layer='aes-territory']")).isZero();
    assertThat(count("#legend [data-layer='kidal'] .legend-entry")).isEqualTo(3);
    assertThat(waitForList(expectedEvents("2023-10-01", "2023-11-30"))).isEqualTo(shown);
    assertThat(Browser.consoleErrors(driver)).isEmpty();
  }

  @Test
  void eventListAndMarkersStayInStepAndPopupsFormatForPeople() {
    // A view wide enough to hold Moscow, so the event is in the list of events in view.
    load(1366, 768, "#map=3/35/15");
    String id = "pnd-2024-02-diop-lavrov-moscow"; // late February 2024, in Moscow
    assertThat(count("#event-list li[data-event='" + id + "']")).as("fixture event").isEqualTo(1);
    driver.findElement(By.cssSelector("#event-list li[data-event='" + id + "'] button")).click();
    String popup = waitFor(".leaflet-popup-content").getText();
    assertThat(popup).contains("late February 2024").contains("Moscow").contains("Actors");
    // The cited passage, from the server's copy of the document, named as a reader cites it.
    String title = org.sahelmap.events.CuratedEvents.documents().get(0).title();
    assertThat(waitFor(".popup-passage cite").getText())
        .startsWith("— " + title + ", ")
        .contains(", paragraph ");
    assertThat(waitFor(".popup-passage").getText()).hasSizeGreaterThan(40);
    assertThat(driver.getCurrentUrl()).contains("event=" + id);
    // The list is asked again once the map has flown to the event, so its item is found afresh.
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(
            d ->
                d.findElement(By.cssSelector("#event-list li[data-event='" + id + "']"))
                    .getAttribute("class")
                    .contains("selected"));

    // Hovering an event's symbol on the map highlights its list item. Close the popup first:
    // while it is open the selected event has a DOM marker of its own above the symbol.
    run("document.querySelector('.leaflet-popup-close-button').click()");
    @SuppressWarnings("unchecked")
    java.util.Map<String, Number> at =
        (java.util.Map<String, Number>) run("return window.sahelMap.eventPoint(arguments[0])", id);
    assertThat(at).as("the event is drawn").isNotNull();
    var mapEl = driver.findElement(By.id("map"));
    new org.openqa.selenium.interactions.Actions(driver)
        .moveToElement(
            mapEl,
            (int) Math.round(at.get("x").doubleValue() - mapEl.getSize().getWidth() / 2.0),
            (int) Math.round(at.get("y").doubleValue() - mapEl.getSize().getHeight() / 2.0))
        .perform();
    new WebDriverWait(driver, Duration.ofSeconds(5))
        .until(d -> !d.findElements(By.cssSelector("#event-list li.highlight")).isEmpty());
    assertThat(driver.findElements(By.cssSelector("#event-list li.highlight")))
        .singleElement()
        .satisfies(li -> assertThat(li.getAttribute("data-event")).isEqualTo(id));

    // A mission feature's popup: distances in km with separators, the method of its collection.
    driver.get("about:blank");
    load(1366, 768, "#map=8/15.9/-0.2");
    run(
        "document.querySelector('.leaflet-mission-gao-intahaka-pane path:nth-of-type(2)')"
            + ".dispatchEvent(new MouseEvent('click', {bubbles: true}))");
    String mission = waitFor(".leaflet-popup-content").getText();
    assertThat(mission).contains("Gao and the Intahaka gold site").contains("Kind");
    waitFor(".popup-provenance summary").click();
    assertThat(waitFor(".leaflet-popup-content").getText())
        .contains("Method")
        .contains("Layer sources");
    assertThat(Browser.consoleErrors(driver)).isEmpty();
  }

  @Test
  void eventListSaysWhenItCouldNotLoadAndAsksAgainOnRetry() {
    load(1366, 768, "");
    long shown = waitForList(expectedEvents("0000-01-01", "9999-12-31"));
    // The browser refuses the list's requests (DevTools), as a dropped connection would.
    driver.executeCdpCommand("Network.enable", Map.of());
    driver.executeCdpCommand(
        "Network.setBlockedURLs", Map.of("urls", List.of("*/ogc/collections/events/items*")));
    run("window.sahelMap.map.panBy([40, 0], {animate: false})");
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(d -> d.findElement(By.id("event-status")).getText().contains("could not load"));

    driver.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of()));
    driver.findElement(By.cssSelector("#event-status button")).click();
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(d -> d.findElement(By.id("event-status")).getText().contains(" of "));
    assertThat(count("#event-list li[data-event]")).isGreaterThan(0).isLessThanOrEqualTo(shown);
  }

  @Test
  void aPanOrZoomAfterTheMapRestedIsDrawnFromTilesFetchedAhead() {
    load(1366, 768, "");
    for (String move :
        List.of(
            "m.panBy([300, 0], {animate: false})",
            "m.setZoom(m.getZoom() + 1, {animate: false})",
            "m.setZoom(m.getZoom() - 1, {animate: false})")) {
      waitForPrefetch();
      Object asked =
          Browser.js(driver)
              .executeAsyncScript(
                  "const done = arguments[arguments.length - 1]; const m = window.sahelMap.map;"
                      + " performance.clearResourceTimings(); "
                      + move
                      + "; window.sahelMap.eventsDrawn().then(() => done(performance"
                      + ".getEntriesByType('resource').filter(e => e.name.includes('/tiles/WebMercatorQuad/')).length));");
      assertThat(((Number) asked).intValue())
          .as("tiles asked of the server after " + move)
          .isZero();
      assertThat(((Number) eventStats().get("tiles")).intValue()).isGreaterThan(0);
    }
    // What was fetched ahead is what the tiles show: the same events as a fresh look would draw.
    assertThat(drawnEvents()).isEqualTo(expectedInTiles("0000-01-01", "9999-12-31"));
  }

  private void waitForPrefetch() {
    new WebDriverWait(driver, Duration.ofSeconds(20))
        .until(
            d -> {
              Map<?, ?> p = (Map<?, ?>) eventStats().get("prefetch");
              return Boolean.TRUE.equals(p.get("done"));
            });
  }

  @Test
  void measureToolGivesAGeodesicDistance() {
    load(1366, 768, "#map=6/17/0&layers=countries");
    driver.findElement(By.cssSelector(".measure-button")).click();
    var map = driver.findElement(By.id("map"));
    new org.openqa.selenium.interactions.Actions(driver)
        .moveToElement(map, -200, 0)
        .click()
        .moveToElement(map, 200, 0)
        .click()
        .perform();
    String readout = waitFor(".measure-readout").getText();
    assertThat(readout).matches("[0-9,.]+ km");
    // 400 px at zoom 6 near 17°N is about 400 * 2.35 km.
    double km = Double.parseDouble(readout.replace(" km", "").replace(",", ""));
    assertThat(km).isBetween(800.0, 1000.0);
    assertThat(Browser.consoleErrors(driver)).isEmpty();
  }

  @Test
  void aCitationOpensInTheReaderWithItsParagraphHighlightedAndItsPassageMarked() throws Exception {
    load(1366, 768, "#map=3/35/15");
    String id = "pnd-2024-02-diop-lavrov-moscow";
    driver.findElement(By.cssSelector("#event-list li[data-event='" + id + "'] button")).click();
    String href = waitFor(".popup-read").getAttribute("href");
    var citation =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(
                java.net.http.HttpClient.newHttpClient()
                    .send(
                        java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create(
                                    base + "ogc/collections/events/items/" + id + "/citation"))
                            .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString())
                    .body());
    driver.get(href);
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(d -> "true".equals(run("return document.body.dataset.ready")));
    var cited = driver.findElements(By.cssSelector(".reader-paragraph.cited"));
    assertThat(cited).hasSize(1);
    assertThat(cited.get(0).getAttribute("data-paragraph"))
        .isEqualTo(citation.path("paragraph").asText());
    assertThat(driver.findElement(By.cssSelector(".reader-paragraph.cited mark")).getText())
        .isEqualTo(citation.path("passage").asText());
    assertThat(driver.findElement(By.tagName("h1")).getText())
        .isEqualTo(citation.at("/document/title").asText());
    assertThat(
            run(
                "const r = document.querySelector('.cited').getBoundingClientRect();"
                    + " return r.top >= 0 && r.top < innerHeight"))
        .as("scrolled to the cited paragraph")
        .isEqualTo(true);
    assertThat(Browser.consoleErrors(driver)).isEmpty();
  }

  private org.openqa.selenium.WebElement waitFor(String css) {
    return new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(
            d ->
                d.findElements(By.cssSelector(css)).stream()
                    .filter(e -> e.isDisplayed())
                    .findFirst()
                    .orElse(null));
  }

  @Test
  void placeNamesNeverOverprintAndTwinTownsAreNamedOnce() throws Exception {
    // Views where names crowd: Tinzaouaten beside Algeria's Tin Zaouatine, Bamako and Kati, Diré
    // and Goundam, and Kidal and Gao (each both a town and a mission place).
    String[][] views = {
      {"7/19.6/2.4", "Tinzaouaten"},
      {"9/19.96/2.9", "Tinzaouaten"},
      {"8/12.7/-8.0", "Bamako"},
      {"9/12.7/-8.0", "Kati"},
      {"8.5/16.3/-3.5", "Diré"},
      {"9/16.35/-3.55", "Goundam"},
      {"7/17.5/0.6", "Kidal"},
      {"5/17.0/-1.5", "Gao"},
    };
    for (String[] v : views) {
      if (driver != null) {
        driver.get("about:blank"); // a new hash alone would not reload the page
      }
      load(1366, 768, "#map=" + v[0]);
      Thread.sleep(400); // labels are placed just after the map stops
      List<String> shown = Labels.shown(driver);
      assertThat(shown).as("labels at %s", v[0]).contains(v[1]);
      assertThat(Labels.overprinted(driver)).as("overprinted at %s", v[0]).isEmpty();
      for (String twin : List.of("Kidal", "Gao", "Tinzaouaten")) {
        assertThat(shown.stream().filter(twin::equals).count())
            .as("%s named at %s", twin, v[0])
            .isLessThanOrEqualTo(1);
      }
    }
  }

  /**
   * Countries and Mali's regions are named on the basemap, each name inside its own area (checked
   * against the shipped outlines with JTS, not the page's maths), at the zooms where they help.
   */
  @Test
  void countriesAndRegionsAreNamedInsideThemselves() throws Exception {
    Map<String, Geometry> countries = outlines("data/geo/countries.geojson");
    Map<String, Geometry> regions = outlines("data/geo/mali-regions.geojson");
    load(1366, 768, "#map=5/17.0/-1.5");
    Thread.sleep(400);
    List<Map<String, Object>> shown = Labels.areas(driver);
    assertThat(shown).extracting(a -> a.get("name")).contains("Mali", "Niger", "Algeria");
    assertInside(shown, countries);
    assertThat(Labels.overprinted(driver)).isEmpty();

    driver.get("about:blank");
    load(1366, 768, "#map=7/18.5/-1.0");
    Thread.sleep(400);
    shown = Labels.areas(driver);
    assertThat(shown)
        .extracting(a -> a.get("name"))
        .contains("Timbuktu", "Gao")
        .doesNotContain("Mali");
    assertInside(shown, regions);
    assertThat(Labels.overprinted(driver)).isEmpty();

    driver.get("about:blank");
    load(1366, 768, "#map=11/18.44/1.41");
    Thread.sleep(400);
    assertThat(Labels.areas(driver)).as("no area names over a town's streets").isEmpty();
  }

  /**
   * At zoom 4 the AES capitals sit at the middles of their countries' names: the capitals are
   * named, the country names that move aside for them stay inside their countries, and no regional
   * capital shows a dot without its name (those are named from zoom 5).
   */
  @Test
  void capitalsAreNamedAtZoomFourOnDesktopAndPhone() throws Exception {
    Map<String, Geometry> countries = outlines("data/geo/countries.geojson");
    for (int[] size : new int[][] {{1280, 720}, {390, 844}}) {
      driver = Browser.open(size[0], size[1]);
      load(size[0], size[1], "#map=4/15.0/-2.0");
      Thread.sleep(400);
      String at = size[0] + "x" + size[1];
      assertThat(Labels.shown(driver))
          .as("capitals at %s", at)
          .contains("Bamako", "Niamey", "Ouagadougou");
      List<Map<String, Object>> areas = Labels.areas(driver);
      assertThat(areas).extracting(a -> a.get("name")).as("countries at %s", at).contains("Mali");
      assertInside(areas, countries);
      assertThat(Labels.overprinted(driver)).as("overprinted at %s", at).isEmpty();
      assertThat(
              run(
                  "return [...document.querySelectorAll('.place-dot.kind-regional_capital')]"
                      + ".filter((d) => getComputedStyle(d).display !== 'none').length"))
          .as("regional capitals' dots at %s", at)
          .isEqualTo(0L);
      driver.quit();
      driver = null;
    }
  }

  /**
   * The Niger and the Senegal are named along their own lines (checked against the shipped file
   * with JTS), clear of every other name, at the zooms where a river shapes the view, and not at
   * all when the rivers are switched off.
   */
  @Test
  void riversAreNamedAlongThemselves() throws Exception {
    Map<String, Geometry> rivers = outlines("data/geo/rivers.geojson");
    String basemap = "countries,mali-regions,places,lakes";
    for (String view : List.of("6/14.5/-4", "9/16.2/-0.3")) {
      if (driver != null) {
        driver.get("about:blank");
      }
      load(1366, 768, "#map=" + view + "&layers=" + basemap + ",rivers");
      Thread.sleep(400);
      List<Map<String, Object>> named = Labels.rivers(driver);
      assertThat(named).extracting(r -> r.get("name")).as("at %s", view).contains("Niger");
      for (Map<String, Object> r : named) {
        Point middle =
            new GeometryFactory()
                .createPoint(
                    new Coordinate(
                        ((Number) r.get("lon")).doubleValue(),
                        ((Number) r.get("lat")).doubleValue()));
        // Written across its line: the middle of the text within a few pixels of it (a pixel is
        // about 2.3 km at zoom 6).
        assertThat(Geodesy.distanceKm(middle, rivers.get((String) r.get("name"))))
            .as("%s at %s", r, view)
            .isLessThan(10);
      }
      assertThat(Labels.overprinted(driver)).as("overprinted at %s", view).isEmpty();
    }
    driver.get("about:blank");
    load(1366, 768, "#map=6/14.5/-4&layers=" + basemap);
    Thread.sleep(400);
    assertThat(Labels.rivers(driver)).as("rivers switched off").isEmpty();
    assertThat(Labels.shown(driver)).contains("Mopti");
  }

  /**
   * The shaded relief: the image loads, lies on the bounds its relief.json gives, sits over the
   * land fill and under every line, fades when zoomed past its detail, goes with the countries'
   * layer, and follows its Settings checkbox, which this browser remembers.
   */
  @Test
  void reliefLiesOnTheLandUnderTheLinesAndFollowsItsSetting() throws Exception {
    JsonNode bounds =
        new ObjectMapper()
            .readTree(DevData.repoRoot().resolve("web/img/relief.json").toFile())
            .get("bounds");
    String relief =
        "const img = document.querySelector('img.relief'); if (!img) return null;"
            + "const m = window.sahelMap.map, c = m.getContainer().getBoundingClientRect();"
            + "const r = img.getBoundingClientRect();"
            + "const nw = m.latLngToContainerPoint([arguments[2], arguments[1]]);"
            + "const se = m.latLngToContainerPoint([arguments[0], arguments[3]]);"
            + "const z = (css) => Number(getComputedStyle(document.querySelector(css)).zIndex);"
            + "return { loaded: img.complete && img.naturalWidth > 0,"
            + " opacity: Number(getComputedStyle(img).opacity),"
            + " off: Math.max(Math.abs(r.left - c.left - nw.x), Math.abs(r.top - c.top - nw.y),"
            + "  Math.abs(r.right - c.left - se.x), Math.abs(r.bottom - c.top - se.y)),"
            + " above: z('.leaflet-relief-pane') - z('.leaflet-context-countries-pane'),"
            + " below: Math.min(z('.leaflet-context-mali-regions-pane'), z('.leaflet-context-rivers-pane'),"
            + "  z('.leaflet-mission-aes-territory-pane')) - z('.leaflet-relief-pane') }";
    Object[] box = {
      bounds.get(0).get(0).asDouble(),
      bounds.get(0).get(1).asDouble(),
      bounds.get(1).get(0).asDouble(),
      bounds.get(1).get(1).asDouble()
    };
    load(1366, 768, "#map=5/17/-1.5");
    Thread.sleep(400);
    @SuppressWarnings("unchecked")
    Map<String, Object> shown = (Map<String, Object>) run(relief, box);
    assertThat(shown).as("a relief image").isNotNull();
    assertThat(shown.get("loaded")).isEqualTo(true);
    assertThat(((Number) shown.get("opacity")).doubleValue()).isEqualTo(1.0);
    assertThat(((Number) shown.get("off")).doubleValue()).as("px off its bounds").isLessThan(1.5);
    assertThat(((Number) shown.get("above")).longValue()).as("over the land fill").isPositive();
    assertThat(((Number) shown.get("below")).longValue()).as("under the lines").isPositive();

    run("window.sahelMap.map.setZoom(10, { animate: false })");
    Thread.sleep(300);
    assertThat(opacity(relief, box)).as("faded at zoom 10").isBetween(0.2, 0.6);

    driver.findElement(By.cssSelector(".settings > summary")).click();
    driver.findElement(By.id("relief")).click();
    assertThat(opacity(relief, box)).as("turned off").isZero();
    driver.navigate().refresh();
    Browser.waitReady(driver);
    assertThat(driver.findElement(By.id("relief")).isSelected()).as("remembered").isFalse();
    assertThat(opacity(relief, box)).as("still off after a reload").isZero();
    driver.findElement(By.cssSelector(".settings > summary")).click();
    driver.findElement(By.id("relief")).click();
    run("window.sahelMap.map.setZoom(5, { animate: false })");
    Thread.sleep(300);
    assertThat(opacity(relief, box)).as("on again, at zoom 5").isEqualTo(1.0);

    driver.findElement(By.cssSelector("input[data-layer='countries']")).click();
    assertThat(run(relief, box)).as("gone with the countries' layer").isNull();
  }

  @SuppressWarnings("unchecked")
  private double opacity(String relief, Object[] box) {
    return ((Number) ((Map<String, Object>) run(relief, box)).get("opacity")).doubleValue();
  }

  private static Map<String, Geometry> outlines(String file) throws Exception {
    JsonNode fc = new ObjectMapper().readTree(Files.readString(DevData.repoRoot().resolve(file)));
    GeoJsonReader reader = new GeoJsonReader();
    Map<String, Geometry> out = new HashMap<>();
    for (JsonNode f : fc.get("features")) {
      if (!f.get("properties").has("name")) {
        continue; // most rivers are unnamed (data/SOURCES.md)
      }
      // Repaired as the server repairs what it serves (layers.ContextLayers): a few neighbours'
      // rings touch themselves in the file, and JTS cannot test containment in those.
      Geometry outline = reader.read(f.get("geometry").toString());
      out.put(f.get("properties").get("name").asText(), Geo.valid(outline));
    }
    return out;
  }

  private static void assertInside(List<Map<String, Object>> shown, Map<String, Geometry> areas) {
    GeometryFactory gf = new GeometryFactory();
    for (Map<String, Object> a : shown) {
      Geometry area = areas.get((String) a.get("name"));
      assertThat(area).as("an area named %s", a.get("name")).isNotNull();
      Point p =
          gf.createPoint(
              new Coordinate(
                  ((Number) a.get("lon")).doubleValue(), ((Number) a.get("lat")).doubleValue()));
      assertThat(area.contains(p)).as("%s written inside itself (%s)", a.get("name"), p).isTrue();
    }
  }

  @Test
  void writesScreenshotsOfTheFullMap() throws Exception {
    Path dir = Path.of("target", "screenshots");
    Files.createDirectories(dir);
    for (int[] size : new int[][] {{1366, 768}, {1920, 1080}}) {
      driver = Browser.open(size[0], size[1]);
      load(size[0], size[1], "");
      Thread.sleep(500);
      Path png = dir.resolve("map-" + size[0] + "x" + size[1] + ".png");
      Files.write(png, driver.getScreenshotAs(OutputType.BYTES));
      assertThat(Files.size(png)).isGreaterThan(20_000);
      assertThat(Browser.consoleErrors(driver)).isEmpty();
      driver.quit();
      driver = null;
    }
    // A close-up of the north with an event popup open, to look at labels, hatching and popups.
    driver = Browser.open(1366, 768);
    load(1366, 768, "#map=7/18.9/0.6&event=pnd-2024-07-tinzaouaten-defeat");
    waitFor(".leaflet-popup-content");
    Thread.sleep(500);
    Files.write(dir.resolve("north-popup-1366x768.png"), driver.getScreenshotAs(OutputType.BYTES));
    assertThat(Browser.consoleErrors(driver)).isEmpty();
  }

  /** Fixture events overlapping the window and inside the box the page's list is about. */
  private long expectedEvents(String from, String to) {
    @SuppressWarnings("unchecked")
    List<Number> box = (List<Number>) run("return window.sahelMap.listBox()");
    long n = 0;
    for (JsonNode f : events.get("features")) {
      JsonNode c = f.get("geometry").get("coordinates");
      double lon = c.get(0).asDouble();
      double lat = c.get(1).asDouble();
      if (inWindow(f, from, to)
          && lon >= box.get(0).doubleValue()
          && lat >= box.get(1).doubleValue()
          && lon <= box.get(2).doubleValue()
          && lat <= box.get(3).doubleValue()) {
        n++;
      }
    }
    return n;
  }

  /** Fixture events overlapping the window whose point lies in one of the tiles the map loaded. */
  private long expectedInTiles(String from, String to) {
    java.util.Set<String> keys = new java.util.HashSet<>(tileKeys());
    long n = 0;
    for (JsonNode f : events.get("features")) {
      JsonNode c = f.get("geometry").get("coordinates");
      String z = keys.iterator().next().split("/")[0];
      if (inWindow(f, from, to)
          && keys.contains(
              tileKey(c.get(0).asDouble(), c.get(1).asDouble(), Integer.parseInt(z)))) {
        n++;
      }
    }
    return n;
  }

  private static boolean inWindow(JsonNode f, String from, String to) {
    JsonNode p = f.get("properties");
    return p.get("start").asText().compareTo(to) <= 0 && p.get("end").asText().compareTo(from) >= 0;
  }

  /** The Web Mercator tile (z/x/y, XYZ scheme) holding a point. */
  static String tileKey(double lon, double lat, int z) {
    double n = Math.pow(2, z);
    int x = (int) Math.floor((lon + 180) / 360 * n);
    double r = Math.toRadians(lat);
    int y = (int) Math.floor((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2 * n);
    return z + "/" + x + "/" + y;
  }

  @SuppressWarnings("unchecked")
  private java.util.Map<String, Object> eventStats() {
    new WebDriverWait(driver, Duration.ofSeconds(20))
        .until(
            d ->
                Boolean.TRUE.equals(
                    run("const s = window.sahelMap.events(); return !s.loading && s.tiles > 0")));
    return (java.util.Map<String, Object>) run("return window.sahelMap.events()");
  }

  @SuppressWarnings("unchecked")
  private List<String> tileKeys() {
    return (List<String>) eventStats().get("tileKeys");
  }

  /** Events drawn on the map: individual ones plus those inside clusters, counted once each. */
  private long drawnEvents() {
    var s = eventStats();
    return ((Number) s.get("events")).longValue() + ((Number) s.get("clustered")).longValue();
  }

  /** Waits for the list to show the expected number of events, and returns it. */
  private long waitForList(long expected) {
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(d -> count("#event-list li[data-event]") == Math.min(50, expected));
    return count("#event-list li[data-event]");
  }
}
