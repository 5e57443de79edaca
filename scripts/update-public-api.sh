#!/usr/bin/env bash
# Rewrites each runtime package's PublicAPI.Unshipped.txt from its code, so that the public API tracked by
# Microsoft.CodeAnalysis.PublicApiAnalyzers matches what the package declares (generated types included).
# Run it after an intended change to a public API (or after merging branches that change some), then review
# the diff of PublicAPI.*.txt like code: every added, changed or removed line is a change users see.
#
#   scripts/update-public-api.sh                 every project under runtime/
#   scripts/update-public-api.sh MatterGen.Node  only the named projects (folder names under runtime/)
#
# How: PublicAPI.Unshipped.txt is reset to its header (keeping its *REMOVED* lines) and filled again by the
# analyzer's own code fix for RS0016 ("symbol is not part of the declared API"), applied by
# `dotnet format analyzers`. PublicAPI.Shipped.txt is never touched: an API that disappears from it is a
# breaking change, which the build reports as RS0017 and this script lists at the end for a person to decide
# (put `*REMOVED*<the line>` into PublicAPI.Unshipped.txt, or bring the API back).
# Needs the .NET SDK only; takes about a minute per project.
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
header='#nullable enable'

if [ $# -gt 0 ]; then
  projects=()
  for name in "$@"; do projects+=("runtime/$name/$name.csproj"); done
else
  mapfile -t projects < <(ls runtime/*/*.csproj)
fi

# The generator is an analyzer of the runtime projects: the workspace loads it from its build output.
dotnet build generator/MatterGen.Generator/MatterGen.Generator.csproj -nologo -v q

for project in "${projects[@]}"; do
  [ -f "$project" ] || { echo "No such project: $project" >&2; exit 1; }
  dir=$(dirname "$project")
  [ -f "$dir/PublicAPI.Shipped.txt" ] || echo "$header" > "$dir/PublicAPI.Shipped.txt"
  removed=$(grep '^\*REMOVED\*' "$dir/PublicAPI.Unshipped.txt" 2>/dev/null || true)
  { echo "$header"; [ -n "$removed" ] && echo "$removed"; } > "$dir/PublicAPI.Unshipped.txt"

  echo "== $project"
  # --severity info: the analyzer's own severity is "warning" (the build turns it into an error), and
  # dotnet format skips diagnostics below the severity asked for, so "error" would fix nothing; the
  # generated server and cluster types are public API too (--include-generated).
  dotnet format analyzers "$project" --diagnostics RS0016 --severity info --include-generated -v q
done

# What the code fix cannot decide: shipped APIs that are gone (RS0017), or anything else the analyzer reports.
# One build of all the projects at once (a throwaway traversal project), not one build per project.
echo "== checking"
traversal=$(mktemp --suffix=.proj)
trap 'rm -f "$traversal"' EXIT
{
  echo '<Project><ItemGroup>'
  for project in "${projects[@]}"; do echo "<Checked Include=\"$PWD/$project\" />"; done
  echo '</ItemGroup><Target Name="Build"><MSBuild Projects="@(Checked)" Targets="Build" BuildInParallel="true" /></Target></Project>'
} > "$traversal"
if ! out=$(dotnet msbuild "$traversal" -nologo -v:q 2>&1); then
  echo "$out" | grep -E 'error RS00[0-9]{2}' | sort -u || echo "$out" | tail -20
  echo "Some public API diagnostics are left (see above and DEVELOPERS.md, 'Public API')." >&2
  exit 1
fi
echo "Public API files are up to date; review: git diff -- 'runtime/*/PublicAPI.*.txt'"
