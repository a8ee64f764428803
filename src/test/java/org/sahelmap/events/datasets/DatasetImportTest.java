package org.sahelmap.events.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahelmap.MainAccess;
import org.sahelmap.events.CuratedEvents;
import org.sahelmap.events.DocumentStore;
import org.sahelmap.events.EventImporter;
import org.sahelmap.store.Database;
import org.sahelmap.store.ItemQuery;
import org.sahelmap.store.PostgisFeatureStore;
import org.sahelmap.testing.NeedsDatabase;
import org.sahelmap.testing.TestDatabase;

/**
 * ACLED and UCDP GED exports imported as they are (the invented samples in {@code
 * src/test/resources/datasets}): each code mapped to our precision, confidence and category, the
 * row's provenance kept, a newer export updating rows by source id, a bad row refusing the file.
 */
@NeedsDatabase
class DatasetImportTest {
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

  JsonNode props(String id) throws IOException {
    return JSON.readTree(store.feature("events", id).orElseThrow().propertiesJson());
  }

  /** A sample's text, as exported. */
  static String sample(String name) throws IOException {
    try (InputStream in = DatasetImportTest.class.getResourceAsStream("/datasets/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  @Test
  void acledSampleImportsWithMappedPrecisionConfidenceCategoryAndProvenance() throws Exception {
    long before = count();
    EventImporter.Result r = importer().importFile(write("acled.csv", sample("acled-sample.csv")));
    assertThat(r.problems()).isEmpty();
    assertThat(r.imported()).isEqualTo(12);
    assertThat(count()).isEqualTo(before + 12);

    JsonNode clash = props("acled:MLI90001");
    assertThat(clash.path("start").asText()).isEqualTo("2024-03-04");
    assertThat(clash.path("end").asText()).isEqualTo("2024-03-04");
    assertThat(clash.path("date_precision").asText()).isEqualTo("day");
    assertThat(clash.path("location_basis").asText()).isEqualTo("dataset_point");
    assertThat(clash.path("location_confidence").asText()).isEqualTo("high");
    assertThat(clash.path("uncertainty_km").isNull()).isTrue();
    assertThat(clash.path("category").asText()).isEqualTo("military");
    assertThat(clash.path("title").asText()).isEqualTo("Armed clash in Gao");
    assertThat(clash.path("place_name").asText()).isEqualTo("Gao");
    assertThat(clash.path("actors").toString())
        .isEqualTo(
            "[\"Military Forces of Mali (2021-)\",\"JNIM: Group for Support of Islam and Muslims\"]");
    assertThat(clash.path("source_dataset").asText()).isEqualTo("ACLED");
    assertThat(clash.path("source_row_id").asText()).isEqualTo("MLI90001");
    assertThat(clash.path("source_category").asText()).isEqualTo("Battles");
    assertThat(clash.path("source_sub_type").asText()).isEqualTo("Armed clash");
    assertThat(clash.path("source_text").asText()).isEqualTo("Invented Radio A");
    assertThat(clash.path("source_precision").asText())
        .isEqualTo("time_precision 1, geo_precision 1");
    assertThat(clash.path("fatalities").asInt()).isEqualTo(3);
    assertThat(clash.path("summary").asText()).startsWith("Invented for tests: an armed clash");
    assertThat(clash.has("citation_document")).isFalse();

    JsonNode week = props("acled:MLI90002");
    assertThat(week.path("date_precision").asText()).isEqualTo("range");
    assertThat(week.path("start").asText()).isEqualTo("2024-03-09");
    assertThat(week.path("end").asText()).isEqualTo("2024-03-15");
    assertThat(week.path("location_basis").asText()).isEqualTo("approximate_area");
    assertThat(week.path("location_confidence").asText()).isEqualTo("medium");
    assertThat(week.path("uncertainty_km").asInt()).isEqualTo(25);
    assertThat(week.path("place_name").asText()).isEqualTo("Boni, Mopti");

    JsonNode month = props("acled:MLI90003");
    assertThat(month.path("date_precision").asText()).isEqualTo("month");
    assertThat(month.path("start").asText()).isEqualTo("2024-04-01");
    assertThat(month.path("end").asText()).isEqualTo("2024-04-30");
    assertThat(month.path("location_confidence").asText()).isEqualTo("low");
    assertThat(month.path("uncertainty_km").asInt()).isEqualTo(100);
    assertThat(month.path("category").asText()).isEqualTo("military");
    assertThat(month.path("source_category").asText()).isEqualTo("Violence against civilians");

    assertThat(props("acled:MLI90004").path("category").asText()).isEqualTo("civil_unrest");
    assertThat(props("acled:MLI90004").path("actors").size()).isEqualTo(1);
    assertThat(props("acled:MLI90005").path("category").asText()).isEqualTo("civil_unrest");
    assertThat(props("acled:MLI90006").path("category").asText()).isEqualTo("diplomatic");
    assertThat(props("acled:MLI90007").path("category").asText()).isEqualTo("military");
    assertThat(props("acled:MLI90007").path("source_sub_type").asText())
        .isEqualTo("Headquarters or base established");
    assertThat(props("acled:BFA90001").path("place_name").asText()).isEqualTo("Djibo, Sahel");
  }

  @Test
  void ucdpSampleImportsWithMappedPrecisionConfidenceCategoryAndProvenance() throws Exception {
    long before = count();
    EventImporter.Result r = importer().importFile(write("ged.csv", sample("ucdp-sample.csv")));
    assertThat(r.problems()).isEmpty();
    assertThat(r.imported()).isEqualTo(12);
    assertThat(count()).isEqualTo(before + 12);

    JsonNode day = props("ucdp:990001");
    assertThat(day.path("date_precision").asText()).isEqualTo("day");
    assertThat(day.path("start").asText()).isEqualTo("2023-02-05");
    assertThat(day.path("location_basis").asText()).isEqualTo("dataset_point");
    assertThat(day.path("location_confidence").asText()).isEqualTo("high");
    assertThat(day.path("category").asText()).isEqualTo("military");
    assertThat(day.path("place_name").asText()).isEqualTo("Gao town");
    assertThat(day.path("source_dataset").asText()).isEqualTo("UCDP GED");
    assertThat(day.path("source_row_id").asText()).isEqualTo("990001");
    assertThat(day.path("source_category").asText()).isEqualTo("state-based conflict");
    assertThat(day.path("source_sub_type").asText()).isEqualTo("Government of Mali - JNIM");
    assertThat(day.path("source_text").asText()).isEqualTo("Invented Wire H, 2023-02-06");
    assertThat(day.path("source_precision").asText()).isEqualTo("date_prec 1, where_prec 1");
    assertThat(day.path("fatalities").asInt()).isEqualTo(5);
    assertThat(day.path("actors").toString()).isEqualTo("[\"Government of Mali\",\"JNIM\"]");

    JsonNode days = props("ucdp:990002");
    assertThat(days.path("date_precision").asText()).isEqualTo("range");
    assertThat(days.path("end").asText()).isEqualTo("2023-03-09");
    assertThat(days.path("location_confidence").asText()).isEqualTo("medium");
    assertThat(days.path("uncertainty_km").asInt()).isEqualTo(25);

    JsonNode region = props("ucdp:990004");
    assertThat(region.path("date_precision").asText()).isEqualTo("month");
    assertThat(region.path("location_basis").asText()).isEqualTo("approximate_area");
    assertThat(region.path("location_confidence").asText()).isEqualTo("low");
    assertThat(region.path("uncertainty_km").asInt()).isEqualTo(150);
    assertThat(region.path("source_category").asText()).isEqualTo("one-sided violence");

    JsonNode country = props("ucdp:990005");
    assertThat(country.path("date_precision").asText()).isEqualTo("year");
    assertThat(country.path("uncertainty_km").asInt()).isEqualTo(500);
    assertThat(props("ucdp:990007").path("uncertainty_km").asInt()).isEqualTo(50);
    assertThat(props("ucdp:990003").path("source_category").asText())
        .isEqualTo("non-state conflict");
  }

  @Test
  void reimportOfANewerExportUpdatesRowsBySourceIdNeverDuplicates() throws Exception {
    String first = sample("acled-sample.csv");
    assertThat(importer().importFile(write("acled.csv", first)).ok()).isTrue();
    long afterFirst = count();
    // The newer export: one row revised (fatalities, notes), one row added.
    String revised =
        first.replace(
                "an armed clash at the edge of Gao town, 4 March.\",3,",
                "an armed clash at the edge of Gao town, 4 March; revised.\",6,")
            + "MLI90011,2024-12-02,2024,1,Political violence,Battles,Armed clash,"
            + "Military Forces of Mali (2021-),,JNIM: Group for Support of Islam and Muslims,466,"
            + "Western Africa,Mali,Mopti,Djenne,Djenne,13.9061,-4.5533,1,Invented Radio A,"
            + "National,Invented for tests: a clash near Djenne.,1,1730000001\n";
    assertThat(revised).as("the revision was made").contains("revised.\",6,");
    EventImporter.Result r = importer().importFile(write("acled-newer.csv", revised));
    assertThat(r.problems()).isEmpty();
    assertThat(r.imported()).isEqualTo(13);
    assertThat(count()).isEqualTo(afterFirst + 1);
    JsonNode clash = props("acled:MLI90001");
    assertThat(clash.path("fatalities").asInt()).isEqualTo(6);
    assertThat(clash.path("summary").asText()).endsWith("revised.");
    assertThat(props("acled:MLI90011").path("place_name").asText()).isEqualTo("Djenne, Mopti");
  }

  @Test
  void aBadRowRefusesTheWholeFileWithItsLineAndLeavesStoredRowsUntouched() throws Exception {
    String good = sample("ucdp-sample.csv");
    assertThat(importer().importFile(write("ged.csv", good)).ok()).isTrue();
    long stored = count();
    String storedRow = store.feature("events", "ucdp:990001").orElseThrow().propertiesJson();
    String[] lines = good.split("\n");
    // Line 2 changed (would update 990001), line 5 a bad date, line 8 a bad latitude.
    lines[1] = lines[1].replace(",2,3,0,0,5,7,4", ",20,30,0,0,50,70,40");
    lines[4] = lines[4].replace("2023-05-01 00:00:00.000", "2023-05-41");
    lines[7] = lines[7].replace(",15.9600,", ",north,");
    Path bad = write("ged-bad.csv", String.join("\n", lines) + "\n");
    EventImporter.Result r = importer().importFile(bad);
    assertThat(r.ok()).isFalse();
    assertThat(r.imported()).isZero();
    assertThat(r.problems())
        .containsExactly(
            "line 5: date_start '2023-05-41' is not a date (YYYY-MM-DD)",
            "line 8: latitude 'north' is not a number");
    assertThat(count()).isEqualTo(stored);
    assertThat(store.feature("events", "ucdp:990001").orElseThrow().propertiesJson())
        .isEqualTo(storedRow);

    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        MainAccess.run(
            new String[] {"import-events", bad.toString(), "--database-url", databaseUrl()},
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(code).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains(bad + ":line 5: date_start '2023-05-41' is not a date")
        .contains(bad + ":line 8: latitude 'north' is not a number")
        .contains("nothing imported");
    assertThat(count()).isEqualTo(stored);
  }

  @Test
  void codesOutsideTheCodebookAndRowsThatContradictThemselvesAreProblems() throws Exception {
    String[] lines = sample("acled-sample.csv").split("\n");
    lines[1] = lines[1].replace(",-0.0439,1,Invented", ",-0.0439,4,Invented");
    lines[2] = lines[2].replace("Explosions/Remote violence", "Earthquake");
    lines[3] = lines[3].replace(",15.9167,2.4000,", ",95.9167,2.4000,");
    EventImporter.Result r = importer().importFile(write("odd.csv", String.join("\n", lines)));
    assertThat(r.problems())
        .containsExactly(
            "line 2: geo_precision 4 is not a code from 1 to 3",
            "line 3: event_type 'Earthquake' is not one of ACLED's event types",
            "line 4: lat 95.9167 is outside -90..90");

    String[] ged = sample("ucdp-sample.csv").split("\n");
    ged[2] = ged[2].replace(",2,2023-03-06 00:00:00.000,", ",1,2023-03-06 00:00:00.000,");
    EventImporter.Result u = importer().importFile(write("odd-ged.csv", String.join("\n", ged)));
    assertThat(u.problems())
        .containsExactly(
            "line 3: date_prec 1 is one exact day, but date_start 2023-03-06 and date_end"
                + " 2023-03-09 differ");
  }

  @Test
  void aDatasetHeaderMissingAColumnReadIsRefusedOnLineOne() throws Exception {
    String text = sample("ucdp-sample.csv").replaceFirst(",best,", ",bestest,");
    EventImporter.Result r = importer().importFile(write("short.csv", text));
    assertThat(r.problems()).hasSize(1);
    assertThat(r.problems().get(0))
        .startsWith("line 1: a UCDP GED export needs these columns once each: ")
        .endsWith("; missing [best]");
  }

  @Test
  void aRowIdTwiceInOneExportIsAProblem() throws Exception {
    String text = sample("acled-sample.csv").replace("MLI90010,", "MLI90001,");
    EventImporter.Result r = importer().importFile(write("twice.csv", text));
    assertThat(r.problems())
        .containsExactly("line 13: duplicate id 'acled:MLI90001' (first on line 2)");
  }

  static String databaseUrl() {
    String env = System.getenv("TEST_DATABASE_URL");
    return env == null || env.isBlank() ? TestDatabase.DEFAULT_URL : env;
  }
}
