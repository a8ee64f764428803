package org.sahelmap.web;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.sahelmap.testing.TestAccounts;

/**
 * Issue 12's documents in a real Chromium: an analyst adds a text document from the events panel,
 * the review queue opens with the candidate's passage marked, and the accepted candidate arrives in
 * the events list (through the change feed).
 */
class DocumentReviewBrowserTest {
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
}
