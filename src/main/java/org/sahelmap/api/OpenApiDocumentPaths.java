package org.sahelmap.api;

import static org.sahelmap.api.OpenApiDocument.error;
import static org.sahelmap.api.OpenApiDocument.json;
import static org.sahelmap.api.OpenApiDocument.param;
import static org.sahelmap.api.OpenApiDocument.string;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.sahelmap.documents.DocumentUploads;

/**
 * The uploaded documents and their review queue in the OpenAPI document: upload and list, the
 * extraction run again, a document's candidates and a reviewer's decisions on them. Every write
 * (and the list, which names who uploaded what) needs an analyst.
 */
final class OpenApiDocumentPaths {
  private static final String DOCS = DocumentUploadHandler.PATH;
  private static final Map<String, Object> DOCUMENT =
      param("documentId", "path", "an uploaded document's id", string());
  private static final Map<String, Object> CANDIDATE =
      param("candidateId", "path", "a candidate event's id", Map.of("type", "integer"));
  private static final Map<String, Object> WHOLE = Map.of("type", "integer", "minimum", 0);

  private OpenApiDocumentPaths() {}

  static void addTo(Map<String, Object> paths) {
    Map<String, Object> docs = new LinkedHashMap<>();
    docs.put(
        "get",
        op(
            "The uploaded documents, newest first, with their candidates' counts by status",
            "listDocuments",
            List.of(
                param("limit", "query", "at most " + DocumentListHandler.MAX_LIMIT, WHOLE),
                param("offset", "query", "documents to skip", WHOLE)),
            json("{documents, numberMatched, limit, offset, next}"),
            Map.of("400", "a bad limit or offset, or an unknown parameter")));
    docs.put(
        "post",
        op(
            "Upload a document (text, HTML or PDF, at most "
                + DocumentUploads.MAX_BYTES / (1024 * 1024)
                + " MiB): stored with its text, its candidate events proposed",
            "uploadDocument",
            List.of(param("name", "query", "the file's name (types a generic body)", string())),
            json("201 with the new document; 200 with the one stored for the same bytes"),
            Map.of(
                "400", "an empty body",
                "413", "the document is too large",
                "415", "not text/plain, text/html or application/pdf",
                "422", "no text can be read from it")));
    paths.put(DOCS, docs);
    paths.put(
        DOCS + "/{documentId}/extract",
        Map.of(
            "post",
            op(
                "Run the extraction again over a stored document; decided candidates are not"
                    + " proposed again",
                "extractAgain",
                List.of(DOCUMENT),
                json("{document, proposed, candidates}: how many candidates are new"),
                Map.of("404", "no uploaded document with that id"))));
    paths.put(
        DOCS + "/{documentId}/candidates",
        Map.of(
            "get",
            op(
                "A document's candidate events: pending and decided (who, when, what)",
                "documentCandidates",
                List.of(DOCUMENT),
                json("{document, candidates}"),
                Map.of("404", "no such document"),
                false)));
    decision(paths, "accept", "Accept a candidate, with optional edits, as an event", "400");
    decision(paths, "reject", "Reject a candidate: never proposed again", null);
    decision(
        paths,
        "merge",
        "Merge a candidate into an existing event ({\"eventId\"}): its passage becomes a further"
            + " source of that event",
        "400");
  }

  private static void decision(Map<String, Object> paths, String verb, String summary, String bad) {
    Map<String, String> refusals = new LinkedHashMap<>();
    if (bad != null) {
      refusals.put(bad, "bad edits or body; the description names the field");
    }
    refusals.put("404", "no such candidate (or, for a merge, no such event)");
    refusals.put("409", "the candidate was already decided");
    paths.put(
        "/api/candidates/{candidateId}/" + verb,
        Map.of(
            "post",
            op(
                summary,
                verb + "Candidate",
                List.of(CANDIDATE),
                json("the candidate as decided"),
                refusals)));
  }

  private static Map<String, Object> op(
      String summary,
      String operationId,
      List<Object> params,
      Map<String, Object> ok,
      Map<String, String> refusals) {
    return op(summary, operationId, params, ok, refusals, true);
  }

  /** {@code analyst}: the route needs an analyst's credentials; else it reads as every GET does. */
  private static Map<String, Object> op(
      String summary,
      String operationId,
      List<Object> params,
      Map<String, Object> ok,
      Map<String, String> refusals,
      boolean analyst) {
    Map<String, Object> op = new LinkedHashMap<>();
    op.put("summary", summary);
    op.put("operationId", operationId);
    op.put("parameters", params);
    Map<String, Object> responses = new LinkedHashMap<>();
    responses.put("200", ok);
    refusals.forEach((status, why) -> responses.put(status, error(why)));
    if (analyst) {
      responses.put("401", error("not signed in: send a bearer token (or a session cookie)"));
      responses.put(
          "403", error("the account is not an analyst, or a cookie write lacks X-CSRF-Token"));
      op.put("security", List.of(Map.of("bearer", List.of()), Map.of("session", List.of())));
    }
    op.put("responses", new TreeMap<>(responses));
    return op;
  }
}
