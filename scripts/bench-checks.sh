#!/usr/bin/env bash
# Benchmark of the firmware checks (on demand, not part of the tests):
#  1. all checks over the ground-truth weak rootfs (real Debian armhf/arm64/mipsel binaries, ~90 MB)
#  2. ELF hardening reading vs `checksec --dir` on the same tree: time ratio and field-by-field agreement.
# Usage: scripts/bench-checks.sh [WORK_DIR]   (needs: java, maven offline repo, checksec, hyperfine optional)
# Runs the developer tool org.iotb.dev.ScanTreeCommand (module iotb-dev) on a plain JVM (scripts/dev-classpath.sh).
set -eu
cd "$(dirname "$0")/.."
WORK=${1:-/tmp/iotb-bench-checks}
mkdir -p "$WORK"
CP=$(scripts/dev-classpath.sh)
scripts/make-firmware-fixture.sh "$WORK/fixture" "${IOTB_DEBIAN_CACHE:-$WORK/debian-cache}" >/dev/null
TREE="$WORK/fixture/weak"
echo "tree: $TREE ($(du -sh "$TREE" | cut -f1), $(find "$TREE" -type f | wc -l) files)"
scan() { java -cp "$CP" org.iotb.dev.ScanTreeCommand --format json "$TREE" > "$WORK/scan.json" || true; }
ours() { java -cp "$CP" org.iotb.dev.ScanTreeCommand --checksec-csv "$TREE" > "$WORK/ours.csv"; }
theirs() { checksec --format=csv --dir="$TREE" > "$WORK/theirs.csv" 2>/dev/null; }
if command -v hyperfine >/dev/null; then
  hyperfine -w 1 -r 3 --export-markdown "$WORK/hyperfine.md" \
    -n "iotb all checks" "bash -c '$(declare -f scan); TREE=$TREE CP=$CP WORK=$WORK scan'" \
    -n "iotb ELF reading (checksec view)" "bash -c '$(declare -f ours); TREE=$TREE CP=$CP WORK=$WORK ours'" \
    -n "checksec --dir" "bash -c '$(declare -f theirs); TREE=$TREE WORK=$WORK theirs'"
  cat "$WORK/hyperfine.md"
else
  time scan; time ours; time theirs
fi
scan; ours; theirs
python3 - "$WORK/ours.csv" "$WORK/theirs.csv" <<'PY'
import sys, os
def load(p):
    d = {}
    for line in open(p):
        f = line.rstrip("\n").split(",")
        if len(f) >= 9:
            d[os.path.normpath(f[-1])] = f[:8]
    return d
ours, theirs = load(sys.argv[1]), load(sys.argv[2])
names = ["relro", "canary", "nx", "pie", "rpath", "runpath", "symbols", "fortify"]
common = sorted(set(ours) & set(theirs))
dis = [(k, names[i], ours[k][i], theirs[k][i]) for k in common for i in range(8) if ours[k][i] != theirs[k][i]]
only = sorted(set(ours) ^ set(theirs))
for d in dis: print("DISAGREE", *d)
for o in only: print("ONLY-ONE-SIDE", o)
print(f"ELF files compared: {len(common)}, field disagreements: {len(dis)}, files seen by one side only: {len(only)}")
PY
