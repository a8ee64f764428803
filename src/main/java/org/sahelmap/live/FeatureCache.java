package org.sahelmap.live;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.sahelmap.store.FeatureStore;
import org.sahelmap.store.FeatureStore.LayerFeature;

/**
 * Single features (with their layer) as last read, so the API's most frequent request, one feature
 * by id, does not ask the database for what it has not changed. Every change of a layer or its
 * features bumps the layer, which the change feed announces on every instance; this cache drops
 * that layer's entries when it hears so. While the feed is not listening (or after it lost its
 * connection and may have missed a change) nothing cached is used. So an entry is at most as old as
 * the feed's delay (about 20 ms, bench/README.md). Bounded by bytes, least recently used out.
 */
public final class FeatureCache implements Consumer<Change> {
  /**
   * Longest an entry is used. The feed keeps entries fresh; this bounds the case it cannot see: its
   * own link to PostgreSQL silently cut (no error until TCP gives up) while the pool's still work.
   */
  static final long MAX_AGE_NANOS = 30_000_000_000L;

  /** A feature bigger than this (a detailed polygon) is read each time: it would crowd out many. */
  static final int MAX_ENTRY_CHARS = 64 * 1024;

  private final FeatureStore store;
  private final ChangeSource feed;
  private final long maxChars;
  private long chars;
  private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(1024, 0.75f, true);

  record Entry(String layerId, LayerFeature found, long generation, int size, long madeAt) {}

  public FeatureCache(FeatureStore store, ChangeSource feed, long maxChars) {
    this.store = store;
    this.feed = feed;
    this.maxChars = maxChars;
    feed.subscribe(this);
  }

  public Optional<LayerFeature> layerFeature(String layerId, String featureId) {
    long generation = feed.generation();
    String key = layerId + "\u0000" + featureId;
    if (generation > 0) {
      synchronized (this) {
        Entry e = entries.get(key);
        if (e != null
            && e.generation() == generation
            && System.nanoTime() - e.madeAt() < MAX_AGE_NANOS) {
          return Optional.of(e.found());
        }
      }
    }
    Optional<LayerFeature> found = store.layerFeature(layerId, featureId);
    if (generation > 0 && found.isPresent()) {
      int size =
          found
                  .get()
                  .feature()
                  .map(f -> f.geometryJson().length() + f.propertiesJson().length())
                  .orElse(0)
              + key.length();
      if (size <= MAX_ENTRY_CHARS) {
        put(key, new Entry(layerId, found.get(), generation, size, System.nanoTime()));
      }
    }
    return found;
  }

  private synchronized void put(String key, Entry e) {
    Entry old = entries.put(key, e);
    chars += e.size() - (old == null ? 0 : old.size());
    for (Iterator<Entry> it = entries.values().iterator(); chars > maxChars && it.hasNext(); ) {
      chars -= it.next().size();
      it.remove();
    }
  }

  /** A layer changed (on any instance): its entries go. */
  @Override
  public synchronized void accept(Change change) {
    if (!change.kind().equals("layer")) {
      return;
    }
    for (Iterator<Entry> it = entries.values().iterator(); it.hasNext(); ) {
      Entry e = it.next();
      if (e.layerId().equals(change.target())) {
        chars -= e.size();
        it.remove();
      }
    }
  }

  synchronized int size() {
    return entries.size();
  }

  /** For tests: every entry, so they can check what is kept. */
  synchronized Map<String, Entry> snapshot() {
    return Map.copyOf(entries);
  }
}
