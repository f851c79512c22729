#!/usr/bin/env bash
# Publishes the onboard CLI (framework-dependent, ReadyToRun) into OUT_DIR.
#   usage: scripts/publish-cli.sh SOURCE_ROOT OUT_DIR [RID]
# The sources are copied to a scratch folder first: a restore for a runtime identifier rewrites
# packages.lock.json and drops bin/ and obj/ folders, and neither the caller's checkout (the
# action's workspace) nor a developer's work tree (the benchmark) should end up modified.
set -euo pipefail

[ $# -ge 2 ] || { echo "usage: $0 SOURCE_ROOT OUT_DIR [RID]" >&2; exit 2; }
src_root=$(cd -- "$1" && pwd -P)
out_dir=$2
rid=${3:-linux-x64}

[ -f "$src_root/src/Onboarding.Cli/Onboarding.Cli.csproj" ] || {
  echo "error: $src_root/src/Onboarding.Cli/Onboarding.Cli.csproj not found" >&2
  exit 1
}

scratch=$(mktemp -d "${RUNNER_TEMP:-${TMPDIR:-/tmp}}/onboard-src.XXXXXX")
trap 'rm -rf -- "$scratch"' EXIT

mkdir -p -- "$scratch/src"
(cd -- "$src_root/src" && find . -type f -not -path '*/bin/*' -not -path '*/obj/*' -print0 |
  tar --null -T - -cf -) | tar -xf - -C "$scratch/src"
for f in "$src_root"/Directory.*.props "$src_root"/Directory.*.targets "$src_root"/global.json \
         "$src_root"/NuGet.config "$src_root"/nuget.config "$src_root"/NuGet.Config; do
  [ -f "$f" ] && cp -- "$f" "$scratch/"
done

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
mkdir -p -- "$out_dir"
dotnet publish "$scratch/src/Onboarding.Cli" \
  -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true \
  -o "$out_dir" --nologo

[ -x "$out_dir/onboard" ] || { echo "error: publish produced no $out_dir/onboard" >&2; exit 1; }
