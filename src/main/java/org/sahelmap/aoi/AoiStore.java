package org.sahelmap.aoi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.locationtech.jts.io.WKBWriter;
import org.sahelmap.errors.Reason;
import org.sahelmap.json.Json;
import org.sahelmap.store.ExpectedVersion;
import org.sahelmap.store.StoreException;
import org.sahelmap.store.Transactions;

/**
 * AOIs in PostGIS. Each write is one transaction that locks the AOI's {@code aoi} row ({@code
 * SELECT ... FOR UPDATE}) before comparing versions, so of two writers holding the same version
 * exactly one wins and the other is told (a {@link VersionConflict}); the winner's save is
 * committed with its version row before it is acknowledged. The write appends to {@code
 * aoi_version} (never rewritten) and mirrors the current state into the generic {@code feature}
 * table (layer {@code aois}), whose {@code updated_at} it bumps so cached reads revalidate.
 */
public final class AoiStore {
  public static final String LAYER = "aois";

  /** If-Match: * — any current version. */
  private static final ObjectMapper JSON = Json.MAPPER;

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String ID_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

  private static final String SELECT_VERSION =
      "SELECT v.aoi_id, v.version, v.operation, v.name, v.notes, v.tags::text, v.radius_m,"
          + " ST_AsGeoJSON(v.geom, 6), v.saved_by, v.saved_at";

  private final DataSource dataSource;

  public AoiStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public Aoi create(AoiDraft draft, String user) {
    String id = newId();
    return inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO aoi (id, version, deleted, created_by, created_at)"
                      + " VALUES (?, 1, false, ?, now())")) {
            ps.setString(1, id);
            ps.setString(2, user);
            ps.executeUpdate();
          }
          insertVersion(c, id, 1, "create", draft, user);
          Aoi aoi = read(c, id).orElseThrow();
          writeLive(c, aoi);
          return aoi;
        });
  }

  public Aoi update(String id, int expected, AoiDraft draft, String user) {
    return inTransaction(
        c -> {
          Aoi now = lockCurrent(c, id, expected);
          if (now.deleted()) {
            throw deleted(now);
          }
          int next = now.version() + 1;
          insertVersion(c, id, next, "update", draft, user);
          setHead(c, id, next, false);
          Aoi aoi = read(c, id).orElseThrow();
          writeLive(c, aoi);
          return aoi;
        });
  }

  /** Soft delete: the AOI leaves the live collection; its last state is kept as a version. */
  public Aoi delete(String id, int expected, String user) {
    return inTransaction(
        c -> {
          Aoi now = lockCurrent(c, id, expected);
          if (now.deleted()) {
            throw deleted(now);
          }
          copyVersion(c, id, now.version(), "delete", user);
          setHead(c, id, now.version() + 1, true);
          try (PreparedStatement ps =
              c.prepareStatement("DELETE FROM feature WHERE layer_id = ? AND id = ?")) {
            ps.setString(1, LAYER);
            ps.setString(2, id);
            ps.executeUpdate();
          }
          touchLayer(c);
          return read(c, id).orElseThrow();
        });
  }

  /** Undoes a delete: the state the delete removed comes back as a new version. */
  public Aoi restore(String id, int expected, String user) {
    return inTransaction(
        c -> {
          Aoi now = lockCurrent(c, id, expected);
          if (!now.deleted()) {
            throw new AoiProblem(
                Reason.CONFLICT, "NotDeleted", "AOI '" + id + "' is not deleted", null);
          }
          copyVersion(c, id, now.version(), "restore", user);
          setHead(c, id, now.version() + 1, false);
          Aoi aoi = read(c, id).orElseThrow();
          writeLive(c, aoi);
          return aoi;
        });
  }

  /** The AOI, deleted or not; empty when no AOI ever had this id. */
  public Optional<Aoi> find(String id) {
    return inTransaction(c -> read(c, id));
  }

  /** Ids of the live (not deleted) AOIs, oldest first. */
  public List<String> liveIds() {
    return inTransaction(
        c -> {
          List<String> ids = new ArrayList<>();
          try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT id FROM aoi WHERE NOT deleted ORDER BY created_at, id");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              ids.add(rs.getString(1));
            }
          }
          return ids;
        });
  }

  /** Every saved version, oldest first; empty when no AOI ever had this id. */
  public List<AoiVersion> versions(String id) {
    return inTransaction(
        c -> {
          List<AoiVersion> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  SELECT_VERSION + " FROM aoi_version v WHERE v.aoi_id = ? ORDER BY v.version")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(version(rs));
              }
            }
          }
          return out;
        });
  }

  /**
   * Locks the AOI's row, then reads its current version. Two statements on purpose: under READ
   * COMMITTED a {@code FOR UPDATE} that waited for another writer re-checks only the locked row, so
   * a join to {@code aoi_version} in the same statement would compare the new head with the old
   * version row and find nothing; the second statement sees the other writer's committed save.
   */
  private Aoi lockCurrent(Connection c, String id, int expected) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM aoi WHERE id = ? FOR UPDATE")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new AoiProblem(Reason.NOT_FOUND, "NotFound", "there is no AOI '" + id + "'", null);
        }
      }
    }
    Aoi now = read(c, id).orElseThrow();
    if (!ExpectedVersion.matches(expected, now.version())) {
      throw new VersionConflict(now, Integer.toString(expected));
    }
    return now;
  }

  private static AoiProblem deleted(Aoi aoi) {
    return new AoiProblem(
        Reason.GONE,
        "Deleted",
        "AOI '"
            + aoi.id()
            + "' was deleted by "
            + aoi.current().savedBy()
            + " at "
            + aoi.current().savedAt()
            + " (version "
            + aoi.version()
            + "); restore it first",
        null);
  }

  private static Optional<Aoi> read(Connection c, String id) throws SQLException {
    String sql =
        SELECT_VERSION
            + ", a.created_by, a.created_at FROM aoi a"
            + " JOIN aoi_version v ON v.aoi_id = a.id AND v.version = a.version WHERE a.id = ?";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(new Aoi(version(rs), rs.getString(11), rs.getTimestamp(12).toInstant()));
      }
    }
  }

  private static AoiVersion version(ResultSet rs) throws SQLException {
    // wasNull() must follow getDouble(7) directly: read later, it would answer for another column
    // and turn every missing radius into 0.0 (which the validator then refuses on the next save).
    double r = rs.getDouble(7);
    Double radius = rs.wasNull() ? null : r;
    return new AoiVersion(
        rs.getString(1),
        rs.getInt(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        readList(rs.getString(6)),
        radius,
        rs.getString(8),
        rs.getString(9),
        rs.getTimestamp(10).toInstant());
  }

  private static void insertVersion(
      Connection c, String id, int version, String operation, AoiDraft d, String user)
      throws SQLException {
    // Stored wound as RFC 7946 asks, like every other polygon of the store.
    String sql =
        "INSERT INTO aoi_version"
            + " (aoi_id, version, operation, name, notes, tags, radius_m, geom, saved_by, saved_at)"
            + " VALUES (?, ?, ?, ?, ?, ?::jsonb, ?,"
            + " ST_ForcePolygonCCW(ST_GeomFromWKB(?, 4326)), ?, clock_timestamp())";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, id);
      ps.setInt(2, version);
      ps.setString(3, operation);
      ps.setString(4, d.name());
      ps.setString(5, d.notes());
      ps.setString(6, writeJson(d.tags()));
      ps.setObject(7, d.radiusM());
      ps.setBytes(8, new WKBWriter(2).write(d.geometry()));
      ps.setString(9, user);
      ps.executeUpdate();
    }
  }

  private static void copyVersion(Connection c, String id, int from, String operation, String user)
      throws SQLException {
    String sql =
        "INSERT INTO aoi_version"
            + " (aoi_id, version, operation, name, notes, tags, radius_m, geom, saved_by, saved_at)"
            + " SELECT aoi_id, version + 1, ?, name, notes, tags, radius_m, geom, ?,"
            + " clock_timestamp() FROM aoi_version WHERE aoi_id = ? AND version = ?";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, operation);
      ps.setString(2, user);
      ps.setString(3, id);
      ps.setInt(4, from);
      ps.executeUpdate();
    }
  }

  private static void setHead(Connection c, String id, int version, boolean deleted)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE aoi SET version = ?, deleted = ? WHERE id = ?")) {
      ps.setInt(1, version);
      ps.setBoolean(2, deleted);
      ps.setString(3, id);
      ps.executeUpdate();
    }
  }

  /** Mirrors the current version into the generic feature table read by every collection reader. */
  private static void writeLive(Connection c, Aoi aoi) throws SQLException {
    String sql =
        "INSERT INTO feature (layer_id, id, properties, geom)"
            + " SELECT ?, aoi_id, ?::jsonb, geom FROM aoi_version WHERE aoi_id = ? AND version = ?"
            + " ON CONFLICT (layer_id, id) DO UPDATE SET properties = EXCLUDED.properties,"
            + " geom = EXCLUDED.geom";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, LAYER);
      ps.setString(2, writeJson(aoi.properties()));
      ps.setString(3, aoi.id());
      ps.setInt(4, aoi.version());
      ps.executeUpdate();
    }
    touchLayer(c);
  }

  private static void touchLayer(Connection c) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE layer SET updated_at = clock_timestamp() WHERE id = ?")) {
      ps.setString(1, LAYER);
      if (ps.executeUpdate() != 1) {
        throw new StoreException("writing an AOI: the layer row 'aois' is missing", null);
      }
    }
  }

  static String newId() {
    StringBuilder sb = new StringBuilder("aoi-");
    for (int i = 0; i < 12; i++) {
      sb.append(ID_ALPHABET.charAt(RANDOM.nextInt(ID_ALPHABET.length())));
    }
    return sb.toString();
  }

  private <T> T inTransaction(Transactions.Work<T> work) {
    return Transactions.inTransaction(dataSource, "writing AOIs", work);
  }

  private static String writeJson(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> readList(String json) {
    try {
      return JSON.readValue(json, new TypeReference<List<String>>() {});
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
