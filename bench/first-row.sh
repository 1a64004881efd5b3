# Sourced (from the repository's root) by the scripts that start the real window with FirstRowProbe: builds the jar
# and the probe when missing, makes $work (bench/work.sh) and a display (bench/display.sh), and points the console's
# data and configuration into $work, so that the start is a new user's (its demo generated on the first start).
# first_row COMMAND...: runs COMMAND (a java command ending with the probe's class) and prints the milliseconds from
# its start to the first painted VM row; JavaFX's warning about its configuration is left out of stderr.
JAR=app/target/tpm-console.jar
PROBE=app/target/test-classes/dev/tpmconsole/app/bench/FirstRowProbe.class
[ -f "$JAR" ] && [ -f "$PROBE" ] || mvn -B -q package -DskipTests
. bench/work.sh
. bench/display.sh
export TPM_CONSOLE_DATA=$work/data TPM_CONSOLE_CONFIG=$work/config
now() { date +%s%3N; }
first_row() {
  local t0 out
  t0=$(now)
  out=$("$@" 2> >(grep -v "^WARNING: Unsupported JavaFX configuration" >&2 || true))
  echo $(( $(echo "$out" | sed -n 's/^first-row //p' | tail -1) - t0 ))
}
