#!/usr/bin/env bash
# The page at 200,000 events in headless Chromium at 1366x768: first paint, redraw after zoom, pan
# and timeline change, and the JS heap (org.sahelmap.bench.BrowserBench). Uses its own database,
# sahel_bench_browser (created with scripts/setup-postgis.sh), filled from nothing on each run.
# Settings (environment): BENCH_EVENTS (200000).
set -euo pipefail
cd "$(dirname "$0")/.."
DB=postgresql://sahel:sahel@localhost:5432/sahel_bench_browser
if ! psql "$DB" -qAtc 'SELECT 1' >/dev/null 2>&1; then
  env -u DATABASE_URL SAHEL_DB_NAMES=sahel_bench_browser scripts/setup-postgis.sh
fi
scripts/install-test-tools.sh
TEST_DATABASE_URL=$DB ./mvnw -q -B test-compile exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=org.sahelmap.bench.BrowserBench -Dexec.args="${BENCH_EVENTS:-200000}" \
  2> >(grep -v '^\[main\] INFO\|^SLF4J\|INFO io.javalin\|INFO org.flywaydb\|INFO com.zaxxer' >&2)
