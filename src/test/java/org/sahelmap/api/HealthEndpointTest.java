package org.sahelmap.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import org.junit.jupiter.api.Test;
import org.sahelmap.store.Database;
import org.sahelmap.store.PostgisFeatureStore;
import org.sahelmap.testing.NeedsDatabase;
import org.sahelmap.testing.TestDatabase;

@NeedsDatabase
class HealthEndpointTest {

  @Test
  void saysUpWithoutVersionsAnd503WhenDown() {
    Database db = TestDatabase.fresh();
    var app = AppFactory.create(db, new PostgisFeatureStore(db.dataSource()), 1000);
    JavalinTest.test(
        app,
        (server, client) -> {
          var up = client.get("/health");
          assertThat(up.code()).isEqualTo(200);
          // Issue 16: exact PostgreSQL/PostGIS versions tell anyone which flaws to try.
          assertThat(up.body().string())
              .contains("\"database\":\"up\"")
              .doesNotContain("Version")
              .doesNotContain("3.");

          db.close(); // the pool is gone: every query now fails as when the database is down
          var down = client.get("/health");
          assertThat(down.code()).isEqualTo(503);
          assertThat(down.header("Retry-After")).isNotBlank();
          assertThat(down.body().string()).contains("\"database\":\"down\"");

          var landing = client.get("/ogc");
          assertThat(landing.code()).isEqualTo(200);
        });
  }
}
