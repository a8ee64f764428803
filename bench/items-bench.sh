#!/usr/bin/env bash
# Items pages (and tiles) through the server, side by side with the same output built purely in
# PostGIS, both at 16 concurrent connections over 2 threads.
#
# Data in DATABASE_URL (default: a dedicated sahel_bench database, created with
# scripts/setup-postgis.sh when missing): the server's own layers (build-layers on first start),
# 200,000 synthetic events added to `events` (bench/sql/synthetic-events.sql) and 2,000 polygons in
# `bench-polygons` (bench/sql/bench-polygons.sql); both are loaded only when missing.
# Each case: a warm-up, one checked request on each side (status 200, numberReturned and
# numberMatched equal), then BENCH_SECONDS of wrk -t2 -c16 (server) and pgbench -j2 -c16 (PostGIS).
# The table it prints is meant to be pasted into bench/README.md as it is.
#
# Settings (environment): DATABASE_URL, BENCH_JAR (target/sahel-map.jar, built when missing),
# BENCH_SECONDS (10), BENCH_WARMUP (3), BENCH_CASES (all: page1000 page100 feature featurecold nodb polygons z6 z8),
# BENCH_COUNT_CAP (10000).
set -euo pipefail
cd "$(dirname "$0")/.."

DEFAULT_URL=postgresql://sahel:sahel@localhost:5432/sahel_bench
DB_URL="${DATABASE_URL:-$DEFAULT_URL}"
JAR="${BENCH_JAR:-target/sahel-map.jar}"
SECONDS_PER_CASE="${BENCH_SECONDS:-10}"
WARMUP="${BENCH_WARMUP:-3}"
CASES="${BENCH_CASES:-page1000 page100 feature featurecold nodb polygons z6 z8}"
EVENTS=200000
POLYGONS=2000
# The server gives numberMatched only up to this many matches (PostgisFeatureStore.COUNT_CAP);
# the checked request of each case fails if the two ever disagree. (A jar from before the cap
# counts every match: BENCH_COUNT_CAP=1000000000.)
COUNT_CAP="${BENCH_COUNT_CAP:-10000}"
TILE_WINDOWS="${BENCH_TILE_WINDOWS:-3000}"
# Session settings of the server's pool (store.Database), given to pgbench too so both sides plan
# alike.
export PGOPTIONS="-c jit=off -c max_parallel_workers_per_gather=0"
FIXED_BOX="-1,15,2,18" # 3 x 3 degrees around Gao and Ansongo: about 50,000 events
Z6="6/29/31"           # z/y/x: the z6 tile holding Gao (about 65,000 events)
Z8="8/116/127"         # the z8 tile holding Gao (about 19,000 events)

# wrk drives the server side; a fresh machine has none (Debian's package).
if ! command -v wrk >/dev/null 2>&1; then
  as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq wrk >/dev/null
fi

WORK=$(mktemp -d)
SERVER_PID=
cleanup() {
  if [[ -n $SERVER_PID ]]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
log() { echo "items-bench: $*" >&2; }

if ! psql "$DB_URL" -qAtc 'SELECT 1' >/dev/null 2>&1; then
  if [[ $DB_URL == "$DEFAULT_URL" ]]; then
    env -u DATABASE_URL SAHEL_DB_NAMES=sahel_bench scripts/setup-postgis.sh
  else
    log "cannot connect to $DB_URL"; exit 1
  fi
fi
[[ -f $JAR ]] || ./mvnw -q -B package -DskipTests

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
# The server migrates the schema and builds its layers on first start; the data goes in once it is up.
java -Xmx512m -jar "$JAR" serve --host 127.0.0.1 --port "$PORT" --database-url "$DB_URL" \
  >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
ROOT="http://127.0.0.1:$PORT"
for _ in $(seq 1 120); do
  curl -sf "$ROOT/health" >/dev/null && break
  sleep 1
done
curl -sf "$ROOT/health" >/dev/null || { cat "$WORK/server.log" >&2; exit 1; }

q() { psql "$DB_URL" -v ON_ERROR_STOP=1 -qAtc "$1"; }
if [[ $(q "SELECT count(*) FROM feature WHERE layer_id = 'events' AND id LIKE 'syn-%'") -lt $EVENTS ]]; then
  log "adding $EVENTS synthetic events ..."
  psql "$DB_URL" -v ON_ERROR_STOP=1 -q -v n=$EVENTS -f bench/sql/synthetic-events.sql >/dev/null
fi
if [[ $(q "SELECT count(*) FROM feature WHERE layer_id = 'bench-polygons'") -ne $POLYGONS ]]; then
  log "adding $POLYGONS polygons ..."
  psql "$DB_URL" -v ON_ERROR_STOP=1 -q -v n=$POLYGONS -f bench/sql/bench-polygons.sql >/dev/null
fi
q "VACUUM ANALYZE feature"

# --- The PostGIS side: the whole FeatureCollection text the server sends, links and timeStamp aside.
feature_json="'{\"type\":\"Feature\",\"id\":' || to_json(id)::text || ',\"geometry\":' || ST_AsGeoJSON(geom, 6) || ',\"properties\":' || properties::text || '}'"
page_sql() { # where limit: count (up to the cap) and page, as one statement
  cat <<SQL
WITH matched AS (SELECT count(*) AS n FROM (SELECT 1 FROM feature WHERE $1 LIMIT $COUNT_CAP + 1) c),
page AS (SELECT id, geom, properties, seq FROM feature WHERE $1 ORDER BY seq LIMIT $2)
SELECT '{"type":"FeatureCollection"'
  || CASE WHEN n <= $COUNT_CAP THEN ',"numberMatched":' || n ELSE '' END
  || ',"features":[' || coalesce(string_agg($feature_json, ',' ORDER BY seq), '')
  || '],"numberReturned":' || count(page.id) || '}'
FROM matched LEFT JOIN page ON true GROUP BY n;
SQL
}
in_box() { echo "layer_id = 'events' AND ST_Intersects(geom, ST_MakeEnvelope($1, 4326))"; }

# 50 boxes of 0.5-2 degrees, each centred on one synthetic event (so most pages are full, and the
# number of matches ranges from a few hundred to beyond the count cap).
boxes() {
  q "SELECT round(ST_X(geom)::numeric - s, 2) || ',' || round(ST_Y(geom)::numeric - s, 2) || ','
            || round(ST_X(geom)::numeric + s, 2) || ',' || round(ST_Y(geom)::numeric + s, 2)
     FROM (SELECT geom, 0.25 + (i % 4) * 0.25 AS s FROM generate_series(1, 50) AS i
           JOIN feature ON layer_id = 'events' AND id = 'syn-' || (i * 3989)) b"
}

# --- Each case writes $WORK/<case>.paths (server) and $WORK/<case>-*.sql (pgbench scripts).
prepare() {
  local c=$1 i=0
  rm -f "$WORK/$c".*
  case $c in
    page1000)
      echo "/ogc/collections/events/items?bbox=$FIXED_BOX&limit=1000" >"$WORK/$c.paths"
      page_sql "$(in_box "$FIXED_BOX")" 1000 >"$WORK/$c.1.sql" ;;
    page100)
      boxes | while read -r b; do
        i=$((i + 1))
        echo "/ogc/collections/events/items?bbox=$b&limit=100" >>"$WORK/$c.paths"
        page_sql "$(in_box "$b")" 100 >"$WORK/$c.$i.sql"
      done ;;
    feature)
      for i in $(seq 1 997 $EVENTS); do echo "/ogc/collections/events/items/syn-$i"; done >"$WORK/$c.paths"
      printf '\\set i random(1, %d)\nSELECT %s FROM feature WHERE layer_id = %s AND id = %s;\n' \
        $EVENTS "$feature_json" "'events'" "'syn-' || :i" >"$WORK/$c.1.sql" ;;
    featurecold)
      # Every event once, in a shuffled order: far more features than the server's feature cache
      # holds, so most requests miss it (the "feature" case's 201 ids are all cached after one pass).
      shuf -i 1-"$EVENTS" --random-source=<(yes) | sed 's|^|/ogc/collections/events/items/syn-|' >"$WORK/$c.paths"
      printf '\\set i random(1, %d)\nSELECT %s FROM feature WHERE layer_id = %s AND id = %s;\n' \
        $EVENTS "$feature_json" "'events'" "'syn-' || :i" >"$WORK/$c.1.sql" ;;
    nodb)
      # No PostGIS side: what the server answers without asking the database at all, the ceiling
      # a one-row case (one feature by id) could reach on these cores if its query cost nothing.
      echo "/ogc/conformance" >"$WORK/$c.paths" ;;
    polygons)
      echo "/ogc/collections/bench-polygons/items?limit=500" >"$WORK/$c.paths"
      page_sql "layer_id = 'bench-polygons'" 500 >"$WORK/$c.1.sql" ;;
    z6 | z8)
      # The server's own tile SQL (store.TileBenchSql prints PostgisTileStore.eventSql with its
      # values written in) under TILE_WINDOWS different time windows, so no request is answered
      # from the server's tile cache and both sides build the same tiles.
      local zyx; [[ $c == z6 ]] && zyx=$Z6 || zyx=$Z8
      IFS=/ read -r z y x <<<"$zyx"
      ./mvnw -q -B test-compile exec:java -Dexec.classpathScope=test \
        -Dexec.mainClass=org.sahelmap.store.TileBenchSql \
        -Dexec.args="$WORK $c $z $x $y $TILE_WINDOWS" >/dev/null
      # pgbench takes at most 128 scripts: keep 100 (it has no cache, so 100 windows are as good).
      for ((i = 101; i <= TILE_WINDOWS; i++)); do rm -f "$WORK/$c.$i.sql"; done
      # The warm-up asks the last 100 windows, the timed run the others.
      tail -n 100 "$WORK/$c.paths" >"$WORK/$c.warm"
      head -n -100 "$WORK/$c.paths" >"$WORK/$c.timed" && mv "$WORK/$c.timed" "$WORK/$c.paths" ;;
  esac
}

# The first request of the case on each side: the status, and for JSON its counts, which must agree.
check() {
  local c=$1 path status sql
  path=$(head -1 "$WORK/$c.paths")
  status=$(curl -s -o "$WORK/check.body" -w '%{http_code}' "$ROOT$path")
  if [[ $status == 404 && $c == z* ]]; then echo "no-tiles"; return; fi
  [[ $status == 200 ]] || { log "$c: $path answered $status"; head -c 500 "$WORK/check.body" >&2; exit 1; }
  if [[ $c == z* ]]; then # the same bytes from both sides: the server's tile is its SQL's result
    local mine theirs
    mine=$(od -An -v -tx1 "$WORK/check.body" | tr -d ' \n')
    theirs=$(psql "$DB_URL" -qAt -f "$WORK/$c.1.sql" | tail -1 | sed 's/^\\x//')
    [[ $mine == "$theirs" ]] || { log "$c: the server's tile differs from its SQL run in PostGIS"; exit 1; }
    log "$c: checked $path -> $(stat -c %s "$WORK/check.body") bytes, identical in PostGIS"
    echo ok; return
  fi
  [[ $c == feature || $c == featurecold || $c == nodb ]] && { echo ok; return; }
  sql=$(sed 's/^\\set i .*//; s/:i/1/' "$WORK/$c.1.sql")
  local s p
  s=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["numberReturned"], d.get("numberMatched", "-"))' "$WORK/check.body")
  p=$(psql "$DB_URL" -qAtc "$sql" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["numberReturned"], d.get("numberMatched", "-"))')
  [[ $s == "$p" ]] || { log "$c: server says numberReturned/numberMatched $s, PostGIS $p"; exit 1; }
  log "$c: checked $path -> numberReturned numberMatched = $s (same in PostGIS)"
  echo ok
}

server_rps() { # case seconds [paths file] -> "r/s p99ms errors"
  BENCH_PATHS="${3:-$WORK/$1.paths}" wrk -t2 -c16 -d"$2"s --timeout 30s -s bench/lua/paths.lua "$ROOT" |
    awk '/^RESULT/ { split($2, r, "="); split($3, s, "="); split($5, p, "="); split($6, e, "=");
                     printf "%.1f %s %s", r[2] / s[2], p[2], e[2] }'
}

postgis_rps() { # case seconds
  local args=() f
  [[ $1 == nodb ]] && { echo "-"; return; }
  for f in "$WORK/$1".*.sql; do args+=(-f "$f@1"); done
  pgbench -n -c16 -j2 -T"$2" "${args[@]}" "$DB_URL" 2>/dev/null | awk '/^tps = / { printf "%.1f", $3 }'
}

declare -A LABEL=([page1000]="1,000 features, fixed 3x3 box" [page100]="100 features, 50 boxes"
  [feature]="one feature by id (201 ids, cached)" [featurecold]="one feature by id (all 200,000, mostly not cached)" [nodb]="no database (/ogc/conformance)" [polygons]="500 polygons" [z6]="tile z6 (Gao)" [z8]="tile z8 (Gao)")
rows=()
for c in $CASES; do
  prepare "$c"
  state=$(check "$c")
  warm="$WORK/$c.paths"; [[ -f $WORK/$c.warm ]] && warm="$WORK/$c.warm"
  server_rps "$c" "$WARMUP" "$warm" >/dev/null || true
  postgis_rps "$c" "$WARMUP" >/dev/null
  if [[ $state == no-tiles ]]; then
    s="n/a (no tile endpoint)"; p99="-"; errors="-"
  else
    read -r s p99 errors <<<"$(server_rps "$c" "$SECONDS_PER_CASE")"
  fi
  p=$(postgis_rps "$c" "$SECONDS_PER_CASE")
  ratio=$(awk -v s="$s" -v p="$p" 'BEGIN { if (s + 0 > 0 && p + 0 > 0) printf "%.2f", s / p; else print "-" }')
  rows+=("| ${LABEL[$c]} | $s | $p | $ratio | $p99 | $errors |")
  log "$c: server $s r/s, PostGIS $p r/s"
done

echo
echo "$(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), wrk -t2 -c16 / pgbench -j2 -c16, ${SECONDS_PER_CASE} s per case"
echo
echo "| case | server r/s | PostGIS r/s | ratio | server p99 ms | errors |"
echo "|---|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"
