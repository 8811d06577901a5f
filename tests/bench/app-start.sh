#!/usr/bin/env bash
# Measures the app as a person meets it: installed size, time from launch until the UI asks for
# its first screen (cold: a fresh data folder each run), and memory after 5 s idle — the app
# process plus the WebKit processes it spawns, as RSS and as PSS (shared pages split fairly).
# Usage: tests/bench/app-start.sh <app-binary> [runs]
set -euo pipefail
bin=${1:?usage: app-start.sh <app-binary> [runs]}
runs=${2:-5}
work=$(mktemp -d)
xvfb_pid=
cleanup() { [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
if [ -z "${DISPLAY:-}" ]; then
  Xvfb :93 -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 & xvfb_pid=$!
  export DISPLAY=:93
  sleep 1
fi

descendants() { local p=$1; echo "$p"; for c in $(pgrep -P "$p"); do descendants "$c"; done; }
sum_kb() { # field of /proc/<pid>/smaps_rollup or status, summed over pids
  local field=$1; shift; local total=0
  for p in "$@"; do
    v=$(awk -v f="$field:" '$1==f {print $2}' /proc/"$p"/smaps_rollup 2>/dev/null || true)
    total=$((total + ${v:-0}))
  done
  echo "$total"
}

echo "binary: $(stat -c %s "$bin") bytes ($(numfmt --to=iec "$(stat -c %s "$bin")"))"
starts=(); rss=(); pss=()
for i in $(seq 1 "$runs"); do
  data="$work/data-$i"; log="$work/log-$i"
  t0=$(date +%s%N)
  MCOMMUNITY_DATA_DIR="$data" RUST_LOG=info "$bin" 2>"$log" >/dev/null & pid=$!
  until grep -q "first screen requested" "$log"; do
    kill -0 "$pid" 2>/dev/null || { echo "the app exited early:"; cat "$log"; exit 1; }
    sleep 0.01
  done
  t1=$(date +%s%N)
  starts+=($(( (t1 - t0) / 1000000 )))
  sleep 5
  pids=$(descendants "$pid")
  rss+=($(sum_kb Rss $pids)); pss+=($(sum_kb Pss $pids))
  kill "$pid"; wait "$pid" 2>/dev/null || true
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "cold start to first screen (ms), $runs runs: ${starts[*]} — median $(median "${starts[@]}")"
echo "idle memory after 5 s, app + WebKit processes: RSS median $(( $(median "${rss[@]}") / 1024 )) MiB, PSS median $(( $(median "${pss[@]}") / 1024 )) MiB"
