package org.sahelmap.accounts;

import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.sahelmap.errors.Reason;
import org.sahelmap.errors.Refusal;

/**
 * Checking who someone is: a name and password (the page's form and HTTP Basic), or a name an
 * authenticating proxy vouches for. Failed passwords are limited per client address and per account
 * name, so guessing is slow and a flood of guesses costs the server little.
 */
public final class SignIn {
  /** Failed sign-ins allowed per client address, and per account name, in each window. */
  public static final int FAILURES_PER_CLIENT = 10;

  public static final int FAILURES_PER_NAME = 30;
  public static final long WINDOW_MILLIS = 10 * 60_000;

  /**
   * How long a checked Basic name:password is trusted without hashing it again (GIS clients send it
   * on every tile).
   */
  private static final long BASIC_CACHE_MILLIS = 60_000;

  private static final int BASIC_CACHE_MAX = 10_000;

  private final AccountStore accounts;
  private final AccessOptions options;
  private final Clock clock;
  private final RateLimit failuresByClient;
  private final RateLimit failuresByName;
  private final Map<String, CachedBasic> basicCache = new ConcurrentHashMap<>();

  private record CachedBasic(Principal principal, long until) {}

  public SignIn(AccountStore accounts, AccessOptions options, Clock clock) {
    this.accounts = accounts;
    this.options = options;
    this.clock = clock;
    this.failuresByClient = new RateLimit(FAILURES_PER_CLIENT, WINDOW_MILLIS, clock);
    this.failuresByName = new RateLimit(FAILURES_PER_NAME, WINDOW_MILLIS, clock);
  }

  public AccessOptions options() {
    return options;
  }

  /**
   * The account, when the password is right; empty when the name or the password is wrong (which
   * one is not said). Refused with 429 while this client or this name has failed too often.
   */
  public Optional<Principal> password(
      String name, String password, String client, Principal.Via via) {
    long wait = Math.max(failuresByClient.blocked(client), failuresByName.blocked("n:" + name));
    if (wait > 0) {
      throw new Refusal(
              Reason.TOO_MANY_REQUESTS,
              "TooManySignIns",
              "too many failed sign-ins from this address or for this account; try again later")
          .with("retryAfterSeconds", wait);
    }
    boolean aName = AccountStore.NAME.matcher(name).matches();
    Optional<AccountStore.Credentials> found =
        aName && password.length() <= Passwords.MAX_LENGTH
            ? accounts.credentials(name)
            : Optional.empty();
    boolean ok =
        Passwords.matches(password, found.map(AccountStore.Credentials::passwordHash).orElse(null))
            && !found.get().disabled();
    if (!ok) {
      failuresByClient.hit(client);
      failuresByName.hit("n:" + name);
      accounts.record(
          aName ? name : "?",
          "sign-in-refused",
          aName ? name : "?",
          via.name().toLowerCase(java.util.Locale.ROOT) + " from " + client);
      return Optional.empty();
    }
    AccountStore.Credentials c = found.get();
    return Optional.of(new Principal(c.name(), c.role(), via, null));
  }

  /** HTTP Basic: as {@link #password}, remembered for a minute so each tile is not hashed again. */
  public Optional<Principal> basic(String name, String password, String client) {
    String key = HexFormat.of().formatHex(Secrets.sha256(name + "\u0000" + password));
    CachedBasic hit = basicCache.get(key);
    long now = clock.millis();
    if (hit != null && hit.until() > now) {
      return Optional.of(hit.principal());
    }
    Optional<Principal> p = password(name, password, client, Principal.Via.BASIC);
    p.ifPresent(
        principal -> {
          if (basicCache.size() >= BASIC_CACHE_MAX) {
            basicCache.clear();
          }
          basicCache.put(key, new CachedBasic(principal, now + BASIC_CACHE_MILLIS));
        });
    return p;
  }

  /**
   * The user a trusted proxy names. A name with an account gets its role (a disabled one is
   * refused); any other name may only view. Writes need the CSRF token of a session the page opens
   * for that same name; until it has one, the token is "" and matches nothing.
   */
  public Principal fromProxy(String name, String sessionCookie) {
    AccountStore.checkName("header " + options.proxyHeader(), name);
    Optional<Account> account = accounts.find(name);
    if (account.isEmpty()) {
      return new Principal(name, Role.VIEWER, Principal.Via.PROXY, "");
    }
    if (account.get().disabled()) {
      throw new Refusal(Reason.FORBIDDEN, "AccountDisabled", "account '" + name + "' is disabled");
    }
    String csrf = "";
    if (sessionCookie != null && looksLikeSecret(sessionCookie)) {
      csrf =
          accounts
              .session(sessionCookie)
              .filter(s -> s.name().equals(name))
              .map(Principal::csrfToken)
              .orElse("");
    }
    return new Principal(name, account.get().role(), Principal.Via.PROXY, csrf);
  }

  /** A cookie or token value shaped like one of our secrets (anything else is not looked up). */
  public static boolean looksLikeSecret(String s) {
    return s != null && s.matches("[A-Za-z0-9_-]{43}");
  }

  public static boolean sameSecret(String expected, String given) {
    return !expected.isEmpty() && Secrets.same(expected, given);
  }
}
