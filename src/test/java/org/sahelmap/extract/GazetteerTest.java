package org.sahelmap.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GazetteerTest {
  private final Gazetteer g = Gazetteer.shipped();

  @Test
  void spellingsAndAccentsFindOnePlace() {
    for (String name :
        new String[] {"Tinzaouaten", "Tin Zaouatine", "Tinzawatène", "TINZAWATENE"}) {
      assertThat(g.find(name)).as(name).get().extracting(Place::name).isEqualTo("Tinzaouaten");
    }
    assertThat(g.find("N’Tahaka")).get().extracting(Place::name).isEqualTo("Intahaka gold site");
    assertThat(g.find("Intahaka")).get().extracting(Place::name).isEqualTo("Intahaka gold site");
    assertThat(g.find("Menaka")).get().extracting(Place::name).isEqualTo("Ménaka");
    assertThat(g.find("Kidal").orElseThrow().lat()).isEqualTo(18.44111);
  }

  @Test
  void mentionsAreWholeWordsWithTheirOffsets() {
    String text = "Fighting near Tinzawatène, not in Nigeria but in Burkina Faso.";
    var mentions = g.mentions(Fold.of(text), 0, text.length());
    assertThat(mentions)
        .extracting(m -> m.place().name())
        .containsExactly("Tinzaouaten", "Burkina Faso");
    var first = mentions.get(0).span();
    assertThat(text.substring(first.start(), first.end())).isEqualTo("Tinzawatène");
  }

  @Test
  void countriesStandAtTheirCapitals() {
    assertThat(g.capitalOf("MLI")).get().extracting(Place::name).isEqualTo("Bamako");
    assertThat(g.find("Mali").orElseThrow().lon()).isEqualTo(-7.97522);
  }
}
