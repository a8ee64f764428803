package org.sahelmap.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import org.sahelmap.json.Json;

/** JSON text of a value, for the places where JSON is assembled by hand around streamed parts. */
final class JsonText {
  private static final ObjectMapper JSON = Json.MAPPER;

  private JsonText() {}

  static String toJson(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
