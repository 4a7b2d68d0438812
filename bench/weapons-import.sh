#!/usr/bin/env bash
# Weapon holders import benchmark (issue 21), one command: bench/weapons-import.sh > results.md
#  1. The Release web app with a fresh SQLite database seeds the demo city (without its history).
#  2. BENCH_ROWS (100,000) generated holder rows — persons with valid IINs and organisations with valid BINs,
#     spread over every active beat, one weapon a row, a few holders with two — are posted as one CSV body to
#     POST /api/v1/weapons/holders/import as the licensing officer: the same ImportWeaponHoldersCommand the
#     page runs (parse, check, hash and encrypt each IIN, one transaction).
#  3. In the same run, BENCH_ROWS incident rows (police.uk columns, points at the beats' centres) are posted to
#     POST /api/v1/incidents/import as the administrator: ImportIncidentsCommand, the incident import's rate.
#  4. Each answer must report every row taken; the database must hold the rows. Rows/s of both, and the ratio.
# Markdown goes to stdout, progress to stderr. Knobs: BENCH_ROWS (100000), BENCH_NO_BUILD=1 (the caller built).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export UCHASTOK_SHARED_DATA="${UCHASTOK_SHARED_DATA:-$(cd "$root/.." && pwd)/shared/data}"
rows=${BENCH_ROWS:-100000}
source bench/lib.sh

command -v sqlite3 >/dev/null 2>&1 || { log "sqlite3 is needed (Debian package sqlite3)"; exit 1; }
command -v python3 >/dev/null 2>&1 || { log "python3 is needed"; exit 1; }

work=$(mktemp -d)
cleanup() { stop_app; rm -rf "$work"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "## Weapon holders import benchmark"
echo
machine_lines
if [ "${BENCH_NO_BUILD:-}" != 1 ]; then
  log "building the web app (Release)"
  dotnet build "$root/src/Uchastok.Web/Uchastok.Web.csproj" -c Release -nologo -v q -clp:ErrorsOnly >&2
  dotnet build-server shutdown >/dev/null 2>&1 || true
fi
mkdir -p "$work/sqlite"
start_app "$work/app.log" UCHASTOK_DATA="$work/sqlite"
log "app at $APP_URL"
db="$work/sqlite/uchastok.db"
sqlite3 "$db" "select Code, CentreLatitude, CentreLongitude from territory_beats where IsActive = 1" > "$work/beats.txt"
log "$(wc -l < "$work/beats.txt") active beats"

python3 - "$APP_URL" "$rows" "$work" <<'PY'
import csv, http.client, io, json, random, sys, time, urllib.parse
url, rows, work = sys.argv[1], int(sys.argv[2]), sys.argv[3]
beats = [line.split("|") for line in open(f"{work}/beats.txt", encoding="utf-8").read().split("\n") if line]
rng = random.Random(21)

def check_digit(first):
    for weights in ([1,2,3,4,5,6,7,8,9,10,11], [3,4,5,6,7,8,9,10,11,1,2]):
        s = sum(int(d) * w for d, w in zip(first, weights)) % 11
        if s != 10: return s
    return None

def twelve(prefix6, seventh):
    while True:
        first = f"{prefix6}{seventh}{rng.randrange(10000):04d}"
        if (c := check_digit(first)) is not None: return first + str(c)

host = urllib.parse.urlparse(url)
def call(method, path, body=None, token=None, content_type="application/json"):
    conn = http.client.HTTPConnection(host.hostname, host.port, timeout=3600)
    headers = {"Content-Type": content_type, "Accept-Language": "en"}
    if token: headers["Authorization"] = "Bearer " + token
    data = body if isinstance(body, (bytes, type(None))) else json.dumps(body).encode()
    conn.request(method, path, data, headers)
    r = conn.getresponse(); text = r.read()
    conn.close()
    return r.status, json.loads(text) if text else None

def token(email):
    status, login = call("POST", "/api/v1/auth/login", {"email": email, "password": "Demo123!"})
    assert status == 200, (status, login)
    return login["accessToken"]

kinds = ["smoothbore-gun", "rifled-gun", "pistol", "gas", "traumatic"]
out = io.StringIO(); w = csv.writer(out, lineterminator="\n")
w.writerow(["holder_kind","name","iin","bin","address","beat","weapon_kind","make","model","calibre","serial_number","permit_number","issuer","valid_from","valid_to"])
for i in range(rows):
    code = beats[i % len(beats)][0]
    if i % 10 == 9:
        w.writerow(["organisation", f"ТОО Охрана {i}", "", twelve(f"{rng.randrange(0,24):02d}{rng.randrange(1,13):02d}40", 4), f"Абай д-лы, {i % 300 + 1}", code,
                    rng.choice(kinds), "ИЖ", "71", "9", f"S{i:07d}", f"P{i:07d}", "ДП г. Алматы", "2024-01-15", "2029-01-15"])
    else:
        w.writerow(["person", f"Тестов Тест {i}", twelve(f"{rng.randrange(50,99):02d}{rng.randrange(1,13):02d}{rng.randrange(1,28):02d}", rng.choice([3,4])), "",
                    f"Төле би к-сі, {i % 500 + 1}, {i % 90 + 1}", code, rng.choice(kinds), "МР", "153", "12", f"S{i:07d}", f"P{i:07d}", "ДП г. Алматы",
                    "15.01.2024", "15.01.2029"])
holders_csv = out.getvalue().encode("utf-8")

out = io.StringIO(); w = csv.writer(out, lineterminator="\n")
w.writerow(["Crime ID", "Month", "Longitude", "Latitude", "Crime type"])
for i in range(rows):
    _, lat, lon = beats[i % len(beats)]
    w.writerow([f"bench-{i}", "2026-10", lon, lat, "theft"])
incidents_csv = out.getvalue().encode("utf-8")

def timed(label, path, body, tok):
    started = time.perf_counter()
    status, report = call("POST", path, body, tok, "text/csv")
    seconds = time.perf_counter() - started
    assert status == 200, (label, status, report)
    assert report["rowsTaken"] == rows, (label, report["rowsTaken"], report.get("refusals", [])[:5])
    return seconds

licensing, admin = token("licensing@demo.kz"), token("admin@demo.kz")
w_seconds = timed("weapons", "/api/v1/weapons/holders/import?fileName=bench.csv", holders_csv, licensing)
i_seconds = timed("incidents", "/api/v1/incidents/import?format=police-uk", incidents_csv, admin)
json.dump({"rows": rows, "weapons": w_seconds, "incidents": i_seconds, "weaponsBytes": len(holders_csv), "incidentsBytes": len(incidents_csv)}, open(f"{work}/result.json", "w"))
PY

taken=$(sqlite3 "$db" "select count(*) from weapons_civil_weapons")
[ "$taken" -eq "$rows" ] || { log "the database holds $taken weapons, not $rows"; exit 1; }
python3 - "$work/result.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
w, i = r["rows"] / r["weapons"], r["rows"] / r["incidents"]
print()
print("| Import (one CSV body, one transaction) | Rows | File | Seconds | Rows/s |")
print("|---|---:|---:|---:|---:|")
print(f"| Weapon holders (`POST /api/v1/weapons/holders/import`) | {r['rows']:,} | {r['weaponsBytes'] / 1048576:.1f} MB | {r['weapons']:.1f} | {w:,.0f} |")
print(f"| Incidents, police.uk (`POST /api/v1/incidents/import`) | {r['rows']:,} | {r['incidentsBytes'] / 1048576:.1f} MB | {r['incidents']:.1f} | {i:,.0f} |")
print()
print(f"Holders' rate as a share of the incidents': {w / i:.2f}. A holder row is checked field by field, its IIN hashed (HMAC-SHA-256) and encrypted, and it makes two rows (holder and weapon); an incident row is placed in its small area by point.")
PY
