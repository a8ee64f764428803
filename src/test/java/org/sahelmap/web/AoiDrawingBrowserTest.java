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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sahelmap.testing.Browser;
import org.sahelmap.testing.LiveApp;
import org.sahelmap.testing.NeedsBrowser;
import org.sahelmap.testing.TestAccounts;

/**
 * Drawing an AOI in the real page: the perimeter and area shown by the cursor while drawing and
 * editing, checked against GeographicLib's geodesic polygon for the same vertices; undo and redo of
 * vertices while drawing and of whole edits after.
 */
@NeedsBrowser
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

  private void keys(CharSequence key, boolean shift) {
    Actions a = new Actions(driver).keyDown(Keys.CONTROL);
    if (shift) {
      a = a.keyDown(Keys.SHIFT);
    }
    a = a.sendKeys(key);
    if (shift) {
      a = a.keyUp(Keys.SHIFT);
    }
    a.keyUp(Keys.CONTROL).perform();
  }

  private WebElement button(String label) {
    return driver.findElement(By.cssSelector(".aoi-undo button[aria-label='" + label + "']"));
  }

  private long drawnVertices() {
    return driver.findElements(By.cssSelector(".leaflet-marker-pane .leaflet-editing-icon")).size();
  }

  private String draftPath() {
    List<WebElement> paths = driver.findElements(By.cssSelector("path[data-aoi='draft:new']"));
    return paths.isEmpty() ? null : paths.get(0).getAttribute("d");
  }

  private void waitUntil(java.util.function.BooleanSupplier ok, String what) {
    new WebDriverWait(driver, Duration.ofSeconds(5))
        .withMessage(what)
        .until(d -> ok.getAsBoolean());
  }

  @Test
  void undoAndRedoTakeBackVerticesWhileDrawingAndWholeEditsAfter() throws Exception {
    load(1366, 768, false, "#map=9/16.4/-1.6");
    double[] a = {16.15, -1.9};
    double[] b = {16.1, -1.3};
    double[] c = {16.65, -1.35};
    double[] d = {16.6, -1.85};
    assertThat(button("Undo").isEnabled()).as("nothing to undo yet").isFalse();
    assertThat(button("Redo").isEnabled()).isFalse();
    assertThat(button("Undo").getAttribute("title")).contains("Ctrl+Z");

    driver.findElement(By.cssSelector(".leaflet-draw-draw-polygon")).click();
    Actions draw = new Actions(driver);
    for (double[] p : new double[][] {a, b, c, d}) {
      moveTo(draw, p).click().pause(150);
    }
    draw.perform();
    assertThat(drawnVertices()).isEqualTo(4);
    assertThat(button("Redo").isEnabled()).isFalse();
    keys("z", false);
    waitUntil(() -> drawnVertices() == 3, "Ctrl+Z takes the last vertex away");
    assertThat(button("Redo").isEnabled()).isTrue();
    moveTo(new Actions(driver), c).perform(); // the cursor on the last vertex left: 3 vertices
    assertFigures(readout(), a, b, c);
    keys("y", false);
    waitUntil(() -> drawnVertices() == 4, "Ctrl+Y puts it back");
    moveTo(new Actions(driver), d).perform();
    assertFigures(readout(), a, b, c, d);
    button("Undo").click();
    waitUntil(() -> drawnVertices() == 3, "the Undo button takes it away");
    keys("z", true);
    waitUntil(() -> drawnVertices() == 4, "Ctrl+Shift+Z puts it back");
    moveTo(new Actions(driver), a).click().perform(); // closes the polygon: the draft
    WebElement name =
        new WebDriverWait(driver, Duration.ofSeconds(10))
            .until(x -> x.findElement(By.id("aoi-name")));
    waitUntil(() -> draftPath() != null, "the draft is drawn");
    String drawn = draftPath();

    // In the name field Ctrl+Z is the field's own: the draft stays.
    name.sendKeys("Undo test");
    keys("z", false);
    assertThat(draftPath()).isEqualTo(drawn);
    assertThat(name.isDisplayed()).isTrue();

    // A vertex moved in the edit mode, then undone and redone.
    driver.findElement(By.cssSelector(".leaflet-draw-edit-edit")).click();
    waitUntil(
        () -> !driver.findElements(By.cssSelector(".leaflet-editing-icon")).isEmpty(),
        "edit handles");
    Actions drag = moveTo(new Actions(driver), c).clickAndHold().pause(100);
    moveTo(drag, new double[] {16.72, -1.28}).pause(100);
    moveTo(drag, new double[] {16.8, -1.2}).pause(100).release().pause(150).perform();
    String moved = draftPath();
    assertThat(moved).isNotEqualTo(drawn);
    button("Undo").click();
    waitUntil(() -> drawn.equals(draftPath()), "Undo puts the vertex back");
    keys("y", false);
    waitUntil(() -> moved.equals(draftPath()), "Ctrl+Y moves it again");
    driver
        .findElement(By.xpath("//ul[contains(@class,'leaflet-draw-actions')]//a[.='Save']"))
        .click();

    // The drawn shape itself: Undo takes the draft away, Redo brings it back.
    button("Undo").click(); // the vertex move
    waitUntil(() -> drawn.equals(draftPath()), "the vertex move undone outside the edit mode");
    button("Undo").click(); // the drawing
    waitUntil(() -> draftPath() == null, "Undo takes the drawn shape away");
    assertThat(driver.findElement(By.cssSelector(".aoi-form")).isDisplayed()).isFalse();
    assertThat(button("Undo").isEnabled()).isFalse();
    button("Redo").click();
    waitUntil(() -> draftPath() != null, "Redo draws it again");

    // Saved, the history is spent; a delete can then be undone and redone.
    driver.findElement(By.id("aoi-name")).sendKeys("Undo test");
    driver.findElement(By.cssSelector(".aoi-form button[type=submit]")).click();
    waitUntil(
        () -> driver.findElement(By.cssSelector(".aoi-message")).getText().contains("Saved"),
        "saved");
    waitUntil(() -> !button("Undo").isEnabled(), "nothing to undo after a save");
    driver.findElement(By.cssSelector(".aoi-delete")).click();
    waitUntil(
        () -> driver.findElement(By.cssSelector(".aoi-message")).getText().contains("Deleted"),
        "deleted");
    assertThat(savedNames()).doesNotContain("Undo test");
    keys("z", false);
    waitUntil(() -> savedNames().contains("Undo test"), "Ctrl+Z restores the deleted area");
    keys("y", false);
    waitUntil(() -> !savedNames().contains("Undo test"), "Ctrl+Y deletes it again");
    screenshot("aoi-undo-1366.png");
    assertThat(Browser.consoleErrors(driver)).isEmpty();
  }

  /** The saved AOIs' names, read in one script: the list is redrawn while the test reads it. */
  @SuppressWarnings("unchecked")
  private List<String> savedNames() {
    return (List<String>)
        ((JavascriptExecutor) driver)
            .executeScript(
                "return [...document.querySelectorAll('#aoi-panel li[data-aoi] .aoi-item-name')]"
                    + ".map(e => e.textContent.trim());");
  }
}
