#!/usr/bin/env bash
# Installs the page's third-party browser modules (web-deps/package.json, pinned by its lock file)
# from the npm registry into web-deps/node_modules, whence the build copies the few files the page
# imports into the jar under /vendor/. Run by the Maven build (generate-resources); skips the install
# when node_modules already matches the lock file. Installs Debian's npm when it is missing.
set -euo pipefail
cd "$(dirname "$0")/../web-deps"
as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }

if [[ -f node_modules/.package-lock.json && node_modules/.package-lock.json -nt package-lock.json ]]; then
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "web-deps: installing npm from Debian's packages ..." >&2
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq npm >/dev/null
fi
npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
