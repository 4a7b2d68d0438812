# Shared by the benchmark scripts: machine description, a free loopback port, the Release web app
# started and stopped. Source from the repository root after setting $root.

log() { echo "[bench] $*" >&2; }

machine_lines() {
  echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "- Machine: $(nproc) cores (nproc), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo) memory, $(uname -sr)"
  local commit
  commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
  git diff --quiet HEAD -- src bench 2>/dev/null || commit="$commit (with uncommitted changes in src/ or bench/)"
  echo "- Software: .NET SDK $(dotnet --version)"
  echo "- Commit: $commit"
}

free_port() {
  local candidate
  for candidate in $(shuf -i 20000-60000 -n 50); do
    # A refused connection means nobody listens there.
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then echo "$candidate"; return 0; fi
  done
  return 1
}

# start_app LOG_FILE [NAME=VALUE ...]: the Release web app on a free loopback port, with the given
# environment; sets APP_URL and APP_PID and waits until /healthz answers (up to BENCH_START_CHECKS
# checks half a second apart, 600 = 5 minutes: the first start seeds the demo city, slow on a busy machine).
start_app() {
  local log_file=$1; shift
  local port
  port=$(free_port) || { log "no free loopback port found"; return 1; }
  serve_on_port "$log_file" "$port" "$@"
}

# serve_on_port LOG_FILE PORT [NAME=VALUE ...]: the same on a given port (a restarted app keeps its
# address, so its clients find it again); the app's output is appended to LOG_FILE.
serve_on_port() {
  local log_file=$1 port=$2; shift 2
  APP_URL="http://127.0.0.1:$port"
  # Content root is the project folder, as in ./run.sh. A plain background command (no subshell),
  # so that $APP_PID is the host process itself.
  cd "$root/src/Uchastok.Web"
  # Without the demo history (Demo__History=false unless the caller says otherwise): the recorded
  # results were measured on the bare demo city, and each benchmark makes the records it measures.
  # With APP_CPUS set (a taskset list, e.g. 1), the app runs on those cores only; taskset execs, so the PID stays the app's.
  local pin=()
  [ -n "${APP_CPUS:-}" ] && pin=(taskset -c "$APP_CPUS")
  env Demo__History=false "$@" UCHASTOK_URLS="$APP_URL" "${pin[@]}" dotnet "$root/src/Uchastok.Web/bin/Release/net10.0/Uchastok.Web.dll" >>"$log_file" 2>&1 &
  APP_PID=$!
  cd "$root"
  local _
  for _ in $(seq 1 "${BENCH_START_CHECKS:-600}"); do
    if curl -fsS -o /dev/null "$APP_URL/healthz" 2>/dev/null; then return 0; fi
    if ! kill -0 "$APP_PID" 2>/dev/null; then break; fi
    sleep 0.5
  done
  log "the web app did not become healthy; last lines of its log:"
  tail -n 40 "$log_file" >&2
  return 1
}

stop_app() {
  if [ -n "${APP_PID:-}" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID" 2>/dev/null || true
    wait "$APP_PID" 2>/dev/null || true
  fi
  APP_PID=""
}

build_release() {
  log "building the benchmark and the web app (Release)"
  dotnet build "$root/bench/Uchastok.Bench/Uchastok.Bench.csproj" -c Release -nologo -v q -clp:ErrorsOnly >&2
  dotnet build "$root/src/Uchastok.Web/Uchastok.Web.csproj" -c Release -nologo -v q -clp:ErrorsOnly >&2
  # Compiler servers and MSBuild nodes linger after a build and take CPU from the measurements.
  dotnet build-server shutdown >/dev/null 2>&1 || true
  sleep 5
}

# seeded_sqlite_bench TITLE: how the incident benchmarks (patrols, hotspots) start. jq, sqlite3 and curl must be
# there; $work is a folder removed, with the app stopped, on exit; the heading, the machine and its load are printed;
# the Release build is made unless BENCH_NO_BUILD=1; one start of the app seeds the demo city into a fresh SQLite
# database, $database, which q SQL then reads and writes while the app is stopped.
seeded_sqlite_bench() {
  for tool in jq sqlite3 curl; do command -v "$tool" >/dev/null 2>&1 || { log "$tool is needed"; exit 1; }; done
  work=$(mktemp -d)
  trap 'stop_app; rm -rf "$work"' EXIT
  trap 'exit 130' INT TERM
  echo "## $1"
  echo
  machine_lines
  echo "- Load: $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15-minute load averages when the run started)"
  echo
  if [[ ${BENCH_NO_BUILD:-} != 1 ]]; then flock /tmp/uchastok-build.lock bash -c "source bench/lib.sh; root='$root'; build_release"; fi
  mkdir -p "$work/sqlite"
  database="$work/sqlite/uchastok.db"
  start_app "$work/app.log" UCHASTOK_DATA="$work/sqlite"
  stop_app
}

q() { sqlite3 -batch -noheader "$database" "$1"; }
