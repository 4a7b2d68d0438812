# A throw-away PostgreSQL on loopback, for the test suites and the benchmarks. Source this file, then:
#   start_throwaway_postgres LOG_FILE [SERVER_OPTIONS]   sets PG_PORT and PG_DIR, returns non-zero if it did not start
#   stop_throwaway_postgres                              stops it and removes its data
# The server trusts local connections as user "postgres" and listens on 127.0.0.1 only.
# Needs the Debian postgresql package (the callers install it when missing).

pg_run() { if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start_throwaway_postgres() {
  local log=$1 options=${2:-}
  local pg_bin
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  PG_BIN=$pg_bin
  PG_PORT=${UCHASTOK_TEST_PG_PORT:-55432}
  # Another server (a test run in a second clone, say) may hold the port: take the next free one.
  while port_busy "$PG_PORT"; do PG_PORT=$((PG_PORT + 1)); done
  PG_DIR=$(mktemp -d /tmp/uchastok-pg.XXXXXX)
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$PG_DIR"
  pg_run "$pg_bin/initdb -D $PG_DIR -A trust -U postgres" >"$log" 2>&1 || return 1
  if ! pg_run "$pg_bin/pg_ctl -D $PG_DIR -l $PG_DIR/server.log -w -o \"-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c max_connections=300 $options\" start" >/dev/null; then
    cat "$PG_DIR/server.log" "$log" >&2
    echo "PostgreSQL did not start on port $PG_PORT" >&2
    return 1
  fi
}

stop_throwaway_postgres() {
  [ -n "${PG_DIR:-}" ] || return 0
  pg_run "$PG_BIN/pg_ctl -D $PG_DIR -m immediate stop" >/dev/null 2>&1
  rm -rf "$PG_DIR"
  PG_DIR=""
}
