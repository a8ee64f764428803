package org.sahelmap.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.time.temporal.TemporalAccessor;

/**
 * The one JSON codec configuration. Every reader and writer of JSON in the server uses {@link
 * #MAPPER} (or {@link #STRICT} for request bodies), so a setting is made once and holds everywhere.
 * An ObjectMapper is thread-safe once configured; neither is changed after this class loads.
 */
public final class Json {
  /**
   * Writes java.time values (a source's dates) as ISO 8601 text, as RFC 7946 readers expect,
   * instead of failing as a bare ObjectMapper does without the JSR-310 module; leaves the writer it
   * streams to open, since callers write around it (a feature inside a collection, a newline).
   */
  public static final ObjectMapper MAPPER =
      new ObjectMapper()
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
          .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
          .registerModule(
              new SimpleModule("iso-8601")
                  .addSerializer(TemporalAccessor.class, ToStringSerializer.instance));

  /**
   * For what clients send: a repeated member or anything after the value is an error rather than
   * silently the last one wins or ignored.
   */
  public static final ObjectMapper STRICT =
      MAPPER
          .copy()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private Json() {}
}
