package org.sahelmap.export;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.util.Map;
import org.sahelmap.json.Json;

/**
 * Writes an RFC 7946 FeatureCollection to a stream one feature at a time: the collection's own
 * members first, then each feature as the store hands it over, then the closing members. Nothing is
 * buffered beyond the generator's and the writer's own buffers, so a 200,000-feature export runs in
 * a small heap.
 *
 * <p>Geometry and properties arrive as JSON text already (PostGIS writes the geometry), so they are
 * copied through as raw values rather than parsed and re-encoded; everything else goes through the
 * JSON generator, so no member is ever spliced into text.
 */
public final class GeoJsonFeatureWriter implements FeatureFileWriter {
  private final Writer out;
  private final JsonGenerator gen;
  private long written;

  private GeoJsonFeatureWriter(Writer out, JsonGenerator gen) {
    this.out = out;
    this.gen = gen;
  }

  /**
   * Starts a FeatureCollection; {@code members} (numberMatched, links, timeStamp, ...) are written
   * before the features array.
   */
  public static GeoJsonFeatureWriter begin(Writer out, Map<String, ?> members) throws IOException {
    JsonGenerator gen = Json.MAPPER.createGenerator(out);
    gen.writeStartObject();
    gen.writeStringField("type", "FeatureCollection");
    writeMembers(gen, members);
    gen.writeArrayFieldStart("features");
    return new GeoJsonFeatureWriter(out, gen);
  }

  @Override
  public void accept(String id, String geometryJson, String propertiesJson) throws IOException {
    written++;
    feature(gen, id, geometryJson, propertiesJson, Map.of());
  }

  /** Closes the array, adds {@code numberReturned}, closes the collection; returns the count. */
  public long end() throws IOException {
    return end(Map.of());
  }

  @Override
  public long finish() throws IOException {
    return end();
  }

  /**
   * Closes the array, adds {@code numberReturned} and then {@code members}: what is only known once
   * the features are written (numberMatched, the next link), as JSON members have no order.
   */
  public long end(Map<String, ?> members) throws IOException {
    gen.writeEndArray();
    gen.writeNumberField("numberReturned", written);
    writeMembers(gen, members);
    gen.writeEndObject();
    gen.flush();
    out.write('\n');
    out.flush();
    return written;
  }

  /**
   * One Feature object on its own, for the single-item endpoints: {@code members} (its links)
   * follow the properties.
   */
  public static void writeFeature(
      Writer out, String id, String geometryJson, String propertiesJson, Map<String, ?> members)
      throws IOException {
    // Closing the generator flushes it; the writer stays open (Json.MAPPER never closes targets).
    try (JsonGenerator gen = Json.MAPPER.createGenerator(out)) {
      feature(gen, id, geometryJson, propertiesJson, members);
    }
  }

  private static void feature(
      JsonGenerator gen,
      String id,
      String geometryJson,
      String propertiesJson,
      Map<String, ?> members)
      throws IOException {
    gen.writeStartObject();
    gen.writeStringField("type", "Feature");
    gen.writeStringField("id", id);
    gen.writeFieldName("geometry");
    gen.writeRawValue(geometryJson);
    gen.writeFieldName("properties");
    gen.writeRawValue(propertiesJson == null ? "{}" : propertiesJson);
    writeMembers(gen, members);
    gen.writeEndObject();
  }

  private static void writeMembers(JsonGenerator gen, Map<String, ?> members) throws IOException {
    for (Map.Entry<String, ?> m : members.entrySet()) {
      gen.writeObjectField(m.getKey(), m.getValue());
    }
  }
}
