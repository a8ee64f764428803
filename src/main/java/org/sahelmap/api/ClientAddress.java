package org.sahelmap.api;

import io.javalin.http.Context;

/**
 * The address a request comes from, for rate limits and the audit trail: the connection's peer, or,
 * behind a trusted proxy, the address that proxy appended last to X-Forwarded-For (the only entry
 * it vouches for; earlier ones are whatever the client sent).
 */
final class ClientAddress {
  private final boolean trustProxy;

  ClientAddress(boolean trustProxy) {
    this.trustProxy = trustProxy;
  }

  String of(Context ctx) {
    if (trustProxy) {
      String forwarded = ctx.header("X-Forwarded-For");
      if (forwarded != null && !forwarded.isBlank()) {
        String[] hops = forwarded.split(",");
        String last = hops[hops.length - 1].trim();
        if (!last.isEmpty() && last.length() <= 64) {
          return last;
        }
      }
    }
    return ctx.req().getRemoteAddr();
  }
}
