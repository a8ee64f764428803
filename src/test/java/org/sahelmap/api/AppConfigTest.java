package org.sahelmap.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.JavalinTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sahelmap.config.UsageException;
import org.sahelmap.store.Database;
import org.sahelmap.store.PostgisFeatureStore;
import org.sahelmap.testing.DevData;
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
  void everyPathThePageIsGivenIsARouteOfTheServer() {
    var store = new PostgisFeatureStore(db.dataSource());
    JavalinTest.test(
        AppFactory.create(db, store, AppOptions.defaults(100)),
        (server, client) -> {
          JsonNode paths =
              new ObjectMapper().readTree(client.get("/app/config").body().string()).get("paths");
          assertThat(paths.size()).isGreaterThanOrEqualTo(30);
          for (var entry : paths.properties()) {
            // Parameters filled with a value no resource has: a route answers for it (a 404
            // naming the missing thing, 401, 405 with the methods it allows...); a path the
            // server does not route answers its generic "no resource here".
            String url =
                entry
                    .getValue()
                    .asText()
                    .replace("{tileMatrixSetId}", "WebMercatorQuad")
                    .replaceAll("\\{tile(Matrix|Row|Col)\\}", "0")
                    .replaceAll("\\{\\w+\\}", "no-such-thing");
            assertThat(url).as(entry.getKey()).startsWith("/").doesNotContain("{");
            String body = client.get(url).body().string();
            assertThat(body)
                .as("GET %s (%s)", url, entry.getKey())
                .doesNotContain("no resource here");
          }
        });
  }

  @Test
  void thePageScriptsSpellNoPathOfTheirOwn() throws Exception {
    // Paths come from /app/config (api.js path()); only the config's own path is written in the
    // page (pagemap.js, on the server's HTML pages, is handed its URL in a data attribute).
    Path web = DevData.repoRoot().resolve("web/js");
    Pattern literal = Pattern.compile("['`\"]/(ogc|api)/");
    try (Stream<Path> files = Files.walk(web)) {
      List<String> offenders =
          files
              .filter(f -> f.toString().endsWith(".js"))
              .flatMap(
                  f -> {
                    try {
                      return Files.readAllLines(f).stream()
                          .filter(line -> !line.trim().startsWith("//"))
                          .filter(line -> literal.matcher(line).find())
                          .map(line -> web.relativize(f) + ": " + line.trim());
                    } catch (java.io.IOException e) {
                      throw new java.io.UncheckedIOException(e);
                    }
                  })
              .toList();
      assertThat(offenders).isEmpty();
    }
  }

  @Test
  void aBasemapThatIsNotAnHttpUrlIsAUsageError() {
    assertThatThrownBy(() -> new AppOptions(100, Path.of("."), "file:///etc/passwd"))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("http");
    assertThat(new AppOptions(100, Path.of("."), " ").onlineBasemapUrl()).isNull();
  }
}
