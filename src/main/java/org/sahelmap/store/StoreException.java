package org.sahelmap.store;

/**
 * A failure of the store itself (not of the caller's input): maps to 500/503, logged with cause.
 */
public class StoreException extends RuntimeException {
  public StoreException(String what, Throwable cause) {
    super("store failure while " + what + (cause == null ? "" : ": " + cause.getMessage()), cause);
  }
}
