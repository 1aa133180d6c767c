#!/usr/bin/env bash
# Fuzzes each harness of Program.cs with AFL++ (Debian's afl++) for a bounded time:
#   bash tests/Xen.Hvm.Fuzz/run.sh [SECONDS] [TARGET...]      (default: 300 seconds each, all targets, one at a time)
# Seeds are in seeds/TARGET (small inputs of our own; image seeds are made here with the library); findings go to
# tests/Xen.Hvm.Fuzz/findings/TARGET (not committed). Each crash found should become a test in Xen.Hvm.Tests.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
seconds=${1:-300}; shift || true
targets=("$@"); [ ${#targets[@]} -gt 0 ] || targets=(xl xm spec info image)
command -v afl-fuzz >/dev/null || { echo "fuzz: afl-fuzz not found (apt-get install afl++)" >&2; exit 1; }
out="$here/bin/fuzz"
dotnet tool restore >/dev/null
rm -rf "$out"
dotnet publish "$here/Xen.Hvm.Fuzz.csproj" -c Release -o "$out" -nologo -v quiet
# Image seeds: small images the library writes itself (before instrumenting: the instrumented library runs only
# under afl-fuzz).
mkdir -p "$here/seeds/image" "$here/findings"
[ -f "$here/seeds/image/small.qcow2" ] || "$out/Xen.Hvm.Fuzz" make-image-seeds "$here/seeds/image"
# Instrument the library (not the harness, not the framework): SharpFuzz adds AFL's edge coverage to its IL.
dotnet sharpfuzz "$out/Xen.Hvm.dll"

export AFL_SKIP_BIN_CHECK=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1 AFL_NO_AFFINITY=1
for target in "${targets[@]}"; do
  echo "fuzz: $target for ${seconds}s"
  rm -rf "$here/findings/$target"
  afl-fuzz -i "$here/seeds/$target" -o "$here/findings/$target" -t 10000 -m none -V "$seconds" -- "$out/Xen.Hvm.Fuzz" "$target" > "$here/findings/$target.log" 2>&1 || true
  stats="$here/findings/$target/default/fuzzer_stats"
  if [ -f "$stats" ]; then
    grep -E '^(execs_done|execs_per_sec|corpus_count|saved_crashes|saved_hangs|run_time) ' "$stats" | tr -s ' ' | paste -sd' ' | sed "s/^/fuzz: $target: /"
  else
    echo "fuzz: $target did not start: see $here/findings/$target.log" >&2
    tail -n 20 "$here/findings/$target.log" >&2
  fi
done
