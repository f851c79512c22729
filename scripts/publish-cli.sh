#!/usr/bin/env bash
# Publishes the onboard CLI into OUT_DIR.
#   usage: scripts/publish-cli.sh SOURCE_ROOT OUT_DIR [RID]
#   PUBLISH_MODE=aot (default): one self-contained Native AOT binary, what a release ships; needs
#     the native toolchain of RID's OS (on Debian/Ubuntu: apt-get install clang zlib1g-dev) and
#     builds for the machine's own OS only. Trimming and AOT warnings fail the build.
#   PUBLISH_MODE=readytorun: framework-dependent, ReadyToRun; needs the .NET runtime to run, no
#     native toolchain to build.
#   PUBLISH_MODE=singlefile: one framework-dependent file; quick to build, the shape of a release
#     archive for tests on a machine with the .NET runtime.
#   ONBOARD_VERSION, ONBOARD_REPOSITORY (owner/repo), ONBOARD_COMMIT (40-hex): what `onboard
#     --version` reports and `onboard init` writes; by default the commit and GitHub remote of
#     SOURCE_ROOT when it is a git clone, else empty.
# The sources are copied to a scratch folder first: a restore for a runtime identifier rewrites
# packages.lock.json and drops bin/ and obj/ folders, and neither the caller's checkout (the
# action's workspace) nor a developer's work tree (the benchmark) should end up modified.
set -euo pipefail

[ $# -ge 2 ] || { echo "usage: $0 SOURCE_ROOT OUT_DIR [RID]" >&2; exit 2; }
src_root=$(cd -- "$1" && pwd -P)
out_dir=$2
rid=${3:-linux-x64}
mode=${PUBLISH_MODE:-aot}

[ -f "$src_root/src/Onboarding.Cli/Onboarding.Cli.csproj" ] || {
  echo "error: $src_root/src/Onboarding.Cli/Onboarding.Cli.csproj not found" >&2
  exit 1
}

# The scratch copy has no .git: read the provenance here, from SOURCE_ROOT's own clone only.
commit=${ONBOARD_COMMIT:-}
repository=${ONBOARD_REPOSITORY:-}
if [ "$(git -C "$src_root" rev-parse --show-toplevel 2>/dev/null || true)" = "$src_root" ]; then
  [ -n "$commit" ] || commit=$(git -C "$src_root" rev-parse --verify HEAD 2>/dev/null || true)
  if [ -z "$repository" ]; then
    remote=$(git -C "$src_root" remote get-url origin 2>/dev/null || true)
    if [[ $remote =~ ^(https://|ssh://git@|git@)github\.com[:/]([A-Za-z0-9-]+/[A-Za-z0-9._-]+)/?$ ]]; then
      repository=${BASH_REMATCH[2]%.git}
    fi
  fi
fi
properties=(-p:OnboardCommit="$commit" -p:OnboardRepository="$repository")
[ -z "${ONBOARD_VERSION:-}" ] || properties+=(-p:Version="$ONBOARD_VERSION")

if [ "$mode" = aot ] && [[ $rid == linux-* ]] && ! command -v clang > /dev/null; then
  echo "error: PUBLISH_MODE=aot needs clang and zlib1g-dev (apt-get install -y clang zlib1g-dev), or set PUBLISH_MODE=readytorun" >&2
  exit 1
fi

case "$mode" in
  readytorun) properties+=(--self-contained false -p:PublishReadyToRun=true) ;;
  # TreatWarningsAsErrors (Directory.Build.props) makes the trim and AOT analyzers and the native
  # compiler fail on any warning; it is repeated here so the shipped form never depends on it.
  aot) properties+=(--self-contained true -p:PublishAot=true -p:TreatWarningsAsErrors=true -p:StripSymbols=true -p:DebugType=none) ;;
  singlefile) properties+=(--self-contained false -p:PublishSingleFile=true -p:DebugType=none) ;;
  *) echo "error: PUBLISH_MODE must be readytorun, aot or singlefile; got '$mode'" >&2; exit 2 ;;
esac

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
dotnet publish "$scratch/src/Onboarding.Cli" -c Release -r "$rid" "${properties[@]}" -o "$out_dir" --nologo

binary=onboard
[[ $rid != win-* ]] || binary=onboard.exe
[ -x "$out_dir/$binary" ] || { echo "error: publish produced no $out_dir/$binary" >&2; exit 1; }
