package org.sahelmap.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Accept headers read into media types, most wanted first; odd ones never throw. */
class FormatTest {
  @Test
  void typesComeInOrderOfWeightThenOfMention() {
    assertThat(Format.accepted("text/csv;q=0.5, application/json, text/html;q=0.9"))
        .containsExactly("application/json", "text/html", "text/csv");
    assertThat(Format.accepted("Text/CSV")).containsExactly("text/csv");
    assertThat(Format.accepted("text/csv;q=0, */*;q=0.1")).containsExactly("*/*");
  }

  @Test
  void malformedHeadersGiveWhatCanBeRead() {
    assertThat(Format.accepted(null)).isEmpty();
    assertThat(Format.accepted(";")).isEmpty();
    assertThat(Format.accepted(",;,")).isEmpty();
    assertThat(Format.accepted(";q=1")).isEmpty();
    assertThat(Format.accepted("text/csv;q=abc, application/json"))
        .containsExactly("application/json");
    assertThat(Format.accepted("text/csv;;q=")).isEmpty();
  }
}
