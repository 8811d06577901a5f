#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL server for the tests:
#
#   bash tests/with-postgres.sh cargo test -p mcommunity-sync-server --test storage
#
# Installs Debian's PostgreSQL if it is missing, starts a fresh cluster in a temporary folder
# (listening on 127.0.0.1 and a free port only, trust login: for local tests, never for data),
# runs the command with MCOMMUNITY_TEST_DATABASE_URL pointing at it, then stops the server and
# deletes the folder, whatever the command did. Exits with the command's status.
set -euo pipefail

if [ $# -eq 0 ]; then
  echo "usage: bash tests/with-postgres.sh <command> [arguments...]" >&2
  exit 2
fi

log() { echo "with-postgres: $*" >&2; }

# The newest installed PostgreSQL (Debian 12 has 15), installed if there is none.
pg_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  [ -n "$dir" ] && [ -x "$dir/initdb" ] && echo "$dir"
}
if ! BIN=$(pg_bin); then
  log "installing PostgreSQL (Debian package postgresql)"
  SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
  $SUDO apt-get -o DPkg::Lock::Timeout=300 update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get -o DPkg::Lock::Timeout=300 install -y -q postgresql
  BIN=$(pg_bin) || { log "PostgreSQL is still not installed"; exit 1; }
fi

# PostgreSQL refuses to run as root: as root, its files and processes belong to `postgres`.
ROOT_DIR=$(mktemp -d /tmp/mcommunity-pg.XXXXXX)
if [ "$(id -u)" = 0 ]; then
  chown postgres: "$ROOT_DIR"
  as_pg() { (cd "$ROOT_DIR" && runuser -u postgres -- "$@"); }
else
  as_pg() { (cd "$ROOT_DIR" && "$@"); }
fi
DATA="$ROOT_DIR/data"

cleanup() {
  local status=$?
  if [ -f "$DATA/postmaster.pid" ]; then
    as_pg "$BIN/pg_ctl" -D "$DATA" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$ROOT_DIR"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

as_pg "$BIN/initdb" -D "$DATA" -U postgres -A trust -E UTF8 --no-locale --no-sync >"$ROOT_DIR/initdb.log" 2>&1 \
  || { cat "$ROOT_DIR/initdb.log" >&2; log "initdb failed"; exit 1; }

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# A free port; another process may take it between the check and the start, so try a few.
started=
for _ in 1 2 3 4 5; do
  PORT=$((20000 + RANDOM % 40000))
  port_in_use "$PORT" && continue
  # Durability is worthless for a throwaway database: no fsync makes the tests faster.
  if as_pg "$BIN/pg_ctl" -D "$DATA" -l "$ROOT_DIR/server.log" -w -t 60 -o \
    "-c listen_addresses=127.0.0.1 -c port=$PORT -c unix_socket_directories=$ROOT_DIR -c max_connections=300 -c fsync=off -c full_page_writes=off" \
    start >/dev/null; then
    started=1
    break
  fi
done
if [ -z "$started" ]; then
  cat "$ROOT_DIR/server.log" >&2 || true
  log "PostgreSQL did not start"
  exit 1
fi

for _ in $(seq 1 300); do
  if "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT" -U postgres; then
    break
  fi
  sleep 0.1
done
"$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT" -U postgres || { log "PostgreSQL is not ready"; exit 1; }

log "PostgreSQL $("$BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT"
export MCOMMUNITY_TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$PORT/postgres"
set +e
"$@"
status=$?
set -e
exit "$status"
