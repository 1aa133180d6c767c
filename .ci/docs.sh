#!/usr/bin/env bash
# The docs: runs every C# sample (docs/snippets, on its bundled fixtures), builds the DocFX site (API reference from
# the XML docs plus the articles) with warnings as errors.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
dotnet run --project docs/snippets/Xen.Hvm.Snippets.csproj -c Debug -nologo
rm -rf docs/_site docs/api
dotnet docfx docs/docfx.json --warningsAsErrors
