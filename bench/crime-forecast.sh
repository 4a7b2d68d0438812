#!/usr/bin/env bash
# Crime-forecast evaluation (issue 20), one command: bench/crime-forecast.sh > results.md
# Rolling origin on the Metropolitan Police burglaries in ../shared/data/london (never copied into the
# repository): for each month, every method gets the counts of all months before it and ranks London's
# 250 m cells. Prints Markdown: the 12-month baseline's PAI beside the data README's figure; the tuning
# table (2023-03..2024-02: each method's parameters and the default are chosen there and nowhere else);
# then the test months 2024-03..2025-02, run once: hit rate and PAI at 1 % and 5 % per month, the mean
# with a 95 % t-interval, the ratio to the 12-month baseline, the aim (≥ 15 % better) met or not, and the
# time to forecast every cell for one month. About 10 minutes on 2 cores. The machine is shared: run it
# as `nice -n 10 bench/crime-forecast.sh`, and not under the build lock.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export UCHASTOK_SHARED_DATA="${UCHASTOK_SHARED_DATA:-$(cd "$root/.." && pwd)/shared/data}"
source bench/lib.sh
echo "## Crime forecast on real data"
echo
machine_lines
echo "- Load: $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15-minute load averages when the run started; other builds share the machine)"
echo
if [[ ${BENCH_NO_BUILD:-} != 1 ]]; then
  flock /tmp/uchastok-build.lock dotnet build bench/Uchastok.Bench -c Release -nologo -v q -clp:ErrorsOnly >&2
fi
dotnet bench/Uchastok.Bench/bin/Release/net10.0/Uchastok.Bench.dll crime-forecast "$@"
