package org.sahelmap.store;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A collection as stored: what it is, how it was made ({@code metadata}: sources, method, CRS,
 * distances), and when. {@code kind} is one of mission, context, events, aois.
 */
public record Layer(
    String id,
    String title,
    String description,
    String kind,
    Map<String, Object> metadata,
    Instant computedAt,
    Instant updatedAt,
    int displayOrder) {

  public Layer {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(kind, "kind");
    metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
  }
}
