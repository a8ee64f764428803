package org.sahelmap.export;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import mil.nga.geopackage.BoundingBox;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.contents.Contents;
import mil.nga.geopackage.db.GeoPackageDataType;
import mil.nga.geopackage.features.columns.GeometryColumns;
import mil.nga.geopackage.features.user.FeatureColumn;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.features.user.FeatureTableMetadata;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.sf.GeometryType;
import mil.nga.sf.wkb.GeometryReader;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.WKBWriter;

/**
 * A GeoPackage (OGC 12-128r18) written with NGA's geopackage-java: one feature table per layer
 * ({@link #table}), WGS84 lon/lat (srs 4326), a text {@code id} beside GeoPackage's integer {@code
 * fid}, property columns typed by {@link ExportSchema}. A GeoPackage is an SQLite database, which
 * cannot be written to a stream, so it is built in a temporary file and then {@link #copyTo copied}
 * out; {@link #close} deletes the file whatever happened.
 *
 * <p>Its size is bounded by the caller: at most {@link #MAX_FEATURES} features in a file, counted
 * before writing starts, so a request cannot fill the server's disk (about 150 bytes a point
 * feature, a few hundred MB at the limit). Features arrive streamed from the store and go in
 * transactions of {@link #BATCH}, so memory stays small whatever the size.
 */
public final class GeoPackageFile implements Closeable {
  /** The most features one GeoPackage may hold (all its tables together). */
  public static final long MAX_FEATURES = 500_000;

  static final int BATCH = 10_000;
  static final long WGS84 = 4326;

  private final Path file;
  private final GeoPackage gpkg;
  private final List<String> tables = new ArrayList<>();

  private GeoPackageFile(Path file, GeoPackage gpkg) {
    this.file = file;
    this.gpkg = gpkg;
  }

  /** A new, empty GeoPackage in a temporary file. */
  public static GeoPackageFile create() throws IOException {
    Path dir = Files.createTempDirectory("sahel-gpkg");
    Path file = dir.resolve("export.gpkg");
    try {
      GeoPackageManager.create(file.toFile());
      return new GeoPackageFile(file, GeoPackageManager.open(file.toFile()));
    } catch (RuntimeException e) {
      delete(file);
      throw new IOException("could not create a GeoPackage in " + dir, e);
    }
  }

  /**
   * A table name SQLite and every GIS reads without quoting: letters, digits and underscores, not
   * starting with a digit, unique in this file (compared without case, as SQLite does).
   */
  public String tableName(String wanted) {
    String base = wanted.replaceAll("[^A-Za-z0-9_]", "_");
    if (base.isEmpty() || Character.isDigit(base.charAt(0)) || base.startsWith("gpkg")) {
      base = "t_" + base;
    }
    String name = base;
    for (int i = 2; tables.contains(name.toLowerCase(Locale.ROOT)); i++) {
      name = base + "_" + i;
    }
    tables.add(name.toLowerCase(Locale.ROOT));
    return name;
  }

  /**
   * Starts a feature table; {@code name} should come from {@link #tableName}. Its geometry type is
   * set when it is {@link FeatureFileWriter#finish finished}, from the features it received: one
   * type if they all have it, else GEOMETRY.
   */
  public FeatureFileWriter table(String name, String title, String description, ExportSchema schema)
      throws IOException {
    GeometryColumns gc = new GeometryColumns();
    gc.setTableName(name);
    gc.setColumnName("geom");
    gc.setGeometryType(GeometryType.GEOMETRY);
    gc.setZ((byte) 0);
    gc.setM((byte) 0);
    gc.setSrsId(WGS84);
    List<FeatureColumn> columns = new ArrayList<>();
    columns.add(FeatureColumn.createColumn("id", GeoPackageDataType.TEXT, true));
    for (ExportSchema.Column c : schema.columns()) {
      columns.add(FeatureColumn.createColumn(c.name(), type(c.kind())));
    }
    try {
      gpkg.createFeatureTable(
          FeatureTableMetadata.create(gc, "fid", columns, new BoundingBox(-180, -90, 180, 90)));
      Contents contents = gpkg.getContentsDao().queryForId(name);
      contents.setIdentifier(title);
      contents.setDescription(description == null ? "" : description);
      gpkg.getContentsDao().update(contents);
    } catch (SQLException | RuntimeException e) {
      throw new IOException("could not create the GeoPackage table " + name, e);
    }
    return new Table(gpkg.getFeatureDao(name), schema);
  }

  /** Closes the database (nothing more can be written) and copies the file to {@code out}. */
  public void copyTo(OutputStream out) throws IOException {
    gpkg.close();
    Files.copy(file, out);
    out.flush();
  }

  @Override
  public void close() {
    gpkg.close();
    delete(file);
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
      // SQLite's journal, if a failure left one.
      Files.deleteIfExists(file.resolveSibling(file.getFileName() + "-journal"));
      Files.deleteIfExists(file.getParent());
    } catch (IOException e) {
      // A temporary file left behind is the OS's to clean; the export itself already failed or
      // finished.
    }
  }

  static GeoPackageDataType type(ExportSchema.Kind kind) {
    return switch (kind) {
      case INTEGER -> GeoPackageDataType.INTEGER;
      case REAL -> GeoPackageDataType.REAL;
      case DATE -> GeoPackageDataType.DATE;
      case BOOLEAN -> GeoPackageDataType.BOOLEAN;
      default -> GeoPackageDataType.TEXT;
    };
  }

  /** A property value in its column's type, or null when it does not fit (see ExportSchema). */
  static Object value(ExportSchema.Kind kind, JsonNode v) {
    if (v == null || v.isNull()) {
      return null;
    }
    return switch (kind) {
      case INTEGER -> v.isIntegralNumber() && v.canConvertToLong() ? v.longValue() : null;
      case REAL -> v.isNumber() ? v.doubleValue() : null;
      case BOOLEAN -> v.isBoolean() ? v.booleanValue() : null;
      case DATE ->
          v.isTextual() && v.textValue().matches("\\d{4}-\\d{2}-\\d{2}") ? v.textValue() : null;
      default -> ExportSchema.text(v);
    };
  }

  static GeometryType geometryType(Geometry g) {
    String name = g.getGeometryType().toUpperCase(Locale.ROOT);
    return name.equals("LINEARRING") ? GeometryType.LINESTRING : GeometryType.valueOf(name);
  }

  /** One feature table being filled. */
  private final class Table implements FeatureFileWriter {
    private final FeatureDao dao;
    private final ExportSchema schema;
    private final FeatureParts parts = new FeatureParts();
    private final WKBWriter wkb = new WKBWriter(2);
    private final Set<GeometryType> types = EnumSet.noneOf(GeometryType.class);
    private final Envelope extent = new Envelope();
    private long written;

    Table(FeatureDao dao, ExportSchema schema) {
      this.dao = dao;
      this.schema = schema;
      gpkg.beginTransaction();
    }

    @Override
    public void accept(String id, String geometryJson, String propertiesJson) throws IOException {
      JsonNode props = parts.properties(propertiesJson);
      Geometry g = parts.geometry(geometryJson);
      FeatureRow row = dao.newRow();
      row.setValue("id", id);
      for (ExportSchema.Column c : schema.columns()) {
        row.setValue(c.name(), value(c.kind(), props.get(c.property())));
      }
      if (g != null && !g.isEmpty()) {
        mil.nga.sf.Geometry sf = GeometryReader.readGeometry(wkb.write(g));
        // Points need no envelope in their header (the spec's own advice); others carry one, so
        // readers can skip them without decoding.
        row.setGeometry(
            g instanceof Point
                ? GeoPackageGeometryData.create(WGS84, sf)
                : GeoPackageGeometryData.createAndBuildEnvelope(WGS84, sf));
        types.add(geometryType(g));
        extent.expandToInclude(g.getEnvelopeInternal());
      }
      dao.insert(row);
      if (++written % BATCH == 0) {
        gpkg.endAndBeginTransaction();
      }
    }

    @Override
    public long finish() throws IOException {
      gpkg.endTransaction();
      try {
        GeometryColumns gc = dao.getGeometryColumns();
        gc.setGeometryType(types.size() == 1 ? types.iterator().next() : GeometryType.GEOMETRY);
        gpkg.getGeometryColumnsDao().update(gc);
        Contents contents = gpkg.getContentsDao().queryForId(dao.getTableName());
        if (!extent.isNull()) {
          contents.setBoundingBox(
              new BoundingBox(
                  extent.getMinX(), extent.getMinY(), extent.getMaxX(), extent.getMaxY()));
        }
        gpkg.getContentsDao().update(contents);
      } catch (SQLException e) {
        throw new IOException("could not finish the GeoPackage table " + dao.getTableName(), e);
      }
      return written;
    }
  }
}
