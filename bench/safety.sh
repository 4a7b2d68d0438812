#!/usr/bin/env bash
# Alarm delivery benchmark (issue 19), one command: bench/safety.sh > results.md
#  1. The Release web app with a fresh SQLite database seeds the demo city (without its history).
#  2. bench/Uchastok.Bench.Safety signs in as admin@demo.kz, registers 50 SOS devices and connects two duty consoles
#     to the SignalR hub /hubs/safety-console (bearer token).
#  3. Baseline in the same run: GET /api/v1/about at the same rate, open loop, for a third of the load's length.
#  4. Load: 200 alarm events a second for 30 s (open loop: every POST starts at its slot), round robin over the
#     devices. Delivery latency = a console received the event's incident − its POST started (one clock).
#  5. Reports delivery p50/p99/max, the POST round trip, the baseline and their ratio, and the events lost (not
#     received by both consoles within 15 s of the last POST). Exit code 1 when anything is lost or a POST fails.
# Markdown goes to stdout, progress and build output to stderr.
# Knobs: BENCH_RATE (200), BENCH_SECONDS (30), BENCH_DEVICES (50), BENCH_CONSOLES (2), UCHASTOK_DB=postgres with UCHASTOK_PG.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export UCHASTOK_SHARED_DATA="${UCHASTOK_SHARED_DATA:-$(cd "$root/.." && pwd)/shared/data}"
source bench/lib.sh

work=$(mktemp -d)
cleanup() { stop_app; rm -rf "$work"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "## Alarm delivery benchmark"
echo
machine_lines
echo "- Load average when measuring started: $(cut -d' ' -f1-3 /proc/loadavg)"
log "building the web app and the load client (Release)"
dotnet build "$root/src/Uchastok.Web/Uchastok.Web.csproj" -c Release -nologo -v q -clp:ErrorsOnly >&2
dotnet build "$root/bench/Uchastok.Bench.Safety/Uchastok.Bench.Safety.csproj" -c Release -nologo -v q -clp:ErrorsOnly >&2
dotnet build-server shutdown >/dev/null 2>&1 || true
sleep 5
mkdir -p "$work/sqlite"
start_app "$work/app.log" UCHASTOK_DATA="$work/sqlite"
log "app at $APP_URL"
echo "- Database: ${UCHASTOK_DB:-sqlite}"
status=0
dotnet "$root/bench/Uchastok.Bench.Safety/bin/Release/net10.0/Uchastok.Bench.Safety.dll" "$APP_URL" \
  --rate "${BENCH_RATE:-200}" --seconds "${BENCH_SECONDS:-30}" --devices "${BENCH_DEVICES:-50}" --consoles "${BENCH_CONSOLES:-2}" || status=$?
exit $status
