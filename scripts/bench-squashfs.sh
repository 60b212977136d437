#!/bin/bash
# Benchmark: iotb-fs squashfs reader vs unsquashfs on a large, realistic image.
# Builds a source tree of about $SIZE_MB MiB from this machine's /usr (binaries, libraries, text, symlinks,
# many small files), makes squashfs images with mksquashfs (xz and gzip), then extracts each with
# `unsquashfs -d` and with our reader (one JVM run of org.iotb.fs.tools.ExtractToDir), reporting wall time,
# the ratio, files recovered and peak RSS (/usr/bin/time -v).
# Usage: scripts/bench-squashfs.sh [workdir]     env: SIZE_MB (default 300), COMPRESSORS (default "xz gzip"),
#        OUT (where both tools write their trees; default the workdir; OUT=/dev/shm/x takes the disk's noise out)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${1:-$(mktemp -d /tmp/iotb-bench-squashfs.XXXXXX)}
SIZE_MB=${SIZE_MB:-300}
COMPRESSORS=${COMPRESSORS:-"xz gzip"}
JAVA_OPTS=${JAVA_OPTS:--Xmx256m}
OUT=${OUT:-$WORK}
mkdir -p "$OUT"
for t in mksquashfs unsquashfs /usr/bin/time java; do command -v "$t" >/dev/null || { echo "missing $t"; exit 1; }; done

echo "== building iotb-fs test classes"
(cd "$ROOT" && ./mvnw -q -o -pl iotb-fs test-compile && \
  ./mvnw -q -o -pl iotb-fs dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" >/dev/null)
CP="$ROOT/iotb-fs/target/test-classes:$ROOT/iotb-fs/target/classes:$(cat "$WORK/cp.txt")"

SRC="$WORK/src"
if [ ! -d "$SRC" ]; then
  echo "== collecting ~${SIZE_MB} MiB of /usr into $SRC"
  mkdir -p "$SRC"
  budget=$((SIZE_MB * 1024))
  for d in /usr/share/doc /usr/share/man /usr/share/locale /usr/bin /usr/sbin /usr/lib/x86_64-linux-gnu \
           /usr/share/perl /usr/lib/python3 /usr/lib/jvm /usr/share/fonts /usr/share/zoneinfo; do
    [ -d "$d" ] || continue
    used=$(du -sk "$SRC" | cut -f1)
    [ "$used" -ge "$budget" ] && break
    mkdir -p "$SRC$(dirname "$d")"
    cp -a "$d" "$SRC$(dirname "$d")/" 2>/dev/null || true
  done
fi
echo "source: $(du -sh "$SRC" | cut -f1), $(find "$SRC" -type f | wc -l) files, $(find "$SRC" -type l | wc -l) symlinks"

run() { # label, command... -> prints wall seconds and peak RSS
  local label=$1; shift
  /usr/bin/time -v "$@" > "$WORK/$label.out" 2> "$WORK/$label.time" || { cat "$WORK/$label.out" "$WORK/$label.time"; exit 1; }
  local wall rss
  wall=$(grep "Elapsed (wall clock)" "$WORK/$label.time" | awk '{print $NF}')
  rss=$(grep "Maximum resident set size" "$WORK/$label.time" | awk '{print $NF}')
  echo "$label wall=$wall peakRSS=${rss}KiB"
}
secs() { awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }' <<<"$1"; }

for comp in $COMPRESSORS; do
  IMG="$WORK/bench-$comp.sqfs"
  if [ ! -f "$IMG" ]; then
    echo "== mksquashfs -comp $comp"
    mksquashfs "$SRC" "$IMG" -comp "$comp" -noappend -quiet -no-progress >/dev/null
  fi
  echo "image $comp: $(du -h "$IMG" | cut -f1)"
  rm -rf "$OUT/ref-$comp" "$OUT/ours-$comp"
  sync
  run "unsquashfs-$comp" unsquashfs -q -no-progress -d "$OUT/ref-$comp" "$IMG"
  sync
  run "iotb-$comp" java $JAVA_OPTS -cp "$CP" org.iotb.fs.tools.ExtractToDir "$IMG" "$OUT/ours-$comp"
  # the reader alone: every file decompressed and read to its end, nothing written
  run "iotb-discard-$comp" java $JAVA_OPTS -Ddiscard=true -cp "$CP" org.iotb.fs.tools.ExtractToDir "$IMG" "$WORK/none"
  tr=$(secs "$(grep "Elapsed (wall clock)" "$WORK/unsquashfs-$comp.time" | awk '{print $NF}')")
  to=$(secs "$(grep "Elapsed (wall clock)" "$WORK/iotb-$comp.time" | awk '{print $NF}')")
  ref_files=$(find "$OUT/ref-$comp" -type f | wc -l)
  our_files=$(grep -o 'files [0-9]*' "$WORK/iotb-$comp.out" | awk '{print $2}')
  our_links=$(grep -o 'hardlinks [0-9]*' "$WORK/iotb-$comp.out" | awk '{print $2}')
  echo "files: unsquashfs=$ref_files iotb=$our_files (+$our_links hard links recorded, not written)"
  echo "ratio iotb/unsquashfs ($comp): $(awk -v a="$to" -v b="$tr" 'BEGIN{printf "%.2f", a/b}')"
  # content check: every regular file we wrote must be byte-identical to unsquashfs's
  (cd "$OUT/ours-$comp" && find . -type f -print0 | sort -z | xargs -0 sha256sum) > "$WORK/ours-$comp.sha"
  (cd "$OUT/ref-$comp" && find . -type f -print0 | sort -z | xargs -0 sha256sum) > "$WORK/ref-$comp.sha"
  if grep -F -x -v -f "$WORK/ref-$comp.sha" "$WORK/ours-$comp.sha" > /dev/null; then
    echo "CONTENT MISMATCH ($comp)"; exit 1
  else
    echo "content: all files written by iotb match unsquashfs"
  fi
  rm -rf "$OUT/ref-$comp" "$OUT/ours-$comp"
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
echo "work dir: $WORK (delete when done)"
