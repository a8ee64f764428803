package org.sahelmap.accounts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.sahelmap.errors.Reason;
import org.sahelmap.errors.Refusal;
import org.sahelmap.store.StoreException;
import org.sahelmap.store.Transactions;

/**
 * Accounts, their sessions and API tokens, and the account events of the audit trail, in PostGIS
 * (tables of V40). Only digests of session and token secrets are stored.
 */
public final class AccountStore {
  public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");

  private final DataSource dataSource;

  public AccountStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** A session just opened: the cookie's secret and the CSRF token (given to the client once). */
  public record NewSession(String secret, String csrfToken, Instant expires) {}

  /** The account, its password hash and state, for signing in. */
  record Credentials(String name, Role role, String passwordHash, boolean disabled) {}

  public static String checkName(String field, String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new Refusal(
          Reason.BAD_INPUT,
          "InvalidAccountName",
          field + " must be 1 to 64 letters, digits or . _ @ - (starting with a letter or digit)");
    }
    return name;
  }

  public void add(String name, Role role, String password, String actor) {
    checkName("name", name);
    String why = password == null ? null : Passwords.problem(password);
    if (why != null) {
      throw new Refusal(Reason.BAD_INPUT, "InvalidPassword", "password: " + why);
    }
    String hash = password == null ? null : Passwords.hash(password);
    write(
        "adding an account",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO account (name, role, password_hash) VALUES (?, ?, ?)"
                      + " ON CONFLICT (name) DO NOTHING")) {
            ps.setString(1, name);
            ps.setString(2, role.id());
            ps.setString(3, hash);
            if (ps.executeUpdate() == 0) {
              throw new Refusal(
                  Reason.CONFLICT, "AccountExists", "there is already an account '" + name + "'");
            }
          }
          event(c, actor, "account-added", name, "role " + role.id());
          return null;
        });
  }

  /**
   * Changes an account's role, password or state (null: unchanged). Refused when it would leave no
   * enabled admin, so the server can always be managed from the page.
   */
  public Account change(String name, Role role, String password, Boolean disabled, String actor) {
    String why = password == null ? null : Passwords.problem(password);
    if (why != null) {
      throw new Refusal(Reason.BAD_INPUT, "InvalidPassword", "password: " + why);
    }
    String hash = password == null ? null : Passwords.hash(password);
    return write(
        "changing an account",
        c -> {
          lockAccounts(c);
          Account now = read(c, name).orElseThrow(() -> noAccount(name));
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE account SET role = coalesce(?, role),"
                      + " password_hash = coalesce(?, password_hash),"
                      + " disabled = coalesce(?, disabled) WHERE name = ?")) {
            ps.setString(1, role == null ? null : role.id());
            ps.setString(2, hash);
            ps.setObject(3, disabled);
            ps.setString(4, name);
            ps.executeUpdate();
          }
          if (Boolean.TRUE.equals(disabled) || hash != null) {
            endSessions(c, name);
          }
          keepAnAdmin(c);
          List<String> what = new ArrayList<>();
          if (role != null && role != now.role()) {
            what.add("role " + now.role().id() + " → " + role.id());
          }
          if (hash != null) {
            what.add("password changed");
          }
          if (disabled != null && disabled != now.disabled()) {
            what.add(disabled ? "disabled" : "enabled");
          }
          event(c, actor, "account-changed", name, String.join(", ", what));
          return read(c, name).orElseThrow();
        });
  }

  public void remove(String name, String actor) {
    write(
        "removing an account",
        c -> {
          lockAccounts(c);
          try (PreparedStatement ps = c.prepareStatement("DELETE FROM account WHERE name = ?")) {
            ps.setString(1, name);
            if (ps.executeUpdate() == 0) {
              throw noAccount(name);
            }
          }
          keepAnAdmin(c);
          event(c, actor, "account-removed", name, "");
          return null;
        });
  }

  public List<Account> list() {
    return read(
        "listing accounts",
        c -> {
          List<Account> all = new ArrayList<>();
          try (PreparedStatement ps = c.prepareStatement(SELECT_ACCOUNT + " ORDER BY name");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              all.add(account(rs));
            }
          }
          return all;
        });
  }

  public Optional<Account> find(String name) {
    return read("reading an account", c -> read(c, name));
  }

  public boolean any() {
    return read(
        "counting accounts",
        c -> {
          try (PreparedStatement ps = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM account)");
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getBoolean(1);
          }
        });
  }

  Optional<Credentials> credentials(String name) {
    return read(
        "signing in",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT name, role, password_hash, disabled FROM account WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next()
                  ? Optional.of(
                      new Credentials(
                          rs.getString(1),
                          Role.parse("role", rs.getString(2)),
                          rs.getString(3),
                          rs.getBoolean(4)))
                  : Optional.empty();
            }
          }
        });
  }

  public NewSession openSession(String name, Duration lifetime, String how) {
    NewSession s =
        new NewSession(Secrets.newSecret(), Secrets.newSecret(), Instant.now().plus(lifetime));
    write(
        "opening a session",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO account_session (secret_sha256, account_name, csrf_token,"
                      + " expires_at) VALUES (?, ?, ?, ?)")) {
            ps.setBytes(1, Secrets.sha256(s.secret()));
            ps.setString(2, name);
            ps.setString(3, s.csrfToken());
            ps.setTimestamp(4, Timestamp.from(s.expires()));
            ps.executeUpdate();
          }
          // Sessions that ran out are cleared as new ones open: no separate sweeper to run.
          try (PreparedStatement ps =
              c.prepareStatement("DELETE FROM account_session WHERE expires_at < now()")) {
            ps.executeUpdate();
          }
          event(c, name, "signed-in", name, how);
          return null;
        });
    return s;
  }

  /** The live session with this cookie secret, as its principal; empty when none is. */
  public Optional<Principal> session(String secret) {
    return principalBySecret(
        "reading a session",
        "SELECT a.name, a.role, s.csrf_token FROM account_session s"
            + " JOIN account a ON a.name = s.account_name"
            + " WHERE s.secret_sha256 = ? AND s.expires_at > now() AND NOT a.disabled",
        Principal.Via.SESSION,
        secret);
  }

  public void closeSession(String secret, String name) {
    write(
        "closing a session",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("DELETE FROM account_session WHERE secret_sha256 = ?")) {
            ps.setBytes(1, Secrets.sha256(secret));
            ps.executeUpdate();
          }
          event(c, name, "signed-out", name, "");
          return null;
        });
  }

  /** A new API token for the account; its secret is returned once and only its digest kept. */
  public String issueToken(String name, String label, String actor) {
    if (label == null || label.isBlank() || label.length() > 100) {
      throw new Refusal(Reason.BAD_INPUT, "InvalidLabel", "label must be 1 to 100 characters");
    }
    String secret = Secrets.newSecret();
    write(
        "issuing a token",
        c -> {
          read(c, name).orElseThrow(() -> noAccount(name));
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO api_token (secret_sha256, account_name, label) VALUES (?, ?, ?)")) {
            ps.setBytes(1, Secrets.sha256(secret));
            ps.setString(2, name);
            ps.setString(3, label.strip());
            ps.executeUpdate();
          }
          event(c, actor, "token-issued", name, label.strip());
          return null;
        });
    return secret;
  }

  /** The account an API token belongs to; empty when it is unknown or the account disabled. */
  public Optional<Principal> token(String secret) {
    return principalBySecret(
        "reading a token",
        "SELECT a.name, a.role, NULL FROM api_token t JOIN account a ON a.name = t.account_name"
            + " WHERE t.secret_sha256 = ? AND NOT a.disabled",
        Principal.Via.TOKEN,
        secret);
  }

  /** One row of (name, role, csrf token or NULL) found by a secret's digest, as a principal. */
  private Optional<Principal> principalBySecret(
      String doing, String sql, Principal.Via via, String secret) {
    return read(
        doing,
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setBytes(1, Secrets.sha256(secret));
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next()
                  ? Optional.of(
                      new Principal(
                          rs.getString(1),
                          Role.parse("role", rs.getString(2)),
                          via,
                          rs.getString(3)))
                  : Optional.empty();
            }
          }
        });
  }

  /** Records an account event that is not part of another write (e.g. a refused sign-in). */
  public void record(String actor, String action, String target, String detail) {
    write(
        "recording an account event",
        c -> {
          event(c, actor, action, target, detail);
          return null;
        });
  }

  /** The newest audit entries first, older than {@code before} when given. */
  public List<AuditEntry> audit(int limit, Instant before) {
    return read(
        "reading the audit trail",
        c -> {
          List<AuditEntry> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT at, actor, action, kind, target, version, detail FROM audit"
                      + " WHERE at < coalesce(?, 'infinity'::timestamptz)"
                      + " ORDER BY at DESC LIMIT ?")) {
            ps.setTimestamp(1, before == null ? null : Timestamp.from(before));
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(
                    new AuditEntry(
                        rs.getTimestamp(1).toInstant(),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        (Integer) rs.getObject(6),
                        rs.getString(7)));
              }
            }
          }
          return out;
        });
  }

  private static final String SELECT_ACCOUNT =
      "SELECT name, role, disabled, password_hash IS NOT NULL, created_at FROM account";

  private static Optional<Account> read(Connection c, String name) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(SELECT_ACCOUNT + " WHERE name = ?")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(account(rs)) : Optional.empty();
      }
    }
  }

  private static Account account(ResultSet rs) throws SQLException {
    return new Account(
        rs.getString(1),
        Role.parse("role", rs.getString(2)),
        rs.getBoolean(3),
        rs.getBoolean(4),
        rs.getTimestamp(5).toInstant());
  }

  private static void event(Connection c, String actor, String action, String target, String detail)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO account_event (actor, action, target, detail) VALUES (?, ?, ?, ?)")) {
      ps.setString(1, actor);
      ps.setString(2, action);
      ps.setString(3, target);
      ps.setString(4, detail);
      ps.executeUpdate();
    }
  }

  private static void endSessions(Connection c, String name) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("DELETE FROM account_session WHERE account_name = ?")) {
      ps.setString(1, name);
      ps.executeUpdate();
    }
  }

  /**
   * Account changes that could remove the last admin take one lock in turn, so two admins demoting
   * each other at once cannot both pass the check below.
   */
  private static void lockAccounts(Connection c) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("LOCK TABLE account IN SHARE ROW EXCLUSIVE MODE")) {
      ps.execute();
    }
  }

  private static void keepAnAdmin(Connection c) throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT EXISTS (SELECT 1 FROM account) AND NOT EXISTS (SELECT 1 FROM account"
                    + " WHERE role = 'admin' AND NOT disabled)");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      if (rs.getBoolean(1)) {
        throw new Refusal(
            Reason.CONFLICT,
            "LastAdmin",
            "this would leave no enabled admin; make another account admin first");
      }
    }
  }

  private static Refusal noAccount(String name) {
    return new Refusal(Reason.NOT_FOUND, "NotFound", "no account '" + name + "'");
  }

  private <T> T write(String doing, Transactions.Work<T> work) {
    return Transactions.inTransaction(dataSource, doing, work);
  }

  private <T> T read(String doing, Transactions.Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw new StoreException(doing, e);
    }
  }
}
