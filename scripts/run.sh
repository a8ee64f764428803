#!/usr/bin/env bash
# Runs the server with the mission's layers and events: starts (installing if needed) a local PostGIS
# unless DATABASE_URL is given, builds the jar when it is missing or older than the sources, serves.
# Extra arguments go to `serve` (e.g. --port 9090).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup-postgis.sh
if [[ ! -f target/sahel-map.jar ]] || [[ -n $(find src web data pom.xml -newer target/sahel-map.jar -print -quit) ]]; then
  ./mvnw -B -q package -DskipTests
fi
exec java -jar target/sahel-map.jar serve "$@"
