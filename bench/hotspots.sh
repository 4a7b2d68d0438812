#!/usr/bin/env bash
# Hotspot map on London-sized data (issue 20), one command: bench/hotspots.sh > results.md
#  1. The Release web app with a fresh SQLite database seeds the demo city and stops. sqlite3 then inserts
#     BENCH_INCIDENTS (1,100,000: about a year of London's street-level crimes) incidents over the 12 months before
#     this one, across every small area of Almaty that is on a beat (points within ±0.003° of the area's centre, a
#     time of day on two in three, a skewed pick of areas so some are much busier), a deterministic scatter.
#  2. After a restart, as the administrator (the only one who reads the city): each request three times, the median
#     kept, timed by curl: GET /api/v1/analytics/hotspots for the city (counts; then with the kernel density), for
#     Almaly district and for one beat, and GET /api/v1/analytics/counts for the city (month, weekday, hour), beside
#     GET /api/v1/about (the baseline: a request that reads nothing) in the same run.
#  3. The app stops; the same incidents are snapped to a lattice of 0.0005° (as police.uk snaps its points to map
#     points), and step 2 is run again: the map groups incidents by point, so its time follows the distinct points.
# Aims set before the first run: the city's map with the density ≤ 3 s, its answer ≤ 1.5 MB (the cell cap keeps it
# bounded whatever the data), and the city's counts ≤ 3 s.
# Markdown goes to stdout, progress to stderr. The machine is shared: run as `nice -n 10 bench/hotspots.sh`.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
incidents=${BENCH_INCIDENTS:-1100000}
source bench/lib.sh

seeded_sqlite_bench "Hotspot map on London-sized data"
areas=$(q "SELECT count(*) FROM territory_small_areas WHERE BeatId IS NOT NULL;")
log "$areas small areas on a beat; inserting $incidents incidents"
started=$(date +%s)
sqlite3 -batch "$database" <<SQL
BEGIN;
INSERT INTO beatdesign_incident_imports (FileName, Format, ImportedAtUtc, ImportedByUserId, RowsRead, RowsTaken, RowsRefused, RefusalsJson)
VALUES ('bench-hotspots.csv', 'bench', strftime('%Y-%m-%d %H:%M:%S', 'now'), NULL, $incidents, $incidents, 0, '[]');
CREATE TEMP TABLE bench_import AS SELECT last_insert_rowid() AS id;
CREATE TEMP TABLE bench_areas(k INTEGER PRIMARY KEY, id INTEGER, lat REAL, lon REAL, district INTEGER);
INSERT INTO bench_areas(k, id, lat, lon, district) SELECT row_number() OVER (ORDER BY Id) - 1, Id, CentreLatitude, CentreLongitude, DistrictId
FROM territory_small_areas WHERE BeatId IS NOT NULL;
CREATE TEMP TABLE bench_rows(n INTEGER PRIMARY KEY);
WITH RECURSIVE r(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM r WHERE n < $incidents - 1) INSERT INTO bench_rows(n) SELECT n FROM r;
INSERT INTO beatdesign_incidents (ImportId, Type, Category, OccurredOn, OccurredAt, Latitude, Longitude, SmallAreaId, DistrictId, ExternalId)
SELECT (SELECT id FROM bench_import), 'Burglary', 'apartment-theft',
  date('now', '+5 hours', 'start of month', '-' || (1 + r.n % 12) || ' months', '+' || (r.n * 13 % 28) || ' days'),
  CASE WHEN r.n % 3 = 2 THEN NULL ELSE printf('%02d:%02d:00', (r.n * 7 + (r.n / 5) % 9) % 24, r.n * 11 % 60) END,
  a.lat + 0.003 * ((r.n * 7919 % 2001) - 1000) / 1000.0, a.lon + 0.003 * ((r.n * 104729 % 2001) - 1000) / 1000.0, a.id, a.district, NULL
FROM bench_rows r JOIN bench_areas a ON a.k = ((r.n * 2654435761 % 1000) * (r.n * 2654435761 % 1000) / 1000) * (SELECT count(*) FROM bench_areas) / 1000;
COMMIT;
SQL
log "inserted $(q "SELECT count(*) FROM beatdesign_incidents;") incidents in $(( $(date +%s) - started )) s"
almaly=$(q "SELECT Id FROM territory_districts WHERE Code = 'almaly';")
beat=$(q "SELECT a.BeatId FROM beatdesign_incidents i JOIN territory_small_areas a ON a.Id = i.SmallAreaId WHERE a.BeatId IS NOT NULL GROUP BY a.BeatId ORDER BY count(*) DESC LIMIT 1;")
start_app "$work/app.log" UCHASTOK_DATA="$work/sqlite"
admin="Authorization: Bearer $(curl -fsS -H 'Content-Type: application/json' -d '{"email":"admin@demo.kz","password":"Demo123!"}' "$APP_URL/api/v1/auth/login" | jq -r .accessToken)"

# median3 URL: "median-seconds first-seconds bytes" of three GETs, the body of the last kept in $work/body.json.
median3() {
  local times=() size=0
  for _ in 1 2 3; do
    read -r t size < <(curl -fsS -o "$work/body.json" -w '%{time_total} %{size_download}\n' -H "$admin" "$APP_URL$1")
    times+=("$t")
  done
  echo "$(printf '%s\n' "${times[@]}" | sort -g | sed -n 2p) ${times[0]} $size"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f", a / b }'; }

read -r t_about first_about _ < <(median3 "/api/v1/about")
row() { # label url
  local t first size
  read -r t first size < <(median3 "$2")
  local cells capped total
  cells=$(jq -r 'if .cells then "\(.cells | length) (\(.cellsWithIncidents))" else "—" end' "$work/body.json")
  capped=$(jq -r 'if has("capped") then (.capped | tostring) else "—" end' "$work/body.json")
  total=$(jq -r '.total // (.byMonth // [] | map(.count) | add) // "—"' "$work/body.json")
  echo "| $1 | $total | $cells | $capped | $(awk -v s="$size" 'BEGIN { printf "%.0f", s / 1024 }') KiB | ${first} s | **${t} s** | $(ratio "$t" "$t_about") |"
}

table() {
  echo "- Data: $(q "SELECT count(*) FROM beatdesign_incidents;") incidents over the 12 months before $(date -u -d '+5 hours' '+%Y-%m') in Almaty's $areas small areas on a beat, at $(q "SELECT count(*) FROM (SELECT DISTINCT Longitude, Latitude FROM beatdesign_incidents);") distinct points ($1)"
  echo
  echo "| Request (as the administrator, the 12 months up to the latest incident) | Incidents | Cells sent (with incidents) | Capped | Answer | First | Median of 3 | ÷ about |"
  echo "|---|---:|---:|---|---:|---:|---:|---:|"
  row "City map (counts)" "/api/v1/analytics/hotspots?scope=city"
  row "City map with the kernel density" "/api/v1/analytics/hotspots?scope=city&kde=true"
  row "Almaly district map with the density" "/api/v1/analytics/hotspots?scope=district&id=$almaly&kde=true"
  row "The busiest beat's map with the density" "/api/v1/analytics/hotspots?scope=beat&id=$beat&kde=true"
  row "City counts by month, weekday and hour" "/api/v1/analytics/counts?scope=city"
  echo "| \`/api/v1/about\` (baseline) | — | — | — | — | ${first_about} s | **${t_about} s** | 1 |"
  echo
}
table "every incident at a point of its own, as a source with exact coordinates writes them"
# The same incidents snapped to a lattice of 0.0005° (about 55 × 40 m), as police.uk snaps its points to map points.
stop_app
q "UPDATE beatdesign_incidents SET Latitude = round(Latitude / 0.0005) * 0.0005, Longitude = round(Longitude / 0.0005) * 0.0005;"
start_app "$work/app.log" UCHASTOK_DATA="$work/sqlite"
admin="Authorization: Bearer $(curl -fsS -H 'Content-Type: application/json' -d '{"email":"admin@demo.kz","password":"Demo123!"}' "$APP_URL/api/v1/auth/login" | jq -r .accessToken)"
read -r t_about first_about _ < <(median3 "/api/v1/about")
table "the same incidents snapped to a 0.0005° lattice, as police.uk snaps to map points"
echo "Times are curl's total for one request to the Release app on SQLite; \"First\" is the first of the three (its plan and caches cold). The map groups incidents by point in the database, so its time follows the number of distinct points."
