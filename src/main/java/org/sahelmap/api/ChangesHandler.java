package org.sahelmap.api;

import io.javalin.http.sse.SseClient;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.sahelmap.live.Change;
import org.sahelmap.live.ChangeFeed;
import org.sahelmap.live.PresenceStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/changes}: the change feed as Server-Sent Events, one {@code change} event per
 * committed change ({@code {id, kind, target, version, action, actor, at}}), its id the feed's. A
 * browser that reconnects sends the last id it saw ({@code Last-Event-ID}, which EventSource does
 * by itself, or {@code ?since=}) and first gets every change after it, then the live ones, in order
 * and without repeats. A comment every 20 s keeps proxies from closing an idle stream.
 *
 * <p>The same stream carries {@code presence} events ({@code {place, people}}, see {@link
 * org.sahelmap.live.Presence}) without an id: presence is not replayed, and an event without an id
 * leaves the browser's Last-Event-ID where the changes put it. {@code {"place": "*"}} means this
 * instance may have missed some: read the places you show again (GET /api/presence).
 */
final class ChangesHandler {
  static final String PATH = "/api/changes";
  static final int MAX_CATCH_UP = 1000;
  static final long KEEP_ALIVE_SECONDS = 20;

  private static final Logger LOG = LoggerFactory.getLogger(ChangesHandler.class);

  private final ChangeFeed feed;
  private final PresenceStore presence;
  private final Map<SseClient, Stream> clients = new ConcurrentHashMap<>();

  /** Places whose presence is waiting to be read and sent: a burst of changes costs one read. */
  private final Map<String, Boolean> placesDue = new ConcurrentHashMap<>();

  /** Keep-alives, presence reads and the sweep of expired presences, off the feed's thread. */
  private final ScheduledExecutorService worker =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "sse-worker");
            t.setDaemon(true);
            return t;
          });

  ChangesHandler(ChangeFeed feed, PresenceStore presence) {
    this.feed = feed;
    this.presence = presence;
    feed.subscribePresence(this::presenceChanged);
    worker.scheduleAtFixedRate(
        () -> clients.values().forEach(Stream::keepAlive),
        KEEP_ALIVE_SECONDS,
        KEEP_ALIVE_SECONDS,
        TimeUnit.SECONDS);
    worker.scheduleAtFixedRate(
        this::sweep,
        PresenceStore.HEARTBEAT_SECONDS,
        PresenceStore.HEARTBEAT_SECONDS,
        TimeUnit.SECONDS);
  }

  private void presenceChanged(String place) {
    if (placesDue.putIfAbsent(place, Boolean.TRUE) == null) {
      worker.execute(
          () -> {
            placesDue.remove(place);
            sendPresence(place);
          });
    }
  }

  private void sendPresence(String place) {
    String data;
    if (place.equals(ChangeFeed.EVERY_PLACE)) {
      data = "{\"place\":\"*\",\"people\":[]}";
    } else if (!PresenceStore.validPlace(place)) {
      return; // not one of ours (someone's NOTIFY by hand)
    } else {
      try {
        data = presence.at(place).json();
      } catch (SQLException e) {
        LOG.warn("presence of {} not sent: {}", place, e.getMessage());
        return;
      }
    }
    clients.values().forEach(s -> s.presence(data));
  }

  private void sweep() {
    try {
      presence.sweep();
    } catch (SQLException | RuntimeException e) {
      LOG.debug("presence sweep skipped: {}", e.getMessage()); // the next one will do it
    }
  }

  void stream(SseClient client) {
    client.keepAlive();
    long since = since(client);
    Stream stream = new Stream(client);
    feed.subscribe(stream);
    clients.put(client, stream);
    client.onClose(
        () -> {
          feed.unsubscribe(stream);
          clients.remove(client);
        });
    List<Change> gap = List.of();
    if (since >= 0) {
      try {
        gap = feed.since(since, MAX_CATCH_UP);
      } catch (SQLException e) {
        client.close(); // the browser reconnects with the same Last-Event-ID and tries again
        return;
      }
    }
    stream.caughtUp(gap, since >= 0 ? since : feed.lastId());
  }

  void stop() {
    worker.shutdownNow();
    clients.keySet().forEach(SseClient::close);
  }

  private static long since(SseClient client) {
    String raw = client.ctx().header("Last-Event-ID");
    if (raw == null) {
      raw = client.ctx().queryParam("since");
    }
    if (raw == null) {
      return -1;
    }
    try {
      return Math.max(0, Long.parseLong(raw.trim()));
    } catch (NumberFormatException e) {
      return -1; // not one of our ids: start from now
    }
  }

  /**
   * One client's stream. Live changes that arrive while its gap is being read wait in {@code
   * pending}, so the client gets the gap and then the live ones, each once, in feed order.
   * Everything written to the client goes through this object's lock, so no two threads (the
   * feed's, the worker's) interleave their lines.
   */
  private static final class Stream implements Consumer<Change> {
    private final SseClient client;
    private final List<Change> pending = new ArrayList<>();
    private boolean ready;
    private long sent;

    Stream(SseClient client) {
      this.client = client;
    }

    @Override
    public synchronized void accept(Change change) {
      if (!ready) {
        pending.add(change);
      } else {
        send(change);
      }
    }

    synchronized void caughtUp(List<Change> gap, long from) {
      sent = from;
      gap.forEach(this::send);
      pending.forEach(this::send);
      pending.clear();
      ready = true;
      if (gap.isEmpty()) {
        // Tells the page where the feed stands, so its first reconnect asks for the right gap.
        client.sendEvent("ready", "{\"id\":" + sent + "}", Long.toString(sent));
      }
    }

    synchronized void presence(String data) {
      if (ready && !client.terminated()) {
        client.sendEvent("presence", data);
      }
    }

    synchronized void keepAlive() {
      if (!client.terminated()) {
        client.sendComment("keep-alive");
      }
    }

    private void send(Change change) {
      if (change.id() > sent && !client.terminated()) {
        sent = change.id();
        client.sendEvent("change", change.json(), Long.toString(change.id()));
      }
    }
  }
}
