#!/usr/bin/env bash
# Installs the real readers the tests use, from Debian's packages: GDAL's ogrinfo (reads our exports and
# our OGC API), QGIS's Python bindings (load our OGC API), Chromium and its ChromeDriver (front-end tests,
# headless, driven by Selenium) and poppler's pdftoppm (renders printed PDFs to PNG). Skips what is
# already there. Idempotent.
set -euo pipefail
as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }

missing=()
command -v ogrinfo >/dev/null 2>&1 || missing+=(gdal-bin)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
# poppler's pdftoppm: PrintBrowserTest renders the printed PDFs to PNG to look at them.
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
# QGIS's Python bindings and providers (about 100 MB): QgisInteropTest loads our OGC API in QGIS.
/usr/bin/python3 -c 'import qgis.core' >/dev/null 2>&1 || missing+=(python3-qgis qgis-providers)
if ((${#missing[@]})); then
  echo "install-test-tools: installing ${missing[*]} ..." >&2
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
fi
