#!/usr/bin/env bash
# The machine's cost of memory no process has touched lately: not a target, a figure for reading the other benchmarks
# across machines. A virtual machine whose kernel reports freed pages to its host (free page reporting, the
# virtio_balloon driver) gives them back a few seconds after they are freed, and the host backs each again at its next
# first touch: every page a JVM's start, heap growth or new window touches for the first time then costs several times
# what it costs on a desktop. Times a JVM that touches SIZE MB of heap at its start (-XX:+AlwaysPreTouch, -Xms), after
# the machine was left IDLE seconds (the pages handed back), then again at once (the kernel reuses the pages the first
# JVM just freed), against the same JVM touching 8 MB; prints each, and the cost of 100 MB touched, best of RUNS.
# Usage: bench/fresh-memory.sh [SIZE] [IDLE] [RUNS]   (defaults 512, 5 and 3)
set -euo pipefail
SIZE=${1:-512}
IDLE=${2:-5}
RUNS=${3:-3}
now() { date +%s%3N; }
touching() { local t0; t0=$(now); java -XX:+UseTransparentHugePages -XX:+AlwaysPreTouch -Xms"$1"m -version 2>/dev/null; echo $(( $(now) - t0 )); }
best() { sort -n | head -1; }
small=(); cold=(); warm=()
for _ in $(seq "$RUNS"); do
  small+=("$(touching 8)")
  sleep "$IDLE"
  cold+=("$(touching "$SIZE")")
  warm+=("$(touching "$SIZE")")
done
s=$(printf '%s\n' "${small[@]}" | best); c=$(printf '%s\n' "${cold[@]}" | best); w=$(printf '%s\n' "${warm[@]}" | best)
per() { echo $(( ($1 - s) * 100 / SIZE )); }
reporting=none
if [ -r /sys/module/page_reporting/parameters/page_reporting_order ]; then
  reporting="order $(cat /sys/module/page_reporting/parameters/page_reporting_order)"
fi
printf 'runs (ms): 8 MB %s; %d MB after %d s idle %s; %d MB at once after %s\n' "${small[*]}" "$SIZE" "$IDLE" \
  "${cold[*]}" "$SIZE" "${warm[*]}"
printf 'fresh memory: %d MB touched in %d ms after %d s idle, %d ms at once after, 8 MB in %d ms (best of %d): %d ms per 100 MB idle, %d ms at once; free page reporting: %s\n' \
  "$SIZE" "$c" "$IDLE" "$w" "$s" "$RUNS" "$(per "$c")" "$(per "$w")" "$reporting"
