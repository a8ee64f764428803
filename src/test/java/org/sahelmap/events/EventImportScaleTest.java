package org.sahelmap.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahelmap.Main;
import org.sahelmap.store.Database;
import org.sahelmap.store.ItemQuery;
import org.sahelmap.store.PostgisFeatureStore;
import org.sahelmap.testing.NeedsDatabase;
import org.sahelmap.testing.TestDatabase;

/**
 * {@code import-events} at the scale of issue 11: 200,000 rows, run as the command in its own JVM
 * with a 96 MB heap, which could not hold the file's text (about 130 MB of CSV as Java chars), let
 * alone 200,000 parsed events, so passing shows the import streams. Times are printed, not asserted
 * (bench/README.md has the figures).
 */
@NeedsDatabase
@Tag("slow")
class EventImportScaleTest {
  static final int ROWS = 200_000;
  private static final ItemQuery ALL = new ItemQuery(null, null, null, ItemQuery.UNLIMITED, 0);

  static Database db;
  static PostgisFeatureStore store;
  @TempDir static Path dir;

  @BeforeAll
  static void open() {
    db = TestDatabase.fresh();
    store = new PostgisFeatureStore(db.dataSource());
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @BeforeEach
  void curatedOnly() {
    store.replaceLayers(List.of(CuratedEvents.layer()));
  }

  @Test
  void imports200000CsvRowsFromA96MbJvmAndAgainWithoutDuplicating() throws Exception {
    Path file = EventRows.write(dir.resolve("big.csv"), "big-csv", ROWS, UnaryOperator.identity());
    Run first = importInJvm(file);
    assertThat(first.code).as(first.err).isZero();
    assertThat(first.out).contains("imported " + ROWS + " events");
    assertThat(first.err).contains("import-events: 200,000 rows read, 0 problems");
    assertThat(count()).isEqualTo(CuratedEvents.events().size() + ROWS);
    assertThat(store.feature("events", "big-csv-149998")).isPresent();

    Run again = importInJvm(file);
    assertThat(again.code).as(again.err).isZero();
    assertThat(count()).isEqualTo(CuratedEvents.events().size() + ROWS);
  }

  @Test
  void imports200000GeoJsonFeaturesFromA96MbJvm() throws Exception {
    Path file =
        EventRows.write(dir.resolve("big.geojson"), "big-json", ROWS, UnaryOperator.identity());
    Run run = importInJvm(file);
    assertThat(run.code).as(run.err).isZero();
    assertThat(run.out).contains("imported " + ROWS + " events");
    assertThat(count()).isEqualTo(CuratedEvents.events().size() + ROWS);
  }

  @Test
  void oneBadRowAtLine150000ImportsNothingAndNamesThatLine() throws Exception {
    // Row i is on line i + 2: the row at line 150,000 gets a category the rules refuse.
    String bad = "bad-csv-149998,";
    Path file =
        EventRows.write(
            dir.resolve("bad.csv"),
            "bad-csv",
            ROWS,
            row ->
                row.startsWith(bad)
                    ? row.replaceFirst(
                        ",(military|diplomatic|economic|security_partnership|report),", ",rumour,")
                    : row);
    Run run = importInJvm(file);
    assertThat(run.code).isEqualTo(1);
    assertThat(run.err)
        .contains(file + ":line 150000: category 'rumour' is not one of")
        .contains("nothing imported from " + file + ": 1 problem(s)");
    assertThat(run.err.lines().filter(l -> l.startsWith(file + ":line"))).hasSize(1);
    assertThat(count()).isEqualTo(CuratedEvents.events().size());
    assertThat(store.feature("events", "bad-csv-0")).isEmpty();
  }

  long count() {
    return store.count("events", ALL);
  }

  record Run(int code, String out, String err) {}

  /** {@code java -Xmx96m ... Main import-events FILE}, as a user runs the jar. */
  static Run importInJvm(Path file) throws Exception {
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    long started = System.nanoTime();
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx96m",
                "-XX:+ExitOnOutOfMemoryError",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "import-events",
                file.toString(),
                "--database-url",
                EventImportTest.databaseUrl())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("import-events did not finish in 5 minutes");
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    String errText = Files.readString(err, StandardCharsets.UTF_8);
    System.out.printf(
        "import-events %s (%,d bytes) in a -Xmx96m JVM: exit %d, %.1f s%n%s",
        file.getFileName(), Files.size(file), p.exitValue(), seconds, errText);
    assertThat(errText).doesNotContain("OutOfMemoryError");
    return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), errText);
  }
}
