#!/usr/bin/env bash
# Benchmark: the time the FX thread takes to make the run window's view-model (issue "Faster than the tools people
# would use instead": every FX pulse at most 50 ms; the view-model is made in the run window's first turn). Generates
# an N-VM demo (default 20,000), then RUNS times (default 5) makes, in a fresh JVM, the view-model of a plan of about
# ITEMS items (default 10,000), and prints each time and the median. RUNTIME=image: the app image's runtime and
# launcher options (bench/runtime.sh). Usage: bench/run-view-model.sh [N] [ITEMS] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-20000}
ITEMS=${2:-10000}
RUNS=${3:-5}
JAR=app/target/tpm-console.jar
BENCH=app/target/test-classes/dev/tpmconsole/app/bench/RunViewModelBenchmark.class
[ -f "$JAR" ] && [ -f "$BENCH" ] || mvn -B -q package -DskipTests
. bench/work.sh
. bench/stats.sh
java -jar "$JAR" demo --out "$work/demo.sqlite" --vms "$N" >/dev/null
. bench/runtime.sh
times=()
for i in $(seq "$RUNS"); do
  line=$("${bench_java[@]}" dev.tpmconsole.app.bench.RunViewModelBenchmark "$work/demo.sqlite" "$ITEMS")
  echo "$line"
  times+=("$(echo "$line" | grep -oP 'made in \K[0-9.]+')")
done
echo "median $(printf '%s\n' "${times[@]}" | median) ms over $RUNS runs"
