package org.sahelmap.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sahelmap.accounts.AccessOptions;
import org.sahelmap.api.AppFactory;
import org.sahelmap.api.AppOptions;
import org.sahelmap.testing.Browser;
import org.sahelmap.testing.DevData;
import org.sahelmap.testing.LiveApp;
import org.sahelmap.testing.NeedsBrowser;
import org.sahelmap.testing.TestAccounts;

/**
 * Signing in and out through the page's own form in real Chromium: the drawing tools appear only
 * for analysts, the session cookie is out of the scripts' reach, and a server that lets nobody view
 * anonymously shows the form first and the map once signed in.
 */
@NeedsBrowser
class SignInBrowserTest {
  static LiveApp live;
  static Javalin closed;
  ChromeDriver driver;

  @BeforeAll
  static void start() {
    live = LiveApp.start();
    closed =
        AppFactory.create(
                live.db(),
                live.store(),
                new AppOptions(10000, DevData.documentsDir(), null)
                    .withAccess(AccessOptions.DEFAULTS.withAnonymousView(false)))
            .start("127.0.0.1", 0);
  }

  @AfterAll
  static void stop() {
    closed.stop();
    live.close();
  }

  @AfterEach
  void quit() {
    if (driver != null) {
      driver.quit();
    }
  }

  private Object js(String script) {
    return Browser.js(driver).executeScript(script);
  }

  private WebElement waitFor(String css) {
    return new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(d -> d.findElements(By.cssSelector(css)).stream().findFirst().orElse(null));
  }

  private boolean drawToolsShown() {
    return Boolean.TRUE.equals(
        js(
            "const t = document.querySelector('.leaflet-draw');"
                + " return !!t && getComputedStyle(t).display !== 'none';"));
  }

  private void signInWith(String name, String password) {
    WebElement form = waitFor(".sign-in-form");
    if (!form.isDisplayed()) {
      driver.findElement(By.cssSelector(".sign-in summary")).click();
    }
    WebElement user = form.findElement(By.name("username"));
    user.clear();
    user.sendKeys(name);
    WebElement pass = form.findElement(By.name("password"));
    pass.clear();
    pass.sendKeys(password);
    form.findElement(By.cssSelector("button[type=submit]")).click();
  }

  @Test
  void anAnalystSignsInToDrawAndOutAgain() {
    driver = Browser.open(1366, 768);
    driver.get(live.base());
    Browser.waitReady(driver);
    assertThat(js("return document.body.dataset.ready")).isEqualTo("true");
    assertThat(drawToolsShown()).as("a visitor sees the map, not the drawing tools").isFalse();

    signInWith(TestAccounts.ANALYST, "not the password");
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(d -> !d.findElement(By.cssSelector(".sign-in-message")).getText().isEmpty());
    assertThat(driver.findElement(By.cssSelector(".sign-in-message")).getText())
        .isEqualTo("the name or password is wrong");

    signInWith(TestAccounts.ANALYST, TestAccounts.PASSWORD);
    WebElement name = waitFor(".account-name");
    assertThat(name.getText()).isEqualTo(TestAccounts.ANALYST);
    assertThat(driver.findElement(By.cssSelector(".account-role")).getText()).contains("analyst");
    assertThat(drawToolsShown()).isTrue();
    assertThat(String.valueOf(js("return document.cookie")))
        .as("the session cookie is HttpOnly: no script can read it")
        .doesNotContain("sahel_session");
    assertThat(driver.manage().getCookieNamed("sahel_session").isHttpOnly()).isTrue();

    driver.findElement(By.cssSelector(".sign-out")).click();
    waitFor(".sign-in summary");
    assertThat(drawToolsShown()).isFalse();
    // The one error the browser logs is the refused sign-in's 401, which the form showed.
    assertThat(Browser.consoleErrors(driver))
        .allMatch(e -> e.contains("/api/session") && e.contains("401"))
        .hasSize(1);
  }

  @Test
  void aViewerSeesNoDrawingTools() {
    driver = Browser.open(1366, 768);
    driver.get(live.base());
    Browser.waitReady(driver);
    signInWith(TestAccounts.VIEWER, TestAccounts.PASSWORD);
    waitFor(".account-name");
    assertThat(drawToolsShown()).isFalse();
  }

  @Test
  void withoutAnonymousViewingThePageAsksToSignInBeforeShowingData() {
    driver = Browser.open(1366, 768);
    String base = "http://127.0.0.1:" + closed.port() + "/";
    driver.get(base);
    waitFor(".sign-in-form");
    assertThat(driver.findElement(By.cssSelector(".sign-in-form")).isDisplayed())
        .as("the form is open from the start")
        .isTrue();
    assertThat(js("return document.body.dataset.ready || ''")).isEqualTo("");
    assertThat(
            js(
                "return performance.getEntriesByType('resource')"
                    + ".filter(e => e.name.includes('/ogc/')).length"))
        .as("no data asked before signing in")
        .isEqualTo(0L);
    signInWith(TestAccounts.VIEWER, TestAccounts.PASSWORD);
    Browser.waitReady(driver);
    assertThat(js("return document.body.dataset.ready")).isEqualTo("true");
    assertThat(js("return document.querySelectorAll('#map path, #map canvas').length"))
        .as("the layers are drawn once signed in")
        .isNotEqualTo(0L);
  }
}
