package org.sahelmap.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sahelmap.MainAccess;
import org.sahelmap.testing.Browser;
import org.sahelmap.testing.DevData;
import org.sahelmap.testing.LiveApp;
import org.sahelmap.testing.NeedsBrowser;
import org.sahelmap.testing.TestAccounts;

/**
 * Issue 16, in a real Chromium: user-written strings carrying HTML (an imported event's title, an
 * AOI's name and notes, a briefing's name, banner, title, caption and notes) reach every view as
 * text: nothing fires (alert, confirm and prompt are hooked before any page script runs), no
 * element of the payload exists, and the payload's text is shown literally. And no one stored
 * feature breaks the page: a valid 6,000-vertex saw-tooth AOI is drawn with the rest.
 */
@NeedsBrowser
class HostileContentBrowserTest {
  static final String PAYLOAD = "<img src=x onerror=alert(1)>";
  static final String EVENT_ID = "test-hostile-title";
  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static LiveApp live;
  static String base;
  ChromeDriver driver;

  @BeforeAll
  static void start() throws Exception {
    live = LiveApp.start();
    base = live.base();
    importHostileEvent();
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

  /** Through the real command, as the tester did. */
  static void importHostileEvent() throws Exception {
    ObjectNode events =
        (ObjectNode)
            JSON.readTree(
                DevData.repoRoot()
                    .resolve("data/events/partnership-not-dependency.geojson")
                    .toFile());
    ObjectNode f = (ObjectNode) events.get("features").get(0).deepCopy();
    f.put("id", EVENT_ID);
    ObjectNode p = (ObjectNode) f.get("properties");
    p.put("id", EVENT_ID);
    p.put("title", "T " + PAYLOAD);
    p.put("summary", "S " + PAYLOAD);
    p.put("place_name", "P " + PAYLOAD);
    ((ArrayNode) p.putArray("actors")).add("A " + PAYLOAD);
    ObjectNode fc = JSON.createObjectNode().put("type", "FeatureCollection");
    fc.putArray("features").add(f);
    Path file = Files.createTempFile("hostile-", ".geojson");
    Files.writeString(file, JSON.writeValueAsString(fc));
    String url = System.getenv("TEST_DATABASE_URL");
    url = url == null || url.isBlank() ? org.sahelmap.testing.TestDatabase.DEFAULT_URL : url;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        MainAccess.run(
            new String[] {"import-events", file.toString(), "--database-url", url},
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
  }

  static HttpResponse<String> send(String method, String path, String body) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .header("Authorization", live.accounts().analyst())
            .header("If-Match", "*")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private void open() {
    driver = Browser.open(1600, 1000);
    driver.manage().window().setSize(new Dimension(1600, 1000));
    live.signIn(driver, TestAccounts.ANALYST);
    // Before any script of any document: record instead of showing.
    driver.executeCdpCommand(
        "Page.addScriptToEvaluateOnNewDocument",
        Map.of(
            "source",
            "window.__fired = [];"
                + "for (const n of ['alert', 'confirm', 'prompt'])"
                + "  window[n] = (m) => { window.__fired.push(n + ':' + m); return null; };"));
  }

  private Object run(String script, Object... args) {
    return Browser.js(driver).executeScript(script, args);
  }

  private void assertNothingFired(String where) {
    assertThat(run("return window.__fired")).as(where + ": dialogs").isEqualTo(List.of());
    assertThat(run("return document.querySelectorAll('img[src=\"x\"]').length"))
        .as(where + ": payload elements")
        .isEqualTo(0L);
  }

  private WebElement waitFor(String css) {
    return new WebDriverWait(driver, Duration.ofSeconds(20))
        .until(d -> d.findElements(By.cssSelector(css)).stream().findFirst().orElse(null));
  }

  /** Waits until an element matching css shows the text (content often arrives after the box). */
  private void waitForText(String css, String text) {
    new WebDriverWait(driver, Duration.ofSeconds(20))
        .until(
            d ->
                d.findElements(By.cssSelector(css)).stream()
                    .anyMatch(e -> e.getText().contains(text)));
  }

  @Test
  void userWrittenStringsAreTextInEveryView() throws Exception {
    String aoi =
        "{\"type\":\"Feature\",\"properties\":{\"name\":\"N "
            + PAYLOAD
            + "\",\"notes\":\"Notes "
            + PAYLOAD
            + "\",\"tags\":[\"t"
            + PAYLOAD.substring(0, 10)
            + "\"]},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
            + "[[[1.0,18.0],[2.0,18.0],[2.0,19.0],[1.0,19.0],[1.0,18.0]]]}}";
    HttpResponse<String> saved = send("POST", "ogc/collections/aois/items", aoi);
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
    String aoiId = JSON.readTree(saved.body()).path("id").asText();
    ObjectNode slide = JSON.createObjectNode();
    slide.put("title", "Slide " + PAYLOAD);
    slide.put("caption", "Caption " + PAYLOAD);
    slide.put("notes", "Notes " + PAYLOAD);
    slide.put("sources", "Sources " + PAYLOAD);
    slide.putObject("view").putArray("center").add(1.4).add(18.4);
    ((ObjectNode) slide.get("view")).put("zoom", 7);
    slide.putArray("layers").add("countries").add("events").add("aois");
    slide.putObject("time").put("from", "2012-01-01").put("to", "2012-12-31");
    slide.putArray("events").add(EVENT_ID);
    slide.putArray("aois").add(aoiId);
    ObjectNode briefing = JSON.createObjectNode();
    briefing.put("id", "hostile");
    briefing.put("name", "Briefing " + PAYLOAD);
    briefing.put("banner", "Banner " + PAYLOAD);
    briefing.putArray("slides").add(slide);
    HttpResponse<String> b = send("POST", "api/briefings", JSON.writeValueAsString(briefing));
    assertThat(b.statusCode()).as(b.body()).isEqualTo(201);

    open();
    driver.get(base + "#map=7/18.4/1.4&t=2012-01-01/2012-12-31");
    Browser.waitReady(driver);
    assertThat(run("return document.body.dataset.ready")).isEqualTo("true");
    assertNothingFired("map");

    // List and popup of the imported event.
    WebElement item = waitFor("#event-list li[data-event='" + EVENT_ID + "']");
    assertThat(item.getText()).contains("T " + PAYLOAD);
    item.findElement(By.cssSelector("button")).click();
    waitForText(".leaflet-popup-content", "A " + PAYLOAD);
    // textContent, not getText(): while the passage arrives the popup grows and is panned into
    // view, and until then its title may stand above the map's edge, where Selenium sees no text.
    assertThat(waitFor(".leaflet-popup-content").getAttribute("textContent"))
        .contains("T " + PAYLOAD);
    assertNothingFired("event popup");
    run("document.querySelector('.leaflet-popup-close-button').click()");

    // The AOI: panel list, its form, its name on hover.
    driver.findElement(By.cssSelector("#aoi-details > summary")).click();
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(d -> d.findElement(By.id("aoi-panel")).getText().contains("N " + PAYLOAD));
    // Its name on hover: the events Leaflet listens for, sent to the AOI's own path.
    run(
        "const p = arguments[0], b = p.getBoundingClientRect();"
            + "const at = { bubbles: true, clientX: b.x + b.width / 2, clientY: b.y + b.height / 2 };"
            + "p.dispatchEvent(new MouseEvent('mouseover', at));"
            + "p.dispatchEvent(new MouseEvent('mousemove', at));",
        waitFor(".leaflet-aois-pane path[data-aoi='" + aoiId + "']"));
    waitForText(".hover-name", "N " + PAYLOAD);
    assertNothingFired("aoi");

    // The briefing editor: the picker, the slide list, the slide shown (its event's callout).
    driver.findElement(By.cssSelector("#briefing-details > summary")).click();
    new Select(waitFor(".briefing-pick")).selectByValue("hostile");
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(d -> d.findElement(By.id("briefing-panel")).getText().contains("Slide " + PAYLOAD));
    waitFor("#briefing-panel .slide-go").click();
    waitForText(".event-callout", "T " + PAYLOAD);
    assertNothingFired("editor");

    // The presenter (full window: headless full screen is refused here) and its notes.
    run("Element.prototype.requestFullscreen = () => Promise.reject(new Error('refused'))");
    driver.findElement(By.cssSelector("[data-action=present]")).click();
    new WebDriverWait(driver, Duration.ofSeconds(20))
        .until(d -> "0".equals(run("return document.getElementById('presenter').dataset.arrived")));
    String presenter = driver.findElement(By.id("presenter")).getText();
    assertThat(presenter).contains("Slide " + PAYLOAD).contains("Banner " + PAYLOAD);
    new Actions(driver).sendKeys("n").perform();
    waitForText(".slide-notes", "Notes " + PAYLOAD);
    assertNothingFired("presenter");

    // The notes window follows over a BroadcastChannel: open it beside the presenter.
    String main = driver.getWindowHandle();
    driver.switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
    driver.get(base + "notes.html");
    run("window.__fired = window.__fired || []");
    driver.switchTo().window(main);
    new Actions(driver).sendKeys(org.openqa.selenium.Keys.ARROW_RIGHT).perform();
    Thread.sleep(500);
    for (String h : driver.getWindowHandles()) {
      if (!h.equals(main)) {
        driver.switchTo().window(h);
      }
    }
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(d -> d.findElement(By.id("notes")).getText().contains("Notes " + PAYLOAD));
    assertThat(driver.findElement(By.id("title")).getText()).contains("Slide " + PAYLOAD);
    assertNothingFired("notes window");
    driver.switchTo().window(main);

    // The server's HTML pages under /ogc.
    driver.get(base + "ogc/collections/events/items/" + EVENT_ID + "?f=html");
    assertThat(driver.findElement(By.tagName("body")).getText()).contains(PAYLOAD);
    assertNothingFired("item page");
    driver.get(base + "ogc/collections/aois/items?f=html");
    assertThat(driver.findElement(By.tagName("body")).getText()).contains("N " + PAYLOAD);
    assertNothingFired("aoi items page");
    send("DELETE", "api/briefings/hostile", null);
    send("DELETE", "ogc/collections/aois/items/" + aoiId, null);
  }

  /** Issue 16: a valid saw-tooth of 6,000 vertices once made every page load fail. */
  @Test
  void aSawToothAoiOfSixThousandVerticesIsDrawnWithTheRest() throws Exception {
    StringBuilder ring = new StringBuilder("[");
    int teeth = 5996;
    for (int i = 0; i < teeth; i++) {
      double lon = -2 + 6.0 * i / (teeth - 1);
      ring.append(
          String.format(java.util.Locale.ROOT, "[%.6f,%.1f],", lon, i % 2 == 0 ? 15.0 : 15.5));
    }
    ring.append("[4,14],[-2,14],[-2,15.0]]");
    String aoi =
        "{\"type\":\"Feature\",\"properties\":{\"name\":\"saw-tooth\"},"
            + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":["
            + ring
            + "]}}";
    HttpResponse<String> saved = send("POST", "ogc/collections/aois/items", aoi);
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
    String id = JSON.readTree(saved.body()).path("id").asText();
    try {
      open();
      driver.get(base + "#map=6/15/1");
      Browser.waitReady(driver);
      assertThat(run("return document.body.dataset.ready")).isEqualTo("true");
      assertThat(driver.findElement(By.id("load-error")).isDisplayed()).isFalse();
      assertThat(
              run("return document.querySelectorAll('.leaflet-aois-pane path[data-aoi]').length"))
          .isEqualTo(1L);
      assertThat(
              (Long)
                  run(
                      "return document.querySelectorAll('.leaflet-mission-aes-territory-pane path')"
                          + ".length"))
          .isGreaterThan(0L);
      assertThat(Browser.consoleErrors(driver)).isEmpty();
    } finally {
      send("DELETE", "ogc/collections/aois/items/" + id, null);
    }
  }
}
