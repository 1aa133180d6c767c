#!/usr/bin/env bash
# Times Xen's own config parser (libxlu, the distribution's libxlutil 4.17) and Xen.Hvm's default parse
# (XenConfig.Parse(text): Auto dialect, lossless tree, diagnostics) on the same files, in one run, alternating the
# two tools ROUNDS times per input set, and prints the medians side by side. Inputs: the 218 configs of
# ../shared/corpus/xl-oracle.jsonl and the seeded corpus of ../shared/tools/gen_synth.py (2,000 configs + one of
# 20 MB), the files libxlu and CPython were timed on. Then CPython 2.7 (xend's Python: compile() + exec() of each
# file with xm's namespace stubbed, cpython-throughput.py) against the same default parse, and against the parse plus
# Xen.Hvm's safe evaluation, on the corpus files the default parse reads as xm (less any CPython rejects).
#
#   tests/Xen.Hvm.Benchmarks/Anchors/compare-libxlu.sh        (ROUNDS=3 MIN_SECONDS=2 by default)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
shared=${XEN_HVM_SHARED:-$root/../shared}
rounds=${ROUNDS:-3}
python2=${XEN_HVM_PYTHON2:-$( (pyenv root 2>/dev/null || echo /root/.pyenv) | sed 's|$|/versions/2.7.18/bin/python|')}
min_seconds=${MIN_SECONDS:-2}

if [ ! -f /usr/include/libxlutil.h ] || ! command -v gcc >/dev/null; then
  echo "installing libxen-dev and gcc (libxlu's header and library)" >&2
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libxen-dev gcc >/dev/null
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
gcc -O2 -o "$work/libxlu-throughput" "$here/libxlu-throughput.c" -lxlutil
python3 "$shared/tools/gen_synth.py" "$work/gen" >/dev/null
python3 - "$shared/corpus" > "$work/corpus.txt" <<'PY'
import json, os, sys
root = sys.argv[1]
for line in open(os.path.join(root, "xl-oracle.jsonl")):
    print(os.path.join(root, json.loads(line)["file"]))
PY
{ ls "$work"/gen/synth/*.cfg; echo "$work/gen/big/big_20MB.cfg"; } > "$work/synth.txt"
echo "$work/gen/big/big_20MB.cfg" > "$work/big.txt"

dotnet build -c Release "$root/tests/Xen.Hvm.Benchmarks" -v q -nologo >/dev/null
dll=$(ls "$root"/tests/Xen.Hvm.Benchmarks/bin/Release/net10.0/Xen.Hvm.Benchmarks.dll)

field() { sed -E "s/.*$1=([0-9.]+).*/\1/" <<<"$2"; }
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

echo "date: $(date -u +%Y-%m-%dT%H:%MZ)"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "CPython: $("$python2" --version 2>&1)"
echo "libxlu: $(dpkg-query -W -f='${Package} ${Version}' libxenmisc4.17 2>/dev/null || echo unknown); .NET: $(dotnet --version)"
echo "rounds: $rounds (alternating), each a median over passes of at least ${min_seconds}s; Xen.Hvm after a warm-up of 3s or more (the JIT tiers up), libxlu and CPython need none"
echo
printf '| input | files | bytes | libxlu | Xen.Hvm (default parse) | Xen.Hvm time / libxlu time | Xen.Hvm allocated per input byte |\n'
printf '|---|---:|---:|---:|---:|---:|---:|\n'
for set in corpus synth big; do
  c_times=(); n_times=(); files=0; bytes=0; alloc=0
  for ((r = 0; r < rounds; r++)); do
    c=$("$work/libxlu-throughput" "$work/$set.txt" "$min_seconds")
    n=$(dotnet "$dll" throughput "$work/$set.txt" "$min_seconds")
    c_times+=("$(field median_seconds "$c")"); n_times+=("$(field median_seconds "$n")")
    files=$(field files "$c"); bytes=$(field bytes "$c"); alloc=$(field allocated_per_pass "$n")
  done
  ct=$(printf '%s\n' "${c_times[@]}" | median); nt=$(printf '%s\n' "${n_times[@]}" | median)
  name=$([ "$set" = corpus ] && echo "shared corpus (xl-oracle.jsonl)" || { [ "$set" = synth ] && echo "gen_synth.py: 2,000 configs + 20 MB file" || echo "gen_synth.py: the 20 MB file alone"; })
  awk -v name="$name" -v f="$files" -v b="$bytes" -v ct="$ct" -v nt="$nt" -v a="$alloc" 'BEGIN {
    printf "| %s | %d | %d | %.0f MB/s | %.0f MB/s | %.2f | %.1f |\n", name, f, b, b / ct / 1e6, b / nt / 1e6, nt / ct, a / b }'
done

"$python2" "$here/cpython-throughput.py" /dev/null 0 /dev/null >/dev/null  # fails early if the Python is missing
dotnet "$dll" xm-files "$work/corpus.txt" > "$work/xm.txt"
echo
printf '| input (xm files of the corpus) | files | bytes | CPython 2.7 compile + exec | Xen.Hvm | Xen.Hvm time / CPython time | Xen.Hvm allocated per input byte |\n'
printf '|---|---:|---:|---:|---:|---:|---:|\n'
for mode in parse evaluate; do
  p_times=(); n_times=(); files=0; bytes=0; alloc=0
  for ((r = 0; r < rounds; r++)); do
    p=$("$python2" "$here/cpython-throughput.py" "$work/xm.txt" "$min_seconds" "$work/xm-accepted.txt")
    n=$(dotnet "$dll" throughput "$work/xm-accepted.txt" "$min_seconds" $([ "$mode" = evaluate ] && echo --evaluate))
    p_times+=("$(field median_seconds "$p")"); n_times+=("$(field median_seconds "$n")")
    files=$(field files "$p"); bytes=$(field bytes "$p"); alloc=$(field allocated_per_pass "$n")
  done
  pt=$(printf '%s\n' "${p_times[@]}" | median); nt=$(printf '%s\n' "${n_times[@]}" | median)
  name=$([ "$mode" = parse ] && echo "default parse (XenConfig.Parse)" || echo "default parse + Evaluate (host profile, vmid=3)")
  awk -v name="$name" -v f="$files" -v b="$bytes" -v pt="$pt" -v nt="$nt" -v a="$alloc" 'BEGIN {
    printf "| %s | %d | %d | %.0f MB/s | %.0f MB/s | %.2f | %.1f |\n", name, f, b, b / pt / 1e6, b / nt / 1e6, nt / pt, a / b }'
done
