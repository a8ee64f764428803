package org.sahelmap.briefing;

import org.sahelmap.errors.Reason;
import org.sahelmap.errors.Refusal;

/**
 * A write refused because of the briefing's state: a stale version (the client must reload), an id
 * already taken, or no such briefing.
 */
public final class BriefingConflictException extends Refusal {
  public enum Kind {
    STALE(Reason.STALE, "PreconditionFailed"),
    EXISTS(Reason.CONFLICT, "Conflict"),
    MISSING(Reason.NOT_FOUND, "NotFound"),
    NOT_DELETED(Reason.CONFLICT, "NotDeleted");

    final Reason reason;
    final String code;

    Kind(Reason reason, String code) {
      this.reason = reason;
      this.code = code;
    }
  }

  private final Kind kind;

  public BriefingConflictException(Kind kind, int currentVersion, String message) {
    super(kind.reason, kind.code, message);
    this.kind = kind;
    if (kind == Kind.STALE) {
      with("currentVersion", currentVersion);
    }
  }

  public Kind kind() {
    return kind;
  }
}
