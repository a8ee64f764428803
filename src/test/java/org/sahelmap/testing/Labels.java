package org.sahelmap.testing;

import java.util.List;
import org.openqa.selenium.chrome.ChromeDriver;

/** The place names the page shows now, read from their boxes on screen (not from our own maths). */
public final class Labels {
  private Labels() {}

  private static final String SHOWN =
      "const map = document.getElementById('map').getBoundingClientRect();"
          + " const shown = [...document.querySelectorAll('.leaflet-labels-pane .place-label')]"
          + " .filter((e) => getComputedStyle(e).display !== 'none')"
          + " .map((e) => ({ name: e.textContent, r: e.firstChild.getBoundingClientRect() }))"
          + " .filter(({ r }) => r.width > 0 && r.right > map.left && r.left < map.right"
          + " && r.bottom > map.top && r.top < map.bottom);";

  /** The names of the labels shown inside the map's box. */
  @SuppressWarnings("unchecked")
  public static List<String> shown(ChromeDriver driver) {
    return (List<String>)
        Browser.js(driver).executeScript(SHOWN + " return shown.map((s) => s.name);");
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
