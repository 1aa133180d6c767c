#!/usr/bin/env bash
# Times `xencfg convert-image` against `qemu-img convert`, whole process (start-up, conversion, flush, exit), on a
# 1 GiB image: 256 MiB of random bytes, then 768 MiB of zeros (written zeros by default, so every byte is read and
# zero-checked; ZEROS=hole makes them a hole of the source file instead). Four conversions: raw -> qcow2,
# qcow2 -> raw, raw -> vhd, vhd -> raw (the qcow2 and VHD sources are made once by qemu-img). Each pair runs RUNS
# times after one untimed round, alternating which tool goes first; every run writes a new file (the target is
# removed, `sync` run and SETTLE seconds waited before each one, outside the timing). Wall time and peak RSS come
# from /usr/bin/time -v; the table shows the medians, and the best run of each tool of the durable pair.
#
# SETTLE is 0 by default. On a virtual machine whose balloon reports free pages to the host (virtio-balloon free
# page reporting; the header says whether it is on), the pages freed by removing the last output are handed back to
# the host about two seconds later, and a run that starts after that pays a host page fault on each page it then
# writes: runs of 0.9-1.7 s instead of 0.1-0.4 s, all of it kernel time, for either tool (SETTLE=3 puts every run
# there; SETTLE=1 about half of them, at random, which made the medians of earlier runs swing).
#
# Durability: xencfg flushes the new file to disk before renaming it into place (its default, DiskImageOptions
# .FlushToDisk). qemu-img convert's default cache mode (unsafe) never flushes; `-t writeback` flushes once at the
# end (one fdatasync). The like-for-like pairs are xencfg against `qemu-img convert -t writeback`, and
# `xencfg convert-image --no-flush` against qemu-img's default; the time xencfg spends in fsync is measured with
# strace -T in one extra run.
#
# On a machine shared with other work, both tools run at a raised CPU priority (nice -n $PRIORITY, -10 by default
# when run as root, 0 otherwise), so that the noise of other processes weighs less; it is the same for both tools.
#
#   tests/Xen.Hvm.Benchmarks/Anchors/compare-qemu-img.sh
#   XENCFG=/path/to/native/xencfg RUNS=5 SETTLE=1 ZEROS=written IMAGE_DIR=/var/tmp tests/Xen.Hvm.Benchmarks/Anchors/compare-qemu-img.sh
#
# Without XENCFG the script publishes samples/XenCfg as a native executable (dotnet publish -r linux-x64
# -p:PublishAot=true) and, if that fails, as a framework-dependent Release build (JIT: about 0.15 s and 30 MB more
# per run, the runtime's start-up), and says which it timed.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
runs=${RUNS:-5}
settle=${SETTLE:-0}
zeros=${ZEROS:-written}
priority=${PRIORITY:-$([ "$(id -u)" = 0 ] && echo -10 || echo 0)}

for tool in qemu-img /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "compare-qemu-img.sh: $tool is needed (apt-get install qemu-utils time)" >&2; exit 2; }
done

work=$(mktemp -d "${IMAGE_DIR:-/var/tmp}/compare-qemu-img.XXXXXX")
trap 'rm -rf "$work"' EXIT

xencfg=${XENCFG:-}
build=given
if [ -z "$xencfg" ]; then
  if dotnet publish "$root/samples/XenCfg" -c Release -r linux-x64 -p:PublishAot=true -o "$work/aot" -v q -nologo >"$work/publish.log" 2>&1; then
    xencfg=$work/aot/xencfg build="native AOT"
  else
    echo "compare-qemu-img.sh: the native AOT publish failed (see below); timing the JIT build instead" >&2
    grep -m3 -E ' error ' "$work/publish.log" >&2 || true
    dotnet publish "$root/samples/XenCfg" -c Release -o "$work/jit" -v q -nologo >/dev/null
    xencfg=$work/jit/xencfg build="JIT (framework-dependent)"
  fi
fi

src=$work/src
mkdir -p "$src"
head -c $((256 << 20)) /dev/urandom >"$src/image.raw"
if [ "$zeros" = hole ]; then
  truncate -s 1G "$src/image.raw"
else
  head -c $((768 << 20)) /dev/zero >>"$src/image.raw"
fi
qemu-img convert -O qcow2 "$src/image.raw" "$src/image.qcow2"
qemu-img convert -O vpc "$src/image.raw" "$src/image.vhd"
sync

out=$work/out
mkdir -p "$out"
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
best() { sort -g | head -1; }
# Runs one timed conversion into a new file; prints "wall_seconds rss_kib cpu_seconds" (cpu: user + system).
timed() {
  local target=$1
  shift
  rm -f "$target"
  sync
  sleep "$settle"
  /usr/bin/time -v -o "$work/time.txt" nice -n "$priority" "$@" >/dev/null 2>"$work/stderr.txt" || { cat "$work/stderr.txt" >&2; exit 1; }
  awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; w = s }
              /User time \(seconds\)/ { c += $2 } /System time \(seconds\)/ { c += $2 }
              /Maximum resident set size/ { r = $2 } END { printf "%.3f %d %.2f\n", w, r, c }' "$work/time.txt"
}

echo "date: $(date -u +%Y-%m-%dT%H:%MZ)"
# Feature bit 5 of a virtio balloon is VIRTIO_BALLOON_F_REPORTING (free page reporting).
reporting=$(cat /sys/bus/virtio/drivers/virtio_balloon/virtio*/features 2>/dev/null | awk '{ r = substr($0, 6, 1) == "1" ? "on" : r } END { print r == "" ? "off" : r }')
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg); free page reporting: $reporting; settle: ${settle} s"
echo "qemu-img: $(qemu-img --version | head -1); xencfg: $build; .NET SDK: $(dotnet --version 2>/dev/null || echo none)"
echo "source: 1 GiB, 256 MiB random + 768 MiB zeros ($zeros); $runs runs per tool, alternating, medians; nice $priority; file system: $(df -T "$work" | awk 'NR == 2 { print $2 }')"
echo
printf '| conversion | xencfg (fsync, rename) | qemu-img -t writeback (fdatasync) | xencfg / qemu-img -t writeback | best of the runs: xencfg / qemu-img -t writeback | xencfg --no-flush | qemu-img default (no flush) | xencfg --no-flush / qemu-img default | xencfg in fsync | CPU xencfg / qemu-img -t writeback | peak RSS xencfg / qemu-img | output sizes (xencfg / qemu-img) |\n'
printf '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n'
for pair in raw:qcow2 qcow2:raw raw:vhd vhd:raw; do
  from=${pair%%:*} to=${pair##*:}
  qfmt=$([ "$to" = vhd ] && echo vpc || echo "$to")
  ours=() theirs=() unsafe=() ours_unsafe=() ours_rss=() theirs_rss=() ours_cpu=() theirs_cpu=()
  # One untimed round first: the first run of each conversion paid for the source's pages (0.7-0.9 s for either
  # tool on tmpfs, against 0.1-0.3 s after), which is the machine's state, not the tool's work.
  for turn in x q; do
    case $turn in
      x) timed "$out/x.$to" "$xencfg" convert-image -f "$from" -O "$to" "$src/image.$from" "$out/x.$to" >/dev/null ;;
      q) timed "$out/q.$to" qemu-img convert -t writeback -f "$([ "$from" = vhd ] && echo vpc || echo "$from")" -O "$qfmt" "$src/image.$from" "$out/q.$to" >/dev/null ;;
    esac
  done
  for ((r = 0; r < runs; r++)); do
    for turn in $([ $((r % 2)) -eq 0 ] && echo "x q n u" || echo "u n q x"); do
      case $turn in
        x) read -r w m c < <(timed "$out/x.$to" "$xencfg" convert-image -f "$from" -O "$to" "$src/image.$from" "$out/x.$to"); ours+=("$w"); ours_rss+=("$m"); ours_cpu+=("$c") ;;
        q) read -r w m c < <(timed "$out/q.$to" qemu-img convert -t writeback -f "$([ "$from" = vhd ] && echo vpc || echo "$from")" -O "$qfmt" "$src/image.$from" "$out/q.$to"); theirs+=("$w"); theirs_rss+=("$m"); theirs_cpu+=("$c") ;;
        n) read -r w m c < <(timed "$out/n.$to" "$xencfg" convert-image --no-flush -f "$from" -O "$to" "$src/image.$from" "$out/n.$to"); ours_unsafe+=("$w") ;;
        u) read -r w m c < <(timed "$out/u.$to" qemu-img convert -f "$([ "$from" = vhd ] && echo vpc || echo "$from")" -O "$qfmt" "$src/image.$from" "$out/u.$to"); unsafe+=("$w") ;;
      esac
    done
  done

  # The outputs must hold the same disk, and the image formats must check clean.
  qemu-img compare -q -f "$qfmt" -F "$qfmt" "$out/x.$to" "$out/q.$to" || { echo "compare-qemu-img.sh: $from -> $to: the outputs differ" >&2; exit 1; }
  if [ "$to" = qcow2 ]; then qemu-img check -q "$out/x.$to" || { echo "compare-qemu-img.sh: qemu-img check failed on xencfg's qcow2" >&2; exit 1; }; fi

  fsync_s=n/a
  if command -v strace >/dev/null; then
    rm -f "$out/x.$to"; sync; sleep "$settle"
    strace -f -T -e trace=fsync,fdatasync -o "$work/strace.txt" "$xencfg" convert-image -f "$from" -O "$to" "$src/image.$from" "$out/x.$to" >/dev/null
    fsync_s=$(grep -oE '<[0-9.]+>' "$work/strace.txt" | tr -d '<>' | awk '{s += $1} END {printf "%.3f s", s}')
  fi

  xb=$(printf '%s\n' "${ours[@]}" | best) qb=$(printf '%s\n' "${theirs[@]}" | best)
  xm=$(printf '%s\n' "${ours[@]}" | median) qm=$(printf '%s\n' "${theirs[@]}" | median) um=$(printf '%s\n' "${unsafe[@]}" | median) nm=$(printf '%s\n' "${ours_unsafe[@]}" | median)
  xr=$(printf '%s\n' "${ours_rss[@]}" | median) qr=$(printf '%s\n' "${theirs_rss[@]}" | median)
  xc=$(printf '%s\n' "${ours_cpu[@]}" | median) qc=$(printf '%s\n' "${theirs_cpu[@]}" | median)
  sizes="$(stat -c %s "$out/x.$to") / $(stat -c %s "$out/q.$to")"
  awk -v name="$from → $to" -v xb="$xb" -v qb="$qb" -v xm="$xm" -v qm="$qm" -v um="$um" -v nm="$nm" -v xr="$xr" -v qr="$qr" -v f="$fsync_s" -v sz="$sizes" -v xc="$xc" -v qc="$qc" 'BEGIN {
    printf "| %s | %.2f s | %.2f s | %.2f | %.2f s / %.2f s (%.2f) | %.2f s | %.2f s | %.2f | %s | %.2f s / %.2f s | %.1f MB / %.1f MB | %s |\n", name, xm, qm, xm / qm, xb, qb, xb / qb, nm, um, nm / um, f, xc, qc, xr / 1024, qr / 1024, sz }'
  echo "  runs $from -> $to: xencfg ${ours[*]}; qemu-img -t writeback ${theirs[*]}; xencfg --no-flush ${ours_unsafe[*]}; qemu-img ${unsafe[*]}" >&2
done
echo
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
