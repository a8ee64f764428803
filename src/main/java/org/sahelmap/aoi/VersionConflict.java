package org.sahelmap.aoi;

/** A write based on a version that is no longer the current one; carries the current AOI. */
public class VersionConflict extends RuntimeException {
  private final Aoi current;

  public VersionConflict(Aoi current, String sent) {
    super(
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
  }

  public Aoi current() {
    return current;
  }
}
