#!/usr/bin/env bash
# Set up and run every test: backend (pytest), frontend (Vitest) and end-to-end (Chromium).
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

echo "== Python packages"
python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt

if [ ! -x /usr/bin/chromium ]; then
  echo "== Installing Debian's chromium for the browser tests"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

if [ -f frontend/package.json ]; then
  echo "== npm packages"
  (cd frontend && npm ci --no-audit --no-fund --loglevel=error)
fi

# PostgreSQL and Redis on loopback, started (or installed) when missing; the tests require them.
source tests/services.sh

echo "== Backend tests (all of them: the kill -9 and multi-process ones too)"
python -m pytest -m "processes or not processes"

if [ -f frontend/package.json ]; then
  echo "== Frontend tests"
  (cd frontend && npm test)
  echo "== Build and end-to-end tests in Chromium"
  (cd frontend && npm run build && npm run e2e)
fi
