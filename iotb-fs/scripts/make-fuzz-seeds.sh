#!/bin/sh
# Regenerates the committed fuzzing seed corpus of iotb-fs (small valid images of every format).
# Needs: squashfs-tools, util-linux-extra (mkfs.cramfs), genromfs, genext2fs, e2fsprogs.
set -eu
cd "$(dirname "$0")/.."
OUT=src/test/resources/org/iotb/fs/fuzz/ReaderFuzzTestInputs
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$TMP/t/dir/sub"
printf 'hello world\n' > "$TMP/t/a.txt"
head -c 5000 /dev/zero | tr '\0' 'z' > "$TMP/t/dir/zeds"
printf 'x' > "$TMP/t/dir/sub/one"
ln -s ../a.txt "$TMP/t/dir/link"
ln "$TMP/t/a.txt" "$TMP/t/hard"
mkdir -p "$OUT/squashfs" "$OUT/cramfs" "$OUT/romfs" "$OUT/ext"
for c in gzip xz lzma lzo lz4 zstd; do
  mksquashfs "$TMP/t" "$OUT/squashfs/seed-$c.sqfs" -comp "$c" -b 4096 -noappend -quiet -no-progress \
    -mkfs-time 0 -all-time 0 -all-root >/dev/null
done
mkfs.cramfs -N little "$TMP/t" "$OUT/cramfs/seed-le.cramfs" >/dev/null
mkfs.cramfs -N big "$TMP/t" "$OUT/cramfs/seed-be.cramfs" >/dev/null
genromfs -f "$OUT/romfs/seed.romfs" -d "$TMP/t" -V seed
genext2fs -b 64 -N 32 -d "$TMP/t" "$OUT/ext/seed-ext2.img"
mke2fs -q -F -t ext4 -b 1024 -N 32 -O ^has_journal,inline_data -I 256 -d "$TMP/t" "$OUT/ext/seed-ext4.img" 128K
ls -l "$OUT"/*
