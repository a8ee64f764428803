package org.sahelmap.export;

import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.Optional;

/**
 * The file formats a collection is exported in besides GeoJSON: the {@code f=} value, the media
 * type a client may ask for in {@code Accept}, the file name's extension, a title for links, and
 * for a text format the writer that streams it. The one list links, content negotiation, the
 * OpenAPI document and the export itself are derived from: a new text format is its writer class
 * plus one line here.
 */
public enum ExportFormat {
  CSV(
      "csv",
      "text/csv",
      "csv",
      "CSV (WKT geometry, lon/lat for points)",
      (out, id, title, schema) -> new CsvFeatureWriter(out, schema)),
  KML("kml", "application/vnd.google-earth.kml+xml", "kml", "KML", KmlFeatureWriter::new),
  /** Built in a temporary file (SQLite needs one), then sent: see {@link GeoPackageFile}. */
  GPKG("gpkg", "application/geopackage+sqlite3", "gpkg", "GeoPackage", null);

  /** Opens a format's writer over the response, for the layer of that id and title. */
  public interface TextWriter {
    FeatureFileWriter open(Writer out, String layerId, String layerTitle, ExportSchema schema)
        throws IOException;
  }

  private final String f;
  private final String mediaType;
  private final String extension;
  private final String title;
  private final TextWriter text;

  ExportFormat(String f, String mediaType, String extension, String title, TextWriter text) {
    this.f = f;
    this.mediaType = mediaType;
    this.extension = extension;
    this.title = title;
    this.text = text;
  }

  /** The streaming writer of a text format; empty for a binary one built as a file. */
  public Optional<TextWriter> textWriter() {
    return Optional.ofNullable(text);
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
