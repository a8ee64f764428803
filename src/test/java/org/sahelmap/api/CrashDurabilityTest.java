package org.sahelmap.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahelmap.store.Database;
import org.sahelmap.testing.NeedsDatabase;
import org.sahelmap.testing.TestAccounts;
import org.sahelmap.testing.TestDatabase;
import org.sahelmap.testing.TestServer;

/**
 * Issue 16, what must keep holding: a write the server acknowledged survives the server being
 * killed with SIGKILL mid-run. Three crashes of a server in its own JVM while four clients write
 * AOIs; every AOI that got its 201 is in PostGIS afterwards, with its first version.
 */
@NeedsDatabase
class CrashDurabilityTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @Test
  void noAcknowledgedWriteIsLostWhenTheServerIsKilled(@TempDir Path dir) throws Exception {
    String auth;
    try (Database db = TestDatabase.fresh()) {
      auth = TestAccounts.analystNamed(db, "crash.test");
    }
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    for (int crash = 0; crash < 3; crash++) {
      Process server =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-Xmx256m",
                  "-cp",
                  System.getProperty("java.class.path"),
                  TestServer.class.getName(),
                  "0")
              .redirectError(dir.resolve("server-" + crash + ".log").toFile())
              .start();
      String base = "http://127.0.0.1:" + port(server);
      AtomicBoolean running = new AtomicBoolean(true);
      List<Integer> thisRound = new ArrayList<>();
      ExecutorService writers = Executors.newFixedThreadPool(4);
      for (int w = 0; w < 4; w++) {
        int writer = w;
        int round = crash;
        writers.submit(
            () -> {
              for (int i = 0; running.get(); i++) {
                String name = "crash " + round + "/" + writer + "/" + i;
                try {
                  HttpResponse<String> r =
                      HTTP.send(
                          HttpRequest.newBuilder(URI.create(base + "/ogc/collections/aois/items"))
                              .timeout(Duration.ofSeconds(5))
                              .header("Content-Type", "application/geo+json")
                              .header("Authorization", auth)
                              .POST(
                                  HttpRequest.BodyPublishers.ofString(
                                      "{\"type\":\"Feature\",\"properties\":{\"name\":\""
                                          + name
                                          + "\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
                                          + "[[[1,18],[2,18],[2,19],[1,19],[1,18]]]}}"))
                              .build(),
                          HttpResponse.BodyHandlers.ofString());
                  if (r.statusCode() == 201) {
                    acknowledged.add(JSON.readTree(r.body()).path("id").asText());
                    synchronized (thisRound) {
                      thisRound.add(1);
                    }
                  }
                } catch (Exception e) {
                  // the server died under this request: not acknowledged, so nothing is owed
                }
              }
              return null;
            });
      }
      // Kill it while writes are in flight, once it has acknowledged a fair number.
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (thisRound.size() < 150 && System.nanoTime() < until) {
        Thread.sleep(20);
      }
      server.destroyForcibly(); // SIGKILL: no shutdown hook, no connection closed in order
      server.waitFor(10, TimeUnit.SECONDS);
      running.set(false);
      writers.shutdown();
      assertThat(writers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
      assertThat(thisRound.size())
          .as("writes acknowledged before crash " + crash)
          .isGreaterThan(100);
    }

    try (Database db = Database.open(TestDatabase.url());
        Connection c = db.connection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT count(*) FROM aoi a JOIN aoi_version v ON v.aoi_id = a.id AND v.version = 1"
                    + " WHERE a.id = ANY (?) AND v.saved_by = 'crash.test'")) {
      ps.setArray(1, c.createArrayOf("text", acknowledged.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        assertThat(rs.getLong(1))
            .as("acknowledged AOIs found after 3 kills")
            .isEqualTo(acknowledged.size());
      }
    }
  }

  static int port(Process server) throws Exception {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
    for (String line; (line = out.readLine()) != null; ) {
      if (line.startsWith("listening on ")) {
        return Integer.parseInt(line.substring("listening on ".length()).trim());
      }
    }
    throw new IllegalStateException("the test server exited before listening");
  }
}
