package org.sahelmap.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import org.junit.jupiter.api.Test;
import org.sahelmap.store.Database;
import org.sahelmap.store.PostgisFeatureStore;
import org.sahelmap.testing.TestDatabase;

class HealthEndpointTest {

  @Test
  void reportsPostgisVersionWhenUpAnd503WhenDown() {
    Database db = TestDatabase.fresh();
    var app = AppFactory.create(db, new PostgisFeatureStore(db.dataSource()), 1000);
    JavalinTest.test(
        app,
        (server, client) -> {
          var up = client.get("/health");
          assertThat(up.code()).isEqualTo(200);
          assertThat(up.body().string())
              .contains("\"database\":\"up\"")
              .contains("\"postgisVersion\":\"3.");

          db.close(); // the pool is gone: every query now fails as when the database is down
          var down = client.get("/health");
          assertThat(down.code()).isEqualTo(503);
          assertThat(down.body().string()).contains("\"database\":\"down\"");

          var landing = client.get("/ogc");
          assertThat(landing.code()).isEqualTo(200);
        });
  }
}
