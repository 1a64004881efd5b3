#!/usr/bin/env bash
# Takes the README's screenshots from the real console, in a real window under Xvfb, at 100 % and 150 %:
# docs/screenshots/main-window.png, run-with-error.png, and main-window@1.5x.png, run-with-error@1.5x.png; the main
# window in Chinese: main-window.zh_CN.png and main-window.zh_CN@1.5x.png.
# Needs Xvfb and ImageMagick (apt-get install xvfb imagemagick libgtk-3-0). Usage: docs/screenshots.sh
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=app/target/tpm-console.jar
[ -f "$JAR" ] && [ -f app/target/test-classes/dev/tpmconsole/app/tools/Screenshots.class ] || mvn -B -q package -DskipTests
out=docs/screenshots
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
command -v Xvfb >/dev/null && command -v import >/dev/null \
  || { echo "needs Xvfb and ImageMagick's import: apt-get install xvfb imagemagick libgtk-3-0" >&2; exit 1; }
CP="$JAR:app/target/test-classes:model/target/test-classes"
shoot() { # scale width height suffix [which]
  local fifo display
  # Xvfb picks a free display and says which on the descriptor given (no guessing, no sleeping)
  # one a shot (the hosts' shot has the same suffix as the first)
  fifo="$work/display-${#pids[@]}"; mkfifo "$fifo"
  Xvfb -displayfd 3 -screen 0 "$2x$3x24" 3>"$fifo" >/dev/null 2>&1 & pids+=($!)
  read -r display <"$fifo"
  DISPLAY=":$display" java ${EXTRA:-} -Dglass.gtk.uiScale="$1" -Djava.util.logging.config.file=/dev/null \
    -cp "$CP" dev.tpmconsole.app.tools.Screenshots "$out" "$work/scale-$1" "$4" "${5:-all}" \
    2> >(grep -v "^WARNING: Unsupported JavaFX configuration" >&2)
}
shoot 1 1400 860 ""
shoot 1.5 2100 1290 "@1.5x"
# the main window in Chinese, at 100 % and 150 % (a CJK font is needed: apt-get install fonts-noto-cjk)
EXTRA=-Dtpm.console.lang=zh_CN shoot 1 1400 860 ".zh_CN" main
EXTRA=-Dtpm.console.lang=zh_CN shoot 1.5 2100 1290 ".zh_CN@1.5x" main
# the run whose host work is done over SSH: fake hosts (the real OpenSSH server; root needed)
if [ "$(id -u)" = 0 ] && [ -x /usr/sbin/sshd ]; then
  # -am test-compile: the reactor resolves the project's own modules to their folders, nothing needs installing
  cpfile=$(mktemp)
  mvn -B -q -pl app -am test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cpfile" >/dev/null
  CP="$CP:$(cat "$cpfile")"; rm -f "$cpfile"
  shoot 1 1400 860 "" hosts
else
  echo "run-over-ssh.png not retaken: it needs root and OpenSSH's sshd (fake hosts)" >&2
fi
ls -l "$out"
