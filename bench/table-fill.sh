#!/usr/bin/env bash
# Benchmark: the first fill of a table in a new window with the console's theme (AtlantaFX's Primer and console.css):
# a 5-column table of 200 rows in a new scene, made RUNS times, each empty then filled; prints each and the median fill.
# The part of a new window's first layout that its tables' cells take (issue "Faster than the tools people would use
# instead": every FX pulse at most 50 ms). SHEET (a file) stands for console.css, to compare a change of it with the
# sheet before, e.g. git show HEAD~1:styles/src/main/resources/dev/tpmconsole/styles/console.css > /tmp/before.css.
# Needs a display: $DISPLAY, else its own Xvfb. RUNTIME=image: the app image's runtime (bench/runtime.sh).
# Usage: bench/table-fill.sh [RUNS] [SHEET]
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-12}
SHEET=${2:-}
JAR=app/target/tpm-console.jar
BENCH=app/target/test-classes/dev/tpmconsole/app/bench/TableFillBenchmark.class
[ -f "$JAR" ] && [ -f "$BENCH" ] || mvn -B -q package -DskipTests
. bench/work.sh
. bench/display.sh
. bench/runtime.sh
args=("$RUNS")
[ -n "$SHEET" ] && args+=("$(realpath "$SHEET" | sed 's|^|file:|')")
"${bench_java[@]}" -Djava.util.logging.config.file=/dev/null dev.tpmconsole.app.bench.TableFillBenchmark "${args[@]}" \
  2> >(grep -v "^WARNING: Unsupported JavaFX configuration" >&2)
