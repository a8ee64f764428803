package org.sahelmap.api;

import io.javalin.http.Context;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sahelmap.export.ExportFormat;
import org.sahelmap.export.GeoJsonFeatureWriter;
import org.sahelmap.live.FeatureCache;
import org.sahelmap.store.FeatureStore;
import org.sahelmap.store.ItemQuery;
import org.sahelmap.store.Layer;

/**
 * {@code /ogc/collections/{id}/items} and {@code .../items/{featureId}}. Pages and whole-collection
 * exports ({@code f=geojson}: every match, as a file) are streamed from PostGIS straight to the
 * response.
 */
final class ItemsHandler {
  private final FeatureStore store;
  private final int maxLimit;
  private final FilterParams filters;
  private final FileExports files;

  /** One feature by id goes through the cache the change feed keeps fresh. */
  private final FeatureCache features;

  ItemsHandler(FeatureStore store, int maxLimit, FilterParams filters, FeatureCache features) {
    this.store = store;
    this.maxLimit = maxLimit;
    this.filters = filters;
    this.features = features;
    this.files = new FileExports(store, filters);
  }

  void items(Context ctx) throws IOException {
    Layer layer = CollectionsHandler.layerOr404(store, ctx.pathParam("collectionId"));
    Format format = Format.forItems(ctx);
    boolean download = format == Format.GEOJSON_DOWNLOAD || format.export().isPresent();
    boolean events = "events".equals(layer.kind());
    if (!events) {
      ItemsParams.rejectEventFilters(ctx, layer.id());
    }
    ItemQuery query =
        CrsParams.apply(
            ctx, filters.apply(ctx, layer, ItemsParams.parse(ctx, maxLimit, events, download)));
    if (format == Format.HTML) {
      query = query.page(Math.min(query.limit(), ItemPages.MAX_HTML_ROWS), query.offset());
    }
    // A collection without time has no time to filter on: datetime then selects everything, as
    // every feature of it holds at all times.
    if (query.hasTime() && !events) {
      query = query.withoutTime();
    }
    if (HttpCaching.notModified(ctx, layer.updatedAt(), format.name())) {
      return;
    }
    if (format.export().isPresent()) {
      files.write(ctx, layer, query, format.export().get());
      return;
    }
    String self = Links.root(ctx) + ctx.path();
    if (format == Format.HTML) {
      List<FeatureStore.StoredFeature> rows = new ArrayList<>();
      FeatureStore.Page page =
          store.page(
              layer.id(), query, (id, g, p) -> rows.add(new FeatureStore.StoredFeature(id, g, p)));
      ctx.html(ItemPages.items(layer, rows, pageLinks(ctx, self, query, page), page.matched()));
      return;
    }

    ctx.contentType(Links.GEOJSON + ";charset=utf-8");
    if (format == Format.GEOJSON_DOWNLOAD) {
      ctx.header("Content-Disposition", "attachment; filename=\"" + layer.id() + ".geojson\"");
    }
    Writer out =
        new BufferedWriter(
            new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8), 1 << 16);
    GeoJsonFeatureWriter writer =
        GeoJsonFeatureWriter.begin(
            out, Map.of("timeStamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()));
    FeatureStore.Page page = store.page(layer.id(), query, writer);
    // numberMatched and the links follow the features: whether a next page exists is known once
    // the page has been read (see FeatureStore#page).
    Map<String, Object> members = new LinkedHashMap<>();
    page.matched().ifPresent(n -> members.put("numberMatched", n));
    members.put("links", pageLinks(ctx, self, query, page));
    writer.end(members);
  }

  void item(Context ctx) throws IOException {
    String collectionId = ctx.pathParam("collectionId");
    String featureId = ctx.pathParam("featureId");
    FeatureStore.LayerFeature found =
        features
            .layerFeature(collectionId, featureId)
            .orElseThrow(() -> CollectionsHandler.noCollection(collectionId));
    Layer layer = found.layer();
    ItemsParams.checkNames(ctx, Set.of("f", CrsParams.CRS));
    CrsParams.Supported crs = CrsParams.of(CrsParams.CRS, ctx.queryParam(CrsParams.CRS));
    Format format = Format.of(ctx, true);
    var feature =
        found
            .feature()
            .orElseThrow(
                () ->
                    ApiException.notFound(
                        "collection '" + layer.id() + "' has no feature '" + featureId + "'"));
    if (HttpCaching.notModified(
        ctx, layer.updatedAt(), format.name() + crs.srid() + crs.latitudeFirst())) {
      return;
    }
    if (format == Format.HTML) {
      ctx.html(ItemPages.item(layer, feature));
      return;
    }
    ctx.header("Content-Crs", "<" + crs.uri() + ">");
    String geometry = feature.geometryJson();
    if (!crs.uri().equals(CrsParams.CRS84)) {
      geometry = store.geometryIn(layer.id(), featureId, crs.reprojection()).orElse(geometry);
    }
    String base = Links.root(ctx) + OgcPaths.collection(layer.id());
    String self = Links.root(ctx) + ctx.path();
    List<Link> links =
        List.of(
            Links.link(self, "self", Links.GEOJSON, "this feature"),
            Links.link(self + "?f=html", "alternate", Links.HTML, "this feature as HTML"),
            Links.link(base, "collection", Links.JSON, "the collection it belongs to"));
    StringWriter sw = new StringWriter();
    GeoJsonFeatureWriter.writeFeature(
        sw, feature.id(), geometry, feature.propertiesJson(), Map.of("links", links));
    ctx.contentType(Links.GEOJSON + ";charset=utf-8");
    ctx.result(sw.toString());
  }

  private static List<Link> pageLinks(
      Context ctx, String self, ItemQuery query, FeatureStore.Page page) {
    List<Link> links = new ArrayList<>();
    links.add(Links.link(selfWith(ctx, self, null), "self", Links.GEOJSON, "this page"));
    links.add(Links.link(twin(ctx, self, "html"), "alternate", Links.HTML, "this page as HTML"));
    // The same matches as files: with no limit in the request, every match rather than a page.
    for (ExportFormat e : ExportFormat.values()) {
      links.add(
          Links.link(
              twin(ctx, self, e.f()), "alternate", e.mediaType(), "these matches as " + e.title()));
    }
    if (query.limit() != ItemQuery.UNLIMITED) {
      if (page.more()) {
        long next = query.offset() + query.limit();
        links.add(Links.link(selfWith(ctx, self, next), "next", Links.GEOJSON, "next page"));
      }
      if (query.offset() > 0) {
        long prev = Math.max(0, query.offset() - query.limit());
        links.add(Links.link(selfWith(ctx, self, prev), "prev", Links.GEOJSON, "previous page"));
      }
    }
    String base = self.substring(0, self.lastIndexOf("/items"));
    links.add(Links.link(base, "collection", Links.JSON, "the collection"));
    return links;
  }

  /**
   * The request's own URL in another format: {@code f} in place of any {@code f}, other parameters
   * kept.
   */
  private static String twin(Context ctx, String self, String f) {
    StringBuilder q = new StringBuilder("?f=").append(f);
    for (Map.Entry<String, List<String>> p : ctx.queryParamMap().entrySet()) {
      if (!p.getKey().equals("f")) {
        for (String v : p.getValue()) {
          q.append('&').append(Query.encode(p.getKey())).append('=').append(Query.encode(v));
        }
      }
    }
    return self + q;
  }

  /** The request's own URL, with offset replaced when one is given; parameters keep their order. */
  private static String selfWith(Context ctx, String self, Long offset) {
    StringBuilder q = new StringBuilder();
    boolean offsetWritten = false;
    for (Map.Entry<String, List<String>> p : ctx.queryParamMap().entrySet()) {
      for (String v : p.getValue()) {
        String value = v;
        if (p.getKey().equals("offset") && offset != null) {
          value = Long.toString(offset);
          offsetWritten = true;
        }
        q.append(q.length() == 0 ? "?" : "&")
            .append(Query.encode(p.getKey()))
            .append('=')
            .append(Query.encode(value));
      }
    }
    if (offset != null && !offsetWritten) {
      q.append(q.length() == 0 ? "?" : "&").append("offset=").append(offset);
    }
    return self + q;
  }
}
