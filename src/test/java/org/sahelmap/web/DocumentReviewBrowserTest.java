package org.sahelmap.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.sahelmap.testing.Browser;
import org.sahelmap.testing.LiveApp;
import org.sahelmap.testing.NeedsBrowser;
import org.sahelmap.testing.TestAccounts;

/**
 * Issue 12's documents in a real Chromium: an analyst adds a text document from the events panel,
 * the review queue opens with the candidate's passage marked, and the accepted candidate arrives in
 * the events list (through the change feed).
 */
@NeedsBrowser
class DocumentReviewBrowserTest {
  private static final ObjectMapper JSON = new ObjectMapper();
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

  private void waitForText(String css, String text) {
    new WebDriverWait(driver, Duration.ofSeconds(20))
        .withMessage(() -> css + " never showed '" + text + "'; it shows: " + textOf(css))
        .until(d -> textOf(css).contains(text));
  }

  private String textOf(String css) {
    return String.valueOf(
        Browser.js(driver)
            .executeScript(
                "return [...document.querySelectorAll(arguments[0])]"
                    + ".map((e) => e.textContent).join(' | ')",
                css));
  }

  @Test
  void anAnalystAddsADocumentAcceptsACandidateAndSeesItInTheList() throws Exception {
    Path file =
        Files.writeString(
            Files.createTempDirectory("document-").resolve("field-note.txt"),
            "Browser field note\nBamako, 12 March 2024\n\nFighting broke out near Tinzawatène in"
                + " late February 2024 between FAMa and CSP-DPA fighters.\n");
    driver = Browser.open(1400, 900);
    live.signIn(driver, TestAccounts.ANALYST);
    driver.get(live.base() + "#map=6/17/-1&t=2024-01-01/2024-12-31");
    Browser.waitReady(driver);
    driver.findElement(By.cssSelector(".document-upload > summary")).click();
    waitFor(".document-upload-file").sendKeys(file.toAbsolutePath().toString());
    driver.findElement(By.cssSelector(".document-upload button")).click();
    waitForText(".document-upload-message", "candidate events");
    waitFor(".review-candidate");
    assertThat(textOf(".review-candidate mark")).startsWith("Fighting broke out near Tinzawatène");
    assertThat(textOf(".review-meta")).contains("Tinzaouaten").contains("late-month");
    driver
        .findElement(By.xpath("//li[contains(@class,'review-candidate')]//button[.='Show on map']"))
        .click();
    waitFor("path.review-point");
    driver.findElement(By.cssSelector(".review-candidate .review-accept")).click();
    waitForText(".review-decision", "accepted by " + TestAccounts.ANALYST);
    Path shots = Files.createDirectories(Path.of("target/screenshots/documents"));
    Files.write(shots.resolve("review-accepted.png"), driver.getScreenshotAs(OutputType.BYTES));
    waitFor("#event-list li[data-event^='browser-field-note-']");
    assertThat(Browser.consoleErrors(driver)).isEmpty();
  }

  private Object fetchJson(String url) {
    return Browser.js(driver)
        .executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0]).then((r) => r.json()).then((j) => done(JSON.stringify(j)),"
                + " (e) => done('failed: ' + e));",
            url);
  }

  /**
   * Place on map (the next click gives the point, shown before Accept, and the event is stored
   * there), Merge by searching the events (the event gains the passage as a second source), the
   * list of uploaded documents with their counts reopening a queue; a title with markup stays text.
   */
  @Test
  void anAnalystPlacesOnTheMapMergesBySearchAndReopensTheQueueFromTheList() throws Exception {
    String title = "Placed <b>note</b> <img src=x onerror=alert(1)>";
    Path file =
        Files.writeString(
            Files.createTempDirectory("document-").resolve("placed-note.txt"),
            title
                + "\nBamako, 14 March 2024\n\nFighting broke out near Tinzawatène in late"
                + " February 2024 between FAMa and CSP-DPA fighters.\nWagner instructors were"
                + " seen in Kidal in January 2024.\n");
    driver = Browser.open(1400, 900);
    live.signIn(driver, TestAccounts.ANALYST);
    driver.get(live.base() + "#map=6/17/-1&t=2024-01-01/2024-12-31");
    Browser.waitReady(driver);
    Browser.js(driver).executeScript("window.alert = () => { window.alerted = true; };");
    driver.findElement(By.cssSelector(".document-upload > summary")).click();
    waitFor(".document-upload-file").sendKeys(file.toAbsolutePath().toString());
    driver.findElement(By.cssSelector(".document-upload button")).click();
    waitForText(".review-meta", "Kidal");
    assertThat(textOf(".review-queue h3")).contains("<b>note</b>");

    WebElement first = driver.findElements(By.cssSelector(".review-candidate")).get(0);
    first.findElement(By.cssSelector(".review-place")).click();
    waitForText(".review-where", "Click the map");
    // Escape gives up placing: the dialog takes clicks again.
    new Actions(driver).sendKeys(Keys.ESCAPE).perform();
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(d -> !textOf(".review-where").contains("Click the map"));
    assertThat(Browser.js(driver).executeScript("return document.body.className"))
        .asString()
        .doesNotContain("review-picking-page");
    first.findElement(By.cssSelector(".review-place")).click();
    waitForText(".review-where", "Click the map");
    WebElement map = driver.findElement(By.id("map"));
    // Inside the dialog's rectangle, over the map: while placing, the dialog lets clicks through.
    long dx =
        (Long)
            Browser.js(driver)
                .executeScript(
                    "const m = arguments[0].getBoundingClientRect();"
                        + "const d = document.querySelector('.review-dialog').getBoundingClientRect();"
                        + "return Math.round(d.right - 40 - (m.left + m.width / 2));",
                    map);
    new Actions(driver)
        .moveToElement(map, (int) dx, map.getRect().getHeight() / 5)
        .click()
        .perform();
    // The click placed the point and opened nothing under it.
    assertThat(driver.findElements(By.cssSelector(".leaflet-popup"))).isEmpty();
    waitForText(".review-where", "Placed at");
    waitFor("path.review-point");
    double lat = Double.parseDouble(first.getAttribute("data-lat"));
    double lon = Double.parseDouble(first.getAttribute("data-lon"));
    first.findElement(By.cssSelector(".review-accept")).click();
    waitForText(".review-decision", "accepted by " + TestAccounts.ANALYST);
    String eventId = textOf(".review-decision").replaceAll("(?s).*→ (\\S+).*", "$1");
    JsonNode event =
        JSON.readTree(String.valueOf(fetchJson("/ogc/collections/events/items/" + eventId)));
    assertThat(event.path("geometry").path("coordinates").get(0).asDouble())
        .isCloseTo(lon, within(1e-6));
    assertThat(event.path("geometry").path("coordinates").get(1).asDouble())
        .isCloseTo(lat, within(1e-6));
    // Not the gazetteer's Tinzaouaten (about 2.9 E, 20.0 N): the point clicked.
    assertThat(Math.abs(lon - 2.9) + Math.abs(lat - 20.0)).isGreaterThan(0.5);

    WebElement second = driver.findElements(By.cssSelector(".review-candidate")).get(1);
    second.findElement(By.cssSelector(".review-merge")).click();
    waitFor(".merge-pick");
    WebElement pick = driver.findElement(By.cssSelector(".merge-pick"));
    String merged = pick.getAttribute("data-event");
    pick.click();
    waitForText(".review-decision", "merged by " + TestAccounts.ANALYST + " at");
    JsonNode into =
        JSON.readTree(String.valueOf(fetchJson("/ogc/collections/events/items/" + merged)));
    assertThat(into.path("properties").path("also_cited").toString())
        .contains(eventId.replaceAll("-c\\d+$", ""));
    // The popup's provenance rows name the merged passage as a further source.
    Object rows =
        Browser.js(driver)
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "import('/js/provenance.js').then((m) =>"
                    + " done(JSON.stringify(m.sourceRows(JSON.parse(arguments[0])))));",
                into.path("properties").toString());
    assertThat(String.valueOf(rows))
        .contains("Also cited")
        .contains("merged by " + TestAccounts.ANALYST);
    Path shots = Files.createDirectories(Path.of("target/screenshots/documents"));
    Files.write(shots.resolve("review-merged.png"), driver.getScreenshotAs(OutputType.BYTES));

    driver.findElement(By.cssSelector(".review-back")).click();
    waitFor(".document-entry");
    String entry = textOf(".document-entry:first-child");
    assertThat(entry).contains(title).contains("1 accepted").contains("1 merged");
    Files.write(shots.resolve("document-list.png"), driver.getScreenshotAs(OutputType.BYTES));
    driver.findElement(By.cssSelector(".review-close")).click();
    driver.findElement(By.cssSelector(".document-list-open")).click();
    waitFor(".document-entry:first-child .document-review").click();
    waitForText(".review-decision", "accepted by");
    assertThat(Browser.js(driver).executeScript("return window.alerted === true")).isEqualTo(false);
    assertThat(driver.findElements(By.cssSelector(".review-queue img, .review-queue b"))).isEmpty();
    assertThat(Browser.consoleErrors(driver)).isEmpty();
  }
}
