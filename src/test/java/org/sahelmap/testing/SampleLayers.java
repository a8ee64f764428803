package org.sahelmap.testing;

import static org.sahelmap.testing.Geometries.wkt;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sahelmap.store.FeatureRecord;
import org.sahelmap.store.FeatureStore;
import org.sahelmap.store.Layer;
import org.sahelmap.store.LayerData;

/**
 * Small synthetic layers for API tests, one per geometry kind, so no test depends on the real
 * mission layers: 25 points on a grid, 3 lines, 2 polygons (one with a hole, written clockwise on
 * purpose) and 10 dated events a day apart.
 */
public final class SampleLayers {
  public static final String POINTS = "towns";
  public static final String LINES = "roads";
  public static final String POLYGONS = "zones";
  public static final String EVENTS = "incidents";

  private SampleLayers() {}

  public static Layer layer(String id, String title, String kind, int order) {
    return new Layer(
        id, title, "Synthetic " + id + " for tests", kind, Map.of(), null, null, order);
  }

  public static List<LayerData> all() {
    List<FeatureRecord> points = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      double lon = -5 + (i % 5) * 2.5; // -5 .. 5
      double lat = 12 + (i / 5) * 2.0; // 12 .. 20
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("name", "town " + i);
      p.put("population", 1000 + i);
      p.put("capital", i == 0);
      points.add(FeatureRecord.of("t" + i, wkt("POINT(" + lon + " " + lat + ")"), p));
    }
    List<FeatureRecord> lines =
        List.of(
            FeatureRecord.of(
                "r1",
                wkt("LINESTRING(-4 13, 0 15, 4 17)"),
                Map.of("name", "north road", "length_km", 812.25)),
            FeatureRecord.of(
                "r2", wkt("LINESTRING(-2 19, 2 19.123456789)"), Map.of("name", "precise road")),
            FeatureRecord.of(
                "r3", wkt("LINESTRING(1 12, 1 20)"), Map.of("name", "meridian", "lanes", 2)));
    List<FeatureRecord> polygons =
        List.of(
            FeatureRecord.of(
                "z1",
                // exterior clockwise, hole counter-clockwise: both the wrong way round for RFC 7946
                wkt(
                    "POLYGON((-4 12, -4 16, 0 16, 0 12, -4 12),"
                        + " (-3 13, -1 13, -1 15, -3 15, -3 13))"),
                Map.of("name", "zone with hole", "area_km2", 123456.5)),
            FeatureRecord.of(
                "z2",
                wkt("POLYGON((2 17, 4 17, 4 19, 2 19, 2 17))"),
                Map.of("name", "<b>plain</b> zone", "area_km2", 48000)));
    List<FeatureRecord> events = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      Instant day = Instant.parse("2024-01-01T00:00:00Z").plusSeconds(86_400L * i);
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("title", "event " + i);
      p.put("fatalities", i);
      p.put("date", day.toString().substring(0, 10));
      events.add(
          new FeatureRecord(
              "e" + i,
              wkt("POINT(" + (-2 + i * 0.5) + " " + (14 + i * 0.5) + ")"),
              p,
              day,
              day.plusSeconds(86_399)));
    }
    return List.of(
        new LayerData(layer(POINTS, "Towns", "context", 1), points),
        new LayerData(layer(LINES, "Roads", "context", 2), lines),
        new LayerData(layer(POLYGONS, "Zones", "mission", 3), polygons),
        new LayerData(layer(EVENTS, "Incidents", "events", 4), events));
  }

  public static void load(FeatureStore store) {
    store.replaceLayers(all());
  }
}
