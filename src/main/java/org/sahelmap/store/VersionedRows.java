package org.sahelmap.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The one versioned-write mechanism, for everything saved with a history (AOIs, briefings): a head
 * row per object ({@code id, version, deleted}) and an append-only table of versions beside it. A
 * write, inside one {@link Transactions#inTransaction transaction}, {@linkplain #lock locks} the
 * head row ({@code FOR UPDATE}) and compares its version with the one the client sent, appends its
 * version row, then {@linkplain #advance advances} the head. Of two writers holding the same
 * version exactly one wins: the other waits on the lock, then sees the new version and is refused.
 *
 * <p>Each store says in its own words what a refusal is ({@link Refusals}): the HTTP bodies of an
 * AOI and of a briefing conflict differ, the mechanism does not.
 */
public final class VersionedRows {
  /** The tables of head rows. A constant, never a value from a request: it is spliced into SQL. */
  public enum Heads {
    AOI("aoi"),
    BRIEFING("briefing");

    private final String table;

    Heads(String table) {
      this.table = table;
    }
  }

  /** A head row as locked: the current version and whether the object is deleted. */
  public record Head(String id, int version, boolean deleted) {
    /** The version the write being made will have. */
    public int next() {
      return version + 1;
    }
  }

  /** What a store throws when a write is refused. */
  public interface Refusals {
    /** No object has this id (or, for {@link Deleted#AS_MISSING}, it is deleted). */
    RuntimeException missing(String id);

    /**
     * The client's version is not the current one. Called on the write's connection with the head
     * locked, so a store may read the current state to send it back.
     */
    RuntimeException stale(Connection c, Head head, int expected) throws SQLException;
  }

  /** How a deleted object is treated by {@link #lock}. */
  public enum Deleted {
    /** Refused as missing before the versions are compared (briefings' updates and deletes). */
    AS_MISSING,
    /** Locked and compared like any other: the caller decides (restores; AOIs answer 410). */
    LOCKED
  }

  private VersionedRows() {}

  /**
   * Locks the head row of {@code id} and checks the client's version ({@link ExpectedVersion}):
   * returns the head, or throws what {@code refusals} makes of a missing object or a stale version.
   * The row is locked first and read on its own: under READ COMMITTED a {@code FOR UPDATE} that
   * waited for another writer re-reads only the locked row, so anything joined to it in the same
   * statement would still be the old state; statements after the lock see the other's commit.
   */
  public static Head lock(
      Connection c, Heads heads, String id, int expected, Deleted deleted, Refusals refusals)
      throws SQLException {
    Head head;
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT version, deleted FROM " + heads.table + " WHERE id = ? FOR UPDATE")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw refusals.missing(id);
        }
        head = new Head(id, rs.getInt(1), rs.getBoolean(2));
      }
    }
    if (head.deleted() && deleted == Deleted.AS_MISSING) {
      throw refusals.missing(id);
    }
    if (!ExpectedVersion.matches(expected, head.version())) {
      throw refusals.stale(c, head, expected);
    }
    return head;
  }

  /**
   * A further column of its head row a store sets as the head advances (a briefing's name, who
   * saved it and when), in the same statement. The name is a constant of the store, never a value
   * from a request: it is spliced into SQL.
   */
  public record Column(String name, Object value) {}

  /**
   * Moves the locked head to {@code head.next()}, deleted or not, after its version row is in,
   * setting the store's own {@code columns} of the head row in the same statement.
   */
  public static void advance(
      Connection c, Heads heads, Head head, boolean deleted, Column... columns)
      throws SQLException {
    StringBuilder sql =
        new StringBuilder("UPDATE " + heads.table + " SET version = ?, deleted = ?");
    for (Column column : columns) {
      sql.append(", ").append(column.name()).append(" = ?");
    }
    try (PreparedStatement ps = c.prepareStatement(sql.append(" WHERE id = ?").toString())) {
      int i = 1;
      ps.setInt(i++, head.next());
      ps.setBoolean(i++, deleted);
      for (Column column : columns) {
        ps.setObject(i++, column.value());
      }
      ps.setString(i, head.id());
      if (ps.executeUpdate() != 1) {
        throw new StoreException("advancing " + heads.table + " '" + head.id() + "'", null);
      }
    }
  }
}
