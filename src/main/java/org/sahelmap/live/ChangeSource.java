package org.sahelmap.live;

import java.util.function.Consumer;

/**
 * What a cache needs from the change feed: to hear of every committed change, and to know whether
 * it is hearing them now. {@link ChangeFeed} is the one over PostgreSQL; {@link #NONE} is for a
 * server with no feed (handler tests over an in-memory store), where nothing may be cached.
 */
public interface ChangeSource {

  void subscribe(Consumer<Change> subscriber);

  /** Which connection changes are heard on now; 0 while none are heard. */
  long generation();

  /** Hears nothing, ever: a cache over it reads through every time. */
  ChangeSource NONE =
      new ChangeSource() {
        @Override
        public void subscribe(Consumer<Change> subscriber) {}

        @Override
        public long generation() {
          return 0;
        }
      };
}
