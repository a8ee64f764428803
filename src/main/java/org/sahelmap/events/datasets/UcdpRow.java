package org.sahelmap.events.datasets;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.sahelmap.events.DatasetSource;

/**
 * One row of a UCDP Georeferenced Event Dataset (GED) CSV in our event model. UCDP gives both ends
 * of an event's dates, so they are used as they are; the mappings (data/events/README.md, "Events
 * from datasets"), from the GED codebook's meaning of each code:
 *
 * <ul>
 *   <li>{@code date_prec} 1 (the exact day) → {@code day}, and {@code date_start} must equal {@code
 *       date_end}; 2 (2–6 days) and 3 (a week) → {@code range}; 4 (a month) → {@code month} when
 *       the dates are one calendar month, else {@code range}; 5 (more than a month, up to a year) →
 *       {@code year} when they are one calendar year, else {@code range}.
 *   <li>{@code where_prec} 1 (the exact place) → {@code dataset_point}, {@code high}; the rest are
 *       areas ({@code approximate_area}) with a radius: 2 (within 25 km of a known point) → {@code
 *       medium}, 25 km; 3 (a second-order administrative division) → {@code low}, 50 km; 4 (a
 *       first-order one) → {@code low}, 150 km; 5 (along a road, river or border, or between
 *       places) → {@code low}, 50 km; 6 (only the country) → {@code low}, 500 km; 7 (international
 *       waters or airspace) → {@code low}, 200 km.
 *   <li>{@code type_of_violence} 1 (state-based), 2 (non-state) and 3 (one-sided violence) are all
 *       organised armed violence → {@code military}; the type's name and the dyad are kept.
 * </ul>
 */
public final class UcdpRow {
  public static final List<String> COLUMNS =
      List.of(
          "id",
          "type_of_violence",
          "dyad_name",
          "side_a",
          "side_b",
          "source_article",
          "where_coordinates",
          "where_prec",
          "adm_1",
          "country",
          "latitude",
          "longitude",
          "date_prec",
          "date_start",
          "date_end",
          "best");

  static final String DATASET = "UCDP GED";
  static final String PREFIX = "ucdp";

  private static final String[] VIOLENCE = {
    null, "state-based conflict", "non-state conflict", "one-sided violence"
  };

  /**
   * By where_prec (index 0 unused): our confidence and the radius (null: the point is the place).
   */
  private static final String[] CONFIDENCE = {
    null, "high", "medium", "low", "low", "low", "low", "low"
  };

  private static final Integer[] RADIUS_KM = {null, null, 25, 50, 150, 50, 500, 200};

  private UcdpRow() {}

  public static MappedRow map(Map<String, String> row) {
    RowValues v = new RowValues(row);
    String rowId = v.required("id");
    Integer violence = v.code("type_of_violence", 3);
    String dyad = v.text("dyad_name");
    String sideA = v.required("side_a");
    String sideB = v.required("side_b");
    String source = v.text("source_article");
    String where = v.text("where_coordinates");
    Integer wherePrec = v.code("where_prec", 7);
    String adm1 = v.text("adm_1");
    String country = v.text("country");
    double lat = v.number("latitude");
    double lon = v.number("longitude");
    Integer datePrec = v.code("date_prec", 5);
    LocalDate start = v.date("date_start");
    LocalDate end = v.date("date_end");
    Integer best = v.integer("best", true);
    String place = where != null ? where : adm1 != null ? adm1 : country;
    if (place == null) {
      v.problems.add("missing where_coordinates (and adm_1 and country): the row names no place");
    }
    if (datePrec != null && datePrec == 1 && start != null && end != null && !start.equals(end)) {
      v.problems.add(
          "date_prec 1 is one exact day, but date_start "
              + start
              + " and date_end "
              + end
              + " differ");
    }
    if (!v.problems.isEmpty()) {
      return MappedRow.refused(v.problems);
    }
    String kind = VIOLENCE[violence];
    DatasetSource provenance =
        new DatasetSource(
            DATASET,
            PREFIX,
            rowId,
            kind,
            dyad,
            source,
            "date_prec " + datePrec + ", where_prec " + wherePrec,
            best,
            RADIUS_KM[wherePrec]);
    String who = sideA + " – " + sideB;
    String summary =
        capitalised(kind)
            + " between "
            + sideA
            + " and "
            + sideB
            + " at "
            + place
            + (adm1 == null || adm1.equals(place) ? "" : " (" + adm1 + ")")
            + "; UCDP's best estimate is "
            + best
            + (best == 1 ? " death." : " deaths.");
    return MappedRow.event(
        provenance,
        who + " near " + place,
        summary,
        start,
        end,
        place,
        wherePrec == 1,
        CONFIDENCE[wherePrec],
        "military",
        List.of(sideA, sideB),
        lon,
        lat);
  }

  private static String capitalised(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
