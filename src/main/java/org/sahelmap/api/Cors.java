package org.sahelmap.api;

import io.javalin.http.Context;

/** CORS for the read API: any origin may GET; writes (AOIs) stay same-origin. */
final class Cors {
  private Cors() {}

  static void allowReads(Context ctx) {
    ctx.header("Access-Control-Allow-Origin", "*");
    ctx.header("Access-Control-Expose-Headers", "ETag, Last-Modified, Content-Disposition");
  }

  static void preflight(Context ctx) {
    ctx.header("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS");
    // Authorization: a bearer token is never sent by itself, so another origin may use its own.
    ctx.header(
        "Access-Control-Allow-Headers", "Accept, Authorization, If-None-Match, If-Modified-Since");
    ctx.header("Access-Control-Max-Age", "86400");
    ctx.status(204);
  }
}
