package org.sahelmap.live;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.sahelmap.json.Json;
import org.sahelmap.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens to PostgreSQL's {@code sahel_changes} notifications on a connection of its own and hands
 * each committed change to every subscriber on this server instance (its browsers' SSE streams, its
 * caches). Every instance runs one, so a change made through any instance reaches the browsers of
 * all of them. When the connection breaks it reconnects and reads what it missed from {@code
 * change_log} before listening again, so subscribers see every change once, in order.
 */
public final class ChangeFeed implements ChangeSource, AutoCloseable {
  public static final String CHANNEL = "sahel_changes";
  public static final String EVERY_PLACE = "*";
  static final String APPLICATION_NAME = "sahel-map change feed";
  private static final Logger LOG = LoggerFactory.getLogger(ChangeFeed.class);
  private static final String SELECT =
      "SELECT id, kind, target, version, action, actor, at FROM change_log";

  private final Database database;
  private final List<Consumer<Change>> subscribers = new CopyOnWriteArrayList<>();
  private final List<Consumer<String>> presenceSubscribers = new CopyOnWriteArrayList<>();
  private final Thread thread;
  private volatile boolean running = true;
  private volatile long lastId = -1;

  /**
   * Counts the connections the feed has had: 0 while not listening. A cache that relies on the feed
   * to hear of changes keeps an entry only while this stays what it was when the entry was made: a
   * lost connection may have missed a change (until the catch-up has run).
   */
  private volatile long generation = 0;

  private long connections = 0;
  private volatile Connection connection;
  private final java.util.concurrent.CountDownLatch listening =
      new java.util.concurrent.CountDownLatch(1);

  public ChangeFeed(Database database) {
    this.database = database;
    this.thread = new Thread(this::run, "change-feed");
    this.thread.setDaemon(true);
  }

  /**
   * Starts listening, and waits (up to 5 s) until it does: a change committed after the server
   * started accepting requests must not fall between "started" and "listening". With the database
   * away it goes on without it and catches up once connected.
   */
  public void start() {
    thread.start();
    try {
      listening.await(5, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void subscribe(Consumer<Change> subscriber) {
    subscribers.add(subscriber);
  }

  public void unsubscribe(Consumer<Change> subscriber) {
    subscribers.remove(subscriber);
  }

  /**
   * Calls {@code subscriber} with the place of each presence change ({@link PresenceStore}), or
   * with {@link #EVERY_PLACE} after a reconnection: presence is not logged, so what changed while
   * the connection was down is unknown and every place must be read again.
   */
  public void subscribePresence(Consumer<String> subscriber) {
    presenceSubscribers.add(subscriber);
  }

  /** Which connection the feed is listening on now; 0 when it is not listening. */
  @Override
  public long generation() {
    return generation;
  }

  /** The id of the newest change delivered so far (-1 before the feed first connects). */
  public long lastId() {
    return lastId;
  }

  /** Changes after {@code id}, oldest first, at most {@code limit}: a reconnecting client's gap. */
  public List<Change> since(long id, int limit) throws SQLException {
    try (Connection c = database.connection();
        PreparedStatement ps = c.prepareStatement(SELECT + " WHERE id > ? ORDER BY id LIMIT ?")) {
      ps.setLong(1, id);
      ps.setInt(2, limit);
      return read(ps);
    }
  }

  private void run() {
    long backoff = 250;
    while (running) {
      try (Connection c = database.dedicatedConnection(APPLICATION_NAME)) {
        connection = c;
        try (Statement st = c.createStatement()) {
          st.execute("LISTEN " + CHANNEL);
          st.execute("LISTEN " + PresenceStore.CHANNEL);
        }
        // Listening before reading the gap: a change committed in between is in both, and the
        // id check below drops the second copy.
        if (lastId < 0) {
          lastId = newestId(c);
        } else {
          catchUp(c);
        }
        backoff = 250;
        generation = ++connections;
        listening.countDown();
        if (connections > 1) {
          presenceChanged(EVERY_PLACE);
        }
        PGConnection pg = c.unwrap(PGConnection.class);
        while (running) {
          PGNotification[] batch = pg.getNotifications(1000);
          if (batch != null) {
            for (PGNotification n : batch) {
              if (n.getName().equals(PresenceStore.CHANNEL)) {
                presenceChanged(n.getParameter());
              } else {
                deliver(parse(n.getParameter()));
              }
            }
          }
        }
      } catch (SQLException | RuntimeException e) {
        generation = 0;
        if (running) {
          LOG.warn("change feed: connection lost ({}); reconnecting", e.getMessage());
          sleep(backoff);
          backoff = Math.min(backoff * 2, 5_000);
        }
      }
    }
  }

  private void catchUp(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE id > ? ORDER BY id")) {
      ps.setLong(1, lastId);
      for (Change missed : read(ps)) {
        deliver(missed);
      }
    }
  }

  private void deliver(Change change) {
    if (change.id() <= lastId) {
      return;
    }
    lastId = change.id();
    for (Consumer<Change> s : subscribers) {
      try {
        s.accept(change);
      } catch (RuntimeException e) {
        LOG.warn("change feed: a subscriber failed on change {}", change.id(), e);
      }
    }
  }

  private void presenceChanged(String place) {
    for (Consumer<String> s : presenceSubscribers) {
      try {
        s.accept(place);
      } catch (RuntimeException e) {
        LOG.warn("change feed: a presence subscriber failed on {}", place, e);
      }
    }
  }

  private static long newestId(Connection c) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT coalesce(max(id), 0) FROM change_log")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static List<Change> read(PreparedStatement ps) throws SQLException {
    List<Change> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(
            new Change(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                (Integer) rs.getObject(4),
                rs.getString(5),
                rs.getString(6),
                rs.getTimestamp(7).toInstant().toString()));
      }
    }
    return out;
  }

  static Change parse(String payload) {
    try {
      JsonNode n = Json.MAPPER.readTree(payload);
      return new Change(
          n.path("id").asLong(),
          n.path("kind").asText(),
          n.path("target").asText(),
          n.path("version").isNumber() ? n.path("version").asInt() : null,
          n.path("action").asText(),
          n.path("actor").isTextual() ? n.path("actor").asText() : null,
          java.time.OffsetDateTime.parse(n.path("at").asText()).toInstant().toString());
    } catch (java.io.IOException e) {
      throw new IllegalStateException("a change notification that is not JSON: " + payload, e);
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    Connection c = connection;
    if (c != null) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // closing anyway
      }
    }
  }
}
