#!/usr/bin/env bash
# Starts the built app under a private Xvfb, waits, and saves a screenshot.
#   tools/screenshot.sh OUT.png [BUILD_DIR] [-- APP ARGS...]
# Environment: ALVH_STYLE=dark for the dark style, LANGUAGE=de for German,
#              ALVH_PAGE=charts|positions|evaluator|journal|replay, WAIT=seconds.
set -euo pipefail
out=${1:?usage: tools/screenshot.sh OUT.png [BUILD_DIR]}
build=${2:-build}
shift $(( $# >= 2 ? 2 : 1 ))
[ "${1:-}" = "--" ] && shift
display=:$(( 90 + RANDOM % 9 ))
Xvfb "$display" -screen 0 1600x1000x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $app $xvfb 2>/dev/null || true' EXIT
sleep 1
data_home=$(mktemp -d)
scheme=default
[ "${ALVH_STYLE:-}" = dark ] && scheme=prefer-dark
DISPLAY=$display XDG_DATA_HOME=$data_home GSETTINGS_BACKEND=memory \
  GSETTINGS_SCHEMA_DIR="$build/data" GTK_A11Y=none NO_AT_BRIDGE=1 GSK_RENDERER=cairo \
  ALVH_COLOR_SCHEME=$scheme ALVH_INITIAL_PAGE=${ALVH_PAGE:-} \
  "$build/src/app/alvh-desk" --demo-if-empty "$@" &
app=$!
sleep "${WAIT:-4}"
xwd -root -display "$display" | /usr/bin/convert xwd:- "$out"
echo "saved $out"
