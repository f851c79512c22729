#!/usr/bin/env bash
# Packs one published CLI into the archive a release ships: onboard-TAG-RID.tar.gz holding the
# single `onboard` binary (`onboard.exe` for win-*), byte-for-byte reproducible.
#   usage: scripts/release/package.sh TAG RID BIN_DIR OUT_DIR
# The release workflow runs it after `PUBLISH_MODE=aot scripts/publish-cli.sh`; then
# scripts/release/checksums.sh writes SHA256SUMS over every archive.
set -euo pipefail

[ $# -eq 4 ] || { echo "usage: $0 TAG RID BIN_DIR OUT_DIR" >&2; exit 2; }
tag=$1 rid=$2 bin_dir=$3 out_dir=$4
[[ $tag =~ ^v[0-9]+\.[0-9]+\.[0-9]+$ ]] || { echo "error: TAG must look like v1.2.3; got '$tag'" >&2; exit 2; }
[[ $rid =~ ^(linux|osx|win)-(x64|arm64)$ ]] || { echo "error: RID must be linux|osx|win-x64|arm64; got '$rid'" >&2; exit 2; }

binary=onboard
[[ $rid != win-* ]] || binary=onboard.exe
[ -f "$bin_dir/$binary" ] || { echo "error: no $bin_dir/$binary to package" >&2; exit 1; }

mkdir -p -- "$out_dir"
archive="$out_dir/onboard-$tag-$rid.tar.gz"
# Fixed owner and time: the same binary always gives the same archive and checksum. macOS has
# BSD tar, which lacks GNU tar's options; one file needs no ordering, so it goes without them.
if tar --version 2>/dev/null | grep -q 'GNU tar'; then
  tar --mtime=@0 --owner=0 --group=0 --numeric-owner --mode='u+rwX,go+rX,go-w' -C "$bin_dir" -cf - "$binary"
else
  tar --uid 0 --gid 0 -C "$bin_dir" -cf - "$binary"
fi | gzip -9 -n > "$archive"
echo "$archive"
