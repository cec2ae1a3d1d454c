#!/usr/bin/env bash
# Webhook ingest end to end (docs/BENCHMARKS.md, "Webhook ingest"): the server as a separate
# process on a fresh store, signed HubSpot batches of 100 events on loopback, then a kill -9
# under load and a check that every acknowledged event is in the store.
#   bench/webhook-ingest.sh                                   # embedded and PostgreSQL, all phases
#   bench/webhook-ingest.sh --backends embedded --phases crash --crash-rate 0
# Options (IngestBenchmark): --backends embedded,postgresql  --phases throughput,rate,crash
#   --connections 10  --seconds 30  --warmup 10  --rate 2000  --crash-after 15  --crash-rate 2000
#   --contacts 20000  --service-jvm "-Xmx1g"  --embedded-url-options ";WRITE_DELAY=0"
#   --pg-fsync on  --pg-synchronous-commit on  --work /tmp/leadsla-ingest
# Needs service/target/leadsla.jar and bench/target/benchmarks.jar; BUILD=1 builds them first.
# Run it alone on the machine (on a shared one: flock /tmp/mvn.lock bench/webhook-ingest.sh …).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
if [ -n "${BUILD:-}" ]; then
  mvn -q -B -DskipTests package -pl service,bench -am
fi
for jar in service/target/leadsla.jar bench/target/benchmarks.jar; do
  [ -f "$jar" ] || { echo "$jar is missing: mvn -B -DskipTests package -pl service,bench -am (or BUILD=1 $0)" >&2; exit 1; }
done
echo "$(date -u +%FT%TZ) $(nproc) CPUs: $(lscpu | sed -n 's/^Model name: *//p'); $(java -version 2>&1 | head -1)"
exec java -Xmx2g -cp bench/target/benchmarks.jar io.leadsla.bench.ingest.IngestBenchmark "$@"
