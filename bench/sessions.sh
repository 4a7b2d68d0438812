#!/usr/bin/env bash
# Sign-in and session costs, one command: bench/sessions.sh > results.md
#  1. What the per-request session check costs: the median time of GET /api/v1/about (anonymous, so
#     the endpoint itself does nothing) sent with no credentials, with a bearer token, and with the
#     sign-in cookie; each request with credentials authenticates, which decrypts the token or cookie
#     and reads its session row (accounts_sessions, one query by primary key joined to the account).
#     The difference to the anonymous request is the whole cost of authentication.
#  2. Sign-in time for an account that exists (wrong password), one that does not, and a locked
#     account-and-network pair: each pays one password hash, so they should take the same time.
# Runs on SQLite, and on PostgreSQL too when BENCH_PG names a server ("Host=…;Port=…;Username=…").
# Knobs: BENCH_REQUESTS (2000 per case, over one kept-alive connection), BENCH_SIGN_INS (40 per case).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export UCHASTOK_SHARED_DATA="${UCHASTOK_SHARED_DATA:-$(cd "$root/.." && pwd)/shared/data}"
requests=${BENCH_REQUESTS:-2000}
sign_ins=${BENCH_SIGN_INS:-40}
source bench/lib.sh
work=$(mktemp -d)
cleanup() { stop_app; rm -rf "$work"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

median_ms() { sort -n | awk '{ a[NR] = $1 } END { m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "%.3f", m * 1000 }'; }

# N requests over one connection; curl reports each transfer's time.
timed_requests() { # URL [curl options…]
  local url=$1; shift
  local config="$work/urls"
  : >"$config"
  for _ in $(seq 1 "$requests"); do echo "url = \"$url\"" >>"$config"; echo 'output = "/dev/null"' >>"$config"; done
  curl -sS -K "$config" -w '%{time_total}\n' "$@" | tail -n +201 | median_ms
}

sign_in() { # LOGIN PASSWORD NETWORK: prints the time in seconds
  curl -sS -o /dev/null -w '%{time_total}\n' -H 'Content-Type: application/json' -H "X-Forwarded-For: $3" \
    -d "{\"email\":\"$1\",\"password\":\"$2\"}" "$APP_URL/api/v1/auth/login"
}

measure() { # DATABASE-NAME
  local token jar form antiforgery
  token=$(curl -sS -H 'Content-Type: application/json' -d '{"email":"admin@demo.kz","password":"Demo123!"}' "$APP_URL/api/v1/auth/login" | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')
  jar="$work/cookies"
  rm -f "$jar"
  form=$(curl -sS -c "$jar" -b "$jar" "$APP_URL/account/login")
  antiforgery=$(echo "$form" | sed -nE 's/.*name="__RequestVerificationToken" type="hidden" value="([^"]+)".*/\1/p' | head -1)
  curl -sS -o /dev/null -c "$jar" -b "$jar" --data-urlencode "login=admin@demo.kz" --data-urlencode "password=Demo123!" \
    --data-urlencode "__RequestVerificationToken=$antiforgery" "$APP_URL/account/login"
  local anonymous bearer cookie
  anonymous=$(timed_requests "$APP_URL/api/v1/about")
  bearer=$(timed_requests "$APP_URL/api/v1/about" -H "Authorization: Bearer $token")
  cookie=$(timed_requests "$APP_URL/api/v1/about" -b "$jar")
  echo "| $1 | $anonymous | $bearer (+$(awk "BEGIN { printf \"%.3f\", $bearer - $anonymous }")) | $cookie (+$(awk "BEGIN { printf \"%.3f\", $cookie - $anonymous }")) |" >>"$work/requests.md"

  # The three cases take turns, so that whatever else the machine does weighs on each alike. The first two
  # come from a new network each time, so that no pair locks; five failures first lock the third's pair.
  local i existing unknown locked
  for i in 1 2 3 4 5; do sign_in resident1@demo.kz Wrong-Pass-1 198.18.3.1 >/dev/null; done
  : >"$work/existing"; : >"$work/unknown"; : >"$work/locked"
  for i in $(seq 1 "$sign_ins"); do
    sign_in resident1@demo.kz Wrong-Pass-1 "198.18.1.$i" >>"$work/existing"
    sign_in nobody@demo.kz Wrong-Pass-1 "198.18.2.$i" >>"$work/unknown"
    sign_in resident1@demo.kz Demo123! 198.18.3.1 >>"$work/locked"
  done
  existing=$(tail -n +4 "$work/existing" | median_ms)
  unknown=$(tail -n +4 "$work/unknown" | median_ms)
  locked=$(tail -n +4 "$work/locked" | median_ms)
  echo "| $1 | $existing | $unknown | $locked |" >>"$work/sign-ins.md"
}

build_release
log "SQLite"
start_app "$work/app-sqlite.log" UCHASTOK_DATA="$work/sqlite" Accounts__SignInsPerHour=1000000 Network__TrustedProxies=127.0.0.1
measure SQLite
stop_app
if [ -n "${BENCH_PG:-}" ]; then
  log "PostgreSQL"
  db="uchastok_bench_sessions_$$"
  start_app "$work/app-postgres.log" UCHASTOK_DB=postgres UCHASTOK_PG="$BENCH_PG;Database=$db" Accounts__SignInsPerHour=1000000 Network__TrustedProxies=127.0.0.1
  measure PostgreSQL
  stop_app
fi

echo "## Sessions and sign-in"
echo
machine_lines
echo
echo "Median time of one request to GET /api/v1/about over a kept-alive loopback connection, in ms ($requests requests per case, the first 200 left out as warm-up):"
echo
echo "| Database | No credentials | Bearer token (+ authentication) | Cookie (+ authentication) |"
echo "|---|---:|---:|---:|"
cat "$work/requests.md"
echo
echo "Median time of a failed sign-in (POST /api/v1/auth/login), in ms ($sign_ins per case, taking turns, the first 3 of each left out):"
echo
echo "| Database | Existing account, wrong password | Unknown account | Locked pair, right password |"
echo "|---|---:|---:|---:|"
cat "$work/sign-ins.md"
