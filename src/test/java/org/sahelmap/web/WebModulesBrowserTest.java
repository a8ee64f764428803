package org.sahelmap.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import net.sf.geographiclib.Geodesic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import org.sahelmap.testing.Browser;
import org.sahelmap.testing.NeedsBrowser;
import org.sahelmap.testing.StaticWeb;

/**
 * The pure front-end modules (dates, numbers, permalinks, state, geodesy) run in the real browser,
 * imported as the page imports them, with no map and no database.
 */
@NeedsBrowser
class WebModulesBrowserTest {
  static StaticWeb web;
  static ChromeDriver driver;

  @BeforeAll
  static void open() {
    web = StaticWeb.start();
    driver = Browser.open(800, 600);
    driver.get(web.url() + "css/app.css");
  }

  @AfterAll
  static void close() {
    driver.quit();
    web.stop();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> run(String body) {
    Object r =
        Browser.js(driver)
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "Promise.all(['dates','format','permalink','state','geo'].map(m => import('/js/' + m + '.js')))"
                    + ".then(([dates, format, permalink, state, geo]) => done((() => {"
                    + body
                    + "})())).catch(e => done({ error: String(e) }));");
    return (Map<String, Object>) r;
  }

  @Test
  void eventDatesAreShownAtTheirPrecision() {
    Map<String, Object> r =
        run(
            "const f = dates.formatEventDate; return {"
                + "late: f('2024-02-21', '2024-02-29', 'late-month'),"
                + "early: f('2024-03-01', '2024-03-10', 'early-month'),"
                + "mid: f('2024-03-11', '2024-03-20', 'mid-month'),"
                + "day: f('2024-09-30', '2024-09-30', 'day'),"
                + "month: f('2023-06-01', '2023-06-30', 'month'),"
                + "year: f('2016-01-01', '2016-12-31', 'year'),"
                + "months: f('2023-10-01', '2023-11-30', 'range'),"
                + "days: f('2024-07-01', '2024-10-21', 'range'),"
                + "years: f('2023-12-15', '2024-01-09', 'range') };");
    assertThat(r)
        .containsEntry("late", "late February 2024")
        .containsEntry("early", "early March 2024")
        .containsEntry("mid", "mid-March 2024")
        .containsEntry("day", "30 September 2024")
        .containsEntry("month", "June 2023")
        .containsEntry("year", "2016")
        .containsEntry("months", "October–November 2023")
        .containsEntry("days", "1 July – 21 October 2024")
        .containsEntry("years", "15 December 2023 – 9 January 2024");
  }

  @Test
  void numbersAreFormattedForPeopleAndTextIsEscaped() {
    Map<String, Object> r =
        run(
            "return { area: format.formatKm2(2706808.4), len: format.formatKm(1266.94),"
                + " short: format.formatKm(71.84), tiny: format.formatKm(2), none: format.formatNumber(null),"
                + " esc: format.escapeHtml('<b a=\"x\">&</b>') };");
    assertThat(r)
        .containsEntry("area", "2,706,808 km²")
        .containsEntry("len", "1,267 km")
        .containsEntry("short", "71.8 km")
        .containsEntry("tiny", "2 km")
        .containsEntry("none", "–")
        .containsEntry("esc", "&lt;b a=&quot;x&quot;&gt;&amp;&lt;/b&gt;");
  }

  @Test
  void permalinkEncodingRoundTripsAndIgnoresGarbage() {
    Map<String, Object> r =
        run(
            "const s = { view: { zoom: 7.5, lat: 18.4411, lon: 1.4072 }, visible: new Set(['kidal','events']),"
                + " time: { from: '2023-10-01', to: '2023-11-30' }, selected: 'pnd-x',"
                + " filter: { q: 'gold & mines', categories: ['military', 'economic'] } };"
                + "const h = permalink.encode(s); const back = permalink.decode(h);"
                + "const bad = permalink.decode('#map=a/b/c&t=2024-13/x');"
                + "return { hash: h, again: permalink.encode(back), badKeys: Object.keys(bad).length,"
                + " q: back.filter.q, cats: back.filter.categories.join('+'),"
                + " none: permalink.decode('#map=5/17/-1').filter === undefined };");
    assertThat(r.get("hash"))
        .isEqualTo(
            "#map=7.5/18.4411/1.4072&layers=events,kidal&t=2023-10-01/2023-11-30"
                + "&q=gold%20%26%20mines&cat=economic,military&event=pnd-x");
    assertThat(r.get("again")).isEqualTo(r.get("hash"));
    assertThat(r)
        .containsEntry("badKeys", 0L)
        .containsEntry("q", "gold & mines")
        .containsEntry("cats", "economic+military")
        .containsEntry("none", true);
  }

  @Test
  void measuredDistanceIsGeodesicOnWgs84() {
    // Bamako to Kidal, and Gao to Tinzaouaten, against GeographicLib.
    double[][] pairs = {
      {12.60915, -7.97522, 18.44111, 1.40722}, {16.27167, -0.04472, 19.9628, 2.8828}
    };
    for (double[] p : pairs) {
      Map<String, Object> r =
          run(
              String.format(
                  java.util.Locale.ROOT,
                  "return { km: geo.geodesicKm(%f, %f, %f, %f) };",
                  p[0],
                  p[1],
                  p[2],
                  p[3]));
      double expected = Geodesic.WGS84.Inverse(p[0], p[1], p[2], p[3]).s12 / 1000;
      assertThat(((Number) r.get("km")).doubleValue())
          .isCloseTo(expected, org.assertj.core.data.Offset.offset(0.001));
    }
  }
}
