package org.sahelmap.store;

import org.sahelmap.tiles.TileCoord;

/** Mapbox vector tiles of a layer, made where the features live. */
public interface TileStore {

  /**
   * The tile as MVT bytes with one layer named {@code layerId}; an empty array when no feature
   * falls in it. Events ({@code events} true) are filtered by the query's time window, categories
   * and text, and clustered when the tile holds many (see {@link org.sahelmap.tiles.EventTiles});
   * other layers carry their features with their properties. The query's bbox, limit and offset are
   * ignored: the tile is the box.
   */
  byte[] tile(String layerId, boolean events, TileCoord tile, ItemQuery filters);
}
