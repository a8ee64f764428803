package org.sahelmap.store;

/**
 * The version a write says it replaces (from the request's {@code If-Match}), as AOIs and briefings
 * compare it under their row lock. One definition, so the API and both stores agree on what "any
 * version" is.
 */
public final class ExpectedVersion {
  /** {@code If-Match: *}: the client accepts whatever version is current. */
  public static final int ANY = -1;

  private ExpectedVersion() {}

  /** Whether a write expecting {@code expected} may replace version {@code current}. */
  public static boolean matches(int expected, int current) {
    return expected == ANY || expected == current;
  }
}
