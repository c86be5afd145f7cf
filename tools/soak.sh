#!/usr/bin/env bash
# tools/soak.sh — SIGKILL soak of the stores (not run in CI; about 15 minutes for 1,000 trials on a loaded 2-core machine)
#
#   tools/soak.sh [TRIALS]          (default 1000; ALVH=path/to/alvh, default build-h/src/cli/alvh)
#
# Each trial starts one of four workloads on demo data and kills it with
# SIGKILL after a random delay (0 to about its run time):
#   note     `alvh journal add-note` on a shared journal
#   replay   `alvh replay --journal` creating a new journal
#   import   `alvh import` into a shared market store
#   writers  two `journal add-note` on the same entry at once, one killed
# After every trial the file it touched must open (the command that reads
# it exits 0, quick_check included).  A write whose command exited 0 before
# the kill is "acknowledged": every acknowledged note must be in the journal
# at the end, every acknowledged replay's journal must list its entries and
# every acknowledged import must have its rows.  Prints the trials, the
# failures and the lost acknowledged writes; exits 1 when any.
set -u

trials=${1:-1000}
here=$(cd "$(dirname "$0")/.." && pwd)
alvh=${ALVH:-$here/build-h/src/cli/alvh}
[ -x "$alvh" ] || { echo "soak: no alvh at $alvh (build first, or set ALVH)" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/alvh-soak-XXXXXX")
trap 'rm -rf "$work"' EXIT
# a private copy: a rebuild meanwhile does not pull the binary away
cp "$alvh" "$work/alvh" && alvh=$work/alvh
export XDG_STATE_HOME=$work/state XDG_DATA_HOME=$work/data LANGUAGE=C LC_ALL=C.UTF-8

"$alvh" demo --out "$work/demo" >/dev/null 2>&1 || { echo "soak: alvh demo failed" >&2; exit 2; }
journal=$work/journal.sqlite
market=$work/market.sqlite
"$alvh" replay --spx "$work/demo/spx.csv" --vix "$work/demo/vix.csv" --from 2025-06-01 \
  --journal "$journal" >/dev/null 2>"$work/setup.err" || { cat "$work/setup.err" >&2; exit 2; }

failures=0 lost=0 acked_notes=0 acked_replays=0 acked_imports=0
: >"$work/acked-notes"

fail () {
  failures=$((failures + 1))
  echo "FAIL trial $1: $2" >&2
}

# run_killed TOKEN_FILE CMD...: runs CMD, SIGKILLs it after a random delay
# (0..$delay_ms ms); prints "acked" when it exited 0 before the kill.
run_killed () {
  "$@" >/dev/null 2>>"$work/cmd.err" &
  local pid=$!
  sleep "$(printf '0.%03d' $((RANDOM % delay_ms)))"
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  [ $? -eq 0 ] && echo acked
}

start=$(date +%s)
for ((i = 1; i <= trials; i++)); do
  case $((i % 4)) in
    0)  # one note
      delay_ms=400
      if [ "$(run_killed "$alvh" journal add-note 1 "soak-$i" --db "$journal")" = acked ]; then
        echo "soak-$i" >>"$work/acked-notes"; acked_notes=$((acked_notes + 1))
      fi
      "$alvh" journal list --db "$journal" -n 1 >/dev/null 2>"$work/check.err" ||
        fail "$i" "journal unreadable after a killed add-note: $(cat "$work/check.err")"
      ;;
    1)  # a replay creating its journal
      delay_ms=900
      j=$work/replay-$i.sqlite
      if [ "$(run_killed "$alvh" replay --spx "$work/demo/spx.csv" --vix "$work/demo/vix.csv" \
               --from 2025-06-01 --journal "$j")" = acked ]; then
        acked_replays=$((acked_replays + 1))
        n=$("$alvh" journal list --db "$j" -n 5 2>"$work/check.err" | wc -l)
        [ "$n" -gt 0 ] || { lost=$((lost + 1)); fail "$i" "acknowledged replay has no entries: $(cat "$work/check.err")"; }
      elif [ -e "$j" ]; then
        # killed: the journal is complete (maybe without the run) or absent
        "$alvh" journal list --db "$j" -n 1 >/dev/null 2>"$work/check.err" ||
          fail "$i" "killed replay left a journal that does not open: $(cat "$work/check.err")"
      fi
      ls "$work"/replay-"$i".sqlite.new-* >/dev/null 2>&1 && rm -f "$work"/replay-"$i".sqlite.new-*
      rm -f "$j" "$j-wal" "$j-shm"
      ;;
    2)  # an import
      delay_ms=300
      if [ "$(run_killed "$alvh" import --db "$market" "$work/demo/vix.csv")" = acked ]; then
        acked_imports=$((acked_imports + 1))
      fi
      if [ -e "$market" ]; then
        "$alvh" eval --db "$journal" --market-db "$market" >/dev/null 2>"$work/check.err"
        # an empty store (no SPX yet) is fine; a store that does not open is not
        if grep -q -e "damaged" -e "not an ALVH" -e "cannot open" "$work/check.err"; then
          fail "$i" "market store unreadable after a killed import: $(cat "$work/check.err")"
        fi
      fi
      ;;
    3)  # two writers at once, one killed
      delay_ms=400
      "$alvh" journal add-note 1 "soak-$i-a" --db "$journal" >/dev/null 2>>"$work/cmd.err" &
      a=$!
      if [ "$(run_killed "$alvh" journal add-note 1 "soak-$i-b" --db "$journal")" = acked ]; then
        echo "soak-$i-b" >>"$work/acked-notes"; acked_notes=$((acked_notes + 1))
      fi
      if wait "$a"; then
        echo "soak-$i-a" >>"$work/acked-notes"; acked_notes=$((acked_notes + 1))
      else
        fail "$i" "an add-note that was not killed failed: $(tail -1 "$work/cmd.err")"
      fi
      ;;
  esac
done

# every acknowledged note is in the journal, whole
"$alvh" journal show 1 --db "$journal" >"$work/entry.txt" 2>"$work/check.err" ||
  fail end "journal unreadable at the end: $(cat "$work/check.err")"
while read -r token; do
  grep -qx -- "$token" "$work/entry.txt" || { lost=$((lost + 1)); echo "LOST $token" >&2; }
done <"$work/acked-notes"
if [ "$acked_imports" -gt 0 ] && command -v sqlite3 >/dev/null; then
  rows=$(sqlite3 "$market" "SELECT count(*) FROM bars" 2>/dev/null || echo 0)
  [ "$rows" -gt 0 ] || { lost=$((lost + acked_imports)); echo "LOST the imported rows" >&2; }
fi
if command -v sqlite3 >/dev/null; then
  for f in "$journal" "$market"; do
    [ -e "$f" ] || continue
    r=$(sqlite3 "$f" "PRAGMA integrity_check" 2>&1)
    [ "$r" = ok ] || fail end "integrity_check of $(basename "$f"): $r"
  done
fi

echo "soak: $trials trials in $(($(date +%s) - start)) s (acknowledged: $acked_notes notes, $acked_replays replays, $acked_imports imports)"
echo "soak: trials $trials, failures $failures, lost acknowledged writes $lost"
[ "$failures" -eq 0 ] && [ "$lost" -eq 0 ]
