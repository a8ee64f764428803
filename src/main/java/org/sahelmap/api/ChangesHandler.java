package org.sahelmap.api;

import io.javalin.http.sse.SseClient;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.sahelmap.live.Change;
import org.sahelmap.live.ChangeFeed;

/**
 * {@code GET /api/changes}: the change feed as Server-Sent Events, one {@code change} event per
 * committed change ({@code {id, kind, target, version, action, actor, at}}), its id the feed's. A
 * browser that reconnects sends the last id it saw ({@code Last-Event-ID}, which EventSource does
 * by itself, or {@code ?since=}) and first gets every change after it, then the live ones, in order
 * and without repeats. A comment every 20 s keeps proxies from closing an idle stream.
 */
final class ChangesHandler {
  static final String PATH = "/api/changes";
  static final int MAX_CATCH_UP = 1000;
  static final long KEEP_ALIVE_SECONDS = 20;

  private final ChangeFeed feed;
  private final Set<SseClient> clients = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService keepAlive =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "sse-keep-alive");
            t.setDaemon(true);
            return t;
          });

  ChangesHandler(ChangeFeed feed) {
    this.feed = feed;
    keepAlive.scheduleAtFixedRate(
        () -> clients.forEach(c -> c.sendComment("keep-alive")),
        KEEP_ALIVE_SECONDS,
        KEEP_ALIVE_SECONDS,
        TimeUnit.SECONDS);
  }

  void stream(SseClient client) {
    client.keepAlive();
    long since = since(client);
    Stream stream = new Stream(client);
    feed.subscribe(stream);
    clients.add(client);
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
    keepAlive.shutdownNow();
    clients.forEach(SseClient::close);
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

    private void send(Change change) {
      if (change.id() > sent && !client.terminated()) {
        sent = change.id();
        client.sendEvent("change", change.json(), Long.toString(change.id()));
      }
    }
  }
}
