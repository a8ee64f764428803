package org.sahelmap.testing;

import java.nio.file.Path;
import java.time.Clock;
import org.sahelmap.briefing.BriefingStore;
import org.sahelmap.briefing.DefaultBriefing;
import org.sahelmap.build.LayerBuilder;
import org.sahelmap.layers.SourceFiles;
import org.sahelmap.store.Database;
import org.sahelmap.store.FeatureStore;
import org.sahelmap.store.PostgisFeatureStore;

/**
 * Front-end fixture: every layer exactly as build-layers computes it (mission, context and the
 * curated events). Run {@link #main} to fill the test database for serving the map by hand.
 */
public final class DevData {
  private DevData() {}

  public static void main(String[] args) {
    try (Database db = Database.open(TestDatabase.url())) {
      load(db);
    }
  }

  public static Path repoRoot() {
    return Path.of(System.getProperty("sahel.repoRoot", ".")).toAbsolutePath().normalize();
  }

  /** The source documents, next to the repository as in CI: ../shared/documents. */
  public static Path documentsDir() {
    return repoRoot().resolveSibling("shared").resolve("documents");
  }

  public static void load(FeatureStore store) {
    new LayerBuilder(SourceFiles.classpath(), Clock.systemUTC()).buildInto(store);
  }

  /** Every layer and the default briefing, as {@code serve} has them on a first start. */
  public static void load(Database db) {
    load(new PostgisFeatureStore(db.dataSource()));
    DefaultBriefing.ensure(new BriefingStore(db.dataSource(), Clock.systemUTC()));
  }
}
