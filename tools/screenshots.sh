#!/usr/bin/env bash
# Takes the screenshots of data/screenshots/: every page at 1024x700,
# 1600x1000, 2560x1440 and 1024x700 with GDK_SCALE=2, in English and German,
# light and dark, from the demo data and demo book (tools/screenshot.sh for
# one shot).  Names: PAGE-WxH[-x2][-dark][-de].png; the metainfo uses the
# 1600x1000 ones.  The PNGs are made compact with pngquant (and optipng) when
# they are installed.
#   tools/screenshots.sh [BUILD_DIR] [OUT_DIR]
# Environment: PAGES, SIZES, LANGS, STYLES (light dark) to take fewer
# (space-separated lists; a page "replay-sweep", "replay-compare", ... is
# that view of the Replay page, run); WAIT seconds per shot (default 8).
set -euo pipefail
build=${1:-build}
out=${2:-data/screenshots}
here=$(dirname "$0")
mkdir -p "$out"
for lang in ${LANGS:-en de}; do
  for style in ${STYLES:-light dark}; do
    for size in ${SIZES:-1024x700 1600x1000 2560x1440 1024x700@2}; do
      for page in ${PAGES:-charts positions evaluator journal replay}; do
        scale=1
        [ "${size#*@}" != "$size" ] && scale=${size#*@}
        geometry=${size%@*}
        name="$page-$geometry"
        [ "$scale" != 1 ] && name="$name-x$scale"
        [ "$style" != light ] && name="$name-$style"
        [ "$lang" != en ] && name="$name-$lang"
        # "replay-sweep" (compare, walk-forward, attribution): that view of the Replay page
        view=
        [ "${page#replay-}" != "$page" ] && view=${page#replay-}
        env ALVH_PAGE="${page%%-*}" ALVH_WINDOW_SIZE="$geometry" GDK_SCALE="$scale" \
          ALVH_STYLE="$style" ${view:+ALVH_REPLAY_VIEW="$view"} \
          ALVH_TODAY=2025-12-31 ALVH_DEMO_BOOK=1 ALVH_CHART_RANGE=3m \
          ALVH_RUN_REPLAY=$([ "$page" = replay ] && echo 1 || echo 0) \
          LANGUAGE=$([ "$lang" = en ] && echo en || echo "$lang") \
          WAIT=${WAIT:-8} "$here/screenshot.sh" "$out/$name.png" "$build"
        if command -v pngquant >/dev/null 2>&1; then
          pngquant --force --skip-if-larger --quality 80-100 --speed 3 --output "$out/$name.png" "$out/$name.png" || true
        fi
        if command -v optipng >/dev/null 2>&1; then
          optipng -quiet -o2 "$out/$name.png" || true
        fi
      done
    done
  done
done
