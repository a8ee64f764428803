package org.sahelmap.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sahelmap.api.OgcApiTest.ids;
import static org.sahelmap.api.OgcApiTest.json;
import static org.sahelmap.api.OgcApiTest.link;
import static org.sahelmap.api.OgcApiTest.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sahelmap.store.Database;
import org.sahelmap.store.FeatureStore;
import org.sahelmap.store.LayerData;
import org.sahelmap.store.PostgisFeatureStore;
import org.sahelmap.testing.BulkEvents;
import org.sahelmap.testing.NeedsDatabase;
import org.sahelmap.testing.SampleLayers;
import org.sahelmap.testing.TestDatabase;

/**
 * Items pages where more features match than the server counts exactly ({@link
 * FeatureStore#COUNT_CAP}): numberMatched is left out, never estimated, and the next links still
 * lead through every match once, in the same stable order as the database's.
 */
@NeedsDatabase
class ItemsAtScaleTest {
  static final int EVENTS = 15_000;
  static final String MALI = "-13,10,5,25"; // every synthetic event
  static final String GAO = "-0.5,16,0,16.5"; // a few hundred of them
  static Database db;

  @BeforeAll
  static void load() throws Exception {
    db = TestDatabase.fresh();
    new PostgisFeatureStore(db.dataSource())
        .replaceLayers(
            List.of(
                new LayerData(
                    SampleLayers.layer("events", "Events", "events", 1), List.of(), true)));
    BulkEvents.load(db, EVENTS);
  }

  @AfterAll
  static void close() {
    db.close();
  }

  interface Body {
    void run(io.javalin.testtools.HttpClient client) throws Exception;
  }

  static void withApp(Body body) {
    JavalinTest.test(
        AppFactory.create(db, new PostgisFeatureStore(db.dataSource()), 10_000),
        (server, client) -> body.run(client));
  }

  /** The ids the box matches, in seq order, straight from the table. */
  static List<String> idsInBox(String bbox) throws Exception {
    String[] b = bbox.split(",");
    try (Connection c = db.connection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT id FROM feature WHERE layer_id = 'events'"
                    + " AND ST_Intersects(geom, ST_MakeEnvelope(?, ?, ?, ?, 4326)) ORDER BY seq")) {
      for (int i = 0; i < 4; i++) {
        ps.setDouble(i + 1, Double.parseDouble(b[i]));
      }
      List<String> ids = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getString(1));
        }
      }
      return ids;
    }
  }

  @Test
  void aBoxBeyondTheCountCapPagesThroughEveryMatchWithoutNumberMatched() throws Exception {
    List<String> expected = idsInBox(MALI);
    assertThat(expected).hasSizeGreaterThan((int) FeatureStore.COUNT_CAP);
    withApp(
        client -> {
          List<String> seen = new ArrayList<>();
          String next = "/ogc/collections/events/items?bbox=" + MALI + "&limit=1000";
          while (next != null) {
            JsonNode page = json(client.get(next));
            assertThat(page.has("numberMatched")).as("numberMatched of " + next).isFalse();
            assertThat(page.get("numberReturned").asInt()).isEqualTo(ids(page).size());
            seen.addAll(ids(page));
            String href = link(page, "next");
            next = href == null ? null : local(href);
          }
          assertThat(seen).containsExactlyElementsOf(expected);
        });
  }

  @Test
  void nextLinkAppearsExactlyWhenAnotherFeatureFollows() {
    withApp(
        client -> {
          String base = "/ogc/collections/events/items?bbox=" + MALI + "&limit=1000&offset=";
          JsonNode last = json(client.get(base + (EVENTS - 1000)));
          assertThat(ids(last)).hasSize(1000);
          assertThat(link(last, "next")).isNull();
          JsonNode oneBefore = json(client.get(base + (EVENTS - 1001)));
          assertThat(ids(oneBefore)).hasSize(1000);
          assertThat(link(oneBefore, "next")).contains("offset=" + (EVENTS - 1));
        });
  }

  @Test
  void theApiDocumentStatesWhenNumberMatchedIsGiven() {
    withApp(
        client ->
            assertThat(
                    json(client.get("/ogc/api"))
                        .at("/paths/~1collections~1{collectionId}~1items/get/responses/200")
                        .get("description")
                        .asText())
                .contains("numberMatched is exact", "at most 10,000 features match"));
  }

  @Test
  void aBoxWithinTheCapIsCountedExactly() throws Exception {
    List<String> expected = idsInBox(GAO);
    assertThat(expected).hasSizeBetween(101, (int) FeatureStore.COUNT_CAP);
    withApp(
        client -> {
          JsonNode page =
              json(client.get("/ogc/collections/events/items?bbox=" + GAO + "&limit=100"));
          assertThat(page.get("numberMatched").asInt()).isEqualTo(expected.size());
          assertThat(ids(page)).containsExactlyElementsOf(expected.subList(0, 100));
          assertThat(link(page, "next")).isNotNull();
        });
  }
}
