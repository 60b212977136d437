#!/usr/bin/env bash
# Builds sasquatch (devttys0/sasquatch: squashfs-tools 4.3 patched for vendor squashfs magics and LZMA layouts)
# from source into target/sasquatch/bin/sasquatch, so that scripts/bench-unpack.sh can compare iotb's unpacking
# with binwalk + sasquatch. On demand only, never in CI: it clones a repository and downloads the squashfs-tools
# 4.3 tarball, which the tests must not depend on.
#   scripts/build-sasquatch.sh                 build (the apt build dependencies must be installed, see below)
#   INSTALL_DEPS=1 scripts/build-sasquatch.sh  apt-get install them first (needs root)
# Overrides: SASQUATCH_REPO (git URL), SASQUATCH_DIR (where to build), SQUASHFS_TARBALL (URL or local file of
# squashfs4.3.tar.gz). Prints the binary's path on success.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dest=${SASQUATCH_DIR:-$root/target/sasquatch}
repo=${SASQUATCH_REPO:-https://github.com/devttys0/sasquatch.git}
tarball=${SQUASHFS_TARBALL:-https://downloads.sourceforge.net/project/squashfs/squashfs/squashfs4.3/squashfs4.3.tar.gz}
deps=(build-essential git wget patch liblzma-dev liblzo2-dev zlib1g-dev)

missing=()
for p in "${deps[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if ((${#missing[@]})); then
    if [[ ${INSTALL_DEPS:-0} == 1 ]]; then
        apt-get update -q && apt-get install -y -q "${missing[@]}"
    else
        echo "missing build dependencies: ${missing[*]} (apt-get install them, or rerun with INSTALL_DEPS=1)" >&2
        exit 2
    fi
fi

mkdir -p "$dest/bin"
src="$dest/src"
[[ -d "$src/.git" ]] || git clone --depth 1 "$repo" "$src"
work="$dest/build"
rm -rf "$work" && mkdir -p "$work"
if [[ -f "$tarball" ]]; then cp "$tarball" "$work/squashfs4.3.tar.gz"; else wget -q -O "$work/squashfs4.3.tar.gz" "$tarball"; fi
tar -xzf "$work/squashfs4.3.tar.gz" -C "$work"
# the repository's build.sh does the same, then `sudo make install`; we keep the binary in target/ instead
(cd "$work/squashfs4.3" && patch -p0 -s < "$src/patches/patch0.txt")
# GCC 10+ rejects the tentative definitions squashfs-tools 4.3 shares between files (-fcommon restores the old
# behaviour); newer compilers also warn where 2014 code did not, so warnings are not errors here
make -s -C "$work/squashfs4.3/squashfs-tools" -j"$(nproc)" EXTRA_CFLAGS="-fcommon -Wno-error" sasquatch
cp "$work/squashfs4.3/squashfs-tools/sasquatch" "$dest/bin/sasquatch"
echo "$dest/bin/sasquatch"
