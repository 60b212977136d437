#!/bin/sh
# Regenerates the committed Jazzer regression inputs (small valid images) under
# src/test/resources/org/iotb/fs/flash/fuzz/FlashFuzzTestInputs/. Needs mtd-utils and a prior
# `./mvnw -o -pl iotb-fs-flash test-compile` (for the YAFFS2 seed writer). Run from the module directory.
set -eu
R=src/test/resources/org/iotb/fs/flash/fuzz/FlashFuzzTestInputs
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
mkdir -p "$T/tree/sub" "$R/jffs2" "$R/ubi" "$R/ubifs" "$R/yaffs2"
printf 'root:x:0:0::/root:/bin/sh\n' > "$T/tree/sub/passwd"
ln -s sub/passwd "$T/tree/link"
ln "$T/tree/sub/passwd" "$T/tree/hard"
printf 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaabbbbbbbbbbbbbbbbb\n' > "$T/tree/comp"
mkfs.jffs2 -r "$T/tree" -o "$R/jffs2/tiny-le" -l
mkfs.jffs2 -r "$T/tree" -o "$R/jffs2/tiny-be-rtime" -b -x zlib
mkfs.jffs2 -r "$T/tree" -o "$R/jffs2/tiny-lzo" -l -X lzo
mkfs.ubifs -r "$T/tree" -m 512 -e 15360 -c 32 -x zlib -o "$R/ubifs/tiny-zlib"
head -c 1500 /dev/urandom > "$T/static.bin"
cat > "$T/ubi.ini" <<INI
[k]
mode=ubi
image=$T/static.bin
vol_id=0
vol_type=static
vol_name=kernel
[d]
mode=ubi
image=$T/tree/comp
vol_id=3
vol_type=dynamic
vol_size=4KiB
vol_name=data
INI
ubinize -o "$R/ubi/tiny-1k" -p 1KiB -m 64 -s 64 "$T/ubi.ini"
java -cp target/test-classes:target/classes org.iotb.fs.flash.yaffs2.Yaffs2Seeds "$R/yaffs2/tiny-be"
