#!/usr/bin/env bash
# The whole test suite: install tools if missing, then `swift test` (unit tests, Verilator
# co-simulation, Yosys checks). Random tests print their seeds; SHIFTWRIGHT_SEED overrides them.
# Ends with one plain line "N passed, M failed" taken from Swift Testing's summary.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
echo "test: swift test (the co-simulation tests compile Verilator models; cached in \${SHIFTWRIGHT_CACHE:-~/.cache/shiftwright})"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
swift test "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
total=$(grep -oE "Test run with [0-9]+ tests?" "$log" | tail -n 1 | grep -oE "[0-9]+" || true)
failed=$(grep -cE "^✘ Test .* failed" "$log" || true)
if [ -n "$total" ]; then
  echo "$((total - failed)) passed, $failed failed"
fi
exit "$status"
