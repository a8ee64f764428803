package org.sahelmap.store;

import org.sahelmap.testing.InMemoryFeatureStore;

/** The in-memory store the fast handler tests use keeps the contract PostGIS keeps. */
class InMemoryFeatureStoreTest extends FeatureStoreContract {
  @Override
  FeatureStore emptyStore() {
    return new InMemoryFeatureStore();
  }
}
