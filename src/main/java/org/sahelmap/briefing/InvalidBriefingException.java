package org.sahelmap.briefing;

import org.sahelmap.errors.Reason;
import org.sahelmap.errors.Refusal;

/** A briefing that breaks a rule; the message names the field, e.g. {@code slides[2].title}. */
public final class InvalidBriefingException extends Refusal {
  public InvalidBriefingException(String message) {
    super(Reason.BAD_INPUT, "InvalidBriefing", message);
  }
}
