#!/usr/bin/env bash
# Lints the page's own modules (web/js) with ESLint, pinned in web-deps/package-lock.json and configured
# in web-deps/eslint.config.mjs. Run by the Maven build in verify (after scripts/web-deps.sh installed
# it); exits non-zero on any problem.
set -euo pipefail
cd "$(dirname "$0")/.."
exec web-deps/node_modules/.bin/eslint --config web-deps/eslint.config.mjs --max-warnings 0 web/js
