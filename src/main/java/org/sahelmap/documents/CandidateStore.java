package org.sahelmap.documents;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.sahelmap.extract.Candidate;
import org.sahelmap.store.StoreException;

/** The {@code event_candidate} table: proposals written with their document, read and decided. */
public final class CandidateStore {
  private final DataSource dataSource;

  public CandidateStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Writes the candidates not proposed before for this document (matched on their fingerprint, so a
   * rejected one is not proposed again) on the caller's connection; returns how many are new.
   */
  static int insert(Connection c, String documentId, List<Candidate> candidates)
      throws SQLException {
    String sql =
        "INSERT INTO event_candidate (document_id, fingerprint, paragraph, passage_start,"
            + " passage_end, date_start, date_end, date_precision, place_name, lon, lat,"
            + " location_basis, location_confidence, actors, category, title, summary)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (document_id, fingerprint) DO NOTHING";
    int added = 0;
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (Candidate k : candidates) {
        int i = 1;
        ps.setString(i++, documentId);
        ps.setString(i++, k.fingerprint());
        ps.setInt(i++, k.paragraph());
        ps.setInt(i++, k.start());
        ps.setInt(i++, k.end());
        ps.setDate(i++, Date.valueOf(k.date().start()));
        ps.setDate(i++, Date.valueOf(k.date().end()));
        ps.setString(i++, k.date().precision());
        ps.setString(i++, k.place().name());
        ps.setDouble(i++, k.place().lon());
        ps.setDouble(i++, k.place().lat());
        ps.setString(i++, k.locationBasis());
        ps.setString(i++, k.locationConfidence());
        ps.setArray(i++, c.createArrayOf("text", k.actors().toArray()));
        ps.setString(i++, k.category());
        ps.setString(i++, k.title());
        ps.setString(i, k.summary());
        added += ps.executeUpdate();
      }
    }
    return added;
  }

  /** Proposes again from a document already stored; returns how many are new. */
  public int propose(String documentId, List<Candidate> candidates) {
    try (Connection c = dataSource.getConnection()) {
      return insert(c, documentId, candidates);
    } catch (SQLException e) {
      throw new StoreException("writing candidate events", e);
    }
  }

  public List<StoredCandidate> forDocument(String documentId) {
    return query(
        "SELECT * FROM event_candidate WHERE document_id = ? ORDER BY passage_start, id",
        ps -> ps.setString(1, documentId));
  }

  public Optional<StoredCandidate> get(long id) {
    return query("SELECT * FROM event_candidate WHERE id = ?", ps -> ps.setLong(1, id)).stream()
        .findFirst();
  }

  /**
   * Records a decision on a pending candidate on the caller's connection, with the values the
   * reviewer settled on; false when it was no longer pending (decided meanwhile).
   */
  static boolean decide(Connection c, StoredCandidate k, String status, String user)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE event_candidate SET status = ?, event_id = ?, decided_by = ?, decided_at ="
                + " now(), date_start = ?, date_end = ?, date_precision = ?, place_name = ?,"
                + " lon = ?, lat = ?, location_basis = ?, location_confidence = ?, category = ?,"
                + " title = ?, summary = ? WHERE id = ? AND status = 'pending'")) {
      int i = 1;
      ps.setString(i++, status);
      ps.setString(i++, k.eventId());
      ps.setString(i++, user);
      ps.setDate(i++, Date.valueOf(k.dateStart()));
      ps.setDate(i++, Date.valueOf(k.dateEnd()));
      ps.setString(i++, k.datePrecision());
      ps.setString(i++, k.placeName());
      ps.setDouble(i++, k.lon());
      ps.setDouble(i++, k.lat());
      ps.setString(i++, k.locationBasis());
      ps.setString(i++, k.locationConfidence());
      ps.setString(i++, k.category());
      ps.setString(i++, k.title());
      ps.setString(i++, k.summary());
      ps.setLong(i, k.id());
      return ps.executeUpdate() == 1;
    }
  }

  DataSource dataSource() {
    return dataSource;
  }

  private interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  private List<StoredCandidate> query(String sql, Binder binder) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      binder.bind(ps);
      try (ResultSet rs = ps.executeQuery()) {
        List<StoredCandidate> out = new ArrayList<>();
        while (rs.next()) {
          Timestamp decided = rs.getTimestamp("decided_at");
          out.add(
              new StoredCandidate(
                  rs.getLong("id"),
                  rs.getString("document_id"),
                  rs.getInt("paragraph"),
                  rs.getInt("passage_start"),
                  rs.getInt("passage_end"),
                  rs.getDate("date_start").toLocalDate(),
                  rs.getDate("date_end").toLocalDate(),
                  rs.getString("date_precision"),
                  rs.getString("place_name"),
                  rs.getDouble("lon"),
                  rs.getDouble("lat"),
                  rs.getString("location_basis"),
                  rs.getString("location_confidence"),
                  Arrays.asList((String[]) rs.getArray("actors").getArray()),
                  rs.getString("category"),
                  rs.getString("title"),
                  rs.getString("summary"),
                  rs.getString("status"),
                  rs.getString("event_id"),
                  rs.getString("decided_by"),
                  decided == null ? null : decided.toInstant()));
        }
        return out;
      }
    } catch (SQLException e) {
      throw new StoreException("reading candidate events", e);
    }
  }
}
