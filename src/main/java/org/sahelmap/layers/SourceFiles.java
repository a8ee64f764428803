package org.sahelmap.layers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.sahelmap.geo.Geo;
import org.sahelmap.json.Json;

/**
 * Reads the GeoJSON extracts under {@code data/}: from the classpath (they travel inside the jar)
 * or from a directory (tests, and anyone rebuilding from fresh extracts). Every failure names the
 * file.
 */
public final class SourceFiles {
  private static final ObjectMapper JSON = Json.MAPPER;

  private final Path directory; // null: classpath

  private SourceFiles(Path directory) {
    this.directory = directory;
  }

  /** The extracts shipped in the jar, under {@code data/}. */
  public static SourceFiles classpath() {
    return new SourceFiles(null);
  }

  /** Extracts in a folder laid out like {@code data/} (e.g. {@code geo/countries.geojson}). */
  public static SourceFiles directory(Path dataDir) {
    return new SourceFiles(dataDir);
  }

  public String describe(String relative) {
    return directory == null
        ? "data/" + relative + " (in the jar)"
        : directory.resolve(relative).toString();
  }

  /** Every feature of a GeoJSON FeatureCollection, in file order. */
  public List<SourceFeature> features(String relative) {
    JsonNode root = readTree(relative);
    JsonNode features = root.get("features");
    if (!"FeatureCollection".equals(root.path("type").asText())
        || features == null
        || !features.isArray()) {
      throw new SourceDataException(describe(relative), "is not a GeoJSON FeatureCollection");
    }
    GeoJsonReader reader = new GeoJsonReader(Geo.FACTORY);
    List<SourceFeature> out = new ArrayList<>();
    int index = 0;
    for (JsonNode f : features) {
      String id = f.hasNonNull("id") ? f.get("id").asText() : relative + "#" + index;
      try {
        Geometry g = reader.read(f.get("geometry").toString());
        g.setSRID(Geo.WGS84_SRID);
        Map<String, Object> props =
            f.hasNonNull("properties")
                ? JSON.convertValue(
                    f.get("properties"), new TypeReference<Map<String, Object>>() {})
                : Map.of();
        out.add(new SourceFeature(id, g, props));
      } catch (ParseException | RuntimeException e) {
        throw new SourceDataException(
            describe(relative),
            "feature " + id + " has no readable geometry (" + e.getMessage() + ")");
      }
      index++;
    }
    return out;
  }

  /** The one feature with the given id. */
  public SourceFeature feature(String relative, String id) {
    return features(relative).stream()
        .filter(f -> id.equals(f.id()))
        .findFirst()
        .orElseThrow(() -> new SourceDataException(describe(relative), "has no feature " + id));
  }

  JsonNode readTree(String relative) {
    try (InputStream in = open(relative)) {
      return JSON.readTree(in);
    } catch (JsonProcessingException e) {
      throw new SourceDataException(
          describe(relative),
          "is not valid JSON (line "
              + e.getLocation().getLineNr()
              + ": "
              + e.getOriginalMessage()
              + ")");
    } catch (IOException e) {
      throw new SourceDataException(describe(relative), "cannot be read (" + e.getMessage() + ")");
    }
  }

  private InputStream open(String relative) throws IOException {
    if (directory == null) {
      InputStream in = SourceFiles.class.getClassLoader().getResourceAsStream("data/" + relative);
      if (in == null) {
        throw new SourceDataException(describe(relative), "is missing");
      }
      return in;
    }
    try {
      return Files.newInputStream(directory.resolve(relative));
    } catch (NoSuchFileException e) {
      throw new SourceDataException(describe(relative), "is missing");
    }
  }
}
