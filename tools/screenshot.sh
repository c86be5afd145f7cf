#!/usr/bin/env bash
# Starts the built app under a private Xvfb, waits, and saves a screenshot.
# It runs tests/app/alvh-desk-driver (tests/support/alvh-desk-driver.c), which
# sets the window up from the ALVH_* variables that HACKING.md lists.
#   tools/screenshot.sh OUT.png [BUILD_DIR] [-- APP ARGS...]
# Environment: ALVH_STYLE=dark for the dark style, LANGUAGE=de for German,
#              ALVH_PAGE=charts|positions|evaluator|journal|replay, WAIT=seconds,
#              ALVH_WINDOW_SIZE=WxH (the screen is that size times GDK_SCALE,
#              so the shot is the window alone), GDK_SCALE=2 for HiDPI.
set -euo pipefail
out=${1:?usage: tools/screenshot.sh OUT.png [BUILD_DIR]}
build=${2:-build}
shift $(( $# >= 2 ? 2 : 1 ))
[ "${1:-}" = "--" ] && shift
size=${ALVH_WINDOW_SIZE:-1600x1000}
scale=${GDK_SCALE:-1}
screen="$(( ${size%x*} * scale ))x$(( ${size#*x} * scale ))"
# a display no other X server uses (two shots at once must not share one)
display_file=$(mktemp)
Xvfb -displayfd 3 -screen 0 "${screen}x24" 3>"$display_file" >/dev/null 2>&1 &
xvfb=$!
app=
trap 'kill $app $xvfb 2>/dev/null || true; rm -f "$display_file"' EXIT
for _ in $(seq 100); do [ -s "$display_file" ] && break; sleep 0.1; done
display=:$(head -n 1 "$display_file")
data_home=$(mktemp -d)
DISPLAY=$display XDG_DATA_HOME=$data_home GSETTINGS_BACKEND=memory \
  GSETTINGS_SCHEMA_DIR="$build/data" GTK_A11Y=none NO_AT_BRIDGE=1 GSK_RENDERER=cairo \
  "$build/tests/app/alvh-desk-driver" --demo-if-empty "$@" &
app=$!
sleep "${WAIT:-4}"
xwd -root -display "$display" | /usr/bin/convert xwd:- "$out"
echo "saved $out"
