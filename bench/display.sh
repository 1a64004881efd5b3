# Sourced by the benchmarks that show a real window: without $DISPLAY, starts an Xvfb of its own on the first free
# display from :90 and exports DISPLAY; its pid is in xvfb_pid, for the caller's clean-up.
xvfb_pid=
if [ -z "${DISPLAY:-}" ]; then
  command -v Xvfb >/dev/null || { echo "no DISPLAY and no Xvfb (apt-get install xvfb)" >&2; exit 1; }
  for d in $(seq 90 99); do [ -e "/tmp/.X11-unix/X$d" ] || { display=":$d"; break; }; done
  Xvfb "$display" -screen 0 1600x1000x24 >/dev/null 2>&1 & xvfb_pid=$!
  export DISPLAY=$display
  sleep 1
fi
