#!/usr/bin/env bash
# The native xencfg against the JIT one: publishes samples/XenCfg with NativeAOT (linux-x64) and as a normal JIT
# build, runs both over the corpus (check and roundtrip of every config, dump of each, caps of each host-info file)
# and fails when any stdout or exit code differs. Needs clang and zlib1g-dev (.ci/run installs them).
# With --measure it also prints start-up time and peak memory of both (/usr/bin/time -v) for docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${XEN_HVM_CORPUS:-../shared/corpus}
[ -d "$corpus" ] || { echo "aot: no corpus at $corpus (set XEN_HVM_CORPUS)" >&2; exit 1; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

echo "aot: publishing xencfg natively and with the JIT"
dotnet publish samples/XenCfg/XenCfg.csproj -c Release -r linux-x64 -p:PublishAot=true -o "$out/native" -nologo -v quiet
dotnet publish samples/XenCfg/XenCfg.csproj -c Release -o "$out/jit" -nologo -v quiet
native=("$out/native/xencfg")
jit=(dotnet "$out/jit/xencfg.dll")

mapfile -t configs < <(find "$corpus" -type f ! -name '*.xml' ! -name '*.jsonl' ! -name 'README.md' ! -name 'INDEX.txt' ! -path '*/info/*' | LC_ALL=C sort)
mapfile -t infos < <(find "$corpus/info" -type f | LC_ALL=C sort)
[ ${#configs[@]} -gt 100 ] || { echo "aot: only ${#configs[@]} configs under $corpus" >&2; exit 1; }

runs=0 differ=0
# Runs one command line under both builds; compares stdout and the exit code.
compare() {
  local n j
  set +e
  "${native[@]}" "$@" > "$out/n.out" 2>/dev/null; n=$?
  "${jit[@]}" "$@" > "$out/j.out" 2>/dev/null; j=$?
  set -e
  runs=$((runs + 1))
  if [ "$n" -ne "$j" ] || ! cmp -s "$out/n.out" "$out/j.out"; then
    differ=$((differ + 1))
    echo "aot: DIFFERS: xencfg $* (exit $n native, $j JIT)" >&2
    diff "$out/j.out" "$out/n.out" | head -n 10 >&2 || true
  fi
}

compare check -- "${configs[@]}"
compare roundtrip -- "${configs[@]}"
for f in "${configs[@]}"; do compare dump -- "$f"; done
for f in "${infos[@]}"; do compare caps --json -- "$f"; done
compare spec disk 'phy:/dev/vg/xp,ioemu:hda,w'
compare spec vif 'bridge=xenbr0,rate=10Mb/s@20ms,mac=00:16:3e:00:00:01'
compare show -- samples/configs/winxp-hvm.cfg
echo "aot: ${#configs[@]} configs, ${#infos[@]} host-info files: $runs command lines, $differ differ"

if [ "${1:-}" = "--measure" ]; then
  cfg=samples/configs/winxp-hvm.cfg
  for build in native jit; do
    if [ $build = native ]; then cmd=("${native[@]}"); else cmd=("${jit[@]}"); fi
    for what in "--version" "check $cfg" "check ${configs[*]}"; do
      label=${what%% *}; [ "$what" = "check $cfg" ] && label="check 1 file"; [ "$label" = check ] && label="check ${#configs[@]} files"
      best=""
      for _ in 1 2 3 4 5; do
        # shellcheck disable=SC2086
        /usr/bin/time -v "${cmd[@]}" $what > /dev/null 2> "$out/time" || true
        wall=$(grep 'Elapsed (wall clock)' "$out/time" | sed 's/.*: //')
        rss=$(grep 'Maximum resident set size' "$out/time" | sed 's/.*: //')
        best="$best $wall/${rss}KB"
      done
      echo "aot: measure: $build: $label:$best"
    done
  done
fi
[ "$differ" -eq 0 ]
