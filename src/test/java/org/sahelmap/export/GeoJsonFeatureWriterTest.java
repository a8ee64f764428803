package org.sahelmap.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sahelmap.json.Json;

/** Members around the copied geometry and properties are written by the generator, escaped. */
class GeoJsonFeatureWriterTest {
  @Test
  void aFeatureCarriesItsLinksAfterItsPropertiesAndAwkwardTextStaysValidJson() throws Exception {
    StringWriter out = new StringWriter();
    GeoJsonFeatureWriter.writeFeature(
        out,
        "a \"quoted\" id\n",
        "{\"type\":\"Point\",\"coordinates\":[1,2]}",
        "{\"name\":\"x\"}",
        Map.of("links", List.of(Map.of("href", "http://h/x?a=1&b=\"2\"", "rel", "self"))));
    JsonNode f = Json.MAPPER.readTree(out.toString());
    assertThat(f.get("id").asText()).isEqualTo("a \"quoted\" id\n");
    assertThat(f.get("geometry").get("coordinates").get(1).asInt()).isEqualTo(2);
    assertThat(f.get("links").get(0).get("href").asText()).isEqualTo("http://h/x?a=1&b=\"2\"");
    assertThat(out.toString()).startsWith("{\"type\":\"Feature\",\"id\":");
  }

  @Test
  void aCollectionStreamsItsFeaturesBetweenItsOwnMembers() throws Exception {
    StringWriter out = new StringWriter();
    GeoJsonFeatureWriter w = GeoJsonFeatureWriter.begin(out, Map.of("timeStamp", "t"));
    w.accept("a", "null", null);
    w.accept("b", "null", "{\"n\":1}");
    assertThat(w.end(Map.of("numberMatched", 2))).isEqualTo(2);
    JsonNode fc = Json.MAPPER.readTree(out.toString());
    assertThat(fc.get("features")).hasSize(2);
    assertThat(fc.get("features").get(0).get("properties").size()).isZero();
    assertThat(fc.get("numberReturned").asInt()).isEqualTo(2);
    assertThat(fc.get("numberMatched").asInt()).isEqualTo(2);
    assertThat(out.toString()).endsWith("}\n");
  }
}
