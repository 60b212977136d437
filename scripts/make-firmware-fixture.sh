#!/usr/bin/env bash
# Builds the ground-truth fixture of the firmware checks from REAL Debian binaries (armhf main system, arm64
# and mipsel add-ons; downloaded by fetch-debian-binaries.sh, never installed):
#   OUT/weak   a rootfs with one injected weakness per firmware check (listed in OUT/weak.expected)
#   OUT/clean  its clean twin: the same real binaries and layout without the weaknesses (zero fails expected)
# Usage: make-firmware-fixture.sh OUT_DIR DEBIAN_CACHE_DIR      Exit 3 = Debian binaries unavailable.
# Needs: apt-get, dpkg-deb, openssl, ssh-keygen, dropbearkey, perl, gcc (host x86-64 weak binary).
set -eu
OUT=${1:?usage: make-firmware-fixture.sh OUT_DIR DEBIAN_CACHE_DIR}
CACHE=${2:?usage: make-firmware-fixture.sh OUT_DIR DEBIAN_CACHE_DIR}
HERE=$(cd "$(dirname "$0")" && pwd)
bash "$HERE/fetch-debian-binaries.sh" "$CACHE" armhf arm64 mipsel || exit 3
CACHE=$(cd "$CACHE" && pwd)
rm -rf "$OUT"; mkdir -p "$OUT/weak" "$OUT/clean" "$OUT/work"
OUT=$(cd "$OUT" && pwd)
W=$OUT/weak; C=$OUT/clean; T=$OUT/work

# ---- common base: real Debian packages (libc6, busybox, dropbear, curl, openssl, hostapd) ----
for R in "$W" "$C"; do
  cp -a "$CACHE/armhf/root/." "$R/"
  rm -rf "$R/usr/share/doc" "$R/usr/share/man" "$R/usr/share/lintian" "$R/usr/bin/gdbserver" "$R/usr/bin/strace" \
         "$R/usr/bin/strace-log-merge" "$R/etc/init.d" "$R/etc/default"
  # Debian's MIPS binaries have an RWE PT_GNU_STACK (a genuine platform weakness): weak twin only
  archs="arm64 mipsel"; [ "$R" = "$C" ] && archs="arm64"
  for a in $archs; do
    mkdir -p "$R/opt/$a"
    for d in usr/bin usr/sbin bin lib usr/lib; do
      [ -d "$CACHE/$a/root/$d" ] && mkdir -p "$R/opt/$a/$d" && cp -a "$CACHE/$a/root/$d/." "$R/opt/$a/$d/"
    done
    rm -f "$R/opt/$a/usr/bin/gdbserver" "$R/opt/$a/usr/bin/strace" "$R/opt/$a/usr/bin/strace-log-merge"
  done
  mkdir -p "$R/etc/init.d" "$R/etc/config" "$R/etc/ssl/private" "$R/boot" "$R/root" "$R/tmp" "$R/proc" "$R/usr/sbin"
  ln -sf busybox "$R/bin/sh"
  cat > "$R/etc/passwd" <<'P'
root:x:0:0:root:/root:/bin/sh
daemon:*:1:1:daemon:/usr/sbin:/usr/sbin/nologin
nobody:*:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
P
done

# ================= weak twin =================
DES=$(perl -e 'print crypt("admin","ab")')
MD5=$(openssl passwd -1 -salt x7Rk2pQe support)
cat >> "$W/etc/passwd" <<'P'
guest:x:1000:1000:guest:/home/guest:/bin/sh
support:x:1001:1001:support:/home/support:/bin/sh
P
cat > "$W/etc/shadow" <<S
root:$DES:19000:0:99999:7:::
daemon:*:19000:0:99999:7:::
nobody:*:19000:0:99999:7:::
guest::19000:0:99999:7:::
support:$MD5:19000:0:99999:7:::
S
cat > "$W/etc/inittab" <<'I'
::sysinit:/etc/init.d/rcS
ttyS0::respawn:/bin/sh
::ctrlaltdel:/sbin/reboot
I
cat > "$W/etc/init.d/rcS" <<'R'
#!/bin/sh
mount -t proc proc /proc
mount -o remount,rw /
for i in /etc/init.d/S??* ; do
  [ -x "$i" ] && $i start
done
if [ -x /mnt/sd/autorun.sh ]; then
  /mnt/sd/autorun.sh &
fi
R
printf '#!/bin/sh\ntelnetd -l /bin/login\n' > "$W/etc/init.d/S50telnet"
printf '#!/bin/sh\ntcpsvd -vE 0.0.0.0 21 ftpd -w /srv &\n' > "$W/etc/init.d/S51ftp"
printf '#!/bin/sh\nudpsvd -E 0 69 tftpd /srv &\n' > "$W/etc/init.d/S52tftp"
printf '#!/bin/sh\n/sbin/adbd &\n' > "$W/etc/init.d/S53adb"
printf '#!/bin/sh\ngdbserver --multi 0.0.0.0:2345 &\n' > "$W/etc/init.d/S60debug"
printf '#!/bin/sh\nminiupnpd -f /etc/miniupnpd.conf\n' > "$W/etc/init.d/S70upnp"
cat > "$W/etc/init.d/S80cloud" <<'R'
#!/bin/sh
CLOUD_PASS=$(cat /etc/config/cloud.pass)
logger "cloud: logging in with password $CLOUD_PASS"
R
chmod +x "$W"/etc/init.d/*
echo 'kernel.randomize_va_space = 0' > "$W/etc/sysctl.conf"
printf '/dev/root / ext4 rw,noatime 0 1\nproc /proc proc defaults 0 0\n' > "$W/etc/fstab"
printf 'bootdelay=3\nbootcmd=bootm 0x9f020000\n' > "$W/boot/uEnv.txt"
# keys and certificates
openssl genrsa -out "$W/etc/ssl/private/server.key" 1024 2>/dev/null
mkdir -p "$T/ca/newcerts"; : > "$T/ca/index.txt"; echo 01 > "$T/ca/serial"
cat > "$T/ca/ca.cnf" <<'X'
[ ca ]
default_ca = d
[ d ]
dir = .
database = $dir/index.txt
new_certs_dir = $dir/newcerts
serial = $dir/serial
default_md = sha1
policy = p
x509_extensions = ext
[ p ]
commonName = supplied
[ ext ]
basicConstraints = CA:FALSE
[ req ]
distinguished_name = dn
prompt = no
[ dn ]
CN = device.local
X
(cd "$T/ca" && openssl req -new -key "$W/etc/ssl/private/server.key" -config ca.cnf -out req.csr 2>/dev/null &&
 openssl ca -batch -config ca.cnf -selfsign -keyfile "$W/etc/ssl/private/server.key" -startdate 20190101000000Z \
   -enddate 20210101000000Z -in req.csr -out "$W/etc/uhttpd.crt" >/dev/null 2>&1)
mkdir -p "$W/etc/ssh" "$W/etc/dropbear"
ssh-keygen -q -t ed25519 -N '' -f "$W/etc/ssh/ssh_host_ed25519_key"
dropbearkey -t rsa -s 2048 -f "$W/etc/dropbear/dropbear_rsa_host_key" >/dev/null 2>&1
# communication, crypto, updates
cat > "$W/usr/sbin/fw-update.sh" <<'U'
#!/bin/sh
curl -k -o /tmp/fw.bin https://update.vendor-iot.com/latest/fw.bin
mtd write /tmp/fw.bin firmware
U
cat > "$W/usr/sbin/backup.sh" <<'U'
#!/bin/sh
tar czf /tmp/cfg.tgz /etc/config
openssl enc -des-cbc -in /tmp/cfg.tgz -out /tmp/cfg.enc -k backup
U
chmod +x "$W/usr/sbin/"*.sh
cat > "$W/etc/config/cloud" <<'U'
config cloud 'main'
	option report_url 'http://api.vendor-iot.com/v1/report'
	option cloud_secret 'Zx9qLm2Vb7Rt4KpW'
U
cat > "$W/etc/hostapd.conf" <<'U'
interface=wlan0
ssid=SmartPlug-Setup
wpa=2
wpa_passphrase=SuperSecret123
U
mkdir -p "$W/usr/lib/zigbee"
echo 'tc_link_key=5A:69:67:42:65:65:41:6C:6C:69:61:6E:63:65:30:39' > "$W/usr/lib/zigbee/zb.conf"
cat > "$W/usr/lib/zigbee/token.lua" <<'U'
local M = {}
math.randomseed(os.time())
function M.token() return tostring(math.random(100000, 999999)) end
return M
U
# leftovers
mkdir -p "$W/www/.git/refs" "$W/opt/app/src"
printf '[core]\n\trepositoryformatversion = 0\n[remote "origin"]\n\turl = git@git.vendor.internal:fw/web.git\n' > "$W/www/.git/config"
echo 'ref: refs/heads/main' > "$W/www/.git/HEAD"
cat > "$W/opt/app/src/main.c" <<'U'
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
int main(void) {
    const char *pw = getenv("PW");
    srand(time(NULL));
    printf("DEBUG login password=%s\n", pw);
    return rand();
}
U
for a in armhf arm64 mipsel; do
  dest=$W; [ "$a" = armhf ] || dest=$W/opt/$a
  mkdir -p "$dest/usr/bin"
  cp "$CACHE/$a/root/usr/bin/gdbserver" "$CACHE/$a/root/usr/bin/strace" "$dest/usr/bin/"
done
# busybox-static: not PIE, no RELRO-now (a real Debian static build)
dpkg-deb --fsys-tarfile "$CACHE/armhf/debs/"busybox-static_*.deb | tar -xO ./bin/busybox > "$W/bin/busybox.static"
chmod +x "$W/bin/busybox.static"
# host x86-64 binary without any hardening, plus the host libc it was built against (fortify is judged against it)
cat > "$T/weak.c" <<'U'
#include <string.h>
#include <stdio.h>
int main(int argc, char **argv) { char b[16]; if (argc > 1) strcpy(b, argv[1]); puts(b); return 0; }
U
mkdir -p "$W/usr/local/bin" "$W/opt/x86_64/lib"
gcc -O0 -no-pie -fno-stack-protector -U_FORTIFY_SOURCE -z execstack -Wl,-z,norelro -Wl,--disable-new-dtags \
    -Wl,-rpath,/tmp/lib -o "$W/usr/local/bin/legacy-daemon" "$T/weak.c"
cp "$(gcc -print-file-name=libc.so.6)" "$W/opt/x86_64/lib/libc.so.6"

# a CGI that evals a request parameter (fw.web.command-injection)
mkdir -p "$W/www/cgi-bin"
cat > "$W/www/cgi-bin/ping.cgi" <<'U'
#!/bin/sh
echo "Content-Type: text/plain"; echo
HOST=$(echo "$QUERY_STRING" | sed -n 's/^.*host=\([^&]*\).*$/\1/p')
eval "ping -c 1 $HOST"
U
chmod +x "$W/www/cgi-bin/ping.cgi"

cat > "$OUT/weak.expected" <<'E'
fw.cred.empty-password etc/shadow
fw.cred.default-password etc/shadow
fw.cred.weak-hash etc/shadow
fw.cred.hardcoded etc/config/cloud
fw.key.private-key etc/ssl/private/server.key
fw.key.ssh-host-key etc/dropbear/dropbear_rsa_host_key
fw.cert.weak etc/uhttpd.crt
fw.elf.pie usr/local/bin/legacy-daemon
fw.elf.nx usr/local/bin/legacy-daemon
fw.elf.relro usr/local/bin/legacy-daemon
fw.elf.canary usr/local/bin/legacy-daemon
fw.elf.fortify usr/local/bin/legacy-daemon
fw.elf.stripped usr/local/bin/legacy-daemon
fw.elf.rpath usr/local/bin/legacy-daemon
fw.os.aslr etc/sysctl.conf
fw.os.serial-shell etc/inittab
fw.os.bootdelay boot/uEnv.txt
fw.os.rootfs-writable etc/fstab
fw.os.external-exec etc/init.d/rcS
fw.svc.telnet etc/init.d/S50telnet
fw.svc.ftp etc/init.d/S51ftp
fw.svc.tftp etc/init.d/S52tftp
fw.svc.adb etc/init.d/S53adb
fw.svc.debug etc/init.d/S60debug
fw.svc.upnp etc/init.d/S70upnp
fw.tls.verification-disabled usr/sbin/fw-update.sh
fw.net.plaintext-endpoint etc/config/cloud
fw.crypto.weak-algorithm usr/sbin/backup.sh
fw.crypto.weak-random usr/lib/zigbee/token.lua
fw.zigbee.default-tclk usr/lib/zigbee/zb.conf
fw.wifi.ap-passphrase etc/hostapd.conf
fw.update.unsigned usr/sbin/fw-update.sh
fw.dev.vcs-metadata www/.git
fw.dev.source-code opt/app/src/main.c
fw.dev.debug-tools usr/bin/gdbserver
fw.log.sensitive etc/init.d/S80cloud
fw.web.command-injection www/cgi-bin/ping.cgi
E

# ================= clean twin =================
# the same CGI, its parameter cut down to host-name characters and quoted, never eval'd
mkdir -p "$C/www/cgi-bin"
cat > "$C/www/cgi-bin/ping.cgi" <<'U'
#!/bin/sh
echo "Content-Type: text/plain"; echo
HOST=$(echo "$QUERY_STRING" | sed -n 's/^.*host=\([^&]*\).*$/\1/p' | tr -cd 'a-zA-Z0-9.-')
ping -c 1 -- "$HOST"
U
chmod +x "$C/www/cgi-bin/ping.cgi"
SHA=$(openssl passwd -6 -salt "$(openssl rand -hex 8)" "$(openssl rand -base64 24)")
cat > "$C/etc/shadow" <<S
root:$SHA:19000:0:99999:7:::
daemon:*:19000:0:99999:7:::
nobody:*:19000:0:99999:7:::
S
cat > "$C/etc/inittab" <<'I'
::sysinit:/etc/init.d/rcS
ttyS0::respawn:/sbin/getty -L ttyS0 115200 vt100
::ctrlaltdel:/sbin/reboot
I
cat > "$C/etc/init.d/rcS" <<'R'
#!/bin/sh
mount -t proc proc /proc
mount -t tmpfs tmpfs /tmp
for i in /etc/init.d/S??* ; do
  [ -x "$i" ] && $i start
done
R
# host keys are generated at first boot (-R), not shipped
printf '#!/bin/sh\n/usr/sbin/dropbear -R -s -p 22\n' > "$C/etc/init.d/S50dropbear"
chmod +x "$C"/etc/init.d/*
echo 'kernel.randomize_va_space = 2' > "$C/etc/sysctl.conf"
printf '/dev/root / squashfs ro 0 0\nproc /proc proc defaults 0 0\n' > "$C/etc/fstab"
printf 'bootdelay=-2\nbootcmd=bootm 0x9f020000\n' > "$C/boot/uEnv.txt"
# CA-issued device certificate (the private key is provisioned per device, not shipped)
(cd "$T" && openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.crt -days 3650 -subj "/CN=Vendor Device CA" \
   -addext basicConstraints=critical,CA:TRUE >/dev/null 2>&1 &&
 openssl req -newkey rsa:2048 -nodes -keyout leaf.key -out leaf.csr -subj "/CN=device.vendor-iot.com" >/dev/null 2>&1 &&
 openssl x509 -req -in leaf.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 3650 -sha256 -out leaf.crt >/dev/null 2>&1)
cp "$T/leaf.crt" "$C/etc/uhttpd.crt"; cp "$T/ca.crt" "$C/etc/vendor-ca.crt"
cat > "$C/usr/sbin/fw-update.sh" <<'U'
#!/bin/sh
curl -fsS -o /tmp/fw.bin https://update.vendor-iot.com/latest/fw.bin
curl -fsS -o /tmp/fw.sig https://update.vendor-iot.com/latest/fw.sig
usign -V -m /tmp/fw.bin -x /tmp/fw.sig -P /etc/opkg/keys || exit 1
mtd write /tmp/fw.bin firmware
U
chmod +x "$C/usr/sbin/fw-update.sh"
cat > "$C/etc/config/cloud" <<'U'
config cloud 'main'
	option report_url 'https://api.vendor-iot.com/v1/report'
	option secret_file '/etc/cloud/secret'
U
cat > "$C/etc/hostapd.conf" <<'U'
interface=wlan0
ssid=SmartPlug-Setup
wpa=2
wpa_psk_file=/etc/hostapd.psk
U
rm -rf "$T"
echo "fixture built in $OUT (weak: $(du -sh "$W" | cut -f1), clean: $(du -sh "$C" | cut -f1))"
