package org.sahelmap.events;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.sahelmap.config.DatabaseUrl;
import org.sahelmap.store.BulkUpsert;
import org.sahelmap.store.Database;
import org.sahelmap.store.FeatureRecord;
import org.sahelmap.store.Layer;
import org.sahelmap.store.LayerData;
import org.sahelmap.store.PostgisFeatureStore;

/**
 * Not a test: bench/import-bench.sh runs it. Times the ways 200,000 events can be written in one
 * transaction, into a layer of its own ({@code bench-import}, dropped at the end), first as new
 * features and then again as updates of the same ids:
 *
 * <ul>
 *   <li>JDBC batches of 500 INSERT ... ON CONFLICT (what {@code upsertFeatures} does);
 *   <li>the same with PgJDBC's {@code reWriteBatchedInserts=true} (multi-row INSERTs);
 *   <li>COPY into a staging table and one INSERT ... SELECT ... ON CONFLICT ({@link BulkUpsert});
 * </ul>
 *
 * then the whole import of a 200,000-row CSV file (read, check, stage, merge) in this JVM.
 * Arguments: DATABASE_URL (postgresql://...), rows.
 */
public final class ImportWriteBench {
  private static final String LAYER = "bench-import";

  private ImportWriteBench() {}

  public static void main(String[] args) throws Exception {
    String url = args[0];
    int rows = Integer.parseInt(args[1]);
    List<Event> curated = CuratedEvents.events();
    List<FeatureRecord> records = new ArrayList<>(rows);
    for (int i = 0; i < rows; i++) {
      records.add(EventFeatures.toRecord(EventRows.nth(curated, "bench", i)));
    }
    String rewrite = url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
    try (Database plain = Database.open(DatabaseUrl.parse(url));
        Database rewritten = Database.open(DatabaseUrl.parse(rewrite))) {
      PostgisFeatureStore store = new PostgisFeatureStore(plain.dataSource());
      PostgisFeatureStore rewriting = new PostgisFeatureStore(rewritten.dataSource());
      for (int round = 1; round <= 2; round++) {
        System.out.printf(Locale.ROOT, "round %d (%,d rows):%n", round, rows);
        time(plain, "JDBC batch, new", () -> store.upsertFeatures(LAYER, records), true);
        time(plain, "JDBC batch, update", () -> store.upsertFeatures(LAYER, records), false);
        time(
            plain,
            "JDBC batch + reWriteBatchedInserts, new",
            () -> rewriting.upsertFeatures(LAYER, records),
            true);
        time(
            plain,
            "JDBC batch + reWriteBatchedInserts, update",
            () -> rewriting.upsertFeatures(LAYER, records),
            false);
        time(plain, "COPY + staging, new", () -> copy(store, records), true);
        time(plain, "COPY + staging, update", () -> copy(store, records), false);
      }
      reset(plain, false);
      records.clear();

      Path file = Files.createTempFile("import-bench", ".csv");
      try {
        EventRows.write(file, "bench-file", rows, UnaryOperator.identity());
        EventImporter importer =
            new EventImporter(
                store, new DocumentStore(plain.dataSource()), CuratedEvents.documents());
        for (int round = 1; round <= 2; round++) {
          long t0 = System.nanoTime();
          EventImporter.Result r = importer.importFile(file);
          System.out.printf(
              Locale.ROOT,
              "whole import of %,d CSV rows (%s, in-process), round %d: %.1f s%n",
              rows,
              r.ok() ? r.imported() + " written" : r.problems(),
              round,
              (System.nanoTime() - t0) / 1e9);
        }
        try (Connection c = plain.connection();
            PreparedStatement ps =
                c.prepareStatement(
                    "DELETE FROM feature WHERE layer_id = 'events' AND id LIKE 'bench-file-%'")) {
          ps.executeUpdate();
        }
      } finally {
        Files.deleteIfExists(file);
      }
    }
  }

  private static void copy(PostgisFeatureStore store, List<FeatureRecord> records) {
    try (BulkUpsert upsert = store.openUpsert(new LayerData(layer(), List.of()))) {
      long line = 1;
      for (FeatureRecord r : records) {
        upsert.add(line++, r);
      }
      upsert.commit();
    }
  }

  private static void time(Database db, String name, Runnable write, boolean fresh)
      throws Exception {
    if (fresh) {
      reset(db, true);
    }
    long t0 = System.nanoTime();
    write.run();
    System.out.printf(Locale.ROOT, "  %-44s %6.1f s%n", name, (System.nanoTime() - t0) / 1e9);
  }

  /** Drops the bench layer (and its features); recreates it empty when asked. */
  private static void reset(Database db, boolean recreate) throws Exception {
    try (Connection c = db.connection();
        PreparedStatement del = c.prepareStatement("DELETE FROM layer WHERE id = ?")) {
      del.setString(1, LAYER);
      del.executeUpdate();
    }
    if (recreate) {
      new PostgisFeatureStore(db.dataSource())
          .replaceLayers(List.of(new LayerData(layer(), List.of())));
    }
  }

  private static Layer layer() {
    return new Layer(
        LAYER,
        "Import benchmark",
        "written and dropped by ImportWriteBench",
        "events",
        Map.of(),
        null,
        null,
        900);
  }
}
