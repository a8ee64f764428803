package org.sahelmap.config;

/** A command line that cannot be understood; the message is meant for the person who typed it. */
public class UsageException extends RuntimeException {
  public UsageException(String message) {
    super(message);
  }
}
