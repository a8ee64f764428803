package org.sahelmap.api;

import io.javalin.http.Context;

/**
 * Absolute links in OGC API form ({@code href, rel, type, title}), rooted at this request's host.
 */
final class Links {
  static final String JSON = "application/json";
  static final String GEOJSON = "application/geo+json";
  static final String HTML = "text/html";
  static final String OPENAPI = "application/vnd.oai.openapi+json;version=3.0";
  static final String MVT = "application/vnd.mapbox-vector-tile";
  static final String REL_TILESETS_VECTOR =
      "http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector";
  static final String REL_TILING_SCHEME = "http://www.opengis.net/def/rel/ogc/1.0/tiling-scheme";

  private Links() {}

  /** Scheme, host and port as the client addressed us, e.g. {@code http://127.0.0.1:8080}. */
  static String root(Context ctx) {
    String host = ctx.host();
    return ctx.scheme() + "://" + (host == null ? "localhost" : host);
  }

  static Link link(String href, String rel, String type, String title) {
    return new Link(href, rel, type, title);
  }
}
