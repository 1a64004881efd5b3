#!/usr/bin/env bash
# Benchmark: the clean-up pipeline (issue "Run": a bulk run over 10,000 items keeps every FX pulse under
# 50 ms and completes within 2 times the same deletes done by plain SQL, one transaction per item).
# Generates an N-VM demo, plans "remove TPM" for enough VMs to make ITEMS items, times plain SQL on one copy
# and the pipeline (shown in the real run window, -Xmx512m) on another, and prints both, their ratio and the
# longest gap between FX pulses. Needs a display: $DISPLAY, else its own Xvfb. RUNTIME=image: the app image's
# runtime and launcher options (bench/runtime.sh). Usage: bench/run-pipeline.sh [N] [ITEMS]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-8000}
ITEMS=${2:-10000}
JAR=app/target/tpm-console.jar
BENCH=app/target/test-classes/dev/tpmconsole/app/bench/RunBenchmark.class
[ -f "$JAR" ] && [ -f "$BENCH" ] || mvn -B -q package -DskipTests
. bench/work.sh
java -jar "$JAR" demo --out "$work/demo.sqlite" --vms "$N" >/dev/null
# the disk settles first: what the demo (or a benchmark before this one) left for the kernel to write back would
# otherwise be written during the runs, and a run forces a write at every commit
sync
. bench/display.sh
. bench/runtime.sh
"${bench_java[@]}" -Xmx512m dev.tpmconsole.app.bench.RunBenchmark "$work/demo.sqlite" "$ITEMS" \
  2> >(grep -v "^WARNING: Unsupported JavaFX configuration" >&2)
