package org.sahelmap.api;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The security headers on every response. The Content-Security-Policy allows scripts only from this
 * origin, plus the inline scripts of the pages we serve by their SHA-256 (computed here from the
 * files as served): {@code index.html}'s import map must stay inline, since Chromium does not load
 * external import maps. No {@code 'unsafe-inline'} for scripts, so markup injected anywhere cannot
 * run. Styles keep {@code 'unsafe-inline'}: Leaflet and Leaflet.draw write style attributes into
 * their markup, and a style cannot run script.
 */
final class SecurityHeaders {
  /** Pages under {@code /web} whose inline scripts are allowed by hash. */
  static final List<String> PAGES = List.of("/web/index.html", "/web/notes.html");

  private static final Pattern INLINE_SCRIPT =
      Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>(.*?)</script>", Pattern.DOTALL);

  private final String policy;

  SecurityHeaders(String onlineBasemapUrl) {
    Set<String> hashes = new LinkedHashSet<>();
    for (String page : PAGES) {
      hashes.addAll(inlineScriptHashes(read(page)));
    }
    String tiles = onlineBasemapUrl == null ? "" : " " + origin(onlineBasemapUrl);
    this.policy =
        "default-src 'self'; script-src 'self'"
            + String.join("", hashes.stream().map(h -> " '" + h + "'").toList())
            + "; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:"
            + tiles
            + "; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'self';"
            + " form-action 'self'; frame-ancestors 'self'";
  }

  String policy() {
    return policy;
  }

  void apply(Context ctx) {
    ctx.header("Content-Security-Policy", policy);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("X-Frame-Options", "SAMEORIGIN");
    ctx.header("Referrer-Policy", "strict-origin-when-cross-origin");
  }

  /** {@code sha256-...} of each inline script's text, exactly as the browser hashes it. */
  static List<String> inlineScriptHashes(String html) {
    Matcher m = INLINE_SCRIPT.matcher(html);
    List<String> out = new java.util.ArrayList<>();
    while (m.find()) {
      out.add("sha256-" + sha256(m.group(1)));
    }
    return out;
  }

  private static String sha256(String text) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String read(String resource) {
    try (InputStream in = SecurityHeaders.class.getResourceAsStream(resource)) {
      return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The scheme and host of a tile URL template ({@code {z}} and the like are not a valid URI). */
  private static String origin(String template) {
    URI u = URI.create(template.replaceAll("\\{[^}]*}", "x"));
    return u.getScheme() + "://" + u.getRawAuthority();
  }
}
