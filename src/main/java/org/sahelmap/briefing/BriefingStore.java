package org.sahelmap.briefing;

import static org.sahelmap.store.VersionedRows.Deleted.AS_MISSING;
import static org.sahelmap.store.VersionedRows.Deleted.LOCKED;

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
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.sahelmap.briefing.BriefingConflictException.Kind;
import org.sahelmap.json.Json;
import org.sahelmap.store.StoreException;
import org.sahelmap.store.Transactions;
import org.sahelmap.store.VersionedRows;
import org.sahelmap.store.VersionedRows.Column;
import org.sahelmap.store.VersionedRows.Head;
import org.sahelmap.store.VersionedRows.Heads;

/**
 * Briefings in PostGIS, versioned like AOIs ({@link VersionedRows}): every save adds a row to
 * {@code briefing_version} holding the whole document; {@code briefing} is the head row, with the
 * current version, the name the list is sorted by, and who saved last.
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
          Head head = VersionedRows.lock(c, Heads.BRIEFING, id, expected, AS_MISSING, REFUSALS);
          return advance(
              c,
              head,
              b.withId(id),
              "update",
              false,
              user,
              new Column("name", b.name()),
              new Column("banner", b.banner()));
        });
  }

  /** Soft delete: the briefing leaves the list; its history stays. */
  public StoredBriefing delete(String id, int expected, String user) {
    return write(
        c -> {
          Head head = VersionedRows.lock(c, Heads.BRIEFING, id, expected, AS_MISSING, REFUSALS);
          // Read on this transaction's own connection: a second pooled one per delete let eight
          // deletes queued on one row lock hold the whole pool while each waited for another.
          return advance(c, head, current(c, id), "delete", true, user);
        });
  }

  /**
   * Undoes a delete (If-Match: the delete's version): the briefing as it was saved last comes back
   * as a new version, under its own id.
   */
  public StoredBriefing restore(String id, int expected, String user) {
    return write(
        c -> {
          Head head = VersionedRows.lock(c, Heads.BRIEFING, id, expected, LOCKED, REFUSALS);
          if (!head.deleted()) {
            throw new BriefingConflictException(
                Kind.NOT_DELETED, head.version(), "briefing '" + id + "' is not deleted");
          }
          return advance(c, head, current(c, id), "restore", false, user);
        });
  }

  /**
   * The second half of every change: the version row, then the head moved to it (deleted or not) in
   * one statement with who saved it and when, and any further head {@code columns}.
   */
  private StoredBriefing advance(
      Connection c,
      Head head,
      Briefing b,
      String op,
      boolean deleted,
      String user,
      Column... columns)
      throws SQLException {
    StoredBriefing saved = addVersion(c, b, head.next(), op, deleted, user);
    Column[] all = Arrays.copyOf(columns, columns.length + 2);
    all[columns.length] = new Column("updated_by", user);
    all[columns.length + 1] = new Column("updated_at", Timestamp.from(saved.updatedAt()));
    VersionedRows.advance(c, Heads.BRIEFING, head, deleted, all);
    return saved;
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

  /** How a write to a briefing is refused: 404 (unknown or deleted), 412 with its version. */
  private static final VersionedRows.Refusals REFUSALS =
      new VersionedRows.Refusals() {
        @Override
        public RuntimeException missing(String id) {
          return new BriefingConflictException(
              Kind.MISSING, 0, "there is no briefing '" + id + "'");
        }

        @Override
        public RuntimeException stale(Connection c, Head head, int expected) {
          return new BriefingConflictException(
              Kind.STALE,
              head.version(),
              "briefing '"
                  + head.id()
                  + "' is at version "
                  + head.version()
                  + ", not "
                  + expected
                  + ": someone saved it since you loaded it; reload and apply your change again");
        }
      };

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
