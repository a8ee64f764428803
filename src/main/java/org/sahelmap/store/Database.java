package org.sahelmap.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.sahelmap.config.DatabaseUrl;

/**
 * The connection pool and the schema. Opening it applies pending migrations, so a server never runs
 * against a schema older than its code; migrating an up-to-date database changes nothing.
 */
public final class Database implements AutoCloseable {

  private final HikariDataSource dataSource;
  private final DatabaseUrl url;

  private Database(HikariDataSource dataSource, DatabaseUrl url) {
    this.dataSource = dataSource;
    this.url = url;
  }

  /**
   * Connects and migrates. Throws {@link DatabaseUnavailableException} with a one-line reason when
   * the database cannot be reached.
   */
  public static Database open(DatabaseUrl url) {
    return open(url, false);
  }

  /**
   * Milliseconds a request waits for a pooled connection while serving: when the database is away,
   * every request answers 503 this quickly instead of after Hikari's 30 s (or our old 5 s).
   */
  public static final int SERVING_CONNECTION_TIMEOUT_MS = 1_000;

  /** Longest a served statement may run, and longest it may wait for a row lock. */
  public static final String SERVING_STATEMENT_TIMEOUT = "30s";

  public static final String SERVING_LOCK_TIMEOUT = "3s";

  /**
   * The pool for {@code serve}: as {@link #open}, plus timeouts, so no request hangs on a lost
   * database or drains the pool behind a row lock (it gets a 503 with Retry-After instead).
   * Commands (build-layers, import-events) keep no statement timeout: their one big statement may
   * rightly run for minutes.
   */
  public static Database openForServing(DatabaseUrl url) {
    return open(url, true);
  }

  private static Database open(DatabaseUrl url, boolean serving) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url.jdbcUrl());
    if (url.user() != null) {
      config.setUsername(url.user());
    }
    if (url.password() != null) {
      config.setPassword(url.password());
    }
    config.setMaximumPoolSize(8);
    config.setPoolName("sahel-map");
    // Fail at once rather than retrying for 30 s when the database is not there at start.
    config.setInitializationFailTimeout(1);
    config.setConnectionTimeout(serving ? SERVING_CONNECTION_TIMEOUT_MS : 5_000);
    // Lost connections are found on use and replaced; a short validation keeps that quick.
    config.setValidationTimeout(500);
    // PostGIS functions carry high cost estimates, so a page over a large box crosses
    // jit_above_cost and spends most of a second compiling a query that runs in milliseconds.
    // The same estimates start parallel workers for a page: with 16 clients on 2 cores their
    // start-up and Gather cost more than they save (a 100-feature page: 106 ms with a worker,
    // 5 ms without, EXPLAIN ANALYZE under load). Plans stay custom (made for the bound bbox),
    // since a generic plan cannot tell a box of 50 matches from one of 50,000.
    config.setConnectionInitSql(
        "SET jit = off; SET max_parallel_workers_per_gather = 0;"
            + " SET plan_cache_mode = force_custom_plan"
            + (serving
                ? "; SET statement_timeout = '"
                    + SERVING_STATEMENT_TIMEOUT
                    + "'; SET lock_timeout = '"
                    + SERVING_LOCK_TIMEOUT
                    + "'"
                : ""));
    HikariDataSource ds;
    try {
      ds = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new DatabaseUnavailableException(url, rootMessage(e));
    }
    try {
      Flyway.configure()
          .dataSource(ds)
          .locations("classpath:db/migration")
          .failOnMissingLocations(true)
          .load()
          .migrate();
    } catch (RuntimeException e) {
      ds.close();
      throw new DatabaseUnavailableException(url, "migration failed: " + rootMessage(e));
    }
    return new Database(ds, url);
  }

  public DataSource dataSource() {
    return dataSource;
  }

  public Connection connection() throws SQLException {
    return dataSource.getConnection();
  }

  /**
   * A connection of its own, outside the pool, for a session that lives as long as the server
   * (LISTEN for the change feed): it would otherwise hold one of the pool's few connections for
   * good. Named, so an operator sees it in pg_stat_activity.
   */
  public Connection dedicatedConnection(String applicationName) throws SQLException {
    java.util.Properties p = new java.util.Properties();
    if (url.user() != null) {
      p.setProperty("user", url.user());
    }
    if (url.password() != null) {
      p.setProperty("password", url.password());
    }
    p.setProperty("ApplicationName", applicationName);
    p.setProperty("connectTimeout", "2");
    // Keepalives notice a link that died silently, so the feed reconnects instead of waiting.
    p.setProperty("tcpKeepAlive", "true");
    return java.sql.DriverManager.getConnection(url.jdbcUrl(), p);
  }

  /**
   * Versions of PostgreSQL and PostGIS, for the health endpoint. Throws when the database is down.
   */
  public Health health() throws SQLException {
    try (Connection c = connection();
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery("SELECT current_setting('server_version'), postgis_lib_version()")) {
      rs.next();
      return new Health(rs.getString(1), rs.getString(2));
    }
  }

  public record Health(String postgresVersion, String postgisVersion) {}

  @Override
  public void close() {
    dataSource.close();
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String m = t.getMessage();
    return m == null ? t.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
  }
}
