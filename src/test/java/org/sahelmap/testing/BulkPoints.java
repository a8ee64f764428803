package org.sahelmap.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import org.sahelmap.store.Database;

/**
 * Loads many synthetic points into a new layer in SQL ({@code generate_series}), for tests that
 * need volume: far faster than going through the store. Points lie on a 1000-column grid over the
 * Sahel (lon -17..23, from lat 4 northwards), with a number and a name as properties; ANALYZE
 * follows so the planner knows the table's size.
 */
public final class BulkPoints {
  private BulkPoints() {}

  public static void load(Database db, String layerId, int count) throws SQLException {
    load(db, layerId, count, 0);
  }

  /** As {@link #load(Database, String, int)}, each feature also carrying a text of noteChars. */
  public static void load(Database db, String layerId, int count, int noteChars)
      throws SQLException {
    try (Connection c = db.connection()) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO layer (id, title, description, kind) VALUES (?, ?, ?, 'context')")) {
        ps.setString(1, layerId);
        ps.setString(2, "Synthetic points " + layerId);
        ps.setString(3, count + " synthetic points for volume tests");
        ps.executeUpdate();
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO feature (layer_id, id, properties, geom)"
                  + " SELECT ?, 'p' || i, jsonb_build_object('n', i, 'name', 'point ' || i)"
                  + " || CASE WHEN ? > 0 THEN jsonb_build_object('note', repeat('x', ?))"
                  + " ELSE '{}'::jsonb END,"
                  + " ST_SetSRID(ST_MakePoint(-17 + (i % 1000) * 0.04,"
                  + " 4 + (i / 1000) * 0.02 + (i % 7) * 0.001), 4326)"
                  + " FROM generate_series(1, ?) AS i")) {
        ps.setString(1, layerId);
        ps.setInt(2, noteChars);
        ps.setInt(3, noteChars);
        ps.setInt(4, count);
        ps.executeUpdate();
      }
      try (Statement st = c.createStatement()) {
        st.execute("ANALYZE feature");
      }
    }
  }
}
