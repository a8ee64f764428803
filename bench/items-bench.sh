#!/usr/bin/env bash
# Items pages through the server against the same query done purely in PostGIS.
#
# Loads 200,000 synthetic points into the layer "bench" of DATABASE_URL (default: a dedicated
# sahel_bench database, created with scripts/setup-postgis.sh when missing), starts the packaged
# server on a free port on 127.0.0.1, then times, with one client and a fixed number of requests:
#   - GET /ogc/collections/bench/items?bbox=...&limit=100|1000 (a fixed bbox, then varying ones)
#   - pgbench running the page's SELECT with json_agg(ST_AsGeoJSON(...)) for the same rows
# and prints requests/s of each and the ratio server / PostGIS. Traffic goes to 127.0.0.1 only.
#
# Settings (environment): DATABASE_URL, BENCH_POINTS (200000), BENCH_N100 (500 requests),
# BENCH_N1000 (200 requests).
set -euo pipefail
cd "$(dirname "$0")/.."

DEFAULT_URL=postgresql://sahel:sahel@localhost:5432/sahel_bench
DB_URL="${DATABASE_URL:-$DEFAULT_URL}"
POINTS="${BENCH_POINTS:-200000}"
N100="${BENCH_N100:-500}"
N1000="${BENCH_N1000:-200}"
JAR=target/sahel-map.jar
WORK=$(mktemp -d)
SERVER_PID=
cleanup() {
  if [[ -n $SERVER_PID ]]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

if ! psql "$DB_URL" -qAtc 'SELECT 1' >/dev/null 2>&1; then
  if [[ $DB_URL == "$DEFAULT_URL" ]]; then
    env -u DATABASE_URL SAHEL_DB_NAMES=sahel_bench scripts/setup-postgis.sh
  else
    echo "items-bench: cannot connect to $DB_URL" >&2; exit 1
  fi
fi
[[ -f $JAR ]] || ./mvnw -q -B package -DskipTests

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
# The server applies the schema migrations on start; the data goes in once it is up.
java -Xmx512m -jar "$JAR" serve --host 127.0.0.1 --port "$PORT" --database-url "$DB_URL" \
  >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
BASE="http://127.0.0.1:$PORT/ogc/collections/bench/items"
for _ in $(seq 1 60); do
  curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break
  sleep 1
done
curl -sf "http://127.0.0.1:$PORT/health" >/dev/null || { cat "$WORK/server.log" >&2; exit 1; }

echo "items-bench: loading $POINTS points into layer 'bench' ..." >&2
psql "$DB_URL" -v ON_ERROR_STOP=1 -q <<SQL
DELETE FROM layer WHERE id = 'bench';
INSERT INTO layer (id, title, description, kind)
  VALUES ('bench', 'Benchmark points', '$POINTS synthetic points', 'context');
-- A 1000-column grid over lon -17..23, lat 4..8: about 1,250 points per square degree.
INSERT INTO feature (layer_id, id, properties, geom)
  SELECT 'bench', 'p' || i, jsonb_build_object('n', i, 'name', 'point ' || i),
         ST_SetSRID(ST_MakePoint(-17 + (i % 1000) * 0.04, 4 + (i / 1000) * 0.02 + (i % 7) * 0.001), 4326)
  FROM generate_series(1, $POINTS) AS i;
ANALYZE feature;
SQL

# Boxes of 2 x 2 degrees (about 5,000 points each, so every page is full). The varying ones come
# from a fixed seed, and pgbench draws from the same ranges.
FIXED="0,5,2,7"
boxes() { awk -v n="$1" 'BEGIN { srand(42); for (i = 0; i < n; i++) {
  x = -17 + int(rand() * 3800) / 100; y = 4 + int(rand() * 200) / 100;
  printf "%.2f,%.2f,%.2f,%.2f\n", x, y, x + 2, y + 2 } }'; }

# One curl process, one kept-alive connection, N requests: no per-request process start-up.
server_rps() { # limit n varying
  local limit=$1 n=$2 varying=$3 cfg="$WORK/curl.cfg"
  : >"$cfg"
  if [[ $varying == yes ]]; then
    boxes "$n" | while read -r b; do printf 'url = "%s?bbox=%s&limit=%s"\noutput = /dev/null\n' "$BASE" "$b" "$limit"; done >>"$cfg"
  else
    for _ in $(seq 1 "$n"); do printf 'url = "%s?bbox=%s&limit=%s"\noutput = /dev/null\n' "$BASE" "$FIXED" "$limit"; done >>"$cfg"
  fi
  curl -sf -K "$cfg" >/dev/null # warm-up pass (JIT, caches)
  local t0 t1
  t0=$(date +%s.%N); curl -sf -K "$cfg" >/dev/null; t1=$(date +%s.%N)
  awk -v n="$n" -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", n / (b - a) }'
}

postgis_rps() { # limit n varying
  local limit=$1 n=$2 varying=$3 f="$WORK/page.sql"
  if [[ $varying == yes ]]; then
    printf '\\set x random(0, 3799)\n\\set y random(0, 199)\n\\set minx -17 + :x / 100.0\n\\set miny 4 + :y / 100.0\n' >"$f"
  else
    printf '\\set minx 0\n\\set miny 5\n' >"$f"
  fi
  cat >>"$f" <<SQL
SELECT json_build_object('type', 'FeatureCollection', 'features',
         json_agg(ST_AsGeoJSON(t.*, 'geom', 6)::json))
FROM (SELECT id, geom, properties FROM feature
      WHERE layer_id = 'bench'
        AND ST_Intersects(geom, ST_MakeEnvelope(:minx, :miny, :minx + 2, :miny + 2, 4326))
      ORDER BY seq LIMIT $limit) t;
SQL
  PGOPTIONS="-c jit=off" pgbench -n -c 1 -t "$n" -f "$f" "$DB_URL" >/dev/null 2>&1 # warm-up
  PGOPTIONS="-c jit=off" pgbench -n -c 1 -t "$n" -f "$f" "$DB_URL" 2>/dev/null |
    awk '/^tps = / { printf "%.1f", $3 }'
}

check=$(curl -sf "$BASE?bbox=$FIXED&limit=1000" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["numberReturned"], d["numberMatched"])')
echo "items-bench: fixed bbox $FIXED -> numberReturned numberMatched = $check" >&2

printf '%-28s %12s %12s %8s\n' "case (1 client)" "server r/s" "PostGIS r/s" "ratio"
for limit in 100 1000; do
  n=$N100; [[ $limit == 1000 ]] && n=$N1000
  for varying in no yes; do
    s=$(server_rps "$limit" "$n" "$varying")
    p=$(postgis_rps "$limit" "$n" "$varying")
    label="limit=$limit, $([[ $varying == yes ]] && echo varying || echo fixed) bbox"
    printf '%-28s %12s %12s %8s\n' "$label" "$s" "$p" "$(awk -v s="$s" -v p="$p" 'BEGIN { printf "%.2f", s / p }')"
  done
done
