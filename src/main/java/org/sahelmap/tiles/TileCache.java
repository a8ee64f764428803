package org.sahelmap.tiles;

import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Tiles made recently, so that many clients looking at the same map cost one query per tile. The
 * key holds everything a tile depends on, the layer's version included, so a changed layer is never
 * answered from here: its old tiles just age out. Bounded in bytes, least recently used out first;
 * concurrent requests for a tile not yet made wait for the one query that makes it.
 */
public final class TileCache {

  /** A tile of one version of a layer under one set of filters (a canonical string). */
  public record Key(String layerId, Instant version, TileCoord tile, String filters) {}

  private final long maxBytes;
  private final LinkedHashMap<Key, byte[]> recent = new LinkedHashMap<>(256, 0.75f, true);
  private final Map<Key, CompletableFuture<byte[]>> making = new ConcurrentHashMap<>();
  private long bytes;

  public TileCache(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  public byte[] get(Key key, Supplier<byte[]> make) {
    synchronized (this) {
      byte[] hit = recent.get(key);
      if (hit != null) {
        return hit;
      }
    }
    CompletableFuture<byte[]> mine = new CompletableFuture<>();
    CompletableFuture<byte[]> running = making.putIfAbsent(key, mine);
    if (running != null) {
      try {
        return running.join();
      } catch (CompletionException e) {
        throw e.getCause() instanceof RuntimeException r ? r : e;
      }
    }
    try {
      byte[] tile = make.get();
      put(key, tile);
      mine.complete(tile);
      return tile;
    } catch (RuntimeException e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      making.remove(key);
    }
  }

  private synchronized void put(Key key, byte[] tile) {
    if (tile.length > maxBytes) {
      return;
    }
    byte[] old = recent.put(key, tile);
    bytes += tile.length - (old == null ? 0 : old.length);
    Iterator<byte[]> oldest = recent.values().iterator();
    while (bytes > maxBytes && oldest.hasNext()) {
      bytes -= oldest.next().length;
      oldest.remove();
    }
  }

  /** Bytes held now (for tests). */
  public synchronized long bytes() {
    return bytes;
  }
}
