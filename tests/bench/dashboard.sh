#!/usr/bin/env bash
# The dashboard's weight and speed, measured (part of `make bench`): a release server with 10,000
# DEMO submissions in a temporary folder, a clerk logged in over HTTP, then
#   - bytes of the inbox page (50 rows), its stylesheet, a request's page and the transparency page,
#     as sent and as gzip would send them;
#   - time to render the inbox (first page, a searched and filtered page, a late page) and the
#     transparency page: median and slowest of 20 requests each, measured by curl on loopback.
#
#   bash tests/bench/dashboard.sh            MC_BENCH_N=10000 by default
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$(dirname "$here")")"
cd "$root"
n="${MC_BENCH_N:-10000}"
target="${CARGO_TARGET_DIR:-$HOME/.cache/mcommunity-target}"
cargo build -q --release -p mcommunity-sync-server --bin mcommunity-sync-server
server="$target/release/mcommunity-sync-server"

work="$(mktemp -d)"
pid=""
cleanup() { [[ -n "$pid" ]] && kill "$pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

start=$(date +%s.%N)
"$server" admin demo-data --count "$n" --data "$work/data" >/dev/null
echo "seeded $n DEMO submissions in $(echo "$(date +%s.%N) - $start" | bc | xargs printf '%.1f') s"
echo "bench-clerk-password-2026" | "$server" admin add-staff --username bench --role admin --data "$work/data" >/dev/null

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$server" serve --listen "127.0.0.1:$port" --data "$work/data" >/dev/null 2>&1 & pid=$!
base="http://127.0.0.1:$port"
for _ in $(seq 200); do curl -sf "$base/healthz" >/dev/null && break; sleep 0.05; done

jar="$work/cookies"
csrf=$(curl -s -c "$jar" "$base/dashboard/login" | grep -o 'name="csrf" value="[^"]*"' | sed 's/.*value="//; s/"$//')
curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "csrf=$csrf" --data-urlencode "username=bench" \
  --data-urlencode "password=bench-clerk-password-2026" "$base/dashboard/login"
curl -s -b "$jar" -o "$work/inbox.html" "$base/dashboard"
grep -q 'href="/dashboard/submissions/' "$work/inbox.html" || { echo "login failed: no inbox rows"; exit 1; }
first=$(grep -o 'href="/dashboard/submissions/[^"]*"' "$work/inbox.html" | head -1 | sed 's/href="//; s/"$//')

weight() { # name url (with the session)
  local body="$work/page"
  curl -s -b "$jar" -o "$body" "$base$2"
  printf '%-34s %8d B   gzip %7d B\n' "$1" "$(wc -c <"$body")" "$(gzip -9c "$body" | wc -c)"
}
echo
echo "page weight"
weight "inbox (50 rows of $n)" "/dashboard"
weight "stylesheet (cached)" "/dashboard/static/style.css"
weight "a request's page" "$first"
weight "transparency (public)" "/transparency"

timing() { # name url
  local times=()
  for _ in $(seq 20); do
    times+=("$(curl -s -b "$jar" -o /dev/null -w '%{time_total}' "$base$2")")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v name="$1" '{ t[NR] = $1 } END {
    printf "%-34s median %6.1f ms   slowest %6.1f ms\n", name, t[int((NR + 1) / 2)] * 1000, t[NR] * 1000 }'
}
echo
echo "time to render (20 requests each, loopback, release build)"
timing "inbox, first page" "/dashboard"
timing "inbox, search + filters" "/dashboard?q=ujë&status=received&photo=1"
timing "inbox, page 150" "/dashboard?page=150"
timing "a request's page" "$first"
timing "reports" "/dashboard/reports"
timing "transparency" "/transparency"
