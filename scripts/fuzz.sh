#!/usr/bin/env bash
# Coverage-guided fuzzing of the tensor-file parsers with libFuzzer (swiftc -sanitize=fuzzer,
# plus AddressSanitizer): builds one binary per target from Fuzz/<Target>FuzzTarget.swift and the
# ShiftwrightFormats sources it reads, seeds its corpus from the test fixtures (and Fuzz/seeds/),
# and runs each target in turn for SECONDS (default 60), one at a time.
#   scripts/fuzz.sh [SECONDS] [npy|safetensors ...]
# Everything it writes stays under .build/fuzz/ (binaries, the growing corpora, logs); a crash
# leaves its input in .build/fuzz/<target>/crash-* and makes the script exit 1. The last line of
# each target's run gives executions and coverage.
set -euo pipefail

seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(npy safetensors)
case $seconds in ''|*[!0-9]*) echo "fuzz: error: SECONDS must be a whole number, got '$seconds'" >&2; exit 2 ;; esac

root=$(cd "$(dirname "$0")/.." && pwd)
formats=$root/Sources/ShiftwrightFormats
fixtures=$root/Tests/ShiftwrightFormatsTests/Fixtures
work=$root/.build/fuzz
mkdir -p "$work"

status=0
for target in "${targets[@]}"; do
  case $target in
    npy) entry=NpyFuzzTarget; pattern='*.npy' ;;
    safetensors) entry=SafeTensorsFuzzTarget; pattern='*.safetensors' ;;
    *) echo "fuzz: error: unknown target '$target' (npy or safetensors)" >&2; exit 2 ;;
  esac
  dir=$work/$target
  mkdir -p "$dir/corpus"
  echo "fuzz: building $target"
  swiftc -O -parse-as-library -sanitize=fuzzer,address -module-name FuzzFormats \
    "$root/Fuzz/$entry.swift" "$formats/Npy.swift" "$formats/SafeTensors.swift" \
    "$formats/Tensor.swift" "$formats/TensorFile.swift" "$formats/FormatError.swift" -o "$dir/fuzz-$target" > "$dir/build.log" 2>&1 \
    || { cat "$dir/build.log" >&2; echo "fuzz: error: building $target failed" >&2; exit 1; }
  find "$fixtures" -name "$pattern" -exec cp {} "$dir/corpus/" \;
  if [ -d "$root/Fuzz/seeds/$target" ]; then cp "$root/Fuzz/seeds/$target/"* "$dir/corpus/" 2>/dev/null || true; fi
  echo "fuzz: running $target for ${seconds}s (corpus $dir/corpus, log $dir/fuzz.log)"
  if (cd "$dir" && ./"fuzz-$target" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="$dir/" corpus > fuzz.log 2>&1); then
    echo "fuzz: $target: $(grep -E '^#[0-9]+.*(DONE|pulse|NEW|REDUCE)' "$dir/fuzz.log" | tail -1)"
    grep -E '^stat::number_of_executed_units|^Done' "$dir/fuzz.log" | sed "s/^/fuzz: $target: /"
  else
    echo "fuzz: $target FAILED; see $dir/fuzz.log and $dir/crash-*" >&2
    tail -20 "$dir/fuzz.log" >&2
    status=1
  fi
done
exit $status
