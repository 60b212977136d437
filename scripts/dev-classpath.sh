#!/bin/sh
# Prints the class path of the developer and benchmark tools (module iotb-dev: org.iotb.dev.ScanTreeCommand,
# org.iotb.dev.SbomTreeCommand) and of the whole command line (org.iotb.cli.Main): iotb-dev's classes plus the
# fat jar iotb.jar, for a plain JVM (no launcher, no class-data archive). Builds both in the reactor first
# (nothing is installed into ~/.m2; no plugin beyond the build's own is needed, so it works offline).
# Usage: java -cp "$(scripts/dev-classpath.sh)" org.iotb.dev.ScanTreeCommand DIR
#        java -cp "$(scripts/dev-classpath.sh)" org.iotb.cli.Main unpack IMAGE -o DIR
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
(cd "$root" && ./mvnw -q -o -pl iotb-dev -am package -DskipTests -Diotb.cds.skip=true >&2)
echo "$root/iotb-dev/target/classes:$root/iotb-cli/target/iotb.jar"
