#!/usr/bin/env bash
# How to write 200,000 events in one transaction: JDBC batches (with and without PgJDBC's
# reWriteBatchedInserts) against COPY into a staging table, as new rows and as updates, then the
# whole import-events path on a 200,000-row CSV (org.sahelmap.events.ImportWriteBench).
#
# Works in DATABASE_URL (default: the sahel_bench database, created with scripts/setup-postgis.sh
# when missing) in a layer of its own, "bench-import", dropped at the end; the rows the whole
# import adds to "events" (ids bench-file-*) are deleted again.
#
# Settings (environment): DATABASE_URL, BENCH_ROWS (200000).
set -euo pipefail
cd "$(dirname "$0")/.."

DEFAULT_URL=postgresql://sahel:sahel@localhost:5432/sahel_bench
DB_URL="${DATABASE_URL:-$DEFAULT_URL}"
ROWS="${BENCH_ROWS:-200000}"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

if ! psql "$DB_URL" -qAtc 'SELECT 1' >/dev/null 2>&1; then
  if [[ $DB_URL == "$DEFAULT_URL" ]]; then
    env -u DATABASE_URL SAHEL_DB_NAMES=sahel_bench scripts/setup-postgis.sh
  else
    echo "import-bench: cannot connect to $DB_URL" >&2; exit 1
  fi
fi
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt"
java -Xmx1g -cp "target/test-classes:target/classes:$(cat "$WORK/cp.txt")" \
  org.sahelmap.events.ImportWriteBench "$DB_URL" "$ROWS" 2> >(grep -v flywaydb >&2)
