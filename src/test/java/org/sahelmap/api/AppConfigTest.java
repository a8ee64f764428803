package org.sahelmap.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.JavalinTest;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sahelmap.config.UsageException;
import org.sahelmap.store.Database;
import org.sahelmap.store.PostgisFeatureStore;
import org.sahelmap.testing.NeedsDatabase;
import org.sahelmap.testing.TestDatabase;

/**
 * The page learns from the server whether it may offer an online basemap: off unless configured.
 */
@NeedsDatabase
class AppConfigTest {
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
  void noOnlineBasemapUnlessConfigured() {
    var store = new PostgisFeatureStore(db.dataSource());
    JavalinTest.test(
        AppFactory.create(db, store, AppOptions.defaults(100)),
        (server, client) -> {
          JsonNode config = new ObjectMapper().readTree(client.get("/app/config").body().string());
          assertThat(config.get("onlineBasemap").isNull()).isTrue();
          assertThat(config.path("eventImportMaxBytes").asLong())
              .isEqualTo(EventImportHandler.MAX_BYTES);
        });
    String url = "https://tiles.example.org/{z}/{x}/{y}.png";
    JavalinTest.test(
        AppFactory.create(db, store, new AppOptions(100, Path.of("."), url)),
        (server, client) -> assertThat(client.get("/app/config").body().string()).contains(url));
  }

  @Test
  void aBasemapThatIsNotAnHttpUrlIsAUsageError() {
    assertThatThrownBy(() -> new AppOptions(100, Path.of("."), "file:///etc/passwd"))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("http");
    assertThat(new AppOptions(100, Path.of("."), " ").onlineBasemapUrl()).isNull();
  }
}
