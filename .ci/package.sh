#!/usr/bin/env bash
# The packages as a user gets them: packs Xen.Hvm (+ .snupkg) and the xencfg tool into the folder feed nuget/out,
# checks what the package carries, builds and runs tests/Xen.Hvm.PackageConsumer against the package (net10.0 and
# net8.0), and installs xencfg from the feed into a scratch tool path and runs it. Exit code 0 when all of it worked.
set -euo pipefail
cd "$(dirname "$0")/.."
feed=nuget/out
rm -rf "$feed"
mkdir -p "$feed"

echo "package: packing Xen.Hvm and xencfg into $feed"
dotnet pack src/Xen.Hvm/Xen.Hvm.csproj -c Release -o "$feed" -nologo -v quiet
dotnet pack samples/XenCfg/XenCfg.csproj -c Release -o "$feed" -nologo -v quiet

nupkg=$(ls "$feed"/Xen.Hvm.*.nupkg)
version=${nupkg#"$feed"/Xen.Hvm.}; version=${version%.nupkg}
[ -f "$feed/Xen.Hvm.$version.snupkg" ] || { echo "package: no Xen.Hvm.$version.snupkg" >&2; exit 1; }
[ -f "$feed/xencfg.$version.nupkg" ] || { echo "package: no xencfg.$version.nupkg" >&2; exit 1; }

# What the package must carry: readme, icon, license expression, project and repository URLs (with the commit), the
# analyzer, both frameworks' assemblies with their XML docs, and PDBs in the symbols package whose SourceLink points
# at the repository at that commit.
python3 - "$feed" "$version" <<'PY'
import re, sys, zipfile
feed, version = sys.argv[1], sys.argv[2]
problems = []
with zipfile.ZipFile(f"{feed}/Xen.Hvm.{version}.nupkg") as z:
    names = set(z.namelist())
    nuspec = z.read("Xen.Hvm.nuspec").decode("utf-8")
    for need in ["README.md", "icon.png", "analyzers/dotnet/cs/Xen.Hvm.Analyzers.dll"] + \
                [f"lib/{tfm}/Xen.Hvm.{ext}" for tfm in ("net8.0", "net10.0") for ext in ("dll", "xml")]:
        if need not in names:
            problems.append(f"nupkg lacks {need}")
    for pattern in [r'<license type="expression">MIT</license>', r"<readme>README.md</readme>", r"<icon>icon.png</icon>",
                    r"<projectUrl>https://github.com/", r'<repository type="git" url="https://github.com/[^"]+" [^>]*commit="[0-9a-f]{40}"']:
        if not re.search(pattern, nuspec):
            problems.append(f"nuspec lacks {pattern}")
    commit = re.search(r'commit="([0-9a-f]{40})"', nuspec)
    # The XML docs document the API only (Directory.Build.targets drops the implementation's entries).
    for tfm in ("net8.0", "net10.0"):
        docs = z.read(f"lib/{tfm}/Xen.Hvm.xml").decode("utf-8")
        entries = re.findall(r'<member name="([^"]+)"', docs)
        internal = [e for e in entries if ".Internal." in e or "RegularExpressions.Generated" in e]
        if len(entries) < 1000 or internal:
            problems.append(f"{tfm} XML docs: {len(entries)} entries, {len(internal)} of the implementation (e.g. {internal[:2]})")
with zipfile.ZipFile(f"{feed}/Xen.Hvm.{version}.snupkg") as z:
    for tfm in ("net8.0", "net10.0"):
        pdb = z.read(f"lib/{tfm}/Xen.Hvm.pdb")
        link = re.search(rb'\{"documents":\{"[^"]*":"(https://raw\.githubusercontent\.com/[^"]+)"', pdb)
        if not link:
            problems.append(f"{tfm} PDB has no SourceLink to GitHub")
        elif commit and commit.group(1).encode() not in link.group(1):
            problems.append(f"{tfm} PDB SourceLink is not at commit {commit.group(1)}: {link.group(1).decode()}")
        if b"/_/" not in pdb:
            problems.append(f"{tfm} PDB has machine paths (the build was not deterministic: ContinuousIntegrationBuild)")
with zipfile.ZipFile(f"{feed}/xencfg.{version}.nupkg") as z:
    names = z.namelist()
    if not any(n.endswith("/DotnetToolSettings.xml") for n in names):
        problems.append("xencfg package is not a dotnet tool")
    if "icon.png" not in names or "README.md" not in names:
        problems.append("xencfg package lacks its icon or readme")
for p in problems:
    print("package: " + p, file=sys.stderr)
sys.exit(1 if problems else 0)
PY
echo "package: Xen.Hvm $version carries readme, icon, license, URLs, XML docs of the public API for net8.0 and net10.0, SourceLink"

consumer=tests/Xen.Hvm.PackageConsumer
rm -rf "$consumer/.packages" "$consumer/bin" "$consumer/obj"
for tfm in net10.0 net8.0; do
  dotnet run --project "$consumer" -f "$tfm" -p:XenHvmVersion="$version" -nologo
done

# xencfg as a dotnet tool, from the feed, into a scratch tool path (and a scratch package cache: a fresh pack of the
# same version must be the one installed).
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
NUGET_PACKAGES="$scratch/packages" dotnet tool install xencfg --tool-path "$scratch/tools" --add-source "$feed" --version "$version" >/dev/null
"$scratch/tools/xencfg" --version
out=$("$scratch/tools/xencfg" check samples/configs/winxp-hvm.cfg)
[ "$out" = "samples/configs/winxp-hvm.cfg: xl, 21 settings, no problems" ] || { echo "package: the installed xencfg printed: $out" >&2; exit 1; }
echo "package: the installed xencfg tool runs: $out"
