package org.sahelmap.events;

import java.util.ArrayList;
import java.util.List;

/**
 * The problems of one file, bounded: every problem is counted, but only the first {@link #LISTED}
 * by line are kept as text, so a file that is wrong on each of its 200,000 rows costs no more
 * memory than one wrong on 100. Problems may arrive out of line order (repeated ids are found after
 * the reading); the kept ones stay sorted by line, those on the same line in arrival order.
 */
final class ProblemList {
  static final int LISTED = 100;

  private record Entry(long line, String text) {}

  private final List<Entry> kept = new ArrayList<>();
  private long count;

  void add(long line, String reason) {
    count++;
    int at = kept.size();
    while (at > 0 && kept.get(at - 1).line() > line) {
      at--;
    }
    if (at < LISTED) {
      kept.add(at, new Entry(line, "line " + line + ": " + reason));
      if (kept.size() > LISTED) {
        kept.remove(LISTED);
      }
    }
  }

  /** Counts problems known only by number (e.g. repeats past the first listed). */
  void addUnlisted(long n) {
    count += n;
  }

  long count() {
    return count;
  }

  /** The first {@link #LISTED} problems as {@code "line N: reason"}. */
  List<String> listed() {
    return kept.stream().map(Entry::text).toList();
  }
}
