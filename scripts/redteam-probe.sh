#!/bin/sh
# Red-team run of `iotb scan device` against hostile services (issue #20). A small Python helper, started by this
# script and bound to 127.0.0.1 only, serves one misbehaving protocol per port:
#   ssh-1mb / ftp-1mb / telnet-1mb  a 1 MB banner on one line, then silence
#   tls-endless                     answers a ClientHello with an endless stream of TLS handshake records
#   http-slowloris                  "HTTP/1.1 200 OK", then one header byte per second, never a blank line
#   mqtt-connack-huge / mqtt-publish-huge  a CONNACK / PUBLISH claiming 268,435,455 bytes, then a junk trickle
# Per case it prints the wall time against the --budget, the verdicts of the checks that touched the port, and
# the scanner's peak RSS (/usr/bin/time -v). Expected: wall <= budget + a few seconds, no PASS/FAIL from a
# hostile protocol's checks (net.svc.* inventory findings excepted; a PASS is listed so it can be reviewed),
# bounded RSS.
# Needs: python3, GNU time (/usr/bin/time), a JDK. Usage: scripts/redteam-probe.sh [BUDGET_SECONDS]
set -eu
BUDGET=${1:-20}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d /tmp/iotb-redteam.XXXXXX)
HELPER_PID=""
cleanup() { [ -n "$HELPER_PID" ] && kill "$HELPER_PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT INT TERM
[ -x /usr/bin/time ] || { echo "missing /usr/bin/time (Debian package: time)" >&2; exit 2; }
[ -f "$ROOT/iotb-cli/target/iotb.jar" ] || (cd "$ROOT" && ./mvnw -q -o package -DskipTests -Diotb.cds.skip=true -pl iotb-cli -am)

cat > "$WORK/hostile.py" <<'PY'
import socket, sys, threading, time
CASES = ["ssh-1mb", "ftp-1mb", "telnet-1mb", "tls-endless", "http-slowloris", "mqtt-connack-huge", "mqtt-publish-huge"]
def banner(prefix):
    def serve(c):
        c.sendall(prefix + b"A" * (1 << 20) + b"\r\n"); time.sleep(60)
    return serve
def tls(c):
    c.recv(4096)
    first = bytes([2, 0xff, 0xff, 0xff]) + bytes(16384 - 4)
    rest = bytes(16384)
    c.sendall(b"\x16\x03\x03\x40\x00" + first)
    while True:
        c.sendall(b"\x16\x03\x03\x40\x00" + rest); time.sleep(0.001)
def slowloris(c):
    c.recv(4096); c.sendall(b"HTTP/1.1 200 OK\r\n")
    while True:
        time.sleep(1); c.sendall(b"x")
def mqtt(kind):
    def serve(c):
        c.recv(4096); c.sendall(bytes([kind, 0xff, 0xff, 0xff, 0x7f, 0, 0]))
        while True:
            time.sleep(0.01); c.sendall(bytes(1024))
    return serve
SERVE = {"ssh-1mb": banner(b"SSH-2.0-"), "ftp-1mb": banner(b"220 "), "telnet-1mb": banner(b"login: "),
         "tls-endless": tls, "http-slowloris": slowloris, "mqtt-connack-huge": mqtt(0x20), "mqtt-publish-huge": mqtt(0x30)}
def run(serve, s):
    while True:
        c, _ = s.accept()
        def one(c=c):
            try:
                serve(c)
            except OSError:
                pass
            finally:
                c.close()
        threading.Thread(target=one, daemon=True).start()
for name in CASES:
    s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", 0)); s.listen(64)
    print(name, s.getsockname()[1], flush=True)
    threading.Thread(target=run, args=(SERVE[name], s), daemon=True).start()
while True:
    time.sleep(3600)
PY
python3 "$WORK/hostile.py" > "$WORK/ports" &
HELPER_PID=$!
for _ in $(seq 50); do [ "$(wc -l < "$WORK/ports")" -ge 7 ] && break; sleep 0.1; done

echo "== machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ), budget ${BUDGET} s"
echo "| case | wall s | budget s | peak RSS MB | verdicts of the port's protocol checks |"
echo "|---|---|---|---|---|"
while read -r name port; do
  t0=$(date +%s%N)
  /usr/bin/time -v -o "$WORK/$name.time" "$ROOT/iotb" scan device 127.0.0.1 --ports "$port" --intrusive \
    --attempts 6 --budget "$BUDGET" --fail-on none --format json -q -o "$WORK/$name.json" >/dev/null 2>"$WORK/$name.err" || true
  t1=$(date +%s%N)
  python3 - "$name" "$WORK/$name.json" "$WORK/$name.time" $(( (t1 - t0) / 1000000 )) "$BUDGET" <<'PY'
import json, re, sys
name, js, tm, ms, budget = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", open(tm).read()).group(1)) // 1024
try:
    fs = json.load(open(js))["findings"]
except Exception as e:
    print(f"| {name} | {ms/1000:.1f} | {budget} | {rss} | no JSON report ({e}) |"); sys.exit()
# net.svc.* judge the inventory (which ports are open, telnet reachable), not what the protocol said
own = [f for f in fs if not f["check"].startswith("net.svc.")]
judged = [f"{f['check']}={f['outcome']}" for f in own if f["outcome"].upper() in ("PASS", "FAIL")]
inv = next((f["message"].split(": ", 1)[-1] for f in fs if f["check"] == "net.svc.inventory"), "?")
summary = f"seen as {inv}; " + (f"JUDGED {', '.join(judged)}" if judged else "no PASS/FAIL")
print(f"| {name} | {ms/1000:.1f} | {budget} | {rss} | {summary} |")
PY
done < "$WORK/ports"
