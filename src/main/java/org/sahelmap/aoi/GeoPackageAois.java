package org.sahelmap.aoi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureResultSet;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import org.geotools.api.referencing.FactoryException;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.geotools.referencing.CRS;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.sahelmap.errors.Reason;
import org.sahelmap.errors.Refusal;
import org.sahelmap.geo.Geo;
import org.sahelmap.geo.Projections;

/**
 * The features of an uploaded GeoPackage (OGC 12-128), read with NGA's geopackage-java, for the
 * page to import as AOIs: every feature table, every row with a geometry, in WGS84 lon/lat
 * (reprojected with GeoTools from the table's own CRS). The page cannot read SQLite itself, so this
 * is the GeoPackage half of its file import; which features are areas the page decides, as for
 * GeoJSON, KML and GPX. A file that is not a GeoPackage, or has nothing to import, is refused in
 * words that say so.
 */
public final class GeoPackageAois {
  /** Most features one import returns: far more areas than an analyst draws, and a small answer. */
  public static final int MAX_FEATURES = 5_000;

  private static final byte[] SQLITE = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

  /** One feature: its name (a name column's, else table and row id), table and lon/lat shape. */
  public record Item(String name, String table, Geometry geometry) {}

  private GeoPackageAois() {}

  public static List<Item> read(Path file) throws IOException {
    if (!isSqlite(file)) {
      throw refused(
          Reason.BAD_INPUT,
          "NotAGeoPackage",
          "not a GeoPackage: the file is not an SQLite database (.gpkg)");
    }
    GeoPackage gpkg;
    try {
      gpkg = GeoPackageManager.open(file.toFile(), true);
    } catch (RuntimeException e) {
      throw refused(
          Reason.UNPROCESSABLE,
          "NotAGeoPackage",
          "not a GeoPackage: an SQLite database without the GeoPackage tables ("
              + e.getMessage()
              + ")");
    }
    try (gpkg) {
      List<String> tables = gpkg.getFeatureTables();
      if (tables.isEmpty()) {
        throw refused(
            Reason.UNPROCESSABLE,
            "NoFeatureTable",
            "the GeoPackage has no feature table (only tiles or attributes): nothing to import");
      }
      List<Item> items = new ArrayList<>();
      for (String table : tables) {
        readTable(gpkg.getFeatureDao(table), table, items);
      }
      if (items.isEmpty()) {
        throw refused(
            Reason.UNPROCESSABLE,
            "NoFeatures",
            "the GeoPackage's feature tables ("
                + String.join(", ", tables)
                + ") hold no geometry: nothing to import");
      }
      return items;
    }
  }

  private static void readTable(FeatureDao dao, String table, List<Item> items) {
    CoordinateReferenceSystem crs = crsOf(dao.getSrs(), table);
    String nameColumn =
        Arrays.stream(dao.getTable().getColumnNames())
            .filter(c -> c.toLowerCase(Locale.ROOT).equals("name"))
            .findFirst()
            .orElse(null);
    WKBReader wkb = new WKBReader();
    FeatureResultSet rows = dao.queryForAll();
    try {
      while (rows.moveToNext()) {
        FeatureRow row = rows.getRow();
        GeoPackageGeometryData data = row.getGeometry();
        if (data == null || data.isEmpty() || data.getGeometry() == null) {
          continue;
        }
        if (items.size() >= MAX_FEATURES) {
          throw refused(
              Reason.TOO_LARGE,
              "TooManyFeatures",
              "the GeoPackage holds more than " + MAX_FEATURES + " features; import fewer at once");
        }
        Geometry g = lonLat(wkb.read(data.getWkb()), crs);
        Object name = nameColumn == null ? null : row.getValue(nameColumn);
        String label =
            name == null || name.toString().isBlank() ? table + " " + row.getId() : name.toString();
        items.add(new Item(label, table, g));
      }
    } catch (IOException | ParseException e) {
      throw refused(
          Reason.UNPROCESSABLE,
          "UnreadableGeometry",
          "a geometry in the GeoPackage table " + table + " cannot be read: " + e.getMessage());
    } finally {
      rows.close();
    }
  }

  /** The table's CRS, or null for WGS84 lon/lat (4326, or 0: GeoPackage's undefined geographic). */
  private static CoordinateReferenceSystem crsOf(SpatialReferenceSystem srs, String table) {
    boolean epsg = "EPSG".equalsIgnoreCase(srs.getOrganization());
    if (srs.getSrsId() == 0 || (epsg && srs.getOrganizationCoordsysId() == 4326)) {
      return null;
    }
    if (srs.getSrsId() == -1) {
      throw refused(
          Reason.UNPROCESSABLE,
          "UnknownCrs",
          "the GeoPackage table " + table + " has undefined Cartesian coordinates (srs_id -1)");
    }
    try {
      return epsg
          ? Projections.decode("EPSG:" + srs.getOrganizationCoordsysId())
          : CRS.parseWKT(srs.getDefinition());
    } catch (FactoryException | RuntimeException e) {
      throw refused(
          Reason.UNPROCESSABLE,
          "UnknownCrs",
          "the coordinate system of the GeoPackage table "
              + table
              + " ("
              + srs.getOrganization()
              + ":"
              + srs.getOrganizationCoordsysId()
              + ") is not one we can reproject");
    }
  }

  private static Geometry lonLat(Geometry g, CoordinateReferenceSystem crs) {
    if (crs == null) {
      g.setSRID(Geo.WGS84_SRID);
      return g;
    }
    return Projections.toLonLat(g, crs);
  }

  private static boolean isSqlite(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return Arrays.equals(in.readNBytes(SQLITE.length), SQLITE);
    }
  }

  private static Refusal refused(Reason reason, String code, String description) {
    return new Refusal(reason, code, description);
  }
}
