#!/usr/bin/env bash
# Benchmark: the FX pulses of the audit and preview windows (issue "Faster than the tools people would use instead":
# every FX pulse at most 50 ms). Generates an N-VM demo snapshot (default 100,000), opens it in the real main window,
# runs the audit in the audit window once it shows, then previews "remove TPM" for VMS VMs with a TPM (default 2,500:
# about 10,000 items) in the preview window, and prints each phase's time, its longest gap between FX pulses, the FX
# thread's CPU time in its busiest gap (what the machine's other work does not lengthen), the render thread's CPU time
# over the phase (the frames, each of which the next pulse waits for), the time the task that asked for the window
# took (its view-model: the view is made in a turn after), and how long after it was asked for the window showed.
# Needs a display: $DISPLAY, else its own Xvfb. RUNTIME=image: the app image's runtime and launcher options
# (bench/runtime.sh). JAVA_OPTS="-Dbench.gaps=true -Dbench.gapsOver=20" prints each gap over 20 ms (default 40) with
# the CPU of the threads in it, and each phase's start with the JVM's uptime (to line it up with -Xlog:gc::uptime).
# Usage: bench/windows.sh [N] [VMS]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100000}
VMS=${2:-2500}
JAR=app/target/tpm-console.jar
BENCH=app/target/test-classes/dev/tpmconsole/app/bench/WindowsBenchmark.class
[ -f "$JAR" ] && [ -f "$BENCH" ] || mvn -B -q package -DskipTests
. bench/work.sh
java -Xmx512m -jar "$JAR" demo --out "$work/demo.sqlite" --vms "$N" >/dev/null
. bench/display.sh
. bench/runtime.sh
"${bench_java[@]}" -Xmx512m -Djava.util.logging.config.file=/dev/null \
  dev.tpmconsole.app.bench.WindowsBenchmark "$work/demo.sqlite" "$VMS" \
  2> >(grep -v "^WARNING: Unsupported JavaFX configuration" >&2)
