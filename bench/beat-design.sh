#!/usr/bin/env bash
# Beat-design evaluation, one command: bench/beat-design.sh > results.md
# On the real-data instances of docs/beat-design.md (London boroughs, two stress instances, the
# whole of London, San Francisco's block groups, the demo city of Almaty), runs the two baselines
# (k-means with a contiguity repair, greedy region growing) and the optimiser for seeds 1..20, and
# prints one Markdown table with the median and the worst over the seeds: max/mean, the data's bound
# and the gap to it, beats within ±10 % of their fair share, the lightest beat against its share,
# contiguous share, mean Polsby–Popper, runtime. Knobs: --only NAME (one instance), --seeds N,
# --london-seeds N (the whole of London takes most of a minute per seed). About 30 minutes on 2
# cores; 15 with --london-seeds 5. `--survey` prints what each borough outside the evaluation would
# stress (pieces, heaviest area). `--tune` prints the parameter study on the tuning boroughs
# (Islington, Hackney, Lambeth, Southwark, kept out of the evaluation); `--tune --recombination`
# the study of how often to recombine.
# `bench/beat-design.sh --exact` prints instead the exact check: on small connected pieces of London
# (Barnet, Ealing, Brent, Lewisham) and San Francisco, CP-SAT's optimum max/mean beside the optimiser's
# over seeds 1..20, and the gap; then the same with the optimiser on balance alone. Knobs: --exact-seconds N
# (CP-SAT's limit per instance, 60), --only NAME. About 2 minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export UCHASTOK_SHARED_DATA="${UCHASTOK_SHARED_DATA:-$(cd "$root/.." && pwd)/shared/data}"
source bench/lib.sh
entry=beat-design
title="Beat design on real data"
args=()
for arg in "$@"; do
  if [[ $arg == --exact ]]; then entry=beat-design-exact; title="Beat design: the exact check on small instances"; else args+=("$arg"); fi
done
echo "## $title"
echo
machine_lines
echo
dotnet build bench/Uchastok.Bench -c Release -nologo -v q -clp:ErrorsOnly >&2
# No compiler server competing for the two cores while the optimiser is timed.
dotnet build-server shutdown >/dev/null 2>&1 || true
dotnet bench/Uchastok.Bench/bin/Release/net10.0/Uchastok.Bench.dll "$entry" ${args[@]+"${args[@]}"}
