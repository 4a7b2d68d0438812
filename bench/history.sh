#!/usr/bin/env bash
# Demo-history seeding time, one command: bench/history.sh > results.md
# Starts the Release web app BENCH_RUNS times (3), each on a fresh SQLite database with the demo
# history on (ADR 0008), and reads the seeders' log lines: the demo city's time, the history's wall
# time and processor time, and what it wrote. The load average before each run is given: other work
# on the machine stretches wall time, hardly processor time. Markdown to stdout, progress to stderr.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export UCHASTOK_SHARED_DATA="${UCHASTOK_SHARED_DATA:-$(cd "$root/.." && pwd)/shared/data}"
runs=${BENCH_RUNS:-3}
source bench/lib.sh

work=$(mktemp -d)
trap 'stop_app; rm -rf "$work"' EXIT

# "00:00:15.9269397" as "15.9 s".
seconds() { awk -F: '{ printf "%.1f s", $1 * 3600 + $2 * 60 + $3 }'; }

echo "## Demo history seeding"
echo
machine_lines
build_release
echo
echo "| Run | Load average before | Demo city | History (wall) | History (processor) | Appeals | Survey responses | Meetings held | Reports published |"
echo "|---:|---|---:|---:|---:|---:|---:|---:|---:|"
for run in $(seq 1 "$runs"); do
  mkdir -p "$work/$run"
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  log "run $run of $runs"
  start_app "$work/$run/app.log" UCHASTOK_DATA="$work/$run" Demo__History=true Notifications__Background=false
  stop_app
  city=$(grep -o 'addresses in [0-9:.]*' "$work/$run/app.log" | awk '{ print $3 }' | seconds)
  history=$(grep -o 'Demo history seeded.*' "$work/$run/app.log")
  wall=$(grep -o 'drafts, in [0-9:.]*' <<<"$history" | awk '{ print $3 }' | seconds)
  processor=$(grep -o '([0-9:.]* of processor time' <<<"$history" | tr -d '(' | awk '{ print $1 }' | seconds)
  count() { grep -o "[0-9]* $1" <<<"$history" | head -n 1 | awk '{ print $1 }'; }
  echo "| $run | $load | $city | $wall | $processor | $(count appeals) | $(count 'survey responses') | $(count 'meetings held') | $(count 'reports published') |"
done
