package org.sahelmap.documents;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import org.sahelmap.errors.Reason;
import org.sahelmap.errors.Refusal;
import org.sahelmap.events.Citations;
import org.sahelmap.events.Document;
import org.sahelmap.events.DocumentStore;
import org.sahelmap.events.DocumentText;
import org.sahelmap.extract.Candidate;
import org.sahelmap.extract.DateMention;
import org.sahelmap.extract.DateRules;
import org.sahelmap.extract.Extractor;
import org.sahelmap.extract.Gazetteer;
import org.sahelmap.store.StoreException;

/**
 * Uploaded documents: read (see {@link DocumentReader}), registered as data/documents.json
 * registers the first one, their text kept in {@code document_text}, and their candidate events
 * proposed into {@code event_candidate}, all in one transaction, so a failure stores nothing. The
 * same bytes again find the document already stored (by SHA-256).
 */
public final class DocumentUploads implements Citations.Uploaded {
  /** Largest document: far above any analysis paper's text, and a PDF's images. */
  public static final int MAX_BYTES = 10 * 1024 * 1024;

  static final String NUMBERING =
      "paragraphs are the non-empty lines of the text, numbered from 1 at the first line; headings"
          + " count";
  static final String OFFSETS =
      "Unicode code point offsets into the whole stored text, half-open [start, end)";

  /** What an upload did: the document, whether it is new, how many candidates were proposed. */
  public record Result(Document document, boolean created, int proposed) {}

  private final DataSource dataSource;
  private final Clock clock;
  private final Extractor extractor = new Extractor(Gazetteer.shipped());

  public DocumentUploads(DataSource dataSource, Clock clock) {
    this.dataSource = dataSource;
    this.clock = clock;
  }

  public Result upload(byte[] bytes, String mediaType, String fileName, String user) {
    if (bytes.length > MAX_BYTES) {
      throw new Refusal(
          Reason.TOO_LARGE,
          "PayloadTooLarge",
          "the document is larger than " + MAX_BYTES / (1024 * 1024) + " MiB");
    }
    String sha256 = DocumentText.sha256(bytes);
    Optional<Document> existing = bySha256(sha256);
    if (existing.isPresent()) {
      return new Result(existing.get(), false, 0);
    }
    DocumentReader.Read read = DocumentReader.read(bytes, mediaType);
    String text = read.text();
    DocumentText probe =
        DocumentText.of(
            new Document("probe", "probe", null, null, null, "probe", sha256, 0, null, null), text);
    List<DocumentText.Paragraph> paragraphs = probe.paragraphs();
    String title = title(read, text, paragraphs, fileName);
    int dateLine = dateParagraph(text, paragraphs);
    LocalDate published =
        dateLine == 0
            ? LocalDate.now(clock)
            : DateRules.find(paragraphText(text, paragraphs, dateLine), null).stream()
                .filter(m -> "day".equals(m.precision()))
                .findFirst()
                .orElseThrow()
                .start();
    String id = id(title, sha256);
    Document d =
        new Document(
            id,
            title,
            null,
            Publishers.of(read, text, paragraphs),
            published,
            id + ".txt",
            sha256,
            text.codePointCount(0, text.length()),
            NUMBERING,
            OFFSETS);
    List<Candidate> candidates = candidates(text, paragraphs, published, dateLine);
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        DocumentStore.write(c, List.of(d), false);
        insertText(c, d, read.mediaType(), text, user);
        int proposed = CandidateStore.insert(c, id, candidates);
        c.commit();
        return new Result(d, true, proposed);
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        // Two uploads of the same bytes at once: the other one stored it.
        Optional<Document> raced = bySha256(sha256);
        if (raced.isPresent()) {
          return new Result(raced.get(), false, 0);
        }
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException("storing an uploaded document", e);
    }
  }

  private List<Candidate> candidates(
      String text, List<DocumentText.Paragraph> paragraphs, LocalDate published, int dateLine) {
    return extractor.extract(
        text,
        paragraphs.stream()
            .map(p -> new Extractor.Paragraph(p.number(), p.start(), p.end()))
            .toList(),
        published,
        // The lines up to the document's own date are its title block, not events.
        dateLine + 1);
  }

  /**
   * Runs the extraction again over a stored document (after the rules changed): proposes only what
   * was never proposed, so nothing rejected comes back. Returns how many are new.
   */
  public int extractAgain(String id, CandidateStore store) {
    Document d =
        document(id)
            .orElseThrow(
                () ->
                    new Refusal(Reason.NOT_FOUND, "NoSuchDocument", "no uploaded document " + id));
    String text = text(id).orElseThrow();
    List<DocumentText.Paragraph> paragraphs = DocumentText.of(d, text).paragraphs();
    return store.propose(
        id, candidates(text, paragraphs, d.published(), dateParagraph(text, paragraphs)));
  }

  private static String title(
      DocumentReader.Read read, String text, List<DocumentText.Paragraph> ps, String fileName) {
    String t = read.title();
    if (t == null && !ps.isEmpty()) {
      t = text.substring(ps.get(0).start(), ps.get(0).end()).strip();
    }
    if (t == null || t.isBlank()) {
      t = fileName == null ? "Untitled document" : fileName;
    }
    return t.length() > 200 ? t.substring(0, 200) : t;
  }

  /**
   * The number of the paragraph, among the first three (where papers put their date under the
   * title), that holds a full date and little else; 0 when none does (then the upload's day is the
   * document's date).
   */
  private static int dateParagraph(String text, List<DocumentText.Paragraph> ps) {
    for (DocumentText.Paragraph p : ps.subList(0, Math.min(3, ps.size()))) {
      String line = paragraphText(text, ps, p.number());
      if (line.length() <= 60) {
        for (DateMention m : DateRules.find(line, null)) {
          if ("day".equals(m.precision())) {
            return p.number();
          }
        }
      }
    }
    return 0;
  }

  private static String paragraphText(String text, List<DocumentText.Paragraph> ps, int number) {
    DocumentText.Paragraph p = ps.get(number - 1);
    return text.substring(p.start(), p.end());
  }

  /** A slug of the title and the hash's first 8 digits, inside document.id's 63 characters. */
  static String id(String title, String sha256) {
    String slug =
        java.text.Normalizer.normalize(title, java.text.Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("(^-+|-+$)", "");
    if (slug.length() > 50) {
      slug = slug.substring(0, 50).replaceAll("-+$", "");
    }
    return (slug.isEmpty() ? "document" : slug) + "-" + sha256.substring(0, 8);
  }

  private static void insertText(Connection c, Document d, String type, String text, String user)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO document_text (document_id, sha256, media_type, text, uploaded_by)"
                + " VALUES (?, ?, ?, ?, ?)")) {
      ps.setString(1, d.id());
      ps.setString(2, d.sha256());
      ps.setString(3, type);
      ps.setString(4, text);
      ps.setString(5, user);
      ps.executeUpdate();
    }
  }

  private static final String SELECT =
      "SELECT d.* FROM document d JOIN document_text t ON t.document_id = d.id";

  public Optional<Document> bySha256(String sha256) {
    List<Document> l = query(SELECT + " WHERE t.sha256 = ?", sha256);
    return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
  }

  @Override
  public List<Document> documents() {
    return query(SELECT + " ORDER BY t.uploaded_at, d.id", null);
  }

  @Override
  public Optional<Document> document(String id) {
    List<Document> l = query(SELECT + " WHERE d.id = ?", id);
    return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
  }

  @Override
  public Optional<String> text(String id) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT text FROM document_text WHERE document_id = ?")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new StoreException("reading an uploaded document's text", e);
    }
  }

  private List<Document> query(String sql, String arg) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      if (arg != null) {
        ps.setString(1, arg);
      }
      try (ResultSet rs = ps.executeQuery()) {
        List<Document> out = new ArrayList<>();
        while (rs.next()) {
          out.add(DocumentStore.row(rs, OFFSETS));
        }
        return out;
      }
    } catch (SQLException e) {
      throw new StoreException("reading uploaded documents", e);
    }
  }
}
