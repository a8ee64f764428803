#!/usr/bin/env bash
# Delay from a committed AOI save on one server instance to its list item in a browser open on a
# second instance (org.sahelmap.bench.LiveBench). Uses its own database, sahel_bench_browser.
set -euo pipefail
cd "$(dirname "$0")/.."
DB=postgresql://sahel:sahel@localhost:5432/sahel_bench_browser
if ! psql "$DB" -qAtc 'SELECT 1' >/dev/null 2>&1; then
  env -u DATABASE_URL SAHEL_DB_NAMES=sahel_bench_browser scripts/setup-postgis.sh
fi
scripts/install-test-tools.sh
echo "| measure | runs | median | p90 | worst |"
echo "|---|---|---|---|---|"
TEST_DATABASE_URL=$DB ./mvnw -q -B test-compile exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=org.sahelmap.bench.LiveBench \
  2> >(grep -v '^\[main\] INFO\|^SLF4J\|INFO io.javalin\|INFO org.flywaydb\|INFO com.zaxxer\|WARN' >&2)
