#!/bin/sh
# Open-ended Jazzer fuzzing of one reader (jffs2, ubi, ubifs or yaffs2) for the @FuzzTest maxDuration (60 s).
# Not part of the default tests. Findings land in src/test/resources/.../FlashFuzzTestInputs/<target>/ as
# crash-* files: keep them there as regression inputs once fixed. Run from the repository root.
set -eu
target=${1:?usage: scripts/fuzz.sh jffs2|ubi|ubifs|yaffs2}
JAZZER_FUZZ=1 ./mvnw -o -pl iotb-fs-flash test -Dtest="FlashFuzzTest#$target"
