package org.sahelmap.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sahelmap.json.Json;

/**
 * The basemap's shaded relief as the page is served it (classpath /web/img, built by
 * scripts/data/build-relief.sh): placed where the terrain is. Mountains are taken from summits'
 * published coordinates (Wikipedia's articles on each, from GeoNames and national surveys), a
 * reference independent of the Natural Earth raster the image is made from; plains from towns on
 * them. Relief strength is how far the shading departs from flat, averaged over 30 km around.
 */
class ReliefImageTest {
  static BufferedImage image;
  static double south, west, north, east;

  @BeforeAll
  static void read() throws IOException {
    try (InputStream png = ReliefImageTest.class.getResourceAsStream("/web/img/relief.png");
        InputStream json = ReliefImageTest.class.getResourceAsStream("/web/img/relief.json")) {
      assertThat(png).as("relief.png on the classpath").isNotNull();
      assertThat(json).as("relief.json on the classpath").isNotNull();
      image = ImageIO.read(png);
      JsonNode bounds = Json.MAPPER.readTree(json).get("bounds");
      south = bounds.get(0).get(0).asDouble();
      west = bounds.get(0).get(1).asDouble();
      north = bounds.get(1).get(0).asDouble();
      east = bounds.get(1).get(1).asDouble();
    }
  }

  /** Mountains with a summit of 1,500 m or more: the shading is strong around each. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "Mont Tahat (Hoggar; 2908 m), 23.289, 5.534",
    "Mont Greboun (Aïr; 1944 m), 20.0, 8.583",
    "Mont Bagzane (Aïr; 2022 m), 17.72, 8.75",
    "Emi Koussi (Tibesti; 3415 m), 19.79, 18.55",
    "Mount Nimba (1752 m), 7.6, -8.42",
    "Mount Cameroon (4040 m), 4.2, 9.17",
  })
  void mountainsAreShaded(String name, double lat, double lon) {
    assertThat(strength(lat, lon)).as(name).isGreaterThan(40);
  }

  /** Floodplains and basins: next to no shading, a tenth of the mountains' or less. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "Ténenkou (Niger inner delta), 14.46, -4.92",
    "Timbuktu (Niger bend), 16.77, -3.0",
    "Diffa (Lake Chad basin), 13.3, 12.6",
  })
  void plainsAreNot(String name, double lat, double lon) {
    assertThat(strength(lat, lon)).as(name).isLessThan(6);
  }

  @Test
  void theSeaIsLeftToTheBasemap() {
    // Off Dakar in the Atlantic and in the Gulf of Guinea south of Lomé.
    assertThat(alpha(14.7, -19.0)).isZero();
    assertThat(alpha(3.0, 1.2)).isZero();
  }

  @Test
  void itFadesOutWhereItEndsOnLand() {
    // Its east edge crosses Chad and Libya: nothing at the very edge, the full shade a degree in.
    double lat = 20.5;
    assertThat(alpha(lat, east - 0.01)).isLessThanOrEqualTo(8);
    assertThat(strength(lat, east - 2.5, 60)).isGreaterThan(4 * strength(lat, east - 0.1, 8) + 1);
  }

  private static double strength(double lat, double lon) {
    return strength(lat, lon, 30);
  }

  /** The mean opacity of the shading within km of (lat, lon). */
  private static double strength(double lat, double lon, double km) {
    double[] centre = pixel(lat, lon);
    double degLat = km / 111.2;
    double degLon = degLat / Math.cos(Math.toRadians(lat));
    double[] corner = pixel(lat + degLat, lon + degLon);
    double rx = Math.abs(corner[0] - centre[0]);
    double ry = Math.abs(corner[1] - centre[1]);
    double sum = 0;
    int n = 0;
    for (int y = (int) (centre[1] - ry); y <= centre[1] + ry; y++) {
      for (int x = (int) (centre[0] - rx); x <= centre[0] + rx; x++) {
        double dx = (x - centre[0]) / rx;
        double dy = (y - centre[1]) / ry;
        if (dx * dx + dy * dy > 1
            || x < 0
            || y < 0
            || x >= image.getWidth()
            || y >= image.getHeight()) {
          continue;
        }
        sum += image.getRGB(x, y) >>> 24;
        n++;
      }
    }
    assertThat(n).as("pixels around %s, %s", lat, lon).isPositive();
    return sum / n;
  }

  private static int alpha(double lat, double lon) {
    double[] p = pixel(lat, lon);
    return image.getRGB((int) p[0], (int) p[1]) >>> 24;
  }

  /** Where (lat, lon) falls in the image, which is in Web Mercator between its bounds. */
  private static double[] pixel(double lat, double lon) {
    double x = (lon - west) / (east - west) * image.getWidth();
    double y =
        (mercator(north) - mercator(lat)) / (mercator(north) - mercator(south)) * image.getHeight();
    return new double[] {x, y};
  }

  private static double mercator(double lat) {
    return Math.log(Math.tan(Math.PI / 4 + Math.toRadians(lat) / 2));
  }
}
