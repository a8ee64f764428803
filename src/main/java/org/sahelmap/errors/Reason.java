package org.sahelmap.errors;

/**
 * Why a request is refused, in the domain's terms. The HTTP status of each is stated once, in
 * {@code api.ErrorMapper}; domain code names the reason and never a status.
 */
public enum Reason {
  /** The input breaks a rule (a parameter, a field, a header). */
  BAD_INPUT,
  /** Well-formed input the server cannot act on (e.g. an AOI it could not analyse). */
  UNPROCESSABLE,
  NOT_FOUND,
  /** It existed and was deleted; it can be restored. */
  GONE,
  /** The state forbids it (an id taken, restoring what is not deleted). */
  CONFLICT,
  /** The change was based on a version that is no longer current. */
  STALE,
  /** A change without the version it is based on. */
  VERSION_REQUIRED,
  TOO_LARGE,
  UNSUPPORTED_TYPE,
  METHOD_NOT_ALLOWED,
  /** The request needs a signed-in user (or valid credentials) and has none. */
  UNAUTHENTICATED,
  /** The user is known but their role does not allow this, or the write lacks its CSRF token. */
  FORBIDDEN,
  /** Too many requests from this client or account in a short time; it may try again later. */
  TOO_MANY_REQUESTS,
  /** The database does not answer now; the client may try again later. */
  UNAVAILABLE
}
