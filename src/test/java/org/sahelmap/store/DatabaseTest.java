package org.sahelmap.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sahelmap.config.DatabaseUrl;
import org.sahelmap.testing.NeedsDatabase;
import org.sahelmap.testing.TestDatabase;

/** Migrations against the real PostGIS. */
@NeedsDatabase
class DatabaseTest {
  static Database db;

  @BeforeAll
  static void open() {
    db = TestDatabase.fresh();
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @Test
  void migrationsCreateTablesAndSpatialIndex() throws Exception {
    assertThat(query("SELECT indexdef FROM pg_indexes WHERE indexname = 'feature_geom_gix'"))
        .singleElement()
        .asString()
        .contains("USING gist (geom)");
    assertThat(query("SELECT postgis_lib_version()")).singleElement().asString().startsWith("3.");
  }

  @Test
  void openingAnUpToDateDatabaseAgainChangesNothing() throws Exception {
    List<String> before = query("SELECT version || ':' || checksum FROM flyway_schema_history");
    try (Database again = Database.open(TestDatabase.url())) {
      assertThat(again.health().postgisVersion()).isNotBlank();
    }
    assertThat(query("SELECT version || ':' || checksum FROM flyway_schema_history"))
        .isEqualTo(before)
        .isNotEmpty(); // one row per migration; the count grows with the schema
  }

  @Test
  void unreachableDatabaseGivesOneLineNamingTheFix() {
    DatabaseUrl nowhere = DatabaseUrl.parse("postgresql://sahel:sahel@127.0.0.1:1/none");
    assertThatThrownBy(() -> Database.open(nowhere))
        .isInstanceOf(DatabaseUnavailableException.class)
        .hasMessageContaining("DATABASE_URL")
        .hasMessageContaining("scripts/setup-postgis.sh")
        .hasMessageNotContaining("\n");
  }

  static List<String> query(String sql) throws Exception {
    try (Connection c = db.connection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      List<String> out = new ArrayList<>();
      while (rs.next()) {
        out.add(rs.getString(1));
      }
      return out;
    }
  }
}
