package org.sahelmap.aoi;

import java.time.Instant;
import java.util.Map;

/** An AOI as it stands: its latest version and who created it when. */
public record Aoi(AoiVersion current, String createdBy, Instant createdAt) {
  public String id() {
    return current.id();
  }

  public int version() {
    return current.version();
  }

  public boolean deleted() {
    return current.deleted();
  }

  public Map<String, Object> properties() {
    return current.properties(createdBy, createdAt);
  }
}
