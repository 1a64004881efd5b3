#!/usr/bin/env bash
# Benchmark: the memory and time a large plan takes (not a target of the issues; decision 0047 measured with it).
# Generates an N-VM demo (default 100,000), plans "remove TPM" for its first VMS VMs with a TPM (default all of them:
# some 41,000 VMs and 165,000 items at N=100,000), RUNS times (default 2), each in a JVM of its own with -Xmx$HEAP
# (default 1g) and the window JVM's collector options (a 40 ms pause goal, promotion at the second collection), and
# prints each plan's time and the most heap in use after a young collection (from -Xlog:gc): what the plan holds
# while it is made. JAR=... runs another build's jar. Usage: bench/plan-memory.sh [N] [VMS] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100000}
VMS=${2:-1000000}
RUNS=${3:-2}
HEAP=${HEAP:-1g}
JAR=${JAR:-app/target/tpm-console.jar}
BENCH=app/target/test-classes/dev/tpmconsole/app/bench/PlanBenchmark.class
[ -f "$JAR" ] && [ -f "$BENCH" ] || mvn -B -q package -DskipTests
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
java -Xmx512m -jar "$JAR" demo --out "$work/demo.sqlite" --vms "$N" >/dev/null
for i in $(seq "$RUNS"); do
  if ! java -Xmx"$HEAP" -XX:MaxGCPauseMillis=40 -XX:MaxTenuringThreshold=1 "-Xlog:gc:file=$work/gc.log" \
      -cp "$JAR:app/target/test-classes" dev.tpmconsole.app.bench.PlanBenchmark "$work/demo.sqlite" "$VMS" \
      2> "$work/err.txt"; then
    printf 'run %d: the plan failed with -Xmx%s: %s\n' "$i" "$HEAP" "$(grep -m1 -E 'Error|Exception' "$work/err.txt")"
    continue
  fi
  # a plan small enough to need no young collection prints "?" (grep finding nothing must not end the script)
  peak=$(grep -oE 'Pause Young.* [0-9]+M->[0-9]+M' "$work/gc.log" | grep -oE '[0-9]+M->[0-9]+M' \
    | sed 's/.*->//; s/M//' | sort -n | tail -1 || true)
  printf 'run %d: most heap in use after a young collection %s MB, %d collections (-Xmx%s)\n' "$i" "${peak:-?}" \
    "$(grep -c 'Pause' "$work/gc.log")" "$HEAP"
done
