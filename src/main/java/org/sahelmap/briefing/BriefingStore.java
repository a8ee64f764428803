package org.sahelmap.briefing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.sahelmap.briefing.BriefingConflictException.Kind;
import org.sahelmap.json.Json;
import org.sahelmap.store.ExpectedVersion;
import org.sahelmap.store.StoreException;
import org.sahelmap.store.Transactions;

/**
 * Briefings in PostGIS, versioned like AOIs: every save adds a row to {@code briefing_version}
 * holding the whole document; {@code briefing} holds the current version, locked (FOR UPDATE) by a
 * writer before it compares versions, so of two writers holding the same version one wins.
 */
public final class BriefingStore {
  private static final ObjectMapper JSON = Json.MAPPER;
  private final DataSource dataSource;
  private final Clock clock;

  public BriefingStore(DataSource dataSource, Clock clock) {
    this.dataSource = dataSource;
    this.clock = clock;
  }

  /** Live briefings, by name. */
  public List<StoredBriefing> list() {
    return query(
        "SELECT b.*, v.document FROM briefing b JOIN briefing_version v"
            + " ON v.briefing_id = b.id AND v.version = b.version WHERE NOT b.deleted"
            + " ORDER BY b.name, b.id",
        null);
  }

  private static final String CURRENT =
      "SELECT b.*, v.document FROM briefing b JOIN briefing_version v"
          + " ON v.briefing_id = b.id AND v.version = b.version WHERE b.id = ?";

  /** The briefing, deleted or not; empty when it never existed. */
  public Optional<StoredBriefing> find(String id) {
    return query(CURRENT, id).stream().findFirst();
  }

  /** Saves a new briefing under its id (taken: EXISTS). */
  public StoredBriefing create(Briefing b, String user) {
    return write(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO briefing (id, name, version, banner, updated_by, updated_at)"
                      + " VALUES (?, ?, 1, ?, ?, ?) ON CONFLICT (id) DO NOTHING")) {
            ps.setString(1, b.id());
            ps.setString(2, b.name());
            ps.setString(3, b.banner());
            ps.setString(4, user);
            ps.setTimestamp(5, Timestamp.from(now()));
            if (ps.executeUpdate() == 0) {
              throw new BriefingConflictException(
                  Kind.EXISTS, 0, "there is already a briefing '" + b.id() + "'");
            }
          }
          return addVersion(c, b, 1, "create", false, user);
        });
  }

  /** The id if free, else id-2, id-3, ... (for imports and names turned into ids). */
  public String freeId(String wanted) {
    String base = wanted.length() > 58 ? wanted.substring(0, 58) : wanted;
    String id = wanted;
    for (int n = 2; find(id).isPresent(); n++) {
      id = base + "-" + n;
    }
    return id;
  }

  public StoredBriefing update(String id, int expected, Briefing b, String user) {
    return write(
        c -> {
          int next = lock(c, id, expected, false) + 1;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE briefing SET name = ?, banner = ?, version = ?, updated_by = ?,"
                      + " updated_at = ? WHERE id = ?")) {
            ps.setString(1, b.name());
            ps.setString(2, b.banner());
            ps.setInt(3, next);
            ps.setString(4, user);
            ps.setTimestamp(5, Timestamp.from(now()));
            ps.setString(6, id);
            ps.executeUpdate();
          }
          return addVersion(c, b.withId(id), next, "update", false, user);
        });
  }

  /** Soft delete: the briefing leaves the list; its history stays. */
  public StoredBriefing delete(String id, int expected, String user) {
    return write(
        c -> {
          int next = lock(c, id, expected, false) + 1;
          // Read on this transaction's own connection: a second pooled one per delete let eight
          // deletes queued on one row lock hold the whole pool while each waited for another.
          Briefing last = current(c, id);
          setDeleted(c, id, true, next, user);
          return addVersion(c, last, next, "delete", true, user);
        });
  }

  /**
   * Undoes a delete (If-Match: the delete's version): the briefing as it was saved last comes back
   * as a new version, under its own id.
   */
  public StoredBriefing restore(String id, int expected, String user) {
    return write(
        c -> {
          int next = lock(c, id, expected, true) + 1;
          StoredBriefing now = query(c, CURRENT, id).get(0);
          if (!now.deleted()) {
            throw new BriefingConflictException(
                Kind.NOT_DELETED, now.version(), "briefing '" + id + "' is not deleted");
          }
          setDeleted(c, id, false, next, user);
          return addVersion(c, now.briefing(), next, "restore", false, user);
        });
  }

  /** The head row after a delete or a restore: its flag, its new version, who and when. */
  private void setDeleted(Connection c, String id, boolean deleted, int version, String user)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE briefing SET deleted = ?, version = ?, updated_by = ?, updated_at = ?"
                + " WHERE id = ?")) {
      ps.setBoolean(1, deleted);
      ps.setInt(2, version);
      ps.setString(3, user);
      ps.setTimestamp(4, Timestamp.from(now()));
      ps.setString(5, id);
      ps.executeUpdate();
    }
  }

  private Briefing current(Connection c, String id) throws SQLException {
    return query(c, CURRENT, id).get(0).briefing();
  }

  public List<BriefingVersion> versions(String id) {
    String sql = "SELECT * FROM briefing_version WHERE briefing_id = ? ORDER BY version";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, id);
      List<BriefingVersion> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new BriefingVersion(
                  rs.getInt("version"),
                  rs.getString("operation"),
                  parse(rs.getString("document")).withId(id),
                  rs.getString("saved_by"),
                  rs.getTimestamp("saved_at").toInstant()));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException("reading the versions of briefing " + id, e);
    }
  }

  private int lock(Connection c, String id, int expected, boolean allowDeleted)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT version, deleted FROM briefing WHERE id = ? FOR UPDATE")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next() || (rs.getBoolean("deleted") && !allowDeleted)) {
          throw new BriefingConflictException(Kind.MISSING, 0, "there is no briefing '" + id + "'");
        }
        int current = rs.getInt("version");
        if (!ExpectedVersion.matches(expected, current)) {
          throw new BriefingConflictException(
              Kind.STALE,
              current,
              "briefing '"
                  + id
                  + "' is at version "
                  + current
                  + ", not "
                  + expected
                  + ": someone saved it since you loaded it; reload and apply your change again");
        }
        return current;
      }
    }
  }

  private StoredBriefing addVersion(
      Connection c, Briefing b, int version, String op, boolean deleted, String user)
      throws SQLException {
    Instant at = now();
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO briefing_version (briefing_id, version, operation, document, saved_by,"
                + " saved_at) VALUES (?, ?, ?, ?::jsonb, ?, ?)")) {
      ps.setString(1, b.id());
      ps.setInt(2, version);
      ps.setString(3, op);
      ps.setString(4, json(b.withId(null)));
      ps.setString(5, user);
      ps.setTimestamp(6, Timestamp.from(at));
      ps.executeUpdate();
    }
    return new StoredBriefing(b, version, deleted, user, at);
  }

  private List<StoredBriefing> query(String sql, String param) {
    try (Connection c = dataSource.getConnection()) {
      return query(c, sql, param);
    } catch (SQLException e) {
      throw new StoreException("reading briefings", e);
    }
  }

  private static List<StoredBriefing> query(Connection c, String sql, String param)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      if (param != null) {
        ps.setString(1, param);
      }
      List<StoredBriefing> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new StoredBriefing(
                  parse(rs.getString("document")).withId(rs.getString("id")),
                  rs.getInt("version"),
                  rs.getBoolean("deleted"),
                  rs.getString("updated_by"),
                  rs.getTimestamp("updated_at").toInstant()));
        }
      }
      return out;
    }
  }

  private StoredBriefing write(Transactions.Work<StoredBriefing> work) {
    return Transactions.inTransaction(dataSource, "saving a briefing", work);
  }

  private Instant now() {
    return clock.instant();
  }

  private static Briefing parse(String json) {
    try {
      return BriefingJson.briefing(JSON.readTree(json));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored briefing is not JSON", e);
    }
  }

  private static String json(Briefing b) {
    try {
      return JSON.writeValueAsString(b.toMap());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
