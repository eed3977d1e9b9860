#!/usr/bin/env bash
# Runs a sweep as N shards side by side with GNU Parallel on this machine, then merges them:
#
#   scripts/sweep-parallel.sh N OUT [sweep options...]
#   e.g. scripts/sweep-parallel.sh 4 sweep/ --act int8 --family afp,ausn --bits 4..6 --target generic
#
# Shard files go to OUT/shards/ (sweep.shard-I-of-N.json, I = 0 … N-1); the merged outputs, which
# are byte-identical to those of the unsharded `shiftwright sweep` with the same options, go to OUT.
# Every finished synthesis is cached by content ($SHIFTWRIGHT_CACHE), so running the same command
# again after an interruption redoes only what was not finished.
#
# Environment: SHIFTWRIGHT, the binary (default: `shiftwright` on PATH); SWEEP_PARALLEL_JOBS, how
# many shards run at once (default: N). Each shard runs one Yosys at a time (--jobs 1) unless the
# options give --jobs. Exit status: 2 for bad arguments here, else the first failing command's.
#
# The sweep options never pass through a shell or GNU Parallel's command-line template: they are
# stored NUL-separated in a temporary file that each shard reads back into an argument array.
set -euo pipefail

if [ "${1-}" = "--shard-worker" ]; then
  # One shard, started by GNU Parallel: $2 = the argument file, $3 = I/N.
  mapfile -d '' -t command < "$2"
  exec "${command[@]}" --shard "$3"
fi

fail() { echo "sweep-parallel: error: $*" >&2; exit 2; }
[ $# -ge 2 ] || fail "usage: scripts/sweep-parallel.sh N OUT [sweep options...]"
shards=$1 out=$2
shift 2
[[ "$shards" =~ ^[1-9][0-9]{0,3}$ ]] && [ "$shards" -le 4096 ] || fail "N must be a whole number in 1...4096, got '$shards'"
[ -n "$out" ] || fail "OUT is empty"
command -v parallel >/dev/null 2>&1 || fail "GNU Parallel is not installed (scripts/setup.sh installs it)"
bin=${SHIFTWRIGHT:-shiftwright}
jobs=${SWEEP_PARALLEL_JOBS:-$shards}
[[ "$jobs" =~ ^[1-9][0-9]{0,3}$ ]] || fail "SWEEP_PARALLEL_JOBS must be a whole number, got '$jobs'"

# Folders this run creates are removed again if it fails before writing into them.
created=()
for dir in "$out" "$out/shards"; do [ -e "$dir" ] || created=("$dir" "${created[@]}"); done
mkdir -p -- "$out/shards"
arguments=$(mktemp "${TMPDIR:-/tmp}/sweep-parallel.XXXXXX")
cleanup() {
  rm -f -- "$arguments"
  for dir in "${created[@]}"; do rmdir -- "$dir" 2>/dev/null || true; done
}
trap cleanup EXIT
printf '%s\0' "$bin" sweep --jobs 1 "$@" --out "$out/shards" > "$arguments"

files=()
for ((i = 0; i < shards; i++)); do files+=("$out/shards/sweep.shard-$i-of-$shards.json"); done
start=$(date +%s.%N)
for ((i = 0; i < shards; i++)); do echo "$i/$shards"; done |
  parallel --will-cite --halt now,fail=1 --jobs "$jobs" --quote "$0" --shard-worker "$arguments"
"$bin" sweep merge --out "$out" -- "${files[@]}"
awk -v a="$start" -v b="$(date +%s.%N)" -v n="$shards" -v j="$jobs" \
  'BEGIN { printf "sweep-parallel: %d shards, %d at a time, %.1f s\n", n, j, b - a }' >&2
