package org.sahelmap.api;

import java.util.LinkedHashMap;
import java.util.Map;
import org.sahelmap.aoi.AoiStore;
import org.sahelmap.events.CuratedEvents;

/**
 * The paths the page asks for, as route patterns ({@code {name}} parameters, as Javalin writes
 * them): {@link AppFactory} registers these constants, and {@code GET /app/config} sends the same
 * patterns to the page as {@code paths}, which fills them in (web/js/api.js {@code path()}). The
 * page writes no path of its own beyond {@code /app/config}, so a route moved here moves for it.
 */
final class PagePaths {
  static final String CONFIG = "/app/config";

  static final String EVENT_ITEMS = OgcPaths.items(CuratedEvents.COLLECTION_ID);
  static final String CITATION = EVENT_ITEMS + "/{featureId}/citation";
  static final String TILE =
      OgcPaths.TILESETS + "/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}";
  static final String DOCUMENTS = "/ogc/documents";

  static final String AOI_ITEM = AoiHandler.BASE + "/{featureId}";
  static final String AOI_RESTORE = AOI_ITEM + "/restore";
  static final String AOI_ANALYSIS = AOI_ITEM + "/analysis";
  static final String AOI_EXPORT = OgcPaths.collection(AoiStore.LAYER) + "/export";

  static final String BRIEFINGS = "/api/briefings";
  static final String BRIEFING_IMPORT = BRIEFINGS + "/import";
  static final String BRIEFING = BRIEFINGS + "/{id}";
  static final String BRIEFING_RESTORE = BRIEFING + "/restore";
  static final String BRIEFING_VERSIONS = BRIEFING + "/versions";
  static final String BRIEFING_EXPORT = BRIEFING + "/export.geojson";
  static final String BRIEFING_PACK = BRIEFING + "/pack.gpkg";

  static final String DOCUMENT_TEXT = DocumentUploadHandler.PATH + "/{documentId}/text";
  static final String DOCUMENT_EXTRACT = DocumentUploadHandler.PATH + "/{documentId}/extract";
  static final String DOCUMENT_CANDIDATES = DocumentUploadHandler.PATH + "/{documentId}/candidates";
  static final String CANDIDATE = "/api/candidates/{candidateId}";
  static final String CANDIDATE_ACCEPT = CANDIDATE + "/accept";
  static final String CANDIDATE_REJECT = CANDIDATE + "/reject";
  static final String CANDIDATE_MERGE = CANDIDATE + "/merge";

  static final String PRESENCE_CLIENT = PresenceHandler.PATH + "/{client}";

  private PagePaths() {}

  /** The patterns by the names web/js/api.js uses. */
  static Map<String, String> forThePage() {
    Map<String, String> paths = new LinkedHashMap<>();
    paths.put("collections", OgcPaths.COLLECTIONS);
    paths.put("collection", OgcPaths.COLLECTION);
    paths.put("items", OgcPaths.ITEMS);
    paths.put("item", OgcPaths.ITEM);
    paths.put("tile", TILE);
    paths.put("citation", CITATION);
    paths.put("documents", DOCUMENTS);
    paths.put("histogram", HistogramHandler.PATH);
    paths.put("eventImport", EventImportHandler.PATH);
    paths.put("aoiItems", AoiHandler.BASE);
    paths.put("aoiItem", AOI_ITEM);
    paths.put("aoiRestore", AOI_RESTORE);
    paths.put("aoiAnalysis", AOI_ANALYSIS);
    paths.put("aoiExport", AOI_EXPORT);
    paths.put("aoiImport", AoiImportHandler.PATH);
    paths.put("briefings", BRIEFINGS);
    paths.put("briefingImport", BRIEFING_IMPORT);
    paths.put("briefing", BRIEFING);
    paths.put("briefingExport", BRIEFING_EXPORT);
    paths.put("briefingPack", BRIEFING_PACK);
    paths.put("documentUploads", DocumentUploadHandler.PATH);
    paths.put("documentText", DOCUMENT_TEXT);
    paths.put("documentExtract", DOCUMENT_EXTRACT);
    paths.put("documentCandidates", DOCUMENT_CANDIDATES);
    paths.put("candidateAccept", CANDIDATE_ACCEPT);
    paths.put("candidateReject", CANDIDATE_REJECT);
    paths.put("candidateMerge", CANDIDATE_MERGE);
    paths.put("presence", PresenceHandler.PATH);
    paths.put("presenceClient", PRESENCE_CLIENT);
    paths.put("session", SessionHandler.PATH);
    paths.put("changes", ChangesHandler.PATH);
    return paths;
  }
}
