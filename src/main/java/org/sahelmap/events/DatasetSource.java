package org.sahelmap.events;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where an event taken from a conflict dataset (ACLED, UCDP GED) came from: the dataset, the row's
 * own id there, the dataset's category and sub-type as written (ours is a mapping of them, so the
 * original is kept), the dataset's source text, its precision codes and fatality figure, and how
 * far the place may be from the point when the dataset gives only an area. An event with a dataset
 * source has no document citation; it is matched on {@link #id()} when a newer export is imported.
 *
 * @param dataset the dataset's name as shown, e.g. {@code ACLED}
 * @param prefix the lowercase prefix of the event id, e.g. {@code acled}
 * @param rowId the row's id in the dataset, e.g. {@code MLI12345}
 * @param uncertaintyKm radius of the area the place lies in, or null when the point is the place
 */
public record DatasetSource(
    String dataset,
    String prefix,
    String rowId,
    String category,
    String subType,
    String sourceText,
    String precision,
    Integer fatalities,
    Integer uncertaintyKm) {

  private static final Pattern ROW_ID = Pattern.compile("[A-Za-z0-9._-]{1,100}");
  private static final Pattern PREFIX = Pattern.compile("[a-z]{2,20}");

  /** The event id: {@code acled:MLI12345}, {@code ucdp:123456}. */
  public String id() {
    return prefix + ":" + rowId;
  }

  /** What is wrong with these values, empty when nothing is. */
  List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (prefix == null || !PREFIX.matcher(prefix).matches() || dataset == null) {
      throw new IllegalArgumentException("a dataset needs a name and a lowercase prefix");
    }
    if (rowId == null || !ROW_ID.matcher(rowId).matches()) {
      problems.add(
          "the row id "
              + (rowId == null ? "(missing)" : "'" + rowId + "'")
              + " is not 1 to 100 letters, digits, '.', '_' or '-'");
    }
    if (fatalities != null && fatalities < 0) {
      problems.add("fatalities " + fatalities + " is negative");
    }
    for (String text : new String[] {category, subType, sourceText, precision}) {
      if (text != null && text.indexOf('\0') >= 0) {
        problems.add("the dataset's text must not contain NUL characters");
        break;
      }
    }
    return problems;
  }
}
