package org.sahelmap.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import org.sahelmap.errors.Reason;

/**
 * Refuses a NUL character anywhere in a request body's strings or member names. PostgreSQL's text
 * and jsonb cannot hold U+0000, so such a value would fail only at the INSERT, as a 500; no name,
 * caption or note needs one. Checked once for every JSON body, naming the field.
 */
final class JsonNul {
  private JsonNul() {}

  static void refuse(JsonNode root) {
    String at = find(root, "");
    if (at != null) {
      throw new ApiException(
          Reason.BAD_INPUT,
          "InvalidCharacter",
          "field '" + (at.isEmpty() ? "(the body)" : at) + "': contains a NUL character (U+0000)");
    }
  }

  /** The path of the first string holding NUL ({@code slides[2].caption}), or null. */
  private static String find(JsonNode n, String path) {
    if (n.isTextual()) {
      return n.textValue().indexOf('\0') >= 0 ? path : null;
    }
    if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) {
        String at = find(n.get(i), path + "[" + i + "]");
        if (at != null) {
          return at;
        }
      }
    } else if (n.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String name = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
        if (e.getKey().indexOf('\0') >= 0) {
          return name.replace("\0", "\\u0000");
        }
        String at = find(e.getValue(), name);
        if (at != null) {
          return at;
        }
      }
    }
    return null;
  }
}
