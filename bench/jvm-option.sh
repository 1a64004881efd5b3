#!/usr/bin/env bash
# A JVM option's effect on the start (decision 0022): start to the first painted VM row on the demo, with and without
# OPTION, alternating, RUNS times, with `java -jar`'s class path and, if built, the app image's runtime and launcher
# options (minus OPTION when they hold it). FirstRowProbe starts the console as bench/startup.sh does. Needs a display:
# $DISPLAY, else its own Xvfb. Usage: bench/jvm-option.sh OPTION [RUNS]   e.g. bench/jvm-option.sh -XX:TieredStopAtLevel=1
set -euo pipefail
cd "$(dirname "$0")/.."
OPTION=${1:?usage: bench/jvm-option.sh OPTION [RUNS]}
RUNS=${2:-5}
. bench/first-row.sh
# the options without OPTION (the image's launcher may hold it), then with it
without() { local o; for o in "$@"; do [ "$o" = "$OPTION" ] || printf '%s\0' "$o"; done; }
. bench/runtime.sh >/dev/null
bench_java_of jar1
mapfile -d '' -t jar < <(without "${bench_java[@]}" dev.tpmconsole.app.bench.FirstRowProbe)
jar_with=("${jar[0]}" "$OPTION" "${jar[@]:1}")
ways=(jar jar_with)
if bench_java_of image; then
  mapfile -d '' -t image < <(without "${bench_java[@]}" dev.tpmconsole.app.bench.FirstRowProbe)
  image_with=("${image[0]}" "$OPTION" "${image[@]:1}")
  ways+=(image image_with)
fi
first_row "${jar[@]}" >/dev/null # the demo is generated once, and the page cache warmed
declare -A times
for i in $(seq "$RUNS"); do
  line="run $i:"
  for w in "${ways[@]}"; do
    declare -n cmd=$w
    t=$(first_row "${cmd[@]}"); times[$w]+="$t "
    line+=" $w $t ms"
  done
  echo "$line"
done
. bench/stats.sh
for w in "${ways[@]}"; do
  printf '%-12s median %6s ms  (%s)\n' "$w" "$(echo "${times[$w]}" | median)" "$(echo "${times[$w]}" | xargs)"
done
echo "(*_with: with $OPTION)"
