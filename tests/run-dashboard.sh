#!/usr/bin/env bash
# Accessibility of the municipality's dashboard and transparency page in a real browser: builds the
# server binary, then runs `node --test tests/dashboard/` (which starts it on a temporary data folder)
# in Debian's Chromium. Exits with the tests' status.
#
#   bash tests/run-dashboard.sh
#
# Environment: MC_SERVER_BIN (a server binary to test instead of building one), CARGO_TARGET_DIR,
# MC_CHROMIUM (default /usr/bin/chromium), MC_SHOTS_DIR (default /tmp/mc-shots).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
cd "$root"

if [[ ! -d tests/node_modules ]]; then
  npm --prefix tests ci --no-audit --no-fund
fi

if [[ -z "${MC_SERVER_BIN:-}" ]]; then
  cargo build -p mcommunity-sync-server --bin mcommunity-sync-server
  MC_SERVER_BIN="${CARGO_TARGET_DIR:-$root/target}/debug/mcommunity-sync-server"
  export MC_SERVER_BIN
fi

node --test tests/dashboard/
