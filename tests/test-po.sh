#!/usr/bin/env bash
# Checks the translations: po/de.po must compile with `msgfmt --check` and
# have no fuzzy or untranslated messages, and every file that po/POTFILES.in
# lists must exist.
#   tests/test-po.sh SOURCE_ROOT
set -u
root=${1:?usage: tests/test-po.sh SOURCE_ROOT}
status=0

if ! command -v msgfmt >/dev/null 2>&1; then
  echo "msgfmt is absent (install gettext): skipping"
  exit 77
fi

for po in "$root"/po/*.po; do
  stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$po" 2>&1)
  rc=$?
  echo "$(basename "$po"): $stats"
  if [ $rc -ne 0 ]; then
    echo "FAIL: msgfmt --check rejects $po" >&2
    status=1
  elif printf '%s\n' "$stats" | grep -Eq 'fuzzy|untranslated'; then
    echo "FAIL: $po has fuzzy or untranslated messages" >&2
    status=1
  elif ! printf '%s\n' "$stats" | grep -Eq '^[0-9]+ translated messages?\.$'; then
    echo "FAIL: unexpected msgfmt output for $po" >&2
    status=1
  fi
done

n=0
while IFS= read -r line || [ -n "$line" ]; do
  line=${line%%#*}
  line=$(printf '%s' "$line" | tr -d '[:space:]')
  [ -z "$line" ] && continue
  n=$((n + 1))
  if [ ! -f "$root/$line" ]; then
    echo "FAIL: po/POTFILES.in lists $line, which does not exist" >&2
    status=1
  fi
done < "$root/po/POTFILES.in"
echo "po/POTFILES.in: $n files"

# Not fatal: files with marked strings that POTFILES.in does not list yet.
cd "$root" || exit 1
grep -rlE '(^|[^A-Za-z0-9_])(N_|C_|NC_|_)\("|ngettext|translatable="yes"' src ui 2>/dev/null | sort | while read -r f; do
  grep -qxF "$f" po/POTFILES.in || echo "note: $f has translatable strings but is not in po/POTFILES.in" >&2
done

exit $status
