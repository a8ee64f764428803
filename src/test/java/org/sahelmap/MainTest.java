package org.sahelmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.sahelmap.testing.NeedsDatabase;
import org.sahelmap.testing.TestDatabase;

@NeedsDatabase
class MainTest {
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  int run(String... args) {
    return Main.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void unknownOptionPrintsUsageAndFails() {
    assertThat(run("serve", "--bogus")).isEqualTo(2);
    assertThat(err()).contains("unknown option: --bogus").contains("Usage:");
  }

  @Test
  void unknownCommandFails() {
    assertThat(run("launch")).isEqualTo(2);
    assertThat(err()).contains("unknown command: launch");
  }

  @Test
  void helpListsSettings() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("--port").contains("DATABASE_URL");
  }

  @Test
  void unreachableDatabaseIsOneClearLineAndNonZero() {
    assertThat(run("serve", "--database-url", "postgresql://u:p@127.0.0.1:1/none")).isEqualTo(1);
    assertThat(err().strip())
        .contains("DATABASE_URL")
        .contains("setup-postgis.sh")
        .doesNotContain("\tat ");
  }

  @Test
  void portInUseIsAClearMessage() throws Exception {
    try (ServerSocket taken = new ServerSocket(0)) {
      int code =
          run(
              "serve",
              "--port",
              Integer.toString(taken.getLocalPort()),
              "--database-url",
              TestDatabase.url()
                  .jdbcUrl()
                  .replaceFirst("^jdbc:postgresql:", "postgresql:")
                  .replaceFirst("//", "//sahel:sahel@"));
      assertThat(code).isEqualTo(1);
      assertThat(err()).contains("port " + taken.getLocalPort() + " is already in use");
    }
  }
}
