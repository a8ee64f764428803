#!/usr/bin/env bash
# Runs every test against real parts: starts (installing if needed) a local PostGIS unless
# TEST_DATABASE_URL is given, installs GDAL and Chromium, then the Maven build with all tests.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ -z "${TEST_DATABASE_URL:-}" ]]; then
  env -u DATABASE_URL scripts/setup-postgis.sh
fi
scripts/install-test-tools.sh
exec ./mvnw -B verify "$@"
