#!/usr/bin/env bash
# Writes DIR/SHA256SUMS (sha256sum format) over every release archive in DIR.
#   usage: scripts/release/checksums.sh DIR
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: $0 DIR" >&2; exit 2; }
cd -- "$1"
shopt -s nullglob
archives=(onboard-*.tar.gz)
[ ${#archives[@]} -gt 0 ] || { echo "error: no onboard-*.tar.gz in $1" >&2; exit 1; }
sha256sum -- "${archives[@]}" > SHA256SUMS
cat SHA256SUMS
