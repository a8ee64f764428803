package org.sahelmap.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.sahelmap.store.Database;
import org.sahelmap.store.FeatureRecord;
import org.sahelmap.store.FeatureStore;
import org.sahelmap.store.Layer;
import org.sahelmap.store.LayerData;
import org.sahelmap.store.PostgisFeatureStore;

/**
 * Front-end fixture: the context layers and events from data/, plus small stand-ins for the mission
 * layers with the ids and properties of the layer contract (the real ones come from build-layers).
 * Geometry here is rough on purpose (degree buffers, circles): it is for drawing, not for numbers.
 * Run {@link #main} to fill a database for serving by hand.
 */
public final class DevData {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final GeometryFactory GF = new GeometryFactory(new PrecisionModel(), 4326);
  private static final double KM_PER_DEG = 111.32;

  private DevData() {}

  public static void main(String[] args) {
    try (Database db = Database.open(TestDatabase.url())) {
      load(new PostgisFeatureStore(db.dataSource()));
    }
  }

  public static Path repoRoot() {
    return Path.of(System.getProperty("sahel.repoRoot", "."));
  }

  /** Replaces every layer the front end draws. */
  public static void load(FeatureStore store) {
    try {
      Path geo = repoRoot().resolve("data/geo");
      List<FeatureRecord> countries = read(geo.resolve("countries.geojson"), "name");
      List<FeatureRecord> regions = read(geo.resolve("mali-regions.geojson"), "name");
      List<LayerData> layers = new ArrayList<>();
      layers.add(layer("countries", "Countries", "context", 1, countries));
      layers.add(layer("mali-regions", "Mali's regions", "context", 2, regions));
      layers.add(
          layer("rivers", "Rivers", "context", 3, read(geo.resolve("rivers.geojson"), null)));
      layers.add(layer("lakes", "Lakes", "context", 4, read(geo.resolve("lakes.geojson"), null)));
      layers.add(
          layer("places", "Places", "context", 5, read(geo.resolve("places.geojson"), null)));
      layers.addAll(mission(countries, regions));
      layers.add(events());
      store.replaceLayers(layers);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<LayerData> mission(
      List<FeatureRecord> countries, List<FeatureRecord> regions) {
    Geometry mali = byName(countries, "Mali").geometry();
    Geometry algeria = byName(countries, "Algeria").geometry();
    Geometry aes =
        mali.union(byName(countries, "Burkina Faso").geometry())
            .union(byName(countries, "Niger").geometry());
    Map<String, Object> aesProps = new LinkedHashMap<>();
    aesProps.put("name", "Alliance of Sahel States");
    aesProps.put("members", List.of("Mali", "Burkina Faso", "Niger"));
    aesProps.put("area_km2", 2780364.2);
    aesProps.put(
        "member_areas_km2",
        Map.of("Mali", 1248574.0, "Burkina Faso", 273187.0, "Niger", 1188602.0));
    Geometry border = mali.intersection(algeria);
    if (border.isEmpty() || border.getDimension() != 1) {
      border = mali.getBoundary().intersection(algeria.buffer(0.05));
    }
    List<FeatureRecord> bands = new ArrayList<>();
    int[][] limits = {{0, 25}, {25, 50}, {50, 100}};
    for (int[] l : limits) {
      Geometry outer = border.buffer(l[1] / KM_PER_DEG);
      Geometry ring = l[0] == 0 ? outer : outer.difference(border.buffer(l[0] / KM_PER_DEG));
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("band", l[0] + "–" + l[1] + " km");
      p.put("band_min_km", l[0]);
      p.put("band_max_km", l[1]);
      p.put("area_km2", 21000.0 * (l[1] - l[0]) / 25);
      bands.add(FeatureRecord.of("band-" + l[1], ring.intersection(mali), p));
    }
    List<FeatureRecord> kidal =
        List.of(
            area(
                "kidal-region",
                byName(regions, "Kidal").geometry(),
                "region",
                "Kidal region",
                Map.of("area_km2", 151430.0)),
            point(
                "kidal-town",
                1.40722,
                18.44111,
                "town",
                "Kidal",
                Map.of("distance_to_border_km", 226.4)),
            circle(
                "kidal-camp",
                1.4236,
                18.4481,
                3,
                "fort_area",
                "Kidal camp (former MINUSMA)",
                Map.of("uncertainty_km", 3)));
    List<FeatureRecord> gao =
        List.of(
            area(
                "gao-region",
                byName(regions, "Gao").geometry(),
                "region",
                "Gao region",
                Map.of("area_km2", 89532.0)),
            point("gao-town", -0.04472, 16.27167, "town", "Gao", Map.of()),
            circle(
                "intahaka",
                -0.35,
                15.75,
                10,
                "site_area",
                "Intahaka gold site",
                Map.of("uncertainty_km", 10, "distance_from_gao_km", 65.8)));
    List<FeatureRecord> tinz =
        List.of(
            point(
                "tinzaouaten-town",
                2.8828,
                19.9628,
                "town",
                "Tinzaouaten",
                Map.of("distance_to_border_km", 1.2)),
            circle(
                "tinzaouaten-battle",
                2.8828,
                19.9628,
                20,
                "battle_area",
                "Tinzaouaten battle area (July 2024)",
                Map.of("radius_km", 20)));
    return List.of(
        layer(
            "aes-territory",
            "AES territory",
            "mission",
            10,
            List.of(FeatureRecord.of("aes", aes, aesProps))),
        layer(
            "algeria-border",
            "Mali–Algeria border",
            "mission",
            11,
            List.of(
                FeatureRecord.of(
                    "border", border, Map.of("name", "Mali–Algeria border", "length_km", 1359.4)))),
        layer("algeria-border-zone", "Border zone", "mission", 12, bands),
        layer("kidal", "Kidal", "mission", 13, kidal),
        layer("gao-intahaka", "Gao and Intahaka", "mission", 14, gao),
        layer("tinzaouaten", "Tinzaouaten", "mission", 15, tinz));
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
            List.of("Natural Earth 5.1.1", "GeoNames"),
            "method",
            "development fixture (" + id + ")");
    return new LayerData(
        new Layer(id, title, title + " (fixture)", kind, meta, null, null, order), fs);
  }

  private static List<FeatureRecord> read(Path file, String idProp) throws IOException {
    JsonNode root = JSON.readTree(file.toFile());
    GeoJsonReader reader = new GeoJsonReader(GF);
    List<FeatureRecord> out = new ArrayList<>();
    int i = 0;
    for (JsonNode f : root.get("features")) {
      Map<String, Object> props = JSON.convertValue(f.get("properties"), Map.class);
      String id =
          idProp != null && props.get(idProp) != null
              ? String.valueOf(props.get(idProp))
              : String.valueOf(++i);
      if (idProp == null) {
        id = String.valueOf(++i);
      }
      out.add(FeatureRecord.of(id, geometry(reader, f), props));
    }
    return out;
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

  private static FeatureRecord byName(List<FeatureRecord> fs, String name) {
    return fs.stream()
        .filter(f -> name.equals(f.properties().get("name")))
        .findFirst()
        .orElseThrow();
  }

  private static Map<String, Object> props(String kind, String name, Map<String, Object> extra) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("kind", kind);
    p.put("name", name);
    p.putAll(extra);
    p.put("sources", List.of("fixture"));
    return p;
  }

  private static FeatureRecord area(
      String id, Geometry g, String kind, String name, Map<String, Object> extra) {
    return FeatureRecord.of(id, g, props(kind, name, extra));
  }

  private static FeatureRecord point(
      String id, double lon, double lat, String kind, String name, Map<String, Object> extra) {
    return FeatureRecord.of(id, GF.createPoint(new Coordinate(lon, lat)), props(kind, name, extra));
  }

  private static FeatureRecord circle(
      String id,
      double lon,
      double lat,
      double km,
      String kind,
      String name,
      Map<String, Object> extra) {
    Point c = GF.createPoint(new Coordinate(lon, lat));
    Geometry g = c.buffer(km / KM_PER_DEG, 24);
    g.setSRID(4326);
    return FeatureRecord.of(id, g, props(kind, name, extra));
  }
}
