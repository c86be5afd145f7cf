#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan+UBSan) and runs each for a bounded time.
#   tools/fuzz.sh [SECONDS_PER_TARGET]      (default 45; env FUZZ_SECONDS too)
# Seed corpora: tests/fuzz/corpus/<target>/, the importer fixtures in tests/fixtures/
# and tests/hostile/, and the real files in ../shared/data when that folder exists.
# Fails on any crash, leak or sanitizer report; prints one line per target.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"
seconds=${1:-${FUZZ_SECONDS:-45}}
build=build-fuzz
shared="$here/../shared/data"

if [ ! -f "$build/build.ninja" ]; then
  CC=clang meson setup "$build" -Dfuzzing=true -Dapp=disabled \
    -Db_sanitize=address,undefined -Db_lundef=false --buildtype=debugoptimized >/dev/null
fi
targets=${FUZZ_TARGETS:-import option-chain profile events}
ninja -C "$build" $(printf "tests/fuzz/fuzz-%s " $targets) >"$build/ninja.log" 2>&1 || { tail -30 "$build/ninja.log"; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
for target in ${FUZZ_TARGETS:-import option-chain profile events}; do
  corpus="$work/$target"
  mkdir -p "$corpus"
  cp tests/fuzz/corpus/$target/* "$corpus"/ 2>/dev/null || true
  case $target in
    import)
      cp tests/fixtures/import-*.csv "$corpus"/ 2>/dev/null || true
      cp tests/hostile/*.csv "$corpus"/ 2>/dev/null || true
      if [ -d "$shared" ]; then
        # the head of each real file: the fuzzer mutates small inputs best
        for f in "$shared"/vix_daily_cboe.csv "$shared"/spx_daily_yahoo.csv "$shared"/vvix_daily_cboe.csv \
                 "$shared"/vix_futures_term_structure_2007_2021.csv "$shared"/vix_futures_cfe_contracts_2006_2015.csv \
                 "$shared"/spx_daily_ohlc_1927_2026.csv; do
          head -c 4096 "$f" > "$corpus/real-$(basename "$f")"
        done
      fi ;;
    option-chain)
      if [ -d "$shared" ]; then
        for f in "$shared"/spx_option_chain_cboe_*.csv; do head -c 8192 "$f" > "$corpus/real-$(basename "$f")"; done
      fi ;;
  esac
  log="$work/$target.log"
  if ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
     "$build/tests/fuzz/fuzz-$target" -max_total_time="$seconds" -max_len=65536 -timeout=10 \
       -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$work/crash-$target-" "$corpus" >"$log" 2>&1; then
    runs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' || echo "?")
    echo "fuzz-$target: ok ($runs runs in ${seconds}s)"
  else
    echo "fuzz-$target: FAILED"
    tail -40 "$log"
    mkdir -p "$here/build-fuzz/artifacts"
    cp "$work"/crash-$target-* "$here/build-fuzz/artifacts/" 2>/dev/null || true
    status=1
  fi
done
exit $status
