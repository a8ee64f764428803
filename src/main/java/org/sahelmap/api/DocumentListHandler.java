package org.sahelmap.api;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sahelmap.documents.CandidateStore;
import org.sahelmap.documents.DocumentList;
import org.sahelmap.documents.DocumentUploads;

/**
 * {@code GET /api/documents}: the uploaded documents, newest first, a page at a time ({@code limit}
 * ≤ {@link #MAX_LIMIT}, {@code offset}), each with its candidates' counts and its queue's link;
 * {@code POST /api/documents/{id}/extract}: the extraction run again over a stored document,
 * proposing only what was never proposed (a decided candidate stays decided).
 */
final class DocumentListHandler {
  static final int MAX_LIMIT = 100;
  private static final Set<String> PARAMS = Set.of("limit", "offset");

  private final DocumentList list;
  private final DocumentUploads uploads;
  private final CandidateStore candidates;

  DocumentListHandler(DocumentList list, DocumentUploads uploads, CandidateStore candidates) {
    this.list = list;
    this.uploads = uploads;
    this.candidates = candidates;
  }

  void list(Context ctx) {
    ItemsParams.checkNames(ctx, PARAMS);
    long limit = ItemsParams.limit(ctx.queryParam("limit"), MAX_LIMIT);
    long offset = ItemsParams.offset(ctx.queryParam("offset"));
    DocumentList.Page page = list.page(limit, offset);
    List<Map<String, Object>> docs =
        page.entries().stream().map(DocumentListHandler::entry).toList();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("documents", docs);
    body.put("numberMatched", page.total());
    body.put("limit", limit);
    body.put("offset", offset);
    if (offset + docs.size() < page.total()) {
      body.put(
          "next", DocumentUploadHandler.PATH + "?limit=" + limit + "&offset=" + (offset + limit));
    }
    ctx.header("Cache-Control", "no-store");
    ctx.json(body);
  }

  void extract(Context ctx) {
    String id = ctx.pathParam("documentId");
    int proposed = uploads.extractAgain(id, candidates);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("document", id);
    body.put("proposed", proposed);
    body.put("candidates", queue(id));
    ctx.json(body);
  }

  private static Map<String, Object> entry(DocumentList.Entry e) {
    Map<String, Object> m = new LinkedHashMap<>(e.document().toMap());
    m.put("uploadedAt", e.uploadedAt().toString());
    m.put("uploadedBy", e.uploadedBy());
    m.put("candidateCounts", e.candidates());
    m.put("candidates", queue(e.document().id()));
    return m;
  }

  static String queue(String documentId) {
    return DocumentUploadHandler.PATH + "/" + documentId + "/candidates";
  }
}
