package org.sahelmap.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.sahelmap.layers.LayerBuilder;
import org.sahelmap.layers.SourceFiles;
import org.sahelmap.store.Database;
import org.sahelmap.store.FeatureRecord;
import org.sahelmap.store.FeatureStore;
import org.sahelmap.store.Layer;
import org.sahelmap.store.LayerData;
import org.sahelmap.store.PostgisFeatureStore;

/**
 * Front-end fixture: every layer as build-layers computes it, plus the curated events of
 * data/events (loaded here until the server has its own events loader). Run {@link #main} to fill a
 * database for serving by hand.
 */
public final class DevData {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final GeometryFactory GF = new GeometryFactory(new PrecisionModel(), 4326);

  private DevData() {}

  public static void main(String[] args) {
    try (Database db = Database.open(TestDatabase.url())) {
      load(new PostgisFeatureStore(db.dataSource()));
    }
  }

  public static Path repoRoot() {
    return Path.of(System.getProperty("sahel.repoRoot", "."));
  }

  /** Replaces every layer the front end draws: the computed layers, plus the curated events. */
  public static void load(FeatureStore store) {
    try {
      List<LayerData> layers =
          new ArrayList<>(new LayerBuilder(SourceFiles.classpath(), Clock.systemUTC()).compute());
      layers.add(events());
      store.replaceLayers(layers);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static LayerData events() throws IOException {
    JsonNode root =
        JSON.readTree(
            repoRoot().resolve("data/events/partnership-not-dependency.geojson").toFile());
    List<FeatureRecord> out = new ArrayList<>();
    GeoJsonReader reader = new GeoJsonReader(GF);
    for (JsonNode f : root.get("features")) {
      Map<String, Object> props = JSON.convertValue(f.get("properties"), Map.class);
      out.add(
          new FeatureRecord(
              (String) props.get("id"),
              geometry(reader, f),
              props,
              LocalDate.parse((String) props.get("start")).atStartOfDay().toInstant(ZoneOffset.UTC),
              LocalDate.parse((String) props.get("end")).atStartOfDay().toInstant(ZoneOffset.UTC)));
    }
    return layer("events", "Events", "events", 20, out);
  }

  private static LayerData layer(
      String id, String title, String kind, int order, List<FeatureRecord> fs) {
    Map<String, Object> meta =
        Map.of(
            "sources",
            List.of("data/events: curated from the documents in data/documents.json"),
            "method",
            Map.of("citation", "each event tied to a paragraph and passage of its source"));
    return new LayerData(
        new Layer(id, title, "Dated events from analysis documents", kind, meta, null, null, order),
        fs);
  }

  private static Geometry geometry(GeoJsonReader reader, JsonNode feature) {
    try {
      Geometry g = reader.read(feature.get("geometry").toString());
      g.setSRID(4326);
      return g;
    } catch (org.locationtech.jts.io.ParseException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
