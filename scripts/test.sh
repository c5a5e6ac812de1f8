#!/usr/bin/env bash
# THE test command: ./scripts/test.sh [extra dotnet test arguments, e.g. --filter "FullyQualifiedName~Infrastructure"]
# Installs what the tests need (Azurite from package-lock.json, dotnet tools, system Chromium when root), then runs
# every test project of Serverless.sln. Tests start their own Azurite and SMTP servers on free ports.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

log() { printf '\n==> %s\n' "$*"; }

if [[ ! -d node_modules || package-lock.json -nt node_modules ]]; then
  log "npm ci (Azurite, pinned in package-lock.json)"
  npm ci --no-audit --no-fund
  # Record when dependencies were installed, for the freshness check above.
  touch node_modules
fi

log "dotnet tool restore"
dotnet tool restore

if [[ ! -x /usr/bin/chromium ]]; then
  if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
    log "Installing chromium for browser tests (apt-get)"
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium
  else
    printf '\nWARNING: /usr/bin/chromium is missing, so browser tests will fail.\n' >&2
    printf '         Install it once with: sudo apt-get install -y chromium\n\n' >&2
  fi
fi

log "dotnet test Serverless.sln -c Release $*"
exec dotnet test Serverless.sln -c Release \
  --logger "console;verbosity=normal" \
  --blame-hang-timeout 10m \
  "$@"
