package org.sahelmap.accounts;

/**
 * Who makes a request and how the server knows it. {@code csrfToken} is the token a write must
 * carry when the credential travels by itself with every request (a session cookie, or a name a
 * proxy adds after its own sign-in), and null when it does not (a bearer token, HTTP Basic on a
 * read, an anonymous visitor).
 */
public record Principal(String name, Role role, Via via, String csrfToken) {

  /** How the request was authenticated. */
  public enum Via {
    SESSION,
    TOKEN,
    BASIC,
    PROXY,
    ANONYMOUS
  }

  public static final String ANONYMOUS_NAME = "anonymous";

  /** A visitor who has not signed in, allowed to read when the server lets anonymous visitors. */
  public static Principal anonymous(boolean mayView) {
    return new Principal(ANONYMOUS_NAME, mayView ? Role.VIEWER : null, Via.ANONYMOUS, null);
  }

  public boolean signedIn() {
    return via != Via.ANONYMOUS;
  }

  public boolean may(Role needed) {
    return role != null && role.includes(needed);
  }
}
