#!/usr/bin/env bash
# Computes the cache key of the published CLI and where it lives.
# hashFiles() cannot do this: it only sees files inside GITHUB_WORKSPACE (a remote action is
# checked out elsewhere) and rejects the "/./" that `uses: ./` puts into github.action_path.
set -euo pipefail

root=$(cd -- "$ACTION_PATH" && pwd -P)

file_hashes=$(
  cd -- "$root"
  {
    find src -type f -not -path '*/bin/*' -not -path '*/obj/*' -print0
    find . -maxdepth 1 -type f \( -name 'Directory.*.props' -o -name 'Directory.*.targets' \
      -o -name global.json \) -print0
    printf '%s\0' scripts/publish-cli.sh
  } | LC_ALL=C sort -z | xargs -0 --no-run-if-empty sha256sum --
)
digest=$(printf 'dotnet-version=%s\n%s\n' "$DOTNET_VERSION" "$file_hashes" | sha256sum | cut -c1-32)

case "${RUNNER_ARCH:-X64}" in
  X64) rid=linux-x64 ;;
  ARM64) rid=linux-arm64 ;;
  *) echo "::error title=onboard::unsupported runner architecture ${RUNNER_ARCH}" >&2; exit 1 ;;
esac
[ "${RUNNER_OS:-Linux}" = Linux ] || {
  echo "::error title=onboard::the onboarding action runs on Linux runners only" >&2
  exit 1
}

{
  printf 'key=onboard-cli-%s-%s-%s\n' "${RUNNER_OS:-Linux}" "$rid" "$digest"
  printf 'dir=%s\n' "${RUNNER_TEMP:?}/onboard-cli"
  printf 'rid=%s\n' "$rid"
} >> "${GITHUB_OUTPUT:?}"
