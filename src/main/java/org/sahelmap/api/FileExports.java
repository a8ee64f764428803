package org.sahelmap.api;

import io.javalin.http.Context;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.sahelmap.errors.Reason;
import org.sahelmap.export.ExportFormat;
import org.sahelmap.export.ExportSchema;
import org.sahelmap.export.FeatureFileWriter;
import org.sahelmap.export.GeoPackageFile;
import org.sahelmap.store.FeatureStore;
import org.sahelmap.store.ItemQuery;
import org.sahelmap.store.Layer;

/**
 * The items of a collection as a file in one of the {@link ExportFormat}s, under the same
 * parameters as the GeoJSON items (bbox, datetime, filter, category, q, sortby, properties,
 * skipGeometry, limit/offset; every match without a limit). A text format (CSV, KML) is streamed
 * from PostGIS to the client by its {@link ExportFormat#textWriter} as rows are read; a GeoPackage
 * is built in a temporary file first (SQLite needs one), so it has a size limit ({@link
 * GeoPackageFile#MAX_FEATURES}), checked by counting before any row is written.
 */
final class FileExports {
  private final FeatureStore store;
  private final FilterParams filters;

  FileExports(FeatureStore store, FilterParams filters) {
    this.store = store;
    this.filters = filters;
  }

  void write(Context ctx, Layer layer, ItemQuery query, ExportFormat format) throws IOException {
    ItemQuery.Output out = query.output();
    if (out != null && out.crs() != null) {
      // KML is WGS84 by definition; CSV's lon/lat and GeoPackage's srs are stated as 4326 here.
      throw ApiException.badParameter(
          CrsParams.CRS,
          "f=" + format.f() + " files are in CRS84 (WGS84 longitude, latitude) only");
    }
    ExportSchema schema =
        ExportSchema.of(filters.propertyTypes(layer), out == null ? null : out.properties());
    if (format.textWriter().isEmpty()) {
      geoPackage(ctx, layer, query, schema);
      return;
    }
    ctx.contentType(format.mediaType() + ";charset=utf-8");
    attachment(ctx, layer.id() + "." + format.extension());
    Writer w =
        new BufferedWriter(
            new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8), 1 << 16);
    FeatureFileWriter writer = format.textWriter().get().open(w, layer.id(), layer.title(), schema);
    store.page(layer.id(), query, writer);
    writer.finish();
  }

  private void geoPackage(Context ctx, Layer layer, ItemQuery query, ExportSchema schema)
      throws IOException {
    long matched = store.count(layer.id(), query);
    long rows = Math.min(query.limit(), Math.max(0, matched - query.offset()));
    if (rows > GeoPackageFile.MAX_FEATURES) {
      throw tooLarge(rows);
    }
    try (GeoPackageFile gpkg = GeoPackageFile.create()) {
      FeatureFileWriter table =
          gpkg.table(gpkg.tableName(layer.id()), layer.title(), layer.description(), schema);
      store.page(layer.id(), query, table);
      table.finish();
      ctx.contentType(ExportFormat.GPKG.mediaType());
      attachment(ctx, layer.id() + "." + ExportFormat.GPKG.extension());
      // No Content-Length: the response may be gzipped on its way out, which changes the length.
      gpkg.copyTo(ctx.outputStream());
    }
  }

  static ApiException tooLarge(long rows) {
    return new ApiException(
        Reason.TOO_LARGE,
        "ExportTooLarge",
        String.format(
            "a GeoPackage holds at most %,d features and this one would hold %,d; narrow it with"
                + " bbox, datetime or filter, or take f=geojson or f=csv, which stream without a"
                + " limit",
            GeoPackageFile.MAX_FEATURES, rows));
  }

  static void attachment(Context ctx, String file) {
    ctx.header("Content-Disposition", "attachment; filename=\"" + file + "\"");
  }
}
