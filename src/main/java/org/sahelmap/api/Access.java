package org.sahelmap.api;

import io.javalin.security.RouteRole;

/**
 * What a route needs, given where it is registered ({@link AppFactory#routes}). A route that names
 * none gets {@link #READ} for GET, HEAD and OPTIONS and {@link #ANALYST} for anything else, so a
 * write route forgotten here is closed, not open.
 */
enum Access implements RouteRole {
  /** Anyone, signed in or not (the page's settings, health, signing in). */
  PUBLIC,
  /** Anyone who may view: a signed-in user, or any visitor when anonymous viewing is on. */
  READ,
  /** Any signed-in user, whatever the role (signing out, their own API tokens). */
  SIGNED_IN,
  /** Analysts and admins: AOIs, briefings. */
  ANALYST,
  /** Admins: accounts and the audit trail. */
  ADMIN
}
