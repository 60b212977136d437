#!/usr/bin/env bash
# Load benchmark of the web workspace (`iotb serve`): requests/s and latency of the main pages and API routes with
# 1000 assessment runs in the database, on SQLite and on PostgreSQL (a throw-away cluster of Debian's postgresql,
# started by iotb-store's test support). Not a test: run it by hand and copy the tables into docs/benchmarks.md.
#
#   scripts/bench-server.sh [sqlite|postgresql|both] [PRODUCTS VERSIONS SECONDS CONCURRENCY]
#
# Defaults: both databases, 100 products x 10 versions (1000 runs + the seed), 10 s per route, 8 clients.
# The runs are one real assessment of the bundled example firmware (through the job queue) copied in the database,
# so filling takes seconds, not 1000 pipelines. The load client is ServerBench.java (java.net.http, a logged-in
# session like a browser's); wrk is not needed. The first run may need Maven Central once (drop -o below) to fetch
# maven-dependency-plugin 3.8.1, which lists the classpath.
set -euo pipefail
cd "$(dirname "$0")/.."
which=${1:-both}
shift || true
./mvnw -q -o test-compile org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath -Diotb.cds.skip=true -pl iotb-server -am \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >/dev/null
cp="iotb-server/target/classes:iotb-server/target/test-classes:$(cat iotb-server/target/bench.classpath)"
for kind in sqlite postgresql; do
    if [ "$which" = both ] || [ "$which" = "$kind" ]; then
        java -cp "$cp" scripts/bench-server/ServerBench.java "$kind" "$@"
    fi
done
