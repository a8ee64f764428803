package org.sahelmap.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahelmap.store.Database;
import org.sahelmap.store.ItemQuery;
import org.sahelmap.store.PostgisFeatureStore;
import org.sahelmap.testing.NeedsDatabase;
import org.sahelmap.testing.TestDatabase;

@NeedsDatabase
class EventImportTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ItemQuery ALL = new ItemQuery(null, null, null, ItemQuery.UNLIMITED, 0);

  static Database db;
  static PostgisFeatureStore store;
  @TempDir Path dir;

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

  EventImporter importer() {
    return new EventImporter(store, new DocumentStore(db.dataSource()), CuratedEvents.documents());
  }

  long count() {
    return store.count("events", ALL);
  }

  /** A curated feature as one line of JSON, renamed and changed by edit. */
  static String feature(int index, String newId, Consumer<ObjectNode> edit) throws Exception {
    JsonNode fc = JSON.readTree(Files.readString(Fixtures.curatedFile()));
    ObjectNode f = (ObjectNode) fc.path("features").get(index).deepCopy();
    f.put("id", newId);
    ((ObjectNode) f.get("properties")).put("id", newId);
    edit.accept(f);
    return JSON.writeValueAsString(f);
  }

  static ObjectNode props(ObjectNode f) {
    return (ObjectNode) f.get("properties");
  }

  /** A FeatureCollection whose n-th feature (from 0) is on line n + 2. */
  Path geojson(String name, String... features) throws Exception {
    String text =
        "{\"type\": \"FeatureCollection\", \"features\": [\n"
            + String.join(",\n", features)
            + "\n]}\n";
    return Files.writeString(dir.resolve(name), text);
  }

  static String csvLine(Event e, String id) {
    return EventRows.csvLine(e, id);
  }

  static String header() {
    return EventRows.header();
  }

  @Test
  void validGeoJsonImportsOnceAndReimportDoesNotDuplicate() throws Exception {
    long before = count();
    Path file =
        geojson(
            "more.geojson",
            feature(0, "test-import-a", f -> {}),
            feature(5, "test-import-b", f -> props(f).put("title", "Changed title")));
    EventImporter.Result first = importer().importFile(file);
    assertThat(first.problems()).isEmpty();
    assertThat(first.imported()).isEqualTo(2);
    assertThat(count()).isEqualTo(before + 2);
    assertThat(importer().importFile(file).imported()).isEqualTo(2);
    assertThat(count()).isEqualTo(before + 2);
    assertThat(store.feature("events", "test-import-b").orElseThrow().propertiesJson())
        .contains("Changed title");
  }

  @Test
  void validCsvImportsOnceWithQuotedFieldsAndReimportDoesNotDuplicate() throws Exception {
    List<Event> curated = CuratedEvents.events();
    Event withQuotes =
        new Event(
            "test-csv-quoted",
            "A \"quoted\" title, with a comma",
            "Summary over\ntwo lines.",
            curated.get(3).start(),
            curated.get(3).end(),
            curated.get(3).datePrecision(),
            curated.get(3).placeName(),
            curated.get(3).locationBasis(),
            curated.get(3).locationConfidence(),
            curated.get(3).category(),
            curated.get(3).actors(),
            curated.get(3).layer(),
            curated.get(3).citationDocument(),
            curated.get(3).citationParagraph(),
            curated.get(3).citationStart(),
            curated.get(3).citationEnd(),
            curated.get(3).lon(),
            curated.get(3).lat(),
            null);
    String text =
        header()
            + "\r\n"
            + csvLine(curated.get(1), "test-csv-a")
            + "\r\n"
            + csvLine(withQuotes, withQuotes.id())
            + "\r\n";
    Path file = Files.writeString(dir.resolve("more.csv"), text);
    long before = count();
    EventImporter.Result r = importer().importFile(file);
    assertThat(r.problems()).isEmpty();
    assertThat(r.imported()).isEqualTo(2);
    assertThat(importer().importFile(file).ok()).isTrue();
    assertThat(count()).isEqualTo(before + 2);
    JsonNode props =
        JSON.readTree(store.feature("events", "test-csv-quoted").orElseThrow().propertiesJson());
    assertThat(props.path("title").asText()).isEqualTo(withQuotes.title());
    assertThat(props.path("summary").asText()).isEqualTo("Summary over\ntwo lines.");
    assertThat(props.path("actors").isArray()).isTrue();
    assertThat(props.path("citation_start").isInt()).isTrue();
  }

  @Test
  void malformedGeoJsonFilesAreRefusedWholeWithLineNumbers() throws Exception {
    String good = feature(0, "test-good", f -> {});
    assertRefused(
        geojson("syntax.geojson", good, "{\"type\": \"Feature\" \"id\": 1}"),
        "line 3: invalid JSON");
    assertRefused(
        geojson("missing.geojson", good, feature(1, "test-x", f -> props(f).remove("summary"))),
        "line 3: missing summary");
    assertRefused(
        geojson(
            "reversed.geojson",
            good,
            feature(
                2,
                "test-y",
                f -> {
                  props(f).put("start", "2024-05-02");
                  props(f).put("end", "2024-05-01");
                  props(f).put("date_precision", "range");
                })),
        "line 3: end 2024-05-01 is before start 2024-05-02");
    assertRefused(
        geojson(
            "category.geojson",
            feature(3, "test-z", f -> props(f).put("category", "rumour")),
            good),
        "line 2: category 'rumour' is not one of");
    assertRefused(
        geojson(
            "lon.geojson",
            good,
            good.replace("test-good", "test-good-2"),
            feature(
                4,
                "test-w",
                f -> ((ArrayNode) f.path("geometry").path("coordinates")).set(0, 181.0))),
        "line 4: lon 181.0 is outside -180..180");
  }

  @Test
  void everyBadRowIsReportedNotJustTheFirst() throws Exception {
    EventImporter.Result r =
        importer()
            .importFile(
                geojson(
                    "several.geojson",
                    feature(0, "test-a", f -> props(f).put("category", "rumour")),
                    feature(1, "test-b", f -> {}),
                    feature(2, "test-c", f -> props(f).put("citation_document", "nope")),
                    feature(3, "test-b", f -> {})));
    assertThat(r.problems())
        .anyMatch(p -> p.startsWith("line 2: category"))
        .anyMatch(p -> p.startsWith("line 4: citation_document 'nope'"))
        .anyMatch(p -> p.startsWith("line 5: duplicate id 'test-b' (first on line 3)"));
  }

  @Test
  void malformedCsvFilesAreRefusedWholeWithLineNumbers() throws Exception {
    Event e = CuratedEvents.events().get(0);
    String good = csvLine(e, "test-csv-good");
    assertRefused(
        csv("quote.csv", good, csvLine(e, "test-csv-2").replace("Kidal could", "Kidal \"could")),
        "line 3: a quote inside an unquoted field");
    assertRefused(
        csv("after.csv", good, "\"test-csv-3\"x" + good.substring(good.indexOf(','))),
        "line 3: text after the closing quote");
    assertRefused(
        csv(
            "open.csv",
            good,
            good.replace("test-csv-good", "test-csv-5"),
            "test-csv-6,\"never closed"),
        "line 4: a quoted field is never closed");
    assertRefused(
        csv("columns.csv", good, "test-csv-4,too,few"), "line 3: has 3 fields, the header 18");
    assertRefused(
        csv("date.csv", good.replace(e.start().toString(), "2012-13-01")),
        "line 2: start '2012-13-01' is not a date");
    Path noHeader = Files.writeString(dir.resolve("header.csv"), "id,title\n" + good + "\n");
    assertRefused(noHeader, "line 1: the header must name each of these columns");
  }

  @Test
  void firstImportIntoAnEmptyDatabaseCreatesTheCollectionWithTheCuratedEvents() throws Exception {
    try (Database empty = TestDatabase.fresh()) {
      PostgisFeatureStore emptyStore = new PostgisFeatureStore(empty.dataSource());
      EventImporter importer =
          new EventImporter(
              emptyStore, new DocumentStore(empty.dataSource()), CuratedEvents.documents());
      assertThat(importer.importFile(geojson("one.geojson", feature(0, "test-one", f -> {}))).ok())
          .isTrue();
      assertThat(emptyStore.layer("events")).isPresent();
      assertThat(emptyStore.count("events", ALL)).isEqualTo(CuratedEvents.events().size() + 1);
    } finally {
      db.close();
      open(); // fresh() dropped the tables the shared database used
    }
  }

  @Test
  void commandPrintsEachProblemWithFileAndLineAndExitsNonZero() throws Exception {
    Path file =
        geojson("cmd.geojson", feature(0, "test-cmd", f -> props(f).put("category", "rumour")));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        org.sahelmap.MainAccess.run(
            new String[] {"import-events", file.toString(), "--database-url", databaseUrl()},
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(code).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains(file + ":line 2: category 'rumour'")
        .contains("nothing imported");

    Path ok = geojson("cmd-ok.geojson", feature(0, "test-cmd-ok", f -> {}));
    code =
        org.sahelmap.MainAccess.run(
            new String[] {"import-events", ok.toString(), "--database-url", databaseUrl()},
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(code).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("imported 1 events");
  }

  @Test
  void problemsPastTheFirst100AreCountedNotListed() throws Exception {
    Path file =
        EventRows.write(
            dir.resolve("all-bad.csv"), "test-bad", 250, r -> r.replaceFirst("^test-", "Test_"));
    EventImporter.Result r = importer().importFile(file);
    assertThat(r.problemCount()).isEqualTo(250);
    assertThat(r.problems()).hasSize(ProblemList.LISTED);
    assertThat(r.problems().get(0)).startsWith("line 2: id 'Test_bad-0' is not a lowercase slug");
    assertThat(r.problems().get(99)).startsWith("line 101: ");

    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        org.sahelmap.MainAccess.run(
            new String[] {"import-events", file.toString(), "--database-url", databaseUrl()},
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(code).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains(file + ":line 101: ")
        .doesNotContain(file + ":line 102: ")
        .contains(file + ": and 150 more problem(s)")
        .contains("nothing imported from " + file + ": 250 problem(s)")
        .contains("import-events: 250 rows read, 250 problems");
    assertThat(count()).isEqualTo(CuratedEvents.events().size());
  }

  @Test
  void anIdRepeatedFarApartIsFoundAndProblemsComeInLineOrder() throws Exception {
    Path file =
        EventRows.write(
            dir.resolve("repeat.geojson"),
            "test-rep",
            3000,
            r ->
                r.replace("\"test-rep-2500\"", "\"test-rep-10\"")
                    .replace("\"test-rep-5\"", "\"test rep 5\""));
    EventImporter.Result r = importer().importFile(file);
    assertThat(r.problems())
        .containsExactly(
            "line 7: id 'test rep 5' is not a lowercase slug (a-z, 0-9, single hyphens)",
            "line 2502: duplicate id 'test-rep-10' (first on line 12)");
    assertThat(count()).isEqualTo(CuratedEvents.events().size());
  }

  @Test
  void anOverlongFieldOrBytesThatAreNotUtf8AreReportedOnTheirLine() throws Exception {
    Event e = CuratedEvents.events().get(0);
    String longSummary = "x".repeat(Csv.MAX_FIELD + 1);
    assertRefused(
        csv(
            "long.csv",
            csvLine(e, "test-csv-good"),
            csvLine(EventRows.with(e, "test-long", e.lon(), e.lat(), e.category()), "test-long")
                .replace(
                    e.summary().contains(",") ? EventRows.quote(e.summary()) : e.summary(),
                    longSummary)),
        "line 3: a field is longer than 100000 characters");
    // Line 3 holds one byte of a Latin-1 "é" (0xE9), which cannot start a UTF-8 sequence here.
    String[] around =
        csvLine(e, "test-latin").split(java.util.regex.Pattern.quote(e.placeName()), 2);
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    bytes.write(
        (header() + "\n" + csvLine(e, "test-csv-good") + "\n" + around[0] + "S")
            .getBytes(StandardCharsets.UTF_8));
    bytes.write(0xE9);
    bytes.write(("gou" + around[1] + "\n").getBytes(StandardCharsets.UTF_8));
    Path latin1 = Files.write(dir.resolve("latin1.csv"), bytes.toByteArray());
    assertRefused(latin1, "line 3: the file is not UTF-8 text");
  }

  /** The test database as the command takes it (the postgresql:// form carries credentials). */
  static String databaseUrl() {
    String env = System.getenv("TEST_DATABASE_URL");
    return env == null || env.isBlank() ? TestDatabase.DEFAULT_URL : env;
  }

  Path csv(String name, String... rows) throws Exception {
    return Files.writeString(dir.resolve(name), header() + "\n" + String.join("\n", rows) + "\n");
  }

  void assertRefused(Path file, String expected) throws Exception {
    long before = count();
    EventImporter.Result r = importer().importFile(file);
    assertThat(r.ok()).as(file.getFileName().toString()).isFalse();
    assertThat(r.imported()).isZero();
    assertThat(r.problems())
        .as(file.getFileName() + " " + r.problems())
        .anyMatch(p -> p.startsWith(expected));
    assertThat(count()).as("nothing imported from " + file.getFileName()).isEqualTo(before);
    assertThat(store.feature("events", "test-good")).isEmpty();
    assertThat(store.feature("events", "test-csv-good")).isEmpty();
  }
}
