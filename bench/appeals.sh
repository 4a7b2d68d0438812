#!/usr/bin/env bash
# Appeal filing under load, one command: bench/appeals.sh > results.md
# For each database (SQLite, then a throw-away PostgreSQL with its default, durable settings):
# starts the Release web app on a fresh database with its background jobs running, lets
# bench/Uchastok.Bench (mode "appeals") post appeals from BENCH_CLIENTS concurrent clients for
# BENCH_SECONDS, one in ten posted twice with the same Idempotency-Key, then checks in the database
# that every appeal acknowledged with 201 is stored exactly once. Prints a Markdown table; exits
# non-zero if any appeal was lost or stored twice. The GET /api/v1/about rate of the same app,
# measured with wrk just before, is printed beside it as the no-work baseline.
# The app runs with Appeals__FilingsPerAddressPerHour and Appeals__FilingsPerContactPerDay raised to
# 1000000, as in bench/crash.sh: every client files from 127.0.0.1, and the per-address and
# per-contact limits (issue 14) would otherwise refuse all but the first few filings.
# Knobs: BENCH_SECONDS (20), BENCH_WARMUP (30: until tiered compilation has settled), BENCH_CLIENTS (32),
# BENCH_DATABASES ("sqlite postgres").
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export UCHASTOK_SHARED_DATA="${UCHASTOK_SHARED_DATA:-$(cd "$root/.." && pwd)/shared/data}"
seconds=${BENCH_SECONDS:-20}
warmup=${BENCH_WARMUP:-30}
clients=${BENCH_CLIENTS:-32}
databases=${BENCH_DATABASES:-sqlite postgres}
source bench/lib.sh
source scripts/postgres.sh

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
need=()
command -v wrk >/dev/null 2>&1 || need+=(wrk)
ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1 || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  log "installing ${need[*]} from the Debian archive"
  as_root apt-get update -qq >&2
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >&2
fi

work=$(mktemp -d)
cleanup() { stop_app; stop_throwaway_postgres; rm -rf "$work"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "## Appeal filing benchmark"
echo
machine_lines
build_release
echo "- Load average when measuring started: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "Each appeal is a JSON POST /api/v1/appeals with a map point inside a beat: validation, routing, numbering,"
echo "due date, the count against the applicant's contact, the appeal with its two history entries, the idempotency"
echo "key and the queued messages (the contact, unconfirmed, gets the first of the day; the assignee's staff account,"
echo "if any) in one transaction; the outbox dispatcher delivers the messages to the sink meanwhile."
echo
echo "| Database | Load | Appeals acknowledged | Appeals/s | p50 ms | p99 ms | Retries with the same key | Failed requests | Lost | Stored twice | GET /api/v1/about requests/s (baseline) | Appeals/s ÷ baseline |"
echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"

limits=(Appeals__FilingsPerAddressPerHour=1000000 Appeals__FilingsPerContactPerDay=1000000)
status=0
for database in $databases; do
  case $database in
    sqlite)
      mkdir -p "$work/sqlite"
      start_app "$work/app-sqlite.log" "${limits[@]}" UCHASTOK_DATA="$work/sqlite"
      connection="Data Source=$work/sqlite/uchastok.db"
      ;;
    postgres)
      start_throwaway_postgres "$work/postgres-init.log"
      pg="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=uchastok;Maximum Pool Size=100"
      start_app "$work/app-postgres.log" "${limits[@]}" UCHASTOK_DB=postgres UCHASTOK_PG="$pg"
      connection=$pg
      ;;
    *) log "unknown database $database"; exit 2 ;;
  esac
  log "$database: baseline, wrk on GET /api/v1/about for 5 s"
  about=$(wrk -t1 -c"$clients" -d5s "$APP_URL/api/v1/about" | awk '/Requests\/sec:/ { printf "%.0f", $2 }')
  log "$database: filing appeals"
  row=$(dotnet bench/Uchastok.Bench/bin/Release/net10.0/Uchastok.Bench.dll appeals --url "$APP_URL" --db "$database" \
    --connection "$connection" --seconds "$seconds" --warmup "$warmup" --concurrency "$clients" --label "$database") || status=1
  ratio=$(awk -F'|' -v about="$about" '{ gsub(/[ ,]/, "", $5); printf "%.4f", $5 / about }' <<<"$row")
  echo "$row $about | $ratio |"
  stop_app
  [ "$database" = postgres ] && stop_throwaway_postgres
done
log "done"
exit $status
