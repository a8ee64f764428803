package org.sahelmap.api;

import io.javalin.http.Context;

/**
 * Absolute links in OGC API form ({@code href, rel, type, title}), rooted at the server's public
 * URL ({@link PublicUrl}, resolved once per request by a before-handler), never at the {@code Host}
 * a client sent.
 */
final class Links {
  static final String JSON = "application/json";
  static final String GEOJSON = "application/geo+json";
  static final String HTML = "text/html";
  static final String OPENAPI = "application/vnd.oai.openapi+json;version=3.0";
  static final String MVT = "application/vnd.mapbox-vector-tile";
  static final String REL_TILESETS_VECTOR =
      "http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector";
  static final String REL_QUERYABLES = "http://www.opengis.net/def/rel/ogc/1.0/queryables";
  static final String REL_TILING_SCHEME = "http://www.opengis.net/def/rel/ogc/1.0/tiling-scheme";

  private Links() {}

  static final String ROOT_ATTRIBUTE = "sahel.publicRoot";

  /** Scheme, host and port of the public URL, e.g. {@code http://localhost:8080}. */
  static String root(Context ctx) {
    String root = ctx.attribute(ROOT_ATTRIBUTE);
    return root != null ? root : "http://localhost:" + ctx.req().getLocalPort();
  }

  static Link link(String href, String rel, String type, String title) {
    return new Link(href, rel, type, title);
  }
}
