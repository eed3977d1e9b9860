#!/usr/bin/env bash
# The main job on the built-in default: install tools if missing, build, then generate every
# default design into rtl-out/, lint it with Verilator -Wall and verify it against the golden model.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
echo "run: building shiftwright (swift build)"
swift build --product shiftwright 2>&1 | tail -n 1
echo "run: shiftwright demo"
exec .build/debug/shiftwright demo "$@"
