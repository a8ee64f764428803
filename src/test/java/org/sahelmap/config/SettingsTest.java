package org.sahelmap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sahelmap.testing.NeedsDatabase;

@NeedsDatabase
class SettingsTest {

  @Test
  void optionBeatsEnvironmentBeatsDefault() {
    Map<String, String> env = Map.of("SAHEL_PORT", "9000");
    assertThat(Settings.from(List.of(), k -> null).port()).isEqualTo(8080);
    assertThat(Settings.from(List.of(), env::get).port()).isEqualTo(9000);
    assertThat(Settings.from(List.of("--port", "9100"), env::get).port()).isEqualTo(9100);
    assertThat(Settings.from(List.of("--port=9200"), env::get).port()).isEqualTo(9200);
  }

  @Test
  void unknownOptionsAndBadValuesAreUsageErrors() {
    assertThatThrownBy(() -> Settings.from(List.of("--colour", "red"), k -> null))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("--colour");
    assertThatThrownBy(() -> Settings.from(List.of("--port"), k -> null))
        .isInstanceOf(UsageException.class);
    assertThatThrownBy(() -> Settings.from(List.of("--port", "eighty"), k -> null).port())
        .isInstanceOf(UsageException.class);
  }

  @Test
  void helpListsEverySettingWithItsDefault() {
    String help = Settings.describeAll();
    for (Setting s : Settings.ALL) {
      assertThat(help).contains(s.option()).contains(s.envVar());
    }
  }

  @Test
  void databaseUrlBecomesJdbc() {
    DatabaseUrl u =
        DatabaseUrl.parse("postgresql://ana:p%40ss@db.example:6543/maps?sslmode=require");
    assertThat(u.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:6543/maps?sslmode=require");
    assertThat(u.user()).isEqualTo("ana");
    assertThat(u.password()).isEqualTo("p@ss");
    assertThat(u.describe()).doesNotContain("p@ss");
    assertThatThrownBy(() -> DatabaseUrl.parse("mysql://x/y")).isInstanceOf(UsageException.class);
  }
}
