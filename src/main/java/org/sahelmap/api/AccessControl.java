package org.sahelmap.api;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.security.RouteRole;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Set;
import java.util.function.Supplier;
import org.sahelmap.accounts.AccessOptions;
import org.sahelmap.accounts.AccountStore;
import org.sahelmap.accounts.Principal;
import org.sahelmap.accounts.RateLimit;
import org.sahelmap.accounts.Role;
import org.sahelmap.accounts.SignIn;
import org.sahelmap.errors.Reason;

/**
 * The one gate every routed request passes: it finds out who is asking ({@link Principal}, from a
 * proxy's header when configured, a bearer token, HTTP Basic, the session cookie, or nobody) and
 * checks what the route needs ({@link Access}), the CSRF token of a write made with a cookie, and
 * the write rate. Handlers never read credentials themselves; they ask {@link #principal}.
 */
final class AccessControl {
  static final String COOKIE = "sahel_session";
  static final String CSRF_HEADER = "X-CSRF-Token";
  private static final String ATTRIBUTE = "sahel.principal";
  private static final Set<HandlerType> SAFE =
      Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);

  private final AccountStore accounts;
  private final AccessOptions options;
  private final SignIn signIn;
  private final ClientAddress clients;
  private final RateLimit writes;

  AccessControl(
      AccountStore accounts, AccessOptions options, SignIn signIn, ClientAddress clients) {
    this.accounts = accounts;
    this.options = options;
    this.signIn = signIn;
    this.clients = clients;
    this.writes = new RateLimit(options.writesPerMinute(), 60_000, Clock.systemUTC());
  }

  void register(Javalin app) {
    app.beforeMatched(this::check);
  }

  /**
   * Who makes this request. Found when first asked (by the gate or a handler) and kept for the rest
   * of the request, so a request nobody asks about, such as a tile anyone may read, costs no
   * session lookup.
   */
  static Principal principal(Context ctx) {
    Supplier<Principal> who = ctx.attribute(ATTRIBUTE);
    return who != null ? who.get() : Principal.anonymous(false);
  }

  private void check(Context ctx) {
    Access needed = needed(ctx.routeRoles(), ctx.method(), ctx.path());
    if (ctx.method() == HandlerType.OPTIONS) {
      return; // CORS preflight: says what may be asked, reveals nothing
    }
    Principal[] found = new Principal[1];
    Supplier<Principal> who =
        () -> {
          if (found[0] == null) {
            found[0] = identify(ctx);
          }
          return found[0];
        };
    ctx.attribute(ATTRIBUTE, who);
    if (needed == Access.PUBLIC) {
      return;
    }
    if (needed == Access.READ
        && options.anonymousView()
        && ctx.header("Authorization") == null
        && options.proxyHeader() == null) {
      return; // anyone may read: who is asking changes nothing here
    }
    Principal p = who.get();
    switch (needed) {
      case READ -> {
        if (!p.may(Role.VIEWER)) {
          throw unauthenticated(ctx, "sign in to read this server's maps and data");
        }
        return;
      }
      case SIGNED_IN -> {
        if (!p.signedIn()) {
          throw unauthenticated(ctx, "sign in first");
        }
      }
      case ANALYST, ADMIN -> {
        Role role = needed == Access.ADMIN ? Role.ADMIN : Role.ANALYST;
        if (!p.signedIn()) {
          throw unauthenticated(
              ctx,
              "sign in as " + article(role) + " to " + doing(ctx) + " (you are not signed in)");
        }
        if (!p.may(role)) {
          throw new ApiException(
              Reason.FORBIDDEN,
              "Forbidden",
              "account '"
                  + p.name()
                  + "' is a "
                  + p.role().id()
                  + "; "
                  + doing(ctx)
                  + " needs "
                  + article(role));
        }
      }
    }
    if (!SAFE.contains(ctx.method())) {
      checkWrite(ctx, p);
    }
  }

  private void checkWrite(Context ctx, Principal p) {
    if (p.via() == Principal.Via.BASIC) {
      // Browsers resend Basic credentials by themselves, like cookies, and Basic carries no CSRF
      // token: so Basic reads only. Scripts write with a bearer token.
      throw new ApiException(
          Reason.FORBIDDEN,
          "BasicAuthReadOnly",
          "HTTP Basic is accepted for reading only; write with a bearer token (POST /api/tokens)"
              + " or from a signed-in page");
    }
    if (p.csrfToken() != null && !SignIn.sameSecret(p.csrfToken(), ctx.header(CSRF_HEADER))) {
      throw new ApiException(
          Reason.FORBIDDEN,
          "CsrfTokenMissing",
          "a write made with a session cookie must carry the session's token in "
              + CSRF_HEADER
              + " (GET /api/session gives it)");
    }
    long wait = writes.hit(p.name());
    if (wait > 0) {
      throw new ApiException(
              Reason.TOO_MANY_REQUESTS,
              "TooManyWrites",
              "more than " + options.writesPerMinute() + " writes in a minute; wait and try again")
          .with("retryAfterSeconds", wait);
    }
  }

  private Principal identify(Context ctx) {
    if (options.proxyHeader() != null) {
      String name = ctx.header(options.proxyHeader());
      if (name != null && !name.isBlank()) {
        return signIn.fromProxy(name.trim(), ctx.cookie(COOKIE));
      }
    }
    String authorization = ctx.header("Authorization");
    if (authorization != null) {
      return fromAuthorization(ctx, authorization.trim());
    }
    String cookie = ctx.cookie(COOKIE);
    if (cookie != null && SignIn.looksLikeSecret(cookie)) {
      var session = accounts.session(cookie);
      if (session.isPresent()) {
        return session.get();
      }
    }
    return Principal.anonymous(options.anonymousView());
  }

  private Principal fromAuthorization(Context ctx, String authorization) {
    int space = authorization.indexOf(' ');
    String scheme = space < 0 ? authorization : authorization.substring(0, space);
    String value = space < 0 ? "" : authorization.substring(space + 1).trim();
    if (scheme.equalsIgnoreCase("Bearer")) {
      return (SignIn.looksLikeSecret(value)
              ? accounts.token(value)
              : java.util.Optional.<Principal>empty())
          .orElseThrow(
              () -> unauthenticated(ctx, "the bearer token is not valid (revoked or mistyped)"));
    }
    if (scheme.equalsIgnoreCase("Basic")) {
      String decoded;
      try {
        decoded = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw unauthenticated(ctx, "the Basic credentials are not base64 of name:password");
      }
      int colon = decoded.indexOf(':');
      if (colon < 0) {
        throw unauthenticated(ctx, "the Basic credentials are not base64 of name:password");
      }
      return signIn
          .basic(decoded.substring(0, colon), decoded.substring(colon + 1), clients.of(ctx))
          .orElseThrow(() -> unauthenticated(ctx, "the name or password is wrong"));
    }
    throw unauthenticated(ctx, "Authorization must use the Basic or the Bearer scheme");
  }

  /**
   * A 401. GIS clients (GDAL, QGIS) are told they may answer with Basic; the page's own scripts are
   * not, so the browser never pops up its own password dialog over the page's sign-in form.
   */
  private static ApiException unauthenticated(Context ctx, String why) {
    String mode = ctx.header("Sec-Fetch-Mode");
    boolean fromScript = "cors".equals(mode) || "same-origin".equals(mode);
    ctx.header(
        "WWW-Authenticate",
        fromScript ? "Bearer realm=\"Sahel Map\"" : "Basic realm=\"Sahel Map\", charset=\"UTF-8\"");
    return new ApiException(Reason.UNAUTHENTICATED, "Unauthorized", why);
  }

  /**
   * The route's role; without one, READ for reading the data (under /ogc and /api) and ANALYST for
   * any write. Static files (the page, its scripts and styles: no data) pass through this gate too,
   * and are PUBLIC, so the sign-in form can load.
   */
  static Access needed(Set<RouteRole> roles, HandlerType method, String path) {
    for (RouteRole r : roles) {
      if (r instanceof Access a) {
        return a;
      }
    }
    if (!SAFE.contains(method)) {
      return Access.ANALYST;
    }
    boolean data = path.startsWith("/ogc") || path.startsWith("/api");
    return data ? Access.READ : Access.PUBLIC;
  }

  private static String doing(Context ctx) {
    return ctx.method() + " " + ctx.endpointHandlerPath();
  }

  private static String article(Role role) {
    return "an " + role.id(); // "an analyst", "an admin"
  }
}
