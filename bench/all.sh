#!/usr/bin/env bash
# Every benchmark of the issue "Faster than the tools people would use instead", each at its size, then one table:
# work, baseline, figure, ratio, target, met or not. Each benchmark keeps its own script and prints its own figures
# and its baseline from the same run; this collects their summary lines (the whole output of each is kept in
# $LOGS/<name>.log, a window benchmark's in <name>.1.log, <name>.2.log, ... one per run). The MariaDB benchmarks run
# on a database of N VMs that the live audit's script loads into this machine's MariaDB (127.0.0.1:3306, root) and
# that is dropped at the end. Connects to 127.0.0.0/8 only.
# Needs: mariadb, mysqldump, sqlite3, bc, Xvfb (or $DISPLAY). Takes 15-45 minutes at N=100000 on two cores (16 in
# the run of 2026-12-05 16:48, three runs of each window benchmark). With the app image built (mvn -B -q package
# -DskipTests -Pinstaller) the window's benchmarks also run as the installed console.
# Usage: bench/all.sh [N] [RUNS]   (defaults 100000 and 3; ITEMS=10000 pipeline items; WINDOW_RUNS=RUNS runs of each
# window benchmark). TABLE_ONLY=1 runs nothing and prints the table of the logs in $LOGS again (after one of them was
# run again by hand, e.g. RUNTIME=image bench/run-pipeline.sh 20000 10000 > target/bench-all/pipeline-image.2.log,
# where something else took the machine in its minutes).
set -uo pipefail
cd "$(dirname "$0")/.."
N=${1:-100000}
RUNS=${2:-3}
WINDOW_RUNS=${WINDOW_RUNS:-$RUNS}
ITEMS=${ITEMS:-10000}
LOGS=${LOGS:-target/bench-all}
DB=tpm_bench_all_$N
mkdir -p "$LOGS"
TABLE_ONLY=${TABLE_ONLY:-0}
if [ "$TABLE_ONLY" != 1 ]; then
rm -f "$LOGS"/*.[0-9]*.log   # the runs of an earlier call, which the table would read with this one's
[ -f app/target/tpm-console.jar ] && [ -f app/target/test-classes/dev/tpmconsole/app/bench/BrowseBenchmark.class ] \
  || mvn -B -q package -DskipTests
started=$(date -u +%FT%TZ)

run() {
  local name=$1; shift
  echo "== $name: $*" >&2
  local t0=$SECONDS
  "$@" > "$LOGS/$name.log" 2>&1 || echo "(exited $?)" >> "$LOGS/$name.log"
  echo "   $((SECONDS - t0)) s, output in $LOGS/$name.log" >&2
}

# The benchmarks that write to the disk and wait for it (the pipeline's forced writes) run before MariaDB loads and
# drops a database of N VMs (the server writes and deletes its files in the background after); the import, which
# loads a database of its own, waits for the server's writes to settle (bench/settle.sh).
# The window's benchmarks run as `java -jar` runs the console and, with the app image built, again as the installed
# console runs (its runtime and launcher options, bench/runtime.sh): the table shows both.
image=
[ -x installer/target/jpackage/tpm-console/bin/tpm-console ] && image=1
run audit-snapshot bench/audit-vs-sqlite3.sh "$N" "$RUNS"
# The window's benchmarks run WINDOW_RUNS times each (their longest gap between pulses is one moment of a noisy
# machine), interleaved with the app image's; the table gives their medians and the spread.
for i in $(seq "$WINDOW_RUNS"); do
  run pipeline.$i bench/run-pipeline.sh 20000 "$ITEMS"
  [ -n "$image" ] && RUNTIME=image run pipeline-image.$i bench/run-pipeline.sh 20000 "$ITEMS"
done
for i in $(seq "$WINDOW_RUNS"); do
  run browse.$i bench/browse.sh "$N"
  [ -n "$image" ] && RUNTIME=image run browse-image.$i bench/browse.sh "$N"
  run windows.$i bench/windows.sh "$N"
  [ -n "$image" ] && RUNTIME=image run windows-image.$i bench/windows.sh "$N"
done
run startup bench/startup.sh 5
KEEP=1 DB=$DB run audit-live bench/audit-live.sh "$N" "$RUNS"
for i in $(seq "$WINDOW_RUNS"); do
  SOURCE="jdbc:mariadb://127.0.0.1:3306/$DB" run browse-live.$i bench/browse.sh
  [ -n "$image" ] && SOURCE="jdbc:mariadb://127.0.0.1:3306/$DB" RUNTIME=image run browse-live-image.$i bench/browse.sh
done
mariadb -h 127.0.0.1 -uroot -e "DROP DATABASE IF EXISTS $DB" 2>/dev/null || true
. bench/settle.sh
settle 127.0.0.1 3306
run import bench/import-vs-sqlite3.sh "$N" "$RUNS"
# not a target: what memory no process has touched lately costs on this machine, for reading the figures above
run fresh-memory bench/fresh-memory.sh
fi

# --- the table ---------------------------------------------------------------------------------------------------
num() { grep -m1 -oP "$2" "$LOGS/$1.log" 2>/dev/null | head -1; }
row() { # work baseline figure ratio target met
  printf '| %s | %s | %s | %s | %s | %s |\n' "$@"
}
le() { [ -n "$1" ] && [ -n "$2" ] && [ "$(echo "$1 <= $2" | bc -l)" = 1 ] && echo met || echo "not met"; }
both() { [ "$1" = met ] && [ "$2" = met ] && echo met || echo "not met"; }
# The window's benchmarks: vals KIND REGEX prints REGEX's value in each run's log (KIND.1.log, KIND.2.log, ...), for
# median and span (bench/stats.sh); over LIMIT VALUES... says how many of the values are over LIMIT.
vals() { local f; for f in "$LOGS/$1".[0-9]*.log; do [ -f "$f" ] && grep -m1 -oP "$2" "$f" | head -1 | tr -d ,; done; }
. bench/stats.sh
over() { local lim=$1 n=0 k=0 v; shift; for v in "$@"; do n=$((n + 1)); [ "$(echo "$v > $lim" | bc -l)" = 1 ] && k=$((k + 1)); done; echo "$k of $n"; }
# gap KIND REGEX-OF-THE-GAP REGEX-OF-THE-CPU: sets gapfig to "median G ms (runs a-b), FX thread's CPU median C ms
# (c-d)" and gapmet to met or not for the median, with how many runs were over 50 ms
gap() {
  local -a g; mapfile -t g < <(vals "$1" "$2")
  local c; c=$(vals "$1" "$3")
  local m; m=$(printf '%s\n' "${g[@]}" | median)
  gapfig="median ${m:-?} ms (runs $(printf '%s\n' "${g[@]}" | span)), FX thread's CPU median $(echo "$c" | median) ms ($(echo "$c" | span))"
  gapmet="$(le "$m" 50) ($(over 50 "${g[@]}") runs over 50 ms)"
}

echo
if [ "$TABLE_ONLY" = 1 ]; then
  echo "bench/all.sh's table of the logs in $LOGS, printed again at $(date -u +%FT%TZ) (TABLE_ONLY=1: nothing was run)"
else
  echo "bench/all.sh $N $RUNS, started $started on $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
fi
fresh=$(grep -m1 -oP '^fresh memory: \K.*' "$LOGS/fresh-memory.log" 2>/dev/null)
[ -n "$fresh" ] && echo "Fresh memory on this machine (bench/fresh-memory.sh, not a target): $fresh"
echo
row work baseline figure ratio target met
row --- --- --- --- --- ---

a=$(num audit-snapshot 'best audit \K[0-9.]+'); b=$(num audit-snapshot 'best sqlite3 \K[0-9.]+')
r=$(num audit-snapshot 'ratio of bests \K[0-9.]+'); m=$(num audit-snapshot 'median ratio \K[0-9.]+')
row "snapshot audit, $N VMs (java -jar, -Xmx256m)" "sqlite3 shell ${b:-?} s" "${a:-?} s" "${r:-?} best, ${m:-?} median" "at most 0.75" "$(le "$m" 0.75)"
if grep -q '^app image: best audit' "$LOGS/audit-snapshot.log" 2>/dev/null; then
  a=$(num audit-snapshot '^app image: best audit \K[0-9.]+'); r=$(num audit-snapshot '^app image: .*ratio of bests \K[0-9.]+')
  m=$(num audit-snapshot '^app image: .*median ratio \K[0-9.]+')
  row "snapshot audit, $N VMs (app image, -Xmx256m)" "sqlite3 shell ${b:-?} s" "${a:-?} s" "${r:-?} best, ${m:-?} median" \
    "at most 0.75" "$(le "$m" 0.75)"
fi

a=$(num audit-live 'best audit \K[0-9.]+'); b=$(num audit-live 'best client \K[0-9.]+')
r=$(num audit-live 'ratio of bests \K[0-9.]+'); m=$(num audit-live 'median ratio \K[0-9.]+')
row "live MariaDB audit, $N VMs" "mariadb client ${b:-?} s" "${a:-?} s" "${r:-?} best, ${m:-?} median" "at most 0.5, under 3 s" \
  "$(both "$(le "$m" 0.5)" "$(le "$a" 3)")"
if grep -q '^app image: best audit' "$LOGS/audit-live.log" 2>/dev/null; then
  a=$(num audit-live '^app image: best audit \K[0-9.]+'); r=$(num audit-live '^app image: .*ratio of bests \K[0-9.]+')
  m=$(num audit-live '^app image: .*median ratio \K[0-9.]+')
  row "live MariaDB audit, $N VMs (app image)" "mariadb client ${b:-?} s" "${a:-?} s" "${r:-?} best, ${m:-?} median" \
    "at most 0.5, under 3 s" "$(both "$(le "$m" 0.5)" "$(le "$a" 3)")"
fi

# figure KIND REGEX: sets fm to the median of a value over the runs and fig to "M ms (runs a-b)"
figure() { local v; v=$(vals "$1" "$2"); fm=$(echo "$v" | median); fig="${fm:-?} ms (runs $(echo "$v" | span))"; }

for kind in browse browse-image browse-live browse-live-image; do
  ls "$LOGS/$kind".[0-9]*.log >/dev/null 2>&1 || continue
  case $kind in browse*live*) what="browse, live MariaDB"; lim=1000 ;; *) what="browse, snapshot"; lim=500 ;; esac
  case $kind in *image) what="$what (app image)" ;; *) what="$what (jar)" ;; esac
  figure $kind 'first rows painted after open: \K[0-9]+'
  row "$what: first rows" - "median $fig" - "at most $lim ms" "$(le "$fm" $lim)"
  figure $kind 'first rows painted after open in a window that never showed a row: \K[0-9]+'
  row "$what: first rows, window that never showed a row" - "median $fig" - "(at most $lim ms)" "$(le "$fm" $lim)"
  never='in a window that never showed a row'
  gap $kind "longest gap between FX pulses from the open until 1.5 s after the first rows, $never: \\K[0-9]+" \
    "$never: [0-9]+ ms; the FX thread's CPU in its busiest gap: \\K[0-9]+"
  row "$what: longest FX pulse, window that never showed a row" - "$gapfig" - "at most 50 ms" "$gapmet"
  figure $kind '^filter keystroke \([0-9]+ keystrokes\): median \K[0-9]+'; med=$fm; medfig=$fig
  # the same filters' first pages read without the window: the database's part of a keystroke
  figure $kind "^the same filters' first pages read without the window \\([0-9]+\\): median \\K[0-9]+"
  alone="; its page read alone, median ${fm:-?} ms"
  if [ "$lim" = 500 ]; then
    figure $kind '^filter keystroke \([0-9]+ keystrokes\): median [0-9]+ ms, 90th percentile \K[0-9]+'
    row "$what: filter keystroke" - "median $medfig, p90 $fig$alone" - "median 50 ms, p90 100 ms" \
      "$(both "$(le "$med" 50)" "$(le "$fm" 100)")"
    figure $kind 'details painted: \K[0-9]+'
    row "$what: details" - "median $fig" - "at most 150 ms" "$(le "$fm" 150)"
  else
    row "$what: filter keystroke" - "median $medfig$alone" - "median 100 ms" "$(le "$med" 100)"
  fi
  gap $kind 'longest gap between FX pulses \(the longest pulse or FX-thread task\): \K[0-9]+' \
    "longest gap between FX pulses .*the FX thread's CPU in its busiest gap: \\K[0-9]+"
  row "$what: longest FX pulse" - "$gapfig" - "at most 50 ms" "$gapmet"
done

for kind in pipeline pipeline-image; do
  ls "$LOGS/$kind".[0-9]*.log >/dev/null 2>&1 || continue
  how=$([ $kind = pipeline ] && echo jar || echo "app image")
  r=$(vals $kind 'ratio pipeline / plain SQL \(mean of the two\): \K[0-9.]+')
  p=$(vals $kind 'plain SQL, one transaction per item: \K[0-9,]+' | median)
  rmed=$(echo "$r" | median)
  row "pipeline, $ITEMS items ($how)" "plain SQL median ${p:-?} ms" "run window" "median ${rmed:-?} (runs $(echo "$r" | span))" \
    "at most 1.3" "$(le "$rmed" 1.3)"
  gap $kind 'longest gap between FX pulses from the run window.s opening until a second after the run.s re-audit showed: \K[0-9]+' "the FX thread's CPU in its busiest gap: \\K[0-9]+"
  row "pipeline ($how): longest FX pulse" - "$gapfig" - "at most 50 ms" "$gapmet"
done

for kind in windows windows-image; do
  ls "$LOGS/$kind".[0-9]*.log >/dev/null 2>&1 || continue
  how=$([ $kind = windows ] && echo jar || echo "app image")
  a=$(vals $kind 'audit window: [0-9,]+ findings in \K[0-9]+' | median); shown=$(vals $kind 'audit window: .*it showed \K[0-9]+' | median)
  gap $kind 'audit window: .*pulses: \K[0-9]+' 'audit window: .*busiest gap: \K[0-9]+'
  row "audit window, $N VMs ($how): longest FX pulse" - "$gapfig (audit median ${a:-?} ms; the window showed, median, ${shown:-?} ms after it was asked for)" - "at most 50 ms" "$gapmet"
  a=$(vals $kind 'preview window: .* items in \K[0-9]+' | median); i=$(vals $kind 'preview window: [0-9,]+ VMs, \K[0-9,]+' | median)
  shown=$(vals $kind 'preview window: .*it showed \K[0-9]+' | median)
  gap $kind 'preview window: .*pulses: \K[0-9]+' 'preview window: .*busiest gap: \K[0-9]+'
  row "preview window, ${i:-?} items ($how): longest FX pulse" - "$gapfig (plan median ${a:-?} ms; the window showed, median, ${shown:-?} ms after it was asked for)" - "at most 50 ms" "$gapmet"
done

s=$(grep -m1 '^sqlite3 load' "$LOGS/import.log" 2>/dev/null | awk '{print $(NF-1)}')
ib=$(grep -m1 '^import plain' "$LOGS/import.log" 2>/dev/null | awk '{print $3}')
ir=$(grep -m1 '^import plain' "$LOGS/import.log" 2>/dev/null | awk '{print $5 " best, " $6 " median"}')
im=$(grep -m1 '^import plain' "$LOGS/import.log" 2>/dev/null | awk '{print $6}')
row "import of a $N-VM dump" "sqlite3 shell ${s:-?} s" "${ib:-?} s" "${ir:-?}" "at most 0.5" "$(le "$im" 0.5)"

v=$(grep -m1 '^java -jar --version' "$LOGS/startup.log" 2>/dev/null | awk '{print $NF}')
while read -r line; do
  way=$(echo "$line" | grep -oP 'first painted VM row \(\K[^)]+')
  med=$(echo "$line" | awk '{print $7}'); rat=$(echo "$line" | awk '{print $8}')
  if [ "$way" = jar1 ]; then # for comparison: the jar's window in one plain JVM, as before decision 0029
    row "start to first painted VM row (jar, window in one JVM)" "--version ${v:-?} ms" "median ${med:-?} ms" \
      "${rat:-?}" "-" "-"
    continue
  fi
  lim=$([ "$way" = jar ] && echo 1500 || echo 1200)
  row "start to first painted VM row ($way)" "--version ${v:-?} ms" "median ${med:-?} ms" "${rat:-?}" "at most $lim ms" "$(le "$med" $lim)"
done < <(grep '^first painted VM row' "$LOGS/startup.log" 2>/dev/null)
