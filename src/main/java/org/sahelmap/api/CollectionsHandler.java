package org.sahelmap.api;

import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sahelmap.export.ExportFormat;
import org.sahelmap.layers.LayerSpec;
import org.sahelmap.store.Extent;
import org.sahelmap.store.FeatureStore;
import org.sahelmap.store.Layer;

/** {@code /ogc/collections} and {@code /ogc/collections/{collectionId}}. */
final class CollectionsHandler {
  static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";

  private final FeatureStore store;

  CollectionsHandler(FeatureStore store) {
    this.store = store;
  }

  void list(Context ctx) {
    Format format = Format.of(ctx, true);
    List<Layer> layers = store.layers();
    Instant version =
        layers.stream().map(Layer::updatedAt).max(Comparator.naturalOrder()).orElse(Instant.EPOCH);
    if (HttpCaching.notModified(ctx, version, format.name() + layers.size())) {
      return;
    }
    String root = Links.root(ctx);
    List<Map<String, Object>> collections = new ArrayList<>();
    for (Layer layer : layers) {
      collections.add(describe(root, layer, store.extent(layer.id())));
    }
    if (format == Format.HTML) {
      ctx.html(CollectionPages.list(collections));
      return;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put(
        "links",
        List.of(
            Links.link(root + OgcPaths.COLLECTIONS, "self", Links.JSON, "this document"),
            Links.link(
                root + OgcPaths.COLLECTIONS + "?f=html", "alternate", Links.HTML, "as HTML")));
    body.put("collections", collections);
    ctx.json(body);
  }

  void one(Context ctx) {
    Format format = Format.of(ctx, true);
    Layer layer = layerOr404(store, ctx.pathParam("collectionId"));
    if (HttpCaching.notModified(ctx, layer.updatedAt(), format.name())) {
      return;
    }
    Map<String, Object> c = describe(Links.root(ctx), layer, store.extent(layer.id()));
    if (format == Format.HTML) {
      ctx.html(CollectionPages.one(c));
      return;
    }
    ctx.json(c);
  }

  static Layer layerOr404(FeatureStore store, String id) {
    return store.layer(id).orElseThrow(() -> noCollection(id));
  }

  static ApiException noCollection(String id) {
    return ApiException.notFound("no collection with id '" + id + "'");
  }

  static Map<String, Object> describe(String root, Layer layer, Extent extent) {
    String base = root + OgcPaths.collection(layer.id());
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("id", layer.id());
    c.put("title", layer.title());
    c.put("description", layer.description());
    c.put("itemType", "feature");
    // Part 2: the CRSs items and features can be asked in; stored (and served by default) in CRS84.
    c.put("crs", CrsParams.uris());
    c.put("storageCrs", CRS84);
    Map<String, Object> ext = new LinkedHashMap<>();
    if (extent.bbox() != null) {
      ext.put("spatial", Map.of("bbox", List.of(extent.bbox()), "crs", CRS84));
    }
    if (extent.timeStart() != null) {
      List<String> interval = new ArrayList<>();
      interval.add(extent.timeStart().toString());
      interval.add(extent.timeEnd() == null ? null : extent.timeEnd().toString());
      Map<String, Object> temporal = new LinkedHashMap<>();
      temporal.put("interval", List.of(interval));
      temporal.put("trs", "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian");
      ext.put("temporal", temporal);
    }
    c.put("extent", ext);
    c.put("kind", layer.kind());
    c.put("numberOfFeatures", extent.count());
    c.put("computedAt", layer.computedAt() == null ? null : layer.computedAt().toString());
    c.put("updatedAt", layer.updatedAt().toString());
    // Order and style are the page's to read (lists, legend, drawing), so they stand as members of
    // their own rather than inside the provenance metadata.
    c.put("order", layer.displayOrder());
    Map<String, Object> metadata = new LinkedHashMap<>(layer.metadata());
    c.put("style", metadata.remove(LayerSpec.STYLE));
    c.put("metadata", metadata);
    List<Link> links = new ArrayList<>();
    links.addAll(
        List.of(
            Links.link(base, "self", Links.JSON, "this collection"),
            Links.link(base + "?f=html", "alternate", Links.HTML, "this collection as HTML"),
            Links.link(base + "/items", "items", Links.GEOJSON, "its features"),
            Links.link(
                base + "/items?f=geojson",
                "enclosure",
                Links.GEOJSON,
                "all its features as one GeoJSON file"),
            Links.link(
                base + "/queryables",
                Links.REL_QUERYABLES,
                QueryablesHandler.SCHEMA_JSON,
                "the names and types a filter may use"),
            Links.link(
                base + "/schema",
                FeatureSchemaHandler.REL,
                QueryablesHandler.SCHEMA_JSON,
                "a JSON Schema of its features, with each property's type"),
            // The same under the drafts' relation name, which GDAL up to 3.6 looks for.
            Links.link(
                base + "/queryables",
                "queryables",
                Links.JSON,
                "the names and types a filter may use"),
            Links.link(
                base + "/tiles",
                Links.REL_TILESETS_VECTOR,
                Links.JSON,
                "its vector tilesets (Mapbox vector tiles)")));
    for (ExportFormat e : ExportFormat.values()) {
      links.add(
          Links.link(
              base + "/items?f=" + e.f(),
              "enclosure",
              e.mediaType(),
              "all its features as one " + e.title() + " file"));
    }
    c.put("links", links);
    return c;
  }
}
