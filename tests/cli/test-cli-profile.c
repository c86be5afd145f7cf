/* test-cli-profile.c — `alvh profile` as a trader uses it
 *
 * Writes a profile from `alvh profile default`, breaks it in the ways the
 * issue lists (a rule across keys, a misspelt key), imports and exports it,
 * and checks that options may come before or after the subcommand.
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "alvh-core.h"
#include "test-cli-util.h"

/* Runs `alvh ARGS...` (NULL-terminated) in the C locale; returns the exit status. */
static int
run (TestRun    *r,
     const char *first,
     ...)
{
  g_auto(GStrv) envp = test_cli_environ_c ();
  va_list ap;

  va_start (ap, first);
  r->status = test_cli_run_valist (NULL, envp, NULL, &r->out, &r->err, first, ap);
  va_end (ap);
  return r->status;
}

/* Replaces the line "key=..." of the [thresholds] text by "key=value". */
static char *
with_value (const char *text,
            const char *key,
            const char *value)
{
  g_autofree char *prefix = g_strdup_printf ("\n%s=", key);
  const char *at = strstr (text, prefix);
  const char *end;

  g_assert_nonnull (at);
  end = strchr (at + 1, '\n');
  return g_strdup_printf ("%.*s\n%s=%s%s", (int) (at - text), text, key, value, end);
}

static void
test_default_validate_import_export (void)
{
  g_auto(TestRun) r = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("alvh-cli-profile-XXXXXX", &error);
  g_autofree char *db = g_build_filename (dir, "journal.sqlite", NULL);
  g_autofree char *file = g_build_filename (dir, "mine.ini", NULL);
  g_autofree char *out = g_build_filename (dir, "new", "folder", "export.ini", NULL);
  g_autofree char *text = NULL, *bad = NULL, *named = NULL, *exported = NULL;
  g_autoptr(AlvhProfile) back = NULL;
  g_autoptr(AlvhProfile) defaults = alvh_profile_new ();

  g_assert_no_error (error);

  /* the default profile, every key explained, reads back as the defaults */
  g_assert_cmpint (run (&r, "profile", "default", NULL), ==, 0);
  g_assert_nonnull (strstr (r.out, "# Condor DTE at close. Replays close condors"));
  g_assert_nonnull (strstr (r.out, "# Unit: days. Default: 21. Allowed: an integer from 0 to 3650.\nclose_dte=21\n"));
  back = alvh_profile_new_from_data (r.out, -1, "default", &error);
  g_assert_no_error (error);
  g_assert_true (alvh_profile_equal_values (back, defaults));
  text = g_strdup (r.out);

  /* close_dte=60 with condor_dte=45 names both keys, their values and the rule */
  bad = with_value (text, "close_dte", "60");
  g_assert_true (g_file_set_contents (file, bad, -1, NULL));
  g_assert_cmpint (run (&r, "profile", "validate", file, NULL), ==, 1);
  g_assert_nonnull (strstr (r.err, "close_dte=60 must be below condor_dte=45"));
  g_clear_pointer (&bad, g_free);

  /* a misspelt key names the nearest valid one */
  bad = g_strconcat (text, "rsi_hi=75\n", NULL);
  g_assert_true (g_file_set_contents (file, bad, -1, NULL));
  g_assert_cmpint (run (&r, "profile", "validate", file, NULL), ==, 1);
  g_assert_nonnull (strstr (r.err, "unknown threshold “rsi_hi”"));
  g_assert_nonnull (strstr (r.err, "did you mean rsi_high?"));

  /* a good profile: valid, imported under a name, shown and exported */
  named = with_value (text, "close_dte", "14");
  g_assert_true (g_file_set_contents (file, named, -1, NULL));
  g_assert_cmpint (run (&r, "profile", "validate", file, NULL), ==, 0);
  g_assert_nonnull (strstr (r.out, "is valid"));
  g_assert_cmpint (run (&r, "profile", "import", file, "--name", "Short", "--db", db, NULL), ==, 0);
  g_assert_nonnull (strstr (r.out, "“Short” version 1"));
  /* --db before the subcommand, and before the command */
  g_assert_cmpint (run (&r, "profile", "--db", db, "show", "Short", NULL), ==, 0);
  g_assert_nonnull (strstr (r.out, "close_dte=14\n"));
  g_assert_cmpint (run (&r, "--db", db, "profile", "show", "Short", NULL), ==, 0);
  g_assert_nonnull (strstr (r.out, "name=Short\n"));
  /* the export's missing folders are created */
  g_assert_cmpint (run (&r, "profile", "export", "Short", "--db", db, "--output", out, NULL), ==, 0);
  g_assert_true (g_file_get_contents (out, &exported, NULL, NULL));
  g_clear_pointer (&back, alvh_profile_unref);
  back = alvh_profile_new_from_data (exported, -1, out, &error);
  g_assert_no_error (error);
  g_assert_cmpint (back->close_dte, ==, 14);
  g_assert_cmpstr (alvh_profile_get_name (back), ==, "Short");

  /* an unknown stored name fails, a missing argument is a usage error */
  g_assert_cmpint (run (&r, "profile", "export", "Nope", "--db", db, NULL), ==, 1);
  g_assert_cmpint (run (&r, "profile", "validate", NULL), ==, 2);
  g_assert_cmpint (run (&r, "profile", "frobnicate", NULL), ==, 2);

  test_rm_rf (dir);
}

static void
test_help_documents_every_key (void)
{
  g_auto(TestRun) r = { 0 };
  guint n = 0;
  const AlvhProfileDescriptor *d = alvh_profile_get_descriptors (&n);

  g_assert_cmpint (run (&r, "profile", "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (r.out, "[thresholds]"));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *line = g_strdup_printf ("\n  %s — %s\n", d[i].key, d[i].label);

      g_assert_nonnull (strstr (r.out, line));
    }
  g_assert_nonnull (strstr (r.out, "close_dte < condor_dte"));

  /* README's copy of the format is the one --help prints */
  {
    g_autofree char *readme_path = g_test_build_filename (G_TEST_DIST, "..", "README.md", NULL);
    g_autofree char *readme = NULL;
    const char *reference = strstr (r.out, "A profile file is");

    g_assert_nonnull (reference);
    g_assert_true (g_file_get_contents (readme_path, &readme, NULL, NULL));
    if (strstr (readme, reference) == NULL)
      g_error ("README.md's profile format is out of date: copy it from `alvh profile --help`");
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/profile/default-validate-import-export", test_default_validate_import_export);
  g_test_add_func ("/cli/profile/help", test_help_documents_every_key);
  return g_test_run ();
}
