package org.sahelmap.export;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.util.Map;
import org.sahelmap.store.FeatureSink;

/**
 * Writes an RFC 7946 FeatureCollection to a stream one feature at a time: the collection's own
 * members first, then each feature as the store hands it over, then the closing members. Nothing is
 * buffered beyond the writer's own buffer, so a 200,000-feature export runs in a small heap.
 *
 * <p>Geometry and properties arrive as JSON text already (PostGIS writes the geometry), so they are
 * copied through rather than parsed and re-encoded.
 */
public final class GeoJsonFeatureWriter implements FeatureSink {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Writer out;
  private long written;

  private GeoJsonFeatureWriter(Writer out) {
    this.out = out;
  }

  /**
   * Starts a FeatureCollection; {@code members} (numberMatched, links, timeStamp, ...) are written
   * before the features array.
   */
  public static GeoJsonFeatureWriter begin(Writer out, Map<String, Object> members)
      throws IOException {
    out.write("{\"type\":\"FeatureCollection\"");
    writeMembers(out, members);
    out.write(",\"features\":[");
    return new GeoJsonFeatureWriter(out);
  }

  @Override
  public void accept(String id, String geometryJson, String propertiesJson) throws IOException {
    if (written++ > 0) {
      out.write(',');
    }
    writeFeature(out, id, geometryJson, propertiesJson);
  }

  /** Closes the array, adds {@code numberReturned}, closes the collection; returns the count. */
  public long end() throws IOException {
    return end(Map.of());
  }

  /**
   * Closes the array, adds {@code numberReturned} and then {@code members}: what is only known once
   * the features are written (numberMatched, the next link), as JSON members have no order.
   */
  public long end(Map<String, Object> members) throws IOException {
    out.write("],\"numberReturned\":");
    out.write(Long.toString(written));
    writeMembers(out, members);
    out.write("}\n");
    out.flush();
    return written;
  }

  private static void writeMembers(Writer out, Map<String, Object> members) throws IOException {
    for (Map.Entry<String, Object> m : members.entrySet()) {
      out.write(',');
      out.write(quote(m.getKey()));
      out.write(':');
      out.write(JSON.writeValueAsString(m.getValue()));
    }
  }

  /** One Feature object, for the single-item endpoint and for collections alike. */
  public static void writeFeature(Writer out, String id, String geometryJson, String propertiesJson)
      throws IOException {
    out.write("{\"type\":\"Feature\",\"id\":");
    out.write(quote(id));
    out.write(",\"geometry\":");
    out.write(geometryJson);
    out.write(",\"properties\":");
    out.write(propertiesJson == null ? "{}" : propertiesJson);
    out.write('}');
  }

  private static String quote(String s) {
    return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
  }
}
