#!/usr/bin/env bash
# Benchmark: the browse view on a large cloud (issue "Browse": on a 100,000-VM demo snapshot, the VM list
# shows its first rows within 1 s of opening the snapshot, a filter keystroke updates the list within
# 100 ms at the median, heap under 512 MB). Generates an N-VM demo, then runs the real console window with
# -Xmx512m, started as the console starts (on its built-in demo), and prints: first rows after opening the
# snapshot there, filter keystroke latency (median, 90th percentile, worst), the same filters' first pages read
# without the window (the database's part of a keystroke),
# the same with "has dirty rows" on, sort / details / next-page times, the longest FX pulse and the most
# heap used; then, from a second run, the first rows after the same open in a window that never showed a row (the
# list's classes, the driver and its cells' first CSS all loaded by that open), and the longest gap between pulses
# from that open until 1.5 s after its first rows (the rest of the first fill). Needs a display: uses $DISPLAY,
# else starts its own Xvfb (apt-get install xvfb).
# With COLD=1 (and write access to /proc/sys/vm/drop_caches) the page cache is dropped first, so that the
# snapshot is read from disk. RUNTIME=image runs the window with the app image's runtime and launcher options
# (bench/runtime.sh). JAVA_OPTS=-Dbench.each=true prints each keystroke's time, JAVA_OPTS=-Dbench.gaps=true each gap
# between pulses over 40 ms with the CPU of the threads that ran in it (BenchWindow; -Dbench.gapStacks=true adds what
# the FX thread was doing in it), JAVA_OPTS=-Dbench.repeat=N types the filter's words N times (for a profiler's
# samples: the keystroke figures are the first time's, the phase's line covers them all).
# Usage: bench/browse.sh [N], or SOURCE=jdbc:mariadb://127.0.0.1:3306/DB bench/browse.sh
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100000}
JAR=app/target/tpm-console.jar
BENCH=app/target/test-classes/dev/tpmconsole/app/bench/BrowseBenchmark.class
[ -f "$JAR" ] && [ -f "$BENCH" ] || mvn -B -q package -DskipTests
. bench/work.sh
# SOURCE=jdbc:mariadb://127.0.0.1:3306/DB browses a live database instead (loaded beforehand, e.g. by
# KEEP=1 DB=... bench/audit-live.sh N); N is then not used.
SOURCE=${SOURCE:-}
case "$SOURCE" in
  "") java -Xmx512m -jar "$JAR" demo --out "$work/demo.sqlite" --vms "$N"; SOURCE=$work/demo.sqlite ;;
  jdbc:mariadb://127.*|jdbc:mariadb://localhost*) ;;
  *) echo "SOURCE must be a jdbc:mariadb:// URL naming a loopback address" >&2; exit 1 ;;
esac
. bench/display.sh
. bench/runtime.sh
if [ "${COLD:-0}" = 1 ] && [ -w /proc/sys/vm/drop_caches ]; then
  sync && echo 3 > /proc/sys/vm/drop_caches && echo "page cache dropped: the snapshot is read from disk"
fi
bench() {
  "${bench_java[@]}" -Xmx512m -Djava.util.logging.config.file=/dev/null "$@" \
    dev.tpmconsole.app.bench.BrowseBenchmark "$SOURCE" 2> >(grep -v "^WARNING: Unsupported JavaFX configuration" >&2)
}
# the window as the console starts it (on its demo), then the first rows alone in a window that never showed one
bench
bench -Dbench.coldWindow=true | grep "first rows"
