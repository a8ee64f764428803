package org.sahelmap.export;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.WKTWriter;

/**
 * A layer as CSV (RFC 4180, quoting by Commons CSV): {@code id}, one column per property, then
 * {@code lon} and {@code lat} (filled for points, so a spreadsheet or GDAL's X/Y options place
 * them) and {@code WKT}, the geometry of any type (GDAL's CSV driver reads a column of that name as
 * the geometry by itself).
 *
 * <p>Spreadsheets run a cell starting with {@code = + - @} (or a tab or carriage return) as a
 * formula: a title like {@code =HYPERLINK(...)} in an event or an AOI name would run when the
 * export is opened. Every cell that comes from text (ids, string properties, JSON) and starts so is
 * written with a leading {@code '}, which spreadsheets show as text; numbers we format ourselves
 * and the geometry columns never start so, and are left alone, so negative coordinates stay
 * numbers.
 */
public final class CsvFeatureWriter implements FeatureFileWriter {
  private final CSVPrinter csv;
  private final ExportSchema schema;
  private final FeatureParts parts = new FeatureParts();
  private final WKTWriter wkt = new WKTWriter();
  private long written;

  public CsvFeatureWriter(Writer out, ExportSchema schema) throws IOException {
    this.schema = schema;
    this.csv = new CSVPrinter(out, CSVFormat.RFC4180);
    List<String> header = new ArrayList<>();
    header.add("id");
    schema.columns().forEach(c -> header.add(c.name()));
    header.add("lon");
    header.add("lat");
    header.add("WKT");
    csv.printRecord(header);
  }

  @Override
  public void accept(String id, String geometryJson, String propertiesJson) throws IOException {
    JsonNode props = parts.properties(propertiesJson);
    Geometry g = parts.geometry(geometryJson);
    csv.print(safe(id));
    for (ExportSchema.Column c : schema.columns()) {
      JsonNode v = props.get(c.property());
      csv.print(v != null && v.isNumber() ? v.asText() : safe(ExportSchema.text(v)));
    }
    if (g instanceof Point p && !p.isEmpty()) {
      // Plain digits: Double.toString writes 0.00005 as 5.0E-5.
      csv.print(BigDecimal.valueOf(p.getX()).toPlainString());
      csv.print(BigDecimal.valueOf(p.getY()).toPlainString());
    } else {
      csv.print(null);
      csv.print(null);
    }
    csv.print(g == null ? null : wkt.write(g));
    csv.println();
    written++;
  }

  @Override
  public long finish() throws IOException {
    csv.flush();
    return written;
  }

  /** A text cell that a spreadsheet would read as a formula, made text (see the class comment). */
  static String safe(String cell) {
    if (cell == null || cell.isEmpty()) {
      return cell;
    }
    char first = cell.charAt(0);
    return first == '='
            || first == '+'
            || first == '-'
            || first == '@'
            || first == '\t'
            || first == '\r'
        ? "'" + cell
        : cell;
  }
}
