package org.sahelmap.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.sahelmap.build.LayerBuilder;
import org.sahelmap.geo.Geo;
import org.sahelmap.geo.Geodesy;
import org.sahelmap.geo.Projections;
import org.sahelmap.store.FeatureRecord;
import org.sahelmap.store.LayerData;

/**
 * Computed figures against independent references (../shared/design/GEOGRAPHY.md: CIA World
 * Factbook, Wikipedia, GeoNames). Each tolerance says why it is what it is.
 */
class LayerFiguresTest {
  static Map<String, LayerData> layers;
  static Basis basis;

  @BeforeAll
  static void compute() {
    Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    basis = new Basis(SourceFiles.classpath());
    layers = new java.util.LinkedHashMap<>();
    for (LayerData l : new LayerBuilder(SourceFiles.classpath(), clock).compute()) {
      layers.put(l.layer().id(), l);
    }
  }

  static FeatureRecord feature(String layer, String id) {
    return layers.get(layer).features().stream()
        .filter(f -> f.id().equals(id))
        .findFirst()
        .orElseThrow();
  }

  static double number(FeatureRecord f, String key) {
    return ((Number) f.properties().get(key)).doubleValue();
  }

  @Test
  void everyMissionAndContextLayerIsBuiltWithItsMethodAndSources() {
    assertThat(layers.keySet()).containsExactlyElementsOf(LayerBuilder.LAYER_IDS);
    assertThat(LayerBuilder.LAYER_IDS)
        .contains(
            "aes-territory",
            "algeria-border",
            "algeria-border-zone",
            "kidal",
            "gao-intahaka",
            "tinzaouaten",
            "countries",
            "mali-regions",
            "rivers",
            "lakes",
            "places",
            "events");
    for (LayerData l : layers.values()) {
      assertThat(l.layer().metadata()).containsKeys("sources", "method");
      if (!l.layer().id().equals("events")) {
        assertThat(l.layer().computedAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
      }
      for (FeatureRecord f : l.features()) {
        assertThat(f.geometry().isValid()).as(l.layer().id() + "/" + f.id()).isTrue();
        assertThat(f.geometry().getEnvelopeInternal().getMinX()).isBetween(-180.0, 180.0);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"MLI", "DZA", "NER", "BFA"})
  void theMissionCountriesAreValidPolygonsAsExtracted(String iso3) {
    // Simplification can fold an outline over itself (Niger's did, by Benin); the build cuts the
    // folds off (scripts/data/geometry.mjs). The border is derived from the raw outlines, so
    // these four must be valid as the file has them, before any repair.
    Geometry country = basis.country(iso3);
    assertThat(new IsValidOp(country).getValidationError()).isNull();
  }

  @Test
  void malisAreaMatchesTheFactbook() {
    // Factbook 1,240,192 km²; generalised Natural Earth outlines differ by about 1%: ±2%.
    assertThat(Projections.areaKm2(basis.mali)).isCloseTo(1_240_192, within(0.02 * 1_240_192));
  }

  @Test
  void aesAreaMatchesTheSumOfTheMembers() {
    FeatureRecord aes = feature("aes-territory", "aes");
    // Reference: 1,240,192 + 1,267,000 + 274,200 = 2,781,392 km² (Factbook). Niger's official
    // figure is about 7% above what any boundary dataset measures for it (Natural Earth gives
    // ~1.18 M km²), which alone pulls the union 2.8% low; ±4% covers that and the generalisation.
    assertThat(number(aes, "area_km2")).isCloseTo(2_781_392, within(0.04 * 2_781_392));
    // The union loses nothing of the three members (they share borders, no overlap): ±0.1%.
    @SuppressWarnings("unchecked")
    Map<String, Number> members = (Map<String, Number>) aes.properties().get("member_areas_km2");
    double sum = members.values().stream().mapToDouble(Number::doubleValue).sum();
    assertThat(number(aes, "area_km2")).isCloseTo(sum, within(0.001 * sum));
    assertThat(aes.properties().get("members")).isEqualTo(List.of("Mali", "Burkina Faso", "Niger"));
  }

  @Test
  void borderLengthMatchesReferences() {
    double km = number(feature("algeria-border", "mali-algeria"), "length_km");
    // Factbook 1,359 km. GEOGRAPHY.md allows ±10% for generalised data; OpenStreetMap's line,
    // simplified for the map, is within 2% of it (Natural Earth's was 7% short, at 1,267 km).
    assertThat(km).isCloseTo(1359, within(0.02 * 1359));
    // scripts/data/check-extracts.py measures the shared vertices of countries.geojson on its own
    // (haversine, Python): 1,347 km. ±1% pins our geodesic length to that independent figure.
    assertThat(km).isCloseTo(1347, within(13.5));
    assertThat(feature("algeria-border", "mali-algeria").geometry().getGeometryType())
        .isEqualTo("LineString");
  }

  @ParameterizedTest(name = "{0} → {3}: {6} km")
  @CsvSource({
    // from, lat, lon, to, lat, lon, reference km, tolerance km
    "Kidal, 18.44111, 1.40722, Gao, 16.27167, -0.04472, 285, 2",
    "Kidal, 18.44111, 1.40722, Tinzaouaten, 19.9628, 2.8828, 229, 2",
    "Tinzaouaten, 19.9628, 2.8828, Tin Zaouatine, 19.9536, 2.9700, 9, 1",
  })
  void geodesicDistancesMatchReferences(
      String a,
      double latA,
      double lonA,
      String b,
      double latB,
      double lonB,
      double km,
      double tol) {
    // References are rounded to the km (the last to "about 9"): tolerances cover that rounding.
    assertThat(Geodesy.distanceKm(lonA, latA, lonB, latB)).isCloseTo(km, within(tol));
  }

  @Test
  void kidalTownLiesInKidalRegionAndTheFortAreaAroundIt() {
    Geometry region = feature("kidal", "kidal-region").geometry();
    Point town = (Point) feature("kidal", "kidal-town").geometry();
    assertThat(region.contains(town)).isTrue();
    assertThat(feature("kidal", "kidal-fort").geometry().contains(town)).isTrue();
    // 2 km circle: π·2² = 12.57 km²; a 32-segment quadrant polygon is 0.2% smaller.
    assertThat(Projections.areaKm2(feature("kidal", "kidal-fort").geometry()))
        .isCloseTo(Math.PI * 4, within(0.1));
  }

  @Test
  void borderZoneBandsLieInMaliAtTheirDistances() {
    List<FeatureRecord> bands = layers.get("algeria-border-zone").features();
    assertThat(bands)
        .extracting(FeatureRecord::id)
        .containsExactly("band-0-25", "band-25-50", "band-50-100");
    for (FeatureRecord band : bands) {
      // Inside Mali: what sticks out is float noise only (< 0.01 km²).
      assertThat(Projections.areaKm2(band.geometry().difference(basis.mali))).isLessThan(0.01);
      double max = number(band, "band_max_km");
      double min = number(band, "band_min_km");
      // Every vertex of the band lies between its distances from the border, measured
      // independently of the buffer (geodesic distance from the vertex): ±1% for projection scale.
      for (Coordinate c : band.geometry().getCoordinates()) {
        double d = Geodesy.distanceKm(Geo.point(c.x, c.y), basis.border);
        assertThat(d).isBetween(min * 0.99 - 0.05, max * 1.01 + 0.05);
      }
    }
    // The bands do not overlap.
    assertThat(bands.get(0).geometry().intersection(bands.get(1).geometry()).getArea())
        .isLessThan(1e-8);
  }

  @Test
  void intahakaAreaSpansTheReportedPositions() {
    Geometry site = feature("gao-intahaka", "intahaka-site").geometry();
    Point gao = (Point) feature("gao-intahaka", "gao-town").geometry();
    // 2020 press: about 50 km SW of Gao; 2024: about 80 km SW near N'Tillit; I-n-Tillit itself.
    Coordinate report2020 = Geodesy.destination(gao.getX(), gao.getY(), 225, 50);
    Coordinate report2024 = Geodesy.destination(gao.getX(), gao.getY(), 225, 80);
    assertThat(site.contains(Geo.point(report2020.x, report2020.y))).isTrue();
    assertThat(site.contains(Geo.point(report2024.x, report2024.y))).isTrue();
    assertThat(site.contains(basis.place("mli-i-n-tillit"))).isTrue();
    assertThat(site.contains(gao)).isFalse();
    double toCentre = number(feature("gao-intahaka", "intahaka-site"), "distance_from_gao_km");
    assertThat(toCentre).isBetween(50.0, 92.0);
  }

  @Test
  void tinzaouatenDataTrapIsPinnedAndShown() {
    FeatureRecord town = feature("tinzaouaten", "tinzaouaten-town");
    // GEOGRAPHY.md: the town (19.9628 N, 2.8828 E) is in Mali and Tin Zaouatine (19.9536 N,
    // 2.9700 E) in Algeria, across the wadi the border follows. Natural Earth put the town 1–2 km
    // inside Algeria; the OpenStreetMap border drawn now must put each town on its own side.
    Point published = Geo.point(2.8828, 19.9628);
    assertThat(town.geometry().equalsExact(published, 1e-9)).isTrue();
    assertThat(basis.mali.contains(published)).isTrue();
    assertThat(basis.algeria.contains(published)).isFalse();
    Point algerianTown = Geo.point(2.9700, 19.9536);
    assertThat(basis.algeria.contains(algerianTown)).isTrue();
    assertThat(basis.mali.contains(algerianTown)).isFalse();
    // The border runs between them, near the town (it lies by the wadi): under 2 km from it.
    assertThat(Geodesy.distanceKm(published, basis.border)).isBetween(0.05, 2.0);
    assertThat(town.properties().get("side_of_border_in_data")).isEqualTo("Mali");
    assertThat(number(town, "distance_to_border_km")).isBetween(0.05, 2.0);
    assertThat(town.properties().get("note").toString()).contains("lies in Mali");
    assertThat(number(town, "distance_to_tin_zaouatine_km")).isCloseTo(9, within(1.0));
  }

  @Test
  void theNamedRiversPassTheTownsOnTheirBanks() {
    // The source names no river; the build names two. GeoNames' towns (places.geojson, not Natural
    // Earth) sit on their banks: within 15 km of the line, as the 1:50m line is ≈ 1 km coarse and a
    // town's point is its centre, not its waterfront (Gao's is 12.6 km from it).
    Geometry niger = namedRiver("Niger");
    for (String town :
        List.of("mli-bamako", "mli-segou", "mli-mopti", "mli-gao", "mli-ansongo", "ner-niamey")) {
      assertThat(Geodesy.distanceKm(basis.place(town), niger)).as(town).isLessThan(15);
    }
    Geometry senegal = namedRiver("Senegal");
    assertThat(Geodesy.distanceKm(basis.place("mli-kayes"), senegal)).isLessThan(10);
    // It reaches the Atlantic at Saint-Louis (16.5 W); the Niger's water never comes west of Mali.
    assertThat(senegal.getEnvelopeInternal().getMinX()).isLessThan(-16.3);
    assertThat(Geodesy.distanceKm(basis.place("mli-kayes"), niger)).isGreaterThan(100);
    assertThat(
            layers.get("rivers").features().stream()
                .filter(f -> f.properties().containsKey("name")))
        .hasSize(2);
  }

  static Geometry namedRiver(String name) {
    return layers.get("rivers").features().stream()
        .filter(f -> name.equals(f.properties().get("name")))
        .map(FeatureRecord::geometry)
        .reduce(Geometry::union)
        .orElseThrow();
  }
}
