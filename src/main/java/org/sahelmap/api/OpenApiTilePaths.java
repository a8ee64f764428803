package org.sahelmap.api;

import static org.sahelmap.api.OpenApiDocument.json;
import static org.sahelmap.api.OpenApiDocument.param;
import static org.sahelmap.api.OpenApiDocument.ref;
import static org.sahelmap.api.OpenApiDocument.string;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.sahelmap.events.Event;
import org.sahelmap.tiles.EventTiles;
import org.sahelmap.tiles.WebMercatorQuad;

/**
 * The OGC API Tiles paths (tile matrix sets, tilesets, vector tiles), the events-only filters
 * {@code category} and {@code q}, and the events histogram that takes the same filters.
 */
final class OpenApiTilePaths {
  static final String TILESETS = OgcPaths.TILESETS;
  static final String TILESET = TILESETS + "/{tileMatrixSetId}";
  static final String TILE = TILESET + "/{tileMatrix}/{tileRow}/{tileCol}";

  private OpenApiTilePaths() {}

  static void addTo(Map<String, Object> paths) {
    paths.put(
        "/ogc/tileMatrixSets",
        OpenApiDocument.get(
            "The tile matrix sets this server tiles in",
            "tileMatrixSets",
            List.of(),
            json("the list, with links to each definition")));
    paths.put(
        "/ogc/tileMatrixSets/{tileMatrixSetId}",
        OpenApiDocument.get(
            "A tile matrix set definition (OGC Two Dimensional Tile Matrix Set 2.0 JSON)",
            "tileMatrixSet",
            List.of(ref("tileMatrixSetId")),
            json("the definition")));
    paths.put(
        TILESETS,
        OpenApiDocument.get(
            "The vector tilesets of a collection",
            "tilesets",
            List.of(ref("collectionId")),
            json("the tileset list")));
    paths.put(
        TILESET,
        OpenApiDocument.get(
            "Tileset metadata: tile matrix set, limits, the tile URL template and the layer's"
                + " properties",
            "tileset",
            List.of(ref("collectionId"), ref("tileMatrixSetId")),
            json("the tileset")));
    Map<String, Object> tile =
        OpenApiDocument.get(
            "A Mapbox vector tile with one layer named as the collection. Events: each event when"
                + " at most "
                + EventTiles.MAX_POINTS
                + " match in the tile, else clusters on a "
                + EventTiles.GRID
                + "×"
                + EventTiles.GRID
                + " grid (count, n_<category>, min_lon, min_lat, max_lon, max_lat)",
            "tile",
            List.of(
                ref("collectionId"),
                ref("tileMatrixSetId"),
                ref("tileMatrix"),
                ref("tileRow"),
                ref("tileCol"),
                ref("datetime"),
                ref("category"),
                ref("q")),
            Map.of(
                "description",
                "the tile",
                "content",
                Map.of(Links.MVT, Map.of("schema", Map.of("type", "string", "format", "binary")))));
    @SuppressWarnings("unchecked")
    Map<String, Object> responses =
        (Map<String, Object>) ((Map<String, Object>) tile.get("get")).get("responses");
    responses.put("204", Map.of("description", "no feature falls in the tile"));
    responses.put("304", Map.of("description", "the client's copy (If-None-Match) is current"));
    responses.put(
        "404",
        OpenApiDocument.error(
            "no such collection or tile matrix set, or the tile lies outside the tile matrix set"
                + " limits"));
    paths.put(TILE, tile);
    paths.put(
        HistogramHandler.PATH,
        OpenApiDocument.get(
            "Matching events per month of their start (UTC) and per category; total equals the"
                + " items' numberMatched for the same filters",
            "eventsHistogram",
            List.of(ref("bbox"), ref("datetime"), ref("category"), ref("q")),
            json("{total, months: [{month: yyyy-MM, count}], categories: {category: count}}")));
  }

  static void addParameters(Map<String, Object> parameters) {
    parameters.put(
        "tileMatrixSetId",
        param(
            "tileMatrixSetId",
            "path",
            "a tile matrix set id",
            Map.of("type", "string", "enum", List.of(WebMercatorQuad.ID))));
    parameters.put(
        "tileMatrix",
        param(
            "tileMatrix",
            "path",
            "zoom level",
            Map.of("type", "integer", "minimum", 0, "maximum", WebMercatorQuad.MAX_SERVED_ZOOM)));
    parameters.put(
        "tileRow",
        param(
            "tileRow",
            "path",
            "row from the top (north), 0 to 2^tileMatrix − 1",
            Map.of("type", "integer", "minimum", 0)));
    parameters.put(
        "tileCol",
        param(
            "tileCol",
            "path",
            "column from the left (west), 0 to 2^tileMatrix − 1",
            Map.of("type", "integer", "minimum", 0)));
    Map<String, Object> category =
        param(
            "category",
            "query",
            "events only: one or more categories, comma-separated; events of any of them match"
                + " (an unknown category is refused with 400)",
            Map.of(
                "type",
                "array",
                "items",
                Map.of("type", "string", "enum", List.copyOf(new TreeSet<>(Event.CATEGORIES)))));
    category.put("style", "form");
    category.put("explode", false);
    parameters.put("category", category);
    Map<String, Object> textSchema = new LinkedHashMap<>(string());
    textSchema.put("maxLength", ItemsParams.MAX_TEXT);
    parameters.put(
        "q",
        param(
            "q",
            "query",
            "events only: text found, ignoring case, in the title, summary, place name or actors",
            textSchema));
  }
}
