package org.sahelmap.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sahelmap.api.AppFactory;
import org.sahelmap.store.Database;
import org.sahelmap.store.PostgisFeatureStore;
import org.sahelmap.testing.NeedsDatabase;
import org.sahelmap.testing.TestDatabase;

/**
 * datetime filtering of the events collection through the real HTTP API against PostGIS. The
 * expected ids are worked out here from the curated events' dates, independently of the store: an
 * event covers [start 00:00, day after end 00:00) in UTC, and matches a window it overlaps.
 */
@NeedsDatabase
class EventsDatetimeApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String INTAHAKA = "pnd-2024-02-intahaka-gold-mine-takeover";

  static Database db;
  static List<Event> events;
  Javalin app;

  @BeforeAll
  static void load() {
    db = TestDatabase.fresh();
    new PostgisFeatureStore(db.dataSource()).replaceLayers(List.of(CuratedEvents.layer()));
    events = CuratedEvents.events();
  }

  /** A new app per test: a Javalin app can be started by the test tools only once. */
  @BeforeEach
  void app() {
    app = AppFactory.create(db, new PostgisFeatureStore(db.dataSource()), 1000);
  }

  @AfterAll
  static void close() {
    db.close();
  }

  /** Ids of events overlapping [from, toExclusive); null ends are open. */
  static Set<String> expected(Instant from, Instant toExclusive) {
    return events.stream()
        .filter(e -> toExclusive == null || day(e.start()).isBefore(toExclusive))
        .filter(e -> from == null || day(e.end().plusDays(1)).isAfter(from))
        .map(Event::id)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  static Instant day(LocalDate d) {
    return d.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  static Set<String> ids(HttpClient client, String datetime) throws Exception {
    var response = client.get("/ogc/collections/events/items?limit=1000&datetime=" + datetime);
    String body = response.body().string();
    assertThat(response.code()).as(datetime + ": " + body).isEqualTo(200);
    Set<String> ids = new TreeSet<>();
    for (JsonNode f : JSON.readTree(body).path("features")) {
      ids.add(f.path("id").asText());
    }
    return ids;
  }

  @Test
  void instantsAndDates() {
    JavalinTest.test(
        app,
        (server, client) -> {
          Instant noon = Instant.parse("2024-02-15T12:00:00Z");
          assertThat(ids(client, "2024-02-15T12:00:00Z"))
              .isEqualTo(expected(noon, noon.plus(1, ChronoUnit.MICROS)))
              .contains(INTAHAKA);
          assertThat(ids(client, "2024-02-15"))
              .isEqualTo(expected(day(LocalDate.of(2024, 2, 15)), day(LocalDate.of(2024, 2, 16))))
              .contains(INTAHAKA);
          Instant midnight = Instant.parse("2023-11-01T00:00:00Z");
          assertThat(ids(client, "2023-11-01T00:00:00Z"))
              .isEqualTo(expected(midnight, midnight.plus(1, ChronoUnit.MICROS)));
        });
  }

  @Test
  void openIntervals() {
    JavalinTest.test(
        app,
        (server, client) -> {
          assertThat(ids(client, "../2023-11-01"))
              .isEqualTo(expected(null, day(LocalDate.of(2023, 11, 2))))
              .isNotEmpty();
          assertThat(ids(client, "/2023-11-01")).isEqualTo(ids(client, "../2023-11-01"));
          assertThat(ids(client, "2024-10-21/.."))
              .isEqualTo(expected(day(LocalDate.of(2024, 10, 21)), null))
              .isNotEmpty();
          assertThat(ids(client, "2024-03-01/.."))
              .isEqualTo(expected(day(LocalDate.of(2024, 3, 1)), null))
              .doesNotContain(INTAHAKA);
          assertThat(ids(client, "../2024-01-31")).doesNotContain(INTAHAKA);
          assertThat(ids(client, "../2024-02-01")).contains(INTAHAKA);
          assertThat(ids(client, "2024-02-29/..")).contains(INTAHAKA);
        });
  }

  /** For every event: windows ending on its start or starting on its end include it. */
  @Test
  void closedIntervalEdgesAreInclusive() {
    JavalinTest.test(
        app,
        (server, client) -> {
          for (Event e : events) {
            String s = e.start().toString();
            String end = e.end().toString();
            String before = e.start().minusDays(1).toString();
            String after = e.end().plusDays(1).toString();
            assertThat(ids(client, before + "/" + s)).as(e.id()).contains(e.id());
            assertThat(ids(client, end + "/" + after)).as(e.id()).contains(e.id());
            assertThat(ids(client, s + "/" + s)).as(e.id()).contains(e.id());
            assertThat(ids(client, "../" + before)).as(e.id()).doesNotContain(e.id());
            assertThat(ids(client, after + "/..")).as(e.id()).doesNotContain(e.id());
            // Date-times right on the edges: the first and the last microsecond of the event.
            assertThat(ids(client, "../" + s + "T00:00:00Z")).as(e.id()).contains(e.id());
            assertThat(ids(client, end + "T23:59:59.999999Z/..")).as(e.id()).contains(e.id());
            assertThat(ids(client, "../" + before + "T23:59:59.999999Z"))
                .as(e.id())
                .doesNotContain(e.id());
          }
          LocalDate from = LocalDate.of(2023, 12, 1);
          LocalDate to = LocalDate.of(2024, 3, 31);
          assertThat(ids(client, from + "/" + to))
              .isEqualTo(expected(day(from), day(to.plusDays(1))));
        });
  }

  @Test
  void reversedOrMalformedIntervalsAre400NamingDatetime() {
    JavalinTest.test(
        app,
        (server, client) -> {
          for (String bad : List.of("2024-03-01/2024-02-01", "2024-02-30", "../..", "2024/02")) {
            var response = client.get("/ogc/collections/events/items?datetime=" + bad);
            assertThat(response.code()).as(bad).isEqualTo(400);
            JsonNode body = JSON.readTree(response.body().string());
            assertThat(body.path("code").asText()).isEqualTo("InvalidParameterValue");
            assertThat(body.path("description").asText()).contains("datetime");
          }
        });
  }
}
