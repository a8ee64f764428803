package org.sahelmap.api;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sahelmap.documents.DocumentReader;
import org.sahelmap.documents.DocumentUploads;
import org.sahelmap.errors.Reason;

/**
 * {@code POST /api/documents}: an analyst's upload of a document (the body is the file, typed by
 * its Content-Type or the {@code name} the page sends), read, stored with its text and its
 * candidate events in one transaction. 201 with the new document, 200 with the stored one when the
 * same bytes were uploaded before; 413 past {@link DocumentUploads#MAX_BYTES}, 415 for other types,
 * 422 when no text can be read from it.
 */
final class DocumentUploadHandler {
  static final String PATH = "/api/documents";

  private final DocumentUploads uploads;

  DocumentUploadHandler(DocumentUploads uploads) {
    this.uploads = uploads;
  }

  void upload(Context ctx) {
    String name = ctx.queryParam("name");
    String type = ctx.contentType();
    boolean generic = type == null || type.startsWith("application/octet-stream") || type.isBlank();
    String mediaType = DocumentReader.mediaType(generic ? name : type);
    byte[] body = body(ctx);
    DocumentUploads.Result r = uploads.upload(body, mediaType, name, WriteRequests.user(ctx));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("document", r.document().toMap());
    out.put("created", r.created());
    out.put("proposed", r.proposed());
    out.put("candidates", PATH + "/" + r.document().id() + "/candidates");
    ctx.status(r.created() ? 201 : 200).json(out);
  }

  private static byte[] body(Context ctx) {
    byte[] body =
        UploadBody.readAtMost(ctx, DocumentUploads.MAX_BYTES, DocumentUploadHandler::tooLarge);
    if (body.length == 0) {
      throw new ApiException(
          Reason.BAD_INPUT, "EmptyDocument", "the document is empty: there is no text to read");
    }
    return body;
  }

  private static ApiException tooLarge() {
    return new ApiException(
        Reason.TOO_LARGE,
        "PayloadTooLarge",
        "the document is larger than " + DocumentUploads.MAX_BYTES / (1024 * 1024) + " MiB");
  }
}
