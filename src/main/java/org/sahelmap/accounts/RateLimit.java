package org.sahelmap.accounts;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * At most {@code max} hits per key (a client address, an account) in each fixed window of time, on
 * this server instance. Fixed windows are cruder than a sliding log but need one counter per key,
 * and the counters of a window are dropped when it ends, so memory stays bounded by the keys seen
 * in one window (and by {@link #MAX_KEYS}).
 */
public final class RateLimit {
  static final int MAX_KEYS = 100_000;

  private final int max;
  private final long windowMillis;
  private final Clock clock;
  private volatile long windowStart;
  private final ConcurrentHashMap<String, AtomicInteger> hits = new ConcurrentHashMap<>();

  public RateLimit(int max, long windowMillis, Clock clock) {
    this.max = max;
    this.windowMillis = windowMillis;
    this.clock = clock;
    this.windowStart = clock.millis();
  }

  /** Counts a hit; 0 when it is within the limit, else the seconds until the window ends. */
  public long hit(String key) {
    roll();
    if (hits.size() >= MAX_KEYS && !hits.containsKey(key)) {
      return secondsLeft();
    }
    int n = hits.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    return n > max ? secondsLeft() : 0;
  }

  /** Whether the key has used up its hits in this window, without counting one. */
  public long blocked(String key) {
    roll();
    AtomicInteger n = hits.get(key);
    return n != null && n.get() >= max ? secondsLeft() : 0;
  }

  private void roll() {
    long now = clock.millis();
    if (now - windowStart >= windowMillis) {
      synchronized (this) {
        if (now - windowStart >= windowMillis) {
          hits.clear();
          windowStart = now;
        }
      }
    }
  }

  private long secondsLeft() {
    return Math.max(1, (windowStart + windowMillis - clock.millis() + 999) / 1000);
  }
}
