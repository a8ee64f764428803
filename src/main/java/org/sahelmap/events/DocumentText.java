package org.sahelmap.events;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The text of a registered document, read from the documents folder only when its bytes are the
 * ones the registry names (SHA-256): offsets into any other version would cite the wrong words.
 * Paragraphs are the non-empty lines, numbered from 1 (see data/documents.json).
 */
public final class DocumentText {
  /** A paragraph: its number and its span {@code [start, end)} in the text, newline excluded. */
  public record Paragraph(int number, int start, int end) {}

  private final Document document;
  private final String text;
  private final List<Paragraph> paragraphs;

  private DocumentText(Document document, String text) {
    this.document = document;
    this.text = text;
    this.paragraphs = paragraphs(text);
  }

  /** The text, or empty when the file is missing, unreadable, or not the registered version. */
  public static Optional<DocumentText> load(Document document, Path documentsDir) {
    try {
      return Optional.of(read(document, documentsDir));
    } catch (TextUnavailableException e) {
      return Optional.empty();
    }
  }

  /** The text, or a {@link TextUnavailableException} saying why it cannot be used. */
  public static DocumentText read(Document document, Path documentsDir) {
    Path file = documentsDir.resolve(document.file());
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new TextUnavailableException(
          "the text of document '"
              + document.id()
              + "' ("
              + document.file()
              + ") is not available on this server");
    }
    if (!sha256(bytes).equals(document.sha256())) {
      throw new TextUnavailableException(
          "the file "
              + document.file()
              + " on this server is not the registered version of document '"
              + document.id()
              + "' (its SHA-256 differs), so the citation offsets cannot be trusted");
    }
    return new DocumentText(document, new String(bytes, StandardCharsets.UTF_8));
  }

  /**
   * The text of an uploaded document, kept in the database rather than the documents folder: its
   * registered SHA-256 is of the uploaded file (a PDF's bytes, not its text), checked on upload.
   */
  public static DocumentText of(Document document, String text) {
    return new DocumentText(document, text);
  }

  /** Why a document's text, or a passage of it, cannot be shown; the message is for users. */
  public static final class TextUnavailableException extends RuntimeException {
    public TextUnavailableException(String message) {
      super(message);
    }
  }

  public Document document() {
    return document;
  }

  public String text() {
    return text;
  }

  public List<Paragraph> paragraphs() {
    return paragraphs;
  }

  /** The paragraph with that number, or empty when there is none. */
  public Optional<Paragraph> paragraph(int number) {
    return number >= 1 && number <= paragraphs.size()
        ? Optional.of(paragraphs.get(number - 1))
        : Optional.empty();
  }

  /**
   * The passage {@code [start, end)} when it lies inside paragraph {@code number}, else empty.
   * Offsets are UTF-16 indices, equal to code points for the registered texts (no astral
   * characters).
   */
  public Optional<String> passage(int number, int start, int end) {
    return paragraph(number)
        .filter(p -> p.start() <= start && start < end && end <= p.end())
        .map(p -> text.substring(start, end));
  }

  static List<Paragraph> paragraphs(String text) {
    List<Paragraph> out = new ArrayList<>();
    int pos = 0;
    for (String line : text.split("\n", -1)) {
      if (!blank(line)) {
        out.add(new Paragraph(out.size() + 1, pos, pos + line.length()));
      }
      pos += line.length() + 1;
    }
    return List.copyOf(out);
  }

  /** Blank as Python's str.strip() sees it (the checker's rule), which includes no-break spaces. */
  private static boolean blank(String line) {
    return line.chars().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c));
  }

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
