package org.sahelmap.api;

/**
 * Minimal HTML pages for the API's HTML views. Everything that comes from data or from a request
 * goes through {@link #esc} before it reaches the page.
 */
final class Html {
  private Html() {}

  static String esc(Object value) {
    if (value == null) {
      return "";
    }
    String s = value.toString();
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  /** A page with the title escaped and the body given as already-escaped HTML. */
  static String page(String title, String jsonHref, String bodyHtml) {
    return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<title>"
        + esc(title)
        + " · Sahel Map API</title>"
        + "<link rel=\"alternate\" type=\"application/json\" href=\""
        + esc(jsonHref)
        + "\">"
        + "<style>body{font:16px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:60rem;"
        + "padding:0 1rem;color:#1d232b}a{color:#1f5fa8}table{border-collapse:collapse}"
        + "td,th{border-bottom:1px solid #ddd;padding:.3rem .6rem;text-align:left;"
        + "vertical-align:top}code{background:#f2f2f2;padding:0 .2rem}</style>"
        + "</head><body><nav><a href=\"/ogc?f=html\">Sahel Map API</a> · "
        + "<a href=\""
        + OgcPaths.COLLECTIONS
        + "?f=html\">Collections</a> · <a href=\""
        + esc(jsonHref)
        + "\">JSON</a> · <a href=\"/\">Map</a></nav><h1>"
        + esc(title)
        + "</h1>"
        + bodyHtml
        + "</body></html>";
  }
}
