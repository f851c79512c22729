#!/usr/bin/env bash
# Installs the release binary of the action's own ref into CLI_DIR, if that release exists:
# download onboard-<tag>-<rid>.tar.gz and SHA256SUMS, check the archive's SHA-256 against it,
# check its build provenance with `gh attestation verify` where the gh CLI is installed, and check
# that the binary was built from the pinned commit. Writes found=true|false to $GITHUB_OUTPUT.
#
# found=false (the action then builds the CLI from its sources) when there is no release for the
# ref: `uses: ./`, a branch, a commit that is not the release of the version its sources declare,
# a server without releases, no archive for this platform. An archive that does not match
# SHA256SUMS or its attestation fails the step: it is never run, and nothing falls back.
#
# Env: ACTION_PATH, ACTION_REPOSITORY (owner/repo), ACTION_REF (tag or 40-hex commit), CLI_DIR,
# CLI_RID; optional GH_TOKEN (for gh), ONBOARD_RELEASE_BASE_URL (default
# $GITHUB_SERVER_URL/<owner>/<repo>/releases/download, e.g. a mirror).
set -euo pipefail

: "${ACTION_PATH:?}" "${CLI_DIR:?}" "${CLI_RID:?}" "${GITHUB_OUTPUT:?}"
repository=${ACTION_REPOSITORY:-}
ref=${ACTION_REF:-}

found() { printf 'found=%s\n' "$1" >> "$GITHUB_OUTPUT"; }
from_source() {
  echo "onboard action: $1; building the CLI from the action's sources"
  found false
  exit 0
}
refuse() {
  printf '::error title=onboard action::%s\n' "$1"
  exit 1
}

# A cache restore already put a CLI there; the marker says whether it is a release binary
# (self-contained) or a build from source (which needs the .NET runtime).
if [ -x "$CLI_DIR/onboard" ]; then
  if [ -f "$CLI_DIR/.release" ]; then found true; else found false; fi
  exit 0
fi

[ -n "$repository" ] && [ -n "$ref" ] || from_source "the action runs from the workspace (uses: ./), not from a release"
[[ $repository =~ ^[A-Za-z0-9][A-Za-z0-9-]*/[A-Za-z0-9._-]+$ ]] || from_source "'$repository' is not an owner/repository name"
commit=
if [[ $ref =~ ^v[0-9]+\.[0-9]+\.[0-9]+$ ]]; then
  tag=$ref
elif [[ $ref =~ ^[0-9a-f]{40}$ ]]; then
  # A release is tagged v<VersionPrefix> of the sources it was built from (release.yml checks it).
  version=$(sed -nE 's#.*<VersionPrefix>([0-9]+\.[0-9]+\.[0-9]+)</VersionPrefix>.*#\1#p' \
    "$ACTION_PATH/src/Onboarding.Cli/Onboarding.Cli.csproj" | head -n 1)
  [ -n "$version" ] || from_source "the action's sources declare no version"
  tag=v$version
  commit=$ref
else
  from_source "ref '$ref' is a branch or a tag that names no release"
fi

base=${ONBOARD_RELEASE_BASE_URL:-${GITHUB_SERVER_URL:-https://github.com}/$repository/releases/download}
archive_name="onboard-$tag-$CLI_RID.tar.gz"
work=$(mktemp -d "${RUNNER_TEMP:-${TMPDIR:-/tmp}}/onboard-release.XXXXXX")
trap 'rm -rf -- "$work"' EXIT

download() {
  curl --fail --silent --show-error --location --proto '=https,http' --retry 3 --retry-connrefused \
    --connect-timeout 10 --max-time 300 --output "$2" -- "$1" 2> "$work/curl.err"
}

download "$base/$tag/SHA256SUMS" "$work/SHA256SUMS" ||
  from_source "no release $tag of $repository ($(tr -d '\n' < "$work/curl.err"))"
expected=$(awk -v name="$archive_name" '$2 == name || $2 == "*" name { print $1; exit }' "$work/SHA256SUMS")
[ -n "$expected" ] || from_source "release $tag has no $archive_name"
download "$base/$tag/$archive_name" "$work/$archive_name" ||
  from_source "release $tag: $archive_name did not download ($(tr -d '\n' < "$work/curl.err"))"

actual=$(sha256sum -- "$work/$archive_name" | cut -c1-64)
[ "$actual" = "$expected" ] ||
  refuse "$archive_name of release $tag has SHA-256 $actual, but the release's SHA256SUMS says $expected; refusing to run it (a tampered or corrupted download)"
echo "onboard action: $archive_name matches SHA256SUMS of release $tag ($actual)"

if command -v gh > /dev/null 2>&1; then
  gh attestation verify "$work/$archive_name" --repo "$repository" > "$work/gh.out" 2>&1 ||
    refuse "$archive_name of release $tag has no valid build-provenance attestation from $repository: $(tail -n 3 "$work/gh.out" | tr '\n' ' ')"
  echo "onboard action: build provenance verified (gh attestation verify --repo $repository)"
else
  echo "onboard action: gh CLI not installed; build provenance not verified (the SHA-256 was)"
fi

mkdir -p -- "$work/unpacked"
tar -xzf "$work/$archive_name" -C "$work/unpacked" --no-same-owner -- onboard ||
  refuse "$archive_name of release $tag holds no 'onboard' binary"
[ -f "$work/unpacked/onboard" ] && [ ! -L "$work/unpacked/onboard" ] || refuse "$archive_name: 'onboard' is not a regular file"
chmod +x -- "$work/unpacked/onboard"

if [ -n "$commit" ]; then
  built=$("$work/unpacked/onboard" --version 2>/dev/null || true)
  [[ $built == *"(commit $commit,"* ]] ||
    from_source "release $tag was not built from $commit (it says: ${built:-nothing})"
fi

mkdir -p -- "$CLI_DIR"
mv -- "$work/unpacked/onboard" "$CLI_DIR/onboard"
printf '%s %s\n' "$tag" "$actual" > "$CLI_DIR/.release"
echo "onboard action: using release $tag ($CLI_RID)"
found true
