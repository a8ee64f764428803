package org.sahelmap.api;

import static org.sahelmap.api.Html.esc;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sahelmap.filter.Queryable;
import org.sahelmap.filter.Queryables;
import org.sahelmap.store.FeatureStore;
import org.sahelmap.store.Layer;

/**
 * {@code /ogc/collections/{id}/queryables} (OGC API Features Part 3): the names a filter may use,
 * as a JSON Schema, with the types the collection's features really have; the same {@link
 * Queryables} every filter is checked against.
 */
final class QueryablesHandler {
  static final String SCHEMA_JSON = "application/schema+json";
  static final String JSON_SCHEMA = "https://json-schema.org/draft/2020-12/schema";

  private final FeatureStore store;
  private final FilterParams filters;

  QueryablesHandler(FeatureStore store, FilterParams filters) {
    this.store = store;
    this.filters = filters;
  }

  void queryables(Context ctx) {
    Layer layer = CollectionsHandler.layerOr404(store, ctx.pathParam("collectionId"));
    ItemsParams.checkNames(ctx, java.util.Set.of("f"));
    Format format = Format.of(ctx, true);
    if (HttpCaching.notModified(ctx, layer.updatedAt(), "queryables-" + format.name())) {
      return;
    }
    Queryables q = filters.queryables(layer);
    if (format == Format.HTML) {
      StringBuilder rows = new StringBuilder("<table><tr><th>name</th><th>type</th></tr>");
      q.all()
          .values()
          .forEach(
              v ->
                  rows.append("<tr><td><code>")
                      .append(esc(v.name()))
                      .append("</code></td><td>")
                      .append(esc(schema(v).toString()))
                      .append("</td></tr>"));
      ctx.html(
          Html.page(
              "Queryables of " + layer.title(),
              OgcPaths.queryables(layer.id()) + "?f=json",
              rows + "</table>"));
      return;
    }
    String self = Links.root(ctx) + OgcPaths.queryables(layer.id());
    Map<String, Object> properties = new LinkedHashMap<>();
    q.all().values().forEach(v -> properties.put(v.name(), schema(v)));
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("$schema", JSON_SCHEMA);
    doc.put("$id", self);
    doc.put("type", "object");
    doc.put("title", layer.title());
    doc.put(
        "description",
        "The names a filter (filter-lang cql2-text or cql2-json) may use on this collection,"
            + " with the types its features' values have");
    doc.put("properties", properties);
    doc.put("additionalProperties", false);
    // The drafts of Part 3 listed queryables as an array of {id, type}; GDAL up to 3.6 reads only
    // that (and only then sends its -where to the server). JSON Schema ignores the extra member.
    List<Map<String, Object>> draft = new java.util.ArrayList<>();
    properties.forEach((name, schema) -> draft.add(Map.of("id", name, "title", name)));
    doc.put("queryables", draft);
    ctx.contentType(contentType(ctx.header("Accept")));
    ctx.result(JsonText.toJson(doc));
  }

  /**
   * JSON Schema's own type unless the client asked for plain JSON only (GDAL's OAPIF driver asks
   * for {@code application/json} and refuses any other type in the answer).
   */
  static String contentType(String accept) {
    if (accept != null && accept.contains(Links.JSON) && !accept.contains(SCHEMA_JSON)) {
      return Links.JSON;
    }
    return SCHEMA_JSON;
  }

  /** One queryable as JSON Schema, with the Part 3 roles for geometry and time. */
  static Map<String, Object> schema(Queryable v) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("title", v.title());
    switch (v.type()) {
      case TEXT -> s.put("type", "string");
      case DATE_TEXT -> {
        s.put("type", "string");
        s.put("format", "date");
      }
      case NUMBER -> s.put("type", "number");
      case INTEGER -> s.put("type", "integer");
      case BOOLEAN -> s.put("type", "boolean");
      case TIMESTAMP -> {
        s.put("type", "string");
        s.put("format", "date-time");
        s.put(
            "x-ogc-role",
            v.name().startsWith("start") ? "primary-interval-start" : "primary-interval-end");
      }
      case INTERVAL -> {
        s.put("type", "array");
        s.put("minItems", 2);
        s.put("maxItems", 2);
        s.put("items", Map.of("type", "string", "format", "date-time"));
        s.put(
            "description", "use with the T_ functions, e.g. T_INTERSECTS(datetime, INTERVAL(...))");
      }
      case GEOMETRY -> {
        s.put("format", "geometry-any");
        s.put("x-ogc-role", "primary-geometry");
      }
      case OTHER -> s.put("type", List.of("array", "object"));
    }
    return s;
  }
}
