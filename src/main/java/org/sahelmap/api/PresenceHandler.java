package org.sahelmap.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.sql.SQLException;
import org.sahelmap.errors.Reason;
import org.sahelmap.live.PresenceStore;

/**
 * {@code /api/presence}: who has a briefing or an AOI open. A signed-in page says where it is with
 * {@code PUT /api/presence/{client}} ({@code {place, mode, slide}}, again every {@link
 * PresenceStore#HEARTBEAT_SECONDS} s) and leaves with {@code DELETE}; anyone who may read asks
 * {@code GET /api/presence?place=briefing:ID}. Changes reach open pages as {@code presence} events
 * of {@code /api/changes}. Names only, from the accounts: a page that is not signed in is not
 * counted (it has no name to show).
 */
final class PresenceHandler {
  static final String PATH = "/api/presence";

  private final PresenceStore store;

  PresenceHandler(PresenceStore store) {
    this.store = store;
  }

  void get(Context ctx) throws SQLException {
    String place = ctx.queryParam("place");
    if (place == null) {
      throw new ApiException(
          Reason.BAD_INPUT, "InvalidParameter", "place is required: briefing:ID or aoi:ID");
    }
    ctx.header("Cache-Control", "no-store");
    ctx.contentType("application/json").result(store.at(place).json());
  }

  void announce(Context ctx) throws IOException, SQLException {
    JsonNode body = JsonBody.read(ctx);
    JsonNode slide = body.path("slide");
    if (!slide.isMissingNode() && !slide.isNull() && !slide.canConvertToInt()) {
      throw new ApiException(Reason.BAD_INPUT, "InvalidPresence", "slide is a whole number");
    }
    store.announce(
        ctx.pathParam("client"),
        WriteRequests.user(ctx),
        text(body, "place"),
        text(body, "mode"),
        slide.isIntegralNumber() ? slide.asInt() : null);
    ctx.status(204);
  }

  void leave(Context ctx) throws SQLException {
    store.leave(ctx.pathParam("client"), WriteRequests.user(ctx));
    ctx.status(204);
  }

  private static String text(JsonNode body, String field) {
    JsonNode n = body.path(field);
    if (!n.isTextual()) {
      throw new ApiException(Reason.BAD_INPUT, "InvalidPresence", field + " is required, as text");
    }
    return n.asText();
  }
}
