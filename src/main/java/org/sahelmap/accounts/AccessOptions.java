package org.sahelmap.accounts;

import java.time.Duration;
import org.sahelmap.config.UsageException;

/**
 * How the server decides who a request comes from and what it may do.
 *
 * @param anonymousView whether visitors who have not signed in may read (the map, the OGC API,
 *     exports). On by default so a local start just works; writes always need an account.
 * @param proxyHeader the request header an authenticating reverse proxy puts the signed-in user's
 *     name in, or null (the default) to ignore every such header. Only safe when the server can be
 *     reached through that proxy alone.
 * @param sessionLifetime how long a sign-in lasts
 * @param writesPerMinute writes one account may make per minute on one server instance
 */
public record AccessOptions(
    boolean anonymousView, String proxyHeader, Duration sessionLifetime, int writesPerMinute) {

  public static final AccessOptions DEFAULTS =
      new AccessOptions(true, null, Duration.ofHours(12), 300);

  public AccessOptions {
    if (proxyHeader != null && proxyHeader.isBlank()) {
      proxyHeader = null;
    }
    if (proxyHeader != null && !proxyHeader.matches("[A-Za-z0-9-]{1,64}")) {
      throw new UsageException("the proxy user header must be a header name, e.g. X-Remote-User");
    }
    if (proxyHeader != null
        && (proxyHeader.equalsIgnoreCase("Authorization")
            || proxyHeader.equalsIgnoreCase("Cookie"))) {
      throw new UsageException("the proxy user header cannot be " + proxyHeader);
    }
  }

  public AccessOptions withAnonymousView(boolean on) {
    return new AccessOptions(on, proxyHeader, sessionLifetime, writesPerMinute);
  }

  public AccessOptions withProxyHeader(String header) {
    return new AccessOptions(anonymousView, header, sessionLifetime, writesPerMinute);
  }

  public AccessOptions withWritesPerMinute(int n) {
    return new AccessOptions(anonymousView, proxyHeader, sessionLifetime, n);
  }
}
