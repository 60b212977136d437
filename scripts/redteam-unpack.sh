#!/usr/bin/env bash
# Red-team replay of the unpacker (issue #20): generates a set of hostile images, runs `./iotb unpack` on each
# under LC_ALL=C with a wall-clock budget, and reports per image: exit code, wall time, peak RSS, files found,
# whether etc/shadow (planted after the hostile part) came out, limits the manifest says were hit, and
#   ESCAPE  any file written outside the output directory (the sandbox's victim dir must stay empty)
#   HANG    still running when the budget ran out
#   CRASH   an exit code other than 0/1/2, or a Java stack trace on stderr
# On demand, not in CI:  scripts/redteam-unpack.sh [budget-seconds]   (needs python3, GNU tar, cpio, zstd, lz4,
# gzip; the jar built with ./mvnw -q package -DskipTests). Prints a Markdown table for docs/benchmarks.md.
set -u
here=$(cd "$(dirname "$0")/.." && pwd)
budget=${1:-120}
work=$(mktemp -d /tmp/iotb-redteam.XXXXXX)
imgs="$work/images"
mkdir -p "$imgs"
trap 'rm -rf "$work"' EXIT

python3 - "$imgs" "$work" <<'PY'
import io, os, sys, tarfile, struct
imgs, work = sys.argv[1], sys.argv[2]
victim = os.path.join(work, "sandbox", "victim")
SHADOW = b"root:$6$redteam$hidden:19000:0:99999:7:::\n"

def tar_bytes(members, fmt=tarfile.PAX_FORMAT):
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=fmt, encoding="utf-8", errors="surrogateescape") as t:
        for name, kind, data in members:
            ti = tarfile.TarInfo(name)
            if kind == "file":
                ti.size = len(data); t.addfile(ti, io.BytesIO(data))
            elif kind == "symlink":
                ti.type = tarfile.SYMTYPE; ti.linkname = data; t.addfile(ti)
            elif kind == "dir":
                ti.type = tarfile.DIRTYPE; t.addfile(ti)
            elif kind in ("chr", "blk", "fifo"):
                ti.type = {"chr": tarfile.CHRTYPE, "blk": tarfile.BLKTYPE, "fifo": tarfile.FIFOTYPE}[kind]
                ti.devmajor, ti.devminor = 1, 3; t.addfile(ti)
    return buf.getvalue()

def write(name, data):
    with open(os.path.join(imgs, name), "wb") as f:
        f.write(data)

shadow = ("etc/shadow", "file", SHADOW)
# names of every Unicode class, plus bytes that are not UTF-8 at all
names = ["café.conf", "智能/配置.json", "😀/emoji.txt", "עברית/rtl.txt", "e\u0301combining", "zero\u200bwidth",
         "\u202eevil.txt", "ctrl\x01\x7fname", "bad-\udcff\udcfe-utf8", "latin1-\udce9t\udce9", "%41-percent",
         "a" * 255, "b" * 300, "/".join(["c" * 200] * 25) + "/deep", "con", "nul.txt", " lead-space", "trail-dot."]
write("names-every-class.tar", tar_bytes([(n, "file", b"x\n") for n in names] + [shadow]))
# names that are not UTF-8 in the ustar header itself (GNU format, no PAX): Latin-1, Shift-JIS, junk, two that
# U+FFFD would merge into one
raw = ["caf\udce9.conf", "\udc83e\udc83X\udc83g.txt", "\udcff\udcfe-junk", "a\udce9", "a\udce8"]
write("names-not-utf8-gnu.tar", tar_bytes([(n, "file", b"x\n") for n in raw] + [shadow], tarfile.GNU_FORMAT))
# links planted where later entries write, pointing outside
write("links-planted.tar", tar_bytes([
    ("out", "symlink", victim), ("out/evil", "file", b"x"), ("up", "symlink", "../../../../victim"),
    ("up/evil2", "file", b"x"), ("abs", "symlink", "/etc"), ("abs/passwd", "file", b"x"),
    ("dir", "dir", None), ("dir", "symlink", victim), ("dir/evil3", "file", b"x"),
    ("hl/../../victim/evil4", "file", b"x"), shadow]))
write("non-regular-entries.tar", tar_bytes([("dev/null", "chr", None), ("dev/sda", "blk", None),
                                            ("run/fifo", "fifo", None), shadow]))
tarshadow = tar_bytes([shadow], tarfile.USTAR_FORMAT)
write("spray-jffs2-2.6MB.bin", b"\x85\x19" * (1300 * 1024) + tarshadow)
write("spray-gzip-4MB.bin", b"\x1f\x8b\x08" * (1400 * 1024) + b"\0" * 64 + tarshadow)
write("spray-ustar-2MB.bin", (b"\0" * 257 + b"ustar\x0000" + b"\0" * 250) * 4096 + tarshadow)
z = bytes([0x28, 0xb5, 0x2f, 0xfd, 0, 0, 0x30, 0, 0]) * (640 * 1024 // 9)
write("chain-zstd-640KB.bin", z + b"\0" * ((512 - len(z) % 512) % 512) + tarshadow)
l = bytes([0x04, 0x22, 0x4d, 0x18, 0x40, 0x40, 0x00, 0x07, 0, 0, 0]) * (640 * 1024 // 11)
write("chain-lz4-640KB.bin", l + b"\0" * ((512 - len(l) % 512) % 512) + tarshadow)
# a cpio entry of an unknown file type before etc/shadow (newc, written by hand)
def newc(name, mode, data, ino):
    n = name.encode() + b"\0"
    h = b"070701" + b"".join(b"%08X" % v for v in (ino, mode, 0, 0, 1, 0, len(data), 0, 0, 0, 0, len(n), 0))
    out = h + n + b"\0" * ((4 - (110 + len(n)) % 4) % 4) + data + b"\0" * ((4 - len(data) % 4) % 4)
    return out
c = newc("etc", 0o40755, b"", 1) + newc("etc/weird", 0o30644, b"?", 2) + newc("etc/shadow", 0o100600, SHADOW, 3)
c += newc("TRAILER!!!", 0, b"", 4)
write("cpio-unknown-type.cpio", c + b"\0" * ((512 - len(c) % 512) % 512))
# 100 000 entries
buf = io.BytesIO()
with tarfile.open(fileobj=buf, mode="w", format=tarfile.USTAR_FORMAT) as t:
    for i in range(100000):
        ti = tarfile.TarInfo("d%03d/f%06d" % (i // 1000, i)); ti.size = 2; t.addfile(ti, io.BytesIO(b"x\n"))
    ti = tarfile.TarInfo("etc/shadow"); ti.size = len(SHADOW); t.addfile(ti, io.BytesIO(SHADOW))
write("entries-100k.tar", buf.getvalue())
PY

# sparse members of 8 GiB (GNU and PAX), deep nesting: made by the real tools
(
  cd "$work" && mkdir -p sp/etc && truncate -s 8G sp/big.img && printf 'tail' | dd of=sp/big.img bs=1 seek=$((8*1024*1024*1024-4)) conv=notrunc status=none
  printf 'root:$6$redteam$hidden:19000:0:99999:7:::\n' > sp/etc/shadow
  tar -C sp --sparse --format=gnu -cf "$imgs/sparse-gnu-8GiB.tar" big.img etc/shadow
  tar -C sp --sparse --format=pax -cf "$imgs/sparse-pax-8GiB.tar" big.img etc/shadow
  rm -f sp/big.img
  cp "$imgs/links-planted.tar" nest.0
  for i in $(seq 1 24); do
    if [ $((i % 3)) = 0 ]; then tar -cf nest.$i nest.$((i-1)); elif [ $((i % 3)) = 1 ]; then gzip -c nest.$((i-1)) > nest.$i; else xz -c nest.$((i-1)) > nest.$i; fi
    rm -f nest.$((i-1))
  done
  mv nest.24 "$imgs/nesting-24-deep.bin"
) 2>/dev/null

printf '| image | exit | wall s | peak RSS MB | files | etc/shadow | limits hit | names kept as bytes | escape | hang | crash |\n'
printf '|---|---|---|---|---|---|---|---|---|---|---|\n'
for img in "$imgs"/*; do
  name=$(basename "$img")
  sandbox="$work/sandbox"
  rm -rf "$sandbox"; mkdir -p "$sandbox/victim"
  start=$(date +%s.%N)
  ( cd "$sandbox" && LC_ALL=C /usr/bin/time -f '%M' -o "$work/rss" timeout "$budget" "$here/iotb" unpack "$img" -o "$sandbox/out" \
      > "$work/stdout" 2> "$work/stderr" )
  rc=$?
  wall=$(echo "$(date +%s.%N) - $start" | bc)
  rss=$(( $(tail -1 "$work/rss" 2>/dev/null || echo 0) / 1024 ))
  escape=no
  if [ -n "$(ls -A "$sandbox/victim")" ] || [ -n "$(find "$sandbox" -mindepth 1 -maxdepth 1 ! -name out ! -name victim)" ]; then
    escape=YES
  fi
  hang=no; [ "$rc" = 124 ] && hang=YES
  crash=no
  case "$rc" in 0|1|2|124) ;; *) crash="YES (exit $rc)";; esac
  grep -q $'^\tat \|Exception in thread' "$work/stderr" && crash="YES (stack trace)"
  m="$sandbox/out/manifest.json"
  if [ -f "$m" ]; then
    read -r files shadow limits rawnames < <(python3 -c "
import json,sys; m=json.load(open(sys.argv[1])); s=m['stats']
print(s.get('files'), 'yes' if any(e['path'].endswith('etc/shadow') for e in m['entries']) else 'NO',
      ','.join(s.get('limitsHit',{}).keys()) or '-', sum(1 for e in m['entries'] if 'originalPathHex' in e))" "$m")
  else
    files=-; shadow=-; limits=-; rawnames=-
  fi
  printf '| %s | %s | %.1f | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$name" "$rc" "$wall" "$rss" "$files" "$shadow" \
    "$limits" "$rawnames" "$escape" "$hang" "$crash"
done
