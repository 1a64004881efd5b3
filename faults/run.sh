#!/usr/bin/env bash
# The fault suite in its long form: the same tests `mvn verify` runs (app/src/test/java/dev/tpmconsole/app/faults/,
# and the run-record tests of the model), with many more kill trials and a seed of your choice.
#
#   faults/run.sh [KILLS] [SEED]      defaults: 200 kills, a random seed (printed, to replay a failure)
#
# Needs root (real small file systems for the full disks, setpriv for unwritable folders) and this machine's
# MariaDB on 127.0.0.1:3306 (the live password case); like `mvn verify`, it fails where they are missing when
# CI=true, and skips those cases with a message otherwise. Exit status: that of the tests.
set -uo pipefail
cd "$(dirname "$0")/.."
kills=${1:-200}
seed=${2:-$RANDOM$RANDOM}
log=$(mktemp)
echo "fault suite: $kills kill trials, seed $seed (log: $log)"
mvn -B -pl app -am test -Dsurefire.failIfNoSpecifiedTests=false \
  -Dtest='dev.tpmconsole.app.faults.*Test,RunsTest,JsonLinesTest' \
  -Dfaults.kills="$kills" -Dfaults.seed="$seed" >"$log" 2>&1
status=$?
grep -E 'Tests run:.*in dev|FAIL|SKIPPED' "$log"
for f in app/target/surefire-reports/TEST-dev.tpmconsole.app.faults.*.xml; do
  name=$(basename "$f" .xml | sed 's/TEST-dev.tpmconsole.app.faults.//')
  head=$(grep -o -m1 '<testsuite [^>]*>' "$f")
  attr() { echo "$head" | grep -o " $1=\"[0-9]*\"" | tr -dc 0-9; }
  tests=$(attr tests); failures=$(attr failures); errors=$(attr errors); skipped=$(attr skipped)
  echo "$name: $((tests - failures - errors - skipped))/$tests passed, $skipped skipped"
done
exit $status
