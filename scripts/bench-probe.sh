#!/bin/sh
# Benchmark of iotb-probe against the reference tools, on loopback targets this script starts itself:
#   1. full TCP port scan of 127.0.0.1: `nmap -n -Pn -T4 -p-` vs `iotb scan device 127.0.0.1 --ports all`
#   2. TLS audit of one nginx port (TLS 1.0-1.2, every OpenSSL suite at SECLEVEL=0):
#      `testssl -p -E` and `sslscan` vs iotb's TLS checks -- wall time and agreement of protocol/cipher sets.
# Needs (Debian): nginx-light nmap sslscan testssl.sh openssl python3; a JDK and the pre-fetched ~/.m2.
# Usage: scripts/bench-probe.sh [RUNS] [scan]   (results are printed; copy them into docs/benchmarks/probe.md)
#   "scan" as second argument runs part 1 only (part 2 takes ~30-90 s, mostly testssl.sh).
set -eu
RUNS=${1:-3}
PARTS=${2:-all}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d /tmp/iotb-bench.XXXXXX)
NGINX_PID=""
cleanup() { [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT INT TERM

for t in nginx nmap sslscan testssl openssl python3 java; do
  command -v "$t" >/dev/null 2>&1 || [ -x "/usr/sbin/$t" ] || { echo "missing tool: $t" >&2; exit 2; }
done

# `iotb scan device` from the fat jar on a plain JVM (no launcher, no class-data archive); the class path of
# scripts/dev-classpath.sh. --fail-on none: the exit status reports FAIL findings (for CI gates), which must not
# stop this script
IOTB="java -cp $("$ROOT/scripts/dev-classpath.sh") org.iotb.cli.Main scan device --fail-on none"

# GNU date, not a python3 start-up, so that the ~30 ms of an interpreter start is not billed to nmap's time
ms() { echo $(( $(date +%s%N) / 1000000 )); }

echo "== machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
echo "== 1. full TCP scan of 127.0.0.1 ($RUNS runs each)"
for i in $(seq "$RUNS"); do
  printf 'load %s | ' "$(cut -d' ' -f1 /proc/loadavg)"
  t0=$(ms); nmap -n -Pn -T4 -p- -oG "$WORK/nmap.gnmap" 127.0.0.1 >/dev/null; t1=$(ms)
  $IOTB 127.0.0.1 --ports all --format json -q -o "$WORK/iotb-ports.json"; t2=$(ms)
  $IOTB 127.0.0.1 --ports all --rate 0 --format json -q -o "$WORK/iotb-ports-unlimited.json"; t3=$(ms)
  python3 - "$WORK" $((t1-t0)) $((t2-t1)) $((t3-t2)) <<'PY'
import json, re, sys
w, nm, io, iou = sys.argv[1], *map(int, sys.argv[2:])
nmap = sorted(int(p) for p in re.findall(r'(\d+)/open/tcp', open(w + '/nmap.gnmap').read()))
a = json.load(open(w + '/iotb-ports.json'))['stats']
b = json.load(open(w + '/iotb-ports-unlimited.json'))['stats']
print(f"nmap {nm} ms | iotb default rate: wall {io} ms, scan {a['portScanMillis']} ms | iotb --rate 0: wall {iou} ms, "
      f"scan {b['portScanMillis']} ms ({b['portScanMillis'] / nm:.2f}x nmap) | open nmap={nmap} iotb={a['openTcpPorts']} agree={nmap == a['openTcpPorts']}")
PY
done

[ "$PARTS" = scan ] && exit 0
echo "== 2. TLS audit of one port"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
mkdir -p "$WORK/nginx/logs"
openssl req -x509 -newkey rsa:2048 -nodes -subj /CN=localhost -days 30 -keyout "$WORK/k.pem" -out "$WORK/c.pem" 2>/dev/null
cat > "$WORK/nginx/nginx.conf" <<CONF
daemon off; master_process off; worker_processes 1; pid $WORK/nginx/nginx.pid; error_log $WORK/nginx/error.log;
events { worker_connections 512; }
http { access_log off; client_body_temp_path $WORK/nginx/b; proxy_temp_path $WORK/nginx/p; fastcgi_temp_path $WORK/nginx/f;
  uwsgi_temp_path $WORK/nginx/u; scgi_temp_path $WORK/nginx/s;
  server { listen 127.0.0.1:$PORT ssl; ssl_certificate $WORK/c.pem; ssl_certificate_key $WORK/k.pem;
    ssl_protocols TLSv1 TLSv1.1 TLSv1.2; ssl_ciphers 'ALL:COMPLEMENTOFALL:@SECLEVEL=0'; location / { return 200 ok; } } }
CONF
nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" & NGINX_PID=$!
sleep 1
t0=$(ms); sslscan --no-colour --no-heartbleed --no-compression --no-fallback --no-renegotiation --no-groups \
  --xml="$WORK/sslscan.xml" 127.0.0.1:$PORT >/dev/null 2>&1; t1=$(ms)
testssl --quiet --color 0 --warnings off -p -E --jsonfile "$WORK/testssl.json" 127.0.0.1:$PORT >/dev/null 2>&1 || true; t2=$(ms)
$IOTB 127.0.0.1 --ports $PORT --format json -q -o "$WORK/iotb-tls.json"; t3=$(ms)
python3 - "$WORK" $((t1-t0)) $((t2-t1)) $((t3-t2)) <<'PY'
import json, re, subprocess, sys
import xml.etree.ElementTree as ET
w, ss_ms, ts_ms, io_ms = sys.argv[1], *map(int, sys.argv[2:])
root = ET.parse(w + '/sslscan.xml').getroot()
ss = {}
for c in root.iter('cipher'):
    if c.get('status') in ('accepted', 'preferred'):
        ss.setdefault(c.get('sslversion'), set()).add(c.get('cipher'))
ts = {}
names = {'tls1': 'TLSv1.0', 'tls1_1': 'TLSv1.1', 'tls1_2': 'TLSv1.2', 'tls1_3': 'TLSv1.3', 'ssl3': 'SSLv3'}
for e in json.load(open(w + '/testssl.json')):
    m = re.match(r'cipher-(tls1_3|tls1_2|tls1_1|tls1|ssl3)_x([0-9a-f]+)$', e['id'])
    if m:
        ts.setdefault(names[m.group(1)], set()).add(int(m.group(2), 16))
r = json.load(open(w + '/iotb-tls.json'))
weak = next(f for f in r['findings'] if f['check'] == 'net.tls.weak-cipher')
mine = {p: set(v) for p, v in weak['data']['ciphers'].items()}
# iotb reports IANA names; map them to OpenSSL names (sslscan) and codes (testssl) with the local OpenSSL
ossl = {}
for line in subprocess.run(['openssl', 'ciphers', '-stdname', '-V', 'ALL:COMPLEMENTOFALL:@SECLEVEL=0'],
                           capture_output=True, text=True).stdout.splitlines():
    f = line.split()
    ossl[f[2]] = (int(f[0].replace('0x', '').replace(',', ''), 16), f[4])
# a suite OpenSSL does not know keeps its IANA name, so it shows up as a disagreement instead of vanishing
mine_ossl = {p: {ossl.get(n, (n, n))[1] for n in v} for p, v in mine.items()}
mine_code = {p: {ossl.get(n, (n, n))[0] for n in v} for p, v in mine.items()}
print(f"sslscan {ss_ms} ms | testssl {ts_ms} ms | iotb (whole device scan of the port) {io_ms} ms, TLS checks "
      f"{r['stats']['checkMillis'].get('tls')} ms")
print("protocols iotb", sorted(mine), "sslscan", sorted(ss), "testssl", sorted(ts))
print("cipher sets equal to sslscan:", mine_ossl == ss,
      "| equal to testssl:", mine_code == ts)
for p in sorted(set(mine) | set(ss) | set(ts)):
    print(f"  {p}: iotb {len(mine.get(p, ()))}, sslscan {len(ss.get(p, ()))}, testssl {len(ts.get(p, ()))}")
PY
