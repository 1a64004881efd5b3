#!/usr/bin/env bash
# Benchmark: the live MariaDB audit (issue "Faster than the tools people would use instead": a 100,000-VM database
# audited in at most 0.5 times the `mariadb` client running the same queries one after the other, and under 3 s).
# Loads, on this machine's MariaDB (MARIADB_URL, default jdbc:mariadb://127.0.0.1:3306/, user root), the demo cloud of
# N VMs (about 11 rows per VM) into database DB (default tpm_bench_live_N; kept for the next run when KEEP=1, and
# reused when it already holds N VMs), then alternates, RUNS times, the whole `audit` process (java -Xmx256m, JVM
# start included, --no-catalogue) and the `mariadb` client running the SQL the audit prints with --show-sql. Prints
# every run, the best and the median of each, and their ratios. With the app image built (mvn -B -q package
# -DskipTests -Pinstaller; or $IMAGE), its launcher's `audit` runs in the same loop too (as an installed console runs it,
# JAVA_TOOL_OPTIONS=-Xmx256m), with its own ratio. `java -jar`'s audit runs in its second JVM (decision 0034), without
# the archive a window would have made (the run's data folder is its own), as a script that never opened the window
# runs it. Connects to 127.0.0.0/8 only.
# Usage: bench/audit-live.sh [N] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100000}
RUNS=${2:-5}
MARIADB_URL=${MARIADB_URL:-jdbc:mariadb://127.0.0.1:3306/}
DB=${DB:-tpm_bench_live_$N}
JAR=app/target/tpm-console.jar
LOADER=app/target/test-classes/dev/tpmconsole/app/bench/ImportBenchmarkDatabase.class
for tool in mariadb bc; do
  command -v "$tool" >/dev/null || { echo "$tool is needed" >&2; exit 1; }
done
[ -f "$JAR" ] && [ -f "$LOADER" ] || mvn -B -q package -DskipTests
hostport=${MARIADB_URL#jdbc:mariadb://}; hostport=${hostport%%/*}
host=${hostport%%:*}; port=${hostport##*:}; [ "$port" = "$hostport" ] && port=3306
case "$host" in 127.*|localhost|::1) ;; *) echo "MARIADB_URL must name a loopback address" >&2; exit 1 ;; esac
client() { mariadb -h "$host" -P "$port" -uroot "$@"; }
work=$(mktemp -d)
# nothing of the person's data folder: no catalogue (--no-catalogue), no class archive
export TPM_CONSOLE_DATA=$work/data
cleanup() {
  [ "${KEEP:-0}" = 1 ] && echo "kept database $DB" || client -e "DROP DATABASE IF EXISTS $DB" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
have=$(client -N -e "SELECT COUNT(*) FROM $DB.VmInstanceEO" 2>/dev/null || echo 0)
if [ "$have" -lt "$N" ]; then
  echo "loading the demo cloud of $N VMs into MariaDB database $DB..."
  java -Xmx1g -cp "$JAR:app/target/test-classes" dev.tpmconsole.app.bench.ImportBenchmarkDatabase \
    "$MARIADB_URL" "$DB" "$N" 0
fi
url="${MARIADB_URL%/}/$DB?user=root"
image=${IMAGE:-installer/target/jpackage/tpm-console}
launcher=
[ -x "$image/bin/tpm-console" ] && launcher=$image/bin/tpm-console
# The same SQL the audit runs on this database, one statement after the other, as the client takes it.
java -jar "$JAR" audit "$url" --show-sql > "$work/rules.sql"
now() { date +%s.%N; }
audits=(); clients=(); ratios=(); images=(); image_ratios=()
for i in $(seq "$RUNS"); do
  t0=$(now)
  status=0; java -Xmx256m ${JAVA_OPTS:-} -jar "$JAR" audit "$url" --format json --no-catalogue > "$work/report.json" || status=$?
  t1=$(now)
  [ "$status" = 3 ] || { echo "audit exited $status (expected 3: the demo has findings)" >&2; exit 1; }
  client "$DB" < "$work/rules.sql" > "$work/client.out"
  t2=$(now)
  a=$(echo "$t1 - $t0" | bc -l); c=$(echo "$t2 - $t1" | bc -l); r=$(echo "$a / $c" | bc -l)
  audits+=("$a"); clients+=("$c"); ratios+=("$r")
  line=$(printf 'run %d: audit %.2f s, mariadb client %.2f s, ratio %.2f' "$i" "$a" "$c" "$r")
  if [ -n "$launcher" ]; then
    t3=$(now)
    status=0; JAVA_TOOL_OPTIONS=-Xmx256m "$launcher" audit "$url" --format json --no-catalogue > "$work/image.json" \
      2> >(grep -v '^Picked up JAVA_TOOL_OPTIONS' >&2) || status=$?
    t4=$(now)
    [ "$status" = 3 ] || { echo "the app image's audit exited $status (expected 3)" >&2; exit 1; }
    cmp -s "$work/report.json" "$work/image.json" || { echo "the app image's report differs from the jar's" >&2; exit 1; }
    g=$(echo "$t4 - $t3" | bc -l); gr=$(echo "$g / $c" | bc -l)
    images+=("$g"); image_ratios+=("$gr")
    line+=$(printf ', app image %.2f s, ratio %.2f' "$g" "$gr")
  fi
  echo "$line"
done
. bench/stats.sh
findings=$(grep -c '"rule"' "$work/report.json"); lines=$(wc -l < "$work/client.out")
printf 'VMs: %d; findings: %d (the client printed %d lines); heap limit 256 MB\n' "$N" "$findings" "$lines"
ab=$(echo "${audits[*]}" | best); cb=$(echo "${clients[*]}" | best)
printf 'best audit %.2f s (median %.2f), best client %.2f s (median %.2f), ratio of bests %.2f, median ratio %.2f' \
  "$ab" "$(echo "${audits[*]}" | median)" "$cb" "$(echo "${clients[*]}" | median)" "$(echo "$ab / $cb" | bc -l)" \
  "$(echo "${ratios[*]}" | median)"
printf ' (target: at most 0.5, and under 3 s)\n'
if [ -n "$launcher" ]; then
  ib=$(echo "${images[*]}" | best)
  printf 'app image: best audit %.2f s (median %.2f), ratio of bests %.2f, median ratio %.2f (target: at most 0.5, and under 3 s)\n' \
    "$ib" "$(echo "${images[*]}" | median)" "$(echo "$ib / $cb" | bc -l)" "$(echo "${image_ratios[*]}" | median)"
fi
