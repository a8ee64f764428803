package org.sahelmap.filter;

/**
 * A filter that cannot be parsed or does not fit the collection: where it went wrong and why, in
 * words a person writing CQL2 can act on (never the parser's internals).
 */
public final class FilterException extends RuntimeException {
  private final String at;

  public FilterException(String at, String reason) {
    super(at + ": " + reason);
    this.at = at;
  }

  /** Where: "character 17" (cql2-text) or a JSON pointer such as "/args/1" (cql2-json). */
  public String at() {
    return at;
  }
}
