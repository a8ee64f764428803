package org.sahelmap.aoi;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One saved state of an AOI: what was saved ({@code operation}: create, update, delete, restore),
 * by whom and when. A delete keeps the geometry and attributes it removed, so undoing it restores
 * them exactly. {@code geometryJson} is GeoJSON as PostGIS writes it.
 */
public record AoiVersion(
    String id,
    int version,
    String operation,
    String name,
    String notes,
    List<String> tags,
    Double radiusM,
    String geometryJson,
    String savedBy,
    Instant savedAt) {

  public boolean deleted() {
    return operation.equals("delete");
  }

  /** The feature's properties, as served and as stored in the live collection. */
  public Map<String, Object> properties(String createdBy, Instant createdAt) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("name", name);
    p.put("notes", notes);
    p.put("tags", tags);
    if (radiusM != null) {
      p.put("radius_m", radiusM);
    }
    p.put("version", version);
    p.put("created_by", createdBy);
    p.put("created_at", createdAt.toString());
    p.put("updated_by", savedBy);
    p.put("updated_at", savedAt.toString());
    return p;
  }

  /** Properties of this entry in the version history. */
  public Map<String, Object> historyProperties() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("version", version);
    p.put("operation", operation);
    p.put("saved_by", savedBy);
    p.put("saved_at", savedAt.toString());
    p.put("name", name);
    p.put("notes", notes);
    p.put("tags", tags);
    if (radiusM != null) {
      p.put("radius_m", radiusM);
    }
    return p;
  }
}
