package org.sahelmap.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Set;
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
          415,
          "UnsupportedMediaType",
          "send the body as application/geo+json or application/json, not "
              + (type == null ? "a body without Content-Type" : type));
    }
    long max = AppFactory.MAX_REQUEST_BYTES;
    if (ctx.contentLength() > max) {
      throw tooLarge();
    }
    byte[] body;
    try (InputStream in = ctx.req().getInputStream()) {
      body = in.readNBytes((int) max + 1);
    }
    if (body.length > max) {
      throw tooLarge();
    }
    if (body.length == 0) {
      throw new ApiException(400, "MalformedJson", "the request body is empty");
    }
    try {
      return JSON.readTree(body);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw new ApiException(
          400,
          "MalformedJson",
          "the body is not valid JSON"
              + (at == null
                  ? ""
                  : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")
              + ": "
              + e.getOriginalMessage());
    }
  }

  private static ApiException tooLarge() {
    return new ApiException(
        413,
        "PayloadTooLarge",
        "the request body is larger than "
            + AppFactory.MAX_REQUEST_BYTES / 1024
            + " KiB; simplify the geometry or send less at once");
  }
}
