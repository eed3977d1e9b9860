#!/usr/bin/env bash
# Measures how a sweep scales on this machine: configurations per minute with one shard (the
# unsharded `shiftwright sweep --jobs 1`, one Yosys at a time) and with N shards side by side
# under GNU Parallel (scripts/sweep-parallel.sh, one Yosys per shard), each from a cold cache,
# and the speed-up of each against the one-shard run measured in the same invocation. It also
# checks that every merged output is byte-identical to the unsharded one.
#
#   scripts/sweep-bench.sh [N ...] [-- sweep options]
#   e.g. scripts/sweep-bench.sh 2 4 -- --act int8 --family afp,ausn --bits 4..6 --target generic
#
# Defaults: N = 2 4; options: --act int8 --family afp,ausn --bits 4..6 --target generic
# --yosys-program yosys. SHIFTWRIGHT names the binary (default: `shiftwright` on PATH). The load
# average is printed before and after: other work on the machine slows every run.
set -euo pipefail
here=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
bin=${SHIFTWRIGHT:-shiftwright}
counts=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do
  [[ "$1" =~ ^[1-9][0-9]{0,2}$ ]] || { echo "sweep-bench: error: shard counts are whole numbers 1..999, got '$1'" >&2; exit 2; }
  counts+=("$1")
  shift
done
[ $# -gt 0 ] && shift
[ ${#counts[@]} -gt 0 ] || counts=(2 4)
options=("$@")
[ ${#options[@]} -gt 0 ] || options=(--act int8 --family afp,ausn --bits 4..6 --target generic --yosys-program yosys)

work=$(mktemp -d "${TMPDIR:-/tmp}/sweep-bench.XXXXXX")
trap 'rm -rf -- "$work"' EXIT
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
echo "sweep-bench: options: ${options[*]}"
echo "sweep-bench: $(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

start=$(now)
SHIFTWRIGHT_CACHE="$work/cache-1" "$bin" sweep --jobs 1 "${options[@]}" --out "$work/one" > "$work/one.log"
one=$(elapsed "$start")
configs=$(sed -n 's/^sweep: \([0-9]*\) configurations;.*/\1/p' "$work/one.log")
designs=$(sed -n 's/.*designs: 0 cached, \([0-9]*\) synthesized.*/\1/p' "$work/one.log")
rate() { awk -v c="$configs" -v s="$1" 'BEGIN { printf "%.1f", c / s * 60 }'; }
printf '%-8s %8s %10s %12s %9s  %s\n' shards seconds configs configs/min speed-up merged
printf '%-8s %8s %10s %12s %9s  %s\n' 1 "$one" "$configs" "$(rate "$one")" "1.00x" "(reference; $designs designs synthesized)"
for n in "${counts[@]}"; do
  start=$(now)
  SHIFTWRIGHT="$bin" SHIFTWRIGHT_CACHE="$work/cache-$n" "$here/sweep-parallel.sh" "$n" "$work/n$n" "${options[@]}" > "$work/n$n.log" 2>&1
  seconds=$(elapsed "$start")
  same=identical
  for f in "$work"/one/*; do cmp -s -- "$f" "$work/n$n/$(basename -- "$f")" || same=DIFFERENT; done
  printf '%-8s %8s %10s %12s %9s  %s\n' "$n" "$seconds" "$configs" "$(rate "$seconds")" \
    "$(awk -v a="$one" -v b="$seconds" 'BEGIN { printf "%.2fx", a / b }')" "$same"
done
echo "sweep-bench: load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
