package org.sahelmap.api;

import static org.sahelmap.api.Html.esc;

import java.util.List;
import java.util.Map;
import org.sahelmap.export.ExportFormat;

/** HTML views of collections: a table of them, and one collection with a small map of its items. */
final class CollectionPages {
  private CollectionPages() {}

  static String list(List<Map<String, Object>> collections) {
    StringBuilder rows = new StringBuilder();
    for (Map<String, Object> c : collections) {
      rows.append("<tr><td><a href=\"")
          .append(esc(OgcPaths.collection(String.valueOf(c.get("id")))))
          .append("?f=html\">")
          .append(esc(c.get("id")))
          .append("</a></td><td>")
          .append(esc(c.get("title")))
          .append("</td><td>")
          .append(esc(c.get("kind")))
          .append("</td><td>")
          .append(esc(c.get("numberOfFeatures")))
          .append("</td></tr>");
    }
    return Html.page(
        "Collections",
        OgcPaths.COLLECTIONS + "?f=json",
        "<table><tr><th>id</th><th>title</th><th>kind</th><th>features</th></tr>"
            + rows
            + "</table>");
  }

  /** A link per export format, e.g. " · <a href=...?f=csv>CSV</a>". */
  private static String downloads(String escapedItems) {
    StringBuilder b = new StringBuilder();
    for (ExportFormat e : ExportFormat.values()) {
      b.append(" · <a href=\"")
          .append(escapedItems)
          .append("?f=")
          .append(e.f())
          .append("\">")
          .append(esc(e.title()))
          .append("</a>");
    }
    return b.toString();
  }

  static String one(Map<String, Object> c) {
    String items = esc(OgcPaths.items(String.valueOf(c.get("id"))));
    String body =
        "<p>"
            + esc(c.get("description"))
            + "</p><p>"
            + esc(c.get("numberOfFeatures"))
            + " features · <a href=\""
            + items
            + "?f=json\">items (GeoJSON)</a> · <a href=\""
            + items
            + "?f=geojson\">download all</a>"
            + downloads(items)
            + "</p>"
            + "<div id=\"map\" style=\"height:420px;border:1px solid #ccc\"></div>"
            + "<h2>Metadata</h2><pre>"
            + esc(c.get("metadata"))
            + "</pre>"
            + "<link rel=\"stylesheet\" href=\"/webjars/leaflet/1.9.4/dist/leaflet.css\">"
            + "<script src=\"/webjars/leaflet/1.9.4/dist/leaflet.js\"></script>"
            // The URL travels in a data attribute, escaped; the script is a file, never inline.
            + "<script src=\"/js/pagemap.js\" data-src=\""
            + items
            + "?f=json&amp;limit=1000\"></script>";
    return Html.page(
        String.valueOf(c.get("title")), OgcPaths.collection(String.valueOf(c.get("id"))), body);
  }
}
