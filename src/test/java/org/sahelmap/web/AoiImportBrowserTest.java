package org.sahelmap.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sahelmap.testing.Browser;
import org.sahelmap.testing.GeoPackages;
import org.sahelmap.testing.GeoPackages.Shape;
import org.sahelmap.testing.LiveApp;
import org.sahelmap.testing.NeedsBrowser;
import org.sahelmap.testing.TestAccounts;

/**
 * Importing files as AOIs in the real page: a GeoPackage chosen with Import file… (read by the
 * server), and files that are not map files, told so in plain words.
 */
@NeedsBrowser
class AoiImportBrowserTest {
  static LiveApp live;
  ChromeDriver driver;

  // The file bytes as base64, put into the file input as a user's choice would be.
  static final String CHOOSE =
      "const bytes = Uint8Array.from(atob(arguments[0]), (c) => c.charCodeAt(0));"
          + " const dt = new DataTransfer(); dt.items.add(new File([bytes], arguments[1]));"
          + " const input = document.getElementById('aoi-file'); input.files = dt.files;"
          + " input.dispatchEvent(new Event('change'));";

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

  private void load() {
    driver = Browser.open(1366, 768);
    live.signIn(driver, TestAccounts.ANALYST);
    driver.get(live.base() + "#map=6/17/-1");
    Browser.waitReady(driver);
    driver.findElement(By.cssSelector("#aoi-details > summary")).click();
  }

  private void choose(byte[] bytes, String name) {
    Browser.js(driver).executeScript(CHOOSE, Base64.getEncoder().encodeToString(bytes), name);
  }

  private String waitMessage(String text) {
    return new WebDriverWait(driver, Duration.ofSeconds(15))
        .withMessage(
            () ->
                "'"
                    + text
                    + "' in the AOI message: "
                    + driver.findElements(By.cssSelector(".aoi-message")).stream()
                        .map(WebElement::getText)
                        .toList())
        .until(
            d ->
                d.findElements(By.cssSelector(".aoi-message")).stream()
                    .map(WebElement::getText)
                    .filter(t -> t.contains(text))
                    .findFirst()
                    .orElse(null));
  }

  private List<String> listed() {
    return driver.findElements(By.cssSelector("#aoi-panel li[data-aoi] .aoi-item-name")).stream()
        .map(WebElement::getText)
        .toList();
  }

  @Test
  void aGeoPackageChosenWithTheImportButtonBecomesAreas() throws Exception {
    load();
    byte[] gpkg =
        GeoPackages.polygons(
            List.of(
                new Shape(
                    4326,
                    "sites",
                    "GeoPackage square",
                    new double[][] {{-3, 15}, {-2, 15}, {-2, 16}, {-3, 16}, {-3, 15}})));
    choose(gpkg, "sites.gpkg");
    waitMessage("Imported 1 of 1 area from sites.gpkg");
    assertThat(listed()).contains("GeoPackage square");
    assertThat(driver.findElement(By.id("aoi-file")).getAttribute("accept")).contains(".gpkg");
    assertThat(Browser.consoleErrors(driver)).isEmpty();

    choose("not really a database".getBytes(), "broken.gpkg");
    assertThat(waitMessage("Could not import broken.gpkg")).contains("not an SQLite database");
    Path dir = Path.of("target", "screenshots");
    Files.createDirectories(dir);
    Files.write(dir.resolve("aoi-import-gpkg.png"), driver.getScreenshotAs(OutputType.BYTES));
    // Only the refused request itself, which Chromium logs; no script error.
    assertThat(Browser.consoleErrors(driver))
        .allMatch(m -> m.contains("/api/aois/import") && m.contains("400"));
  }

  @Test
  void filesThatAreNotMapFilesAreNamedAsSuchWithTheFilesThatAreRead() {
    load();
    byte[] png = {
      (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'
    };
    String accepted = "GeoJSON (.geojson, .json), KML (.kml), GPX (.gpx) or GeoPackage (.gpkg)";
    choose(png, "photo.png");
    assertThat(waitMessage("Could not import photo.png"))
        .contains("not a map file")
        .contains(accepted);
    choose("{\"rows\": [1, 2, 3]}".getBytes(), "table.json");
    assertThat(waitMessage("Could not import table.json"))
        .contains("JSON, but not GeoJSON")
        .contains(accepted);
    choose("Minutes of the meeting".getBytes(), "minutes.txt");
    assertThat(waitMessage("Could not import minutes.txt")).contains(accepted);
    assertThat(driver.findElements(By.cssSelector(".aoi-message.error"))).isNotEmpty();
    assertThat(Browser.consoleErrors(driver)).isEmpty();
  }
}
