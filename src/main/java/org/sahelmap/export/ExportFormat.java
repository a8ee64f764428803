package org.sahelmap.export;

import java.util.Arrays;
import java.util.Optional;

/**
 * The file formats a collection is exported in besides GeoJSON: the {@code f=} value, the media
 * type a client may ask for in {@code Accept}, the file name's extension and a title for links. The
 * one list links, content negotiation and the OpenAPI document are derived from.
 */
public enum ExportFormat {
  CSV("csv", "text/csv", "csv", "CSV (WKT geometry, lon/lat for points)"),
  KML("kml", "application/vnd.google-earth.kml+xml", "kml", "KML"),
  GPKG("gpkg", "application/geopackage+sqlite3", "gpkg", "GeoPackage");

  private final String f;
  private final String mediaType;
  private final String extension;
  private final String title;

  ExportFormat(String f, String mediaType, String extension, String title) {
    this.f = f;
    this.mediaType = mediaType;
    this.extension = extension;
    this.title = title;
  }

  public String f() {
    return f;
  }

  public String mediaType() {
    return mediaType;
  }

  public String extension() {
    return extension;
  }

  public String title() {
    return title;
  }

  public static Optional<ExportFormat> byF(String f) {
    return Arrays.stream(values()).filter(v -> v.f.equals(f)).findFirst();
  }

  public static Optional<ExportFormat> byMediaType(String mediaType) {
    return Arrays.stream(values()).filter(v -> v.mediaType.equalsIgnoreCase(mediaType)).findFirst();
  }
}
