package org.sahelmap.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sahelmap.events.Event;
import org.sahelmap.store.Layer;
import org.sahelmap.tiles.EventTiles;
import org.sahelmap.tiles.WebMercatorQuad;

/** The JSON documents of OGC API Tiles: tile matrix set list, tileset list, tileset metadata. */
final class TilesetDocuments {
  private TilesetDocuments() {}

  static String tileMatrixSetUrl(String root) {
    return root + "/ogc/tileMatrixSets/" + WebMercatorQuad.ID;
  }

  static String tilesetUrl(String root, Layer layer) {
    return root + OgcPaths.tilesets(layer.id()) + "/" + WebMercatorQuad.ID;
  }

  static Map<String, Object> tileMatrixSets(String root) {
    Map<String, Object> tms = new LinkedHashMap<>();
    tms.put("id", WebMercatorQuad.ID);
    tms.put("title", "Google Maps Compatible for the World");
    tms.put("uri", WebMercatorQuad.URI);
    tms.put(
        "links",
        List.of(
            Links.link(
                tileMatrixSetUrl(root), "self", Links.JSON, "the tile matrix set definition")));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put(
        "links",
        List.of(Links.link(root + "/ogc/tileMatrixSets", "self", Links.JSON, "this document")));
    body.put("tileMatrixSets", List.of(tms));
    return body;
  }

  static Map<String, Object> tilesets(String root, Layer layer) {
    Map<String, Object> ts = summary(root, layer);
    ts.put(
        "links",
        List.of(
            Links.link(tilesetUrl(root, layer), "self", Links.JSON, "the tileset"),
            Links.link(
                tileMatrixSetUrl(root),
                Links.REL_TILING_SCHEME,
                Links.JSON,
                "its tile matrix set")));
    Map<String, Object> body = new LinkedHashMap<>();
    String base = root + OgcPaths.collection(layer.id());
    body.put(
        "links",
        List.of(
            Links.link(base + "/tiles", "self", Links.JSON, "this document"),
            Links.link(base, "collection", Links.JSON, "the collection")));
    body.put("tilesets", List.of(ts));
    return body;
  }

  static Map<String, Object> tileset(String root, Layer layer) {
    Map<String, Object> ts = summary(root, layer);
    ts.put("tileMatrixSetLimits", WebMercatorQuad.limits());
    ts.put("minTileMatrix", "0");
    ts.put("maxTileMatrix", Integer.toString(WebMercatorQuad.MAX_SERVED_ZOOM));
    Link item =
        Links.link(
                tilesetUrl(root, layer) + "/{tileMatrix}/{tileRow}/{tileCol}",
                "item",
                Links.MVT,
                "a tile (204 No Content when empty)")
            .asTemplate();
    ts.put(
        "links",
        List.of(
            Links.link(tilesetUrl(root, layer), "self", Links.JSON, "this tileset"),
            Links.link(
                tileMatrixSetUrl(root), Links.REL_TILING_SCHEME, Links.JSON, "its tile matrix set"),
            Links.link(
                root + OgcPaths.collection(layer.id()), "collection", Links.JSON, "the collection"),
            item));
    ts.put("layers", List.of(layerDescription(layer)));
    return ts;
  }

  private static Map<String, Object> summary(String root, Layer layer) {
    Map<String, Object> ts = new LinkedHashMap<>();
    ts.put("title", layer.title() + " (vector tiles)");
    ts.put("dataType", "vector");
    ts.put("crs", WebMercatorQuad.CRS);
    ts.put("tileMatrixSetURI", WebMercatorQuad.URI);
    return ts;
  }

  /** The one MVT layer of each tile: named as the collection, with its properties. */
  private static Map<String, Object> layerDescription(Layer layer) {
    boolean events = "events".equals(layer.kind());
    Map<String, Object> l = new LinkedHashMap<>();
    l.put("id", layer.id());
    l.put("dataType", "vector");
    l.put("minTileMatrix", "0");
    l.put("maxTileMatrix", Integer.toString(WebMercatorQuad.MAX_SERVED_ZOOM));
    Map<String, Object> props = new LinkedHashMap<>();
    if (events) {
      l.put("geometryDimension", 0);
      l.put(
          "description",
          "Each tile holds its matching events (datetime, category, q) when there are at most "
              + EventTiles.MAX_POINTS
              + ", each with the string properties "
              + String.join(", ", EventTiles.EVENT_PROPERTIES)
              + ". A fuller tile holds clusters instead: one point per non-empty cell of a "
              + EventTiles.GRID
              + "×"
              + EventTiles.GRID
              + " grid, at the mean position of its events, with "
              + EventTiles.COUNT
              + ", "
              + EventTiles.CATEGORY_PREFIX
              + "<category> for each category present, and the lon/lat bounds "
              + String.join(", ", EventTiles.BOUNDS)
              + ". A cluster is told by its count. Each event is in exactly one tile per zoom"
              + " level, so counts add up.");
      for (String p : EventTiles.EVENT_PROPERTIES) {
        props.put(p, Map.of("type", "string"));
      }
      props.put(EventTiles.COUNT, Map.of("type", "integer", "description", "events in a cluster"));
      for (String c : Event.CATEGORIES.stream().sorted().toList()) {
        props.put(
            EventTiles.CATEGORY_PREFIX + c,
            Map.of("type", "integer", "description", "events of category " + c + " in a cluster"));
      }
      for (String b : EventTiles.BOUNDS) {
        props.put(b, Map.of("type", "number", "description", "bounds of a cluster's events"));
      }
    } else {
      l.put(
          "description",
          "Every feature touching the tile, with the properties its items have, plus id.");
      props.put("id", Map.of("type", "string"));
    }
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", "object");
    schema.put("properties", props);
    l.put("propertiesSchema", schema);
    return l;
  }
}
