package org.sahelmap.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sahelmap.aoi.AoiStore;
import org.sahelmap.export.ExportFormat;
import org.sahelmap.export.GeoPackageFile;
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
    // The landing page is the base a client is given (http://HOST/ogc): every path is relative
    // to it, so base + "/conformance" is right with or without a trailing slash. Paths outside
    // /ogc name their own server.
    doc.put("servers", List.of(Map.of("url", root + BASE)));
    Map<String, Object> paths = readPaths();
    OpenApiWritePaths.addTo(paths);
    OpenApiTilePaths.addTo(paths);
    doc.put("paths", relativeToBase(paths, root));

    Map<String, Object> parameters = parameters(maxLimit);
    OpenApiTilePaths.addParameters(parameters);
    doc.put("components", Map.of("parameters", parameters, "securitySchemes", SECURITY_SCHEMES));
    // Reads need no credentials while the server lets anonymous visitors view (the default); with
    // --anonymous none they take any of these.
    doc.put(
        "security",
        List.of(
            Map.of(),
            Map.of("basic", List.of()),
            Map.of("bearer", List.of()),
            Map.of("session", List.of())));
    return doc;
  }

  /** The read paths of Part 1 and 3 (landing, conformance, API, collections, items, queryables). */
  private static Map<String, Object> readPaths() {
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
    paths.put(OgcPaths.ITEMS, itemsGet("items", true));
    // Declared on its own path too (which also takes POST), or a client reading the document
    // would conclude GET is not allowed there.
    paths.put(OgcPaths.items(AoiStore.LAYER), itemsGet("aoiItems", false));
    paths.put(
        OgcPaths.ITEM,
        get(
            "One feature",
            "item",
            List.of(ref("collectionId"), ref("featureId"), ref("crs")),
            geojson("a GeoJSON Feature")));
    paths.put(
        OgcPaths.QUERYABLES,
        get(
            "The names and types a filter on this collection may use (JSON Schema)",
            "queryables",
            List.of(ref("collectionId"), ref("f")),
            Map.of(
                "description",
                "a JSON Schema: id, geometry, each property with its type and, for events,"
                    + " start_time, end_time and the interval datetime",
                "content",
                Map.of(QueryablesHandler.SCHEMA_JSON, Map.of()))));
    paths.put(
        OgcPaths.SCHEMA,
        get(
            "A JSON Schema of this collection's GeoJSON features, each property with its type",
            "schema",
            List.of(ref("collectionId")),
            Map.of(
                "description",
                "a JSON Schema of a GeoJSON Feature; its properties member lists the collection's"
                    + " properties and their types",
                "content",
                Map.of(QueryablesHandler.SCHEMA_JSON, Map.of()))));
    paths.put(
        "/health",
        get("Service and database health", "health", List.of(), json("healthy; 503 when not")));
    return paths;
  }

  /**
   * The reusable parameters, each as Part 1–3 give their fragments, with our default and limits.
   */
  private static Map<String, Object> parameters(int maxLimit) {
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
            "json (default), html, or a file (Content-Disposition: attachment) holding every"
                + " match unless limit is given: geojson, csv (id, properties, lon/lat for points,"
                + " WKT), kml or gpkg (GeoPackage, at most "
                + String.format("%,d", GeoPackageFile.MAX_FEATURES)
                + " features); the files' media types are also negotiated by Accept",
            enumOf("json", "html", "geojson", "csv", "kml", "gpkg")));
    whereParameters(parameters);
    pagingParameters(parameters, maxLimit);
    filterParameters(parameters);
    crsParameters(parameters);
    outputParameters(parameters);
    return parameters;
  }

  /** bbox and datetime: where and when. */
  private static void whereParameters(Map<String, Object> parameters) {
    Map<String, Object> bboxSchema = new LinkedHashMap<>();
    bboxSchema.put("type", "array");
    bboxSchema.put("minItems", 4);
    bboxSchema.put("maxItems", 6);
    bboxSchema.put("items", Map.of("type", "number"));
    Map<String, Object> bbox =
        param(
            "bbox",
            "query",
            "minLon,minLat,maxLon,maxLat in CRS84 (or 6 numbers with minimum and maximum height);"
                + " features intersecting it are returned; minLon > maxLon crosses the"
                + " antimeridian",
            bboxSchema);
    bbox.put("style", "form");
    bbox.put("explode", false);
    parameters.put("bbox", bbox);
    Map<String, Object> datetime =
        param(
            "datetime",
            "query",
            "an RFC 3339 date or date-time, or an interval start/end with '..' for an open end;"
                + " features whose time span overlaps it are returned (collections without time"
                + " ignore it)",
            string());
    datetime.put("style", "form");
    datetime.put("explode", false);
    parameters.put("datetime", datetime);
  }

  /** limit (the fragment of Part 1, /req/core/fc-limit-definition) and offset. */
  private static void pagingParameters(Map<String, Object> parameters, int maxLimit) {
    // The fragment of Part 1 (/req/core/fc-limit-definition), with our default and maximum.
    Map<String, Object> limitSchema = new LinkedHashMap<>();
    limitSchema.put("type", "integer");
    limitSchema.put("minimum", 1);
    limitSchema.put("maximum", maxLimit);
    limitSchema.put("default", ItemsParams.DEFAULT_LIMIT);
    Map<String, Object> limit =
        param(
            "limit",
            "query",
            "features per page: default "
                + ItemsParams.DEFAULT_LIMIT
                + ", maximum "
                + maxLimit
                + " (larger values are clamped); with f=geojson and no limit, every match",
            limitSchema);
    limit.put("style", "form");
    limit.put("explode", false);
    parameters.put("limit", limit);
    parameters.put(
        "offset",
        param(
            "offset",
            "query",
            "features to skip",
            Map.of("type", "integer", "minimum", 0, "default", 0)));
  }

  /** Part 3: filter, filter-lang, filter-crs. */
  private static void filterParameters(Map<String, Object> parameters) {
    parameters.put(
        "filter",
        param(
            "filter",
            "query",
            "a CQL2 expression over the collection's queryables (see /queryables): comparisons,"
                + " AND/OR/NOT, LIKE, IN, BETWEEN, IS NULL, CASEI, S_INTERSECTS and the other"
                + " S_ functions over WKT or BBOX in CRS84, S_DWITHIN(a, b, distance[, meters |"
                + " kilometers]) measured on the WGS84 spheroid, T_INTERSECTS, T_BEFORE, T_AFTER and"
                + " the other T_ functions over DATE, TIMESTAMP and INTERVAL; joined with the"
                + " other parameters by AND. A malformed filter is 400 naming the place",
            string()));
    parameters.put(
        "filter-lang",
        param(
            "filter-lang",
            "query",
            "the encoding of filter; cql-text, the drafts' name, is read as cql2-text",
            Map.of(
                "type",
                "string",
                "enum",
                List.of(FilterParams.CQL2_TEXT, FilterParams.CQL2_JSON, FilterParams.DRAFT_TEXT),
                "default",
                FilterParams.CQL2_TEXT)));
    parameters.put(
        "filter-crs",
        param(
            "filter-crs",
            "query",
            "the CRS of geometries in filter: CRS84 only",
            Map.of(
                "type",
                "string",
                "format",
                "uri",
                "enum",
                List.of(FilterParams.CRS84),
                "default",
                FilterParams.CRS84)));
  }

  /** Part 2: crs and bbox-crs. */
  private static void crsParameters(Map<String, Object> parameters) {
    Map<String, Object> crsSchema =
        Map.of(
            "type",
            "string",
            "format",
            "uri",
            "enum",
            CrsParams.uris(),
            "default",
            CrsParams.CRS84);
    parameters.put(
        "crs",
        param(
            "crs",
            "query",
            "the CRS of the geometries in the answer (Content-Crs names it); EPSG:4326 puts"
                + " latitude first",
            crsSchema));
    parameters.put(
        "bbox-crs",
        param("bbox-crs", "query", "the CRS bbox is given in, in its own axis order", crsSchema));
  }

  /** sortby, properties and skipGeometry: the shape of the answer. */
  private static void outputParameters(Map<String, Object> parameters) {
    Map<String, Object> sortby =
        param(
            "sortby",
            "query",
            "queryables to order by, comma-separated, each ascending or with '-' descending"
                + " (e.g. -fatalities,title); ties keep the collection's order",
            Map.of("type", "array", "minItems", 1, "items", Map.of("type", "string")));
    sortby.put("style", "form");
    sortby.put("explode", false);
    parameters.put("sortby", sortby);
    Map<String, Object> properties =
        param(
            "properties",
            "query",
            "the feature properties to return, comma-separated (the others are left out)",
            Map.of("type", "array", "items", Map.of("type", "string")));
    properties.put("style", "form");
    properties.put("explode", false);
    parameters.put("properties", properties);
    parameters.put(
        "skipGeometry",
        param(
            "skipGeometry",
            "query",
            "true: every feature's geometry is null",
            Map.of("type", "boolean", "default", false)));
  }

  static final String BASE = "/ogc";

  /**
   * How a client says who it is (api.AccessControl): Basic reads only; bearer and session write.
   */
  private static final Map<String, Object> SECURITY_SCHEMES =
      Map.of(
          "basic",
          Map.of(
              "type",
              "http",
              "scheme",
              "basic",
              "description",
              "an account's name and password; reads only"),
          "bearer",
          Map.of(
              "type",
              "http",
              "scheme",
              "bearer",
              "description",
              "an API token (POST /api/tokens or `token add`)"),
          "session",
          Map.of(
              "type",
              "apiKey",
              "in",
              "cookie",
              "name",
              AccessControl.COOKIE,
              "description",
              "the page's session (POST /api/session); writes also send X-CSRF-Token"));

  /** GET on a collection's items; {@code generic}: the path has the {collectionId} parameter. */
  private static Map<String, Object> itemsGet(String operationId, boolean generic) {
    List<Object> params = new java.util.ArrayList<>();
    if (generic) {
      params.add(ref("collectionId"));
    }
    params.addAll(
        List.of(
            ref("bbox"),
            ref("datetime"),
            ref("category"),
            ref("q"),
            ref("limit"),
            ref("offset"),
            ref("filter"),
            ref("filter-lang"),
            ref("filter-crs"),
            ref("crs"),
            ref("bbox-crs"),
            ref("sortby"),
            ref("properties"),
            ref("skipGeometry"),
            ref("itemsFormat")));
    Map<String, Object> op =
        get(
            "Features of a collection, paged; f=geojson, csv, kml or gpkg downloads all of them as a"
                + " file",
            operationId,
            params,
            itemsResponse(
                "a GeoJSON FeatureCollection. numberMatched is exact, never estimated: it is"
                    + " given when at most "
                    + String.format("%,d", FeatureStore.COUNT_CAP)
                    + " features match (and always with f=geojson), and left out beyond"
                    + " that, where counting would cost more than the page; the next link is"
                    + " present exactly when more features follow"));
    @SuppressWarnings("unchecked")
    Map<String, Object> responses =
        (Map<String, Object>) ((Map<String, Object>) op.get("get")).get("responses");
    responses.put("413", error("a GeoPackage export would hold too many features"));
    return op;
  }

  /**
   * The paths as the document states them: those under /ogc relative to the server URL (which ends
   * in /ogc), the others (/health, /api/...) with their own server, the root.
   */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> relativeToBase(Map<String, Object> paths, String root) {
    Map<String, Object> out = new LinkedHashMap<>();
    paths.forEach(
        (path, item) -> {
          if (path.equals(BASE)) {
            out.put("/", item);
          } else if (path.startsWith(BASE + "/")) {
            out.put(path.substring(BASE.length()), item);
          } else {
            Map<String, Object> own = new LinkedHashMap<>((Map<String, Object>) item);
            own.put("servers", List.of(Map.of("url", root)));
            out.put(path, own);
          }
        });
    return out;
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

  /** The items' 200: GeoJSON, or one of the export formats' files. */
  static Map<String, Object> itemsResponse(String description) {
    Map<String, Object> content = new LinkedHashMap<>();
    content.put("application/geo+json", Map.of());
    content.put(Links.HTML, Map.of());
    for (ExportFormat e : ExportFormat.values()) {
      content.put(
          e.mediaType(),
          e.textWriter().isPresent()
              ? Map.of()
              : Map.of("schema", Map.of("type", "string", "format", "binary")));
    }
    return Map.of("description", description, "content", content);
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
