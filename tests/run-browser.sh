#!/usr/bin/env bash
# Accessibility tests in a real browser: builds the UI with the mock backend (ui/dist-mock), serves it on
# 127.0.0.1 at a free port, and runs `node --test tests/browser/` against it in Debian's Chromium.
# Exits with the tests' status.
#
#   bash tests/run-browser.sh
#
# Environment: MC_CHROMIUM (default /usr/bin/chromium), MC_SHOTS_DIR (default /tmp/mc-shots),
# MC_SKIP_BUILD=1 to test the ui/dist-mock that is already there.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
cd "$root"

if [[ ! -d tests/node_modules ]]; then
  npm --prefix tests ci --no-audit --no-fund
fi

if [[ "${MC_SKIP_BUILD:-}" != 1 ]]; then
  if [[ ! -d ui/node_modules ]]; then
    npm --prefix ui ci --no-audit --no-fund
  fi
  npm --prefix ui run build:mock
fi

server_pid=""
url_file="$(mktemp)"
cleanup() {
  if [[ -n "$server_pid" ]]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -f "$url_file"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

node tests/browser/serve.mjs ui/dist-mock >"$url_file" &
server_pid=$!

# The server prints its address once it listens.
for _ in $(seq 1 100); do
  [[ -s "$url_file" ]] && break
  if ! kill -0 "$server_pid" 2>/dev/null; then
    echo "run-browser: the static server stopped before it listened" >&2
    exit 1
  fi
  sleep 0.1
done
MC_BASE_URL="$(head -n 1 "$url_file")"
if [[ -z "$MC_BASE_URL" ]]; then
  echo "run-browser: the static server did not say its address" >&2
  exit 1
fi
export MC_BASE_URL
echo "run-browser: serving ui/dist-mock at $MC_BASE_URL"

status=0
node --test tests/browser/ || status=$?
exit "$status"
