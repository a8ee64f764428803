package org.sahelmap.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * A write of many features into one layer as one transaction (from {@link
 * FeatureStore#openUpsert}). Features are matched on id: an existing feature is updated, never
 * duplicated. Nothing is visible to readers until {@link #commit}; closing without it writes
 * nothing.
 */
public interface BulkUpsert extends AutoCloseable {

  /**
   * Adds one feature; {@code line} says where it came from (e.g. its line in a file) and orders the
   * duplicates. Features are written in the order they are added.
   */
  void add(long line, FeatureRecord feature);

  /** Features added so far. */
  long added();

  /**
   * Ids added more than once: the first {@code limit} repeats in line order, and how many there are
   * in all. A commit with any is refused, since which of them should win is not known.
   */
  Duplicates duplicates(int limit);

  /**
   * Writes every added feature, creating the layer with the base's features first if it does not
   * exist yet, bumps the layer's {@code updated_at} (so ETags change) and commits. Returns how many
   * features were written.
   */
  long commit();

  /**
   * As {@link #commit()}, with {@code alsoInTransaction} run on the write's own connection after
   * the features are written and before the commit: what it writes commits or rolls back with them
   * (a reviewer's decision on the candidate an event came from). It may throw to roll everything
   * back.
   */
  long commit(Step alsoInTransaction);

  /**
   * One feature of the layer as it is inside this write, with the layer locked as {@link #commit}
   * locks it, so no other writer of the layer changes the feature before this write ends (a merge
   * reads an event, adds to it and writes it back). Coordinates at full precision.
   */
  Optional<FeatureStore.StoredFeature> lockFeature(String id);

  /** Work on the bulk write's connection, inside its transaction. */
  interface Step {
    void run(Connection connection) throws SQLException;
  }

  /** Ends the transaction, rolling it back unless committed. */
  @Override
  void close();

  record Duplicate(String id, long line, long firstLine) {}

  record Duplicates(List<Duplicate> first, long count) {
    public Duplicates {
      first = List.copyOf(first);
    }
  }
}
