#!/usr/bin/env bash
# Rewrites src/Xen.Hvm/PublicAPI.Unshipped.txt from the code: every public member that PublicAPI.Shipped.txt does not
# list, in the analyzer's order. Run it after a merge that adds, changes or removes public API (a conflict in
# PublicAPI.Unshipped.txt included: take either side, then run this), and commit the result:
#   bash .ci/update-public-api.sh && git add src/Xen.Hvm/PublicAPI.Unshipped.txt
# It starts from an empty Unshipped file, so lines of removed API (RS0017) go too, then lets the analyzer's code fix
# for RS0016 (Microsoft.CodeAnalysis.PublicApiAnalyzers) add every missing line, and checks that the library then builds.
# With --check it changes nothing and fails if the file is not what the code gives.
set -euo pipefail
cd "$(dirname "$0")/.."
project=src/Xen.Hvm/Xen.Hvm.csproj
unshipped=src/Xen.Hvm/PublicAPI.Unshipped.txt

check=false
[ "${1:-}" = "--check" ] && check=true
saved=$(mktemp)
cp "$unshipped" "$saved"
trap 'rm -f "$saved"' EXIT

printf '#nullable enable\n' > "$unshipped"
# The code fix adds each line at its place; dotnet format applies it for both target frameworks (whose surfaces are
# the same: a line only one of them had would show as a build error below).
dotnet format analyzers "$project" --diagnostics RS0016 --severity warn --no-restore >/dev/null ||
  dotnet format analyzers "$project" --diagnostics RS0016 --severity warn
# Keep one stable order whatever the code fix did (ordinal, ignoring case, as the analyzer writes it).
{ head -n 1 "$unshipped"; tail -n +2 "$unshipped" | LC_ALL=C sort -f | uniq; } > "$unshipped.tmp" && mv "$unshipped.tmp" "$unshipped"

if $check; then
  if ! cmp -s "$saved" "$unshipped"; then
    diff -u "$saved" "$unshipped" | head -n 40 >&2 || true
    cp "$saved" "$unshipped"
    echo "error: $unshipped is not what the code gives: run bash .ci/update-public-api.sh and commit the result" >&2
    exit 1
  fi
  echo "public API files are up to date"
  exit 0
fi
dotnet build "$project" -c Debug --no-restore -v quiet -nologo >/dev/null || {
  echo "error: the library does not build with the new $unshipped (dotnet build $project shows why)" >&2; exit 1; }
git diff --stat -- "$unshipped" 2>/dev/null || true
