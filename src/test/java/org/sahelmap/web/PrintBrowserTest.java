package org.sahelmap.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sahelmap.json.Json;
import org.sahelmap.testing.Browser;
import org.sahelmap.testing.LiveApp;
import org.sahelmap.testing.NeedsBrowser;
import org.sahelmap.testing.TestAccounts;

/**
 * Print and PDF through Chromium's own print engine ({@code Page.printToPDF} with the page's
 * {@code @page} size), read back with PDFBox and rendered to PNG by poppler's pdftoppm: the view at
 * A4 and A3 on one page, Ctrl+P's view, the default briefing one slide a page and as a handout.
 */
@NeedsBrowser
class PrintBrowserTest {
  static final Path SHOTS = Path.of("target/screenshots/print");
  // Strings only the app's chrome shows: the sidebar, the layer downloads, the timeline.
  static final List<String> CHROME =
      List.of("Download layers", "Add current view", "All dates", "Download events in the window");
  static LiveApp live;
  ChromeDriver driver;

  @BeforeAll
  static void startApp() throws IOException {
    live = LiveApp.start();
    Files.createDirectories(SHOTS);
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

  private Object run(String script, Object... args) {
    return Browser.js(driver).executeScript(script, args);
  }

  /** The page at a screen's size over Mali, its events drawn, the print dialog stubbed out. */
  private void openMap() {
    driver = Browser.openPage(live, 1366, 768, false, TestAccounts.ANALYST);
    run("window.sahelMap.map.setView([17, -2], 6, { animate: false });");
    Browser.js(driver)
        .executeAsyncScript(
            "const done = arguments[0]; window.sahelMap.eventsDrawn().then(() => done(true))");
    run("window.print = () => { window.printed = (window.printed || 0) + 1; };");
  }

  /** Clicks a button of the briefing panel's Print / PDF menu and waits for its sheet. */
  private void printFromMenu(String action, String kind) throws IOException {
    for (String folded : List.of("#briefing-details", ".print-menu")) {
      if (!Boolean.TRUE.equals(run("return document.querySelector(arguments[0]).open", folded))) {
        driver.findElement(By.cssSelector(folded + " > summary")).click();
      }
    }
    assertThat((String) run("return document.getElementById('briefing-panel').textContent"))
        .as("the panel's text (once it ended in a stray null)")
        .doesNotContain("null");
    WebElement button = driver.findElement(By.cssSelector("[data-action=" + action + "]"));
    run("arguments[0].scrollIntoView({block: 'center'})", button);
    Files.write(SHOTS.resolve("menu-" + action + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    button.click();
    new WebDriverWait(driver, Duration.ofSeconds(60))
        .until(
            d ->
                kind.equals(run("return document.getElementById('print-sheet').dataset.ready"))
                    && Long.valueOf(1).equals(run("return window.printed")));
  }

  /** The PDF Chromium prints, at the size the page's own @page rule asks for. */
  private byte[] printToPdf(String name) throws IOException {
    @SuppressWarnings("unchecked")
    Map<String, Object> out =
        (Map<String, Object>)
            (Map<?, ?>)
                driver.executeCdpCommand(
                    "Page.printToPDF", Map.of("preferCSSPageSize", true, "printBackground", false));
    byte[] pdf = Base64.getDecoder().decode((String) out.get("data"));
    Files.write(SHOTS.resolve(name + ".pdf"), pdf);
    return pdf;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"A4, print-view-a4, 842, 595", "A3, print-view-a3, 1191, 842"})
  void theViewPrintsOnOnePageWithItsFurnitureAndNoChrome(
      String paper, String action, int width, int height) throws Exception {
    openMap();
    printFromMenu(action, "view");
    byte[] pdf = printToPdf("view-" + paper);
    assertViewPage(pdf, width, height, "view-" + paper);
  }

  @Test
  void ctrlPPrintsTheViewAtA4() throws Exception {
    openMap();
    // Nothing prepared: what the browser's own print (Ctrl+P) gets, laid out in beforeprint.
    byte[] pdf = printToPdf("ctrl-p");
    assertViewPage(pdf, 842, 595, "ctrl-p");
    assertThat(run("return document.getElementById('print-sheet').children.length"))
        .as("the sheet is emptied after printing")
        .isEqualTo(0L);
  }

  private void assertViewPage(byte[] pdf, int width, int height, String name) throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      assertThat(doc.getNumberOfPages()).as("pages").isEqualTo(1);
      assertPaper(doc, 0, width, height);
      String text = new PDFTextStripper().getText(doc);
      assertThat(text)
          .contains("Sahel Map: current view", "Legend", "Alliance of Sahel States")
          .contains("Mali–Algeria border", "Sources: ", "Data: events to", "Printed 20");
      assertThat(text).doesNotContain(CHROME);
    }
    BufferedImage page = render(pdf, 1, name);
    // The map fills the page between the title and the footer: its middle is drawn, not blank.
    assertDrawn(page, 0.25, 0.3, 0.95, 0.8, name);
    assertBanner(page, name);
  }

  @ParameterizedTest(name = "handout {0}")
  @CsvSource({"false, print-briefing, briefing", "true, print-handout, handout"})
  void theBriefingPrintsOneSlideAPage(boolean handout, String action, String name)
      throws Exception {
    JsonNode slides =
        Json.MAPPER.readTree(Path.of("data/briefings/default.json").toFile()).get("slides");
    openMap();
    printFromMenu(action, "briefing");
    byte[] pdf = printToPdf(name);
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      assertThat(doc.getNumberOfPages()).as("one page a slide").isEqualTo(slides.size());
      for (int i = 0; i < slides.size(); i++) {
        assertPaper(doc, i, 842, 595);
        String text = pageText(doc, i + 1);
        JsonNode slide = slides.get(i);
        assertThat(squash(text))
            .as("page %d", i + 1)
            .contains(squash(slide.get("title").asText()))
            .contains("Legend", "Sources:", "Data: events to", "slide " + (i + 1) + " of 8")
            .contains(squash(slide.get("caption").asText()).substring(0, 40));
        // The first words of the notes: on a handout's page, and only there.
        String notes = squash(slide.get("notes").asText()).substring(0, 40);
        if (handout) {
          assertThat(squash(text))
              .as("notes on page %d", i + 1)
              .containsIgnoringCase("Speaker notes")
              .contains(notes);
        } else {
          assertThat(squash(text)).as("no notes on page %d", i + 1).doesNotContain(notes);
        }
        assertThat(text).doesNotContain(CHROME);
      }
    }
    for (int i = 1; i <= slides.size(); i++) {
      BufferedImage page = render(pdf, i, String.format("%s-%02d", name, i));
      // The slide's map is right of its text column.
      assertDrawn(page, 0.45, 0.3, 0.95, handout ? 0.55 : 0.8, name + " page " + i);
      assertBanner(page, name + " page " + i);
    }
  }

  @Test
  void notesTooLongForTheHandoutPageGetAPageOfTheirOwn() throws Exception {
    openMap();
    driver.findElement(By.cssSelector("#briefing-details > summary")).click();
    // Slide 1's notes typed long into the editor (unsaved: the handout prints what is open).
    run(
        "const li = document.querySelector('#briefing-panel li[data-slide=\"0\"]');"
            + " li.querySelector('details.slide-edit').open = true;"
            + " const notes = li.querySelectorAll('textarea')[1];"
            + " notes.value = 'A long note. '.repeat(250) + 'The last words of the notes.';"
            + " notes.dispatchEvent(new Event('input', { bubbles: true }));");
    printFromMenu("print-handout", "briefing");
    byte[] pdf = printToPdf("handout-long-notes");
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      assertThat(doc.getNumberOfPages()).as("8 slides and one page of notes").isEqualTo(9);
      assertThat(squash(pageText(doc, 1))).containsIgnoringCase("in full on the next page");
      assertThat(squash(pageText(doc, 2))).contains("The last words of the notes.");
      assertThat(squash(pageText(doc, 3))).contains("Kidal, November 2023");
    }
    render(pdf, 2, "handout-long-notes-02");
  }

  private static String pageText(PDDocument doc, int page) throws IOException {
    PDFTextStripper stripper = new PDFTextStripper();
    stripper.setStartPage(page);
    stripper.setEndPage(page);
    return stripper.getText(doc);
  }

  /** Text with every run of white space as one space: lines break wherever the page wraps them. */
  private static String squash(String s) {
    return s.replaceAll("\\s+", " ").trim();
  }

  private static void assertPaper(PDDocument doc, int index, int width, int height) {
    PDRectangle box = doc.getPage(index).getMediaBox();
    assertThat((double) box.getWidth())
        .as("page %d width (pt)", index + 1)
        .isCloseTo(width, within());
    assertThat((double) box.getHeight())
        .as("page %d height (pt)", index + 1)
        .isCloseTo(height, within());
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(2.0);
  }

  /** Page {@code page} of the PDF as poppler draws it at 72 dpi (one pixel a point). */
  private static BufferedImage render(byte[] pdf, int page, String name) throws Exception {
    Path file = SHOTS.resolve(name + "-src.pdf");
    Files.write(file, pdf);
    Path out = SHOTS.resolve(name);
    Process p =
        new ProcessBuilder(
                "pdftoppm",
                "-r",
                "72",
                "-png",
                "-f",
                "" + page,
                "-l",
                "" + page,
                "-singlefile",
                file.toString(),
                out.toString())
            .redirectErrorStream(true)
            .start();
    String said = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor()).as("pdftoppm: %s", said).isZero();
    Files.delete(file);
    return ImageIO.read(out.resolveSibling(name + ".png").toFile());
  }

  /**
   * The box (fractions of the page) holds a drawn map: many colours (sea, land, borders, names,
   * events), none of them covering all of it (a slide over the desert is mostly one beige).
   */
  private static void assertDrawn(
      BufferedImage img, double x0, double y0, double x1, double y1, String what) {
    Map<Integer, Integer> counts = new java.util.HashMap<>();
    int total = 0;
    for (int y = (int) (img.getHeight() * y0); y < img.getHeight() * y1; y++) {
      for (int x = (int) (img.getWidth() * x0); x < img.getWidth() * x1; x++) {
        counts.merge(img.getRGB(x, y) & 0xf0f0f0, 1, Integer::sum);
        total++;
      }
    }
    int most = counts.values().stream().max(Integer::compare).orElse(0);
    assertThat(counts.size()).as("colours in the map of %s", what).isGreaterThan(30);
    assertThat(most)
        .as("the commonest colour's pixels in the map of %s", what)
        .isLessThan(total * 97 / 100);
  }

  /** The marking's green line across the page's top (UNCLASSIFIED), not the app's dark header. */
  private static void assertBanner(BufferedImage img, String what) {
    Set<Integer> greens = new HashSet<>();
    for (int y = 0; y < img.getHeight() / 12; y++) {
      int rgb = img.getRGB(img.getWidth() / 4, y);
      int r = (rgb >> 16) & 0xff;
      int g = (rgb >> 8) & 0xff;
      int b = rgb & 0xff;
      if (g > 100 && r < 60 && b < 90) {
        greens.add(y);
      }
    }
    assertThat(greens).as("rows of the banner's green at the top of %s", what).isNotEmpty();
  }
}
