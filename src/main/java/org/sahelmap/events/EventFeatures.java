package org.sahelmap.events;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;
import org.sahelmap.store.FeatureRecord;

/**
 * An {@link Event} as a stored feature. Its time span runs from 00:00 of the start date to the last
 * microsecond of the end date (UTC; PostgreSQL keeps microseconds), so the store's inclusive
 * overlap test matches an event on every instant of every day the curation allows, and on no other.
 */
public final class EventFeatures {
  private static final GeometryFactory GEOMETRY = new GeometryFactory(new PrecisionModel(), 4326);
  public static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59, 999_999_000);

  private EventFeatures() {}

  public static FeatureRecord toRecord(Event e) {
    Point point = GEOMETRY.createPoint(new Coordinate(e.lon(), e.lat()));
    return new FeatureRecord(
        e.id(),
        point,
        properties(e),
        e.start().atStartOfDay().toInstant(ZoneOffset.UTC),
        e.end().atTime(END_OF_DAY).toInstant(ZoneOffset.UTC));
  }

  /**
   * A stored event written back with changed properties (a merge adds a source): the same point,
   * its span again from the {@code start} and {@code end} it keeps.
   */
  public static FeatureRecord withProperties(String id, Point point, Map<String, Object> p) {
    LocalDate start = LocalDate.parse(String.valueOf(p.get("start")));
    LocalDate end = LocalDate.parse(String.valueOf(p.get("end")));
    return new FeatureRecord(
        id,
        point,
        p,
        start.atStartOfDay().toInstant(ZoneOffset.UTC),
        end.atTime(END_OF_DAY).toInstant(ZoneOffset.UTC));
  }

  /** The event's fields under their file names, typed as JSON wants them. */
  static Map<String, Object> properties(Event e) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("id", e.id());
    p.put("title", e.title());
    p.put("summary", e.summary());
    p.put("start", e.start().toString());
    p.put("end", e.end().toString());
    p.put("date_precision", e.datePrecision());
    p.put("place_name", e.placeName());
    p.put("location_basis", e.locationBasis());
    p.put("location_confidence", e.locationConfidence());
    p.put("category", e.category());
    p.put("actors", e.actors());
    p.put("layer", e.layer());
    DatasetSource s = e.source();
    if (s == null) {
      p.put("citation_document", e.citationDocument());
      p.put("citation_paragraph", e.citationParagraph());
      p.put("citation_start", e.citationStart());
      p.put("citation_end", e.citationEnd());
    } else {
      // Flat, as the curated fields are: the page, CSV exports and filters read them by name.
      p.put("source_dataset", s.dataset());
      p.put("source_row_id", s.rowId());
      p.put("source_category", s.category());
      p.put("source_sub_type", s.subType());
      p.put("source_text", s.sourceText());
      p.put("source_precision", s.precision());
      p.put("fatalities", s.fatalities());
      p.put("uncertainty_km", s.uncertaintyKm());
    }
    return p;
  }
}
