#!/usr/bin/env bash
# Cluster benchmark (docs/benchmarks.md, "Cluster"): images per minute of `iotb batch` on 1, 2 and 4 `iotb worker`
# processes sharing one PostgreSQL and one blob directory, beside a sequential loop of `iotb assess` and of
# `binwalk -Me` (unpack only) over the same images. The corpus: N variants of the example's 1.4.2 root file system
# (each with its own /etc/variant, rebuilt with mksquashfs), as the cluster test builds it.
#
# Usage: scripts/bench-cluster.sh [N_IMAGES (default 24)] [WORKER_COUNTS (default "1 2 4")]
# Needs: ./iotb built (./mvnw -q package -DskipTests), unsquashfs/mksquashfs, PostgreSQL 15 binaries
#        (/usr/lib/postgresql/15/bin or $IOTB_PG_BIN); binwalk optional (its column is skipped without it).
# Prints a Markdown table; CPU busy and iowait are the whole machine's over each run (/proc/stat), which is what
# says where the scaling stops: CPU (busy near 100 %), disk (iowait high) or the database (neither, yet flat).
set -euo pipefail
export LC_ALL=C
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/.." && pwd)
N=${1:-24}
COUNTS=${2:-"1 2 4"}
PGBIN=${IOTB_PG_BIN:-/usr/lib/postgresql/15/bin}
IOTB=${IOTB_BIN:-$REPO/iotb}  # IOTB_BIN: another launcher (e.g. a copy of the jar while the tree is rebuilt)
PROFILE=$REPO/examples/smart-lock/profile.yaml
DECL=$REPO/examples/smart-lock/declarations.yaml
export IOTB_JAVA_OPTS=${IOTB_JAVA_OPTS:--Xmx768m -XX:+UseParallelGC}

for t in unsquashfs mksquashfs python3; do command -v $t >/dev/null || { echo "missing tool: $t" >&2; exit 2; }; done
[ -x "$PGBIN/initdb" ] || { echo "PostgreSQL binaries not found in $PGBIN (apt-get install postgresql)" >&2; exit 2; }
[ -n "${IOTB_BIN:-}" ] || [ -f "$REPO/iotb-cli/target/iotb.jar" ] || { echo "build first: ./mvnw -q package -DskipTests" >&2; exit 2; }

WORK=$(mktemp -d /tmp/iotb-bench-cluster.XXXXXX)
chmod 755 "$WORK"  # PostgreSQL runs as another user when we are root: it must reach $WORK/pg
PGDIR=$WORK/pg
PIDS=()
cleanup() {
  for p in "${PIDS[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done
  if [ -d "$PGDIR/data" ]; then $RUNAS "$PGBIN/pg_ctl" -D "$PGDIR/data" -m immediate stop >/dev/null 2>&1 || true; fi
  rm -rf "$WORK"
}
RUNAS=""
trap cleanup EXIT

# ---------------------------------------------------------------- the corpus
python3 - "$REPO/examples/smart-lock/firmware/sl100-1.4.2-unit1.bin" "$WORK/root.sqfs" <<'EOF'
import struct, sys
b = open(sys.argv[1], 'rb').read()
o = 0x10000  # the root file system's place in the example's flash layout
assert b[o:o + 4] == b'hsqs'
size = struct.unpack('<Q', b[o + 40:o + 48])[0]
open(sys.argv[2], 'wb').write(b[o:o + size])
EOF
unsquashfs -q -no-xattrs -d "$WORK/root" "$WORK/root.sqfs" >/dev/null
groups=(vendor-a/cam vendor-a/lock vendor-b/plug vendor-c/hub)
: >"$WORK/images.txt"
for i in $(seq 0 $((N - 1))); do
  echo "variant $i" >"$WORK/root/etc/variant"
  d="$WORK/corpus/${groups[$((i % 4))]}"; mkdir -p "$d"
  f=$(printf '%s/fw-%02d.sqfs' "$d" "$i")
  mksquashfs "$WORK/root" "$f" -comp gzip -noappend -all-root -quiet -no-progress -mkfs-time 0 -all-time 0 -no-xattrs >/dev/null
  echo "$f" >>"$WORK/images.txt"
done

# ---------------------------------------------------------------- PostgreSQL (its own throw-away cluster)
mkdir -p "$PGDIR"
if [ "$(id -u)" = 0 ]; then
  u=postgres; id -u $u >/dev/null 2>&1 || u=nobody
  chown -R "$u" "$PGDIR"; RUNAS="runuser -u $u --"
fi
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
$RUNAS "$PGBIN/initdb" -D "$PGDIR/data" -A trust -U iotb -E UTF8 --locale=C --no-sync >/dev/null
$RUNAS "$PGBIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/log" -w -o "-p $PORT -c listen_addresses=127.0.0.1 -k $PGDIR -c max_connections=200" start >/dev/null

cpu() { awk '/^cpu /{print $2+$3+$4+$7+$8, $6, $2+$3+$4+$5+$6+$7+$8}' /proc/stat; }  # busy iowait total (jiffies)
usage() {  # before after -> "busy% iowait%"
  read -r b0 w0 t0 <<<"$1"; read -r b1 w1 t1 <<<"$2"
  awk -v b=$((b1 - b0)) -v w=$((w1 - w0)) -v t=$((t1 - t0)) 'BEGIN{printf "%.0f %% | %.0f %%", 100*b/t, 100*w/t}'
}
now() { date +%s.%N; }
rate() { awk -v n="$N" -v s="$1" 'BEGIN{printf "%.1f", n / s * 60}'; }

printf '| run | images | wall (s) | images/min | scaling efficiency | CPU busy | iowait |\n|---|---:|---:|---:|---:|---:|---:|\n'
base=""
for w in $COUNTS; do
  db="b$w"
  $RUNAS "$PGBIN/psql" -h 127.0.0.1 -p "$PORT" -U iotb -d postgres -qc "CREATE DATABASE $db" >/dev/null
  url="jdbc:postgresql://127.0.0.1:$PORT/$db?user=iotb"
  data="$WORK/data-$w"
  # the first process creates the tables: the batch enqueues before the workers start (they would race to migrate)
  c0=$(cpu); t0=$(now)
  "$IOTB" batch "$WORK/images.txt" --profile "$PROFILE" --declarations "$DECL" -o "$WORK/out-$w" --db "$url" --data "$data" -q \
    >"$WORK/batch-$w.log" 2>&1 &
  bpid=$!; PIDS+=("$bpid")
  sleep 2
  wp=()
  for k in $(seq 1 "$w"); do
    "$IOTB" worker --db "$url" --data "$data" --name "w$k" --threads 1 --poll 500ms >"$WORK/worker-$w-$k.log" 2>&1 &
    wp+=($!); PIDS+=($!)
  done
  set +e; wait "$bpid"; rc=$?; set -e
  t1=$(now); c1=$(cpu)
  for p in "${wp[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  for p in "${wp[@]}"; do wait "$p" 2>/dev/null || true; done
  [ "$rc" -le 1 ] || { echo "batch with $w workers failed (exit $rc); see $WORK/batch-$w.log" >&2; cat "$WORK/batch-$w.log" >&2; exit 1; }
  s=$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.1f", b - a}')
  r=$(rate "$s")
  [ -n "$base" ] || base=$r
  eff=$(awk -v r="$r" -v b="$base" -v w="$w" 'BEGIN{printf "%.0f %%", 100 * r / (b * w)}')
  echo "| iotb batch, $w worker(s) | $N | $s | $r | $eff | $(usage "$c0" "$c1") |"
done

c0=$(cpu); t0=$(now)
while read -r f; do
  "$IOTB" assess -q --profile "$PROFILE" --declarations "$DECL" --firmware "$f" --format json -o "$WORK/assess/$(basename "$f")" >/dev/null 2>&1 || [ $? -eq 1 ]
done <"$WORK/images.txt"
t1=$(now); c1=$(cpu)
s=$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.1f", b - a}')
echo "| sequential iotb assess | $N | $s | $(rate "$s") | | $(usage "$c0" "$c1") |"

if command -v binwalk >/dev/null; then
  c0=$(cpu); t0=$(now)
  mkdir -p "$WORK/binwalk"
  while read -r f; do
    (cd "$WORK/binwalk" && binwalk -Me -q -C "$WORK/binwalk/$(basename "$f")" "$f" >/dev/null 2>&1) || true
  done <"$WORK/images.txt"
  t1=$(now); c1=$(cpu)
  s=$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.1f", b - a}')
  echo "| sequential binwalk -Me (unpack only) | $N | $s | $(rate "$s") | | $(usage "$c0" "$c1") |"
else
  echo "| sequential binwalk -Me | – | binwalk not installed | | | | |"
fi
echo
echo "machine: $(nproc) cores, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo), load average before the runs: $(cut -d' ' -f1-3 /proc/loadavg)"
