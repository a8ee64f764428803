package org.sahelmap.events.datasets;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sahelmap.events.DatasetSource;

/**
 * One row of an ACLED CSV export in our event model. The mappings (data/events/README.md, "Events
 * from datasets"), from the ACLED codebook's meaning of each code:
 *
 * <ul>
 *   <li>{@code time_precision} 1 (the day is known) → {@code day}; 2 (known to within about a week;
 *       ACLED codes a date inside it) → {@code range} of the seven days centred on {@code
 *       event_date}; 3 (only the month is known) → {@code month} of {@code event_date}.
 *   <li>{@code geo_precision} 1 (the named town itself) → {@code dataset_point}, {@code high}; 2
 *       (near a town, or a part of a district: ACLED gives the nearest town's point) → {@code
 *       approximate_area}, {@code medium}, 25 km; 3 (only a region is known: its capital or centre)
 *       → {@code approximate_area}, {@code low}, 100 km. A region is drawn as an area, never as a
 *       pin claiming a place.
 *   <li>{@code event_type} → our category: Battles, Explosions/Remote violence and Violence against
 *       civilians → {@code military}; Protests and Riots → {@code civil_unrest}; Strategic
 *       developments → {@code diplomatic} for the sub-type Agreement, else {@code military}. Both
 *       the type and the sub-type are kept.
 * </ul>
 */
public final class AcledRow {
  public static final List<String> COLUMNS =
      List.of(
          "event_id_cnty",
          "event_date",
          "time_precision",
          "event_type",
          "sub_event_type",
          "actor1",
          "actor2",
          "admin1",
          "location",
          "latitude",
          "longitude",
          "geo_precision",
          "source",
          "notes",
          "fatalities");

  static final String DATASET = "ACLED";
  static final String PREFIX = "acled";

  /** Uncertainty radius by geo_precision (index 0 unused); null: the point is the place. */
  private static final Integer[] RADIUS_KM = {null, null, 25, 100};

  private static final String[] CONFIDENCE = {null, "high", "medium", "low"};

  private AcledRow() {}

  public static MappedRow map(Map<String, String> row) {
    RowValues v = new RowValues(row);
    String rowId = v.required("event_id_cnty");
    LocalDate date = v.date("event_date");
    Integer time = v.code("time_precision", 3);
    String type = v.required("event_type");
    String subType = v.required("sub_event_type");
    String actor1 = v.required("actor1");
    String actor2 = v.text("actor2");
    String admin1 = v.text("admin1");
    String location = v.required("location");
    double lat = v.number("latitude");
    double lon = v.number("longitude");
    Integer geo = v.code("geo_precision", 3);
    String source = v.text("source");
    String notes = v.text("notes");
    Integer fatalities = v.integer("fatalities", false);
    String category = type == null ? null : category(type, subType);
    if (type != null && category == null) {
      v.problems.add("event_type '" + type + "' is not one of ACLED's event types");
    }
    if (!v.problems.isEmpty()) {
      return MappedRow.refused(v.problems);
    }
    LocalDate[] span = span(date, time);
    List<String> actors = new ArrayList<>(List.of(actor1));
    if (actor2 != null) {
      actors.add(actor2);
    }
    String place = admin1 == null || admin1.equals(location) ? location : location + ", " + admin1;
    DatasetSource provenance =
        new DatasetSource(
            DATASET,
            PREFIX,
            rowId,
            type,
            subType,
            source,
            "time_precision " + time + ", geo_precision " + geo,
            fatalities,
            RADIUS_KM[geo]);
    String summary =
        notes != null
            ? notes
            : type + " (" + subType + ") in " + place + "; ACLED gives no notes for this row.";
    return MappedRow.event(
        provenance,
        subType + " in " + location,
        summary,
        span[0],
        span[1],
        place,
        geo == 1,
        CONFIDENCE[geo],
        category,
        actors,
        lon,
        lat);
  }

  /** Our category for ACLED's event type and sub-type; null for a type ACLED does not have. */
  static String category(String eventType, String subType) {
    return switch (eventType) {
      case "Battles", "Explosions/Remote violence", "Violence against civilians" -> "military";
      case "Protests", "Riots" -> "civil_unrest";
      case "Strategic developments" -> "Agreement".equals(subType) ? "diplomatic" : "military";
      default -> null;
    };
  }

  private static LocalDate[] span(LocalDate date, int timePrecision) {
    return switch (timePrecision) {
      case 1 -> new LocalDate[] {date, date};
      case 2 -> new LocalDate[] {date.minusDays(3), date.plusDays(3)};
      default -> {
        YearMonth m = YearMonth.from(date);
        yield new LocalDate[] {m.atDay(1), m.atEndOfMonth()};
      }
    };
  }
}
