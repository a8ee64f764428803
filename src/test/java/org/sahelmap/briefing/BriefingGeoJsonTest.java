package org.sahelmap.briefing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class BriefingGeoJsonTest {
  static final ObjectMapper JSON = new ObjectMapper();

  static JsonNode roundTripJson(Briefing b) throws Exception {
    return JSON.readTree(JSON.writeValueAsString(BriefingGeoJson.write(b)));
  }

  @Test
  void theDefaultBriefingTellsTheDocumentInSixToTenSlidesAndSurvivesTheRoundTrip()
      throws Exception {
    Briefing b = DefaultBriefing.read();
    assertThat(b.slides()).hasSizeBetween(6, 10);
    assertThat(b.slides()).allSatisfy(s -> assertThat(s.sources()).contains("para"));
    JsonNode file = roundTripJson(b);
    assertThat(file.path("features")).hasSize(b.slides().size());
    assertThat(file.path("briefing").path("format").asText()).isEqualTo(BriefingGeoJson.FORMAT);
    assertThat(BriefingGeoJson.read(file)).isEqualTo(b);
  }

  @Test
  void aSlidesGeometryIsItsViewAsACounterClockwisePolygon() throws Exception {
    Slide s =
        new Slide(
            "T", "", "", "", View.centre(2.5, 19.8, 8), List.of(), null, List.of(), List.of());
    JsonNode ring =
        roundTripJson(new Briefing("x", "X", "", List.of(s)))
            .at("/features/0/geometry/coordinates/0");
    assertThat(ring).hasSize(5);
    double w = ring.get(0).get(0).asDouble();
    double e = ring.get(1).get(0).asDouble();
    double south = ring.get(0).get(1).asDouble();
    double north = ring.get(2).get(1).asDouble();
    assertThat(w).isLessThan(2.5).isGreaterThan(-3);
    assertThat(e).isGreaterThan(2.5).isLessThan(8);
    assertThat(south).isLessThan(19.8);
    assertThat(north).isGreaterThan(19.8);
    // 1920 px at zoom 8 spans 1920 / (256 * 2^8) of 360 degrees.
    assertThat(e - w).isCloseTo(1920.0 / 65536 * 360, org.assertj.core.data.Offset.offset(1e-4));
  }

  @Test
  void aFeatureDrawnInAGisWithoutAViewTakesItsGeometrysBoundingBox() throws Exception {
    JsonNode fc =
        JSON.readTree(
            """
            {"type":"FeatureCollection","features":[{"type":"Feature","properties":
            {"title":"Drawn"},"geometry":{"type":"Polygon","coordinates":
            [[[0,15],[4,15],[4,21],[0,21],[0,15]]]}}]}""");
    Briefing b = BriefingGeoJson.read(fc);
    assertThat(b.name()).isEqualTo("Imported briefing");
    assertThat(b.slides().get(0).view().bbox()).containsExactly(0.0, 15.0, 4.0, 21.0);
  }

  @Test
  void badSlidesAreRefusedNamingTheField() throws Exception {
    String good = "{\"title\":\"t\",\"view\":{\"center\":[1,2],\"zoom\":5}}";
    assertThatThrownBy(() -> parse(good.replace("5}", "19}")))
        .hasMessageContaining("slides[0].view.zoom");
    assertThatThrownBy(() -> parse(good.replace("\"t\"", "\"" + "x".repeat(201) + "\"")))
        .hasMessageContaining("slides[0].title: at most 200");
    assertThatThrownBy(() -> parse(good.replace("[1,2]", "[200,2]")))
        .hasMessageContaining("longitude");
    assertThatThrownBy(() -> parse(good.replace("\"title\"", "\"titel\"")))
        .hasMessageContaining("slides[0].titel: unknown field");
    assertThatThrownBy(
            () -> parse(good.replace("}}", "},\"notes\":\"" + "n".repeat(10_001) + "\"}")))
        .hasMessageContaining("notes: at most 10000");
    String many = String.join(",", java.util.Collections.nCopies(101, good));
    assertThatThrownBy(
            () ->
                BriefingJson.briefing(JSON.readTree("{\"name\":\"n\",\"slides\":[" + many + "]}")))
        .hasMessageContaining("at most 100");
  }

  private static Briefing parse(String slide) throws Exception {
    return BriefingJson.briefing(JSON.readTree("{\"name\":\"n\",\"slides\":[" + slide + "]}"));
  }
}
