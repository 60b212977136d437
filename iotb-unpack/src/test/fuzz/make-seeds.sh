#!/bin/sh
# Regenerates the small valid seed inputs of FormatFuzzTest with Debian's real tools. The regression corpus
# (FormatFuzzTestInputs/<method>/) holds these seeds plus every input fuzzing ever found a problem with;
# `mvn test` replays all of them. Run from anywhere: sh iotb-unpack/src/test/fuzz/make-seeds.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
dst="$here/../resources/org/iotb/unpack/formats/FormatFuzzTestInputs"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
mkdir -p t/etc t/bin
printf 'root:x:0:0::/root:/bin/sh\n' > t/etc/passwd
printf 'hello hello hello hello\n' > t/bin/hello
ln -s hello t/bin/link
seed() { mkdir -p "$dst/$1"; cp "$2" "$dst/$1/seed-$(basename "$2")"; }
printf 'iotb fuzz seed data, iotb fuzz seed data\n' > plain
gzip -9 -c plain > plain.gz;   seed gzip plain.gz
xz -c plain > plain.xz;        seed xz plain.xz
lzma -c plain > plain.lzma;    seed lzma plain.lzma
bzip2 -c plain > plain.bz2;    seed bzip2 plain.bz2
zstd -q -c plain > plain.zst;  seed zstd plain.zst
lz4 -q -c plain > plain.lz4;   seed lz4 plain.lz4
lz4 -q -l -c plain > legacy.lz4; seed lz4Legacy legacy.lz4
lzop -c plain > plain.lzo;     seed lzo plain.lzo
(cd t && tar --format=gnu -cf ../t.tar .);  seed tar t.tar
for f in newc crc odc bin; do (cd t && find . | cpio --quiet -o -H $f > ../t-$f.cpio); seed cpio t-$f.cpio; done
(cd t && zip -qry ../t.zip .);  seed zip t.zip
(cd t && 7z a -bd -bso0 ../t.7z etc) ; seed sevenZip t.7z
mkimage -q -A arm -O linux -T kernel -C gzip -a 0 -e 0 -n seed -d plain.gz uImage; seed uimage uImage
printf '/dts-v1/;\n/ { model = "seed"; compatible = "iotb,seed"; node { reg = <1 2>; }; };\n' > b.dts
dtc -q -I dts -O dtb -o b.dtb b.dts; seed dtb b.dtb
printf '/dts-v1/;\n/ { description = "seed"; images { k { data = /incbin/("plain.gz"); compression = "gzip"; }; }; };\n' > f.its
dtc -q -I dts -O dtb -o f.itb f.its; seed fit f.itb
dd if=/dev/zero of=raw.img bs=4096 count=4 status=none; dd if=plain of=raw.img conv=notrunc status=none
img2simg raw.img sparse.img; seed androidSparse sparse.img
objcopy -I binary -O ihex plain plain.hex; seed ihex plain.hex
objcopy -I binary -O srec plain plain.srec; seed srec plain.srec
printf 'bootcmd=bootm\nbootdelay=3\n' > env.txt; mkenvimage -s 0x400 -o env.bin env.txt; seed ubootEnv env.bin
# TRX and Android boot images have no Debian tool: hand-built headers
python3 - "$dst" <<'PY'
import os, struct, sys, zlib
dst = sys.argv[1]
body = bytearray(struct.pack('<HH3I', 0, 1, 28, 28 + 64, 0)) + bytes(64) + b'rootfs' * 10
total = 12 + len(body)
crc = (~zlib.crc32(bytes(body)) ) & 0xffffffff
trx = b'HDR0' + struct.pack('<II', total, crc) + bytes(body)
os.makedirs(f'{dst}/trx', exist_ok=True); open(f'{dst}/trx/seed-trx.bin', 'wb').write(trx)
page = 2048
hdr = b'ANDROID!' + struct.pack('<10I', 16, 0x8000, 8, 0x1000000, 0, 0, 0x100, page, 0, 0)
hdr += b'seed'.ljust(16, b'\0') + b'console=ttyS0'.ljust(512, b'\0') + bytes(32) + bytes(1024)
img = hdr.ljust(page, b'\0') + b'KERNEL!!'.ljust(page, b'\0') + b'RAMDISK!'.ljust(page, b'\0')
os.makedirs(f'{dst}/androidBoot', exist_ok=True); open(f'{dst}/androidBoot/seed-boot.img', 'wb').write(img)
PY
echo "seeds written to $dst"
