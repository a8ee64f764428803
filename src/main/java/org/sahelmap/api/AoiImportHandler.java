package org.sahelmap.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.locationtech.jts.io.geojson.GeoJsonWriter;
import org.sahelmap.aoi.GeoPackageAois;
import org.sahelmap.errors.Reason;
import org.sahelmap.json.Json;

/**
 * {@code POST /api/aois/import}: a GeoPackage file (the raw body) read into a GeoJSON
 * FeatureCollection in WGS84, each feature with its {@code name} and the {@code layer} (table) it
 * came from. Nothing is stored: the page creates the areas from the answer as it does from a
 * GeoJSON, KML or GPX file it reads itself. Refused with 413 past {@link #MAX_BYTES}; a file that
 * is not a GeoPackage, or has nothing to import, gets 400 or 422 saying so. The temporary copy is
 * deleted whatever happens.
 */
final class AoiImportHandler {
  static final long MAX_BYTES = 20L * 1024 * 1024;

  static final String PATH = "/api/aois/import";

  void importFile(Context ctx) throws IOException {
    Path file = Files.createTempFile("sahel-aoi-import-", ".gpkg");
    try {
      UploadBody.copy(ctx, file, MAX_BYTES, AoiImportHandler::tooLarge);
      ObjectNode collection = Json.MAPPER.createObjectNode().put("type", "FeatureCollection");
      ArrayNode features = collection.putArray("features");
      GeoJsonWriter geojson = new GeoJsonWriter(7);
      geojson.setEncodeCRS(false);
      for (GeoPackageAois.Item item : GeoPackageAois.read(file)) {
        ObjectNode f = features.addObject().put("type", "Feature");
        f.putObject("properties").put("name", item.name()).put("layer", item.table());
        f.set("geometry", Json.MAPPER.readTree(geojson.write(item.geometry())));
      }
      ctx.contentType("application/geo+json").result(Json.MAPPER.writeValueAsString(collection));
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private static ApiException tooLarge() {
    return new ApiException(
        Reason.TOO_LARGE,
        "PayloadTooLarge",
        "the file is larger than " + MAX_BYTES / (1024 * 1024) + " MiB; send a smaller GeoPackage");
  }
}
