# Sourced by the benchmarks that show a real window, before bench/display.sh: $work, a temporary folder, and
# $xvfb_pid (display.sh's Xvfb, if it starts one); both are removed when the script exits.
work=$(mktemp -d)
xvfb_pid=
cleanup() { [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
