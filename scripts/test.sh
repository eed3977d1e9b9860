#!/usr/bin/env bash
# The whole test suite: install tools if missing, then `swift test` (unit tests, Verilator
# co-simulation, Yosys checks). Random tests print their seeds; SHIFTWRIGHT_SEED overrides them.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
echo "test: swift test (the co-simulation tests compile Verilator models; cached in \${SHIFTWRIGHT_CACHE:-~/.cache/shiftwright})"
exec swift test "$@"
