#!/usr/bin/env bash
# Beat-lookup benchmark, one command: bench/run.sh > results.md
#  1. In-process: single-threaded BeatLocator lookups/s over the demo city and over London's 4,994
#     small areas used as beats, against a linear scan measured in the same run (bench/Uchastok.Bench).
#  2. HTTP: the Release web app on a free loopback port with a throw-away database; wrk measures
#     GET /api/v1/beats/locate (points from bench/locate.lua) and the trivial GET /api/v1/about
#     with the same threads, connections and duration, in the order about, locate, locate, about,
#     and reports locate's requests/s as a ratio to about's. One more run of GET /api/v1/beats/{id}
#     (bench/beat-card.lua) shows what the card costs without the lookup.
# Markdown goes to stdout, progress and build output to stderr. Machine and date are printed so the
# results can be pasted into docs/benchmarks.md. Knobs: BENCH_DURATION (10s), BENCH_WARMUP (3s),
# BENCH_CONNECTIONS (32), BENCH_THREADS (1), BENCH_POINTS (1000000).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export UCHASTOK_SHARED_DATA="${UCHASTOK_SHARED_DATA:-$(cd "$root/.." && pwd)/shared/data}"
duration=${BENCH_DURATION:-10s}
warmup=${BENCH_WARMUP:-3s}
connections=${BENCH_CONNECTIONS:-32}
threads=${BENCH_THREADS:-1}
points=${BENCH_POINTS:-1000000}
locate_path='/api/v1/beats/locate?lat=43.2510&lon=76.9210'

thousands() { printf '%.0f' "$1" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta'; }

# The library first: the install step below already logs through it.
source bench/lib.sh

if ! command -v wrk >/dev/null 2>&1; then
  log "wrk is missing; installing it from the Debian archive"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq >&2
  $sudo apt-get install -y -qq wrk >&2
fi

echo "## Beat lookup benchmark"
echo
machine_lines
echo "- wrk: $( (wrk -v 2>&1 || true) | head -1 | awk '{print $1, $2}')"
build_release
log "running the in-process benchmark"
echo "- Load average when measuring started: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "### In-process lookups (bench/Uchastok.Bench)"
echo
dotnet bench/Uchastok.Bench/bin/Release/net10.0/Uchastok.Bench.dll --points "$points"
echo

work=$(mktemp -d)
cleanup() { stop_app; rm -rf "$work"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

log "starting the web app (fresh SQLite database in $work/data)"
mkdir -p "$work/data"
start_app "$work/app.log" UCHASTOK_DATA="$work/data"
url=$APP_URL
# The first locate builds the in-memory territory snapshot; it must answer 200 before anything is timed.
curl -fsS -o /dev/null "$url$locate_path"
curl -fsS -o /dev/null "$url/api/v1/about"

# Runs wrk and prints "requests/s p50 p99 requests non2xx errors".
measure() {
  local target=$1 length=$2 script=${3:-}
  local out
  out=$(wrk -t"$threads" -c"$connections" -d"$length" --latency ${script:+-s "$script"} "$target")
  echo "$out" >"$work/last-wrk.txt"
  awk '
    /Requests\/sec:/ { rps = $2 }
    /^ +50%/ { p50 = $2 }
    /^ +99%/ { p99 = $2 }
    / requests in / { total = $1 }
    /Non-2xx or 3xx responses:/ { non2xx = $NF }
    /Socket errors:/ { errors = $0; sub(/.*Socket errors: */, "", errors); gsub(/ /, "", errors) }
    END { printf "%s %s %s %s %s %s\n", rps, p50, p99, total, (non2xx == "" ? 0 : non2xx), (errors == "" ? "none" : errors) }
  ' <<<"$out"
}

about_url="$url/api/v1/about"
locate_url="$url/api/v1/beats/locate"
log "warming up: $warmup of each endpoint"
measure "$about_url" "$warmup" >/dev/null
measure "$locate_url" "$warmup" bench/locate.lua >/dev/null
log "measuring: about, locate, locate, about ($duration each, -t$threads -c$connections)"
read -r a1 a1p50 a1p99 a1n a1bad a1err < <(measure "$about_url" "$duration")
read -r l1 l1p50 l1p99 l1n l1bad l1err < <(measure "$locate_url" "$duration" bench/locate.lua)
read -r l2 l2p50 l2p99 l2n l2bad l2err < <(measure "$locate_url" "$duration" bench/locate.lua)
read -r a2 a2p50 a2p99 a2n a2bad a2err < <(measure "$about_url" "$duration")
log "diagnostic: GET /api/v1/beats/{id} ($duration), the same beat card read as locate without the lookup"
read -r c1 c1p50 c1p99 c1n c1bad c1err < <(measure "$url/api/v1/beats/1" "$duration" bench/beat-card.lua)

about_mean=$(awk -v a="$a1" -v b="$a2" 'BEGIN { print (a + b) / 2 }')
locate_mean=$(awk -v a="$l1" -v b="$l2" 'BEGIN { print (a + b) / 2 }')
ratio=$(awk -v l="$locate_mean" -v a="$about_mean" 'BEGIN { printf "%.2f", l / a }')
verdict=$(awk -v r="$ratio" 'BEGIN { print (r >= 0.5 ? "met" : "not met") }')

echo "### HTTP on loopback (wrk -t$threads -c$connections -d$duration, after $warmup warm-up of each)"
echo
echo "Locate requests cycle through the 1,595 grid points of bench/locate.lua (a 40 × 40 grid over lat 43.20–43.32, lon 76.85–76.98, without 5 points that lie between district outlines)."
echo
echo "| Endpoint | Run 1 requests/s | Run 2 requests/s | Mean requests/s | Latency p50 / p99 (run 1, run 2) | Requests | Non-2xx | Socket errors |"
echo "|---|---:|---:|---:|---|---:|---:|---|"
echo "| GET /api/v1/about (baseline) | $(thousands "$a1") | $(thousands "$a2") | $(thousands "$about_mean") | $a1p50 / $a1p99, $a2p50 / $a2p99 | $(thousands $((a1n + a2n))) | $((a1bad + a2bad)) | $a1err, $a2err |"
echo "| GET /api/v1/beats/locate | $(thousands "$l1") | $(thousands "$l2") | $(thousands "$locate_mean") | $l1p50 / $l1p99, $l2p50 / $l2p99 | $(thousands $((l1n + l2n))) | $((l1bad + l2bad)) | $l1err, $l2err |"
echo "| GET /api/v1/beats/{id} (diagnostic: same card read, no lookup) | $(thousands "$c1") | – | $(thousands "$c1") | $c1p50 / $c1p99 | $(thousands "$c1n") | $c1bad | $c1err |"
echo
echo "**Locate / about: $ratio** (aim ≥ 0.5: $verdict). Beat card by id / about: $(awk -v c="$c1" -v a="$about_mean" 'BEGIN { printf "%.2f", c / a }')."
log "done"
