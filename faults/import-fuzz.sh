#!/usr/bin/env bash
# The import's fuzz suite, long form: COUNT mutants of real dumps (default 2000) through `import` (most in one
# JVM through the command line, every COUNT/PROCESSES-th as `java -jar app/target/tpm-console.jar import`), and
# COUNT * 50 small mutants through the reader and the CREATE TABLE parser. Each import must end with exit 0 or 1
# (one line on stderr, no stack trace) within 10 s and leave nothing behind when it exits 1.
#
#   faults/import-fuzz.sh [COUNT] [SEED]      SEED: default a new one, printed; rerun a failure with the same
#                                             SEED, and one mutant with -Dtpm.fuzz.only=INDEX in MAVEN_ARGS
# Environment: PROCESSES (default 10) mutants through the jar; MAVEN_ARGS more Maven options
# (e.g. -Dtpm.fuzz.verbose=true for every mutant's outcome).
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-2000}
seed=${2:-$(od -An -N6 -tu8 /dev/urandom | tr -d ' ')}
processes=${PROCESSES:-10}
echo "import fuzz: $count mutants, seed $seed, $processes through the jar"
set +e
# shellcheck disable=SC2086
mvn -B -Dstyle.color=never -pl app -am verify \
    -Dtest=DumpReaderFuzzTest -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ImportFuzzIT \
    -Dtpm.fuzz.count="$count" -Dtpm.fuzz.seed="$seed" -Dtpm.fuzz.processes="$processes" \
    -Dtpm.fuzz.reader.count="$((count * 50))" ${MAVEN_ARGS:-} \
  | grep -E --line-buffered '^(import fuzz:|\[ERROR\]|\[WARNING\] Tests|Tests run:|mutant )|BUILD|FAIL'
status=${PIPESTATUS[0]}
set -e
echo "seed $seed: $( [ "$status" -eq 0 ] && echo passed || echo "FAILED (rerun: faults/import-fuzz.sh $count $seed)")"
exit "$status"
