#!/usr/bin/env bash
# Benchmark: generating the demo snapshot of a large cloud (issue "Foundation": 100,000 VMs well under a minute).
# Measures, in the same run and on the same machine:
#   demo   - `tpm-console demo --vms N` (the whole process: JVM start, generation, commit, move into place)
#   sqlite - the sqlite3 shell loading the same rows from an SQL script (.dump of the generated snapshot)
# and prints both with their ratio, plus the budget ratio against 60 s. Usage: bench/demo-generation.sh [N] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100000}
RUNS=${2:-3}
JAR=app/target/tpm-console.jar
[ -f "$JAR" ] || mvn -B -q package -DskipTests
command -v sqlite3 >/dev/null || { echo "sqlite3 shell needed (apt-get install sqlite3)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
now() { date +%s.%N; }
best_demo=; best_sqlite=
for i in $(seq "$RUNS"); do
  rm -f "$work/demo.sqlite" "$work/loaded.sqlite"
  t0=$(now); java -Xmx512m -jar "$JAR" demo --out "$work/demo.sqlite" --vms "$N" >/dev/null; t1=$(now)
  [ -f "$work/dump.sql" ] || sqlite3 "$work/demo.sqlite" .dump > "$work/dump.sql"
  t2=$(now); sqlite3 "$work/loaded.sqlite" < "$work/dump.sql"; t3=$(now)
  d=$(echo "$t1 - $t0" | bc -l); s=$(echo "$t3 - $t2" | bc -l)
  printf 'run %d: demo %.2f s, sqlite3 load %.2f s\n' "$i" "$d" "$s"
  if [ -z "$best_demo" ] || (( $(echo "$d < $best_demo" | bc -l) )); then best_demo=$d; fi
  if [ -z "$best_sqlite" ] || (( $(echo "$s < $best_sqlite" | bc -l) )); then best_sqlite=$s; fi
done
rows=$(sqlite3 "$work/demo.sqlite" "SELECT name FROM sqlite_master WHERE type = 'table'" \
  | while read -r t; do sqlite3 "$work/demo.sqlite" "SELECT count(*) FROM \"$t\""; done | paste -sd+ | bc)
printf 'VMs requested: %d, rows: %d, file: %s\n' "$N" "$rows" "$(du -h "$work/demo.sqlite" | cut -f1)"
printf 'best demo: %.2f s (%.0f rows/s), best sqlite3 load of the same rows: %.2f s\n' "$best_demo" \
  "$(echo "$rows / $best_demo" | bc -l)" "$best_sqlite"
printf 'ratio demo / sqlite3 load: %.2f; ratio demo / 60 s budget: %.2f\n' \
  "$(echo "$best_demo / $best_sqlite" | bc -l)" "$(echo "$best_demo / 60" | bc -l)"
