package org.sahelmap.store;

import org.junit.jupiter.api.AfterAll;
import org.sahelmap.testing.NeedsDatabase;
import org.sahelmap.testing.TestDatabase;

/** The contract, held by the store the server runs on. */
@NeedsDatabase
class PostgisFeatureStoreContractTest extends FeatureStoreContract {
  private Database db;

  @Override
  FeatureStore emptyStore() {
    db = TestDatabase.fresh();
    return new PostgisFeatureStore(db.dataSource());
  }

  @AfterAll
  void close() {
    db.close();
  }
}
