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

# Every marked string of the sources has a translation: extract them the way
# meson's glib preset does and compare with each catalogue.
if command -v xgettext >/dev/null 2>&1 && command -v msgcmp >/dev/null 2>&1; then
  pot=$(mktemp)
  if xgettext --from-code=UTF-8 --add-comments --keyword=_ --keyword=N_ --keyword=C_:1c,2 \
       --keyword=NC_:1c,2 --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
       --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
       --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
       --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
       --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
       --files-from=po/POTFILES.in --directory="$root" -o "$pot" 2>/dev/null; then
    for po in "$root"/po/*.po; do
      if ! msgcmp --use-untranslated "$po" "$pot" >/dev/null 2>&1; then
        echo "FAIL: $(basename "$po") lacks messages that the sources mark (run: meson compile -C BUILD alvh-desk-update-po)" >&2
        msgcmp --use-untranslated "$po" "$pot" 2>&1 | head -20 >&2
        status=1
      fi
    done
  else
    echo "FAIL: xgettext could not read the files of po/POTFILES.in" >&2
    status=1
  fi
  rm -f "$pot"
fi

exit $status
