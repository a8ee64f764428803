package org.sahelmap.documents;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.sahelmap.events.Document;
import org.sahelmap.events.DocumentStore;
import org.sahelmap.store.StoreException;

/**
 * The uploaded documents, newest upload first, each with how many of its candidates wait and how
 * many were accepted, rejected or merged: the page's way back into a document's review queue.
 */
public final class DocumentList {
  /** One uploaded document and its queue's counts by status. */
  public record Entry(
      Document document, Instant uploadedAt, String uploadedBy, Map<String, Long> candidates) {}

  /** A page of entries and how many documents there are in all. */
  public record Page(List<Entry> entries, long total) {}

  private static final List<String> STATUSES = List.of("pending", "accepted", "rejected", "merged");

  // One aggregate per document over its candidates; count(*) OVER () counts the documents (the
  // groups), so a page and the total are one query.
  private static final String SQL =
      "SELECT d.*, t.uploaded_at, t.uploaded_by, count(*) OVER () AS total,"
          + " count(c.id) FILTER (WHERE c.status = 'pending') AS pending,"
          + " count(c.id) FILTER (WHERE c.status = 'accepted') AS accepted,"
          + " count(c.id) FILTER (WHERE c.status = 'rejected') AS rejected,"
          + " count(c.id) FILTER (WHERE c.status = 'merged') AS merged"
          + " FROM document d JOIN document_text t ON t.document_id = d.id"
          + " LEFT JOIN event_candidate c ON c.document_id = d.id"
          + " GROUP BY d.id, t.uploaded_at, t.uploaded_by"
          + " ORDER BY t.uploaded_at DESC, d.id LIMIT ? OFFSET ?";

  private final DataSource dataSource;

  public DocumentList(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public Page page(long limit, long offset) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(SQL)) {
      ps.setLong(1, limit);
      ps.setLong(2, offset);
      List<Entry> out = new ArrayList<>();
      long total = -1;
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Map<String, Long> counts = new LinkedHashMap<>();
          for (String s : STATUSES) {
            counts.put(s, rs.getLong(s));
          }
          total = rs.getLong("total");
          out.add(
              new Entry(
                  DocumentStore.row(rs, DocumentUploads.OFFSETS),
                  rs.getTimestamp("uploaded_at").toInstant(),
                  rs.getString("uploaded_by"),
                  counts));
        }
      }
      // Past the last page the window has no row to count on.
      return new Page(out, total >= 0 ? total : count(c));
    } catch (SQLException e) {
      throw new StoreException("listing uploaded documents", e);
    }
  }

  private static long count(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM document_text");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
