#!/usr/bin/env bash
# Benchmark: the console's catalogue (issue 15). On an N-VM demo (default 100,000: 9,640 findings), each figure
# against its baseline in the same run:
#  1. the whole `audit` process (-Xmx256m, JVM start included) with the catalogue (statuses looked up while the
#     rules run, the audit recorded after its report is out) against `audit --no-catalogue`, alternating, RUNS
#     times each (default 5); the median ratio (target: at most 1.10). The first audit into a new catalogue (it is
#     made and migrated by Flyway) is timed apart.
#  2. the overview of that cloud with 100 audits in the real window (Xvfb when $DISPLAY is unset): time to its chart
#     holding every audit, against the same with 1 audit (target: under 1 s).
#  3. the heap the catalogue costs an audit of that cloud (peak with recording minus peak without; target: under
#     64 MB), and the heap of the overview's history; in the same JVM, the audit's time with and without its
#     recording (no JVM start-up in either: the catalogue's own share of the work).
# Usage: bench/catalogue.sh [N] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100000}
RUNS=${2:-5}
JAR=app/target/tpm-console.jar
BENCH=app/target/test-classes/dev/tpmconsole/app/bench/CatalogueBenchmark.class
[ -f "$JAR" ] && [ -f "$BENCH" ] || mvn -B -q package -DskipTests
. bench/work.sh
export TPM_CONSOLE_DATA=$work/data TPM_CONSOLE_CONFIG=$work/config
java -Xmx512m -jar "$JAR" demo --out "$work/demo.sqlite" --vms "$N" >/dev/null
# the figure is for an audit of FINDINGS findings (default 9,640): the demo's own, and as many stale ResourceVO
# rows (RESOURCE_ROW_STALE) as it takes
FINDINGS=${FINDINGS:-9640}
have=$(java -jar "$JAR" audit "$work/demo.sqlite" --format json --no-catalogue | grep -c '"rule" :' || true)
if [ "$have" -lt "$FINDINGS" ]; then
  sqlite3 "$work/demo.sqlite" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $((FINDINGS - have)))
    INSERT INTO ResourceVO (uuid, resourceName, resourceType, concreteResourceType)
    SELECT printf('bench%027d', i), 'stale', 'VmHostFileVO', 'org.zstack.header.vm.VmHostFileVO' FROM n"
fi
ms() { date +%s%N | cut -c1-13; }
audit() { # audit ARGS...: wall time in ms (exit 3 means findings: fine)
  local t0 t1
  t0=$(ms); java -Xmx256m -jar "$JAR" audit "$work/demo.sqlite" --format json "$@" >/dev/null || [ $? = 3 ]; t1=$(ms)
  echo $((t1 - t0))
}
. bench/stats.sh

echo "== 1. audit with and without recording ($N VMs, $RUNS runs each, alternating)"
first=$(audit --catalogue "$work/audit.sqlite")
echo "first audit into a new catalogue (made and migrated): $first ms"
: > "$work/with"; : > "$work/without"
for i in $(seq 1 "$RUNS"); do
  audit --no-catalogue >> "$work/without"
  audit --catalogue "$work/audit.sqlite" >> "$work/with"
done
w=$(median < "$work/with"); wo=$(median < "$work/without")
findings=$(java -jar "$JAR" audit "$work/demo.sqlite" --format json --no-catalogue | grep -c '"rule" :' || true)
echo "findings: $findings"
echo "without catalogue: $(tr '\n' ' ' < "$work/without")ms; median $wo ms"
echo "with catalogue:    $(tr '\n' ' ' < "$work/with")ms; median $w ms"
awk -v a="$w" -v b="$wo" 'BEGIN {printf "ratio with/without: %.3f (target: at most 1.10)\n", a / b}'

echo "== 2. overview of a cloud of 100 audits, against 1 audit"
. bench/display.sh
CP="$JAR:app/target/test-classes"
run() { java -Xmx512m -Djava.util.logging.config.file=/dev/null -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP" dev.tpmconsole.app.bench.CatalogueBenchmark "$@" \
  2> >(grep -v "^WARNING: Unsupported JavaFX configuration" >&2); }
run seed "$work/demo.sqlite" "$work/one.sqlite" 1
run overview "$work/demo.sqlite" "$work/one.sqlite"
run seed "$work/demo.sqlite" "$work/hundred.sqlite" 100
run overview "$work/demo.sqlite" "$work/hundred.sqlite"
ls -l "$work/hundred.sqlite" | awk '{printf "catalogue of 100 audits: %.1f MB\n", $5 / 1048576}'

echo "== 3. heap (and the recording's own time, in one JVM)"
run heap "$work/demo.sqlite" "$work/hundred.sqlite"
