package org.sahelmap.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sahelmap.documents.CandidateStore;
import org.sahelmap.documents.Edits;
import org.sahelmap.documents.ReviewQueue;
import org.sahelmap.documents.StoredCandidate;
import org.sahelmap.errors.Reason;
import org.sahelmap.events.Citations;

/**
 * The review queue: {@code GET /api/documents/{id}/candidates} and a reviewer's decisions, {@code
 * POST /api/candidates/{id}/accept} (optional JSON edits), {@code /reject} and {@code /merge}
 * ({@code {"eventId": ...}}). Each answers with the candidate as decided.
 */
final class ReviewHandler {
  private final CandidateStore candidates;
  private final ReviewQueue queue;
  private final Citations citations;

  ReviewHandler(CandidateStore candidates, ReviewQueue queue, Citations citations) {
    this.candidates = candidates;
    this.queue = queue;
    this.citations = citations;
  }

  void list(Context ctx) {
    String id = ctx.pathParam("documentId");
    var document =
        citations.document(id).orElseThrow(() -> ApiException.notFound("no document '" + id + "'"));
    List<Map<String, Object>> list =
        candidates.forDocument(id).stream().map(StoredCandidate::toMap).toList();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("document", document.toMap());
    body.put("candidates", list);
    ctx.header("Cache-Control", "no-store");
    ctx.json(body);
  }

  void accept(Context ctx) throws IOException {
    Edits edits = ctx.contentLength() == 0 ? Edits.NONE : edits(JsonBody.read(ctx));
    ctx.json(queue.accept(id(ctx), edits, WriteRequests.user(ctx)).toMap());
  }

  void reject(Context ctx) {
    ctx.json(queue.reject(id(ctx), WriteRequests.user(ctx)).toMap());
  }

  void merge(Context ctx) throws IOException {
    JsonNode body = JsonBody.read(ctx);
    if (!body.path("eventId").isTextual()) {
      throw new ApiException(
          Reason.BAD_INPUT, "InvalidMerge", "send {\"eventId\": ...}: the event to merge with");
    }
    ctx.json(
        queue.merge(id(ctx), body.path("eventId").textValue(), WriteRequests.user(ctx)).toMap());
  }

  private static long id(Context ctx) {
    try {
      return Long.parseLong(ctx.pathParam("candidateId"));
    } catch (NumberFormatException e) {
      throw ApiException.notFound("no candidate '" + ctx.pathParam("candidateId") + "'");
    }
  }

  private static Edits edits(JsonNode n) {
    if (!n.isObject()) {
      throw new ApiException(Reason.BAD_INPUT, "InvalidEdit", "the edits must be a JSON object");
    }
    return new Edits(
        date(n, "start"),
        date(n, "end"),
        text(n, "datePrecision"),
        text(n, "placeName"),
        number(n, "lon"),
        number(n, "lat"),
        text(n, "locationBasis"),
        text(n, "locationConfidence"),
        text(n, "category"),
        text(n, "title"),
        text(n, "summary"));
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw new ApiException(Reason.BAD_INPUT, "InvalidEdit", field + " must be a string");
    }
    String s = v.textValue().strip();
    return s.isEmpty() ? null : s;
  }

  private static Double number(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isNumber()) {
      throw new ApiException(Reason.BAD_INPUT, "InvalidEdit", field + " must be a number");
    }
    return v.doubleValue();
  }

  private static LocalDate date(JsonNode n, String field) {
    String s = text(n, field);
    try {
      return s == null ? null : LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      throw new ApiException(
          Reason.BAD_INPUT, "InvalidEdit", field + " must be a date as YYYY-MM-DD, not " + s);
    }
  }
}
