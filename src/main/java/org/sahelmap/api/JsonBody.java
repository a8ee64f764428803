package org.sahelmap.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import org.sahelmap.errors.Reason;
import org.sahelmap.json.Json;

/**
 * Reads a JSON request body, refusing in this order: a content type other than JSON (415), a body
 * over {@link AppFactory#MAX_REQUEST_BYTES} whether announced by Content-Length or sent chunked
 * (413), and text that is not one JSON value (400, with line and column).
 */
final class JsonBody {
  static final Set<String> TYPES = Set.of("application/geo+json", "application/json");

  private static final ObjectMapper JSON = Json.STRICT;

  private JsonBody() {}

  static JsonNode read(Context ctx) throws IOException {
    String type = ctx.contentType();
    String bare = type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    if (!TYPES.contains(bare)) {
      throw new ApiException(
          Reason.UNSUPPORTED_TYPE,
          "UnsupportedMediaType",
          "send the body as application/geo+json or application/json, not "
              + (type == null ? "a body without Content-Type" : type));
    }
    byte[] body = UploadBody.readAtMost(ctx, AppFactory.MAX_REQUEST_BYTES, JsonBody::tooLarge);
    if (body.length == 0) {
      throw new ApiException(Reason.BAD_INPUT, "MalformedJson", "the request body is empty");
    }
    JsonNode tree;
    try {
      tree = JSON.readTree(body);
    } catch (StreamConstraintsException e) {
      throw new ApiException(
          Reason.BAD_INPUT,
          "MalformedJson",
          "the body nests too deeply or holds a number or string longer than the server reads");
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw new ApiException(
          Reason.BAD_INPUT,
          "MalformedJson",
          "the body is not valid JSON"
              + (at == null
                  ? ""
                  : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")
              + ": "
              + ourWords(e.getOriginalMessage()));
    }
    JsonNul.refuse(tree);
    return tree;
  }

  /**
   * Jackson's reason without what names its own internals: the {@code [Source: ...]} echo and any
   * backquoted class or method (its messages cite e.g. {@code StreamReadConstraints}).
   */
  static String ourWords(String message) {
    String m = message == null ? "" : message.lines().findFirst().orElse("");
    m = m.replaceAll("\\s*\\(from `[^`]*`\\)", "").replaceAll("`[^`]*`", "a value");
    int source = m.indexOf("[Source:");
    return (source >= 0 ? m.substring(0, source) : m).trim();
  }

  private static ApiException tooLarge() {
    return new ApiException(
        Reason.TOO_LARGE,
        "PayloadTooLarge",
        "the request body is larger than "
            + AppFactory.MAX_REQUEST_BYTES / 1024
            + " KiB; simplify the geometry or send less at once");
  }
}
