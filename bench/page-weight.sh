#!/usr/bin/env bash
# Page-weight benchmark, one command: bench/page-weight.sh > results.md
# The Release web app on a free loopback port with a throw-away database (the demo city); each public
# page a resident opens is loaded in Debian's Chromium at phone size, on a first visit (empty cache)
# and again in the same browser. Bytes on the wire against the same pages uncompressed, measured in the
# same run. Aims: ≤ 80 KB on a first visit, ≤ 20 KB on a second. Markdown to stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export UCHASTOK_SHARED_DATA="${UCHASTOK_SHARED_DATA:-$(cd "$root/.." && pwd)/shared/data}"
source bench/lib.sh
[ -x /usr/bin/chromium ] || { log "installing chromium from the Debian archive"; sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo; $sudo apt-get update -qq >&2; $sudo apt-get install -y -qq chromium >&2; }

echo "## Page weight"
echo
machine_lines
build_release
data=$(mktemp -d)
trap 'stop_app; rm -rf "$data"' EXIT
start_app "$data/app.log" UCHASTOK_DATA="$data"
echo
dotnet run -c Release --no-build --project bench/Uchastok.Bench -- page-weight --url "$APP_URL"
