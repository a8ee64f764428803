package org.sahelmap.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sahelmap.accounts.AccessOptions;
import org.sahelmap.accounts.AccountStore;
import org.sahelmap.accounts.Principal;
import org.sahelmap.accounts.SignIn;
import org.sahelmap.errors.Reason;

/**
 * {@code /api/session}: who the page is signed in as (GET), signing in with a name and password
 * (POST, JSON only: a cross-site form cannot send JSON, so nobody can sign a visitor into an
 * account of their choosing) and signing out (DELETE). The session lives in an HttpOnly, SameSite
 * cookie the page's scripts cannot read; the CSRF token it must send with writes comes in the body.
 */
final class SessionHandler {
  static final String PATH = "/api/session";

  private final AccountStore accounts;
  private final SignIn signIn;
  private final ClientAddress clients;

  SessionHandler(AccountStore accounts, SignIn signIn, ClientAddress clients) {
    this.accounts = accounts;
    this.signIn = signIn;
    this.clients = clients;
  }

  void get(Context ctx) {
    Principal p = AccessControl.principal(ctx);
    if (p.via() == Principal.Via.PROXY
        && p.csrfToken().isEmpty()
        && accounts.find(p.name()).isPresent()) {
      // Behind the proxy the page has no form to sign in with: its first visit opens the session
      // that carries its CSRF token.
      var s = accounts.openSession(p.name(), signIn.options().sessionLifetime(), "proxy");
      setCookie(ctx, s.secret(), (int) signIn.options().sessionLifetime().toSeconds());
      p = new Principal(p.name(), p.role(), p.via(), s.csrfToken());
    }
    ctx.header("Cache-Control", "no-store");
    ctx.json(describe(p));
  }

  void signIn(Context ctx) throws IOException {
    JsonNode body = JsonBody.read(ctx);
    String name = text(body, "name");
    String password = text(body, "password");
    Principal p =
        signIn
            .password(name, password, clients.of(ctx), Principal.Via.SESSION)
            .orElseThrow(
                () ->
                    new ApiException(
                        Reason.UNAUTHENTICATED, "SignInRefused", "the name or password is wrong"));
    AccessOptions options = signIn.options();
    var s = accounts.openSession(p.name(), options.sessionLifetime(), "password");
    setCookie(ctx, s.secret(), (int) options.sessionLifetime().toSeconds());
    ctx.header("Cache-Control", "no-store");
    ctx.json(describe(new Principal(p.name(), p.role(), Principal.Via.SESSION, s.csrfToken())));
  }

  void signOut(Context ctx) {
    String cookie = ctx.cookie(AccessControl.COOKIE);
    Principal p = AccessControl.principal(ctx);
    if (cookie != null && SignIn.looksLikeSecret(cookie)) {
      accounts.closeSession(cookie, p.name());
    }
    setCookie(ctx, "", 0);
    ctx.status(204);
  }

  private Map<String, Object> describe(Principal p) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (p.signedIn()) {
      out.put("user", Map.of("name", p.name(), "role", p.role().id()));
    } else {
      out.put("user", null);
    }
    out.put("csrfToken", p.csrfToken() == null || p.csrfToken().isEmpty() ? null : p.csrfToken());
    out.put("anonymousView", signIn.options().anonymousView());
    out.put("signIn", signIn.options().proxyHeader() != null ? "proxy" : "password");
    out.put("accountsExist", p.signedIn() || accounts.any());
    return out;
  }

  /** The session cookie: HttpOnly, SameSite=Lax, Secure whenever the public URL is https. */
  private static void setCookie(Context ctx, String value, int maxAgeSeconds) {
    String root = ctx.attribute(Links.ROOT_ATTRIBUTE);
    boolean secure = root != null && root.startsWith("https:");
    ctx.header(
        "Set-Cookie",
        AccessControl.COOKIE
            + "="
            + value
            + "; Path=/; Max-Age="
            + maxAgeSeconds
            + "; HttpOnly; SameSite=Lax"
            + (secure ? "; Secure" : ""));
  }

  private static String text(JsonNode body, String field) {
    JsonNode v = body == null ? null : body.get(field);
    if (v == null || !v.isTextual() || v.asText().isEmpty()) {
      throw new ApiException(
          Reason.BAD_INPUT, "InvalidSignIn", "send {\"name\": ..., \"password\": ...} as JSON");
    }
    return v.asText();
  }
}
