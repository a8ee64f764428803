package org.sahelmap.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sahelmap.config.UsageException;
import org.sahelmap.errors.Refusal;
import org.sahelmap.store.Database;
import org.sahelmap.testing.NeedsDatabase;
import org.sahelmap.testing.TestDatabase;

/** The {@code user} and {@code token} commands against PostGIS, and the rate limit's windows. */
@NeedsDatabase
class AccountCommandsTest {
  static Database db;
  static AccountStore store;

  @BeforeAll
  static void open() {
    db = TestDatabase.fresh();
    store = new AccountStore(db.dataSource());
  }

  @AfterAll
  static void close() {
    db.close();
  }

  static String run(AccountCommands c, String stdin, String... args) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    c.user(
        List.of(args),
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8));
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void theFirstAdminComesFromTheCommandLineWithAPasswordFromStandardInput() throws Exception {
    AccountCommands c = new AccountCommands(store);
    assertThat(run(c, "a password from stdin\n", "add", "--role", "admin", "root"))
        .contains("added admin 'root'");
    AccountStore.Credentials root = store.credentials("root").orElseThrow();
    assertThat(root.role()).isEqualTo(Role.ADMIN);
    assertThat(root.passwordHash()).startsWith("$argon2id$").doesNotContain("stdin");
    assertThat(Passwords.matches("a password from stdin", root.passwordHash())).isTrue();
    assertThat(Passwords.matches("a password from stdiN", root.passwordHash())).isFalse();

    // Nothing on stdin: a password is made up and shown once, and it is the one stored.
    String made = run(c, "", "add", "--role", "analyst", "field.team");
    String password = made.lines().filter(l -> l.startsWith("password")).findFirst().orElseThrow();
    password = password.substring(password.indexOf(": ") + 2);
    assertThat(password).hasSize(20);
    assertThat(Passwords.matches(password, store.credentials("field.team").get().passwordHash()))
        .isTrue();

    assertThat(run(c, "", "list")).contains("root\tadmin").contains("field.team\tanalyst");
    assertThatThrownBy(() -> run(c, "short\n", "add", "shorty"))
        .isInstanceOf(Refusal.class)
        .hasMessageContaining("at least 10");
    assertThatThrownBy(() -> run(c, "a long password\n", "add", "root"))
        .isInstanceOf(Refusal.class)
        .hasMessageContaining("already");
    assertThatThrownBy(() -> run(c, "", "add", "--role", "boss", "x"))
        .isInstanceOf(Refusal.class)
        .hasMessageContaining("viewer, analyst, admin");
    assertThatThrownBy(() -> run(c, "", "add")).isInstanceOf(UsageException.class);
    assertThatThrownBy(() -> run(c, "", "remove", "root"))
        .as("the last admin stays")
        .isInstanceOf(Refusal.class)
        .hasMessageContaining("no enabled admin");

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new AccountCommands(store).token(List.of("add", "field.team", "QGIS"), new PrintStream(out));
    String token = out.toString(StandardCharsets.UTF_8).strip();
    assertThat(store.token(token).orElseThrow().name()).isEqualTo("field.team");
    assertThat(store.token(token + "x")).isEmpty();
  }

  @Test
  void aRateLimitCountsPerKeyAndForgetsWhenItsWindowEnds() {
    AtomicLong now = new AtomicLong(1_000_000);
    Clock clock =
        new Clock() {
          @Override
          public Instant instant() {
            return Instant.ofEpochMilli(now.get());
          }

          @Override
          public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }
        };
    RateLimit limit = new RateLimit(2, 60_000, clock);
    assertThat(limit.hit("a")).isZero();
    assertThat(limit.hit("a")).isZero();
    assertThat(limit.blocked("a")).isEqualTo(60);
    assertThat(limit.hit("a")).isEqualTo(60);
    assertThat(limit.hit("b")).as("another key has its own count").isZero();
    now.addAndGet(30_000);
    assertThat(limit.hit("a")).isEqualTo(30);
    now.addAndGet(30_000);
    assertThat(limit.hit("a")).as("a new window").isZero();
  }
}
