package org.sahelmap.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.sahelmap.config.DatabaseUrl;
import org.sahelmap.store.Database;

/**
 * The real PostGIS the tests run against: {@code TEST_DATABASE_URL}, or the {@code sahel_test}
 * database that scripts/setup-postgis.sh creates. Each {@link #fresh()} drops this project's tables
 * (and the change feed's trigger functions) and migrates from nothing, so a test class starts from
 * a known, empty schema.
 */
public final class TestDatabase {
  public static final String DEFAULT_URL = "postgresql://sahel:sahel@localhost:5432/sahel_test";

  private TestDatabase() {}

  public static DatabaseUrl url() {
    String env = System.getenv("TEST_DATABASE_URL");
    return DatabaseUrl.parse(env == null || env.isBlank() ? DEFAULT_URL : env);
  }

  public static Database fresh() {
    DatabaseUrl url = url();
    try (Connection c = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
        Statement st = c.createStatement()) {
      st.execute(
          "DROP VIEW IF EXISTS audit; DROP TABLE IF EXISTS presence; DROP FUNCTION IF EXISTS change_log_notify, aoi_version_changed, briefing_version_changed, layer_changed, event_cell_inserted, event_cell_deleted, event_cell_updated, event_cell_recount, event_cell_x, event_cell_y, mercator_x, mercator_y CASCADE; DROP TYPE IF EXISTS event_cell_key CASCADE; DROP TABLE IF EXISTS event_cell, change_log, account_event, api_token, account_session, account, briefing_version, briefing, aoi_version, aoi, feature, layer, event_candidate, document_text, document, flyway_schema_history CASCADE");
    } catch (Exception e) {
      throw new IllegalStateException(
          "tests need PostGIS at "
              + url.describe()
              + ": run scripts/setup-postgis.sh or set TEST_DATABASE_URL",
          e);
    }
    return Database.open(url);
  }
}
