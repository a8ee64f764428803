package org.sahelmap.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import org.sahelmap.testing.Browser;
import org.sahelmap.testing.LiveApp;
import org.sahelmap.testing.NeedsBrowser;
import org.sahelmap.testing.TestAccounts;

/** "PNG of view" draws what the screen shows: the AOIs, and the map across the whole width. */
@NeedsBrowser
class ExportContentBrowserTest {
  static final Path SHOTS = Path.of("target/screenshots/export");
  static LiveApp live;
  ChromeDriver driver;

  @BeforeAll
  static void startApp() throws Exception {
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

  @Test
  void viewPngDrawsTheAoiAndLeavesNoEmptyColumn() throws Exception {
    HttpResponse<String> created =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(live.base() + "ogc/collections/aois/items"))
                    .header("Content-Type", "application/geo+json")
                    .header("Authorization", live.accounts().analyst())
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"type\":\"Feature\",\"properties\":{\"name\":\"Export square\"},"
                                + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
                                + "[[[-4,16],[-2,16],[-2,18],[-4,18],[-4,16]]]}}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).isEqualTo(201);
    driver = Browser.openPage(live, 1920, 1080, false, TestAccounts.ANALYST);
    // The AOI's centre in the middle of the map, so it is the middle of the exported map too.
    BufferedImage img = viewPngOf("[17, -3]", "view");
    assertThat(img.getWidth()).isEqualTo(1920);
    // The map is 1920 x 840 below the banner (36) and the title (104): its centre is (960, 560).
    int centre = img.getRGB(960, 560);
    int r = (centre >> 16) & 0xff;
    int b = centre & 0xff;
    assertThat(r - b)
        .as("AOI's yellow fill at the view's centre, rgb %06x", centre & 0xffffff)
        .isGreaterThan(40);
    // Where a slide has its text column, the view export has map: not the page's paper colour.
    int left = img.getRGB(200, 560) & 0xffffff;
    assertThat(left).as("no empty column on the left").isNotEqualTo(0xfbfaf7);
    assertThat(hatchedRows(img))
        .as("a legend swatch drawn as stripes, not one colour")
        .isPositive();
  }

  /**
   * A PNG of the Aïr mountains carries the shaded relief over the land, as the live map does, and
   * none once the user has turned the relief off in Settings: the land is then its one flat fill.
   */
  @Test
  void viewPngShadesTheMountainsUnlessTheReliefIsOff() throws Exception {
    driver = Browser.openPage(live, 1920, 1080, false, TestAccounts.ANALYST);
    double shaded = spreadAroundTheCentre(viewPngOf("[18.7, 8.7]", "relief-on"));
    Browser.js(driver).executeScript("localStorage.setItem('sahel-map.relief', 'off')");
    double flat = spreadAroundTheCentre(viewPngOf("[18.7, 8.7]", "relief-off"));
    assertThat(shaded).as("brightness spread over the Aïr with relief").isGreaterThan(4 * flat + 5);
  }

  private BufferedImage viewPngOf(String centre, String name) throws Exception {
    Browser.js(driver)
        .executeScript("window.sahelMap.map.setView(" + centre + ", 7, { animate: false })");
    Thread.sleep(500);
    String url =
        (String)
            Browser.js(driver)
                .executeAsyncScript(
                    "const done = arguments[0]; window.sahelMap.viewPng().then(done)");
    byte[] png = Base64.getDecoder().decode(url.substring(url.indexOf(',') + 1));
    Files.write(SHOTS.resolve(name + ".png"), png);
    return ImageIO.read(new ByteArrayInputStream(png));
  }

  /** The standard deviation of brightness over 200 x 200 px at the map's centre (960, 560). */
  private static double spreadAroundTheCentre(BufferedImage img) {
    double sum = 0;
    double squares = 0;
    int n = 0;
    for (int y = 460; y < 660; y++) {
      for (int x = 860; x < 1060; x++) {
        int c = img.getRGB(x, y);
        double v = ((c >> 16) & 0xff) + ((c >> 8) & 0xff) + (c & 0xff);
        sum += v;
        squares += v * v;
        n++;
      }
    }
    double mean = sum / n;
    return Math.sqrt(squares / n - mean * mean);
  }

  /**
   * The longest run of rows of the legend's swatch column (x 46..70, inside the legend's near-white
   * box) whose colour changes at least four times: a hatch's stripes. A solid swatch changes none,
   * a dot twice.
   */
  private static int hatchedRows(BufferedImage img) {
    int run = 0;
    int best = 0;
    for (int y = 150; y < 1000; y++) {
      int bg = img.getRGB(20, y);
      if (((bg >> 16) & 0xff) < 245 || ((bg >> 8) & 0xff) < 245 || (bg & 0xff) < 245) {
        run = 0;
        continue; // not the legend's box
      }
      int changes = 0;
      for (int x = 47; x < 70; x++) {
        if (distance(img.getRGB(x, y), img.getRGB(x - 1, y)) > 60) {
          changes++;
        }
      }
      run = changes >= 4 ? run + 1 : 0;
      best = Math.max(best, run);
    }
    return best;
  }

  private static int distance(int a, int b) {
    return Math.abs(((a >> 16) & 0xff) - ((b >> 16) & 0xff))
        + Math.abs(((a >> 8) & 0xff) - ((b >> 8) & 0xff))
        + Math.abs((a & 0xff) - (b & 0xff));
  }
}
