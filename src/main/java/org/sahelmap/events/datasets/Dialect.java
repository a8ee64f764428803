package org.sahelmap.events.datasets;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The conflict datasets whose CSV exports are read as they are, each known by a column only it has:
 * ACLED's {@code event_id_cnty}, UCDP GED's {@code date_prec} and {@code where_prec}. A header with
 * neither is ours (data/events/README.md).
 */
public enum Dialect {
  ACLED(AcledRow.DATASET, AcledRow.COLUMNS, AcledRow::map),
  UCDP(UcdpRow.DATASET, UcdpRow.COLUMNS, UcdpRow::map);

  private final String dataset;
  private final List<String> columns;
  private final Function<Map<String, String>, MappedRow> mapping;

  Dialect(String dataset, List<String> columns, Function<Map<String, String>, MappedRow> mapping) {
    this.dataset = dataset;
    this.columns = columns;
    this.mapping = mapping;
  }

  /** The dataset a header comes from, or null when it is none of them (ours). */
  public static Dialect of(Collection<String> header) {
    if (header.contains("event_id_cnty")) {
      return ACLED;
    }
    if (header.contains("date_prec") && header.contains("where_prec")) {
      return UCDP;
    }
    return null;
  }

  /** The dataset's name as shown, e.g. {@code UCDP GED}. */
  public String dataset() {
    return dataset;
  }

  /** The columns read; an export has more, which are left alone. */
  public List<String> columns() {
    return columns;
  }

  /** The row (column name → text) as our event, or its problems. */
  public MappedRow map(Map<String, String> row) {
    return mapping.apply(row);
  }
}
