#!/usr/bin/env bash
# ALVH Desk developer entry point.
#
#   tools/dev.sh run    install what is missing, build, and start the app
#                       (it offers the bundled demo data set when you have none)
#   tools/dev.sh test   install what is missing, build, and run every test:
#                       core, CLI and UI tests (UI under Xvfb), validators,
#                       then the suite again under AddressSanitizer and
#                       UndefinedBehaviorSanitizer; ends with "N passed, N failed"
#   tools/dev.sh deps   only install what is missing
#
# Works on a fresh Debian bookworm (or newer Debian/Ubuntu) as root or with sudo.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"

packages=(
  gcc pkg-config meson ninja-build gettext python3
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev libsqlite3-dev libcairo2-dev
  libsoup-3.0-dev libjson-glib-dev
  desktop-file-utils appstream appstream-util
  xvfb xauth x11-apps dbus at-spi2-core libgtk-4-bin adwaita-icon-theme fonts-dejavu-core
  clang libclang-rt-14-dev valgrind libc6-dbg poppler-utils libxml2-utils flatpak-builder imagemagick
)

log() { printf '\n== %s\n' "$*"; }

ensure_deps() {
  local missing=() p
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    return 0
  fi
  log "Installing: ${missing[*]}"
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "${missing[@]}"
}

setup_build() {
  local dir=$1; shift
  if [ -f "$dir/build.ninja" ]; then
    meson setup --reconfigure "$dir" "$@" >/dev/null
  else
    meson setup "$dir" "$@"
  fi
}

cmd_run() {
  ensure_deps
  setup_build build
  ninja -C build
  log "Starting ALVH Desk"
  GSETTINGS_SCHEMA_DIR="$here/build/data" exec ./build/src/app/alvh-desk --demo-if-empty "$@"
}

count_results() {
  # Sums the meson test results of every run; prints "N passed, N failed".
  python3 - "$@" <<'PY'
import json, sys
passed = failed = skipped = 0
for path in sys.argv[1:]:
    try:
        lines = open(path, encoding='utf-8').read().splitlines()
    except OSError:
        failed += 1
        continue
    for line in lines:
        if not line.strip():
            continue
        r = json.loads(line).get('result')
        if r in ('OK', 'EXPECTEDFAIL'):
            passed += 1
        elif r == 'SKIP':
            skipped += 1
        else:
            failed += 1
if skipped:
    print(f"({skipped} skipped)")
print(f"{passed} passed, {failed} failed")
PY
}

cmd_test() {
  ensure_deps
  local status=0
  export ALVH_SHARED_DATA="${ALVH_SHARED_DATA:-$here/../shared/data}"

  log "Build (warnings are errors)"
  rm -f build-ci/meson-logs/testlog*.json build-asan/meson-logs/testlog.json build-fuzz/results.json
  setup_build build-ci -Dwerror=true -Dbuildtype=debugoptimized
  ninja -C build-ci

  log "Tests: core, command line, UI (under Xvfb) and validators"
  xvfb-run -a -s "-screen 0 1600x1000x24" meson test -C build-ci --print-errorlogs --num-processes 2 || status=1

  log "Tests again under AddressSanitizer and UndefinedBehaviorSanitizer"
  setup_build build-asan -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debug
  ninja -C build-asan
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    xvfb-run -a -s "-screen 0 1600x1000x24" meson test -C build-asan --print-errorlogs --num-processes 2 \
      --suite core --suite cli --suite ui || status=1

  log "Core tests under valgrind memcheck (no definite leaks, no errors)"
  meson test -C build-ci --suite core --print-errorlogs --num-processes 2 --timeout-multiplier 10 \
    --wrapper "valgrind --error-exitcode=1 --child-silent-after-fork=yes --leak-check=full --errors-for-leak-kinds=definite --show-leak-kinds=definite --suppressions=$here/tests/valgrind.supp --quiet" \
    || status=1

  log "Fuzzing: each libFuzzer target for ${FUZZ_SECONDS:-30} s"
  mkdir -p build-fuzz
  FUZZ_SECONDS=${FUZZ_SECONDS:-30} bash tools/fuzz.sh | tee build-fuzz/fuzz.log || status=1
  python3 - build-fuzz/fuzz.log > build-fuzz/results.json <<'PY'
import json, sys
for line in open(sys.argv[1], encoding='utf-8', errors='replace'):
    if line.startswith('fuzz-'):
        print(json.dumps({'name': line.split(':')[0], 'result': 'OK' if ': ok' in line else 'FAIL'}))
PY

  log "Results"
  count_results build-ci/meson-logs/testlog.json build-ci/meson-logs/testlog-valgrind.json \
    build-asan/meson-logs/testlog.json build-fuzz/results.json
  return $status
}

case "${1:-}" in
  run) shift; cmd_run "$@" ;;
  test) cmd_test ;;
  deps) ensure_deps ;;
  *) echo "usage: tools/dev.sh run|test|deps" >&2; exit 2 ;;
esac
