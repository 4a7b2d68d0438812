#!/usr/bin/env bash
# Patrol suggestions benchmark (issue 20), one command: bench/patrols.sh > results.md
#  1. The Release web app with a fresh SQLite database seeds the demo city and stops. sqlite3 then inserts
#     BENCH_INCIDENTS (36,000) incidents across the small areas of Almaly district that are on a beat, spread
#     over the 36 months before this one (points within ±0.002° of the small area's centre, a time of day on
#     two in three), a deterministic scatter from the row number.
#  2. After a restart, as inspector1: GET /api/v1/analytics/risk-zones BEFORE any suggestion exists, so each of his
#     beats' zones is the forecast made on the fly (not stored). Then, as the supervisor of Almaly:
#     POST /api/v1/analytics/patrol-suggestions/districts/{almaly} for the next month (every active beat's
#     suggestion made: forecast, ranking, hours, saved), timed by curl; then the same for this month, then once more
#     for the next month (nothing left to make: the idempotent path); and inspector1's risk zones again, now read
#     from this month's stored suggestions.
#  3. Last month's suggestions are made for every beat (from the incidents before it), then the month is compared with
#     them: the district's comparison (GET .../districts/{almaly}/comparison, every beat and the pool in one request,
#     three times, the median kept) against the baseline of asking each beat's own comparison in turn, as a supervisor
#     without the district table would; the two must count the same incidents.
# Forecasting all of London's 26,088 cells for one month is timed by bench/crime-forecast.sh (aim ≤ 60 s).
# Markdown goes to stdout, progress to stderr. The machine is shared: run as `nice -n 10 bench/patrols.sh`.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
incidents=${BENCH_INCIDENTS:-36000}
source bench/lib.sh

seeded_sqlite_bench "Patrol suggestions for a district"
almaly=$(q "SELECT Id FROM territory_districts WHERE Code = 'almaly';")
beats=$(q "SELECT count(*) FROM territory_beats WHERE DistrictId = $almaly AND IsActive = 1;")
areas=$(q "SELECT count(*) FROM territory_small_areas WHERE DistrictId = $almaly AND BeatId IS NOT NULL;")
log "Almaly (id $almaly): $beats active beats, $areas small areas on a beat; inserting $incidents incidents"
sqlite3 -batch "$database" <<SQL
BEGIN;
INSERT INTO beatdesign_incident_imports (FileName, Format, ImportedAtUtc, ImportedByUserId, RowsRead, RowsTaken, RowsRefused, RefusalsJson)
VALUES ('bench-patrols.csv', 'bench', strftime('%Y-%m-%d %H:%M:%S', 'now'), NULL, $incidents, $incidents, 0, '[]');
CREATE TEMP TABLE bench_import AS SELECT last_insert_rowid() AS id;
CREATE TEMP TABLE bench_areas(k INTEGER PRIMARY KEY, id INTEGER, lat REAL, lon REAL);
INSERT INTO bench_areas(k, id, lat, lon) SELECT row_number() OVER (ORDER BY Id) - 1, Id, CentreLatitude, CentreLongitude
FROM territory_small_areas WHERE DistrictId = $almaly AND BeatId IS NOT NULL;
CREATE TEMP TABLE bench_rows(n INTEGER PRIMARY KEY);
WITH RECURSIVE r(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM r WHERE n < $incidents - 1) INSERT INTO bench_rows(n) SELECT n FROM r;
-- Area: a skewed pick (squares of a hash), so some areas are much busier than others, as real incidents are.
INSERT INTO beatdesign_incidents (ImportId, Type, Category, OccurredOn, OccurredAt, Latitude, Longitude, SmallAreaId, DistrictId, ExternalId)
SELECT (SELECT id FROM bench_import), 'Burglary', 'apartment-theft',
  date('now', '+5 hours', 'start of month', '-' || (1 + r.n % 36) || ' months', '+' || (r.n * 13 % 28) || ' days'),
  CASE WHEN r.n % 3 = 2 THEN NULL ELSE printf('%02d:%02d:00', (r.n * 7 + (r.n / 5) % 9) % 24, r.n * 11 % 60) END,
  a.lat + 0.002 * ((r.n * 7919 % 2001) - 1000) / 1000.0, a.lon + 0.002 * ((r.n * 104729 % 2001) - 1000) / 1000.0, a.id, $almaly, NULL
FROM bench_rows r JOIN bench_areas a ON a.k = ((r.n * 2654435761 % 1000) * (r.n * 2654435761 % 1000) / 1000) * (SELECT count(*) FROM bench_areas) / 1000;
COMMIT;
SQL
log "inserted $(q "SELECT count(*) FROM beatdesign_incidents;") incidents"
start_app "$work/app.log" UCHASTOK_DATA="$work/sqlite"
login() { curl -fsS -H 'Content-Type: application/json' -d "{\"email\":\"$1\",\"password\":\"Demo123!\"}" "$APP_URL/api/v1/auth/login" | jq -r .accessToken; }
supervisor="Authorization: Bearer $(login supervisor.almaly@demo.kz)"
inspector="Authorization: Bearer $(login inspector1@demo.kz)"
this_month=$(date -u -d '+5 hours' '+%Y-%m')
next_month=$(date -u -d "$(date -u -d '+5 hours' '+%Y-%m-01') +1 month" '+%Y-%m')
last_month=$(date -u -d "$(date -u -d '+5 hours' '+%Y-%m-01') -1 month" '+%Y-%m')

# timed METHOD URL AUTH: "seconds body" of one request.
timed() { curl -fsS -o "$work/body.json" -w '%{time_total}' -X "$1" -H "$3" "$APP_URL$2"; }
# First, while no set exists: the risk zones are forecast on the fly for each of inspector1's beats.
t_zones_live=$(timed GET "/api/v1/analytics/risk-zones" "$inspector"); zones_live=$(jq '[.beats[].zones | length] | add' "$work/body.json")
live_source=$(jq -r '[.beats[].source] | unique | join(",")' "$work/body.json")
t_next=$(timed POST "/api/v1/analytics/patrol-suggestions/districts/$almaly?period=$next_month" "$supervisor"); made_next=$(jq .made "$work/body.json")
t_this=$(timed POST "/api/v1/analytics/patrol-suggestions/districts/$almaly?period=$this_month" "$supervisor"); made_this=$(jq .made "$work/body.json")
t_again=$(timed POST "/api/v1/analytics/patrol-suggestions/districts/$almaly?period=$next_month" "$supervisor"); made_again=$(jq .made "$work/body.json")
t_zones=$(timed GET "/api/v1/analytics/risk-zones" "$inspector"); zones=$(jq '[.beats[].zones | length] | add' "$work/body.json")
stored_source=$(jq -r '[.beats[].source] | unique | join(",")' "$work/body.json")
# Last month against its suggestions: the district in one request, against each beat's own comparison in turn.
t_last=$(timed POST "/api/v1/analytics/patrol-suggestions/districts/$almaly?period=$last_month" "$supervisor"); made_last=$(jq .made "$work/body.json")
district_times=()
for _ in 1 2 3; do district_times+=("$(timed GET "/api/v1/analytics/patrol-suggestions/districts/$almaly/comparison?period=$last_month" "$supervisor")"); done
t_district=$(printf '%s\n' "${district_times[@]}" | sort -g | sed -n 2p)
district_beats=$(jq '.beats | length' "$work/body.json"); district_incidents=$(jq .beatIncidents "$work/body.json"); district_in_cells=$(jq .all.incidents "$work/body.json")
t_each=0; each_incidents=0; each_in_cells=0
for beat in $(q "SELECT Id FROM territory_beats WHERE DistrictId = $almaly AND IsActive = 1 ORDER BY Number;"); do
  t=$(timed GET "/api/v1/analytics/patrol-suggestions/beats/$beat/comparison?period=$last_month" "$supervisor")
  t_each=$(awk -v a="$t_each" -v b="$t" 'BEGIN { printf "%.3f", a + b }')
  each_incidents=$((each_incidents + $(jq .beatIncidents "$work/body.json")))
  each_in_cells=$((each_in_cells + $(jq .all.incidents "$work/body.json")))
done
same=$([[ $each_incidents == "$district_incidents" && $each_in_cells == "$district_in_cells" ]] && echo "yes" || echo "NO")
sets=$(q "SELECT count(*) FROM patrolplanning_suggestion_sets;")
cells=$(q "SELECT count(*) FROM patrolplanning_suggestions;")

echo "- Data: $(q "SELECT count(*) FROM beatdesign_incidents;") incidents over the 36 months before $this_month in Almaly's $areas small areas on a beat ($beats active beats), two in three with a time of day"
echo
echo "| Step | Beats made | Time |"
echo "|---|---|---|"
echo "| inspector1's risk zones, $this_month, before any suggestion (forecast on the fly; source: $live_source) | $zones_live zones | ${t_zones_live} s |"
echo "| Every beat of Almaly, $next_month (first time) | $made_next | ${t_next} s |"
echo "| Every beat of Almaly, $this_month (first time) | $made_this | ${t_this} s |"
echo "| Every beat of Almaly, $next_month again (nothing to make) | $made_again | ${t_again} s |"
echo "| inspector1's risk zones, $this_month, after this month's suggestions (read from them; source: $stored_source) | $zones zones | ${t_zones} s |"
echo
echo
echo "| $last_month against its suggestions ($made_last beats made in ${t_last} s) | Beats | Incidents (in suggested cells) | Time |"
echo "|---|---:|---:|---:|"
echo "| Each beat's own comparison, one after another (baseline) | $district_beats | $each_incidents ($each_in_cells) | ${t_each} s |"
echo "| The district's comparison, one request (median of three: ${district_times[*]} s) | $district_beats | $district_incidents ($district_in_cells) | ${t_district} s |"
echo
echo "District ÷ beat by beat: $(awk -v a="$t_district" -v b="$t_each" 'BEGIN { printf "%.3f", a / b }'). The same incidents counted: $same."
echo
echo "Stored: $sets suggestion sets, $cells suggested cells. Times are curl's total for one request to the Release app on SQLite, including the first-request warm-up of the first row (the on-the-fly risk zones, which therefore read slightly high)."
