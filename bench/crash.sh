#!/usr/bin/env bash
# Crash test, one command: bench/crash.sh > results.md
# For each database (SQLite, then a throw-away PostgreSQL with its default, durable settings):
# starts the Release web app on a fresh database with its background work on, lets
# bench/Uchastok.Bench (mode crash-load) file appeals anonymously from CRASH_CLIENTS concurrent
# clients, kills the app with `kill -9` CRASH_TIMES times while they file (each after
# CRASH_INTERVAL seconds of load) and starts it again on the same port; the clients send an
# unanswered request again with the same Idempotency-Key until it is acknowledged. After the last
# restart the load runs CRASH_INTERVAL seconds more, then stops, and mode crash-count waits for the
# outbox to drain and reads the database: appeals acknowledged / found / lost / stored twice, and the
# messages those appeals queued, delivered once / twice / never by their message id in the
# development sink. Prints a Markdown table; exits non-zero if an acknowledged appeal was lost or
# stored twice, a number was reused, or a message never arrived.
# Settings passed to the app:
#   Notifications__SendLease=00:00:15   a message left "sending" by the killed process goes out
#                                       again 15 s after it was taken (default 2 minutes), so the
#                                       run need not wait long for it;
#   Notifications__PollInterval=00:00:01
#   Appeals__FilingsPerAddressPerHour, Appeals__FilingsPerContactPerDay = 1000000: the per-address
#     and per-contact filing limits (issue 14, item 1) are raised, since every client files from
#     127.0.0.1. If the app has no such settings they are simply ignored.
# Knobs: CRASH_TIMES (3), CRASH_INTERVAL (8 s), CRASH_CLIENTS (4), BENCH_DATABASES ("sqlite postgres").
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export UCHASTOK_SHARED_DATA="${UCHASTOK_SHARED_DATA:-$(cd "$root/.." && pwd)/shared/data}"
times=${CRASH_TIMES:-3}
interval=${CRASH_INTERVAL:-8}
clients=${CRASH_CLIENTS:-4}
databases=${BENCH_DATABASES:-sqlite postgres}
source bench/lib.sh
source scripts/postgres.sh

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
if ! ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1; then
  log "installing postgresql from the Debian archive"
  as_root apt-get update -qq >&2
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >&2
fi

work=$(mktemp -d)
LOAD_PID=""
cleanup() {
  [ -n "$LOAD_PID" ] && kill "$LOAD_PID" 2>/dev/null || true
  stop_app
  stop_throwaway_postgres
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

app_settings=(Notifications__SendLease=00:00:15 Notifications__PollInterval=00:00:01
  Appeals__FilingsPerAddressPerHour=1000000 Appeals__FilingsPerContactPerDay=1000000)

# serve LOG_FILE PORT NAME=VALUE...: the app with the crash test's settings on a fixed port.
serve() {
  local log_file=$1 port=$2; shift 2
  serve_on_port "$log_file" "$port" "${app_settings[@]}" "$@"
}

echo "## Crash test"
echo
machine_lines
build_release
echo "- Load average when the test started: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "- $clients clients filing appeals anonymously; \`kill -9\` of the app $times times, every $interval s of load; restarted at once on the same database"
echo
echo "| Database | kill -9 | Appeals acknowledged | Found | Lost | Stored twice | Stored, never acknowledged | Numbers given twice | Messages queued | Delivered once | Delivered twice | Never delivered | Failed (for a person) | Appeals without their message |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"

status=0
notes=()
bench_dll="$root/bench/Uchastok.Bench/bin/Release/net10.0/Uchastok.Bench.dll"
for database in $databases; do
  case $database in
    sqlite)
      mkdir -p "$work/sqlite"
      db_env=(UCHASTOK_DATA="$work/sqlite")
      connection="Data Source=$work/sqlite/uchastok.db"
      ;;
    postgres)
      start_throwaway_postgres "$work/postgres-init.log"
      connection="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=uchastok"
      db_env=(UCHASTOK_DB=postgres UCHASTOK_PG="$connection")
      ;;
    *) log "unknown database $database"; exit 2 ;;
  esac
  port=$(free_port)
  app_log="$work/app-$database.log"
  serve "$app_log" "$port" "${db_env[@]}"
  rm -f "$work/stop"
  log "$database: $clients clients filing appeals"
  dotnet "$bench_dll" crash-load --url "$APP_URL" --until "$work/stop" --out "$work/acknowledged-$database.tsv" --concurrency "$clients" >"$work/load-$database.txt" &
  LOAD_PID=$!
  for crash in $(seq 1 "$times"); do
    sleep "$interval"
    log "$database: kill -9 ($crash of $times)"
    kill -9 "$APP_PID"
    wait "$APP_PID" 2>/dev/null || true
    serve "$app_log" "$port" "${db_env[@]}"
  done
  sleep "$interval"
  touch "$work/stop"
  wait "$LOAD_PID" || status=1
  LOAD_PID=""
  log "$database: counting (after the outbox drains)"
  dotnet "$bench_dll" crash-count --db "$database" --connection "$connection" --acknowledged "$work/acknowledged-$database.tsv" \
    --label "$database" --crashes "$times" --wait-seconds 120 || status=1
  notes+=("- $database: $(cat "$work/load-$database.txt")")
  stop_app
  [ "$database" = postgres ] && stop_throwaway_postgres
done
echo
printf '%s\n' "${notes[@]}"
log "done"
exit $status
