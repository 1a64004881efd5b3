#!/usr/bin/env bash
# Benchmark: the whole `audit` process against the sqlite3 shell running the same queries on the same file
# (issue "Faster than the tools people would use instead": at most 0.75 times the sqlite3 time, with -Xmx256m; the first issue asked 1.5). Both run in the same loop, alternating,
# so that the shared machine's noise hits both; the best of RUNS is reported for each, plus the median ratio. With the
# app image built (mvn -B -q package -DskipTests -Pinstaller), its launcher's `audit` runs in the same loop too (as an
# operator runs the installed console: its runtime and launcher options, -Xmx256m through JAVA_TOOL_OPTIONS).
# `java -jar`'s audit runs in its second JVM (decision 0034), without the archive a window would have made (the run's
# data folder is its own), as a script that never opened the window runs it.
# Usage: bench/audit-vs-sqlite3.sh [VMS] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100000}
RUNS=${2:-5}
JAR=app/target/tpm-console.jar
[ -f "$JAR" ] || mvn -B -q package -DskipTests
command -v sqlite3 >/dev/null || { echo "sqlite3 shell needed (apt-get install sqlite3)" >&2; exit 1; }
image=${IMAGE:-installer/target/jpackage/tpm-console}
launcher=
[ -x "$image/bin/tpm-console" ] && launcher=$image/bin/tpm-console
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# a catalogue of this run's own (each audit records itself in it), not the person's, and no class archive
export TPM_CONSOLE_DATA=$work/data
java -jar "$JAR" demo --out "$work/demo.sqlite" --vms "$N" >/dev/null
# The same SQL the audit runs on this file, as the sqlite3 shell takes it.
java -jar "$JAR" audit "$work/demo.sqlite" --show-sql > "$work/rules.sql"
now() { date +%s.%N; }
audits=(); shells=(); ratios=(); images=(); image_ratios=()
for i in $(seq "$RUNS"); do
  t0=$(now)
  status=0; java -Xmx256m ${JAVA_OPTS:-} -jar "$JAR" audit "$work/demo.sqlite" --format json > "$work/report.json" || status=$?
  t1=$(now)
  [ "$status" = 3 ] || { echo "audit exited $status (expected 3: the demo has findings)" >&2; exit 1; }
  sqlite3 "$work/demo.sqlite" < "$work/rules.sql" > "$work/sqlite.out"
  t2=$(now)
  a=$(echo "$t1 - $t0" | bc -l); s=$(echo "$t2 - $t1" | bc -l); r=$(echo "$a / $s" | bc -l)
  audits+=("$a"); shells+=("$s"); ratios+=("$r")
  line=$(printf 'run %d: audit %.2f s, sqlite3 %.2f s, ratio %.2f' "$i" "$a" "$s" "$r")
  if [ -n "$launcher" ]; then
    t3=$(now)
    status=0; JAVA_TOOL_OPTIONS=-Xmx256m "$launcher" audit "$work/demo.sqlite" --format json > "$work/image.json" \
      2> >(grep -v '^Picked up JAVA_TOOL_OPTIONS' >&2) || status=$?
    t4=$(now)
    [ "$status" = 3 ] || { echo "the app image's audit exited $status (expected 3)" >&2; exit 1; }
    g=$(echo "$t4 - $t3" | bc -l); gr=$(echo "$g / $s" | bc -l)
    images+=("$g"); image_ratios+=("$gr")
    line+=$(printf ', app image %.2f s, ratio %.2f' "$g" "$gr")
  fi
  echo "$line"
done
. bench/stats.sh
findings=$(grep -c '"rule"' "$work/report.json"); lines=$(wc -l < "$work/sqlite.out")
printf 'VMs: %d; findings: %d (sqlite3 printed %d rows); heap limit 256 MB\n' "$N" "$findings" "$lines"
ab=$(echo "${audits[*]}" | best); sb=$(echo "${shells[*]}" | best)
printf 'best audit %.2f s, best sqlite3 %.2f s, ratio of bests %.2f, median ratio %.2f (target <= 0.75)\n' \
  "$ab" "$sb" "$(echo "$ab / $sb" | bc -l)" "$(echo "${ratios[*]}" | median)"
if [ -n "$launcher" ]; then
  ib=$(echo "${images[*]}" | best)
  printf 'app image: best audit %.2f s, ratio of bests %.2f, median ratio %.2f (target <= 0.75)\n' \
    "$ib" "$(echo "$ib / $sb" | bc -l)" "$(echo "${image_ratios[*]}" | median)"
fi
