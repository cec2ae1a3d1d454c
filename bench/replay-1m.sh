#!/usr/bin/env bash
# End-to-end benchmark of `replay` on about 1,000,000 generated events (JSON parsing included),
# with the heap capped at 1 GiB. Prints the replay's wall time, peak RSS and the heap in use
# after the last GC. Run from anywhere; builds what it needs.
#   bench/replay-1m.sh            # LEADS=... to change the size, RUNS=... for more runs
#   PLAIN=1 bench/replay-1m.sh    # plain `java -jar` (JVM defaults) instead of the ./leadsla wrapper
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
LEADS="${LEADS:-205000}"
RUNS="${RUNS:-3}"
work="${TMPDIR:-/tmp}/leadsla-replay-1m"
mkdir -p "$work"
mvn -q -B -DskipTests package -pl service,bench -am
java -cp bench/target/benchmarks.jar io.leadsla.bench.SampleGenerator --leads "$LEADS" --seed 42 \
    --out "$work/events.jsonl" 2> "$work/generate.txt"
echo "events file: $(wc -l < "$work/events.jsonl") events, $(du -h "$work/events.jsonl" | cut -f1)"
for run in $(seq 1 "$RUNS"); do
  if [ -n "${PLAIN:-}" ]; then
    launch=(java -Xmx1g -Xlog:gc:file="$work/gc.log" -jar service/target/leadsla.jar)
  else
    export LEADSLA_JAVA_OPTS="-Xmx1g -Xlog:gc:file=$work/gc.log"
    launch=(./leadsla)
  fi
  /usr/bin/time -f "%e %M" -o "$work/time.txt" \
    "${launch[@]}" replay \
      --policies config/policies.yml --events "$work/events.jsonl" --now 2026-10-01T00:00:00Z \
      --out "$work/out" > "$work/summary.txt"
  read -r wall rss < "$work/time.txt"
  heap=$(grep -oE '[0-9]+M->[0-9]+M' "$work/gc.log" | tail -1 || true)
  echo "run $run: wall ${wall}s, peak RSS $((rss / 1024)) MiB, last GC heap ${heap:-n/a} (-Xmx1g)"
done
head -3 "$work/summary.txt"
