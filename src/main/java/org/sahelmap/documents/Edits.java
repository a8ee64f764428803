package org.sahelmap.documents;

import java.time.LocalDate;

/**
 * What a reviewer changed before accepting: any field may be null (kept as proposed). A place is
 * either a gazetteer name or a point clicked on the map (with the name the reviewer gives it).
 */
public record Edits(
    LocalDate start,
    LocalDate end,
    String datePrecision,
    String placeName,
    Double lon,
    Double lat,
    String locationBasis,
    String locationConfidence,
    String category,
    String title,
    String summary) {
  public static final Edits NONE =
      new Edits(null, null, null, null, null, null, null, null, null, null, null);
}
