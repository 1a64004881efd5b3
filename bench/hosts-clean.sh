#!/usr/bin/env bash
# Benchmark: host work done for real (issue "Reach the hosts (2/2)": clean 1,000 state folders on 20 fake hosts
# through the pipeline at most 1.5 times OpenSSH's `sftp -b` doing the same renames, one batch per host, hosts in
# parallel, in the same run; every FX pulse of the run window at most 50 ms while it runs).
# Starts the real OpenSSH server on HOSTS loopback addresses (127.0.0.101, ...; root needed, as for the tests) with
# FOLDERS TPM state folders and a snapshot whose rows name them; then alternates, RUNS times (default 3), sftp -b
# renaming every folder into a trash folder (one batch per host, all hosts at once) and the pipeline's "reset TPM"
# of every VM with --host-work ssh, shown in the real run window (-Xmx512m). Prints the best and median times of
# sftp, of the pipeline's host-work step (from its journal) and of its whole run, their ratios, and the longest gap
# between FX pulses. Needs a display: $DISPLAY, else its own Xvfb. Connects to 127.0.0.0/8 only.
# Usage: bench/hosts-clean.sh [HOSTS] [FOLDERS] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
HOSTS=${1:-20}
FOLDERS=${2:-1000}
RUNS=${3:-3}
JAR=app/target/tpm-console.jar
BENCH=app/target/test-classes/dev/tpmconsole/app/bench/HostCleanBenchmark.class
[ -f "$JAR" ] && [ -f "$BENCH" ] || mvn -B -q package -DskipTests
. bench/work.sh
mvn -B -q -pl app -am test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/cp.txt" >/dev/null
. bench/display.sh
java -Xmx512m -Dtpm.sshd.loglevel=INFO -Dtpm.sshd.nice=19 ${JAVA_OPTS:-} \
  -cp "$JAR:app/target/test-classes:model/target/test-classes:$(cat "$work/cp.txt")" \
  dev.tpmconsole.app.bench.HostCleanBenchmark "$work" "$HOSTS" "$FOLDERS" "$RUNS" \
  2> >(grep -v "^WARNING: Unsupported JavaFX configuration" >&2)
