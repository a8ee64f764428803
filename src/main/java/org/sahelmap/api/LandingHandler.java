package org.sahelmap.api;

import static org.sahelmap.api.Html.esc;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /ogc} (landing page), {@code /ogc/conformance} and {@code /ogc/api} (OpenAPI 3.0). */
final class LandingHandler {
  static final String TITLE = "Sahel Map API";
  static final String DESCRIPTION =
      "Map layers of the Sahel computed from open geodata (Alliance of Sahel States, the"
          + " Mali-Algeria border and its zone, Kidal, Gao and Intahaka, Tinzaouaten) and dated"
          + " events from analysis documents, served as OGC API Features and as vector tiles (OGC"
          + " API Tiles).";

  static final List<String> CONFORMANCE =
      List.of(
          "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
          "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
          "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
          "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
          "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs",
          // Part 3 and the CQL2 classes its filter speaks (org.sahelmap.filter).
          "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables",
          "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter",
          "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/features-filter",
          "http://www.opengis.net/spec/cql2/1.0/conf/cql2-text",
          "http://www.opengis.net/spec/cql2/1.0/conf/cql2-json",
          "http://www.opengis.net/spec/cql2/1.0/conf/basic-cql2",
          "http://www.opengis.net/spec/cql2/1.0/conf/advanced-comparison-operators",
          "http://www.opengis.net/spec/cql2/1.0/conf/case-insensitive-comparison",
          "http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions",
          "http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions-plus",
          "http://www.opengis.net/spec/cql2/1.0/conf/spatial-functions",
          "http://www.opengis.net/spec/cql2/1.0/conf/temporal-functions",
          "http://www.opengis.net/spec/cql2/1.0/conf/property-property",
          "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/create-replace-delete",
          "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/optimistic-locking-etags",
          // OGC API Tiles Part 1 (OGC 20-057) and the tile matrix set JSON of OGC 17-083r4.
          "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/core",
          "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/tileset",
          "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/tilesets-list",
          "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/geodata-tilesets",
          "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/mvt",
          "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/oas30",
          "http://www.opengis.net/spec/tms/2.0/conf/tilematrixset",
          "http://www.opengis.net/spec/tms/2.0/conf/json-tilematrixset");

  private final int maxLimit;

  LandingHandler(int maxLimit) {
    this.maxLimit = maxLimit;
  }

  void landing(Context ctx) {
    Format format = Format.of(ctx, true);
    String root = Links.root(ctx);
    List<Link> links =
        List.of(
            Links.link(root + "/ogc", "self", Links.JSON, "this document"),
            Links.link(root + "/ogc?f=html", "alternate", Links.HTML, "this document as HTML"),
            Links.link(root + "/ogc/api", "service-desc", Links.OPENAPI, "the API definition"),
            Links.link(root + "/ogc/conformance", "conformance", Links.JSON, "conformance classes"),
            Links.link(root + OgcPaths.COLLECTIONS, "data", Links.JSON, "the collections"),
            Links.link(root + "/health", "status", Links.JSON, "service and database health"));
    if (format == Format.HTML) {
      StringBuilder list = new StringBuilder("<ul>");
      for (Link l : links) {
        list.append("<li><a href=\"")
            .append(esc(l.href()))
            .append("\">")
            .append(esc(l.title()))
            .append("</a> <code>")
            .append(esc(l.rel()))
            .append("</code></li>");
      }
      ctx.html(Html.page(TITLE, "/ogc?f=json", "<p>" + esc(DESCRIPTION) + "</p>" + list + "</ul>"));
      return;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("title", TITLE);
    body.put("description", DESCRIPTION);
    body.put("links", links);
    ctx.json(body);
  }

  void conformance(Context ctx) {
    if (Format.of(ctx, true) == Format.HTML) {
      StringBuilder list = new StringBuilder("<ul>");
      CONFORMANCE.forEach(c -> list.append("<li><code>").append(esc(c)).append("</code></li>"));
      ctx.html(Html.page("Conformance", "/ogc/conformance?f=json", list + "</ul>"));
      return;
    }
    ctx.json(Map.of("conformsTo", CONFORMANCE));
  }

  @SuppressWarnings("unchecked")
  void openApi(Context ctx) {
    Map<String, Object> doc = OpenApiDocument.build(Links.root(ctx), maxLimit);
    if (Format.of(ctx, true) == Format.HTML) {
      // The API at a glance: each path and method with its summary; the JSON has the rest.
      StringBuilder list =
          new StringBuilder("<table><tr><th>path</th><th>method</th><th>what</th></tr>");
      ((Map<String, Object>) doc.get("paths"))
          .forEach(
              (path, item) ->
                  ((Map<String, Object>) item)
                      .forEach(
                          (method, op) -> {
                            if (op instanceof Map<?, ?> o) {
                              list.append("<tr><td><code>/ogc")
                                  .append(esc(path.equals("/") ? "" : path))
                                  .append("</code></td><td>")
                                  .append(esc(method.toUpperCase(java.util.Locale.ROOT)))
                                  .append("</td><td>")
                                  .append(esc(o.get("summary")))
                                  .append("</td></tr>");
                            }
                          }));
      ctx.html(Html.page("API definition", "/ogc/api?f=json", list + "</table>"));
      return;
    }
    ctx.contentType(Links.OPENAPI);
    // As UTF-8 bytes: given a String, Jetty encodes a type without a charset parameter as
    // ISO-8859-1, so the "×" of the tile description reached clients as a byte JSON forbids.
    ctx.result(JsonText.toJson(doc).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
