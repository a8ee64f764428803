package org.sahelmap.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.PolygonArea;
import net.sf.geographiclib.PolygonResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sahelmap.testing.Browser;
import org.sahelmap.testing.LiveApp;
import org.sahelmap.testing.TestAccounts;

/**
 * Drawing an AOI in the real page: the perimeter and area shown by the cursor while drawing and
 * editing, checked against GeographicLib's geodesic polygon for the same vertices.
 */
class AoiDrawingBrowserTest {
  static final Pattern FIGURES = Pattern.compile("Perimeter ([\\d,.]+) km\\s+Area ([\\d,.]+) km²");
  static LiveApp live;
  ChromeDriver driver;

  @BeforeAll
  static void startApp() {
    live = LiveApp.start();
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

  private void load(int width, int height, boolean phone, String hash) {
    driver = Browser.open(width, height);
    Browser.viewport(driver, width, height, phone);
    live.signIn(driver, TestAccounts.ANALYST);
    driver.get(live.base() + hash);
    Browser.waitReady(driver);
  }

  /** The viewport pixel of (lat, lon), from the page's own map. */
  private int[] pixel(double lat, double lon) {
    List<?> xy =
        (List<?>)
            Browser.js(driver)
                .executeScript(
                    "const m = window.sahelMap.map, p = m.latLngToContainerPoint([arguments[0],"
                        + " arguments[1]]), r = m.getContainer().getBoundingClientRect();"
                        + " return [Math.round(r.left + p.x), Math.round(r.top + p.y)];",
                    lat,
                    lon);
    return new int[] {((Number) xy.get(0)).intValue(), ((Number) xy.get(1)).intValue()};
  }

  private Actions moveTo(Actions actions, double[] latLon) {
    int[] p = pixel(latLon[0], latLon[1]);
    return actions.moveToLocation(p[0], p[1]);
  }

  private String readout() {
    return new WebDriverWait(driver, Duration.ofSeconds(5))
        .until(
            d ->
                d.findElements(By.cssSelector(".aoi-measure")).stream()
                    .filter(WebElement::isDisplayed)
                    .map(WebElement::getText)
                    .filter(t -> FIGURES.matcher(t).find())
                    .findFirst()
                    .orElse(null));
  }

  /** The shown figures against GeographicLib's for the same ring, within 0.5 %. */
  private static void assertFigures(String shown, double[]... ring) {
    PolygonArea polygon = new PolygonArea(Geodesic.WGS84, false);
    for (double[] p : ring) {
      polygon.AddPoint(p[0], p[1]);
    }
    PolygonResult expected = polygon.Compute();
    Matcher m = FIGURES.matcher(shown);
    assertThat(m.find()).as(shown).isTrue();
    double km = Double.parseDouble(m.group(1).replace(",", ""));
    double km2 = Double.parseDouble(m.group(2).replace(",", ""));
    double expectedKm = expected.perimeter / 1000;
    double expectedKm2 = Math.abs(expected.area) / 1e6;
    assertThat(km).as("perimeter in " + shown).isCloseTo(expectedKm, within(expectedKm * 0.005));
    assertThat(km2).as("area in " + shown).isCloseTo(expectedKm2, within(expectedKm2 * 0.005));
  }

  private void screenshot(String name) throws Exception {
    Path dir = Path.of("target", "screenshots");
    Files.createDirectories(dir);
    Files.write(dir.resolve(name), driver.getScreenshotAs(OutputType.BYTES));
  }

  @Test
  void aPolygonShowsItsGeodesicPerimeterAndAreaWhileDrawnAndWhenAVertexIsMoved() throws Exception {
    load(1366, 768, false, "#map=9/16.4/-1.6");
    double[] a = {16.15, -1.9};
    double[] b = {16.1, -1.3};
    double[] c = {16.65, -1.35};
    double[] d = {16.6, -1.85};
    driver.findElement(By.cssSelector(".leaflet-draw-draw-polygon")).click();
    Actions draw = new Actions(driver);
    for (double[] p : new double[][] {a, b, c}) {
      moveTo(draw, p).click().pause(150);
    }
    draw.perform();
    assertFigures(readout(), a, b, c);
    moveTo(new Actions(driver), d).click().pause(150).perform();
    String four = readout();
    assertFigures(four, a, b, c, d);
    screenshot("aoi-drawing-measure-1366.png");
    moveTo(new Actions(driver), a).click().perform(); // closes the polygon
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(x -> x.findElements(By.cssSelector(".aoi-measure")).isEmpty());

    // Editing: drag the third vertex to a new place; the figures follow the moved shape.
    driver.findElement(By.cssSelector(".leaflet-draw-edit-edit")).click();
    double[] moved = {16.8, -1.2};
    new WebDriverWait(driver, Duration.ofSeconds(5))
        .until(x -> !x.findElements(By.cssSelector(".leaflet-editing-icon")).isEmpty());
    Actions drag = moveTo(new Actions(driver), c).clickAndHold().pause(100);
    moveTo(drag, new double[] {16.72, -1.28}).pause(100);
    moveTo(drag, moved).pause(100).release().pause(150).perform();
    assertFigures(readout(), a, b, moved, d);
    assertThat(Browser.consoleErrors(driver)).isEmpty();
  }

  @Test
  void aRectangleShowsItsFiguresWhileDraggedAlsoOnAPhone() throws Exception {
    load(390, 844, true, "#map=8/16.4/-1.6");
    double[] sw = {16.0, -2.0};
    double[] ne = {16.8, -1.2};
    driver.findElement(By.cssSelector(".leaflet-draw-draw-rectangle")).click();
    Actions drag = moveTo(new Actions(driver), sw).clickAndHold().pause(100);
    moveTo(drag, new double[] {16.4, -1.6}).pause(100);
    moveTo(drag, ne).pause(150).perform();
    String shown = readout();
    screenshot("aoi-drawing-measure-phone.png");
    new Actions(driver).release().perform();
    assertFigures(shown, sw, new double[] {sw[0], ne[1]}, ne, new double[] {ne[0], sw[1]});
    assertThat(Browser.consoleErrors(driver)).isEmpty();
  }
}
