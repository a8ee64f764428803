package org.sahelmap.accounts;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Password hashing with Argon2id (Spring Security's encoder over Bouncy Castle), stored in the PHC
 * string form that carries its own salt and cost, so the cost can be raised later without breaking
 * stored hashes. Costs: 16 MiB, 2 passes, 1 lane (about 30–60 ms here): slow for an attacker with a
 * copy of the table, fast enough for a sign-in.
 */
public final class Passwords {
  public static final int MIN_LENGTH = 10;
  public static final int MAX_LENGTH = 200;

  private static final Argon2PasswordEncoder ENCODER =
      new Argon2PasswordEncoder(16, 32, 1, 1 << 14, 2);

  /**
   * Checked against when a sign-in names no account, so a wrong name takes as long as a wrong
   * password and the timing does not tell which names exist.
   */
  private static final String UNKNOWN_ACCOUNT = ENCODER.encode("no such account: timing only");

  private Passwords() {}

  public static String hash(String password) {
    return ENCODER.encode(password);
  }

  /** Whether {@code password} matches {@code hash}; a null hash (no password) matches nothing. */
  public static boolean matches(String password, String hash) {
    if (hash == null) {
      ENCODER.matches(password, UNKNOWN_ACCOUNT);
      return false;
    }
    return ENCODER.matches(password, hash);
  }

  /** Why a new password is refused, or null when it is acceptable. */
  public static String problem(String password) {
    if (password == null || password.length() < MIN_LENGTH) {
      return "a password needs at least " + MIN_LENGTH + " characters";
    }
    if (password.length() > MAX_LENGTH) {
      return "a password has at most " + MAX_LENGTH + " characters";
    }
    if (password.chars().anyMatch(Character::isISOControl)) {
      return "a password cannot hold control characters";
    }
    return null;
  }
}
