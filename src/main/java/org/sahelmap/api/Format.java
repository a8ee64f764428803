package org.sahelmap.api;

import io.javalin.http.Context;

/**
 * The representation a client asked for: {@code f=} wins, then the Accept header; JSON is the
 * default, because API clients (GDAL, QGIS, scripts) rarely send Accept. A browser sending {@code
 * text/html} first gets the HTML view where one exists.
 */
enum Format {
  JSON,
  HTML,
  GEOJSON_DOWNLOAD;

  static Format of(Context ctx, boolean htmlAvailable) {
    String f = ctx.queryParam("f");
    if (f != null) {
      return switch (f) {
        case "json" -> JSON;
        case "html" -> {
          if (!htmlAvailable) {
            throw ApiException.badParameter("f", "no HTML view here; use f=json");
          }
          yield HTML;
        }
        case "geojson" -> GEOJSON_DOWNLOAD;
        default -> throw ApiException.badParameter("f", "must be json, html or geojson");
      };
    }
    String accept = ctx.header("Accept");
    if (htmlAvailable && accept != null && accept.trim().startsWith("text/html")) {
      return HTML;
    }
    return JSON;
  }
}
