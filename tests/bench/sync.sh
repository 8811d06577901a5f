#!/usr/bin/env bash
# mCommunity's sync benchmark against automerge-repo 2.5 (the `make bench` sync table).
#
# Installs automerge-repo's side (npm ci, when missing or older than its lock), then runs
# `cargo bench -p mcommunity-sync-server --bench sync`, which builds the server binary in release
# (the bench profile inherits release), starts both servers, devices and the link emulator itself,
# and prints the Markdown table on stdout (progress on stderr).
#
#   tests/bench/sync.sh                   N = 1, 100, 1,000 on loopback and on the emulated 2G link
#   MC_BENCH_QUICK=1 tests/bench/sync.sh  N = 1 and 100 on loopback only
#   MC_BENCH_TIMEOUT_SECS=300 …           cap each scenario (default 600 s)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
node_dir="$here/automerge-repo"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/mcommunity-bench-target}"

command -v node >/dev/null || { echo "Node.js 20 or later is needed for automerge-repo's side" >&2; exit 1; }
if [ ! -f "$node_dir/node_modules/.package-lock.json" ] \
  || [ "$node_dir/package-lock.json" -nt "$node_dir/node_modules/.package-lock.json" ]; then
  npm --prefix "$node_dir" ci --no-audit --no-fund
fi

cd "$root"
start=$(date +%s)
MC_BENCH_NODE_DIR="$node_dir" cargo bench -q -p mcommunity-sync-server --bench sync
echo "sync.sh took $(( $(date +%s) - start )) s in all (build included)"
