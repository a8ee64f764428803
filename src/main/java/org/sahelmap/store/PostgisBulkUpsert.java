package org.sahelmap.store;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.locationtech.jts.io.WKBWriter;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * {@link BulkUpsert} over PostGIS: features are COPYed in batches into a temporary staging table
 * and merged into {@code feature} by one {@code INSERT ... SELECT ... ON CONFLICT} at commit. COPY
 * was measured against JDBC batches (bench/README.md); the staging table also lets PostgreSQL find
 * repeated ids, so the caller needs no in-memory set of every id. All of it is one transaction on
 * one connection: the staging table drops itself at commit and vanishes with a rollback.
 */
final class PostgisBulkUpsert implements BulkUpsert {
  private static final String STAGING = "bulk_upsert_staging";

  /** Rows per COPY: a few megabytes of text, however large the whole write is. */
  private static final int BATCH_ROWS = 5_000;

  private static final String COPY_SQL =
      "COPY " + STAGING + " (line, id, properties, geom, t_start, t_end) FROM STDIN";

  private final Connection connection;
  private final CopyManager copy;
  private final LayerData base;
  private final WKBWriter wkb = new WKBWriter(2);
  private final StringBuilder batch = new StringBuilder();
  private int batchRows;
  private long added;
  private boolean done;

  private PostgisBulkUpsert(Connection connection, LayerData base) throws SQLException {
    this.connection = connection;
    this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
    this.base = base;
  }

  static PostgisBulkUpsert open(DataSource dataSource, LayerData base) {
    Connection c = null;
    try {
      c = dataSource.getConnection();
      c.setAutoCommit(false);
      try (Statement st = c.createStatement()) {
        st.execute(
            "CREATE TEMPORARY TABLE "
                + STAGING
                + " (line bigint NOT NULL, id text NOT NULL, properties jsonb NOT NULL,"
                + " geom geometry NOT NULL, t_start timestamptz, t_end timestamptz)"
                + " ON COMMIT DROP");
      }
      return new PostgisBulkUpsert(c, base);
    } catch (SQLException e) {
      closeQuietly(c);
      throw new StoreException("starting a bulk write of " + base.layer().id(), e);
    }
  }

  @Override
  public void add(long line, FeatureRecord f) {
    checkOpen();
    batch.append(line).append('\t');
    text(f.id());
    batch.append('\t');
    text(PostgisFeatureStore.writeJson(f.properties()));
    batch.append('\t').append(WKBWriter.toHex(wkb.write(f.geometry()))).append('\t');
    instant(f.start());
    batch.append('\t');
    instant(f.end());
    batch.append('\n');
    added++;
    if (++batchRows == BATCH_ROWS) {
      flush();
    }
  }

  @Override
  public long added() {
    return added;
  }

  @Override
  public Duplicates duplicates(int limit) {
    checkOpen();
    flush();
    String sql =
        "SELECT id, line, first_line, count(*) OVER () FROM (SELECT id, line,"
            + " min(line) OVER (PARTITION BY id) AS first_line FROM "
            + STAGING
            + ") s WHERE line > first_line ORDER BY line LIMIT ?";
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      ps.setInt(1, limit);
      List<Duplicate> first = new ArrayList<>();
      long count = 0;
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          first.add(new Duplicate(rs.getString(1), rs.getLong(2), rs.getLong(3)));
          count = rs.getLong(4);
        }
      }
      return new Duplicates(first, count);
    } catch (SQLException e) {
      throw new StoreException("looking for repeated ids", e);
    }
  }

  @Override
  public Optional<FeatureStore.StoredFeature> lockFeature(String id) {
    checkOpen();
    String sql =
        "SELECT id, ST_AsGeoJSON(geom, 15), properties::text FROM feature"
            + " WHERE layer_id = ? AND id = ? FOR UPDATE";
    try {
      if (!layerExists(base.layer().id())) {
        return Optional.empty();
      }
      try (PreparedStatement ps = connection.prepareStatement(sql)) {
        ps.setString(1, base.layer().id());
        ps.setString(2, id);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next()
              ? Optional.of(
                  new FeatureStore.StoredFeature(rs.getString(1), rs.getString(2), rs.getString(3)))
              : Optional.empty();
        }
      }
    } catch (SQLException e) {
      throw new StoreException("reading feature " + id + " for an update", e);
    }
  }

  @Override
  public long commit() {
    return commit(c -> {});
  }

  @Override
  public long commit(Step alsoInTransaction) {
    checkOpen();
    flush();
    String layerId = base.layer().id();
    try {
      if (!layerExists(layerId)) {
        // A first write creates the layer with its base features, so it never exists holding
        // only the bulk ones.
        PostgisFeatureStore.upsertLayer(connection, base.layer());
        PostgisFeatureStore.insertFeatures(connection, layerId, base.features(), true);
      }
      long written;
      // No ORDER BY line: the staging table is only ever appended to, in line order, so its scan
      // gives new features their seq in file order anyway, while sorting 200,000 rows of
      // properties spills some 140 MB to disk at the default work_mem.
      try (PreparedStatement ps =
          connection.prepareStatement(
              "INSERT INTO feature (layer_id, id, properties, geom, t_start, t_end)"
                  + " SELECT ?, id, properties, "
                  + PostgisFeatureStore.WOUND_GEOMETRY
                  + ", t_start, t_end FROM (SELECT id, properties, ST_SetSRID(geom, 4326) AS g,"
                  + " t_start, t_end FROM "
                  + STAGING
                  + ") s"
                  + PostgisFeatureStore.ON_CONFLICT_UPDATE)) {
        ps.setString(1, layerId);
        written = ps.executeUpdate();
      }
      PostgisFeatureStore.touch(connection, layerId);
      alsoInTransaction.run(connection);
      connection.commit();
      done = true;
      return written;
    } catch (SQLException e) {
      throw new StoreException("writing features of " + layerId, e);
    } finally {
      close();
    }
  }

  @Override
  public void close() {
    try {
      if (!done) {
        connection.rollback();
      }
    } catch (SQLException e) {
      // the connection is going back to the pool, which tests it; nothing was committed
    } finally {
      done = true;
      closeQuietly(connection);
    }
  }

  private boolean layerExists(String layerId) throws SQLException {
    // FOR UPDATE: two imports into a new layer wait for each other instead of both creating it.
    try (PreparedStatement ps =
        connection.prepareStatement("SELECT 1 FROM layer WHERE id = ? FOR UPDATE")) {
      ps.setString(1, layerId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private void flush() {
    if (batchRows == 0) {
      return;
    }
    byte[] rows = batch.toString().getBytes(StandardCharsets.UTF_8);
    batch.setLength(0);
    batchRows = 0;
    try {
      copy.copyIn(COPY_SQL, new ByteArrayInputStream(rows));
    } catch (SQLException e) {
      throw new StoreException("staging features of " + base.layer().id(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A value in COPY's text format: backslash, tab and line breaks escaped. */
  private void text(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> batch.append("\\\\");
        case '\t' -> batch.append("\\t");
        case '\n' -> batch.append("\\n");
        case '\r' -> batch.append("\\r");
        default -> batch.append(c);
      }
    }
  }

  private void instant(Instant t) {
    batch.append(t == null ? "\\N" : t.toString());
  }

  private void checkOpen() {
    if (done) {
      throw new IllegalStateException("this bulk write has ended");
    }
  }

  private static void closeQuietly(Connection c) {
    if (c != null) {
      try {
        c.close();
      } catch (SQLException e) {
        // nothing more to do with a connection that will not close
      }
    }
  }
}
