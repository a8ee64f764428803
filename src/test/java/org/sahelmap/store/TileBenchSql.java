package org.sahelmap.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.sahelmap.tiles.TileCoord;

/**
 * For bench/items-bench.sh: writes the server's own event-tile SQL ({@link
 * PostgisTileStore#eventSql}) for one tile under N time windows, with every parameter written in as
 * a literal, as pgbench scripts ({@code DIR/NAME.i.sql}), and the matching request paths ({@code
 * DIR/NAME.paths}). The windows start on N different days from 2012-01-01 and stay open at the end,
 * so every request is a different question (the server's tile cache cannot answer it) while asking
 * about nearly the same events.
 *
 * <p>Arguments: DIR NAME Z X Y N.
 */
public final class TileBenchSql {
  private TileBenchSql() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    String name = args[1];
    TileCoord tile =
        new TileCoord(
            Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]));
    int n = Integer.parseInt(args[5]);
    List<String> paths = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      LocalDate from = LocalDate.of(2012, 1, 1).plusDays(i);
      Instant start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
      ItemQuery q = new ItemQuery(null, start, null, ItemQuery.UNLIMITED, 0, Set.of(), null);
      List<Object> params = new ArrayList<>();
      String sql = PostgisTileStore.eventSql("events", tile, q, params);
      Files.writeString(
          dir.resolve(name + "." + (i + 1) + ".sql"),
          "SET max_parallel_workers_per_gather = 0;\n" + inline(sql, params) + ";\n");
      paths.add(
          "/ogc/collections/events/tiles/WebMercatorQuad/"
              + tile.z()
              + "/"
              + tile.y()
              + "/"
              + tile.x()
              + "?datetime="
              + from
              + "/..");
    }
    Files.write(dir.resolve(name + ".paths"), paths);
  }

  /** The statement with each {@code ?} replaced by its value as an SQL literal, in order. */
  static String inline(String sql, List<Object> params) {
    StringBuilder out = new StringBuilder();
    int p = 0;
    boolean quoted = false;
    for (char ch : sql.toCharArray()) {
      if (ch == '\'') {
        quoted = !quoted;
      }
      if (ch == '?' && !quoted) {
        out.append(literal(params.get(p++)));
      } else {
        out.append(ch);
      }
    }
    if (p != params.size()) {
      throw new IllegalStateException(p + " placeholders for " + params.size() + " parameters");
    }
    return out.toString();
  }

  private static String literal(Object v) {
    if (v instanceof Number) {
      return v.toString();
    }
    if (v instanceof Timestamp t) {
      return "'" + t.toInstant() + "'::timestamptz";
    }
    // The partial months of a window (EventCellSql), bound as an array.
    if (v instanceof Timestamp[] months) {
      return months.length == 0
          ? "'{}'::timestamptz[]"
          : "ARRAY[" + String.join(", ", Arrays.stream(months).map(m -> literal(m)).toList()) + "]";
    }
    return "'" + String.valueOf(v).replace("'", "''") + "'";
  }
}
