#!/usr/bin/env bash
# Builds a vulnerability-data snapshot for offline use: downloads the public feeds into a fresh store (NVD API 2.0,
# OSV Debian/Alpine/OSS-Fuzz/Linux dumps, the Debian security tracker, CISA KEV, EPSS; only records about the
# components iotb identifies are kept) and writes one bundle with a sha256 manifest:
#
#   scripts/vulndb-snapshot.sh OUT.tar.gz [extra 'iotb vulndb update' options, e.g. --source nvd,kev]
#
# Load it on the air-gapped machine with:  iotb vulndb import --verify OUT.tar.gz   (or --db DIR)
# Set NVD_API_KEY for the 50-requests-per-30-s limit (a full NVD download without a key takes about 15 minutes).
# Proxies: HTTPS_PROXY / https_proxy / NO_PROXY, or JAVA_TOOL_OPTIONS="-Dhttps.proxyHost=… -Dhttps.proxyPort=…".
#
# The result depends on the day it is run (the feeds change daily), so the project does not ship one: the
# manifest records the sources, record counts and newest record date of what you built. Exit: 0 ok, 1 a feed failed
# (the bundle is still written from what arrived), 2 usage.
set -u
OUT=${1:?usage: vulndb-snapshot.sh OUT.tar.gz [iotb vulndb update options]}
shift
HERE=$(cd "$(dirname "$0")/.." && pwd)
STORE=$(mktemp -d "${TMPDIR:-/tmp}/iotb-vulndb-snapshot.XXXXXX")
trap 'rm -rf "$STORE"' EXIT
"$HERE/iotb" vulndb update --db "$STORE" "$@"
rc=$?
if [ $rc -gt 1 ]; then exit $rc; fi
"$HERE/iotb" vulndb bundle --db "$STORE" -o "$OUT" || exit 1
exit $rc
