package org.sahelmap.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.sahelmap.store.Database;

/**
 * Adds synthetic events to the {@code events} layer for tests that need volume, from the same SQL
 * the benchmarks use ({@code bench/sql/synthetic-events.sql}: clustered around Malian towns, dated
 * 2012–2024, ids {@code syn-<i>}), so a test and a benchmark speak of the same data.
 */
public final class BulkEvents {
  private BulkEvents() {}

  /** Adds {@code count} events; the {@code events} layer must exist (e.g. {@link DevData#load}). */
  public static void load(Database db, int count) throws SQLException {
    if (count < 1) {
      throw new IllegalArgumentException("count must be positive");
    }
    String sql = script().replace(":n", Integer.toString(count));
    try (Connection c = db.connection();
        Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }

  private static String script() {
    Path file = DevData.repoRoot().resolve("bench/sql/synthetic-events.sql");
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + file, e);
    }
  }
}
