package org.sahelmap.api;

import static org.sahelmap.api.OpenApiDocument.error;
import static org.sahelmap.api.OpenApiDocument.geojson;
import static org.sahelmap.api.OpenApiDocument.json;
import static org.sahelmap.api.OpenApiDocument.param;
import static org.sahelmap.api.OpenApiDocument.ref;
import static org.sahelmap.api.OpenApiDocument.string;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sahelmap.aoi.AoiStore;
import org.sahelmap.aoi.GeoPackageAois;
import org.sahelmap.events.CuratedEvents;

/**
 * The paths beyond OGC API Features Part 1: the writable {@code aois} collection (Part 4 style,
 * with versions, analysis and export) and the documents behind the events. {@code
 * OpenApiRoutesTest} checks that every route the app registers under /ogc is described here or in
 * {@link OpenApiDocument}.
 */
final class OpenApiWritePaths {
  private static final String AOI_ITEMS = OgcPaths.items(AoiStore.LAYER);
  private static final String AOI_ITEM = AOI_ITEMS + "/{featureId}";

  private OpenApiWritePaths() {}

  static void addTo(Map<String, Object> paths) {
    paths.put(EventImportHandler.PATH, eventImport());
    paths.put(AoiImportHandler.PATH, aoiImport());
    OpenApiDocumentPaths.addTo(paths);
    addAoiWrites(paths);
    addAoiReads(paths);
    addEventDocuments(paths);
  }

  /** Creating, replacing, deleting and restoring an AOI: the writes, each behind If-Match. */
  private static void addAoiWrites(Map<String, Object> paths) {
    Map<String, Object> ifMatch =
        param("If-Match", "header", "the ETag of the version being changed", string());
    ifMatch.put("required", true);
    Map<String, Object> user =
        param("X-User", "header", "who saves (recorded with the version)", string());

    Map<String, Object> items = new LinkedHashMap<>();
    items.put(
        "post",
        write(
            "Save a new AOI (a GeoJSON Feature with a Polygon or MultiPolygon)",
            "createAoi",
            List.of(user, repair()),
            "201",
            "created; Location and ETag name it"));
    paths.merge(AOI_ITEMS, items, OpenApiWritePaths::mergeItem);

    Map<String, Object> item = new LinkedHashMap<>();
    item.putAll(
        OpenApiDocument.get(
            "One AOI, with its version as a strong ETag",
            "getAoi",
            List.of(ref("featureId")),
            geojson("the AOI; 410 when deleted")));
    item.put(
        "put",
        write(
            "Replace an AOI",
            "replaceAoi",
            List.of(ref("featureId"), ifMatch, user, repair()),
            "200",
            "saved; new ETag"));
    item.put(
        "delete",
        write(
            "Delete an AOI (soft: restorable)",
            "deleteAoi",
            List.of(ref("featureId"), ifMatch, user),
            "200",
            "deleted; new ETag"));
    paths.merge(AOI_ITEM, item, OpenApiWritePaths::mergeItem);

    paths.put(
        AOI_ITEM + "/restore",
        Map.of(
            "post",
            write(
                "Undo the deletion of an AOI",
                "restoreAoi",
                List.of(ref("featureId"), ifMatch, user),
                "200",
                "restored; new ETag")));
  }

  /** An AOI's versions, its analysis and the export of several. */
  private static void addAoiReads(Map<String, Object> paths) {
    paths.put(
        AOI_ITEM + "/versions",
        OpenApiDocument.get(
            "Every saved version of an AOI",
            "aoiVersions",
            List.of(ref("featureId")),
            json("versions, oldest first")));
    paths.put(
        AOI_ITEM + "/versions/{version}",
        OpenApiDocument.get(
            "One saved version of an AOI",
            "aoiVersion",
            List.of(
                ref("featureId"),
                param("version", "path", "version number", Map.of("type", "integer"))),
            geojson("the AOI as it was saved")));
    paths.put(
        AOI_ITEM + "/analysis",
        OpenApiDocument.get(
            "Area, perimeter, events inside, overlap with each mission layer, distance to the Algerian border, share in AES territory",
            "aoiAnalysis",
            List.of(ref("featureId"), ref("datetime")),
            json("the analysis")));
    paths.put(
        OgcPaths.collection(AoiStore.LAYER) + "/export",
        OpenApiDocument.get(
            "AOIs with their analysis as one GeoJSON file",
            "exportAois",
            List.of(
                param("ids", "query", "comma-separated AOI ids; all when absent", string()),
                ref("datetime")),
            geojson("a FeatureCollection, as a download")));
  }

  /** The passage an event rests on and the registry of source documents. */
  private static void addEventDocuments(Map<String, Object> paths) {
    paths.put(
        OgcPaths.items(CuratedEvents.COLLECTION_ID) + "/{featureId}/citation",
        OpenApiDocument.get(
            "The passage of the source document an event rests on",
            "eventCitation",
            List.of(ref("featureId")),
            json(
                "the document, paragraph, offsets and passage; 404 when the text is not available")));
    paths.put(
        "/ogc/documents",
        OpenApiDocument.get(
            "The source documents of the events", "documents", List.of(), json("the registry")));
  }

  /** {@link EventImportHandler}: the body is the file, CSV or GeoJSON. */
  private static Map<String, Object> eventImport() {
    Map<String, Object> op = new LinkedHashMap<>();
    op.put(
        "summary",
        "Import an events file: ours (CSV or GeoJSON), an ACLED export or a UCDP GED CSV; all or"
            + " nothing, rows matched on id (acled:ROW, ucdp:ROW for datasets)");
    op.put("operationId", "importEvents");
    op.put(
        "parameters",
        List.of(
            param(
                "name",
                "query",
                "the file's name, for the problem list (FILE:line N: reason)",
                string())));
    op.put(
        "requestBody",
        Map.of(
            "required",
            true,
            "description",
            "the file, at most " + EventImportHandler.MAX_BYTES / (1024 * 1024) + " MiB",
            "content",
            Map.of("text/csv", Map.of(), "application/geo+json", Map.of())));
    Map<String, Object> responses = new LinkedHashMap<>();
    responses.put("200", json("{imported, file}: how many events were written"));
    responses.put("400", error("an empty body, or one shorter than its Content-Length"));
    responses.put("401", error("not signed in: send a bearer token (or a session cookie)"));
    responses.put(
        "403", error("the account is not an analyst, or a cookie write lacks X-CSRF-Token"));
    responses.put(
        "413",
        error(
            "the file is larger than "
                + EventImportHandler.MAX_BYTES / (1024 * 1024)
                + " MiB (use import-events)"));
    responses.put("415", error("the body is not text/csv or GeoJSON"));
    responses.put(
        "422",
        error("bad rows: problems lists FILE:line N: reason; nothing was imported or changed"));
    op.put("responses", responses);
    op.put("security", List.of(Map.of("bearer", List.of()), Map.of("session", List.of())));
    return Map.of("post", op);
  }

  private static Map<String, Object> aoiImport() {
    Map<String, Object> op = new LinkedHashMap<>();
    op.put(
        "summary",
        "Read a GeoPackage's feature tables as GeoJSON in WGS84 (reprojected), for the page to"
            + " create AOIs from; nothing is stored");
    op.put("operationId", "importAoiGeoPackage");
    op.put(
        "requestBody",
        Map.of(
            "required",
            true,
            "description",
            "the .gpkg file, at most " + AoiImportHandler.MAX_BYTES / (1024 * 1024) + " MiB",
            "content",
            Map.of("application/geopackage+sqlite3", Map.of())));
    Map<String, Object> responses = new LinkedHashMap<>();
    responses.put(
        "200",
        Map.of(
            "description",
            "a FeatureCollection; each feature's properties: name, layer (its table)",
            "content",
            Map.of("application/geo+json", Map.of())));
    responses.put("400", error("an empty body, or a file that is not SQLite (not a GeoPackage)"));
    responses.put("401", error("not signed in: send a bearer token (or a session cookie)"));
    responses.put(
        "403", error("the account is not an analyst, or a cookie write lacks X-CSRF-Token"));
    responses.put(
        "413",
        error(
            "the file is larger than "
                + AoiImportHandler.MAX_BYTES / (1024 * 1024)
                + " MiB, or holds more than "
                + GeoPackageAois.MAX_FEATURES
                + " features"));
    responses.put(
        "422",
        error(
            "SQLite without GeoPackage tables, no feature table, no geometry, or a coordinate"
                + " system that cannot be reprojected"));
    op.put("responses", responses);
    op.put("security", List.of(Map.of("bearer", List.of()), Map.of("session", List.of())));
    return Map.of("post", op);
  }

  private static Map<String, Object> repair() {
    return param(
        "repair",
        "query",
        "true: repair a self-intersecting geometry instead of refusing it",
        Map.of("type", "boolean"));
  }

  private static Map<String, Object> write(
      String summary, String operationId, List<Object> params, String status, String description) {
    Map<String, Object> op = new LinkedHashMap<>();
    op.put("summary", summary);
    op.put("operationId", operationId);
    op.put("parameters", params);
    if (!operationId.equals("deleteAoi") && !operationId.equals("restoreAoi")) {
      op.put(
          "requestBody",
          Map.of(
              "required",
              true,
              "content",
              Map.of("application/geo+json", Map.of(), "application/json", Map.of())));
    }
    Map<String, Object> responses = new LinkedHashMap<>();
    responses.put(status, geojson(description));
    responses.put(
        "400", error("invalid geometry, name, notes, tags or JSON; the reason says which"));
    responses.put("401", error("not signed in: send a bearer token (or a session cookie)"));
    responses.put(
        "403", error("the account is not an analyst, or a cookie write lacks X-CSRF-Token"));
    responses.put("404", error("no such AOI"));
    responses.put("412", error("If-Match is stale: the body carries the current version"));
    responses.put("413", error("the body is larger than allowed"));
    responses.put("415", error("the body is not application/geo+json or application/json"));
    responses.put("428", error("If-Match is missing"));
    responses.put("429", error("too many writes from this account in a minute; see Retry-After"));
    op.put("responses", responses);
    // Writes need an account: a bearer token for scripts, or the page's session with its CSRF
    // token.
    op.put("security", List.of(Map.of("bearer", List.of()), Map.of("session", List.of())));
    return op;
  }

  @SuppressWarnings("unchecked")
  private static Object mergeItem(Object existing, Object added) {
    Map<String, Object> merged = new LinkedHashMap<>((Map<String, Object>) existing);
    merged.putAll((Map<String, Object>) added);
    return merged;
  }
}
