#!/usr/bin/env bash
# Files per second over a fleet of 10,000 configs (the 2,000 of ../shared/tools/gen_synth.py, copied five times into
# separate folders), read from disk (page cache warm) with the default options: XenConfig.LoadAll with one thread and
# with one per core, and `xencfg check` over all of them pinned to one core (taskset -c 0) and on every core.
# ROUNDS rounds, alternating, medians.
#
#   tests/Xen.Hvm.Benchmarks/Anchors/scale-loadall.sh        (ROUNDS=3 MIN_SECONDS=2; XENCFG=path to time another build)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
shared=${XEN_HVM_SHARED:-$root/../shared}
rounds=${ROUNDS:-3}
min_seconds=${MIN_SECONDS:-2}
cores=$(nproc)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$shared/tools/gen_synth.py" "$work/gen" >/dev/null
for copy in 1 2 3 4 5; do
  mkdir -p "$work/fleet/$copy"
  cp "$work"/gen/synth/*.cfg "$work/fleet/$copy/"
done
find "$work/fleet" -name '*.cfg' | sort >"$work/fleet.txt"
files=$(wc -l <"$work/fleet.txt")
bytes=$(xargs cat <"$work/fleet.txt" | wc -c)

dotnet build -c Release "$root/tests/Xen.Hvm.Benchmarks" -v q -nologo >/dev/null
dll=$(ls "$root"/tests/Xen.Hvm.Benchmarks/bin/Release/net10.0/Xen.Hvm.Benchmarks.dll)
xencfg=${XENCFG:-}
if [ -z "$xencfg" ]; then
  dotnet build -c Release "$root/samples/XenCfg" -v q -nologo -o "$work/xencfg" >/dev/null
  xencfg=$work/xencfg/xencfg
fi

field() { sed -E "s/.*$1=([0-9.]+).*/\1/" <<<"$2"; }
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
check_seconds() {
  local start end
  start=$(date +%s.%N)
  "$@" check $(cat "$work/fleet.txt") >/dev/null || true
  end=$(date +%s.%N)
  awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f\n", e - s }'
}

echo "date: $(date -u +%Y-%m-%dT%H:%MZ)"
echo "machine: $cores cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg); .NET: $(dotnet --version)"
echo "fleet: $files files, $bytes bytes; $rounds rounds, alternating, medians"
echo
one=() all=() check_one=() check_all=()
for ((r = 0; r < rounds; r++)); do
  one+=("$(field median_seconds "$(dotnet "$dll" loadall "$work/fleet.txt" 1 "$min_seconds")")")
  all+=("$(field median_seconds "$(dotnet "$dll" loadall "$work/fleet.txt" "$cores" "$min_seconds")")")
  check_one+=("$(check_seconds taskset -c 0 "$xencfg")")
  check_all+=("$(check_seconds "$xencfg")")
done
o=$(printf '%s\n' "${one[@]}" | median) a=$(printf '%s\n' "${all[@]}" | median)
co=$(printf '%s\n' "${check_one[@]}" | median) ca=$(printf '%s\n' "${check_all[@]}" | median)
printf '| what | 1 core | %d cores | speed-up |\n|---|---:|---:|---:|\n' "$cores"
awk -v f="$files" -v o="$o" -v a="$a" -v co="$co" -v ca="$ca" 'BEGIN {
  printf "| XenConfig.LoadAll (maxDegreeOfParallelism 1 / default) | %.0f files/s | %.0f files/s | %.2f |\n", f / o, f / a, o / a
  printf "| xencfg check (whole process, taskset -c 0 / unpinned) | %.0f files/s | %.0f files/s | %.2f |\n", f / co, f / ca, co / ca }'
echo
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
