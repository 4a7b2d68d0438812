#!/usr/bin/env bash
# Runs Uchastok: restores and builds, creates the SQLite database under data/ (UCHASTOK_DATA),
# seeds the demo city when the database is empty, prints the demo logins and serves on
# http://127.0.0.1:5080 (UCHASTOK_URLS). UCHASTOK_DB=postgres with UCHASTOK_PG switches to PostgreSQL.
#   ./run.sh                                  serve
#   ./run.sh beats import FILE                import beats from GeoJSON
#   ./run.sh beats export [--district CODE] [--out FILE]
#   ./run.sh backup FILE                      back up the database (SQLite online backup, or pg_dump -Fc)
#   ./run.sh restore FILE [--number-gap N]    replace the database with a backup; the app must be stopped
set -euo pipefail
caller=$PWD
cd "$(dirname "$0")"
root=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export UCHASTOK_DATA="${UCHASTOK_DATA:-$root/data}"
export UCHASTOK_URLS="${UCHASTOK_URLS:-http://127.0.0.1:5080}"
export UCHASTOK_SHARED_DATA="${UCHASTOK_SHARED_DATA:-$(cd "$root/.." && pwd)/shared/data}"
# The data folder holds the database and the key ring's certificate: the service account's alone (0700).
mkdir -p -m 700 "$UCHASTOK_DATA"

dotnet build src/Uchastok.Web/Uchastok.Web.csproj -c Release -nologo -v q -clp:ErrorsOnly >&2
app=src/Uchastok.Web/bin/Release/net10.0/Uchastok.Web.dll

if [ "${1:-}" = "backup" ] || [ "${1:-}" = "restore" ]; then
  # The FILE is named from where the command was typed; the host runs in the project folder.
  if [ $# -ge 2 ]; then
    file=$2
    case $file in /*) ;; *) file="$caller/$file" ;; esac
    set -- "$1" "$file" "${@:3}"
  fi
  cd src/Uchastok.Web && exec dotnet "$root/$app" "$@"
fi

if [ "${1:-}" = "beats" ]; then
  # Content root is the project folder, as in serving.
  cd src/Uchastok.Web && exec dotnet "$root/$app" "$@"
fi

echo "Uchastok is starting on $UCHASTOK_URLS (database: ${UCHASTOK_DB:-sqlite}); the demo logins follow. Stop with Ctrl-C." >&2
cd src/Uchastok.Web
# exec: Ctrl-C and SIGTERM reach the host directly, which shuts down cleanly.
exec dotnet "$root/$app"
