package org.sahelmap.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sahelmap.config.DatabaseUrl;
import org.sahelmap.store.Database;
import org.sahelmap.store.PostgisFeatureStore;
import org.sahelmap.testing.NeedsDatabase;
import org.sahelmap.testing.TestAccounts;

/**
 * Issue 16's outage rules against a PostgreSQL of this test's own (a fresh cluster on port 55433,
 * never the shared one): while it is stopped every endpoint answers 503 with Retry-After within
 * about a second; started again, the same server answers 200 by itself. And eight DELETEs of one
 * briefing queued behind a row lock neither drain the pool nor get a 500.
 */
@NeedsDatabase
class DatabaseOutageTest {
  static final int PORT = 55433;
  static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  static Path dir;
  static Database db;
  static TestAccounts accounts;
  static Javalin app;
  static String base;

  /** PostgreSQL refuses to run as root: as root, the tools run as the postgres user. */
  static final boolean ROOT = "root".equals(System.getProperty("user.name"));

  static void tool(String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    if (ROOT) {
      cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor()).as(String.join(" ", cmd) + ": " + out).isZero();
  }

  static void pgCtl(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("pg_ctl", "-D", dir.resolve("data").toString()));
    cmd.addAll(List.of(args));
    tool(cmd.toArray(new String[0]));
  }

  static void start() throws Exception {
    pgCtl(
        "-o",
        "-p " + PORT + " -k " + dir + " -c listen_addresses=localhost",
        "-l",
        dir.resolve("log").toString(),
        "-w",
        "start");
  }

  @BeforeAll
  static void cluster() throws Exception {
    dir = Files.createTempDirectory("sahel-outage-");
    if (ROOT) {
      var users = dir.getFileSystem().getUserPrincipalLookupService();
      Files.setOwner(dir, users.lookupPrincipalByName("postgres"));
    }
    tool(
        "initdb",
        "-D",
        dir.resolve("data").toString(),
        "-U",
        "sahel",
        "--auth=trust",
        "-E",
        "UTF8");
    start();
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + PORT + "/postgres", "sahel", "");
        Statement st = c.createStatement()) {
      st.execute("CREATE DATABASE outage");
    }
    db =
        Database.openForServing(
            DatabaseUrl.parse("postgresql://sahel@localhost:" + PORT + "/outage"));
    accounts = TestAccounts.create(db);
    app =
        AppFactory.create(db, new PostgisFeatureStore(db.dataSource()), 1000).start("127.0.0.1", 0);
    base = "http://127.0.0.1:" + app.port();
  }

  @AfterAll
  static void stop() throws Exception {
    if (app != null) {
      app.stop();
    }
    if (db != null) {
      db.close();
    }
    try {
      pgCtl("-m", "immediate", "-w", "stop");
    } catch (AssertionError alreadyStopped) {
      // stopped by the test
    }
  }

  static HttpResponse<String> send(String method, String path, String body, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(20))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    b.header("Authorization", accounts.analyst());
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static final String AOI =
      "{\"type\":\"Feature\",\"properties\":{\"name\":\"a\"},\"geometry\":{\"type\":\"Polygon\","
          + "\"coordinates\":[[[0,15],[1,15],[1,16],[0,16],[0,15]]]}}";

  static final String BRIEFING =
      "{\"id\":\"locked\",\"name\":\"Locked\",\"slides\":[{\"title\":\"t\",\"view\":{\"center\":[1,18],"
          + "\"zoom\":6},\"layers\":[],\"time\":{\"from\":\"2024-01-01\",\"to\":\"2024-02-01\"}}]}";

  @Test
  void whileTheDatabaseIsAwayEveryEndpointAnswers503QuicklyAndRecoversByItself() throws Exception {
    assertThat(send("GET", "/ogc/collections/aois/items", null).statusCode()).isEqualTo(200);
    pgCtl("-m", "fast", "-w", "stop");
    String[][] calls = {
      {"GET", "/health"},
      {"GET", "/ogc/collections"},
      {"GET", "/ogc/collections/aois"},
      {"GET", "/ogc/collections/aois/items"},
      {"GET", "/ogc/collections/aois/items/some-id"},
      {"POST", "/ogc/collections/aois/items"},
      {"GET", "/api/briefings"},
      {"GET", "/api/briefings/locked"},
      {"GET", "/ogc/collections/aois/export"},
    };
    for (int round = 0; round < 2; round++) {
      for (String[] c : calls) {
        long t0 = System.nanoTime();
        HttpResponse<String> r = send(c[0], c[1], c[0].equals("POST") ? AOI : null);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(r.statusCode()).as(c[0] + " " + c[1] + ": " + r.body()).isEqualTo(503);
        assertThat(r.headers().firstValue("Retry-After")).as(c[1]).isPresent();
        assertThat(ms).as(c[1] + " answered in ms").isLessThan(2_500);
      }
    }
    start();
    long deadline = System.currentTimeMillis() + 20_000;
    int status = 0;
    while (System.currentTimeMillis() < deadline && status != 200) {
      status = send("GET", "/ogc/collections/aois/items", null).statusCode();
      Thread.sleep(200);
    }
    assertThat(status).as("recovered without a restart").isEqualTo(200);
    assertThat(send("GET", "/health", null).statusCode()).isEqualTo(200);
  }

  @Test
  void deletesQueuedBehindARowLockDoNotDrainThePoolOrFail() throws Exception {
    HttpResponse<String> created = send("POST", "/api/briefings", BRIEFING);
    assertThat(created.statusCode()).as(created.body()).isIn(201, 409);
    String etag =
        send("GET", "/api/briefings/locked", null).headers().firstValue("ETag").orElseThrow();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try (Connection holder =
        DriverManager.getConnection(
            "jdbc:postgresql://localhost:" + PORT + "/outage", "sahel", "")) {
      holder.setAutoCommit(false);
      try (Statement st = holder.createStatement()) {
        st.execute("SELECT 1 FROM briefing WHERE id = 'locked' FOR UPDATE");
      }
      List<Future<HttpResponse<String>>> deletes = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        deletes.add(
            pool.submit(() -> send("DELETE", "/api/briefings/locked", null, "If-Match", etag)));
      }
      Thread.sleep(1_500); // all eight wait on the lock, each holding one pooled connection
      holder.commit();
      List<Integer> codes = new ArrayList<>();
      for (Future<HttpResponse<String>> f : deletes) {
        codes.add(f.get().statusCode());
      }
      // One delete wins; the others find it deleted (404, as for any deleted briefing). No 500,
      // no 503 from a drained pool, none left hanging.
      assertThat(codes).as(codes.toString()).filteredOn(c -> c == 204).hasSize(1);
      assertThat(codes).as(codes.toString()).filteredOn(c -> c == 404 || c == 412).hasSize(7);
    } finally {
      pool.shutdownNow();
    }
    // A deleted briefing comes back like an AOI: POST restore with the delete's version.
    HttpResponse<String> versions = send("GET", "/api/briefings/locked/versions", null);
    assertThat(versions.body()).contains("\"operation\":\"delete\"");
    HttpResponse<String> gone = send("GET", "/api/briefings/locked", null);
    assertThat(gone.statusCode()).isEqualTo(404);
    int deletedAt = Integer.parseInt(etag.replace("\"", "")) + 1;
    HttpResponse<String> stale =
        send("POST", "/api/briefings/locked/restore", null, "If-Match", etag);
    assertThat(stale.statusCode()).isEqualTo(412);
    HttpResponse<String> restored =
        send("POST", "/api/briefings/locked/restore", null, "If-Match", "\"" + deletedAt + "\"");
    assertThat(restored.statusCode()).as(restored.body()).isEqualTo(200);
    assertThat(restored.body()).contains("\"name\":\"Locked\"");
    assertThat(send("GET", "/api/briefings/locked", null).statusCode()).isEqualTo(200);
    assertThat(send("POST", "/api/briefings/locked/restore", null, "If-Match", "*").statusCode())
        .isEqualTo(409);
  }
}
