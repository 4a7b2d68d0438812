#!/usr/bin/env bash
# Trust-index validation, one command: bench/trust-index.sh > results.md
# Simulates 1,000 survey rounds per scenario (random and skewed samples, n = 30 to 1,000) from a
# population whose true trust is known, and prints how often the 95 % interval covers the truth
# and the bias, with and without post-stratification by age band and sex (docs/trust-index.md).
# Knobs: --rounds N, --seed N. A few seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
source bench/lib.sh
echo "## Trust index: coverage and bias on simulated surveys"
echo
machine_lines
echo
dotnet build bench/Uchastok.Bench -c Release -nologo -v q -clp:ErrorsOnly >&2
dotnet bench/Uchastok.Bench/bin/Release/net10.0/Uchastok.Bench.dll trust "$@"
