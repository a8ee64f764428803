package org.sahelmap.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
import org.sahelmap.testing.LiveApp;
import org.sahelmap.testing.NeedsBrowser;
import org.sahelmap.testing.TestAccounts;

/**
 * Issue 12 in a real Chromium: an analyst uploads an ACLED export from the events panel; its events
 * arrive in the list (through the change feed) with their dataset and row, and the popup shows the
 * provenance (dataset, row id, ACLED's own type and sub-type, the source) and, for a row placed
 * only to within an area, that area around the point. A bad file lists its problems by line and
 * imports nothing.
 */
@NeedsBrowser
class DatasetUploadBrowserTest {
  static LiveApp live;
  ChromeDriver driver;

  @BeforeAll
  static void start() {
    live = LiveApp.start();
  }

  @AfterAll
  static void stop() {
    live.close();
  }

  @AfterEach
  void quit() {
    if (driver != null) {
      driver.quit();
    }
  }

  private WebElement waitFor(String css) {
    return new WebDriverWait(driver, Duration.ofSeconds(20))
        .until(d -> d.findElements(By.cssSelector(css)).stream().findFirst().orElse(null));
  }

  /**
   * Waits until an element matching css holds the text. Read as textContent: the events panel may
   * sit below the fold of the side bar, where WebDriver's getText gives "" for what is not in view.
   */
  private void waitForText(String css, String text) {
    new WebDriverWait(driver, Duration.ofSeconds(20))
        .withMessage(() -> css + " never showed '" + text + "'; it shows: " + textOf(css))
        .until(d -> textOf(css).contains(text));
  }

  private String textOf(String css) {
    Object t =
        Browser.js(driver)
            .executeScript(
                "return [...document.querySelectorAll(arguments[0])]"
                    + ".map((e) => e.textContent).join(' | ')",
                css);
    return String.valueOf(t);
  }

  private Object run(String script) {
    return Browser.js(driver).executeScript(script);
  }

  private static Path sample(Path dir, String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text);
  }

  private void upload(Path file) {
    WebElement input = waitFor(".event-import-file");
    input.sendKeys(file.toAbsolutePath().toString());
    driver.findElement(By.cssSelector(".event-import button")).click();
  }

  @Test
  void visitorsAreNotOfferedTheUpload() {
    driver = Browser.open(1400, 900);
    driver.get(live.base() + "#map=7/15.6/-1.2&t=2024-01-01/2024-12-31");
    Browser.waitReady(driver);
    waitFor(".event-import");
    assertThat(run("return getComputedStyle(document.querySelector('.event-import')).display"))
        .isEqualTo("none");
  }

  @Test
  void anAnalystUploadsAnAcledExportAndThePopupShowsItsProvenance() throws Exception {
    String acled;
    try (InputStream in = getClass().getResourceAsStream("/datasets/acled-sample.csv")) {
      acled = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    Path dir = Files.createTempDirectory("upload-");
    driver = Browser.open(1400, 900);
    live.signIn(driver, TestAccounts.ANALYST);
    driver.get(live.base() + "#map=7/15.6/-1.2&t=2024-01-01/2024-12-31");
    Browser.waitReady(driver);
    driver.findElement(By.cssSelector(".event-import > summary")).click();
    assertThat(textOf(".event-import-help")).as("the server's limit").contains("at most 16 MiB");

    // A bad row first: its line is listed and nothing arrives.
    upload(sample(dir, "acled-bad.csv", acled.replace("2024-03-04", "2024-03-44")));
    waitForText(".event-import-problems", "acled-bad.csv:line 2: event_date '2024-03-44'");
    assertThat(textOf(".event-import-message")).contains("nothing imported");
    Path shots = Files.createDirectories(Path.of("target/screenshots/datasets"));
    Files.write(shots.resolve("upload-refused.png"), driver.getScreenshotAs(OutputType.BYTES));

    upload(sample(dir, "acled.csv", acled));
    waitForText(".event-import-message", "Imported 12 events from acled.csv.");
    assertThat(driver.findElements(By.cssSelector(".event-import-problems li"))).isEmpty();

    // The change feed brings them into the list, each saying where it came from.
    waitFor("#event-list li[data-event='acled:MLI90001']");
    assertThat(textOf("#event-list li[data-event='acled:MLI90001'] .event-source"))
        .isEqualTo("ACLED MLI90001");
    run("document.querySelector(\"#event-list li[data-event='acled:MLI90001'] button\").click()");
    waitForText(".leaflet-popup-content", "ACLED, row MLI90001");
    String popup = textOf(".leaflet-popup-content");
    assertThat(popup)
        .contains("Armed clash in Gao")
        .contains("Battles · Armed clash")
        .contains("Invented Radio A")
        .contains("Dataset point (high confidence)")
        .doesNotContain("paragraph");
    Files.write(shots.resolve("popup-point.png"), driver.getScreenshotAs(OutputType.BYTES));
    assertThat(driver.findElements(By.cssSelector("path.event-uncertainty"))).isEmpty();
    run("document.querySelector('.leaflet-popup-close-button').click()");

    // Placed only near Boni: the popup says how near, and the map draws the area.
    waitFor("#event-list li[data-event='acled:MLI90002'] button");
    run("document.querySelector(\"#event-list li[data-event='acled:MLI90002'] button\").click()");
    waitForText(".leaflet-popup-content", "ACLED, row MLI90002");
    assertThat(textOf(".leaflet-popup-content"))
        .contains("Approximate area, ± 25 km (medium confidence)")
        .contains("time_precision 2, geo_precision 2");
    WebElement area = waitFor("path.event-uncertainty");
    assertThat(area.getAttribute("stroke-dasharray")).isEqualTo("7 5");
    Files.write(shots.resolve("popup-area.png"), driver.getScreenshotAs(OutputType.BYTES));
    // The browser itself logs the refused upload's 422; nothing else may fail.
    assertThat(Browser.consoleErrors(driver))
        .filteredOn(e -> !e.contains("/api/events/import?name=acled-bad.csv"))
        .isEmpty();
  }
}
