package org.sahelmap.briefing;

/** A briefing that breaks a rule; the message names the field, e.g. {@code slides[2].title}. */
public final class InvalidBriefingException extends RuntimeException {
  public InvalidBriefingException(String message) {
    super(message);
  }
}
