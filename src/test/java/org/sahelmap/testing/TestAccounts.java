package org.sahelmap.testing;

import org.sahelmap.accounts.AccountStore;
import org.sahelmap.accounts.Role;
import org.sahelmap.store.Database;

/**
 * Accounts of each role in a test database, with their passwords and bearer tokens, for tests that
 * write through the API as a real client would (signed in, never through a header naming a user).
 */
public record TestAccounts(String viewerToken, String analystToken, String adminToken) {
  public static final String VIEWER = "vera";
  public static final String ANALYST = "alice";
  public static final String ADMIN = "adam";
  public static final String PASSWORD = "correct horse battery";

  /** Adds vera (viewer), alice (analyst) and adam (admin), each with a token. */
  public static TestAccounts create(Database db) {
    AccountStore store = new AccountStore(db.dataSource());
    store.add(VIEWER, Role.VIEWER, PASSWORD, "test");
    store.add(ANALYST, Role.ANALYST, PASSWORD, "test");
    store.add(ADMIN, Role.ADMIN, PASSWORD, "test");
    return new TestAccounts(
        store.issueToken(VIEWER, "tests", "test"),
        store.issueToken(ANALYST, "tests", "test"),
        store.issueToken(ADMIN, "tests", "test"));
  }

  /** The Authorization header value that writes as alice. */
  public String analyst() {
    return "Bearer " + analystToken;
  }

  /** An analyst named {@code name} with a token, for tests about who saved what. */
  public static String analystNamed(Database db, String name) {
    AccountStore store = new AccountStore(db.dataSource());
    store.add(name, Role.ANALYST, PASSWORD, "test");
    return "Bearer " + store.issueToken(name, "tests", "test");
  }
}
