#!/usr/bin/env bash
# Start-up of the packaged console against `java -jar app/target/tpm-console.jar` (the baseline), in the same
# run, alternating, on one demo snapshot: `--version` (JVM and command line only), `info` (Hibernate and
# SQLite) and `audit --format json`. Three ways: the jar on this machine's java; the app image's launcher
# (bin/tpm-console); the app image's runtime started directly with the launcher's class path and options (what
# the launcher costs by itself). Prints the median wall time of each and the ratios to the jar.
# Needs both built: mvn -B -q package -DskipTests -Pinstaller (or mvn -B verify). Usage: [RUNS] (default 15)
# [IMAGE] (default installer/target/jpackage/tpm-console; /opt/tpm-console for the installed .deb).
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-15}
image=${2:-installer/target/jpackage/tpm-console}
jar=app/target/tpm-console.jar
launcher=$image/bin/tpm-console
[ -f "$jar" ] && [ -x "$launcher" ] || { echo "build first: mvn -B -q package -DskipTests -Pinstaller" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export TPM_CONSOLE_DATA=$tmp/data TPM_CONSOLE_CONFIG=$tmp/config
unset DISPLAY
"$launcher" demo --out "$tmp/demo.sqlite" --vms 2000 >/dev/null
# the launcher's java options and class path, from its configuration
cfg=$image/lib/app/tpm-console.cfg
app=$(cd "$image/lib/app" && pwd)
cp=$(sed -n 's/^app.classpath=\$APPDIR/'"${app//\//\\/}"'/p' "$cfg" | paste -sd:)
mapfile -t opts < <(sed -n 's/^java-options=//p' "$cfg" | sed "s|\$APPDIR|$app|g")
direct=("$image/lib/runtime/bin/java" "${opts[@]}" -cp "$cp" "$(sed -n 's/^app.mainclass=//p' "$cfg")")

ms() { local t0 t1; t0=$(date +%s%N); "$@" >/dev/null 2>&1 || true; t1=$(date +%s%N); echo $(((t1 - t0) / 1000000)); }
. bench/stats.sh

printf '%-10s %9s %14s %9s %14s %9s\n' command "jar ms" "launcher ms" ratio "runtime ms" ratio
for name in version info audit; do
  case $name in
    version) args=(--version) ;;
    info) args=(info "$tmp/demo.sqlite") ;;
    audit) args=(audit "$tmp/demo.sqlite" --format json) ;;
  esac
  ms java -jar "$jar" "${args[@]}" >/dev/null; ms "$launcher" "${args[@]}" >/dev/null   # warm the page cache
  : >"$tmp/jar"; : >"$tmp/launcher"; : >"$tmp/runtime"
  for _ in $(seq "$runs"); do
    ms java -jar "$jar" "${args[@]}" >>"$tmp/jar"
    ms "$launcher" "${args[@]}" >>"$tmp/launcher"
    ms "${direct[@]}" "${args[@]}" >>"$tmp/runtime"
  done
  j=$(median <"$tmp/jar"); l=$(median <"$tmp/launcher"); r=$(median <"$tmp/runtime")
  printf '%-10s %9s %14s %9.2f %14s %9.2f\n' "${args[0]}" "$j" "$l" "$(echo "$l / $j" | bc -l)" "$r" "$(echo "$r / $j" | bc -l)"
done
