package org.sahelmap.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A source document as registered in data/documents.json: what it is, and where and how its text
 * can be found and cited (the file name in the documents folder, the SHA-256 of its bytes, its
 * length in characters, and how its paragraphs are numbered).
 */
public record Document(
    String id,
    String title,
    String subtitle,
    String publisher,
    LocalDate published,
    String file,
    String sha256,
    int chars,
    String paragraphNumbering,
    String offsets) {

  public Document {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(sha256, "sha256");
    if (file.contains("/") || file.contains("\\") || file.startsWith(".")) {
      // The name is joined to the documents folder; it must not lead out of it.
      throw new IllegalArgumentException("document file must be a plain file name: " + file);
    }
  }

  static Document fromJson(JsonNode n) {
    return new Document(
        n.path("id").textValue(),
        n.path("title").textValue(),
        n.path("subtitle").textValue(),
        n.path("publisher").textValue(),
        n.path("published").isTextual() ? LocalDate.parse(n.path("published").textValue()) : null,
        n.path("file").textValue(),
        n.path("sha256").textValue(),
        n.path("chars").asInt(),
        n.path("paragraph_numbering").textValue(),
        n.path("offsets").textValue());
  }

  /** The registry entry as JSON members, named as in documents.json. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("title", title);
    m.put("subtitle", subtitle);
    m.put("publisher", publisher);
    m.put("published", published == null ? null : published.toString());
    m.put("file", file);
    m.put("sha256", sha256);
    m.put("chars", chars);
    m.put("paragraph_numbering", paragraphNumbering);
    m.put("offsets", offsets);
    return m;
  }
}
