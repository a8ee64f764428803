package org.sahelmap.documents;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.sahelmap.errors.Reason;
import org.sahelmap.errors.Refusal;

/**
 * The text of an uploaded file: plain UTF-8 text as it is, HTML through jsoup (one line per block
 * element, so paragraphs stay paragraphs), PDF through Apache PDFBox (one line per paragraph the
 * stripper finds). Line ends become {@code \n}, so paragraphs number as data/documents.json says
 * (the non-empty lines). A file that yields no text is refused, saying why.
 */
public final class DocumentReader {
  /**
   * What was read: the text, and a title and publisher when the file's metadata states them (null
   * otherwise).
   */
  public record Read(String text, String title, String publisher, String mediaType) {}

  /**
   * HTML metadata naming who publishes a page, most specific first: the site (Open Graph), an
   * explicit publisher (plain or Dublin Core), then the author, which for a press release or a
   * think tank's page is the organisation.
   */
  private static final String[] HTML_PUBLISHER = {
    "meta[property=og:site_name]",
    "meta[name=publisher]",
    "meta[name=DC.publisher]",
    "meta[name=dcterms.publisher]",
    "meta[name=author]"
  };

  private static final String BLOCKS = "h1, h2, h3, h4, h5, h6, p, li, blockquote, pre, td";

  private DocumentReader() {}

  /** The media type for a Content-Type header or a file name's extension; refused if unknown. */
  public static String mediaType(String contentTypeOrName) {
    String s = contentTypeOrName == null ? "" : contentTypeOrName.toLowerCase(Locale.ROOT).strip();
    String bare = s.split(";", 2)[0].strip();
    if (bare.equals("application/pdf") || s.endsWith(".pdf")) {
      return "application/pdf";
    }
    if (bare.equals("text/html") || s.endsWith(".html") || s.endsWith(".htm")) {
      return "text/html";
    }
    if (bare.equals("text/plain") || s.endsWith(".txt") || s.endsWith(".md")) {
      return "text/plain";
    }
    throw new Refusal(
        Reason.UNSUPPORTED_TYPE,
        "UnsupportedDocumentType",
        "send the document as text/plain, text/html or application/pdf (or a .txt, .html or .pdf"
            + " file), not "
            + (s.isEmpty() ? "a body without a type" : contentTypeOrName));
  }

  public static Read read(byte[] bytes, String mediaType) {
    if (bytes.length == 0) {
      throw unreadable("the file is empty");
    }
    Read r =
        switch (mediaType) {
          case "application/pdf" -> pdf(bytes);
          case "text/html" -> html(utf8(bytes));
          default -> new Read(normalise(utf8(bytes)), null, null, "text/plain");
        };
    if (r.text().isBlank()) {
      throw unreadable("the file holds no text (a scanned PDF needs OCR first)");
    }
    return r;
  }

  private static Read pdf(byte[] bytes) {
    try (PDDocument pdf = Loader.loadPDF(bytes)) {
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setParagraphStart("");
      stripper.setParagraphEnd("\n\n");
      var info = pdf.getDocumentInformation();
      // Author only: Creator and Producer name the software that made the file ("Microsoft Word",
      // "pdfTeX"), never who publishes it.
      return new Read(
          normalise(stripper.getText(pdf)),
          orNull(info.getTitle()),
          orNull(info.getAuthor()),
          "application/pdf");
    } catch (IOException e) {
      throw unreadable("it is not a readable PDF (" + e.getMessage() + ")");
    }
  }

  private static Read html(String html) {
    var doc = Jsoup.parse(html);
    StringBuilder b = new StringBuilder();
    for (Element e : doc.body().select(BLOCKS)) {
      // Only the innermost blocks (select counts the element itself): a <li> holding a <p>
      // gives its text once.
      if (e.select(BLOCKS).size() == 1) {
        b.append(e.text()).append('\n');
      }
    }
    String text = b.length() > 0 ? b.toString() : doc.body().wholeText();
    String publisher = null;
    for (String css : HTML_PUBLISHER) {
      Element meta = doc.selectFirst(css);
      if (publisher == null && meta != null) {
        publisher = orNull(meta.attr("content"));
      }
    }
    return new Read(normalise(text), orNull(doc.title()), publisher, "text/html");
  }

  private static String orNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw unreadable("it is not UTF-8 text");
    }
  }

  /** \n line ends, no NUL (PostgreSQL text cannot hold it), no byte-order mark. */
  private static String normalise(String s) {
    String t = s.replace("\r\n", "\n").replace('\r', '\n').replace("\0", "");
    return t.startsWith("\uFEFF") ? t.substring(1) : t;
  }

  static Refusal unreadable(String why) {
    return new Refusal(
        Reason.UNPROCESSABLE, "UnreadableDocument", "the document's text cannot be read: " + why);
  }
}
