package org.sahelmap.api;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Where absolute links are rooted. A client's {@code Host} header never is: a request with {@code
 * Host: evil.example} would otherwise hand every reader of the response (a proxy cache, a shared
 * link) URLs that point elsewhere. The root is the configured public URL, else the address the
 * server listens on ({@code http://localhost:8080} when it listens on every interface); {@code
 * X-Forwarded-Proto/Host} count only when the trust-proxy setting says a proxy in front sets them.
 */
final class PublicUrl {
  private static final Pattern HOST =
      Pattern.compile("[A-Za-z0-9.-]+(:[0-9]{1,5})?|\\[[0-9a-fA-F:.]+\\](:[0-9]{1,5})?");
  private final String configured;
  private final boolean trustProxy;
  private volatile String listening;

  PublicUrl(String configured, boolean trustProxy) {
    this.configured = configured == null ? null : configured.replaceAll("/+$", "");
    this.trustProxy = trustProxy;
  }

  /** Learns the listen address once the server has started (the port may have been 0). */
  void watch(Javalin app) {
    app.events(e -> e.serverStarted(() -> listening = fromConnectors(app)));
  }

  private static String fromConnectors(Javalin app) {
    for (Connector c : app.jettyServer().server().getConnectors()) {
      if (c instanceof ServerConnector sc) {
        String host = sc.getHost();
        if (host == null || host.isEmpty() || host.equals("0.0.0.0") || host.equals("::")) {
          host = "localhost";
        } else if (host.contains(":")) {
          host = "[" + host + "]";
        }
        return "http://" + host + ":" + sc.getLocalPort();
      }
    }
    return null;
  }

  String root(Context ctx) {
    if (trustProxy) {
      String proto = first(ctx.header("X-Forwarded-Proto"));
      String host = first(ctx.header("X-Forwarded-Host"));
      if (host != null && HOST.matcher(host).matches()) {
        String scheme =
            proto != null && proto.toLowerCase(Locale.ROOT).equals("https") ? "https" : "http";
        return scheme + "://" + host;
      }
    }
    if (configured != null) {
      return configured;
    }
    String l = listening;
    return l != null ? l : "http://localhost:" + ctx.req().getLocalPort();
  }

  private static String first(String header) {
    if (header == null) {
      return null;
    }
    String v = header.split(",", 2)[0].trim();
    return v.isEmpty() ? null : v;
  }
}
