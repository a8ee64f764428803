package org.sahelmap.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import mil.nga.geopackage.BoundingBox;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.attributes.AttributesColumn;
import mil.nga.geopackage.attributes.AttributesTableMetadata;
import mil.nga.geopackage.db.GeoPackageDataType;
import mil.nga.geopackage.features.columns.GeometryColumns;
import mil.nga.geopackage.features.user.FeatureColumn;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.features.user.FeatureTableMetadata;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.sf.GeometryType;
import mil.nga.sf.LineString;
import mil.nga.sf.Point;
import mil.nga.sf.Polygon;

/**
 * Small GeoPackages made in tests with NGA's geopackage-java, the library the server reads with.
 */
public final class GeoPackages {
  private GeoPackages() {}

  /** A polygon feature: its table's EPSG code, its name and its ring as [x, y] pairs. */
  public record Shape(long epsg, String table, String name, double[][] ring) {}

  /** A GeoPackage with one polygon table per shape. */
  public static byte[] polygons(List<Shape> shapes) throws Exception {
    return build(
        gpkg -> {
          for (Shape s : shapes) {
            long srs = gpkg.getSpatialReferenceSystemDao().getOrCreateFromEpsg(s.epsg()).getId();
            GeometryColumns gc = new GeometryColumns();
            gc.setTableName(s.table());
            gc.setColumnName("geom");
            gc.setGeometryType(GeometryType.POLYGON);
            gc.setZ((byte) 0);
            gc.setM((byte) 0);
            gc.setSrsId(srs);
            gpkg.createFeatureTable(
                FeatureTableMetadata.create(
                    gc,
                    "fid",
                    List.of(FeatureColumn.createColumn("name", GeoPackageDataType.TEXT)),
                    new BoundingBox(-180, -90, 180, 90)));
            FeatureDao dao = gpkg.getFeatureDao(s.table());
            LineString ring = new LineString();
            for (double[] p : s.ring()) {
              ring.addPoint(new Point(p[0], p[1]));
            }
            Polygon polygon = new Polygon();
            polygon.addRing(ring);
            FeatureRow row = dao.newRow();
            row.setGeometry(GeoPackageGeometryData.create(srs, polygon));
            row.setValue("name", s.name());
            dao.create(row);
          }
        });
  }

  /** A valid GeoPackage with an attributes table only (no features). */
  public static byte[] attributesOnly() throws Exception {
    return build(
        gpkg ->
            gpkg.createAttributesTable(
                AttributesTableMetadata.create(
                    "notes",
                    List.of(AttributesColumn.createColumn("text", GeoPackageDataType.TEXT)))));
  }

  interface Fill {
    void into(GeoPackage gpkg) throws Exception;
  }

  private static byte[] build(Fill fill) throws Exception {
    Path dir = Files.createTempDirectory("test-gpkg");
    Path file = dir.resolve("test.gpkg");
    try {
      GeoPackageManager.create(file.toFile());
      try (GeoPackage gpkg = GeoPackageManager.open(file.toFile())) {
        fill.into(gpkg);
      }
      return Files.readAllBytes(file);
    } finally {
      Files.deleteIfExists(file);
      Files.deleteIfExists(dir);
    }
  }
}
