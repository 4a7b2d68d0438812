#!/usr/bin/env bash
# Runs every test suite of Uchastok on a fresh Debian machine:
#   rules (no I/O) · HTTP through the real host on SQLite · the same HTTP tests on PostgreSQL ·
#   browser journeys in Debian's Chromium via Playwright.
# Installs what the tests need when it is missing, starts a throw-away PostgreSQL on loopback,
# and ends with one line "N passed, N failed" (", N skipped" if any); exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")"
root=$(pwd)
results="$root/test-results"
rm -rf "$results" && mkdir -p "$results"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export UCHASTOK_SHARED_DATA="${UCHASTOK_SHARED_DATA:-$(cd "$root/.." && pwd)/shared/data}"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# --- what the tests need -------------------------------------------------------------------
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1 || need+=(postgresql)
fc-list 2>/dev/null | grep -qi dejavu || need+=(fonts-dejavu-core)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing ${need[*]} from Debian packages..."
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
(cd src/Uchastok.Web && [ -f node_modules/leaflet/dist/leaflet.js ] || npm ci --no-audit --no-fund)
(cd tests/Uchastok.Browser.Tests && [ -f node_modules/axe-core/axe.min.js ] || npm ci --no-audit --no-fund)

# --- a throw-away PostgreSQL on loopback -----------------------------------------------------
# fsync off: the tests check behaviour, not durability, and run faster without it.
source scripts/postgres.sh
trap stop_throwaway_postgres EXIT
if ! start_throwaway_postgres "$results/postgres-init.log" "-c fsync=off"; then
  echo "0 passed, 1 failed"
  exit 1
fi
export UCHASTOK_TEST_PG="Host=127.0.0.1;Port=$PG_PORT;Username=postgres"

# --- build once, then every suite ------------------------------------------------------------
if ! dotnet build Uchastok.slnx -c Release -nologo -v q -clp:ErrorsOnly >"$results/build.log" 2>&1; then
  cat "$results/build.log"
  echo "0 passed, 1 failed"
  exit 1
fi

passed=0 failed=0 skipped=0
run_suite() { # name project [env...]
  local name=$1 project=$2; shift 2
  echo "== $name"
  env "$@" dotnet test "$project" -c Release --no-build --nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" --results-directory "$results" \
    | grep -vE '^\s*$'
  local trx="$results/$name.trx"
  if [ ! -f "$trx" ]; then
    echo "   $name did not report results"
    failed=$((failed + 1))
    return
  fi
  local counters total p f
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  total=$(sed -E 's/.* total="([0-9]+)".*/\1/' <<<"$counters")
  p=$(sed -E 's/.* passed="([0-9]+)".*/\1/' <<<"$counters")
  f=$(sed -E 's/.* failed="([0-9]+)".*/\1/' <<<"$counters")
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + total - p - f))
  [ "$total" -gt 0 ] || { echo "   $name ran no test"; failed=$((failed + 1)); }
}

run_suite rules tests/Uchastok.Rules.Tests
run_suite crime-model tests/Uchastok.CrimeModel.Tests
run_suite http-sqlite tests/Uchastok.Web.Tests UCHASTOK_TEST_DB=sqlite
run_suite http-postgres tests/Uchastok.Web.Tests UCHASTOK_TEST_DB=postgres
run_suite browser tests/Uchastok.Browser.Tests UCHASTOK_TEST_DB=sqlite

summary="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && summary="$summary, $skipped skipped"
echo "$summary"
[ "$failed" -eq 0 ]
