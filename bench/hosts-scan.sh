#!/usr/bin/env bash
# Benchmark: the host scan (issue 13: scan 1,000 state folders on 20 fake hosts at most 1.5 times OpenSSH's
# `sftp -b` listing the same folders, one batch per host, hosts in parallel, in the same run; heap at most 256 MB).
# Starts the real OpenSSH server on HOSTS loopback addresses (127.0.0.101, ...; root needed, as for the tests)
# with FOLDERS state folders and their NvRam files, and a snapshot whose rows name them (one folder in ten
# untracked, one row in twenty missing). Then alternates, RUNS times (default 5), the whole `hosts scan`
# process (java -Xmx256m, JVM start included, --host-parallelism HOSTS) with one `sftp -b` per host, all in
# parallel, each batch listing /var/lib/libvirt/swtpm and /var/lib/libvirt/qemu/nvram (what the scan lists).
# Prints the best and median times, their ratio, the time of `--version` (the JVM's start alone), and the most
# heap the scan used (GC log). Connects to 127.0.0.0/8 only. Usage: bench/hosts-scan.sh [HOSTS] [FOLDERS] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
HOSTS=${1:-20}
FOLDERS=${2:-1000}
RUNS=${3:-5}
JAR=app/target/tpm-console.jar
BENCH=app/target/test-classes/dev/tpmconsole/app/bench/HostScanBenchmarkHosts.class
[ -f "$JAR" ] && [ -f "$BENCH" ] || mvn -B -q package -DskipTests
work=$(mktemp -d)
mvn -B -q -pl app -am test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/cp.txt" >/dev/null
exec 3> >(java -Dtpm.sshd.loglevel=INFO -cp "$JAR:app/target/test-classes:model/target/test-classes:$(cat "$work/cp.txt")" \
  dev.tpmconsole.app.bench.HostScanBenchmarkHosts "$work" "$HOSTS" "$FOLDERS" >"$work/hosts.log" 2>&1)
cleanup() { exec 3>&-; sleep 2; rm -rf "$work"; }
trap cleanup EXIT
for _ in $(seq 120); do [ -f "$work/env" ] && break; sleep 0.5; done
[ -f "$work/env" ] || { echo "the fake hosts did not start:" >&2; cat "$work/hosts.log" >&2; exit 1; }
# shellcheck disable=SC1091
. "$work/env"
now() { date +%s.%N; }
declare -A times
peak_kb=0
sftp_run() {
  local t0 t1 pids=() a
  t0=$(now)
  for a in $ADDRESSES; do
    sftp -q -F "$CONFIG" -b "$BATCHES/$a" "$a" >"$work/sftp-$a.out" 2>&1 & pids+=($!)
  done
  for p in "${pids[@]}"; do wait "$p" || { echo "sftp failed:" >&2; cat "$work"/sftp-*.out >&2; exit 1; }; done
  t1=$(now)
  times[sftp]+="$(echo "$t1 - $t0" | bc -l) "
}
scan_run() {
  local log="$work/gc.log" t0 t1 status=0
  t0=$(now)
  java -Xmx256m ${JAVA_OPTS:-} "-Xlog:gc,gc+heap+exit:file=$log" -jar "$JAR" hosts scan "$DB" --ssh-config "$CONFIG" \
    --known-hosts "$KNOWN" --host-parallelism "$HOSTS" --format json --out "$work/scan.json" || status=$?
  t1=$(now)
  [ "$status" -eq 3 ] || { echo "hosts scan exited $status (expected 3: the untracked folders)" >&2; exit 1; }
  times[scan]+="$(echo "$t1 - $t0" | bc -l) "
  local kb
  kb=$( { grep -oE '[0-9]+M->[0-9]+M' "$log" | sed -E 's/M->.*//; s/$/*1024/' | bc; \
          grep -oE 'used [0-9]+K' "$log" | grep -oE '[0-9]+'; } | sort -n | tail -1)
  [ -n "$kb" ] && [ "$kb" -gt "$peak_kb" ] && peak_kb=$kb
  return 0
}
version_run() {
  local t0 t1
  t0=$(now); java -Xmx256m -jar "$JAR" --version >/dev/null; t1=$(now)
  times[jvm]+="$(echo "$t1 - $t0" | bc -l) "
}
for i in $(seq "$RUNS"); do
  sftp_run
  scan_run
  version_run
  printf 'run %d: sftp -b %.3f s, hosts scan %.3f s, --version %.3f s\n' "$i" \
    "$(echo "${times[sftp]}" | awk '{print $NF}')" "$(echo "${times[scan]}" | awk '{print $NF}')" \
    "$(echo "${times[jvm]}" | awk '{print $NF}')"
done
. bench/stats.sh
entries=$(grep -c '"path" : "/var/lib/libvirt/swtpm/' "$work/scan.json" || true)
printf '\n%d hosts, %d state folders (%s swtpm entries and findings in the last report)\n' "$HOSTS" "$FOLDERS" "$entries"
sb=$(echo "${times[sftp]}" | best); sm=$(echo "${times[sftp]}" | median)
printf '%-34s %8s %8s %12s %12s\n' "" "best s" "median s" "ratio best" "ratio median"
printf '%-34s %8.3f %8.3f\n' "sftp -b, one batch per host" "$sb" "$sm"
b=$(echo "${times[scan]}" | best); m=$(echo "${times[scan]}" | median)
printf '%-34s %8.3f %8.3f %12.2f %12.2f\n' "hosts scan (whole process)" "$b" "$m" "$(echo "$b / $sb" | bc -l)" \
  "$(echo "$m / $sm" | bc -l)"
jb=$(echo "${times[jvm]}" | best); jm=$(echo "${times[jvm]}" | median)
printf '%-34s %8.3f %8.3f\n' "--version (the JVM's start alone)" "$jb" "$jm"
printf '%-34s %8.3f %8.3f %12.2f %12.2f\n' "hosts scan less the JVM's start" "$(echo "$b - $jb" | bc -l)" \
  "$(echo "$m - $jm" | bc -l)" "$(echo "($b - $jb) / $sb" | bc -l)" "$(echo "($m - $jm) / $sm" | bc -l)"
printf 'most heap used by a scan (-Xmx256m; G1 lets it fill before collecting): %d MB\n' "$((peak_kb / 1024))"
