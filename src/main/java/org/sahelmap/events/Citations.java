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

  private final Map<String, Document> registry = new LinkedHashMap<>();
  private final Path documentsDir;

  public Citations(List<Document> registry, Path documentsDir) {
    registry.forEach(d -> this.registry.put(d.id(), d));
    this.documentsDir = documentsDir;
  }

  public List<Document> documents() {
    return List.copyOf(registry.values());
  }

  public Optional<Document> document(String id) {
    return Optional.ofNullable(registry.get(id));
  }

  /** The folder the texts are looked for in, as resolved from where the server started. */
  public Path documentsDir() {
    return documentsDir.toAbsolutePath().normalize();
  }

  /** The registered documents whose text is not in the documents folder (or is another version). */
  public List<Document> missingTexts() {
    return registry.values().stream().filter(d -> !textAvailable(d)).toList();
  }

  /** The whole registered text of a document, or a TextUnavailableException saying why not. */
  public DocumentText text(String documentId) {
    Document d =
        document(documentId)
            .orElseThrow(
                () ->
                    new DocumentText.TextUnavailableException(
                        "no registered document '" + documentId + "'"));
    return DocumentText.read(d, documentsDir);
  }

  /** True when the document's registered text is in the documents folder. */
  public boolean textAvailable(Document d) {
    return DocumentText.load(d, documentsDir).isPresent();
  }

  /**
   * The passage, or a {@link DocumentText.TextUnavailableException} saying why it cannot be shown
   * (unknown document, text absent or of another version, offsets outside the paragraph).
   */
  public Passage passage(String documentId, int paragraph, int start, int end) {
    Document d =
        document(documentId)
            .orElseThrow(
                () ->
                    new DocumentText.TextUnavailableException(
                        "no registered document '" + documentId + "'"));
    String text =
        DocumentText.read(d, documentsDir)
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
