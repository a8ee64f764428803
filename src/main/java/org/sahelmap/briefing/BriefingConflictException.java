package org.sahelmap.briefing;

/**
 * A write refused because of the briefing's state: a stale version (the client must reload), an id
 * already taken, or no such briefing.
 */
public final class BriefingConflictException extends RuntimeException {
  public enum Kind {
    STALE,
    EXISTS,
    MISSING
  }

  private final Kind kind;
  private final int currentVersion;

  public BriefingConflictException(Kind kind, int currentVersion, String message) {
    super(message);
    this.kind = kind;
    this.currentVersion = currentVersion;
  }

  public Kind kind() {
    return kind;
  }

  public int currentVersion() {
    return currentVersion;
  }
}
