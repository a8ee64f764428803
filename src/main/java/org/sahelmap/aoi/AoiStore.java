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
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.sahelmap.errors.Reason;
import org.sahelmap.json.Json;
import org.sahelmap.store.FeatureRecord;
import org.sahelmap.store.PostgisFeatureStore;
import org.sahelmap.store.StoreException;
import org.sahelmap.store.Transactions;
import org.sahelmap.store.VersionedRows;
import org.sahelmap.store.VersionedRows.Deleted;
import org.sahelmap.store.VersionedRows.Head;
import org.sahelmap.store.VersionedRows.Heads;

/**
 * AOIs in PostGIS, versioned by {@link VersionedRows}: each write is one transaction that locks the
 * AOI's {@code aoi} head row before comparing versions, so of two writers holding the same version
 * exactly one wins and the other is told (a {@link VersionConflict}); the winner's save is
 * committed with its version row before it is acknowledged. The write appends to {@code
 * aoi_version} (never rewritten) and mirrors the current state into the generic {@code feature}
 * table (layer {@code aois}), whose {@code updated_at} it bumps so cached reads revalidate.
 */
public final class AoiStore {
  public static final String LAYER = "aois";

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
          return mirror(c, id);
        });
  }

  public Aoi update(String id, int expected, AoiDraft draft, String user) {
    return inTransaction(
        c -> {
          Head head = lockLive(c, id, expected);
          insertVersion(c, id, head.next(), "update", draft, user);
          VersionedRows.advance(c, Heads.AOI, head, false);
          return mirror(c, id);
        });
  }

  /** Soft delete: the AOI leaves the live collection; its last state is kept as a version. */
  public Aoi delete(String id, int expected, String user) {
    return inTransaction(
        c -> {
          Head head = lockLive(c, id, expected);
          copyVersion(c, head, "delete", user);
          VersionedRows.advance(c, Heads.AOI, head, true);
          PostgisFeatureStore.removeFeature(c, LAYER, id);
          return read(c, id).orElseThrow();
        });
  }

  /** Undoes a delete: the state the delete removed comes back as a new version. */
  public Aoi restore(String id, int expected, String user) {
    return inTransaction(
        c -> {
          Head head = VersionedRows.lock(c, Heads.AOI, id, expected, Deleted.LOCKED, REFUSALS);
          if (!head.deleted()) {
            throw new AoiProblem(
                Reason.CONFLICT, "NotDeleted", "AOI '" + id + "' is not deleted", null);
          }
          copyVersion(c, head, "restore", user);
          VersionedRows.advance(c, Heads.AOI, head, false);
          return mirror(c, id);
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

  /** How a write to an AOI is refused: 404 for an unknown id, 412 with the current AOI. */
  private static final VersionedRows.Refusals REFUSALS =
      new VersionedRows.Refusals() {
        @Override
        public RuntimeException missing(String id) {
          return new AoiProblem(Reason.NOT_FOUND, "NotFound", "there is no AOI '" + id + "'", null);
        }

        @Override
        public RuntimeException stale(Connection c, Head head, int expected) throws SQLException {
          return new VersionConflict(read(c, head.id()).orElseThrow(), Integer.toString(expected));
        }
      };

  /** Locks an AOI to change it: 404, then 412, then 410 when it is deleted (restore it first). */
  private static Head lockLive(Connection c, String id, int expected) throws SQLException {
    Head head = VersionedRows.lock(c, Heads.AOI, id, expected, Deleted.LOCKED, REFUSALS);
    if (head.deleted()) {
      throw deleted(read(c, id).orElseThrow());
    }
    return head;
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

  /** The head's version again as the next one, under another operation (delete, restore). */
  private static void copyVersion(Connection c, Head head, String operation, String user)
      throws SQLException {
    String sql =
        "INSERT INTO aoi_version"
            + " (aoi_id, version, operation, name, notes, tags, radius_m, geom, saved_by, saved_at)"
            + " SELECT aoi_id, version + 1, ?, name, notes, tags, radius_m, geom, ?,"
            + " clock_timestamp() FROM aoi_version WHERE aoi_id = ? AND version = ?";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, operation);
      ps.setString(2, user);
      ps.setString(3, head.id());
      ps.setInt(4, head.version());
      ps.executeUpdate();
    }
  }

  /**
   * The AOI's current version, mirrored into the generic feature table every collection reader
   * reads. Its geometry is read back as WKB, exactly as stored (wound, unrounded).
   */
  private static Aoi mirror(Connection c, String id) throws SQLException {
    Aoi aoi = read(c, id).orElseThrow();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT ST_AsBinary(geom) FROM aoi_version WHERE aoi_id = ? AND version = ?")) {
      ps.setString(1, id);
      ps.setInt(2, aoi.version());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        Geometry geometry = new WKBReader().read(rs.getBytes(1));
        PostgisFeatureStore.putFeature(c, LAYER, FeatureRecord.of(id, geometry, aoi.properties()));
      } catch (ParseException e) {
        throw new StoreException("reading the geometry of AOI '" + id + "'", e);
      }
    }
    return aoi;
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
