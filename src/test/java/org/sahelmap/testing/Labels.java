package org.sahelmap.testing;

import java.util.List;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;

/** The place names the page shows now, read from their boxes on screen (not from our own maths). */
public final class Labels {
  private Labels() {}

  private static final String SHOWN =
      "const map = document.getElementById('map').getBoundingClientRect();"
          + " const shown = [...document.querySelectorAll('.leaflet-labels-pane .place-label')]"
          + " .filter((e) => getComputedStyle(e).display !== 'none')"
          + " .map((e) => ({ name: e.textContent, area: e.classList.contains('area-name'),"
          + " river: e.classList.contains('river-name'),"
          + " r: e.firstChild.getBoundingClientRect() }))"
          + " .filter(({ r }) => r.width > 0 && r.right > map.left && r.left < map.right"
          + " && r.bottom > map.top && r.top < map.bottom);";

  /** The names of places (towns, mission places) shown inside the map's box. */
  @SuppressWarnings("unchecked")
  public static List<String> shown(ChromeDriver driver) {
    return (List<String>)
        Browser.js(driver)
            .executeScript(SHOWN + " return shown.filter((s) => !s.area).map((s) => s.name);");
  }

  /**
   * The names written across areas (countries, regions) shown inside the map's box, each with the
   * lon/lat under the middle of its text: [{name, lon, lat}].
   */
  public static List<Map<String, Object>> areas(ChromeDriver driver) {
    return centres(driver, "area");
  }

  /** The names written along rivers shown inside the map's box, as {@link #areas}. */
  public static List<Map<String, Object>> rivers(ChromeDriver driver) {
    return centres(driver, "river");
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> centres(ChromeDriver driver, String kind) {
    return (List<Map<String, Object>>)
        Browser.js(driver)
            .executeScript(
                SHOWN
                    + " const m = window.sahelMap.map;"
                    + " return shown.filter((s) => s."
                    + kind
                    + ").map((s) => {"
                    + "  const ll = m.containerPointToLatLng([(s.r.left + s.r.right) / 2 - map.left,"
                    + "   (s.r.top + s.r.bottom) / 2 - map.top]);"
                    + "  return { name: s.name, lon: ll.lng, lat: ll.lat }; });");
  }

  /** Every pair of shown labels whose text boxes overlap, as "A / B". */
  @SuppressWarnings("unchecked")
  public static List<String> overprinted(ChromeDriver driver) {
    return (List<String>)
        Browser.js(driver)
            .executeScript(
                SHOWN
                    + " const out = [];"
                    + " for (let i = 0; i < shown.length; i++) for (let j = i + 1; j < shown.length;"
                    + " j++) { const a = shown[i].r, b = shown[j].r;"
                    + " if (a.left < b.right && a.right > b.left && a.top < b.bottom"
                    + " && a.bottom > b.top) out.push(shown[i].name + ' / ' + shown[j].name); }"
                    + " return out;");
  }
}
