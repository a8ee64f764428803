package org.sahelmap.api;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sahelmap.store.FeatureStore;
import org.sahelmap.store.Layer;
import org.sahelmap.store.PropertyTypes;

/**
 * {@code /ogc/collections/{id}/schema}: a JSON Schema of one GeoJSON feature of the collection, its
 * {@code properties} member listing each property with the type the features really have (the types
 * the queryables and the typed exports use). The collection links to it as {@code describedBy},
 * which is how GDAL's OGC API Features driver learns field types instead of guessing them from the
 * first page: without it a property that is whole in the first features becomes an integer field
 * and a date stays text.
 */
final class FeatureSchemaHandler {
  /**
   * Written with a capital B: relation names ignore case (RFC 8288), but GDAL 3.6's driver compares
   * this one exactly.
   */
  static final String REL = "describedBy";

  private final FeatureStore store;
  private final FilterParams filters;

  FeatureSchemaHandler(FeatureStore store, FilterParams filters) {
    this.store = store;
    this.filters = filters;
  }

  void schema(Context ctx) {
    Layer layer = CollectionsHandler.layerOr404(store, ctx.pathParam("collectionId"));
    ItemsParams.checkNames(ctx, Set.of());
    if (HttpCaching.notModified(ctx, layer.updatedAt(), "schema")) {
      return;
    }
    Map<String, Object> properties = new LinkedHashMap<>();
    filters.propertyTypes(layer).forEach((name, type) -> properties.put(name, schema(type)));
    Map<String, Object> members = new LinkedHashMap<>();
    members.put("type", Map.of("type", "string", "enum", List.of("Feature")));
    members.put("id", Map.of("type", List.of("string", "integer")));
    members.put(
        "geometry",
        Map.of(
            "description", "a GeoJSON geometry in CRS84 (or the crs asked for)",
            "x-ogc-role", "primary-geometry"));
    members.put("properties", Map.of("type", "object", "properties", properties));
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("$schema", QueryablesHandler.JSON_SCHEMA);
    doc.put("$id", Links.root(ctx) + OgcPaths.schema(layer.id()));
    doc.put("title", "A feature of " + layer.title());
    doc.put("type", "object");
    doc.put("required", List.of("type", "geometry", "properties"));
    doc.put("properties", members);
    ctx.contentType(QueryablesHandler.contentType(ctx.header("Accept")));
    ctx.result(JsonText.toJson(doc));
  }

  /** A property's JSON Schema from its sampled type; mixed types are left open. */
  static Map<String, Object> schema(PropertyTypes.Type t) {
    Map<String, Object> s = new LinkedHashMap<>();
    switch (t.json()) {
      case "number" -> s.put("type", t.integer() ? "integer" : "number");
      case "string" -> {
        s.put("type", "string");
        if (t.date()) {
          s.put("format", "date");
        }
      }
      case "boolean" -> s.put("type", "boolean");
      case "array" -> {
        s.put("type", "array");
        if (t.items() != null && !t.items().equals("object") && !t.items().equals("array")) {
          s.put("items", Map.of("type", t.items()));
        }
      }
      case "object" -> s.put("type", "object");
      default -> s.put("description", "features disagree on this property's type");
    }
    return s;
  }
}
