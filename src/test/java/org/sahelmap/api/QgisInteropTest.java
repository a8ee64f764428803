package org.sahelmap.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sahelmap.store.Database;
import org.sahelmap.store.Layer;
import org.sahelmap.store.PostgisFeatureStore;
import org.sahelmap.testing.InteropLayers;
import org.sahelmap.testing.NeedsDatabase;
import org.sahelmap.testing.SampleLayers;
import org.sahelmap.testing.TestDatabase;

/**
 * QGIS (Debian's python3-qgis, headless) loads every collection through its own OGC API Features
 * provider: each layer valid, the count it states and the features it reads by paging equal to the
 * database's, the geometry type right, and its fields typed. QGIS 3.22 (Debian 12's) types fields
 * from the first page of features, not from a schema (its provider reads Part 5 schemas since
 * 2025), so {@code share}, whole in the first features, is an integer to it; GDAL reads the schema
 * ({@link GdalInteropTest}).
 */
@NeedsDatabase
class QgisInteropTest {
  static final Map<String, String> GEOMETRY =
      Map.of(
          SampleLayers.POINTS,
          "Point",
          SampleLayers.LINES,
          "LineString",
          SampleLayers.POLYGONS,
          "Polygon",
          SampleLayers.EVENTS,
          "Point",
          "grid",
          "Point",
          "aois",
          "Polygon");

  static Database db;
  static PostgisFeatureStore store;
  static Javalin app;

  @BeforeAll
  static void start() throws Exception {
    db = TestDatabase.fresh();
    store = new PostgisFeatureStore(db.dataSource());
    InteropLayers.load(db, store, "qgis-test");
    app = AppFactory.create(db, store, 1000).start("127.0.0.1", 0);
  }

  @AfterAll
  static void stop() {
    app.stop();
    db.close();
  }

  @Test
  void qgisLoadsEveryCollectionWithItsCountsGeometryAndTypes() throws Exception {
    List<String> ids = store.layers().stream().map(Layer::id).toList();
    assertThat(ids).containsExactlyInAnyOrderElementsOf(GEOMETRY.keySet());
    Map<String, JsonNode> read = qgis("http://127.0.0.1:" + app.port() + "/ogc", ids);
    for (String id : ids) {
      JsonNode layer = read.get(id);
      assertThat(layer).as(id + " not reported by QGIS").isNotNull();
      assertThat(layer.get("valid").asBoolean()).as(layer.toString()).isTrue();
      long expected = store.extent(id).count();
      assertThat(layer.get("count").asLong()).as(id).isEqualTo(expected);
      assertThat(layer.get("read").asLong()).as(id).isEqualTo(expected);
      assertThat(layer.get("geometry").asText()).as(id).startsWith(GEOMETRY.get(id));
    }
    JsonNode grid = read.get("grid").get("fields");
    assertThat(grid.get("n").asText()).as(grid.toString()).isEqualToIgnoringCase("integer");
    assertThat(grid.get("name").asText()).isEqualToIgnoringCase("string");
    assertThat(read.get(SampleLayers.EVENTS).get("fields").get("date").asText())
        .isEqualToIgnoringCase("date");
    assertThat(read.get(SampleLayers.POINTS).get("fields").get("capital").asText())
        .isEqualToIgnoringCase("boolean");
  }

  /** Runs the QGIS script; a missing QGIS fails the test, it never skips it. */
  static Map<String, JsonNode> qgis(String landing, List<String> ids)
      throws IOException, InterruptedException {
    Path script =
        Paths.get(System.getProperty("sahel.repoRoot", "."))
            .resolve("src/test/resources/qgis/read_collections.py");
    List<String> cmd = new ArrayList<>(List.of("/usr/bin/python3", script.toString(), landing));
    cmd.addAll(ids);
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(false);
    pb.environment().put("QT_QPA_PLATFORM", "offscreen");
    pb.environment().put("XDG_RUNTIME_DIR", System.getProperty("java.io.tmpdir"));
    Process p = pb.start();
    p.getOutputStream().close();
    // stderr to a thread so neither pipe can fill and block QGIS.
    StringBuilder err = new StringBuilder();
    Thread drain =
        new Thread(
            () -> {
              try {
                err.append(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
              } catch (IOException ignored) {
                // the process is gone; what it said is what we have
              }
            });
    drain.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(180, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("QGIS did not finish in 180 s");
    }
    drain.join(5_000);
    if (p.exitValue() != 0) {
      fail(
          "QGIS (python3-qgis; scripts/install-test-tools.sh installs it) failed with "
              + p.exitValue()
              + ":\n"
              + err
              + out);
    }
    ObjectMapper json = org.sahelmap.json.Json.MAPPER;
    Map<String, JsonNode> byId = new HashMap<>();
    for (String line : out.split("\n")) {
      if (line.startsWith("{")) {
        JsonNode n = json.readTree(line);
        byId.put(n.get("id").asText(), n);
      }
    }
    return byId;
  }
}
