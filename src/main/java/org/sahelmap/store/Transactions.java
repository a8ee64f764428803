package org.sahelmap.store;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * One transaction on one pooled connection, for the versioned stores (AOIs, briefings): everything
 * a write reads, locks and writes goes through the connection it is given, so it is all one
 * snapshot under one lock, and it is committed only if the work returns.
 */
public final class Transactions {
  /** The work of one transaction, on its connection. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private Transactions() {}

  /**
   * Runs {@code work} in a transaction: committed when it returns, rolled back when it throws (its
   * own exceptions, e.g. a version conflict, pass through unchanged). A database failure becomes a
   * {@link StoreException} saying what was being done ({@code doing}, e.g. "saving a briefing").
   */
  public static <T> T inTransaction(DataSource dataSource, String doing, Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException(doing, e);
    }
  }
}
