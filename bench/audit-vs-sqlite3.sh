#!/usr/bin/env bash
# Benchmark: the whole `audit` process against the sqlite3 shell running the same queries on the same file
# (issue "Faster than the tools people would use instead": at most 0.75 times the sqlite3 time, with -Xmx256m; the first issue asked 1.5). Both run in the same loop, alternating,
# so that the shared machine's noise hits both; the best of RUNS is reported for each, plus the median ratio.
# Usage: bench/audit-vs-sqlite3.sh [VMS] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100000}
RUNS=${2:-5}
JAR=app/target/tpm-console.jar
[ -f "$JAR" ] || mvn -B -q package -DskipTests
command -v sqlite3 >/dev/null || { echo "sqlite3 shell needed (apt-get install sqlite3)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
java -jar "$JAR" demo --out "$work/demo.sqlite" --vms "$N" >/dev/null
# The same SQL the audit runs on this file, as the sqlite3 shell takes it.
java -jar "$JAR" audit "$work/demo.sqlite" --show-sql > "$work/rules.sql"
now() { date +%s.%N; }
audits=(); shells=(); ratios=()
for i in $(seq "$RUNS"); do
  t0=$(now)
  status=0; java -Xmx256m -jar "$JAR" audit "$work/demo.sqlite" --format json > "$work/report.json" || status=$?
  t1=$(now)
  [ "$status" = 3 ] || { echo "audit exited $status (expected 3: the demo has findings)" >&2; exit 1; }
  sqlite3 "$work/demo.sqlite" < "$work/rules.sql" > "$work/sqlite.out"
  t2=$(now)
  a=$(echo "$t1 - $t0" | bc -l); s=$(echo "$t2 - $t1" | bc -l); r=$(echo "$a / $s" | bc -l)
  audits+=("$a"); shells+=("$s"); ratios+=("$r")
  printf 'run %d: audit %.2f s, sqlite3 %.2f s, ratio %.2f\n' "$i" "$a" "$s" "$r"
done
best() { printf '%s\n' "$@" | sort -g | head -1; }
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
findings=$(grep -c '"rule"' "$work/report.json"); lines=$(wc -l < "$work/sqlite.out")
printf 'VMs: %d; findings: %d (sqlite3 printed %d rows); heap limit 256 MB\n' "$N" "$findings" "$lines"
printf 'best audit %.2f s, best sqlite3 %.2f s, ratio of bests %.2f, median ratio %.2f (target <= 0.75)\n' \
  "$(best "${audits[@]}")" "$(best "${shells[@]}")" "$(echo "$(best "${audits[@]}") / $(best "${shells[@]}")" | bc -l)" \
  "$(median "${ratios[@]}")"
