#!/usr/bin/env bash
# Quarterly reports benchmark, one command: bench/reports.sh > results.md
#  1. Drafting: the Release web app with a fresh SQLite database; appeals are filed over HTTP for
#     BENCH_FILING (60 s) by bench/Uchastok.Bench, then moved three months back into the last ended
#     quarter with sqlite3, 80 % of them decided within 0-24 days and a third of those rated. After
#     a restart, POST /api/v1/reports/manage/draft recomputes all the quarter's reports (every beat,
#     district and the city) BENCH_DRAFTS times (5), timed by curl, against the open-data export
#     of the same three months (GET /api/v1/open-data/appeals.json), which groups the same appeals
#     per beat and month, timed the same way.
#  2. Reading: the city's report is published; wrk measures, with the same threads, connections
#     and duration, the trivial GET /api/v1/about (the baseline), the report's page, its JSON, its
#     PDF as the public gets it (kept in memory once made) and a draft's PDF (made on every request),
#     in the order about, page, json, pdf, draft pdf, about; each as a ratio to the mean of the two
#     about runs.
# Markdown goes to stdout, progress and build output to stderr. Knobs: BENCH_DURATION (10s),
# BENCH_CONNECTIONS (16), BENCH_THREADS (1), BENCH_DRAFTS (5), BENCH_FILING (60).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export UCHASTOK_SHARED_DATA="${UCHASTOK_SHARED_DATA:-$(cd "$root/.." && pwd)/shared/data}"
duration=${BENCH_DURATION:-10s}
connections=${BENCH_CONNECTIONS:-16}
threads=${BENCH_THREADS:-1}
drafts=${BENCH_DRAFTS:-5}
filing=${BENCH_FILING:-60}
source bench/lib.sh

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
need=()
command -v wrk >/dev/null 2>&1 || need+=(wrk)
command -v jq >/dev/null 2>&1 || need+=(jq)
command -v sqlite3 >/dev/null 2>&1 || need+=(sqlite3)
if [ ${#need[@]} -gt 0 ]; then
  log "installing ${need[*]} from the Debian archive"
  as_root apt-get update -qq >&2
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >&2
fi

work=$(mktemp -d)
cleanup() { stop_app; rm -rf "$work"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "## Quarterly reports benchmark"
echo
machine_lines
build_release
mkdir -p "$work/sqlite"
database="$work/sqlite/uchastok.db"
start_app "$work/app.log" UCHASTOK_DATA="$work/sqlite"
log "filing appeals for $filing s"
dotnet bench/Uchastok.Bench/bin/Release/net10.0/Uchastok.Bench.dll appeals --url "$APP_URL" --db sqlite --connection "Data Source=$database" \
  --seconds "$filing" --warmup 3 --concurrency 32 >/dev/null
stop_app
log "moving the appeals into the last ended quarter, deciding and rating some"
sqlite3 "$database" <<'SQL'
UPDATE appeals SET ReceivedOn = date(ReceivedOn, '-3 months'), DueDate = date(DueDate, '-3 months'),
  DecidedOn = CASE WHEN Id % 10 < 8 THEN date(ReceivedOn, '-3 months', '+' || (Id % 25) || ' days') END;
INSERT INTO appeals_ratings (AppealId, OfficerId, Overall, Legality, Timeliness, Quality, Politeness, Awareness, Comment, AtUtc, RatedOn)
  SELECT Id, AssigneeOfficerId, 1 + Id % 5, 4, 4, 4, 4, 4, NULL, ReceivedAtUtc, DecidedOn FROM appeals WHERE DecidedOn IS NOT NULL AND Id % 3 = 0;
SQL
read -r appeals decided rated < <(sqlite3 -separator ' ' "$database" "SELECT (SELECT count(*) FROM appeals), (SELECT count(*) FROM appeals WHERE DecidedOn IS NOT NULL), (SELECT count(*) FROM appeals_ratings);")
start_app "$work/app2.log" UCHASTOK_DATA="$work/sqlite"

token=$(curl -fsS -H 'Content-Type: application/json' -d '{"email":"admin@demo.kz","password":"Demo123!"}' "$APP_URL/api/v1/auth/login" | jq -r .accessToken)
auth="Authorization: Bearer $token"
manage() { curl -fsS -H "$auth" "$APP_URL/api/v1/reports/manage"; }
log "waiting for the drafts made at start"
for _ in $(seq 1 240); do
  if [ "$(manage | jq 'map(select(.level == "City")) | length')" = 1 ]; then break; fi
  sleep 0.5
done
reports=$(manage)
quarter=$(jq -r '.[0].quarter' <<<"$reports")
count=$(jq length <<<"$reports")
beats=$(jq 'map(select(.level == "Beat")) | length' <<<"$reports")
year=${quarter%-Q*}
last_month=$(( ${quarter#*-Q} * 3 ))
from=$(printf '%s-%02d' "$year" $(( last_month - 2 )))
to=$(printf '%s-%02d' "$year" "$last_month")
echo "- Load average when measuring started: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "- Quarter: $quarter; reports: $count ($beats beats, the districts and the city)"
echo "- Records of the quarter: $appeals appeals, $decided decided, $rated rated"
echo

timed() { curl -fsS -o /dev/null -w '%{time_total}' "$@"; }
median() { printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { printf "%.3f", a[int((NR + 1) / 2)] }'; }
log "recomputing all drafts $drafts times, and the open-data export as often"
draft_times=()
export_times=()
for _ in $(seq 1 "$drafts"); do
  draft_times+=("$(timed -H "$auth" -H 'Content-Type: application/json' -d "{\"quarter\":\"$quarter\"}" "$APP_URL/api/v1/reports/manage/draft")")
  export_times+=("$(timed "$APP_URL/api/v1/open-data/appeals.json?from=$from&to=$to")")
done
draft_median=$(median "${draft_times[@]}")
export_median=$(median "${export_times[@]}")
echo "### Drafting"
echo
echo "| Request, $drafts runs each | Median s | Runs (s) | ÷ open-data export |"
echo "|---|---:|---|---:|"
echo "| POST /api/v1/reports/manage/draft: all $count reports of $quarter recomputed (the first run rewrites every draft made before the appeals were moved) | $draft_median | $(printf '%.3f, ' "${draft_times[@]}" | sed 's/, $//') | $(awk -v a="$draft_median" -v b="$export_median" 'BEGIN { printf "%.1f", a / b }') |"
echo "| GET /api/v1/open-data/appeals.json?from=$from&to=$to (baseline) | $export_median | $(printf '%.3f, ' "${export_times[@]}" | sed 's/, $//') | 1.0 |"
echo

# Read again: the recomputation gave the drafts new revisions, and a stale one is refused.
reports=$(manage)
city=$(jq -r 'map(select(.level == "City"))[0] | "\(.id) \(.revision)"' <<<"$reports")
read -r city_id city_revision <<<"$city"
draft_url=$(jq -r 'map(select(.level == "Beat"))[0].url' <<<"$reports")
curl -fsS -o /dev/null -H "$auth" -H 'Content-Type: application/json' -d "{\"revision\":$city_revision}" "$APP_URL/api/v1/reports/manage/$city_id/publish"

measure() { wrk -t"$threads" -c"$connections" -d"$duration" "$@" | awk '/Requests\/sec:/ { printf "%.0f", $2 }'; }
log "wrk: warming up"
measure "$APP_URL/api/v1/about" >/dev/null
log "wrk: about"
about1=$(measure "$APP_URL/api/v1/about")
log "wrk: the city's report page"
page=$(measure -H 'Accept-Language: kk' "$APP_URL/reports/$quarter/city")
log "wrk: its JSON"
json=$(measure "$APP_URL/api/v1/reports/$quarter/city")
log "wrk: its PDF"
pdf=$(measure "$APP_URL/reports/$quarter/city/kk.pdf")
log "wrk: a draft's PDF, made on every request"
draft_pdf=$(measure -H "$auth" "$APP_URL$draft_url/kk.pdf")
log "wrk: about again"
about2=$(measure "$APP_URL/api/v1/about")
about=$(( (about1 + about2) / 2 ))
ratio() { awk -v a="$1" -v b="$about" 'BEGIN { printf "%.3f", a / b }'; }

echo "### Reading (wrk -t$threads -c$connections -d$duration)"
echo
echo "| Request | Requests/s | ÷ GET /api/v1/about |"
echo "|---|---:|---:|"
echo "| GET /api/v1/about (baseline, mean of $about1 and $about2) | $about | 1.000 |"
echo "| GET /reports/$quarter/city (page, Kazakh) | $page | $(ratio "$page") |"
echo "| GET /api/v1/reports/$quarter/city (JSON) | $json | $(ratio "$json") |"
echo "| GET /reports/$quarter/city/kk.pdf (published: kept in memory once made) | $pdf | $(ratio "$pdf") |"
echo "| GET $draft_url/kk.pdf (draft: made on every request) | $draft_pdf | $(ratio "$draft_pdf") |"
stop_app
log "done"
