#!/usr/bin/env bash
# Benchmark: start to the first painted VM row (issue "Faster than the tools people would use instead": at most
# 1.5 s with `java -jar` on the demo, 1.2 s with the app image), against `java -jar ... --version` (the JVM and the
# command line alone) in the same run, alternating. The window is the real console on its built-in demo (generated
# once before timing); FirstRowProbe starts it as `java -jar` does (its window in a second, tuned JVM: decision 0029;
# "jar1" is the jar's window in one JVM, as before it) and prints when the VM list's first row was painted. With the
# app image built (mvn -B -q package -DskipTests -Pinstaller), also its runtime and options. Needs
# a display: $DISPLAY, else its own Xvfb. Usage: bench/startup.sh [RUNS] (default 9)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-9}
. bench/first-row.sh
# java -jar's way and, if built, the app image's runtime with its launcher's options
. bench/runtime.sh >/dev/null
bench_java_of jar1
# the jar as `java -jar` runs its window: in a second JVM with the app image's options and, once made, its class data
# sharing archive (decision 0029; forced here, as the probe runs with -cp); and, for comparison, in one JVM
ways=(jar jar1)
jar_cmd=("${bench_java[@]:0:1}" -Dtpmconsole.relaunch=true "${bench_java[@]:1}" dev.tpmconsole.app.bench.FirstRowProbe)
jar1_cmd=("${bench_java[@]:0:1}" -Dtpmconsole.relaunch=false "${bench_java[@]:1}" dev.tpmconsole.app.bench.FirstRowProbe)
if bench_java_of image; then
  image_cmd=("${bench_java[@]}" dev.tpmconsole.app.bench.FirstRowProbe)
  ways+=(image)
fi
version() { local t0; t0=$(now); java -jar "$JAR" --version >/dev/null; echo $(( $(now) - t0 )); }
first_row "${jar_cmd[@]}" >/dev/null   # the demo is generated once, and the page cache warmed
# the first start of the jar's window makes its class data sharing archive in the background: timed runs use it
for _ in $(seq 120); do ls "$TPM_CONSOLE_DATA"/cds/*.jsa >/dev/null 2>&1 && ! ls "$TPM_CONSOLE_DATA"/cds/*.making \
  >/dev/null 2>&1 && break; sleep 1; done
ls "$TPM_CONSOLE_DATA"/cds/*.jsa >/dev/null 2>&1 || echo "the jar's class data sharing archive was not made" >&2
declare -A times
for i in $(seq "$RUNS"); do
  v=$(version); times[version]+="$v "
  line="run $i: --version $v ms"
  for w in "${ways[@]}"; do
    declare -n cmd=${w}_cmd
    t=$(first_row "${cmd[@]}"); times[$w]+="$t "
    line+=", first VM row ($w) $t ms"
  done
  echo "$line"
done
. bench/stats.sh
v=$(echo "${times[version]}" | median)
printf '%-34s %8s %9s %8s %s\n' "" "best ms" "median ms" ratio "target"
printf '%-34s %8s %9s\n' "java -jar --version (baseline)" "$(echo "${times[version]}" | best)" "$v"
for w in "${ways[@]}"; do
  m=$(echo "${times[$w]}" | median)
  case $w in jar) target="at most 1,500 ms" ;; jar1) target="(the jar in one JVM)" ;; *) target="at most 1,200 ms" ;; esac
  printf '%-34s %8s %9s %8.2f %s\n' "first painted VM row ($w)" "$(echo "${times[$w]}" | best)" "$m" \
    "$(echo "$m / $v" | bc -l)" "$target"
done
