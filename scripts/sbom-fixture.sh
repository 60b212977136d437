#!/bin/sh
# Builds the Debian ground-truth rootfs for iotb-sbom by hand (DebianGroundTruthTest does the same at test time):
# downloads real Debian 12 packages of another architecture (default armhf) WITHOUT installing them, unpacks
# them into one tree WITHOUT a dpkg status file (so only binary signatures can identify them), and writes
# expected.tsv (package, component-relevant upstream version from the control file).
# Usage: scripts/sbom-fixture.sh [OUTDIR] [ARCH]     then: iotb sbom OUTDIR/root --format table
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$here/iotb-sbom/target/debian-fixture}
arch=${2:-armhf}
list=$here/iotb-sbom/src/test/resources/org/iotb/sbom/debian-packages.txt
mkdir -p "$out/lists/partial" "$out/cache/archives/partial" "$out/debs" "$out/root"
: > "$out/empty-status"
opts="-oAPT::Architecture=$arch -oAPT::Architectures=$arch -oDir::State::Lists=$out/lists \
 -oDir::Cache=$out/cache -oDir::State::Status=$out/empty-status"
# a failing security index is tolerated: the main archive is enough
apt-get $opts update >/dev/null 2>&1 || true
if ! ls "$out/lists/" | grep -q "_main_binary-${arch}_Packages"; then
  echo "cannot fetch the Debian $arch package index (offline?)" >&2
  exit 2
fi
pkgs=$(grep -v '^#' "$list" | grep -v '^$')
(cd "$out/debs" && apt-get $opts download $pkgs)
: > "$out/expected.tsv"
for d in "$out"/debs/*.deb; do
  dpkg-deb -x "$d" "$out/root"
  printf '%s\t%s\t%s\n' "$(dpkg-deb -f "$d" Package)" "$(dpkg-deb -f "$d" Version)" "$(dpkg-deb -f "$d" Source)" >> "$out/expected.tsv"
done
rm -rf "$out/root/var/lib/dpkg"
echo "rootfs: $out/root"
echo "control versions: $out/expected.tsv"
