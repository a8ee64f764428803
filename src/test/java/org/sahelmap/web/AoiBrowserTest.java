package org.sahelmap.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sahelmap.store.Database;
import org.sahelmap.testing.Browser;
import org.sahelmap.testing.LiveApp;
import org.sahelmap.testing.NeedsBrowser;
import org.sahelmap.testing.TestAccounts;

/** Areas of interest in the real page: drawn with Leaflet.draw by clicking, saved, analysed. */
@NeedsBrowser
class AoiBrowserTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static LiveApp live;
  static Database db;
  static Javalin app;
  static String base;
  ChromeDriver driver;

  @BeforeAll
  static void startApp() throws Exception {
    live = LiveApp.start();
    db = live.db();
    app = live.app();
    base = live.base();
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

  private void load(String hash) {
    if (driver == null) {
      driver = Browser.open(1366, 768);
      live.signIn(driver, TestAccounts.ANALYST);
    }
    driver.get(base + hash);
    Browser.waitReady(driver);
    openAoiPanel();
    assertThat(Browser.js(driver).executeScript("return document.body.dataset.ready"))
        .isEqualTo("true");
  }

  private long count(String css) {
    return driver.findElements(By.cssSelector(css)).size();
  }

  private WebElement waitFor(String css) {
    return new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(
            d ->
                d.findElements(By.cssSelector(css)).stream()
                    .filter(WebElement::isDisplayed)
                    .findFirst()
                    .orElse(null));
  }

  private void waitText(String css, String text) {
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .withMessage(
            () ->
                "'"
                    + text
                    + "' in "
                    + css
                    + "; the page's AOI messages: "
                    + driver.findElements(By.cssSelector(".aoi-message")).stream()
                        .map(WebElement::getText)
                        .toList())
        .until(
            d ->
                d.findElements(By.cssSelector(css)).stream()
                    .anyMatch(e -> e.isDisplayed() && e.getText().contains(text)));
  }

  /** The panel is folded by default (the event list keeps its room); open it as a user would. */
  private void openAoiPanel() {
    driver.findElement(By.cssSelector("#aoi-details > summary")).click();
  }

  private WebElement aoiItem(String name) {
    return new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(
            d ->
                d.findElements(By.cssSelector("#aoi-panel li[data-aoi]")).stream()
                    .filter(li -> li.getText().contains(name))
                    .findFirst()
                    .orElse(null));
  }

  @Test
  void drawsAPolygonByClickingNamesItAndFindsItAfterAReload() throws Exception {
    load("#map=7/17.5/0.5");
    driver.findElement(By.cssSelector(".leaflet-draw-draw-polygon")).click();
    WebElement map = driver.findElement(By.id("map"));
    new Actions(driver)
        .moveToElement(map, -160, -110)
        .click()
        .pause(150)
        .moveToElement(map, 140, -120)
        .click()
        .pause(150)
        .moveToElement(map, 150, 100)
        .click()
        .pause(150)
        .moveToElement(map, -140, 120)
        .click()
        .pause(150)
        .moveToElement(map, -160, -110) // the first vertex again closes the polygon
        .click()
        .perform();
    WebElement name = waitFor("#aoi-name");
    assertThat(driver.switchTo().activeElement()).isEqualTo(name);
    // Stored as typed, shown as text: markup in a name is never parsed.
    String typed = "Tessalit <b>north</b> & wells";
    name.sendKeys(typed);
    driver.findElement(By.id("aoi-notes")).sendKeys("Drawn in the browser test.");
    driver.findElement(By.id("aoi-tags")).sendKeys("north, test");
    driver.findElement(By.cssSelector(".aoi-form button[type=submit]")).click();
    waitText(".aoi-message", "Saved");
    assertThat(count(".leaflet-aois-pane path")).isEqualTo(aoiCount());

    JsonNode saved = aoiNamed(typed);
    assertThat(saved.at("/properties/name").asText()).isEqualTo(typed);
    assertThat(saved.at("/properties/tags").toString()).isEqualTo("[\"north\",\"test\"]");
    assertThat(saved.at("/geometry/coordinates/0").size()).isEqualTo(5);
    assertThat(saved.get("properties").has("radius_m")).as("a polygon has no radius").isFalse();

    driver.navigate().refresh();
    Browser.waitReady(driver);
    openAoiPanel();
    WebElement item = aoiItem(typed);
    assertThat(item.findElement(By.cssSelector(".aoi-item-name")).getText()).isEqualTo(typed);
    assertThat(count("#aoi-panel b")).isZero();
    assertThat(count(".leaflet-aois-pane path")).isEqualTo(aoiCount()).isPositive();
    assertThat(count("#legend [data-layer='aois'] .legend-entry")).isEqualTo(1);

    item.findElement(By.cssSelector(".aoi-item")).click();
    waitFor(".aoi-figures");
    String area =
        driver
            .findElement(
                By.xpath("//dl[@class='aoi-figures']/dt[.='Area']/following-sibling::dd[1]"))
            .getText();
    assertThat(area).endsWith(" km²");
    assertThat(Double.parseDouble(area.replace(" km²", "").replace(",", ""))).isPositive();
    assertThat(driver.findElement(By.cssSelector(".aoi-overlaps")).getText()).contains("Kidal");
    assertThat(driver.findElement(By.id("aoi-name")).getAttribute("value")).isEqualTo(typed);

    Path dir = Path.of("target", "screenshots");
    Files.createDirectories(dir);
    Thread.sleep(1200); // the fly-to animation
    Files.write(dir.resolve("aoi-analysis.png"), driver.getScreenshotAs(OutputType.BYTES));
    assertThat(Browser.consoleErrors(driver)).isEmpty();
  }

  @Test
  void rectanglesAndCirclesAreSavedAsPolygonsTheCircleWithItsRadius() throws Exception {
    load("#map=7/16.5/-2");
    WebElement map = driver.findElement(By.id("map"));
    driver.findElement(By.cssSelector(".leaflet-draw-draw-rectangle")).click();
    new Actions(driver)
        .moveToElement(map, -200, -120)
        .clickAndHold()
        .moveByOffset(60, 40)
        .moveByOffset(60, 40)
        .release()
        .perform();
    waitFor("#aoi-name").sendKeys("Drawn rectangle");
    driver.findElement(By.cssSelector(".aoi-form button[type=submit]")).click();
    waitText(".aoi-message", "Saved");
    JsonNode rect = aoiNamed("Drawn rectangle");
    assertThat(rect.at("/geometry/coordinates/0").size()).isEqualTo(5);
    assertThat(rect.get("properties").has("radius_m")).isFalse();

    driver.findElement(By.cssSelector(".leaflet-draw-draw-circle")).click();
    new Actions(driver)
        .moveToElement(map, 150, 60)
        .clickAndHold()
        .moveByOffset(40, 0)
        .moveByOffset(40, 0)
        .release()
        .perform();
    waitFor("#aoi-name").sendKeys("Drawn circle");
    assertThat(driver.findElement(By.cssSelector(".aoi-meta")).getText()).contains("radius");
    driver.findElement(By.cssSelector(".aoi-form button[type=submit]")).click();
    waitText(".aoi-message", "Saved “Drawn circle”");
    JsonNode circle = aoiNamed("Drawn circle");
    assertThat(circle.at("/geometry/type").asText()).isEqualTo("Polygon");
    assertThat(circle.at("/geometry/coordinates/0").size()).isEqualTo(65);
    // 80 px at zoom 7 is about 80 * 1.17 km.
    assertThat(circle.at("/properties/radius_m").asDouble()).isBetween(70_000.0, 115_000.0);
    assertThat(count(".leaflet-aois-pane path")).isEqualTo(aoiCount());
    assertThat(Browser.consoleErrors(driver)).isEmpty();
  }

  @Test
  void aStaleSaveTellsTheAnalystAndReloadBringsTheCurrentVersion() throws Exception {
    String id = create("Conflict test area", "[[[0,18],[1,18],[1,19],[0,19],[0,18]]]");
    load("#map=6/18/0.5");
    aoiItem("Conflict test area").findElement(By.cssSelector(".aoi-item")).click();
    waitFor(".aoi-figures");
    // Someone else saves version 2 behind the page's back.
    HttpResponse<String> put =
        send(
            HttpRequest.newBuilder(URI.create(base + "ogc/collections/aois/items/" + id))
                .header("If-Match", "\"1\"")
                .header("Authorization", TestAccounts.analystNamed(db, "moussa"))
                .header("Content-Type", "application/geo+json")
                .PUT(
                    HttpRequest.BodyPublishers.ofString(
                        feature("Renamed by Moussa", "[[[0,18],[1,18],[1,19],[0,19],[0,18]]]"))));
    assertThat(put.statusCode()).isEqualTo(200);

    WebElement name = driver.findElement(By.id("aoi-name"));
    name.clear();
    name.sendKeys("My stale edit");
    driver.findElement(By.cssSelector(".aoi-form button[type=submit]")).click();
    waitText(".aoi-message.error", "version 2");
    assertThat(driver.findElement(By.cssSelector(".aoi-message")).getText()).contains("moussa");
    driver
        .findElement(By.xpath("//div[contains(@class,'aoi-message')]/button[.='Reload']"))
        .click();
    waitText(".aoi-message", "Reloaded");
    assertThat(driver.findElement(By.id("aoi-name")).getAttribute("value"))
        .isEqualTo("Renamed by Moussa");
    // Saved again from the reloaded version, it goes through.
    name = driver.findElement(By.id("aoi-name"));
    name.clear();
    name.sendKeys("Agreed name");
    driver.findElement(By.cssSelector(".aoi-form button[type=submit]")).click();
    waitText(".aoi-message", "Saved");
    assertThat(getJson("/ogc/collections/aois/items/" + id).at("/properties/version").asInt())
        .isEqualTo(3);
    // The only console errors are the 412 the page handled.
    assertThat(Browser.consoleErrors(driver)).allMatch(m -> m.contains("412"));
  }

  @Test
  void theMoveHandleMovesAnAreaAndTheToolbarSaveStoresIt() throws Exception {
    String id = create("Move test area", "[[[-4,15],[-3,15],[-3,16],[-4,16],[-4,15]]]");
    load("#map=7/15.5/-3.5");
    driver.findElement(By.cssSelector(".leaflet-draw-edit-edit")).click();
    // Earlier tests of this class leave their own areas (and handles) on the map: take this one's.
    WebElement handle = waitFor(".aoi-move-handle[data-aoi='" + id + "']");
    new Actions(driver)
        .clickAndHold(handle)
        .moveByOffset(30, 0)
        .moveByOffset(30, 0)
        .release()
        .perform();
    driver
        .findElement(By.xpath("//ul[contains(@class,'leaflet-draw-actions')]//a[.='Save']"))
        .click();
    waitText(".aoi-message", "Saved the new shape");
    JsonNode moved = getJson("/ogc/collections/aois/items/" + id);
    assertThat(moved.at("/properties/version").asInt()).isEqualTo(2);
    // 60 px east at zoom 7 is about half a degree.
    assertThat(moved.at("/geometry/coordinates/0/0/0").asDouble()).isBetween(-3.8, -3.2);
    assertThat(Browser.consoleErrors(driver)).isEmpty();
  }

  @Test
  void deleteCanBeUndone() throws Exception {
    String id = create("Undo test area", "[[[2,17],[3,17],[3,18],[2,18],[2,17]]]");
    load("#map=6/18/0.5");
    aoiItem("Undo test area").findElement(By.cssSelector(".aoi-item")).click();
    waitFor(".aoi-figures");
    driver.findElement(By.cssSelector(".aoi-delete")).click();
    waitText(".aoi-message", "Deleted");
    assertThat(count("#aoi-panel li[data-aoi='" + id + "']")).isZero();
    assertThat(status("/ogc/collections/aois/items/" + id)).isEqualTo(410);
    driver.findElement(By.xpath("//div[contains(@class,'aoi-message')]/button[.='Undo']")).click();
    waitText(".aoi-message", "Restored");
    assertThat(count("#aoi-panel li[data-aoi='" + id + "']")).isEqualTo(1);
    assertThat(status("/ogc/collections/aois/items/" + id)).isEqualTo(200);
    assertThat(Browser.consoleErrors(driver)).isEmpty();
  }

  @Test
  void aDroppedGeoJsonFileIsImportedFeatureByFeatureWithReasons() {
    load("#map=6/18/0.5");
    String file =
        "{\"type\":\"FeatureCollection\",\"features\":["
            + feature("Dropped square", "[[[-2,16],[-1,16],[-1,17],[-2,17],[-2,16]]]")
            + ",{\"type\":\"Feature\",\"properties\":{\"name\":\"A point\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":[0,17]}}"
            + ","
            + feature("Bow tie", "[[[0,0],[1,1],[1,0],[0,1],[0,0]]]")
            + "]}";
    Browser.js(driver)
        .executeScript(
            "const dt = new DataTransfer();"
                + "dt.items.add(new File([arguments[0]], 'areas.geojson', {type: 'application/geo+json'}));"
                + "document.getElementById('map').dispatchEvent(new DragEvent('drop', {dataTransfer: dt, bubbles: true, cancelable: true}));",
            file);
    waitText(".aoi-message", "Imported 1 of 3");
    String message = driver.findElement(By.cssSelector(".aoi-message")).getText();
    assertThat(message)
        .contains("A point")
        .contains("Point geometry is not an area")
        .contains("Bow tie")
        .contains("InvalidGeometry");
    assertThat(aoiItem("Dropped square")).isNotNull();
    // Export links: all, and the ticked ones.
    String all =
        driver
            .findElement(By.xpath("//div[@class='aoi-exports']/a[.='Export all']"))
            .getAttribute("href");
    assertThat(all).contains("/ogc/collections/aois/export");
    aoiItem("Dropped square").findElement(By.cssSelector("input[type=checkbox]")).click();
    String ticked =
        driver
            .findElement(By.xpath("//div[@class='aoi-exports']/a[.='Export ticked']"))
            .getAttribute("href");
    assertThat(ticked).contains("ids=aoi-");
  }

  @Test
  void aKmlFileChosenWithTheImportButtonBecomesAreasAndANonMapFileIsNamedAsSuch() {
    load("#map=6/18/0.5");
    // Written for this test: one polygon placemark and one point placemark.
    String kml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><kml xmlns=\"http://www.opengis.net/kml/2.2\">"
            + "<Document><Placemark><name>KML square</name><Polygon><outerBoundaryIs><LinearRing>"
            + "<coordinates>-3,15 -2,15 -2,16 -3,16 -3,15</coordinates></LinearRing></outerBoundaryIs>"
            + "</Polygon></Placemark><Placemark><name>KML point</name><Point><coordinates>0,17"
            + "</coordinates></Point></Placemark></Document></kml>";
    String choose =
        "const dt = new DataTransfer(); dt.items.add(new File([arguments[0]], arguments[1]));"
            + " const input = document.getElementById('aoi-file'); input.files = dt.files;"
            + " input.dispatchEvent(new Event('change'));";
    assertThat(driver.findElement(By.cssSelector(".aoi-import")).isDisplayed()).isTrue();
    Browser.js(driver).executeScript(choose, kml, "sites.kml");
    waitText(".aoi-message", "Imported 1 of 2");
    assertThat(driver.findElement(By.cssSelector(".aoi-message")).getText())
        .contains("KML point")
        .contains("Point geometry is not an area");
    assertThat(aoiItem("KML square")).isNotNull();

    Browser.js(driver).executeScript(choose, "Minutes of the meeting, 3 May", "notes.txt");
    waitText(".aoi-message", "Could not import notes.txt");
    assertThat(driver.findElement(By.cssSelector(".aoi-message")).getText())
        .contains("not a map file we read")
        .contains("KML (.kml)");
    Browser.js(driver).executeScript(choose, "<kml><Placemark>", "broken.kml");
    waitText(".aoi-message", "not valid KML");
    assertThat(Browser.consoleErrors(driver)).isEmpty();
  }

  private static String feature(String name, String rings) {
    return "{\"type\":\"Feature\",\"properties\":{\"name\":\""
        + name
        + "\"},"
        + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
        + rings
        + "}}";
  }

  @Test
  void aBriefingSlideHighlightsTheAoisItNames() throws Exception {
    String id =
        create(
            "Slide highlight area", "[[[0.5,17.5],[1.5,17.5],[1.5,18.5],[0.5,18.5],[0.5,17.5]]]");
    String other =
        create("Not on the slide", "[[[-1,17],[-0.5,17],[-0.5,17.5],[-1,17.5],[-1,17]]]");
    // The default briefing's first slide now names the first area.
    String where = "api/briefings/partnership-not-dependency";
    HttpResponse<String> got = send(HttpRequest.newBuilder(URI.create(base + where)).GET());
    JsonNode stored = JSON.readTree(got.body());
    var briefing = JSON.createObjectNode();
    briefing.set("name", stored.get("name"));
    briefing.set("banner", stored.get("banner"));
    briefing.set("slides", stored.get("slides"));
    ((com.fasterxml.jackson.databind.node.ObjectNode) briefing.get("slides").get(0))
        .putArray("aois")
        .add(id);
    HttpResponse<String> put =
        send(
            HttpRequest.newBuilder(URI.create(base + where))
                .header("Content-Type", "application/json")
                .header("If-Match", got.headers().firstValue("ETag").orElseThrow())
                .PUT(HttpRequest.BodyPublishers.ofString(briefing.toString())));
    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);

    load("");
    Browser.js(driver)
        .executeScript(
            "Element.prototype.requestFullscreen = () => Promise.reject(new Error('no'))");
    driver.findElement(By.cssSelector("#briefing-details > summary")).click();
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(d -> !d.findElements(By.cssSelector("[data-action=present]")).isEmpty());
    driver.findElement(By.cssSelector("[data-action=present]")).click();
    // AOI_SELECTED is drawn 4.5 px wide, a plain AOI 2.5 px (styles.js).
    new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> "4.5".equals(strokeWidthOf(id)));
    assertThat(strokeWidthOf(other)).isEqualTo("2.5");
    driver.findElement(By.tagName("body")).sendKeys(Keys.ESCAPE);
    new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> "2.5".equals(strokeWidthOf(id)));
  }

  /** The stroke width of an AOI's path (null while it is not drawn). */
  private String strokeWidthOf(String aoiId) {
    return (String)
        Browser.js(driver)
            .executeScript(
                "const p = document.querySelector(`.leaflet-aois-pane path[data-aoi='${arguments[0]}']`);"
                    + " return p ? p.getAttribute('stroke-width') : null;",
                aoiId);
  }

  private static String create(String name, String rings) throws Exception {
    HttpResponse<String> r =
        send(
            HttpRequest.newBuilder(URI.create(base + "ogc/collections/aois/items"))
                .header("Content-Type", "application/geo+json")
                .POST(HttpRequest.BodyPublishers.ofString(feature(name, rings))));
    assertThat(r.statusCode()).isEqualTo(201);
    return JSON.readTree(r.body()).get("id").asText();
  }

  private static JsonNode getJson(String path) throws Exception {
    return JSON.readTree(
        send(HttpRequest.newBuilder(URI.create(base + path.substring(1))).GET()).body());
  }

  private static int status(String path) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(base + path.substring(1))).GET()).statusCode();
  }

  private static HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
    if (b.build().headers().firstValue("Authorization").isEmpty()) {
      b.header("Authorization", live.accounts().analyst());
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode aoiNamed(String name) throws Exception {
    for (JsonNode f : getJson("/ogc/collections/aois/items").get("features")) {
      if (f.at("/properties/name").asText().equals(name)) {
        return f;
      }
    }
    throw new AssertionError("no AOI named " + name);
  }

  private static int aoiCount() throws Exception {
    return getJson("/ogc/collections/aois/items").get("features").size();
  }
}
