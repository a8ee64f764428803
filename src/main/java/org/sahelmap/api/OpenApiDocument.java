package org.sahelmap.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sahelmap.store.FeatureStore;

/**
 * The OpenAPI 3.0 description of {@code /ogc}, built from the same constants the handlers use (the
 * default and maximum limit, the parameter names) so it cannot drift from what the server does.
 */
final class OpenApiDocument {
  private OpenApiDocument() {}

  /** The members a collection carries beyond OGC API Features', for the page and other clients. */
  static final String COLLECTION_MEMBERS =
      "the collection. Beyond the standard members: kind (mission, context, events, aois);"
          + " order, the map's order for lists, legend and drawing (higher is drawn above);"
          + " style, how the page draws it: {color, area (overrides of the default area style),"
          + " bands ([{max_km, fillOpacity}], matched on a feature's band_max_km)}, null where"
          + " the page has its own; metadata, the sources and method it was computed with";

  static Map<String, Object> build(String root, int maxLimit) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("openapi", "3.0.3");
    doc.put(
        "info",
        Map.of(
            "title",
            LandingHandler.TITLE,
            "version",
            "1.0.0",
            "description",
            LandingHandler.DESCRIPTION));
    doc.put("servers", List.of(Map.of("url", root)));
    Map<String, Object> paths = new LinkedHashMap<>();
    paths.put("/ogc", get("Landing page", "landing", List.of(ref("f")), json("the landing page")));
    paths.put(
        "/ogc/conformance",
        get("Conformance classes", "conformance", List.of(), json("conformance classes")));
    paths.put("/ogc/api", get("This API definition", "api", List.of(), json("OpenAPI 3.0")));
    paths.put(
        OgcPaths.COLLECTIONS,
        get(
            "The collections",
            "collections",
            List.of(ref("f")),
            json("the collections, each as at /ogc/collections/{collectionId}")));
    paths.put(
        OgcPaths.COLLECTION,
        get(
            "One collection, with its spatial and temporal extent",
            "collection",
            List.of(ref("collectionId"), ref("f")),
            json(COLLECTION_MEMBERS)));
    paths.put(
        OgcPaths.ITEMS,
        get(
            "Features of a collection, paged; f=geojson with limit=unlimited downloads all of them",
            "items",
            List.of(
                ref("collectionId"),
                ref("bbox"),
                ref("datetime"),
                ref("category"),
                ref("q"),
                ref("limit"),
                ref("offset"),
                ref("itemsFormat")),
            geojson(
                "a GeoJSON FeatureCollection. numberMatched is exact, never estimated: it is"
                    + " given when at most "
                    + String.format("%,d", FeatureStore.COUNT_CAP)
                    + " features match (and always with limit=unlimited), and left out beyond"
                    + " that, where counting would cost more than the page; the next link is"
                    + " present exactly when more features follow")));
    paths.put(
        OgcPaths.ITEM,
        get(
            "One feature",
            "item",
            List.of(ref("collectionId"), ref("featureId")),
            geojson("a GeoJSON Feature")));
    paths.put(
        "/health",
        get("Service and database health", "health", List.of(), json("healthy; 503 when not")));
    OpenApiWritePaths.addTo(paths);
    OpenApiTilePaths.addTo(paths);
    doc.put("paths", paths);

    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("collectionId", param("collectionId", "path", "a collection id", string()));
    parameters.put("featureId", param("featureId", "path", "a feature id", string()));
    parameters.put(
        "f", param("f", "query", "representation: json (default) or html", enumOf("json", "html")));
    parameters.put(
        "itemsFormat",
        param(
            "f",
            "query",
            "json (default) or geojson, which adds Content-Disposition for a file download",
            enumOf("json", "geojson")));
    Map<String, Object> bboxSchema = new LinkedHashMap<>();
    bboxSchema.put("type", "array");
    bboxSchema.put("minItems", 4);
    bboxSchema.put("maxItems", 4);
    bboxSchema.put("items", Map.of("type", "number"));
    Map<String, Object> bbox =
        param(
            "bbox",
            "query",
            "minLon,minLat,maxLon,maxLat in CRS84; features intersecting it are returned",
            bboxSchema);
    bbox.put("style", "form");
    bbox.put("explode", false);
    parameters.put("bbox", bbox);
    parameters.put(
        "datetime",
        param(
            "datetime",
            "query",
            "an RFC 3339 date or date-time, or an interval start/end with '..' for an open end;"
                + " features whose time span overlaps it are returned (collections without time"
                + " ignore it)",
            string()));
    Map<String, Object> limitSchema = new LinkedHashMap<>();
    limitSchema.put(
        "oneOf",
        List.of(
            Map.of(
                "type",
                "integer",
                "minimum",
                1,
                "maximum",
                maxLimit,
                "default",
                ItemsParams.DEFAULT_LIMIT),
            Map.of("type", "string", "enum", List.of(ItemsParams.UNLIMITED))));
    parameters.put(
        "limit",
        param(
            "limit",
            "query",
            "features per page: default "
                + ItemsParams.DEFAULT_LIMIT
                + ", maximum "
                + maxLimit
                + " (larger values are clamped); 'unlimited' returns the whole collection",
            limitSchema));
    parameters.put(
        "offset",
        param(
            "offset",
            "query",
            "features to skip",
            Map.of("type", "integer", "minimum", 0, "default", 0)));
    OpenApiTilePaths.addParameters(parameters);
    doc.put("components", Map.of("parameters", parameters));
    return doc;
  }

  static Map<String, Object> get(
      String summary, String operationId, List<Object> params, Map<String, Object> ok) {
    Map<String, Object> op = new LinkedHashMap<>();
    op.put("summary", summary);
    op.put("operationId", operationId);
    op.put("parameters", params);
    Map<String, Object> responses = new LinkedHashMap<>();
    responses.put("200", ok);
    responses.put("400", error("a parameter is malformed or unknown"));
    responses.put("404", error("no such collection or feature"));
    op.put("responses", responses);
    return Map.of("get", op);
  }

  static Map<String, Object> json(String description) {
    return Map.of("description", description, "content", Map.of("application/json", Map.of()));
  }

  static Map<String, Object> geojson(String description) {
    return Map.of("description", description, "content", Map.of("application/geo+json", Map.of()));
  }

  static Map<String, Object> error(String description) {
    return Map.of(
        "description",
        description,
        "content",
        Map.of(
            "application/json",
            Map.of(
                "schema",
                Map.of(
                    "type", "object",
                    "required", List.of("code", "description"),
                    "properties",
                        Map.of(
                            "code", Map.of("type", "string"),
                            "description", Map.of("type", "string"))))));
  }

  static Map<String, Object> ref(String name) {
    return Map.of("$ref", "#/components/parameters/" + name);
  }

  static Map<String, Object> param(
      String name, String in, String description, Map<String, Object> schema) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("name", name);
    p.put("in", in);
    p.put("required", in.equals("path"));
    p.put("description", description);
    p.put("schema", schema);
    return p;
  }

  static Map<String, Object> string() {
    return Map.of("type", "string");
  }

  private static Map<String, Object> enumOf(String... values) {
    return Map.of("type", "string", "enum", List.of(values));
  }
}
