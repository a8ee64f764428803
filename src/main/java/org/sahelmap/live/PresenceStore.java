package org.sahelmap.live;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.sahelmap.errors.Reason;
import org.sahelmap.errors.Refusal;

/**
 * The {@code presence} table: one row per open page that has said where it is. A page says so when
 * it opens a briefing or an AOI, when it starts editing or presenting or turns a slide, and every
 * {@link #HEARTBEAT_SECONDS} while it stays; a page not heard from for {@link #EXPIRES_SECONDS} has
 * gone ({@link #sweep}). Each change others would see is announced on {@link #CHANNEL} in the same
 * transaction, so every server instance tells its own pages; a heartbeat that changes nothing
 * announces nothing.
 */
public final class PresenceStore {
  public static final String CHANNEL = "sahel_presence";
  public static final int HEARTBEAT_SECONDS = 15;

  /** Three heartbeats missed: the page was closed, or its machine slept or lost the network. */
  public static final int EXPIRES_SECONDS = 45;

  public static final List<String> MODES = List.of("viewing", "editing", "presenting");
  private static final Pattern CLIENT = Pattern.compile("[A-Za-z0-9_-]{8,64}");
  private static final Pattern PLACE = Pattern.compile("(briefing|aoi):[a-z0-9][a-z0-9-]{0,99}");

  private final DataSource data;

  public PresenceStore(DataSource data) {
    this.data = data;
  }

  /**
   * Records that {@code client}, a page of {@code account}, is at {@code place} in {@code mode}
   * (with the slide shown, when presenting). A client id already held by another account is
   * refused: ids are random per page, so that is a forgery or a bug, never a second tab.
   */
  public void announce(String client, String account, String place, String mode, Integer slide)
      throws SQLException {
    checkClient(client);
    checkPlace(place);
    if (!MODES.contains(mode)) {
      throw new Refusal(
          Reason.BAD_INPUT,
          "InvalidPresence",
          "mode must be one of " + String.join(", ", MODES) + ", not " + mode);
    }
    if (slide != null && (!mode.equals("presenting") || slide < 0)) {
      throw new Refusal(
          Reason.BAD_INPUT,
          "InvalidPresence",
          "slide is the slide presented (0 or more), and only when presenting");
    }
    try (Connection c = data.getConnection()) {
      c.setAutoCommit(false);
      try {
        String before = null;
        boolean changed = true;
        try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT account, place, mode, slide FROM presence WHERE client = ? FOR UPDATE")) {
          ps.setString(1, client);
          try (ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
              if (!rs.getString(1).equals(account)) {
                throw new Refusal(
                    Reason.CONFLICT,
                    "ClientTaken",
                    "this client id is another account's; make a new one");
              }
              before = rs.getString(2);
              changed =
                  !before.equals(place)
                      || !rs.getString(3).equals(mode)
                      || !Objects.equals(rs.getObject(4), slide);
            }
          }
        }
        try (PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO presence (client, account, place, mode, slide) VALUES (?, ?, ?, ?, ?)"
                    + " ON CONFLICT (client) DO UPDATE SET place = EXCLUDED.place,"
                    + " mode = EXCLUDED.mode, slide = EXCLUDED.slide, seen_at = now()")) {
          ps.setString(1, client);
          ps.setString(2, account);
          ps.setString(3, place);
          ps.setString(4, mode);
          ps.setObject(5, slide);
          ps.executeUpdate();
        }
        if (changed) {
          notify(c, place);
        }
        if (before != null && !before.equals(place)) {
          notify(c, before);
        }
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }

  /** The page has gone (closed, or left the place): its presence ends now, not on expiry. */
  public void leave(String client, String account) throws SQLException {
    checkClient(client);
    try (Connection c = data.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "WITH gone AS (DELETE FROM presence WHERE client = ? AND account = ?"
                    + " RETURNING place) SELECT pg_notify('"
                    + CHANNEL
                    + "', place) FROM gone")) {
      ps.setString(1, client);
      ps.setString(2, account);
      ps.executeQuery().close();
    }
  }

  /** Who is at {@code place} now, by name. */
  public Presence at(String place) throws SQLException {
    checkPlace(place);
    List<Presence.Person> people = new ArrayList<>();
    try (Connection c = data.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT client, account, mode, slide FROM presence WHERE place = ?"
                    + " AND seen_at > now() - make_interval(secs => ?) ORDER BY account, client")) {
      ps.setString(1, place);
      ps.setInt(2, EXPIRES_SECONDS);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          people.add(
              new Presence.Person(
                  rs.getString(1), rs.getString(2), rs.getString(3), (Integer) rs.getObject(4)));
        }
      }
    }
    return new Presence(place, people);
  }

  /**
   * Ends the presences whose pages have stopped calling, announcing each place once. Every instance
   * runs it; a row is deleted, and so announced, by one of them only.
   */
  public int sweep() throws SQLException {
    try (Connection c = data.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "WITH gone AS (DELETE FROM presence WHERE seen_at <= now() - make_interval(secs => ?)"
                    + " RETURNING place) SELECT count(*), count(pg_notify('"
                    + CHANNEL
                    + "', place)) FROM (SELECT DISTINCT place FROM gone) p")) {
      ps.setInt(1, EXPIRES_SECONDS);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  public static boolean validPlace(String place) {
    return place != null && PLACE.matcher(place).matches();
  }

  private static void notify(Connection c, String place) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT pg_notify(?, ?)")) {
      ps.setString(1, CHANNEL);
      ps.setString(2, place);
      ps.executeQuery().close();
    }
  }

  private static void checkClient(String client) {
    if (client == null || !CLIENT.matcher(client).matches()) {
      throw new Refusal(
          Reason.BAD_INPUT,
          "InvalidPresence",
          "the client id is 8 to 64 letters, digits, '-' or '_'");
    }
  }

  private static void checkPlace(String place) {
    if (!validPlace(place)) {
      throw new Refusal(
          Reason.BAD_INPUT,
          "InvalidPresence",
          "place is \"briefing:ID\" or \"aoi:ID\", not " + place);
    }
  }
}
