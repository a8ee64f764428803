package org.sahelmap.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahelmap.store.Database;
import org.sahelmap.testing.BulkPoints;
import org.sahelmap.testing.NeedsDatabase;
import org.sahelmap.testing.Ogrinfo;
import org.sahelmap.testing.TestDatabase;
import org.sahelmap.testing.TestServer;

/**
 * A whole-collection export of 200,000 features is streamed, not built in memory: the server runs
 * in its own JVM with a 128 MB heap and must deliver every feature, gzipped as browsers ask. Each
 * feature carries a 400-character note, so the document is over 100 MB: it could not be held in
 * that heap even once, let alone in a growing builder plus its copy. The client counts features
 * with a streaming parser, so it holds no more than the server does.
 */
@NeedsDatabase
class ExportStreamingTest {
  static final int FEATURES = 200_000;

  @Test
  void exports200000FeaturesFromA128MbServer(@TempDir Path dir) throws Exception {
    try (Database db = TestDatabase.fresh()) {
      BulkPoints.load(db, "bulk", FEATURES, 400);
    }
    Path log = dir.resolve("server.log");
    Process server =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m",
                "-XX:+ExitOnOutOfMemoryError",
                "-cp",
                System.getProperty("java.class.path"),
                TestServer.class.getName(),
                "0")
            .redirectError(log.toFile())
            .start();
    try {
      int port = awaitPort(server, log);
      HttpURLConnection c =
          (HttpURLConnection)
              URI.create("http://127.0.0.1:" + port + "/ogc/collections/bulk/items?f=geojson")
                  .toURL()
                  .openConnection();
      c.setRequestProperty("Accept-Encoding", "gzip");
      c.setReadTimeout(60_000);
      assertThat(c.getResponseCode()).isEqualTo(200);
      assertThat(c.getHeaderField("Content-Encoding")).isEqualTo("gzip");
      assertThat(c.getHeaderField("Content-Disposition")).contains("bulk.geojson");
      long features = 0;
      long numberReturned = -1;
      long numberMatched = -1;
      Set<String> sampleIds = new HashSet<>();
      AtomicLong bytes = new AtomicLong();
      try (InputStream in = counting(new GZIPInputStream(c.getInputStream(), 1 << 16), bytes);
          JsonParser p = new JsonFactory().createParser(in)) {
        assertThat(p.nextToken()).isEqualTo(JsonToken.START_OBJECT);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          p.nextToken();
          switch (name) {
            case "numberMatched" -> numberMatched = p.getLongValue();
            case "numberReturned" -> numberReturned = p.getLongValue();
            case "features" -> {
              while (p.nextToken() == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                  String member = p.currentName();
                  p.nextToken();
                  if (member.equals("id") && features % 10_000 == 0) {
                    sampleIds.add(p.getText());
                  }
                  p.skipChildren();
                }
                features++;
              }
            }
            default -> p.skipChildren();
          }
        }
      }
      assertThat(features).isEqualTo(FEATURES);
      assertThat(numberReturned).isEqualTo(FEATURES);
      assertThat(numberMatched).isEqualTo(FEATURES);
      assertThat(sampleIds).contains("p1", "p10001", "p190001");
      assertThat(bytes.get()).as("uncompressed bytes").isGreaterThan(128L * 1024 * 1024 * 3 / 4);
      assertThat(server.isAlive()).as("server survived the export").isTrue();

      // CSV streams the same way: every record read back by a streaming parser.
      HttpURLConnection csv =
          (HttpURLConnection)
              URI.create("http://127.0.0.1:" + port + "/ogc/collections/bulk/items?f=csv")
                  .toURL()
                  .openConnection();
      csv.setReadTimeout(60_000);
      assertThat(csv.getResponseCode()).isEqualTo(200);
      long records = 0;
      try (CSVParser parser =
          CSVParser.parse(
              new InputStreamReader(csv.getInputStream(), StandardCharsets.UTF_8),
              CSVFormat.RFC4180)) {
        for (CSVRecord ignored : parser) {
          records++;
        }
      }
      assertThat(records).as("header + features").isEqualTo(FEATURES + 1);

      // A GeoPackage goes through a temporary file, row by row, in the same small heap.
      Path gpkg = dir.resolve("bulk.gpkg");
      HttpURLConnection g =
          (HttpURLConnection)
              URI.create("http://127.0.0.1:" + port + "/ogc/collections/bulk/items?f=gpkg")
                  .toURL()
                  .openConnection();
      g.setReadTimeout(300_000);
      assertThat(g.getResponseCode()).isEqualTo(200);
      try (InputStream in = g.getInputStream()) {
        Files.copy(in, gpkg);
      }
      assertThat(Ogrinfo.run("-ro", "-so", "-al", gpkg.toString()))
          .contains("Feature Count: " + FEATURES, "Geometry: Point");
      assertThat(server.isAlive()).as("server survived the CSV and GeoPackage exports").isTrue();
    } finally {
      server.destroy();
      if (!server.waitFor(10, TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
    }
    assertThat(Files.readString(log)).doesNotContain("OutOfMemoryError");
  }

  private static InputStream counting(InputStream in, AtomicLong bytes) {
    return new FilterInputStream(in) {
      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
          bytes.incrementAndGet();
        }
        return b;
      }

      @Override
      public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n > 0) {
          bytes.addAndGet(n);
        }
        return n;
      }
    };
  }

  private static int awaitPort(Process server, Path log) throws Exception {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    String line;
    while ((line = out.readLine()) != null && System.nanoTime() < deadline) {
      if (line.startsWith("listening on ")) {
        return Integer.parseInt(line.substring("listening on ".length()).trim());
      }
    }
    throw new AssertionError("test server did not start:\n" + Files.readString(log));
  }
}
