package org.sahelmap.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sahelmap.errors.Reason;
import org.sahelmap.events.Citations;
import org.sahelmap.events.CuratedEvents;
import org.sahelmap.events.Document;
import org.sahelmap.events.DocumentText;
import org.sahelmap.json.Json;
import org.sahelmap.store.FeatureStore;

/**
 * {@code /ogc/documents} (the registry) and {@code /ogc/collections/events/items/{id}/citation}:
 * the passage an event rests on, read from the document's text when this server has it.
 */
final class CitationHandler {
  private static final ObjectMapper JSON = Json.MAPPER;

  private final FeatureStore store;
  private final Citations citations;

  CitationHandler(FeatureStore store, Citations citations) {
    this.store = store;
    this.citations = citations;
  }

  /**
   * {@code GET /api/documents/{documentId}/text}: the document's registered text by paragraph
   * ({@code {document, paragraphs: [{number, start, end, text}]}}, offsets into the whole text as
   * citations give them), for the page's reader. 404 when this server does not have the text.
   */
  void text(Context ctx) {
    DocumentText text;
    try {
      text = citations.text(ctx.pathParam("documentId"));
    } catch (DocumentText.TextUnavailableException e) {
      throw new ApiException(Reason.NOT_FOUND, "DocumentTextUnavailable", e.getMessage());
    }
    List<Map<String, Object>> paragraphs = new ArrayList<>();
    for (DocumentText.Paragraph p : text.paragraphs()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("number", p.number());
      m.put("start", p.start());
      m.put("end", p.end());
      m.put("text", text.text().substring(p.start(), p.end()));
      paragraphs.add(m);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("document", text.document().toMap());
    body.put("paragraphs", paragraphs);
    // The text is the registered version (its sha256 is checked on reading): it changes only
    // with the registry, i.e. with a new build.
    ctx.header("Cache-Control", "public, max-age=3600");
    ctx.json(body);
  }

  void documents(Context ctx) {
    Format.of(ctx, false);
    List<Map<String, Object>> docs = new ArrayList<>();
    for (Document d : citations.documents()) {
      Map<String, Object> m = d.toMap();
      m.put("textAvailable", citations.textAvailable(d));
      docs.add(m);
    }
    String root = Links.root(ctx);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("documents", docs);
    body.put("links", List.of(Links.link(root + "/ogc/documents", "self", Links.JSON, null)));
    ctx.json(body);
  }

  void citation(Context ctx) throws IOException {
    Format.of(ctx, false);
    String featureId = ctx.pathParam("featureId");
    String collection = CuratedEvents.COLLECTION_ID;
    var feature =
        store
            .feature(collection, featureId)
            .orElseThrow(
                () ->
                    ApiException.notFound(
                        "collection '" + collection + "' has no feature '" + featureId + "'"));
    JsonNode p = JSON.readTree(feature.propertiesJson());
    if (!p.path("citation_document").isTextual()
        || !p.path("citation_paragraph").canConvertToInt()
        || !p.path("citation_start").canConvertToInt()
        || !p.path("citation_end").canConvertToInt()) {
      throw ApiException.notFound("event '" + featureId + "' has no citation");
    }
    Citations.Passage passage;
    try {
      passage =
          citations.passage(
              p.path("citation_document").textValue(),
              p.path("citation_paragraph").intValue(),
              p.path("citation_start").intValue(),
              p.path("citation_end").intValue());
    } catch (DocumentText.TextUnavailableException e) {
      throw new ApiException(Reason.NOT_FOUND, "CitationUnavailable", e.getMessage());
    }
    String root = Links.root(ctx);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("event", featureId);
    body.put("document", passage.document().toMap());
    body.put("paragraph", passage.paragraph());
    body.put("start", passage.start());
    body.put("end", passage.end());
    body.put("passage", passage.text());
    body.put(
        "links",
        List.of(
            Links.link(root + ctx.path(), "self", Links.JSON, "this citation"),
            Links.link(
                root + OgcPaths.item(collection, featureId),
                "describes",
                Links.GEOJSON,
                "the event")));
    ctx.json(body);
  }
}
