#!/usr/bin/env bash
# Builds the firmware images of the bundled example product (Example Smart Lock SL-100) into
# examples/smart-lock/firmware/: two units of the weak release 1.4.2, the partly fixed release 1.5.0 and the
# clean twin 2.0.0 (what a careful vendor would ship; examples/smart-lock-clean/ holds its honest profile and
# declarations). The weaknesses are planted ON PURPOSE (see examples/smart-lock/firmware/README.md); never ship
# any of this. Host names use the fictional vendor domain example-devices.com (not a reserved name such as
# .invalid or example.com, which the plaintext-endpoint check rightly ignores as documentation placeholders).
#
# Each image is a vendor-style flash blob:
#   0x000000  U-Boot legacy uImage (64-byte header + a small fake "kernel": gzip'd text, not executable)
#   0x010000  squashfs 4.0 root file system (xz, armhf binaries from Debian 12)
#   next 64K  U-Boot environment block (mkenvimage, 16 KiB, CRC32 + bootdelay/bootcmd/bootargs)
#
# Usage: scripts/make-example-firmware.sh [OUT_DIR]      (Debian 12; root or fakeroot not needed)
# Env:   IOTB_EXAMPLE_CACHE   where armhf .debs are fetched/unpacked (default /tmp/iotb-example-debcache)
#        SOURCE_DATE_EPOCH    fixed time stamp for everything (default 2025-01-01T00:00:00Z)
# Needs: apt-get dpkg-deb mksquashfs unsquashfs mkimage dumpimage mkenvimage openssl dropbearkey gzip readelf
#
# Reproducible: fixed mtimes (-all-time, -mkfs-time, SOURCE_DATE_EPOCH for mkimage), -all-root, xz with fixed
# options, gzip -n, key material generated once and kept in firmware/seed/ (so rebuilding keeps the same keys).
# The Debian package versions are whatever the mirror serves; they are recorded in firmware/licenses.txt.
set -euo pipefail
export LC_ALL=C TZ=UTC
umask 022

HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/.." && pwd)
OUT=${1:-$REPO/examples/smart-lock/firmware}
CACHE=${IOTB_EXAMPLE_CACHE:-/tmp/iotb-example-debcache}
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1735689600}
SEED=$OUT/seed
MAX_IMAGE=$((3 * 1024 * 1024))
PKGS="busybox-static busybox dropbear-bin libc6 libcrypt1 libtomcrypt1 libtommath1 libgmp10 zlib1g openssl libssl3"

for t in apt-get dpkg-deb mksquashfs unsquashfs mkimage dumpimage mkenvimage openssl dropbearkey gzip readelf; do
  command -v "$t" >/dev/null || { echo "missing tool: $t (apt-get install squashfs-tools u-boot-tools dropbear-bin openssl binutils)" >&2; exit 2; }
done

WORK=$(mktemp -d /tmp/iotb-example-fw.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$OUT" "$SEED"

# ---------------------------------------------------------------- 1. real armhf binaries from Debian
IOTB_DEBIAN_PKGS="$PKGS" "$REPO/scripts/fetch-debian-binaries.sh" "$CACHE" armhf
DEB=$CACHE/armhf/root
for p in $PKGS; do
  ls "$CACHE"/armhf/debs/"${p}"_*.deb >/dev/null 2>&1 ||
    { echo "armhf package $p missing in $CACHE (an old cache? delete $CACHE/armhf/.done and rerun)" >&2; exit 3; }
done
# busybox and busybox-static both ship /bin/busybox, so the merged tree holds only one of them: unpack each alone
dpkg-deb -x "$(ls "$CACHE"/armhf/debs/busybox-static_*.deb)" "$WORK/busybox-static"
dpkg-deb -x "$(ls "$CACHE"/armhf/debs/busybox_*.deb)" "$WORK/busybox-dynamic"

# ---------------------------------------------------------------- 2. key material, made once, then reused
# The device key (every unit, both releases) and the dropbear host key (every 1.4.2 unit) are shared: planted.
if [ ! -s "$SEED/device.key" ]; then
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$SEED/device.key" 2>/dev/null
fi
if [ ! -s "$SEED/dropbear_rsa_host_key" ]; then
  dropbearkey -t rsa -s 2048 -f "$SEED/dropbear_rsa_host_key" >/dev/null
fi
if [ ! -s "$SEED/device.crt" ]; then
  # self-signed and EXPIRED (valid 2020-01-01 .. 2023-01-01); openssl 3.0's x509 has no -not_after,
  # so `openssl ca -selfsign` with -startdate/-enddate sets the dates
  ca=$WORK/ca; mkdir -p "$ca"; : >"$ca/index.txt"; echo 1001 >"$ca/serial"
  cat >"$ca/ca.cnf" <<EOF
[ ca ]
default_ca = lock_ca
[ lock_ca ]
database = $ca/index.txt
new_certs_dir = $ca
serial = $ca/serial
default_md = sha256
policy = any
unique_subject = no
[ any ]
commonName = supplied
organizationName = optional
countryName = optional
[ req ]
distinguished_name = dn
prompt = no
[ dn ]
C = GB
O = Example Devices Ltd
CN = sl100.lock.example.invalid
[ device ]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature,keyEncipherment
extendedKeyUsage = serverAuth,clientAuth
subjectAltName = DNS:sl100.lock.example.invalid
EOF
  openssl req -new -key "$SEED/device.key" -config "$ca/ca.cnf" -out "$ca/device.csr"
  openssl ca -batch -notext -selfsign -config "$ca/ca.cnf" -keyfile "$SEED/device.key" -in "$ca/device.csr" \
    -startdate 20200101000000Z -enddate 20230101000000Z -extensions device -out "$SEED/device.crt" 2>/dev/null
fi
if [ ! -s "$SEED/update-ca.crt" ]; then
  # 2.0.0 fetches updates over TLS verified against this vendor CA (CA:TRUE, P-256); its private key is thrown away
  openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$WORK/update-ca.key" 2>/dev/null
  openssl req -x509 -new -key "$WORK/update-ca.key" -sha256 -days 7300 -set_serial 1 \
    -subj "/C=GB/O=Example Devices Ltd/CN=Example Devices Update CA" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
    -out "$SEED/update-ca.crt" 2>/dev/null
fi
if [ ! -s "$SEED/update-signing.pub" ]; then
  # 1.5.0 verifies updates against this public key; the private half never left the (imaginary) vendor
  openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$WORK/update-signing.key" 2>/dev/null
  openssl pkey -in "$WORK/update-signing.key" -pubout -out "$SEED/update-signing.pub"
fi

# ---------------------------------------------------------------- 3. root file systems
copy_deb() {  # copy_deb REL_PATH... : copy files (and the symlinks leading to them) from the Debian tree
  local p
  for p in "$@"; do
    mkdir -p "$ROOTFS/$(dirname "$p")"
    cp -a "$DEB/$p" "$ROOTFS/$p"
  done
}

put() {  # put MODE PATH < content
  mkdir -p "$ROOTFS/$(dirname "$2")"
  cat >"$ROOTFS/$2"
  chmod "$1" "$ROOTFS/$2"
}

applets() {  # applets BUSYBOX : the applet names compiled in (its NUL-separated table "[", "[[", ... "zcip")
  tr '\0' '\n' <"$1" | awk 'prev == "[" && $0 == "[[" && !done { on = 1 } on && $0 == "" { on = 0; done = 1 } on { print } { prev = $0 }'
}

link_applets() {  # link_applets DIR TARGET APPLET... (reads $WORK/applets.txt)
  local dir=$1 target=$2 a; shift 2
  for a in "$@"; do
    if grep -qx -- "$a" "$WORK/applets.txt"; then ln -s "$target" "$ROOTFS/$dir/$a"; fi
  done
}

stage_common() {  # stage_common ROOTFS BUSYBOX_TREE [CONFIG_FUNCTION (default stage_config)]
  ROOTFS=$1
  mkdir -p "$ROOTFS"/{bin,sbin,usr/bin,usr/sbin,lib,etc/init.d,dev,proc,sys,tmp,var/run,var/log,root,mnt,www}
  chmod 1777 "$ROOTFS/tmp"
  cp -a "$2/bin/busybox" "$ROOTFS/bin/busybox"
  # applets a vendor's busybox build typically exposes; a link is made only when this busybox has the applet
  applets "$ROOTFS/bin/busybox" >"$WORK/applets.txt"
  link_applets bin busybox sh ash cat cp chmod chown date dd df dmesg echo grep hostname kill ln ls mkdir mount \
    mv ping ps rm sed sleep sync touch umount vi
  link_applets sbin ../bin/busybox init getty halt ifconfig klogd logread poweroff reboot route syslogd sysctl udhcpc
  link_applets usr/bin ../../bin/busybox awk free hexdump logger md5sum sha256sum tftp top wget
  link_applets usr/sbin ../../bin/busybox httpd telnetd ntpd crond
  "${3:-stage_config}"
}

add_dropbear() {  # SSH server + client (dynamic; their libraries come with copy_needed)
  copy_deb usr/sbin/dropbear usr/bin/dropbearkey usr/bin/dbclient
  put 600 etc/dropbear/dropbear_rsa_host_key <"$SEED/dropbear_rsa_host_key"
}

copy_needed() {  # copy the shared libraries (and their links) that the ELF files in ROOTFS need, transitively
  local changed=1 f lib dir
  while [ "$changed" = 1 ]; do
    changed=0
    while IFS= read -r f; do
      local interp; interp=$(readelf -l "$f" 2>/dev/null | sed -n 's/.*interpreter: \/\(.*\)\]/\1/p' || true)
      if [ -n "$interp" ] && [ ! -e "$ROOTFS/$interp" ] && [ -e "$DEB/$interp" ]; then
        copy_deb "$interp"; [ -L "$DEB/$interp" ] && copy_deb "$(dirname "$interp")/$(readlink "$DEB/$interp")"
        changed=1
      fi
      for lib in $(readelf -d "$f" 2>/dev/null | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'); do
        for dir in lib/arm-linux-gnueabihf usr/lib/arm-linux-gnueabihf lib; do
          if [ -e "$DEB/$dir/$lib" ]; then
            if [ ! -e "$ROOTFS/$dir/$lib" ]; then
              copy_deb "$dir/$lib"
              local real; real=$(readlink "$DEB/$dir/$lib" || true)
              if [ -n "$real" ]; then copy_deb "$dir/$real"; fi
              changed=1
            fi
            break
          fi
        done
      done
    done < <(find "$ROOTFS" -type f -perm -u+x -o -type f -name '*.so*' | sort)
  done
}

stage_config() {  # configuration shared by every release

  put 644 etc/passwd <<'EOF'
root:x:0:0:root:/root:/bin/sh
daemon:x:1:1:daemon:/usr/sbin:/bin/false
admin:x:500:500:installer:/root:/bin/sh
support:x:501:500:field support:/tmp:/bin/sh
lockd:x:100:100:lock service:/var/run:/bin/false
EOF
  put 644 etc/group <<'EOF'
root:x:0:
daemon:x:1:
lockd:x:100:
users:x:500:admin,support
EOF
  put 644 etc/hostname <<<"sl100"
  put 644 etc/hosts <<<"127.0.0.1 localhost sl100"
  put 644 etc/profile <<'EOF'
export PATH=/bin:/sbin:/usr/bin:/usr/sbin
export PS1='\u@\h:\w\$ '
EOF
  put 644 etc/hostapd.conf <<'EOF'
# set-up access point used by the app during pairing
interface=wlan0
driver=nl80211
ssid=SL100-SETUP
hw_mode=g
channel=6
auth_algs=1
wpa=2
wpa_key_mgmt=WPA-PSK
rsn_pairwise=CCMP
wpa_passphrase=12345678
EOF
  put 600 etc/lock/cloud.conf <<'EOF'
# Example Devices cloud connection
[cloud]
endpoint=https://api.example-devices.com/v2
api_key=86175db17037a17165903813805cd6b3
mqtt_url=mqtt://broker.example-devices.com:1883/locks
mqtt_user=sl100
keepalive=60
EOF
  put 644 etc/lock/lockd.conf <<'EOF'
ble_name=SL-100
pin_attempts=5
auto_lock_seconds=30
EOF
  # the Zigbee radio (pairing with home hubs) joins with the well-known ZigBeeAlliance09 trust-centre link key
  put 644 etc/lock/zigbee.conf <<'EOF'
# Zigbee 3.0 end device: join settings
channel_mask=0x07fff800
tc_link_key=5A6967426565416C6C69616E63653039
install_code=
EOF
  stage_radios
  put 755 usr/sbin/lockd <<'EOF'
#!/bin/sh
# lock service: BLE pairing + cloud client (the real daemon is proprietary; this placeholder only logs)
. /etc/lock/lockd.conf
logger -t lockd "started, ble_name=$ble_name serial=$(cat /etc/lock/serial)"
while sleep 3600; do :; done
EOF
  put 600 etc/ssl/private/device.key <"$SEED/device.key"
  put 644 etc/ssl/certs/device.crt <"$SEED/device.crt"
  put 644 etc/fstab <<'EOF'
# <device>       <mount point> <type>   <options>         <dump> <pass>
/dev/mtdblock2   /             squashfs rw                0      0
proc             /proc         proc     defaults          0      0
sysfs            /sys          sysfs    defaults          0      0
tmpfs            /tmp          tmpfs    mode=1777         0      0
EOF
  put 755 usr/share/udhcpc/default.script <<'EOF'
#!/bin/sh
# udhcpc event hook: configure wlan0 from the DHCP lease
case "$1" in
  deconfig) ifconfig "$interface" 0.0.0.0 ;;
  bound|renew)
    ifconfig "$interface" "$ip" netmask "${subnet:-255.255.255.0}"
    [ -n "$router" ] && route add default gw "${router%% *}" dev "$interface"
    : >/tmp/resolv.conf; for d in $dns; do echo "nameserver $d" >>/tmp/resolv.conf; done ;;
esac
EOF
  ln -sf /tmp/resolv.conf "$ROOTFS/etc/resolv.conf"
  put 644 www/index.html <<'EOF'
<!doctype html>
<html><head><title>SL-100</title></head>
<body><h1>Example Smart Lock SL-100</h1><p>Use the Example Lock app to pair this lock.</p></body></html>
EOF
}

stage_radios() {  # placeholders for the proprietary radio daemons (their names are what an image shows)
  put 755 usr/sbin/bt_host <<'EOF'
#!/bin/sh
# BLE host daemon (a NimBLE port; the real program is proprietary; this placeholder only logs)
logger -t bt_host "advertising as $(sed -n 's/^ble_name=//p' /etc/lock/lockd.conf)"
while sleep 3600; do :; done
EOF
  put 755 usr/sbin/zigbee-ezsp <<'EOF'
#!/bin/sh
# Zigbee host for the EFR32 radio over EZSP (proprietary; this placeholder only logs)
logger -t zigbee "joining with settings from /etc/lock/zigbee.conf"
while sleep 3600; do :; done
EOF
}

release_142() {  # the weak release
  put 644 etc/version <<<"1.4.2"
  put 644 etc/os-release <<'EOF'
NAME="SL-100 firmware"
VERSION="1.4.2"
ID=sl100
BUILD_ID=20240611
EOF
  # root = MD5-crypt("admin") made here with a fixed salt; admin = DES-crypt("12345") (made once with
  # Python's crypt.crypt('12345','Ex')); support has an EMPTY password field
  local root_hash; root_hash=$(openssl passwd -1 -salt Sl100Fw1 admin)
  put 600 etc/shadow <<EOF
root:$root_hash:19800:0:99999:7:::
daemon:*:19800:0:99999:7:::
admin:Exbq4ez4QaQpg:19800:0:99999:7:::
support::19800:0:99999:7:::
lockd:!:19800:0:99999:7:::
EOF
  put 644 etc/inittab <<'EOF'
::sysinit:/etc/init.d/rcS
# factory debug console: root shell on the serial port, no login
ttyS0::respawn:/bin/sh
::ctrlaltdel:/sbin/reboot
::shutdown:/bin/umount -a -r
EOF
  put 644 etc/sysctl.conf <<'EOF'
kernel.randomize_va_space=0
net.ipv4.ip_forward=0
EOF
  put 755 etc/init.d/rcS <<'EOF'
#!/bin/sh
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t tmpfs -o mode=1777 tmpfs /tmp
mount -o remount,rw /
sysctl -p /etc/sysctl.conf
hostname -F /etc/hostname
syslogd; klogd
# remote maintenance for the field team
telnetd -l /bin/sh
dropbear -R -B
httpd -h /www -p 80
udhcpc -b -i wlan0 -s /usr/share/udhcpc/default.script
/usr/sbin/lockd &
/usr/sbin/fw-update.sh check &
EOF
  put 755 usr/sbin/fw-update.sh <<'EOF'
#!/bin/sh
# over-the-air update: fetch the newest image and flash it
URL=http://update.example-devices.com/sl100/latest.bin
IMG=/tmp/fw.bin
fetch() {
  if command -v curl >/dev/null; then
    curl -k -s -o "$IMG" "$URL"
  else
    wget --no-check-certificate -q -O "$IMG" "$URL"
  fi
}
case "$1" in
  check|now)
    fetch || exit 1
    mtd write "$IMG" firmware && reboot
    ;;
esac
EOF
  # a developer's working copy leaked into the web root
  put 644 www/.git/HEAD <<<"ref: refs/heads/master"
  put 644 www/.git/config <<'EOF'
[core]
	repositoryformatversion = 0
	filemode = true
	bare = false
[remote "origin"]
	url = git@git.example-devices.com:firmware/sl100-www.git
	fetch = +refs/heads/*:refs/remotes/origin/*
EOF
  put 644 www/.git/description <<<"Unnamed repository; edit this file 'description' to name the repository."
  # the installer's diagnostics page: the host parameter goes straight into eval (host=1.1.1.1;reboot)
  put 755 www/cgi-bin/diag.cgi <<'EOF'
#!/bin/sh
# installer diagnostics: can the lock reach a host? (/cgi-bin/diag.cgi?host=...)
echo "Content-Type: text/plain"
echo
HOST=$(echo "$QUERY_STRING" | sed -n 's/^.*host=\([^&]*\).*$/\1/p')
eval "ping -c 1 -W 2 $HOST"
EOF
}

release_150() {  # the next release: some issues fixed, the shared private key is not
  put 644 etc/version <<<"1.5.0"
  put 644 etc/os-release <<'EOF'
NAME="SL-100 firmware"
VERSION="1.5.0"
ID=sl100
BUILD_ID=20250115
EOF
  # root = SHA-512-crypt of a random 32-character password that was thrown away after hashing;
  # the admin DES hash and the empty support password were NOT fixed
  put 600 etc/shadow <<'EOF'
root:$6$Qm7vT2xKp9LrWs4N$3o5mb5AK/vCIDAnUcl7Swvl1Az1WDrqaUi4wAVSFVX7/GwQDSbjVPvo1/8LKvwS30XthYPvT2ajhd/DUZFf4a0:20100:0:99999:7:::
daemon:*:20100:0:99999:7:::
admin:Exbq4ez4QaQpg:19800:0:99999:7:::
support::19800:0:99999:7:::
lockd:!:20100:0:99999:7:::
EOF
  put 644 etc/inittab <<'EOF'
::sysinit:/etc/init.d/rcS
ttyS0::respawn:/sbin/getty -L ttyS0 115200 vt100
::ctrlaltdel:/sbin/reboot
::shutdown:/bin/umount -a -r
EOF
  put 644 etc/sysctl.conf <<'EOF'
kernel.randomize_va_space=2
net.ipv4.ip_forward=0
EOF
  put 755 etc/init.d/rcS <<'EOF'
#!/bin/sh
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t tmpfs -o mode=1777 tmpfs /tmp
mount -o remount,rw /
sysctl -p /etc/sysctl.conf
hostname -F /etc/hostname
syslogd; klogd
# no telnet, no SSH: field maintenance now goes through the cloud
httpd -h /www -p 80
udhcpc -b -i wlan0 -s /usr/share/udhcpc/default.script
/usr/sbin/lockd &
/usr/sbin/fw-update.sh check &
EOF
  put 755 usr/sbin/fw-update.sh <<'EOF'
#!/bin/sh
# over-the-air update: fetch image + signature over TLS, verify, then flash
BASE=https://update.example-devices.com/sl100
IMG=/tmp/fw.bin
SIG=/tmp/fw.bin.sig
PUB=/etc/ssl/certs/update-signing.pub
case "$1" in
  check|now)
    curl -fsS --proto =https -o "$IMG" "$BASE/latest.bin" || exit 1
    curl -fsS --proto =https -o "$SIG" "$BASE/latest.bin.sig" || exit 1
    if ! openssl dgst -sha256 -verify "$PUB" -signature "$SIG" "$IMG"; then
      logger -t fw-update "signature check failed, image rejected"
      rm -f "$IMG" "$SIG"
      exit 1
    fi
    mtd write "$IMG" firmware && reboot
    ;;
esac
EOF
  put 644 etc/ssl/certs/update-signing.pub <"$SEED/update-signing.pub"
  # openssl (for the signature check) with its libraries
  copy_deb usr/bin/openssl usr/lib/arm-linux-gnueabihf/libssl.so.3 usr/lib/arm-linux-gnueabihf/libcrypto.so.3
}

stage_config_clean() {  # configuration of the clean twin 2.0.0: no shared secrets, no set-up AP, read-only root
  put 644 etc/passwd <<'EOF'
root:x:0:0:root:/root:/bin/sh
daemon:x:1:1:daemon:/usr/sbin:/bin/false
lockd:x:100:100:lock service:/var/run:/bin/false
EOF
  put 644 etc/group <<'EOF'
root:x:0:
daemon:x:1:
lockd:x:100:
EOF
  put 644 etc/hostname <<<"sl100"
  put 644 etc/hosts <<<"127.0.0.1 localhost sl100"
  put 644 etc/profile <<'EOF'
export PATH=/bin:/sbin:/usr/bin:/usr/sbin
EOF
  # no key, token or password in the image: the per-unit key and certificate live in the SoC's secure element,
  # written at the factory; the cloud connection authenticates with them
  put 644 etc/lock/cloud.conf <<'EOF'
# Example Devices cloud connection (client certificate from the secure element)
[cloud]
endpoint=https://api.example-devices.com/v2
mqtt_url=mqtts://broker.example-devices.com:8883/locks
ca_file=/etc/ssl/certs/update-ca.crt
keepalive=60
EOF
  put 644 etc/lock/lockd.conf <<'EOF'
ble_name=SL-100
pin_attempts=5
auto_lock_seconds=30
EOF
  # Zigbee joins with the per-unit install code printed on the label (derived link key), never the default key
  put 644 etc/lock/zigbee.conf <<'EOF'
# Zigbee 3.0 end device: join settings (link key derived from the install code in the secure element)
channel_mask=0x07fff800
join_with=install-code
EOF
  stage_radios
  put 755 usr/sbin/lockd <<'EOF'
#!/bin/sh
# lock service: BLE pairing + cloud client (the real daemon is proprietary; this placeholder only logs)
. /etc/lock/lockd.conf
logger -t lockd "started, ble_name=$ble_name"
while sleep 3600; do :; done
EOF
  put 644 etc/fstab <<'EOF'
# <device>       <mount point> <type>   <options>         <dump> <pass>
/dev/mtdblock2   /             squashfs ro                0      0
proc             /proc         proc     defaults          0      0
sysfs            /sys          sysfs    defaults          0      0
tmpfs            /tmp          tmpfs    mode=1777         0      0
EOF
  put 755 usr/share/udhcpc/default.script <<'EOF'
#!/bin/sh
# udhcpc event hook: configure wlan0 from the DHCP lease
case "$1" in
  deconfig) ifconfig "$interface" 0.0.0.0 ;;
  bound|renew)
    ifconfig "$interface" "$ip" netmask "${subnet:-255.255.255.0}"
    [ -n "$router" ] && route add default gw "${router%% *}" dev "$interface"
    : >/tmp/resolv.conf; for d in $dns; do echo "nameserver $d" >>/tmp/resolv.conf; done ;;
esac
EOF
  ln -sf /tmp/resolv.conf "$ROOTFS/etc/resolv.conf"
  # a status page for the pairing helper, served on the loopback interface only; the one parameter is cut
  # down to letters and underscores and checked against a list before it is used
  put 755 www/cgi-bin/status.cgi <<'EOF'
#!/bin/sh
# lock status for the local pairing helper (/cgi-bin/status.cgi?field=battery)
echo "Content-Type: text/plain"
echo
FIELD=$(echo "$QUERY_STRING" | sed -n 's/^.*field=\([^&]*\).*$/\1/p' | tr -cd 'a-z_')
case "$FIELD" in
  battery|lock_state|firmware) cat "/var/run/lockd/$FIELD" ;;
  *) echo "unknown field" ;;
esac
EOF
}

release_200_clean() {  # the clean twin: what the SL-100 should have been
  put 644 etc/version <<<"2.0.0"
  put 644 etc/os-release <<'EOF'
NAME="SL-100 firmware"
VERSION="2.0.0"
ID=sl100
BUILD_ID=20260105
EOF
  # no password login at all: root and the service accounts are locked; users authenticate in the app
  # (BLE pairing with a per-unit code from the label), never with a system password
  put 600 etc/shadow <<'EOF'
root:!:20458:0:99999:7:::
daemon:*:20458:0:99999:7:::
lockd:!:20458:0:99999:7:::
EOF
  # no console shell: nothing is started on the serial port
  put 644 etc/inittab <<'EOF'
::sysinit:/etc/init.d/rcS
::ctrlaltdel:/sbin/reboot
::shutdown:/bin/umount -a -r
EOF
  put 644 etc/sysctl.conf <<'EOF'
kernel.randomize_va_space=2
kernel.kptr_restrict=2
kernel.dmesg_restrict=1
net.ipv4.ip_forward=0
EOF
  put 755 etc/init.d/rcS <<'EOF'
#!/bin/sh
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t tmpfs -o mode=1777 tmpfs /tmp
sysctl -p /etc/sysctl.conf
hostname -F /etc/hostname
syslogd; klogd
# no telnet, no SSH, no serial shell; the status page listens on the loopback interface only
httpd -h /www -p 127.0.0.1:8080
udhcpc -b -i wlan0 -s /usr/share/udhcpc/default.script
/usr/sbin/bt_host &
/usr/sbin/zigbee-ezsp &
/usr/sbin/lockd &
/usr/sbin/fw-update.sh check &
EOF
  put 755 usr/sbin/fw-update.sh <<'EOF'
#!/bin/sh
# over-the-air update: fetch image + signature over TLS (server certificate and host name verified against the
# vendor CA), verify the signature, then flash
HOST=update.example-devices.com
CA=/etc/ssl/certs/update-ca.crt
PUB=/etc/ssl/certs/update-signing.pub
IMG=/tmp/fw.bin
SIG=/tmp/fw.bin.sig
get() {  # get PATH OUT: HTTPS GET; openssl aborts the handshake unless the certificate verifies
  printf 'GET %s HTTP/1.0\r\nHost: %s\r\n\r\n' "$1" "$HOST" |
    openssl s_client -quiet -connect "$HOST:443" -servername "$HOST" -verify_hostname "$HOST" \
      -CAfile "$CA" -verify_return_error 2>/dev/null | sed '1,/^\r$/d' >"$2"
}
case "$1" in
  check|now)
    get /sl100/latest.bin "$IMG" || exit 1
    get /sl100/latest.bin.sig "$SIG" || exit 1
    if ! openssl dgst -sha256 -verify "$PUB" -signature "$SIG" "$IMG"; then
      logger -t fw-update "signature check failed, image rejected"
      rm -f "$IMG" "$SIG"
      exit 1
    fi
    mtd write "$IMG" firmware && reboot
    ;;
esac
EOF
  put 644 etc/ssl/certs/update-signing.pub <"$SEED/update-signing.pub"
  put 644 etc/ssl/certs/update-ca.crt <"$SEED/update-ca.crt"
  copy_deb usr/bin/openssl usr/lib/arm-linux-gnueabihf/libssl.so.3 usr/lib/arm-linux-gnueabihf/libcrypto.so.3
}

# ---------------------------------------------------------------- 4. flash blob assembly
make_kernel() {  # a tiny uImage holding gzip'd text: enough for header parsers, clearly not a real kernel
  local txt=$WORK/kernel.txt
  {
    echo "Linux version 4.9.118-sl100 (build@example-devices) (gcc version 7.3.0) #1 SMP PREEMPT"
    echo "IOTB EXAMPLE: placeholder for the SL-100 kernel; not executable code."
    local i
    for i in $(seq 1 400); do printf 'CONFIG_EXAMPLE_OPTION_%04d=y\n' "$i"; done
    # object checksums: hashes do not compress, so the payload has the size of a (very) small kernel
    for i in $(seq 1 100); do printf '%s  drivers/sl100/obj-%03d.o\n' "$(printf 'sl100-%d' "$i" | sha256sum | cut -c1-64)" "$i"; done
  } >"$txt"
  gzip -9 -n -c "$txt" >"$WORK/kernel.gz"
  mkimage -A arm -O linux -T kernel -C none -a 0x80008000 -e 0x80008000 \
    -n "SL-100 Linux-4.9.118" -d "$WORK/kernel.gz" "$WORK/uImage" >/dev/null
}

make_env() {  # make_env OUT [clean]
  if [ "${2:-}" = clean ]; then
    # no autoboot delay to interrupt (-2: boot at once, no key checked), read-only root, no kernel console
    cat >"$WORK/env.txt" <<'EOF'
bootdelay=-2
bootargs=root=/dev/mtdblock2 rootfstype=squashfs ro init=/sbin/init quiet
bootcmd=sf probe 0; sf read 0x82000000 0x40000 0x400000; bootm 0x82000000
EOF
  else
    cat >"$WORK/env.txt" <<'EOF'
baudrate=115200
bootdelay=3
bootargs=console=ttyS0,115200 root=/dev/mtdblock2 rootfstype=squashfs rw init=/sbin/init
bootcmd=sf probe 0; sf read 0x82000000 0x40000 0x400000; bootm 0x82000000
ipaddr=192.168.1.10
serverip=192.168.1.100
EOF
  fi
  mkenvimage -s 0x4000 -o "$1" "$WORK/env.txt"
}

pad_to() {  # pad_to FILE ALIGN : append 0xff up to the next multiple of ALIGN
  local size; size=$(stat -c %s "$1")
  local want=$(( (size + $2 - 1) / $2 * $2 ))
  if [ "$want" -gt "$size" ]; then
    head -c $((want - size)) /dev/zero | tr '\0' '\377' >>"$1"
  fi
}

build_image() {  # build_image ROOTFS OUT_BIN [ENV_BIN]
  local rootfs=$1 out=$2 sq=$WORK/root.sqfs blob=$WORK/blob.bin env=${3:-$WORK/env.bin}
  rm -f "$sq"
  # mksquashfs refuses SOURCE_DATE_EPOCH together with -all-time/-mkfs-time: pass the time explicitly
  env -u SOURCE_DATE_EPOCH mksquashfs "$rootfs" "$sq" -comp xz -Xbcj arm -b 262144 -all-root -no-xattrs -noappend -quiet -no-progress \
    -all-time "$SOURCE_DATE_EPOCH" -mkfs-time "$SOURCE_DATE_EPOCH" -processors 1 \
    -p "/dev/console c 600 0 0 5 1" -p "/dev/null c 666 0 0 1 3" -p "/dev/ttyS0 c 600 0 0 4 64" \
    -p "/dev/mtd3 c 600 0 0 90 6" >/dev/null
  cp "$WORK/uImage" "$blob"
  pad_to "$blob" 65536
  cat "$sq" >>"$blob"
  pad_to "$blob" 65536
  cat "$env" >>"$blob"
  local size; size=$(stat -c %s "$blob")
  if [ "$size" -gt "$MAX_IMAGE" ]; then echo "$out is $size bytes, over the 3 MB budget" >&2; exit 4; fi
  mv "$blob" "$out"
}

make_kernel
make_env "$WORK/env.bin"
make_env "$WORK/env-clean.bin" clean

stage_common "$WORK/r142" "$WORK/busybox-static"; add_dropbear; release_142; copy_needed; put 644 etc/lock/serial <<<"SL100-2406-000173"
build_image "$WORK/r142" "$OUT/sl100-1.4.2-unit1.bin"
# unit 2: a second lock of the same batch; only the serial number differs (keys, passwords: identical)
put 644 etc/lock/serial <<<"SL100-2406-000174"
build_image "$WORK/r142" "$OUT/sl100-1.4.2-unit2.bin"

stage_common "$WORK/r150" "$WORK/busybox-dynamic"; release_150; copy_needed; put 644 etc/lock/serial <<<"SL100-2501-000021"
build_image "$WORK/r150" "$OUT/sl100-1.5.0.bin"

stage_common "$WORK/r200" "$WORK/busybox-dynamic" stage_config_clean; release_200_clean; copy_needed
put 644 etc/lock/serial <<<"SL100-2601-000001"
build_image "$WORK/r200" "$OUT/sl100-2.0.0-clean.bin" "$WORK/env-clean.bin"

# ---------------------------------------------------------------- 5. licence list of the Debian binaries inside
images_using() {  # images_using DEB : releases whose rootfs holds a byte-identical copy of a file of that package
  local d=$1 dir=$WORK/pkg/$(basename "$1" .deb) rel used=""
  mkdir -p "$dir"; dpkg-deb -x "$d" "$dir"
  for rel in 142:1.4.2 150:1.5.0 200:2.0.0; do
    if (cd "$dir" && find . -type f | while IFS= read -r f; do
          [ -f "$WORK/r${rel%%:*}/$f" ] && cmp -s "$f" "$WORK/r${rel%%:*}/$f" && { echo hit; break; }
        done) | grep -q hit; then
      used="${used:+$used,}${rel#*:}"
    fi
  done
  echo "$used"
}
{
  echo "# package<TAB>version<TAB>source package<TAB>licence<TAB>in images<TAB>source URL pattern (Debian 12, armhf)"
  for d in "$CACHE"/armhf/debs/*.deb; do
    pkg=$(dpkg-deb -f "$d" Package); ver=$(dpkg-deb -f "$d" Version)
    src=$(dpkg-deb -f "$d" Source); src=${src:-$pkg}; srcname=${src%% *}
    case "$srcname" in  # from each package's debian/copyright
      busybox) lic="GPL-2.0-only";;
      dropbear) lic="MIT (+ public-domain libtom parts)";;
      glibc) lic="LGPL-2.1-or-later";;
      libxcrypt) lic="LGPL-2.1-or-later";;
      gmp) lic="LGPL-3.0-or-later OR GPL-2.0-or-later";;
      zlib) lic="Zlib";;
      libtomcrypt) lic="public-domain OR WTFPL";;
      libtommath) lic="public-domain OR Unlicense";;
      openssl) lic="Apache-2.0";;
      *) lic="see /usr/share/doc/$pkg/copyright";;
    esac
    where=$(images_using "$d")
    [ -n "$where" ] || continue
    prefix=${srcname:0:1}; [[ $srcname == lib* ]] && prefix=${srcname:0:4}
    printf '%s\t%s\t%s\t%s\t%s\thttps://deb.debian.org/debian/pool/main/%s/%s/\n' \
      "$pkg" "$ver" "$srcname" "$lic" "$where" "$prefix" "$srcname"
  done
} >"$OUT/licenses.txt"

# ---------------------------------------------------------------- 6. verification with the real tools
for f in "$OUT"/sl100-*.bin; do
  echo "== $(basename "$f")  $(stat -c %s "$f") bytes  sha256 $(sha256sum "$f" | cut -d' ' -f1)"
  # dumpimage 2023.01 rejects a legacy image followed by other data: give it exactly header + ih_size bytes
  ksize=$(od -An -tu4 --endian=big -j 12 -N 4 "$f" | tr -d ' ')
  head -c $((64 + ksize)) "$f" >"$WORK/uimage.check"
  dumpimage -l "$WORK/uimage.check" | sed 's/^/   /'
  sqoff=65536
  unsquashfs -s -o "$sqoff" "$f" 2>/dev/null | grep -E 'Filesystem size|Compression|Block size|Number of inodes' | sed 's/^/   /'
  echo "   files: $(unsquashfs -l -o "$sqoff" "$f" 2>/dev/null | grep -c '^squashfs-root')"
  # the U-Boot environment is the last 16 KiB: byte-identical to what mkenvimage made (so its CRC32 is right)
  envbin=$WORK/env.bin; case "$f" in *-clean.bin) envbin=$WORK/env-clean.bin ;; esac
  if tail -c 16384 "$f" | cmp -s - "$envbin"; then
    echo "   u-boot env at $(( $(stat -c %s "$f") - 16384 )): $(tail -c 16380 "$f" | tr '\0' '\n' | grep -a = | tr '\n' ';' | cut -c1-60)..."
  else
    echo "   u-boot env MISSING" >&2; exit 5
  fi
done
# the two units must differ in the serial number only
unsquashfs -q -d "$WORK/u1" -o 65536 "$OUT/sl100-1.4.2-unit1.bin" >/dev/null
unsquashfs -q -d "$WORK/u2" -o 65536 "$OUT/sl100-1.4.2-unit2.bin" >/dev/null
(cd "$WORK" && diff -r --no-dereference -x dev u1 u2 | sed 's/^/   unit1 vs unit2: /') || true
