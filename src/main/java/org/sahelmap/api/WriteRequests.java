package org.sahelmap.api;

import io.javalin.http.Context;
import org.sahelmap.errors.Reason;
import org.sahelmap.store.ExpectedVersion;

/**
 * What every versioned write (AOIs, briefings) reads from its request the same way: the version it
 * is based on ({@code If-Match}), who is saving (the signed-in account), and how a version is
 * written as an ETag. One place, so both collections lock and refuse identically.
 */
final class WriteRequests {
  /** A tag that names no version (weak, unquoted, not a number): it matches nothing, so 412. */
  static final int NO_VERSION = 0;

  private WriteRequests() {}

  /** A version as a strong ETag: {@code "3"}. */
  static String etag(int version) {
    return "\"" + version + "\"";
  }

  /**
   * The version the client's change is based on. Required (428 without it): an edit without it
   * could overwrite a save the client never saw. If-Match compares strongly (RFC 9110), so a weak
   * or unparseable tag matches no version and gets the 412 that tells the client the current one.
   */
  static int ifMatch(Context ctx, String whereToGetIt) {
    String h = ctx.header("If-Match");
    if (h == null || h.isBlank()) {
      throw new ApiException(
          Reason.VERSION_REQUIRED,
          "PreconditionRequired",
          "send If-Match with the ETag of the version you edited (" + whereToGetIt + ")");
    }
    String first = h.split(",")[0].trim();
    if (first.equals("*")) {
      return ExpectedVersion.ANY;
    }
    if (first.length() > 2 && first.startsWith("\"") && first.endsWith("\"")) {
      try {
        int v = Integer.parseInt(first.substring(1, first.length() - 1));
        return v > 0 ? v : NO_VERSION;
      } catch (NumberFormatException ignored) {
        // falls through: matches no version
      }
    }
    return NO_VERSION;
  }

  /**
   * Who saves: the signed-in account ({@link AccessControl} has checked its role and CSRF token
   * before the handler runs). Never a header the client chose.
   */
  static String user(Context ctx) {
    return AccessControl.principal(ctx).name();
  }
}
