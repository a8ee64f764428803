package org.sahelmap.api;

import io.javalin.http.Context;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import org.sahelmap.errors.Reason;
import org.sahelmap.store.FeatureStore;
import org.sahelmap.store.ItemQuery;
import org.sahelmap.store.Layer;
import org.sahelmap.store.TileStore;
import org.sahelmap.tiles.TileCache;
import org.sahelmap.tiles.TileCoord;
import org.sahelmap.tiles.WebMercatorQuad;

/**
 * OGC API Tiles: {@code /ogc/tileMatrixSets[/{id}]}, {@code /ogc/collections/{id}/tiles[/{tms}]}
 * and the tiles themselves, Mapbox vector tiles made by PostGIS. A tile outside the matrix set
 * limits is 404 (OGC API Tiles, requirement /req/core/tc-error); an empty one is 204.
 */
final class TilesHandler {
  static final Set<String> TILE_PARAMS = Set.of("datetime");

  private final FeatureStore store;
  private final TileStore tiles;
  private final TileCache cache;

  TilesHandler(FeatureStore store, TileStore tiles, TileCache cache) {
    this.store = store;
    this.tiles = tiles;
    this.cache = cache;
  }

  void tileMatrixSets(Context ctx) {
    ItemsParams.checkNames(ctx, Set.of("f"));
    ctx.json(TilesetDocuments.tileMatrixSets(Links.root(ctx)));
  }

  void tileMatrixSet(Context ctx) {
    ItemsParams.checkNames(ctx, Set.of("f"));
    tileMatrixSetOr404(ctx);
    ctx.json(WebMercatorQuad.definition());
  }

  void tilesets(Context ctx) {
    ItemsParams.checkNames(ctx, Set.of("f"));
    Layer layer = CollectionsHandler.layerOr404(store, ctx.pathParam("collectionId"));
    ctx.json(TilesetDocuments.tilesets(Links.root(ctx), layer));
  }

  void tileset(Context ctx) {
    ItemsParams.checkNames(ctx, Set.of("f"));
    Layer layer = CollectionsHandler.layerOr404(store, ctx.pathParam("collectionId"));
    tileMatrixSetOr404(ctx);
    ctx.json(TilesetDocuments.tileset(Links.root(ctx), layer));
  }

  void tile(Context ctx) {
    Layer layer = CollectionsHandler.layerOr404(store, ctx.pathParam("collectionId"));
    tileMatrixSetOr404(ctx);
    long z = integer(ctx, "tileMatrix");
    long y = integer(ctx, "tileRow");
    long x = integer(ctx, "tileCol");
    boolean events = "events".equals(layer.kind());
    if (!events) {
      ItemsParams.rejectEventFilters(ctx, layer.id());
    }
    ItemsParams.checkNames(
        ctx, events ? ItemsParams.union(TILE_PARAMS, ItemsParams.EVENT_FILTERS) : TILE_PARAMS);
    Instant[] window = ItemsParams.datetime(ctx.queryParam("datetime"));
    ItemQuery filters =
        events
            ? new ItemQuery(
                null,
                window[0],
                window[1],
                ItemQuery.UNLIMITED,
                0,
                ItemsParams.categories(ctx.queryParam("category")),
                ItemsParams.text(ctx.queryParam("q")))
            // Layers without time hold at all times, as on items: datetime selects everything.
            : new ItemQuery(null, null, null, ItemQuery.UNLIMITED, 0);
    if (!TileCoord.inMatrix(z, x, y)) {
      throw new ApiException(
          Reason.NOT_FOUND,
          "TileNotFound",
          "tile "
              + z
              + "/"
              + y
              + "/"
              + x
              + " is outside the tile matrix set limits: tileMatrix 0–"
              + WebMercatorQuad.MAX_SERVED_ZOOM
              + ", tileRow and tileCol 0 to 2^tileMatrix − 1");
    }
    String variant = variant(filters);
    if (HttpCaching.notModified(
        ctx, layer.updatedAt(), "mvt-" + Integer.toHexString(variant.hashCode()))) {
      return;
    }
    TileCoord coord = new TileCoord((int) z, (int) x, (int) y);
    byte[] mvt =
        cache.get(
            new TileCache.Key(layer.id(), layer.updatedAt(), coord, variant),
            () -> tiles.tile(layer.id(), events, coord, filters));
    if (mvt.length == 0) {
      ctx.status(204);
      return;
    }
    ctx.contentType(Links.MVT);
    ctx.result(mvt);
  }

  /** The filters, canonical: for the cache key and (hashed) the ETag. */
  private static String variant(ItemQuery f) {
    return f.from() + "/" + f.to() + "|" + new TreeSet<>(f.categories()) + "|" + f.text();
  }

  private static void tileMatrixSetOr404(Context ctx) {
    String id = ctx.pathParam("tileMatrixSetId");
    if (!WebMercatorQuad.ID.equals(id)) {
      throw ApiException.notFound(
          "no tile matrix set '" + id + "'; this server offers " + WebMercatorQuad.ID);
    }
  }

  private static long integer(Context ctx, String name) {
    String raw = ctx.pathParam(name);
    try {
      return Long.parseLong(raw);
    } catch (NumberFormatException e) {
      throw ApiException.badParameter(name, "'" + raw + "' is not a whole number");
    }
  }
}
