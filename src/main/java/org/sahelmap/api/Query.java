package org.sahelmap.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Query-string encoding that keeps the characters OGC parameters use (commas, slashes, colons). */
final class Query {
  private Query() {}

  static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8)
        .replace("%2C", ",")
        .replace("%2F", "/")
        .replace("%3A", ":")
        .replace("+", "%20");
  }
}
