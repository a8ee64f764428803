package org.sahelmap.api;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Validators for layer reads. A layer's {@code updated_at} changes whenever it or any of its
 * features change, so it is a sound version for every representation of that layer. Clients are
 * told to revalidate each time ({@code no-cache}): a briefer must never see a stale layer, and
 * revalidation costs one indexed lookup and a 304.
 */
final class HttpCaching {
  private HttpCaching() {}

  /**
   * Sets ETag, Last-Modified, Cache-Control and Vary; answers 304 and returns true when the
   * client's copy is current.
   */
  static boolean notModified(Context ctx, Instant version, String variant) {
    String etag = "W/\"" + ChronoUnit.MICROS.between(Instant.EPOCH, version) + "-" + variant + "\"";
    Instant lastModified = version.truncatedTo(ChronoUnit.SECONDS);
    ctx.header("ETag", etag);
    ctx.header(
        "Last-Modified",
        DateTimeFormatter.RFC_1123_DATE_TIME.format(lastModified.atOffset(ZoneOffset.UTC)));
    ctx.header("Cache-Control", "public, no-cache");
    ctx.header("Vary", "Accept, Accept-Encoding");
    String ifNoneMatch = ctx.header("If-None-Match");
    if (ifNoneMatch != null) {
      if (matches(ifNoneMatch, etag)) {
        ctx.status(304);
        return true;
      }
      return false;
    }
    String ifModifiedSince = ctx.header("If-Modified-Since");
    if (ifModifiedSince != null) {
      try {
        Instant since = DateTimeFormatter.RFC_1123_DATE_TIME.parse(ifModifiedSince, Instant::from);
        if (!lastModified.isAfter(since)) {
          ctx.status(304);
          return true;
        }
      } catch (RuntimeException ignored) {
        // An unparseable date is ignored, as RFC 9110 says.
      }
    }
    return false;
  }

  /**
   * If-None-Match uses the weak comparison (RFC 9110 §13.1.2): tags match when their opaque parts
   * are equal, whether or not either is marked weak; {@code *} matches any current representation.
   */
  static boolean matches(String header, String etag) {
    String opaque = opaque(etag);
    for (String candidate : header.split(",")) {
      String c = candidate.trim();
      if (c.equals("*") || opaque(c).equals(opaque)) {
        return true;
      }
    }
    return false;
  }

  private static String opaque(String tag) {
    return tag.startsWith("W/") ? tag.substring(2) : tag;
  }
}
