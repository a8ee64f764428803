package org.sahelmap.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's chromedriver. Both paths are given, so
 * Selenium Manager never runs and nothing is downloaded.
 */
public final class Browser {
  public static final String CHROMIUM = "/usr/bin/chromium";
  public static final String CHROMEDRIVER = "/usr/bin/chromedriver";

  private Browser() {}

  public static ChromeDriver open(int width, int height) {
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
    Path profile;
    try {
      profile = Files.createTempDirectory("sahel-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
        "--disable-dev-shm-usage",
        "--hide-scrollbars",
        "--user-data-dir=" + profile,
        "--window-size=" + width + "," + height);
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
            .build();
    return new ChromeDriver(service, options);
  }

  /**
   * Makes the page's viewport exactly width × height CSS pixels (a window's size also counts its
   * frame, so innerHeight would come out smaller than asked). mobile: a phone's viewport (the
   * page's meta viewport honoured, touch events on, twice the pixels), as on a real handset.
   */
  public static void viewport(ChromeDriver driver, int width, int height, boolean mobile) {
    driver.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of(
            "width",
            width,
            "height",
            height,
            "deviceScaleFactor",
            mobile ? 2 : 1,
            "mobile",
            mobile));
    driver.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", mobile));
  }

  /**
   * The start the layout-sensitive tests share: a browser whose viewport is exactly width × height
   * ({@link #viewport}), signed in to the live app as {@code account}, on its page, ready.
   */
  public static ChromeDriver openPage(
      LiveApp live, int width, int height, boolean mobile, String account) {
    ChromeDriver driver = open(width, height);
    viewport(driver, width, height, mobile);
    live.signIn(driver, account);
    driver.get(live.base());
    waitReady(driver);
    return driver;
  }

  public static void waitReady(ChromeDriver driver) {
    new WebDriverWait(driver, Duration.ofSeconds(30))
        .until(
            d ->
                !""
                    .equals(
                        String.valueOf(
                            js(d).executeScript("return document.body.dataset.ready || ''"))));
  }

  public static JavascriptExecutor js(org.openqa.selenium.WebDriver d) {
    return (JavascriptExecutor) d;
  }

  /**
   * Console messages at SEVERE (errors, failed requests, uncaught exceptions) since the last call.
   */
  public static List<String> consoleErrors(ChromeDriver driver) {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .toList();
  }
}
