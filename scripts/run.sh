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
# A local start listens on this machine only (anyone who can reach it may view: the default
# --anonymous view); pass --host 0.0.0.0 or set SAHEL_HOST to serve others.
export SAHEL_HOST="${SAHEL_HOST:-127.0.0.1}"
exec java -jar target/sahel-map.jar serve "$@"
