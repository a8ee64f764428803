package org.sahelmap.briefing;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.sahelmap.config.DatabaseUrl;
import org.sahelmap.store.Database;
import org.sahelmap.testing.NeedsDatabase;
import org.sahelmap.testing.TestDatabase;

/** Writes run on their own connection alone: a pool of one is enough for every write. */
@NeedsDatabase
class BriefingStoreTest {
  @Test
  void deleteReadsTheBriefingOnItsOwnTransactionsConnection() {
    try (Database db = TestDatabase.fresh();
        HikariDataSource one = poolOfOne(TestDatabase.url())) {
      BriefingStore store = new BriefingStore(one, Clock.systemUTC());
      StoredBriefing saved = store.create(DefaultBriefing.read(), "t");
      // A second pooled connection inside the transaction would time out here.
      StoredBriefing deleted = store.delete(saved.briefing().id(), saved.version(), "t");
      assertThat(deleted.deleted()).isTrue();
      assertThat(deleted.version()).isEqualTo(saved.version() + 1);
      assertThat(store.find(saved.briefing().id()).orElseThrow().deleted()).isTrue();
    }
  }

  private static HikariDataSource poolOfOne(DatabaseUrl url) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url.jdbcUrl());
    config.setUsername(url.user());
    config.setPassword(url.password());
    config.setMaximumPoolSize(1);
    config.setConnectionTimeout(1_000);
    return new HikariDataSource(config);
  }
}
