package org.sahelmap.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TileCacheTest {
  static final Instant V1 = Instant.parse("2024-01-01T00:00:00Z");

  static TileCache.Key key(int x, Instant version) {
    return new TileCache.Key("events", version, new TileCoord(4, x, 7), "all");
  }

  @Test
  void aNewLayerVersionIsANewTileAndOldOnesAgeOutByBytes() {
    TileCache cache = new TileCache(250);
    AtomicInteger made = new AtomicInteger();
    cache.get(key(1, V1), () -> new byte[100 + made.getAndIncrement()]);
    cache.get(key(1, V1), () -> new byte[100 + made.getAndIncrement()]);
    assertThat(made).hasValue(1);
    cache.get(key(1, V1.plusMillis(1)), () -> new byte[100 + made.getAndIncrement()]);
    assertThat(made).hasValue(2);
    cache.get(key(2, V1), () -> new byte[100 + made.getAndIncrement()]);
    // 100 + 101 + 102 > 250: the least recently used (the first) went out.
    assertThat(cache.bytes()).isEqualTo(203);
    cache.get(key(1, V1), () -> new byte[100 + made.getAndIncrement()]);
    assertThat(made).hasValue(4);
  }

  @Test
  void concurrentRequestsForOneTileMakeItOnce() throws Exception {
    TileCache cache = new TileCache(1 << 20);
    AtomicInteger made = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<byte[]>> all = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        all.add(
            pool.submit(
                () -> {
                  start.await();
                  return cache.get(
                      key(3, V1),
                      () -> {
                        made.incrementAndGet();
                        try {
                          Thread.sleep(200);
                        } catch (InterruptedException e) {
                          Thread.currentThread().interrupt();
                        }
                        return new byte[] {1, 2, 3};
                      });
                }));
      }
      start.countDown();
      for (Future<byte[]> f : all) {
        assertThat(f.get()).containsExactly(1, 2, 3);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(made).hasValue(1);
  }

  @Test
  void aFailureIsNotCached() {
    TileCache cache = new TileCache(1 << 20);
    assertThatThrownBy(
            () ->
                cache.get(
                    key(5, V1),
                    () -> {
                      throw new IllegalStateException("database down");
                    }))
        .hasMessage("database down");
    assertThat(cache.get(key(5, V1), () -> new byte[] {7})).containsExactly(7);
  }
}
