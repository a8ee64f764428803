package org.sahelmap.aoi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sahelmap.aoi.AoiJson.box;
import static org.sahelmap.aoi.AoiJson.feature;
import static org.sahelmap.aoi.AoiJson.parse;
import static org.sahelmap.aoi.AoiJson.polygon;
import static org.sahelmap.aoi.AoiJson.ring;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every validation rule, in JTS alone: what is refused, with which code and words. */
class AoiValidatorTest {

  @Test
  void acceptsPolygonAndKeepsTextAsGiven() {
    ObjectNode f = feature("<b>Kidal & co</b>", box(1, 18, 2, 19));
    ((ObjectNode) f.get("properties")).put("notes", "line 1\n<script>x</script>");
    ((ObjectNode) f.get("properties")).putArray("tags").add("north").add("fort");
    AoiDraft d = AoiValidator.validate(f, false);
    assertThat(d.name()).isEqualTo("<b>Kidal & co</b>");
    assertThat(d.notes()).isEqualTo("line 1\n<script>x</script>");
    assertThat(d.tags()).containsExactly("north", "fort");
    assertThat(d.geometry().getGeometryType()).isEqualTo("Polygon");
    assertThat(d.repaired()).isFalse();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"type\":\"Point\",\"coordinates\":[1,2]}|InvalidGeometry|'Point' is not accepted",
        "{\"type\":\"LineString\",\"coordinates\":[[1,2],[3,4]]}|InvalidGeometry|Polygon or a MultiPolygon",
        "{\"type\":\"Polygon\",\"coordinates\":[[[181,0],[182,0],[182,1],[181,0]]]}|CoordinateOutOfRange|(181, 0)",
        "{\"type\":\"Polygon\",\"coordinates\":[[[1,95],[2,95],[2,96],[1,95]]]}|CoordinateOutOfRange|latitude within -90..90",
        "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,1]]]}|RingNotClosed|starts at (0, 0) but ends at (0, 1)",
        "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[0,0]]]}|InvalidGeometry|at least 4",
        "{\"type\":\"Polygon\",\"coordinates\":[]}|InvalidGeometry|no rings",
        "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[\"1\",0],[1,1],[0,0]]]}|InvalidGeometry|position 2",
        "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[2,2],[2,0],[0,2],[0,0]]]}|InvalidGeometry|Self-intersection at (1, 1)",
      })
  void refusesGeometriesWithReasons(String geometry, String code, String words) {
    assertThatThrownBy(() -> AoiValidator.validate(feature("x", parse(geometry)), false))
        .isInstanceOfSatisfying(AoiProblem.class, p -> assertThat(p.code()).isEqualTo(code))
        .hasMessageContaining(words);
  }

  @Test
  void selfIntersectionCarriesItsLocationAndIsRepairedOnRequest() {
    ObjectNode bowtie = polygon(ring(0, 0, 2, 2, 2, 0, 0, 2));
    assertThatThrownBy(() -> AoiValidator.validate(feature("bowtie", bowtie), false))
        .isInstanceOfSatisfying(
            AoiProblem.class, p -> assertThat(p.location()).containsExactly(1.0, 1.0))
        .hasMessageContaining("repair=true");
    AoiDraft fixed = AoiValidator.validate(feature("bowtie", bowtie), true);
    assertThat(fixed.repaired()).isTrue();
    assertThat(fixed.geometry().isValid()).isTrue();
    assertThat(fixed.geometry().getGeometryType()).isEqualTo("MultiPolygon");
    assertThat(fixed.geometry().getArea()).isEqualTo(2.0);
  }

  @Test
  void vertexLimit() {
    ArrayNode big = AoiJson.JSON.createArrayNode();
    int n = AoiValidator.MAX_VERTICES; // plus the closing one: one over the limit
    for (int i = 0; i < n; i++) {
      double a = 2 * Math.PI * i / n;
      big.add(AoiJson.JSON.createArrayNode().add(Math.cos(a)).add(Math.sin(a)));
    }
    big.add(big.get(0).deepCopy());
    assertThatThrownBy(() -> AoiValidator.validate(feature("big", polygon(big)), false))
        .isInstanceOfSatisfying(
            AoiProblem.class, p -> assertThat(p.code()).isEqualTo("TooManyVertices"))
        .hasMessageContaining("10001 vertices; at most 10000");
    big.remove(n - 1);
    assertThat(
            AoiValidator.validate(feature("fits", polygon(big)), false).geometry().getNumPoints())
        .isEqualTo(10_000);
  }

  @Test
  void propertyLimits() {
    assertRefused(props(f -> f.remove("name")), "property 'name' is required");
    assertRefused(props(f -> f.put("name", "   ")), "must not be blank");
    assertRefused(props(f -> f.put("name", "")), "0 characters; 1 to 200");
    assertRefused(props(f -> f.put("name", "n".repeat(201))), "201 characters; 1 to 200");
    assertRefused(props(f -> f.put("name", 7)), "'name' must be a string");
    assertRefused(props(f -> f.put("notes", "n".repeat(5001))), "at most 5000");
    assertRefused(props(f -> f.put("name", "a\u0000b")), "NUL");
    assertRefused(
        props(
            f -> {
              ArrayNode tags = f.putArray("tags");
              for (int i = 0; i < 21; i++) {
                tags.add("t" + i);
              }
            }),
        "21 tags; at most 20");
    assertRefused(props(f -> f.putArray("tags").add("t".repeat(51))), "tags are 1 to 50");
    assertRefused(props(f -> f.put("tags", "one")), "array of strings");
    assertRefused(props(f -> f.put("radius_m", -5)), "radius_m");
    // Within limits: names of exactly 200 characters (counted as characters, not UTF-16 units).
    assertThat(AoiValidator.validate(props(f -> f.put("name", "é".repeat(200))), false).name())
        .hasSize(200);
    assertThat(
            AoiValidator.validate(props(f -> f.put("name", "\uD83D\uDDFA".repeat(200))), false)
                .name())
        .hasSize(400);
  }

  @Test
  void notAFeature() {
    assertThatThrownBy(() -> AoiValidator.validate(box(0, 0, 1, 1), false))
        .isInstanceOfSatisfying(
            AoiProblem.class, p -> assertThat(p.code()).isEqualTo("NotAFeature"));
  }

  private static ObjectNode props(java.util.function.Consumer<ObjectNode> change) {
    ObjectNode f = feature("ok", box(0, 0, 1, 1));
    change.accept((ObjectNode) f.get("properties"));
    return f;
  }

  private static void assertRefused(ObjectNode f, String words) {
    assertThatThrownBy(() -> AoiValidator.validate(f, false))
        .isInstanceOf(AoiProblem.class)
        .hasMessageContaining(words);
  }
}
