package org.sahelmap.events;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.sahelmap.store.StoreException;

/** The {@code document} table: the registry of source documents, written whole, read by id. */
public final class DocumentStore {
  private final DataSource dataSource;

  public DocumentStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Inserts or updates each document, matched on id, in one transaction. */
  public void upsert(List<Document> documents) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        write(c, documents, true);
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException("writing the document registry", e);
    }
  }

  /**
   * The one INSERT into {@code document}, on the caller's connection (an upload writes its row with
   * its text and candidates in one transaction). With {@code replace}, a document already stored
   * under the id is updated (the registry at start-up); without, the insert fails on it (two
   * uploads of one file at once: the second rolls back and finds the first).
   */
  public static void write(Connection c, List<Document> documents, boolean replace)
      throws SQLException {
    String sql =
        "INSERT INTO document (id, title, subtitle, publisher, published, file, sha256, chars,"
            + " paragraph_numbering) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + (replace
                ? " ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title,"
                    + " subtitle = EXCLUDED.subtitle, publisher = EXCLUDED.publisher,"
                    + " published = EXCLUDED.published, file = EXCLUDED.file,"
                    + " sha256 = EXCLUDED.sha256, chars = EXCLUDED.chars,"
                    + " paragraph_numbering = EXCLUDED.paragraph_numbering"
                : "");
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (Document d : documents) {
        ps.setString(1, d.id());
        ps.setString(2, d.title());
        ps.setString(3, d.subtitle());
        ps.setString(4, d.publisher());
        ps.setDate(5, d.published() == null ? null : Date.valueOf(d.published()));
        ps.setString(6, d.file());
        ps.setString(7, d.sha256());
        ps.setInt(8, d.chars());
        ps.setString(9, d.paragraphNumbering());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** Every stored document, by id. */
  public List<Document> list() {
    String sql = "SELECT * FROM document ORDER BY id";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      List<Document> out = new ArrayList<>();
      while (rs.next()) {
        out.add(row(rs, null));
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException("reading the document registry", e);
    }
  }

  /**
   * The document on the current row of a query over the {@code document} table; {@code offsets} is
   * the offsets rule, which the table does not hold.
   */
  public static Document row(ResultSet rs, String offsets) throws SQLException {
    Date published = rs.getDate("published");
    return new Document(
        rs.getString("id"),
        rs.getString("title"),
        rs.getString("subtitle"),
        rs.getString("publisher"),
        published == null ? null : published.toLocalDate(),
        rs.getString("file"),
        rs.getString("sha256"),
        rs.getInt("chars"),
        rs.getString("paragraph_numbering"),
        offsets);
  }
}
