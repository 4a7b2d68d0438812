#!/usr/bin/env bash
# Prevention file benchmark (issue 17), one command: bench/prevention.sh > results.md
#  1. The Release web app with a fresh SQLite database seeds the demo city and stops. sqlite3 then
#     inserts, in one transaction: a category (a visit every month); 300 register entries on
#     inspector1's beat (points within ±BENCH_SPREAD° of the beat's centre, each located with
#     GET /api/v1/beats/locate) with 2,000 plan actions: 1,700 visits done in the past and one open
#     recurring visit per entry, due over the last 30 and the next 30 days (about half due today or
#     overdue); and 20,000 entries across the other active beats of Almaly district, names from
#     surname × given-name lists and a counter so that name order is not id order, each with one
#     open visit (the register list shows the next due date of every row).
#  2. After a restart, wrk measures (same threads, connections and duration for every run) the
#     trivial GET /api/v1/about, the inspector's day as inspector1 (GET /api/v1/prevention/day, which
#     logs each distinct list once per reader), and GET /api/v1/auth/me as inspector1 (a signed-in
#     read of the account from the database, uncached: the day list's cache is what keeps it faster), in the order about, day, day, auth/me, about; then about and the day again as a browser
#     asks for them (Accept-Encoding: gzip, deflate, br — compressed answers); then, as the
#     supervisor of Almaly, the register's first page, the page after the 10,000th entry and the page
#     after the 19,900th (GET /api/v1/prevention/entries?take=50&after=CURSOR, the cursors found by
#     walking the register in pages of 200), in the order first, 10,000, 19,900, 19,900, 10,000, first so
#     that drift cancels out of the means; requests/s and p50/p99 latency. The script checks first
#     that each page the API answers starts at the entry sqlite3 expects in the same FullName, Id order.
# Aims, stated in the output: day ≥ 0.5 × about; each deep page within 0.8–1.25 × the first page's rate.
# Markdown goes to stdout, progress and build output to stderr. Knobs: BENCH_DURATION (10s),
# BENCH_CONNECTIONS (16), BENCH_THREADS (1), BENCH_SPREAD (0.002, degrees around the beat's centre), BENCH_PIN (1:
# on two cores or more, wrk on core 0 and the app on the rest).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export UCHASTOK_SHARED_DATA="${UCHASTOK_SHARED_DATA:-$(cd "$root/.." && pwd)/shared/data}"
duration=${BENCH_DURATION:-10s}
connections=${BENCH_CONNECTIONS:-16}
threads=${BENCH_THREADS:-1}
spread=${BENCH_SPREAD:-0.002}
source bench/lib.sh
# On two cores or more, wrk runs on core 0 and the app on the others, so that a ratio does not depend on how the
# scheduler shares one core between the load and the server in each run (BENCH_PIN=0 turns this off).
load_cpus=()
if [ "${BENCH_PIN:-1}" = 1 ] && [ "$(nproc)" -ge 2 ]; then
  export APP_CPUS="1-$(( $(nproc) - 1 ))"
  load_cpus=(taskset -c 0)
fi

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

echo "## Prevention file benchmark"
echo
machine_lines
build_release
mkdir -p "$work/sqlite"
database="$work/sqlite/uchastok.db"
start_app "$work/app.log" UCHASTOK_DATA="$work/sqlite"
stop_app

# q [OPTIONS] SQL: one statement against the benchmark database.
q() { sqlite3 -batch -noheader "${@:1:$#-1}" "$database" "${@: -1}"; }
officer=$(q "SELECT OfficerId FROM accounts_users WHERE Email = 'inspector1@demo.kz';")
inspector_user=$(q "SELECT Id FROM accounts_users WHERE Email = 'inspector1@demo.kz';")
almaly=$(q "SELECT Id FROM territory_districts WHERE Code = 'almaly';")
read -r beat beat_code beat_district centre_lat centre_lon < <(q -separator ' ' \
  "SELECT Id, Code, DistrictId, CentreLatitude, CentreLongitude FROM territory_beats WHERE InspectorId = $officer AND IsActive = 1 ORDER BY Number LIMIT 1;")
[ -n "$officer" ] && [ -n "$beat" ] && [ -n "$almaly" ] || { log "inspector1, his beat or Almaly not found"; exit 1; }
other_beats=$(q "SELECT count(*) FROM territory_beats WHERE DistrictId = $almaly AND IsActive = 1 AND (InspectorId IS NULL OR InspectorId <> $officer);")
log "inspector1: officer $officer, beat $beat_code (id $beat, district $beat_district); Almaly id $almaly, $other_beats other active beats"

log "inserting the category, 300 entries and 2,000 actions on $beat_code, 20,000 entries across Almaly"
# Today as the app sees it: the date in Kazakhstan (UTC+5). Points: a deterministic scatter of
# ±spread degrees around the beat's centre (a multiplicative hash of the row number). Names: one of
# 40 surnames × 20 given names chosen by other hashes of the row number, and the row number, so
# that sorting by name shuffles the ids.
sqlite3 -batch "$database" <<SQL
PRAGMA foreign_keys = ON;
BEGIN;
CREATE TEMP TABLE bench_today AS SELECT date('now', '+5 hours') AS d, strftime('%Y-%m-%d %H:%M:%S', 'now') AS ts;
CREATE TEMP TABLE surnames(k INTEGER PRIMARY KEY, name TEXT);
INSERT INTO surnames(k, name) VALUES (0,'Абдрахманов'),(1,'Ахметов'),(2,'Байжанов'),(3,'Бекмуханов'),(4,'Валиев'),(5,'Габдуллин'),
  (6,'Досанов'),(7,'Ермеков'),(8,'Жакупов'),(9,'Жумабаев'),(10,'Иванов'),(11,'Исмаилов'),(12,'Кайратов'),(13,'Касымов'),(14,'Кенжебаев'),
  (15,'Ким'),(16,'Козлов'),(17,'Құрманов'),(18,'Мамыров'),(19,'Мухамеджанов'),(20,'Назарбеков'),(21,'Нуртазин'),(22,'Омаров'),
  (23,'Оспанов'),(24,'Петров'),(25,'Рахимов'),(26,'Сагинтаев'),(27,'Сейткали'),(28,'Смагулов'),(29,'Сулейменов'),(30,'Тасмагамбетов'),
  (31,'Токаев'),(32,'Тулегенов'),(33,'Уалиханов'),(34,'Федоров'),(35,'Хасенов'),(36,'Цой'),(37,'Шарипов'),(38,'Ысқақов'),(39,'Юсупов');
CREATE TEMP TABLE given(k INTEGER PRIMARY KEY, name TEXT);
INSERT INTO given(k, name) VALUES (0,'Азамат'),(1,'Айдос'),(2,'Алексей'),(3,'Арман'),(4,'Асхат'),(5,'Бауыржан'),(6,'Галым'),(7,'Данияр'),
  (8,'Дмитрий'),(9,'Ерлан'),(10,'Канат'),(11,'Марат'),(12,'Нурлан'),(13,'Олжас'),(14,'Руслан'),(15,'Саян'),(16,'Серик'),(17,'Тимур'),
  (18,'Ульян'),(19,'Ержан');
INSERT INTO prevention_categories (Code, NameKk, NameRu, NameEn, LegalBasis, VisitIntervalCount, VisitIntervalUnit, RetentionCount, RetentionUnit,
  Juvenile, DomesticViolenceOffender, HealthRelated, IsActive, SortOrder)
VALUES ('bench-monthly', 'Бенчмарк', 'Бенчмарк', 'Benchmark', 'Benchmark category: a visit every month', 1, 'Months', 3, 'Years', 0, 0, 0, 1, 99);
CREATE TEMP TABLE bench_category AS SELECT last_insert_rowid() AS id;

-- 300 entries on inspector1's beat.
CREATE TEMP TABLE beat_entries(n INTEGER PRIMARY KEY, id INTEGER);
WITH RECURSIVE r(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM r WHERE n < 299)
INSERT INTO beat_entries(n) SELECT n FROM r;
INSERT INTO prevention_entries (CategoryId, BeatId, DistrictId, FullName, NameKey, BirthDate, ProtectedIin, MaskedIin, IinHash, AddressId,
  Latitude, Longitude, AddressText, ProtectedBasis, PutOnRecord, State, RemovedOn, ProtectedRemovalReason, PurgeDueOn, CreatedByUserId, CreatedAtUtc, Version)
SELECT (SELECT id FROM bench_category), $beat, $beat_district,
  s.name || ' ' || g.name || ' ' || printf('%05d', b.n), lower(s.name || ' ' || g.name || ' ' || printf('%05d', b.n)),
  printf('%04d-%02d-%02d', 1960 + b.n % 45, 1 + b.n % 12, 1 + b.n % 28), NULL, NULL, NULL, NULL,
  $centre_lat + $spread * ((b.n * 7919 % 2001) - 1000) / 1000.0, $centre_lon + $spread * ((b.n * 104729 % 2001) - 1000) / 1000.0,
  'bench point ' || b.n, 'benchmark placeholder', date((SELECT d FROM bench_today), '-' || (200 + b.n) || ' days'), 'OnRecord', NULL, NULL, NULL,
  '$inspector_user', (SELECT ts FROM bench_today), 0
FROM beat_entries b JOIN surnames s ON s.k = (b.n * 17 + 3) % 40 JOIN given g ON g.k = (b.n * 13 + 7) % 20 ORDER BY b.n;
UPDATE beat_entries SET id = (SELECT e.Id FROM prevention_entries e WHERE e.BeatId = $beat AND e.AddressText = 'bench point ' || beat_entries.n);

-- 1,700 visits done in the past (entry n % 300, the k-th month back), then one open recurring visit per
-- entry due between 30 days ago and 30 days ahead.
WITH RECURSIVE r(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM r WHERE n < 1699)
INSERT INTO prevention_actions (EntryId, Kind, Recurring, Due, DoneOn, Place, ProtectedNote, DoneByOfficerId, DoneByUserId, CancelledAtUtc, CreatedAtUtc)
SELECT b.id, CASE WHEN r.n % 10 = 9 THEN 'PreventiveTalk' ELSE 'Visit' END, CASE WHEN r.n % 10 = 9 THEN 0 ELSE 1 END,
  date((SELECT d FROM bench_today), '-' || (30 * (r.n / 300 + 1) + b.n % 30) || ' days'),
  date((SELECT d FROM bench_today), '-' || (30 * (r.n / 300 + 1) + b.n % 30 - r.n % 4) || ' days'),
  'at home', NULL, $officer, '$inspector_user', NULL, (SELECT ts FROM bench_today)
FROM r JOIN beat_entries b ON b.n = r.n % 300;
INSERT INTO prevention_actions (EntryId, Kind, Recurring, Due, DoneOn, Place, ProtectedNote, DoneByOfficerId, DoneByUserId, CancelledAtUtc, CreatedAtUtc)
SELECT b.id, 'Visit', 1, date((SELECT d FROM bench_today), ((b.n * 37) % 61 - 30) || ' days'), NULL, NULL, NULL, NULL, NULL, NULL, (SELECT ts FROM bench_today)
FROM beat_entries b;

-- 20,000 entries across Almaly's other active beats, each with one open visit.
CREATE TEMP TABLE district_beats(k INTEGER PRIMARY KEY, id INTEGER, lat REAL, lon REAL);
INSERT INTO district_beats(k, id, lat, lon)
SELECT row_number() OVER (ORDER BY Id) - 1, Id, CentreLatitude, CentreLongitude FROM territory_beats
WHERE DistrictId = $almaly AND IsActive = 1 AND (InspectorId IS NULL OR InspectorId <> $officer);
CREATE TEMP TABLE district_rows(n INTEGER PRIMARY KEY);
WITH RECURSIVE r(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM r WHERE n < 19999)
INSERT INTO district_rows(n) SELECT n FROM r;
INSERT INTO prevention_entries (CategoryId, BeatId, DistrictId, FullName, NameKey, BirthDate, ProtectedIin, MaskedIin, IinHash, AddressId,
  Latitude, Longitude, AddressText, ProtectedBasis, PutOnRecord, State, RemovedOn, ProtectedRemovalReason, PurgeDueOn, CreatedByUserId, CreatedAtUtc, Version)
SELECT (SELECT id FROM bench_category), db.id, $almaly,
  s.name || ' ' || g.name || ' ' || printf('%05d', d.n), lower(s.name || ' ' || g.name || ' ' || printf('%05d', d.n)),
  printf('%04d-%02d-%02d', 1960 + d.n % 45, 1 + d.n % 12, 1 + d.n % 28), NULL, NULL, NULL, NULL,
  db.lat + 0.002 * ((d.n * 7919 % 2001) - 1000) / 1000.0, db.lon + 0.002 * ((d.n * 104729 % 2001) - 1000) / 1000.0,
  'bench district point ' || d.n, 'benchmark placeholder', date((SELECT d FROM bench_today), '-' || (100 + d.n % 900) || ' days'), 'OnRecord',
  NULL, NULL, NULL, '$inspector_user', (SELECT ts FROM bench_today), 0
FROM district_rows d JOIN district_beats db ON db.k = d.n % (SELECT count(*) FROM district_beats)
JOIN surnames s ON s.k = (d.n * 17 + 3) % 40 JOIN given g ON g.k = (d.n * 13 + 7) % 20 ORDER BY d.n;
INSERT INTO prevention_actions (EntryId, Kind, Recurring, Due, DoneOn, Place, ProtectedNote, DoneByOfficerId, DoneByUserId, CancelledAtUtc, CreatedAtUtc)
SELECT e.Id, 'Visit', 1, date((SELECT d FROM bench_today), ((e.Id * 37) % 61 - 30) || ' days'), NULL, NULL, NULL, NULL, NULL, NULL, (SELECT ts FROM bench_today)
FROM prevention_entries e WHERE e.AddressText LIKE 'bench district point %';
COMMIT;
SQL

today=$(q "SELECT date('now', '+5 hours');")
read -r beat_entries beat_actions beat_done beat_open beat_due < <(q -separator ' ' "SELECT
  (SELECT count(*) FROM prevention_entries WHERE BeatId = $beat),
  (SELECT count(*) FROM prevention_actions a JOIN prevention_entries e ON e.Id = a.EntryId WHERE e.BeatId = $beat),
  (SELECT count(*) FROM prevention_actions a JOIN prevention_entries e ON e.Id = a.EntryId WHERE e.BeatId = $beat AND a.DoneOn IS NOT NULL),
  (SELECT count(*) FROM prevention_actions a JOIN prevention_entries e ON e.Id = a.EntryId WHERE e.BeatId = $beat AND a.DoneOn IS NULL),
  (SELECT count(*) FROM prevention_actions a JOIN prevention_entries e ON e.Id = a.EntryId WHERE e.BeatId = $beat AND a.DoneOn IS NULL AND a.Due <= '$today');")
read -r district_entries all_entries all_actions < <(q -separator ' ' "SELECT
  (SELECT count(*) FROM prevention_entries WHERE DistrictId = $almaly AND State = 'OnRecord'),
  (SELECT count(*) FROM prevention_entries), (SELECT count(*) FROM prevention_actions);")
log "inserted: $beat_entries entries and $beat_actions actions on $beat_code; $district_entries entries on record in Almaly"

# The deep pages: the ids of the 10,000th and 19,900th entry of the supervisor's list, in its order.
register_order="FROM prevention_entries WHERE DistrictId = $almaly AND State = 'OnRecord' ORDER BY FullName, Id"
expect_10001=$(q "SELECT Id $register_order LIMIT 1 OFFSET 10000;")
expect_19901=$(q "SELECT Id $register_order LIMIT 1 OFFSET 19900;")
first_by_name=$(q "SELECT Id $register_order LIMIT 1;")
lowest_id=$(q "SELECT min(Id) FROM prevention_entries WHERE DistrictId = $almaly AND State = 'OnRecord';")

start_app "$work/app2.log" UCHASTOK_DATA="$work/sqlite"
login() { curl -fsS -H 'Content-Type: application/json' -d "{\"email\":\"$1\",\"password\":\"Demo123!\"}" "$APP_URL/api/v1/auth/login" | jq -r .accessToken; }
inspector_auth="Authorization: Bearer $(login inspector1@demo.kz)"
supervisor_auth="Authorization: Bearer $(login supervisor.almaly@demo.kz)"

# The beat's points located by the app: how many fall on the beat (the day list does not depend on it).
located=0
checked=0
while read -r lat lon; do
  checked=$((checked + 1))
  code=$(curl -fsS "$APP_URL/api/v1/beats/locate?lat=$lat&lon=$lon" 2>/dev/null | jq -r '.beat.code // empty' || true)
  [ "$code" = "$beat_code" ] && located=$((located + 1))
done < <(q -separator ' ' "SELECT Latitude, Longitude FROM prevention_entries WHERE BeatId = $beat ORDER BY Id;")
log "located $located of $checked points on $beat_code"

day_json=$(curl -fsS -H "$inspector_auth" "$APP_URL/api/v1/prevention/day")
stops=$(jq '.stops | length' <<<"$day_json")
overdue=$(jq '[.stops[] | select(.overdue)] | length' <<<"$day_json")
page_of() { curl -fsS -H "$supervisor_auth" "$APP_URL/api/v1/prevention/entries?take=$1${2:+&after=$2}"; }
# cursor_after N: the API's cursor after the N-th entry, found by walking the register in pages of 200 (the cursor
# is opaque: the last name and id, encrypted by the app).
cursor_after() {
  local left=$1 cursor="" take
  while [ "$left" -gt 0 ]; do
    take=$(( left < 200 ? left : 200 ))
    cursor=$(page_of "$take" "$cursor" | jq -r '.next')
    left=$(( left - take ))
  done
  echo "$cursor"
}
after_10000=$(cursor_after 10000)
after_19900=$(cursor_after 19900)
check_first=$(page_of 50 | jq -r '.entries[0].id')
check_10001=$(page_of 50 "$after_10000" | jq -r '.entries[0].id')
check_19901=$(page_of 50 "$after_19900" | jq -r '.entries[0].id')
if [ "$check_first" != "$first_by_name" ] || [ "$check_10001" != "$expect_10001" ] || [ "$check_19901" != "$expect_19901" ]; then
  log "the API's pages do not start where sqlite3 says: first $check_first/$first_by_name, after 10,000 $check_10001/$expect_10001, after 19,900 $check_19901/$expect_19901"
  exit 1
fi

# wrk: requests/s, p50 and p99 in ms; a run with errors or non-2xx answers stops the benchmark.
measure() {
  local out
  out=$("${load_cpus[@]}" wrk -t"$threads" -c"$connections" -d"$duration" --latency "$@")
  if grep -q 'Non-2xx or 3xx responses\|Socket errors' <<<"$out"; then log "wrk saw errors:"; echo "$out" >&2; exit 1; fi
  awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /m$/) return v * 60000; if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec:/ { rps = $2 }
    $1 == "50%" { p50 = ms($2) }
    $1 == "99%" { p99 = ms($2) }
    END { printf "%.0f %.2f %.2f\n", rps, p50, p99 }' <<<"$out"
}
if [ -n "${APP_CPUS:-}" ]; then echo "- Cores: app on $APP_CPUS, wrk on 0"; else echo "- Cores: not pinned"; fi
echo "- Load average when measuring started: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "- Today (Kazakhstan): $today"
echo "- Inserted on inspector1's beat $beat_code: $beat_entries entries; $beat_actions plan actions ($beat_done done in the past, $beat_open open, $beat_due of them due today or overdue)"
echo "- Inserted across the $other_beats other active beats of Almaly: 20,000 entries with one open visit each; Almaly's register: $district_entries entries on record (all entries: $all_entries, all plan actions: $all_actions)"
echo "- Points checked with GET /api/v1/beats/locate: $located of $checked fall on $beat_code (spread ±$spread° around its centre)"
echo "- Aims: the day list ≥ 0.5 × GET /api/v1/about; each deep register page within 0.8–1.25 × the first page's rate"
echo

log "wrk: warming up"
measure "$APP_URL/api/v1/about" >/dev/null
measure -H "$inspector_auth" "$APP_URL/api/v1/prevention/day" >/dev/null
log "wrk: about"
result=$(measure "$APP_URL/api/v1/about")
read -r about1 about1_p50 about1_p99 <<<"$result"
log "wrk: the inspector's day"
result=$(measure -H "$inspector_auth" "$APP_URL/api/v1/prevention/day")
read -r day1 day1_p50 day1_p99 <<<"$result"
log "wrk: the inspector's day again"
result=$(measure -H "$inspector_auth" "$APP_URL/api/v1/prevention/day")
read -r day2 day2_p50 day2_p99 <<<"$result"
log "wrk: the signed-in account read (GET /api/v1/auth/me as inspector1)"
result=$(measure -H "$inspector_auth" "$APP_URL/api/v1/auth/me")
read -r me me_p50 me_p99 <<<"$result"
log "wrk: about again"
result=$(measure "$APP_URL/api/v1/about")
read -r about2 about2_p50 about2_p99 <<<"$result"
# As a browser or a tablet asks: with Accept-Encoding, so the answer goes compressed (the day's bytes are compressed
# once per kept day by SerializedOnceOk; about goes through the response-compression middleware).
browser_encoding="Accept-Encoding: gzip, deflate, br"
log "wrk: about as a browser asks for it"
result=$(measure -H "$browser_encoding" "$APP_URL/api/v1/about")
read -r about_br about_br_p50 about_br_p99 <<<"$result"
log "wrk: the inspector's day as a browser asks for it"
result=$(measure -H "$browser_encoding" -H "$inspector_auth" "$APP_URL/api/v1/prevention/day")
read -r day_br day_br_p50 day_br_p99 <<<"$result"
day_bytes=$(curl -s -o /dev/null -w '%{size_download}' -H "$inspector_auth" "$APP_URL/api/v1/prevention/day")
day_br_bytes=$(curl -s -o /dev/null -w '%{size_download}' -H "$browser_encoding" -H "$inspector_auth" "$APP_URL/api/v1/prevention/day")
about=$(( (about1 + about2) / 2 ))
day=$(( (day1 + day2) / 2 ))
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }'; }
day_ratio=$(ratio "$day" "$about")
day_aim=$(awk -v r="$day_ratio" 'BEGIN { print (r >= 0.5 ? "met" : "missed") }')
log_rows=$(q "SELECT count(*) FROM accounts_personal_data_access;")

# Order first, 10,000, 19,900, 19,900, 10,000, first: each page's mean is centred on the same moment,
# so drift of a busy machine during the runs cancels out of the ratios.
page_url="$APP_URL/api/v1/prevention/entries?take=50"
log "wrk: the register's first page"
result=$(measure -H "$supervisor_auth" "$page_url")
read -r first1 first1_p50 first1_p99 <<<"$result"
log "wrk: the page after the 10,000th entry"
result=$(measure -H "$supervisor_auth" "$page_url&after=$after_10000")
read -r deep1a deep1a_p50 deep1a_p99 <<<"$result"
log "wrk: the page after the 19,900th entry"
result=$(measure -H "$supervisor_auth" "$page_url&after=$after_19900")
read -r deep2a deep2a_p50 deep2a_p99 <<<"$result"
log "wrk: the page after the 19,900th entry again"
result=$(measure -H "$supervisor_auth" "$page_url&after=$after_19900")
read -r deep2b deep2b_p50 deep2b_p99 <<<"$result"
log "wrk: the page after the 10,000th entry again"
result=$(measure -H "$supervisor_auth" "$page_url&after=$after_10000")
read -r deep1b deep1b_p50 deep1b_p99 <<<"$result"
log "wrk: the first page again"
result=$(measure -H "$supervisor_auth" "$page_url")
read -r first2 first2_p50 first2_p99 <<<"$result"
first=$(( (first1 + first2) / 2 ))
deep1=$(( (deep1a + deep1b) / 2 ))
deep2=$(( (deep2a + deep2b) / 2 ))
deep1_ratio=$(ratio "$deep1" "$first")
deep2_ratio=$(ratio "$deep2" "$first")
page_aim() { awk -v r="$1" 'BEGIN { print (r >= 0.8 && r <= 1.25 ? "met" : "missed") }'; }

echo "### The inspector's day (wrk -t$threads -c$connections -d$duration, in the order about, day, day, auth/me, about)"
echo
echo "| Request | Requests/s | p50 ms | p99 ms | ÷ GET /api/v1/about |"
echo "|---|---:|---:|---:|---:|"
echo "| GET /api/v1/about (baseline, mean of the two runs) | $about | | | 1.000 |"
echo "| GET /api/v1/about, first run | $about1 | $about1_p50 | $about1_p99 | $(ratio "$about1" "$about") |"
echo "| GET /api/v1/about, second run | $about2 | $about2_p50 | $about2_p99 | $(ratio "$about2" "$about") |"
echo "| GET /api/v1/prevention/day as inspector1, first run ($stops stops, $overdue overdue) | $day1 | $day1_p50 | $day1_p99 | $(ratio "$day1" "$about") |"
echo "| GET /api/v1/prevention/day, second run | $day2 | $day2_p50 | $day2_p99 | $(ratio "$day2" "$about") |"
echo "| **The day list, mean of the two runs** | **$day** | | | **$day_ratio** |"
echo "| GET /api/v1/auth/me as inspector1 (a signed-in read of the account from the database: token, session check, two queries, JSON) | $me | $me_p50 | $me_p99 | $(ratio "$me" "$about") |"
echo "| GET /api/v1/about as a browser asks (Accept-Encoding: gzip, deflate, br) | $about_br | $about_br_p50 | $about_br_p99 | $(ratio "$about_br" "$about") |"
echo "| GET /api/v1/prevention/day as a browser asks ($day_br_bytes bytes instead of $day_bytes) | $day_br | $day_br_p50 | $day_br_p99 | $(ratio "$day_br" "$about") (÷ about as a browser asks: $(ratio "$day_br" "$about_br")) |"
echo
echo "Aim: the day list ≥ 0.5 × about — **$day_aim** ($day_ratio). Rows in the personal-data access log after the day runs: $log_rows (the same list is logged once per reader). The day list ÷ the uncached account read: $(ratio "$day" "$me")."
echo
echo "### The register of Almaly as its supervisor (wrk -t$threads -c$connections -d$duration, take=50, in the order first, 10,000, 19,900, 19,900, 10,000, first)"
echo
echo "| Request | Requests/s | p50 ms | p99 ms | ÷ first page |"
echo "|---|---:|---:|---:|---:|"
echo "| First page, first run | $first1 | $first1_p50 | $first1_p99 | $(ratio "$first1" "$first") |"
echo "| After the 10,000th entry, first run | $deep1a | $deep1a_p50 | $deep1a_p99 | $(ratio "$deep1a" "$first") |"
echo "| After the 19,900th entry, first run | $deep2a | $deep2a_p50 | $deep2a_p99 | $(ratio "$deep2a" "$first") |"
echo "| After the 19,900th entry, second run | $deep2b | $deep2b_p50 | $deep2b_p99 | $(ratio "$deep2b" "$first") |"
echo "| After the 10,000th entry, second run | $deep1b | $deep1b_p50 | $deep1b_p99 | $(ratio "$deep1b" "$first") |"
echo "| First page, second run | $first2 | $first2_p50 | $first2_p99 | $(ratio "$first2" "$first") |"
echo "| **First page, mean (baseline)** | **$first** | | | **1.000** |"
echo "| **After the 10,000th entry, mean** | **$deep1** | | | **$deep1_ratio** |"
echo "| **After the 19,900th entry, mean** | **$deep2** | | | **$deep2_ratio** |"
echo "| GET /api/v1/about, mean of the day section's runs, for scale | $about | | | $(ratio "$about" "$first") |"
echo
echo "Aim: each deep page within 0.8–1.25 × the first page — after 10,000: **$(page_aim "$deep1_ratio")** ($deep1_ratio); after 19,900: **$(page_aim "$deep2_ratio")** ($deep2_ratio)."
stop_app
log "done"
