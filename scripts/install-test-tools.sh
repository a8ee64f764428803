#!/usr/bin/env bash
# Installs the real readers the tests use, from Debian's packages: GDAL's ogrinfo (reads our exports and
# our OGC API) and Chromium (front-end tests, headless). Skips what is already there. Idempotent.
set -euo pipefail
as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }

missing=()
command -v ogrinfo >/dev/null 2>&1 || missing+=(gdal-bin)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
if ((${#missing[@]})); then
  echo "install-test-tools: installing ${missing[*]} ..." >&2
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
fi
