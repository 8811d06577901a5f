#!/usr/bin/env bash
# The real app end to end: drives the debug build (UI embedded, `--features custom-protocol`) through
# tauri-driver and WebKitWebDriver, and runs `node --test tests/e2e/`. Exits with the tests' status.
#
#   bash tests/run-e2e.sh <path-to-app-binary> [<path-to-sync-server-binary>]
#
# It starts Xvfb when there is no DISPLAY, gives the app a fresh data folder (MCOMMUNITY_DATA_DIR) and
# fresh XDG folders (so WebKit's own storage starts empty too), starts tauri-driver on port 4444 (or a
# free port when 4444 is taken), and stops everything it started on exit. Screenshots go to
# MC_SHOTS_DIR (default /tmp/mc-shots).
#
# With the sync server's binary as the second argument it also starts the server on a free port with a
# fresh data folder, and exports its URL as MC_SERVER_URL for the tests that need it (pairing; without
# it they fail saying so). The apps of the first test keep running without a server, as before.
set -euo pipefail

if [[ $# -lt 1 || $# -gt 2 ]]; then
  echo "usage: bash tests/run-e2e.sh <path-to-app-binary> [<path-to-sync-server-binary>]" >&2
  exit 2
fi
app_bin="$(realpath "$1")"
if [[ ! -x "$app_bin" ]]; then
  echo "run-e2e: $app_bin is not an executable (build it with: cargo build -p mcommunity-app --features custom-protocol)" >&2
  exit 2
fi
server_bin=""
if [[ $# -eq 2 ]]; then
  server_bin="$(realpath "$2")"
  if [[ ! -x "$server_bin" ]]; then
    echo "run-e2e: $server_bin is not an executable (build it with: cargo build -p mcommunity-sync-server)" >&2
    exit 2
  fi
fi

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
cd "$root"

export PATH="$HOME/.cargo/bin:$PATH"
tauri_driver="$(command -v tauri-driver || true)"
native_driver="${MC_NATIVE_DRIVER:-$(command -v WebKitWebDriver || echo /usr/bin/WebKitWebDriver)}"
if [[ -z "$tauri_driver" ]]; then
  echo "run-e2e: tauri-driver is missing (cargo install tauri-driver --version '^2' --locked)" >&2
  exit 2
fi
if [[ ! -x "$native_driver" ]]; then
  echo "run-e2e: WebKitWebDriver is missing (apt-get install webkit2gtk-driver)" >&2
  exit 2
fi

if [[ ! -d tests/node_modules ]]; then
  npm --prefix tests ci --no-audit --no-fund
fi

work="$(mktemp -d -t mcommunity-e2e.XXXXXX)"
xvfb_pid=""
driver_pid=""
server_pid=""

cleanup() {
  # tauri-driver runs in its own process group with WebKitWebDriver and every app it started.
  if [[ -n "$driver_pid" ]]; then
    kill -TERM -- "-$driver_pid" 2>/dev/null || true
    for _ in $(seq 1 30); do
      kill -0 -- "-$driver_pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -KILL -- "-$driver_pid" 2>/dev/null || true
    wait "$driver_pid" 2>/dev/null || true
  fi
  if [[ -n "$server_pid" ]]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  if [[ -n "$xvfb_pid" ]]; then
    kill "$xvfb_pid" 2>/dev/null || true
    wait "$xvfb_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() {
  node -e 'const s = require("net").createServer(); s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });'
}

if [[ -z "${DISPLAY:-}" ]]; then
  display=99
  while [[ -e "/tmp/.X11-unix/X$display" || -e "/tmp/.X$display-lock" ]]; do
    display=$((display + 1))
  done
  Xvfb ":$display" -screen 0 1280x800x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
  xvfb_pid=$!
  for _ in $(seq 1 100); do
    [[ -e "/tmp/.X11-unix/X$display" ]] && break
    if ! kill -0 "$xvfb_pid" 2>/dev/null; then
      echo "run-e2e: Xvfb did not start:" >&2
      cat "$work/xvfb.log" >&2
      exit 1
    fi
    sleep 0.1
  done
  export DISPLAY=":$display"
  echo "run-e2e: Xvfb on $DISPLAY"
fi

export MCOMMUNITY_DATA_DIR="$work/data"
mkdir -p "$MCOMMUNITY_DATA_DIR"
export XDG_DATA_HOME="$work/xdg-data" XDG_CONFIG_HOME="$work/xdg-config" XDG_CACHE_HOME="$work/xdg-cache"
export MC_APP_BIN="$app_bin"
# Tests that start apps with data folders of their own make them under here (removed on exit).
export MC_E2E_WORK="$work"

driver_port="${MC_DRIVER_PORT:-4444}"
port_free "$driver_port" || driver_port="$(free_port)"
native_port="$(free_port)"
while [[ "$native_port" == "$driver_port" ]]; do native_port="$(free_port)"; done
export MC_DRIVER_PORT="$driver_port"

setsid "$tauri_driver" --port "$driver_port" --native-port "$native_port" --native-driver "$native_driver" \
  >"$work/tauri-driver.log" 2>&1 &
driver_pid=$!

for _ in $(seq 1 100); do
  port_free "$driver_port" || break
  if ! kill -0 "$driver_pid" 2>/dev/null; then
    echo "run-e2e: tauri-driver stopped before it listened:" >&2
    cat "$work/tauri-driver.log" >&2
    exit 1
  fi
  sleep 0.1
done
if port_free "$driver_port"; then
  echo "run-e2e: tauri-driver did not listen on port $driver_port" >&2
  exit 1
fi
echo "run-e2e: tauri-driver on port $driver_port (WebKitWebDriver on $native_port), data in $MCOMMUNITY_DATA_DIR"

if [[ -n "$server_bin" ]]; then
  server_port="$(free_port)"
  while [[ "$server_port" == "$driver_port" || "$server_port" == "$native_port" ]]; do server_port="$(free_port)"; done
  mkdir -p "$work/server"
  # The lessons, forms and skills check, as a real start publishes them (narration from the cache
  # the app's build filled).
  "$server_bin" content publish lessons --data "$work/server" \
    --narration-cache "${CARGO_TARGET_DIR:-$HOME/.cache/mcommunity-target}/narration-cache" >"$work/publish.log" 2>&1 \
    || { echo "run-e2e: publishing the lessons failed:" >&2; cat "$work/publish.log" >&2; exit 1; }
  "$server_bin" serve --listen "127.0.0.1:$server_port" --data "$work/server" >"$work/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 100); do
    port_free "$server_port" || break
    if ! kill -0 "$server_pid" 2>/dev/null; then
      echo "run-e2e: the sync server stopped before it listened:" >&2
      cat "$work/server.log" >&2
      exit 1
    fi
    sleep 0.1
  done
  if port_free "$server_port"; then
    echo "run-e2e: the sync server did not listen on port $server_port" >&2
    exit 1
  fi
  export MC_SERVER_URL="http://127.0.0.1:$server_port"
  # Tests add staff and volunteer accounts with the server's own command line.
  export MC_SERVER_BIN="$server_bin" MC_SERVER_DATA="$work/server"
  echo "run-e2e: sync server on $MC_SERVER_URL, data in $work/server"
fi

status=0
node --test --test-concurrency=1 tests/e2e/ || status=$?
if [[ "$status" -ne 0 && -s "$work/tauri-driver.log" ]]; then
  echo "run-e2e: the last lines of tauri-driver's log:" >&2
  tail -n 40 "$work/tauri-driver.log" >&2
  if [[ -s "$work/server.log" ]]; then
    echo "run-e2e: the last lines of the sync server's log:" >&2
    tail -n 40 "$work/server.log" >&2
  fi
fi
exit "$status"
