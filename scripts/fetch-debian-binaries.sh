#!/usr/bin/env bash
# Downloads real foreign-architecture Debian packages (without installing them) and unpacks them into
# CACHE/<arch>/root (all packages unpacked; busybox dynamic wins over busybox-static there, the .debs stay in
# CACHE/<arch>/debs). Used by make-firmware-fixture.sh and the checksec differential test. Exit 3 = cannot download.
set -u
CACHE=${1:?usage: fetch-debian-binaries.sh CACHE_DIR [arch...]}
shift
ARCHS=${*:-armhf arm64 mipsel}
PKGS_DEFAULT="busybox busybox-static dropbear-bin curl libcurl4 libc6 libssl3 openssl hostapd gdbserver strace"
PKGS=${IOTB_DEBIAN_PKGS:-$PKGS_DEFAULT}
mkdir -p "$CACHE"
CACHE=$(cd "$CACHE" && pwd)   # apt runs from other directories below
for arch in $ARCHS; do
  out="$CACHE/$arch"
  stamp="$out/.done-$(echo "$PKGS" | md5sum | cut -c1-8)"
  if [ -f "$stamp" ]; then continue; fi
  lists="$CACHE/lists-$arch"; mkdir -p "$lists/partial" "$out/debs"
  opts=(-oAPT::Architecture=$arch -oAPT::Architectures=$arch -oDir::State::Lists=$lists
        -oDir::Cache=$CACHE/aptcache-$arch -oDebug::NoLocking=1)
  mkdir -p "$CACHE/aptcache-$arch/archives/partial"
  if ! ls "$lists"/*_main_binary-${arch}_Packages* >/dev/null 2>&1; then
    # a partial failure (e.g. the security mirror mid-sync) is fine as long as the main index arrived
    for attempt in 1 2 3; do # retries: DNS hiccups happen
      apt-get "${opts[@]}" -qq update >>"$CACHE/apt-$arch.log" 2>&1
      ls "$lists"/*_main_binary-${arch}_Packages* >/dev/null 2>&1 && break
      sleep 3
    done
    if ! ls "$lists"/*_main_binary-${arch}_Packages* >/dev/null 2>&1; then
      echo "apt-get update failed for $arch (see $CACHE/apt-$arch.log)" >&2; exit 3
    fi
  fi
  got=0
  for p in $PKGS; do
    if ls "$out/debs/${p}_"*.deb >/dev/null 2>&1; then got=$((got+1)); continue; fi
    (cd "$out/debs" && apt-get "${opts[@]}" -qq download "$p:$arch" >>"$CACHE/apt-$arch.log" 2>&1) && got=$((got+1))
  done
  if [ "$got" -eq 0 ]; then echo "no package downloaded for $arch" >&2; exit 3; fi
  for d in "$out"/debs/*.deb; do dpkg-deb -x "$d" "$out/root"; done
  touch "$stamp"
done
