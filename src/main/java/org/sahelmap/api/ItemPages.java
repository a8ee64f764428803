package org.sahelmap.api;

import static org.sahelmap.api.Html.esc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.sahelmap.json.Json;
import org.sahelmap.store.FeatureStore;
import org.sahelmap.store.FeatureStore.StoredFeature;
import org.sahelmap.store.Layer;

/**
 * HTML views of items: a page of a collection as a table with its paging links, and one feature
 * with its properties and a small map. Every value from the data is escaped.
 */
final class ItemPages {
  /** HTML pages are built in memory, so they are capped well below the JSON maximum. */
  static final long MAX_HTML_ROWS = 500;

  private static final ObjectMapper JSON = Json.MAPPER;

  private ItemPages() {}

  static String items(
      Layer layer, List<StoredFeature> rows, List<Link> links, OptionalLong matched) {
    StringBuilder body =
        new StringBuilder("<p>")
            .append(
                matched.isPresent()
                    ? esc(matched.getAsLong())
                    : "More than " + esc(String.format("%,d", FeatureStore.COUNT_CAP)))
            .append(" features match; ")
            .append(esc(rows.size()))
            .append(" shown.");
    for (Link l : links) {
      if (!"self".equals(l.rel())) {
        body.append(" <a href=\"")
            .append(esc(l.href()))
            .append("\">")
            .append(esc(l.title()))
            .append("</a>");
      }
    }
    body.append("</p><table><tr><th>id</th><th>properties</th></tr>");
    for (StoredFeature f : rows) {
      body.append("<tr><td><a href=\"")
          .append(esc(OgcPaths.item(layer.id(), urlEncoded(f.id()))))
          .append("?f=html\">")
          .append(esc(f.id()))
          .append("</a></td><td>")
          .append(summary(f.propertiesJson()))
          .append("</td></tr>");
    }
    body.append("</table>");
    return Html.page(layer.title() + ": features", OgcPaths.items(layer.id()), body.toString());
  }

  static String item(Layer layer, StoredFeature f) {
    StringBuilder rows = new StringBuilder("<table>");
    JsonNode props = parse(f.propertiesJson());
    for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      rows.append("<tr><th>")
          .append(esc(e.getKey()))
          .append("</th><td>")
          .append(esc(text(e.getValue())))
          .append("</td></tr>");
    }
    rows.append("</table>");
    String json = OgcPaths.item(layer.id(), urlEncoded(f.id()));
    String map =
        "<div id=\"map\" style=\"height:360px;border:1px solid #ccc;margin:1rem 0\"></div>"
            + "<link rel=\"stylesheet\" href=\"/webjars/leaflet/1.9.4/dist/leaflet.css\">"
            + "<script src=\"/webjars/leaflet/1.9.4/dist/leaflet.js\"></script>"
            // The URL travels in a data attribute, escaped; the script is a file, never inline.
            + "<script src=\"/js/pagemap.js\" data-max-zoom=\"9\" data-src=\""
            + esc(json + "?f=json")
            + "\"></script>";
    return Html.page(layer.title() + ": " + f.id(), json, map + rows);
  }

  /** The first few properties as "key: value", for the table of a page. */
  private static String summary(String propertiesJson) {
    StringBuilder sb = new StringBuilder();
    int n = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = parse(propertiesJson).fields();
        it.hasNext() && n < 6;
        n++) {
      Map.Entry<String, JsonNode> e = it.next();
      String v = text(e.getValue());
      sb.append(n == 0 ? "" : " · ")
          .append("<b>")
          .append(esc(e.getKey()))
          .append("</b>: ")
          .append(esc(v.length() > 80 ? v.substring(0, 79) + "…" : v));
    }
    return sb.toString();
  }

  private static String text(JsonNode v) {
    return v.isValueNode() ? v.asText() : v.toString();
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json == null ? "{}" : json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored properties are not JSON", e);
    }
  }

  private static String urlEncoded(String featureId) {
    return java.net.URLEncoder.encode(featureId, java.nio.charset.StandardCharsets.UTF_8);
  }
}
