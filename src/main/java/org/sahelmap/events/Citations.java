package org.sahelmap.events;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the passage an event cites in its document's text, read from the documents folder at run
 * time: the repository stores only offsets, never the document's sentences.
 */
public final class Citations {
  /** A cited passage and where it sits. */
  public record Passage(Document document, int paragraph, int start, int end, String text) {}

  /** Documents analysts uploaded, whose text is kept in the database. */
  public interface Uploaded {
    List<Document> documents();

    Optional<Document> document(String id);

    Optional<String> text(String id);
  }

  private static final Uploaded NONE =
      new Uploaded() {
        @Override
        public List<Document> documents() {
          return List.of();
        }

        @Override
        public Optional<Document> document(String id) {
          return Optional.empty();
        }

        @Override
        public Optional<String> text(String id) {
          return Optional.empty();
        }
      };

  private final Map<String, Document> registry = new LinkedHashMap<>();
  private final Path documentsDir;
  private final Uploaded uploaded;

  public Citations(List<Document> registry, Path documentsDir) {
    this(registry, documentsDir, NONE);
  }

  public Citations(List<Document> registry, Path documentsDir, Uploaded uploaded) {
    registry.forEach(d -> this.registry.put(d.id(), d));
    this.documentsDir = documentsDir;
    this.uploaded = uploaded;
  }

  /** The registered documents, then the uploaded ones. */
  public List<Document> documents() {
    List<Document> all = new java.util.ArrayList<>(registry.values());
    all.addAll(uploaded.documents());
    return all;
  }

  public Optional<Document> document(String id) {
    Document d = registry.get(id);
    return d != null ? Optional.of(d) : uploaded.document(id);
  }

  /** The folder the texts are looked for in, as resolved from where the server started. */
  public Path documentsDir() {
    return documentsDir.toAbsolutePath().normalize();
  }

  /**
   * The registered documents whose text is not in the documents folder (or is another version);
   * uploaded ones always have theirs.
   */
  public List<Document> missingTexts() {
    return registry.values().stream().filter(d -> !textAvailable(d)).toList();
  }

  /** The whole registered text of a document, or a TextUnavailableException saying why not. */
  public DocumentText text(String documentId) {
    Document d = known(documentId);
    return read(d);
  }

  private Document known(String documentId) {
    return document(documentId)
        .orElseThrow(
            () ->
                new DocumentText.TextUnavailableException(
                    "no registered document '" + documentId + "'"));
  }

  private DocumentText read(Document d) {
    if (registry.containsKey(d.id())) {
      return DocumentText.read(d, documentsDir);
    }
    return DocumentText.of(
        d,
        uploaded
            .text(d.id())
            .orElseThrow(
                () ->
                    new DocumentText.TextUnavailableException(
                        "the text of document '" + d.id() + "' is not stored")));
  }

  /** True when the document's text is in the documents folder, or stored with its upload. */
  public boolean textAvailable(Document d) {
    return registry.containsKey(d.id())
        ? DocumentText.load(d, documentsDir).isPresent()
        : uploaded.document(d.id()).isPresent();
  }

  /**
   * The passage, or a {@link DocumentText.TextUnavailableException} saying why it cannot be shown
   * (unknown document, text absent or of another version, offsets outside the paragraph).
   */
  public Passage passage(String documentId, int paragraph, int start, int end) {
    Document d = known(documentId);
    String text =
        read(d)
            .passage(paragraph, start, end)
            .orElseThrow(
                () ->
                    new DocumentText.TextUnavailableException(
                        "offsets ["
                            + start
                            + ", "
                            + end
                            + ") are not inside paragraph "
                            + paragraph
                            + " of document '"
                            + documentId
                            + "'"));
    return new Passage(d, paragraph, start, end, text);
  }
}
