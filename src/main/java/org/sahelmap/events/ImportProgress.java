package org.sahelmap.events;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The line {@code import-events} writes while it runs, e.g. {@code import-events: 120,000 rows
 * read, 0 problems, 4.1 s}: at most every two seconds, so a long import shows it is alive without
 * flooding a terminal or a log.
 */
final class ImportProgress {
  private static final long EVERY_NANOS = 2_000_000_000L;

  private final PrintStream out;
  private final long started = System.nanoTime();
  private long lastPrinted = started;

  /** Prints nowhere when out is null (tests, embedded use). */
  ImportProgress(PrintStream out) {
    this.out = out;
  }

  void reading(long rows, long problems) {
    if (out == null) {
      return;
    }
    long now = System.nanoTime();
    if (now - lastPrinted >= EVERY_NANOS) {
      lastPrinted = now;
      print(count(rows) + " rows read, " + problems(problems));
    }
  }

  void line(String text) {
    if (out != null) {
      print(text);
    }
  }

  double seconds() {
    return (System.nanoTime() - started) / 1e9;
  }

  private void print(String text) {
    out.println(String.format(Locale.ROOT, "import-events: %s, %.1f s", text, seconds()));
  }

  /** "1 problem", "2,000 problems". */
  static String problems(long n) {
    return count(n) + (n == 1 ? " problem" : " problems");
  }

  /** 120000 as 120,000, whatever the machine's locale. */
  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
