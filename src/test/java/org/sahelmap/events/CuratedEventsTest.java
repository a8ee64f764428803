package org.sahelmap.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.sahelmap.store.Database;
import org.sahelmap.store.FeatureRecord;
import org.sahelmap.store.LayerData;
import org.sahelmap.store.PostgisFeatureStore;
import org.sahelmap.testing.NeedsDatabase;
import org.sahelmap.testing.TestDatabase;

@NeedsDatabase
class CuratedEventsTest {
  /** The curation's stated counts by start year (data/events/README.md). */
  static final Map<Integer, Long> EVENTS_PER_YEAR =
      Map.of(2012, 1L, 2016, 1L, 2020, 1L, 2022, 1L, 2023, 14L, 2024, 18L);

  @Test
  void everyCitationPointsAtAPassageWithItsDateWords() {
    Map<String, DocumentText> texts =
        CuratedEvents.documents().stream()
            .collect(
                Collectors.toMap(Document::id, d -> DocumentText.read(d, Fixtures.documentsDir())));
    SoftAssertions soft = new SoftAssertions();
    for (DocumentText t : texts.values()) {
      // read() already refused a file whose SHA-256 differs; chars pins the offset convention.
      soft.assertThat(t.text().length()).as(t.document().id()).isEqualTo(t.document().chars());
      soft.assertThat(t.text().codePoints().count()).isEqualTo(t.text().length());
    }
    List<Event> events = CuratedEvents.events();
    assertThat(events).hasSize(36);
    for (Event e : events) {
      DocumentText t = texts.get(e.citationDocument());
      soft.assertThat(t).as(e.id() + " cites a registered document").isNotNull();
      if (t == null) {
        continue;
      }
      var paragraph = t.paragraph(e.citationParagraph());
      soft.assertThat(paragraph).as(e.id() + " paragraph").isPresent();
      if (paragraph.isEmpty()) {
        continue;
      }
      soft.assertThat(e.citationStart())
          .as(e.id() + " start inside paragraph " + e.citationParagraph())
          .isBetween(paragraph.get().start(), paragraph.get().end() - 1);
      soft.assertThat(e.citationEnd())
          .as(e.id() + " end inside paragraph")
          .isBetween(e.citationStart() + 1, paragraph.get().end());
      String passage = t.text().substring(e.citationStart(), e.citationEnd());
      Integer published =
          t.document().published() == null ? null : t.document().published().getYear();
      soft.assertThat(
              DateWords.disagreement(passage, e.start(), e.end(), e.datePrecision(), published))
          .as(e.id() + " date words")
          .isNull();
    }
    soft.assertAll();
  }

  @Test
  void eventsPerYearMatchTheCurationInTheLoaderAndInPostgis() throws Exception {
    Map<Integer, Long> loaded =
        new TreeMap<>(
            CuratedEvents.events().stream()
                .collect(Collectors.groupingBy(e -> e.start().getYear(), Collectors.counting())));
    assertThat(loaded).isEqualTo(EVENTS_PER_YEAR);

    LayerData layer = CuratedEvents.layer();
    assertThat(layer.layer().id()).isEqualTo("events");
    assertThat(layer.layer().kind()).isEqualTo("events");
    assertThat(layer.layer().metadata()).containsKeys("sources", "method");
    FeatureRecord kidal =
        layer.features().stream()
            .filter(f -> f.id().equals("pnd-2012-03-kidal-beyond-state-control"))
            .findFirst()
            .orElseThrow();
    assertThat(kidal.start()).hasToString("2012-03-01T00:00:00Z");
    assertThat(kidal.end()).hasToString("2012-03-31T23:59:59.999999Z");
    assertThat(kidal.geometry().getSRID()).isEqualTo(4326);
    assertThat(kidal.properties().get("citation_paragraph")).isEqualTo(8);
    assertThat(kidal.properties().get("actors")).isEqualTo(List.of("France", "Western forces"));

    try (Database db = TestDatabase.fresh()) {
      new PostgisFeatureStore(db.dataSource()).replaceLayers(List.of(layer));
      Map<Integer, Long> stored = new TreeMap<>();
      try (Connection c = db.connection();
          Statement st = c.createStatement();
          ResultSet rs =
              st.executeQuery(
                  "SELECT extract(year FROM t_start AT TIME ZONE 'UTC')::int, count(*)"
                      + " FROM feature WHERE layer_id = 'events' GROUP BY 1")) {
        while (rs.next()) {
          stored.put(rs.getInt(1), rs.getLong(2));
        }
      }
      assertThat(stored).isEqualTo(EVENTS_PER_YEAR);
    }
  }

  @Test
  void registryIsStoredInTheDocumentTable() {
    try (Database db = TestDatabase.fresh()) {
      DocumentStore store = new DocumentStore(db.dataSource());
      store.upsert(CuratedEvents.documents());
      store.upsert(CuratedEvents.documents());
      assertThat(store.list())
          .singleElement()
          .satisfies(
              d -> {
                assertThat(d.id()).isEqualTo("partnership-not-dependency");
                assertThat(d.publisher()).isNull();
                assertThat(d.published()).hasToString("2024-11-09");
                assertThat(d.sha256()).startsWith("6ecdd22d");
              });
    }
  }
}
