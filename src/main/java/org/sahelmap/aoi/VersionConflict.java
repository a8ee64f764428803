package org.sahelmap.aoi;

import com.fasterxml.jackson.databind.util.RawValue;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sahelmap.errors.Reason;
import org.sahelmap.errors.Refusal;

/**
 * A write based on a version that is no longer the current one. The body carries the current AOI
 * (null when deleted) so the client can show what changed without asking again.
 */
public class VersionConflict extends Refusal {
  private final Aoi current;

  public VersionConflict(Aoi current, String sent) {
    super(
        Reason.STALE,
        "PreconditionFailed",
        "AOI '"
            + current.id()
            + "' is now at version "
            + current.version()
            + " (saved by "
            + current.current().savedBy()
            + " at "
            + current.current().savedAt()
            + "), but this change was based on "
            + (sent == null ? "no version" : "version " + sent)
            + ". Reload it, then apply your change again.");
    this.current = current;
    with("currentVersion", current.version());
    with("current", current.deleted() ? null : feature(current));
    with("deleted", current.deleted());
  }

  public Aoi current() {
    return current;
  }

  /** The current AOI as a GeoJSON Feature; its geometry is PostGIS's GeoJSON text as it is. */
  private static Map<String, Object> feature(Aoi aoi) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("type", "Feature");
    f.put("id", aoi.id());
    f.put("geometry", new RawValue(aoi.current().geometryJson()));
    f.put("properties", aoi.properties());
    return f;
  }
}
