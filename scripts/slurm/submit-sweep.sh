#!/usr/bin/env bash
# Submits a Shiftwright sweep to Slurm: an array job of N shards (sweep.sbatch), then a merge job
# (merge.sbatch) that starts when every shard succeeded.
#   scripts/slurm/submit-sweep.sh N OUT [sweep options...]
#   e.g. SHIFTWRIGHT=$PWD/.build/release/shiftwright scripts/slurm/submit-sweep.sh 8 /shared/sweep \
#          --act int8,int4 --family afp,ausn,pot,int --bits 3..10 --target xc7,ice40
# Prints the two job ids. Extra sbatch options (partition, account, time limit) go in SBATCH_*
# environment variables, e.g. SBATCH_PARTITION=short, which sbatch reads itself.
set -euo pipefail
fail() { echo "submit-sweep: error: $*" >&2; exit 2; }
[ $# -ge 2 ] || fail "usage: scripts/slurm/submit-sweep.sh N OUT [sweep options...]"
shards=$1 out=$2
shift 2
[[ "$shards" =~ ^[1-9][0-9]{0,3}$ ]] && [ "$shards" -le 4096 ] || fail "N must be a whole number in 1...4096, got '$shards'"
command -v sbatch >/dev/null 2>&1 || fail "sbatch is not on PATH (is this a Slurm login node?)"
here=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
out=$(mkdir -p -- "$out" && cd -- "$out" && pwd)
array=$(sbatch --parsable --export=ALL --chdir="$out" --array="0-$((shards - 1))" "$here/sweep.sbatch" "$shards" "$out" "$@")
array=${array%%;*}
merge=$(sbatch --parsable --export=ALL --chdir="$out" --dependency="afterok:$array" "$here/merge.sbatch" "$shards" "$out")
echo "submit-sweep: array job $array ($shards shards), merge job $merge; logs in $out"
