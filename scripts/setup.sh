#!/usr/bin/env bash
# Installs newsgraph's build and test dependencies from Debian 12 packages.
# Safe to run twice: apt-get install skips what is already there.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
PACKAGES=(
  build-essential cmake pkg-config
  libboost-graph-dev rapidjson-dev libsqlitecpp-dev libsqlite3-dev
  libgtest-dev libgmock-dev libcli11-dev
  wordnet-base sqlite3 graphviz
  libgumbo-dev  # HTML articles (extract/html.cc)
  python3 python3-networkx python3-igraph
  clang libclang-rt-14-dev  # libFuzzer targets (scripts/test.sh, docs/robustness.md)
  libpqxx-dev libpq-dev     # the PostgreSQL store backend (docs/scaling.md)
  postgresql-15             # server the tests start (tests/pg/with_postgres.sh)
)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
# graphology's GEXF/GraphML parsers (Gephi Lite, sigma.js) for
# tests/export/check_graphology.mjs, pinned by tests/export/package-lock.json.
if command -v npm >/dev/null 2>&1; then
  (cd "$(dirname "$0")/../tests/export" && npm ci --no-audit --no-fund --silent)
else
  echo "setup: npm not found; the graphology export checks will be skipped" >&2
fi
echo "setup: dependencies present" >&2
