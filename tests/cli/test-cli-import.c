/* test-cli-import.c — `alvh import` */
#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "alvh-core.h"
#include "test-cli-util.h"

/* runs `alvh import ARGS...` with EXTRA_ENV (NULL or name, value, ..., NULL) set */
static void
run_alvh (TestRun            *r,
          const char * const *extra_env,
          const char         *first,
          ...)
{
  g_auto(GStrv) env = test_cli_environ_c ();
  va_list args;

  for (guint i = 0; extra_env != NULL && extra_env[i] != NULL; i += 2)
    env = g_environ_setenv (env, extra_env[i], extra_env[i + 1], TRUE);
  va_start (args, first);
  r->status = test_cli_run_valist (NULL, env, "import", &r->out, &r->err, first, args);
  va_end (args);
}

static void
test_text_output (void)
{
  g_autofree char *dir = test_make_tmp_dir ("alvh-cli-import-XXXXXX");
  g_autofree char *db = g_build_filename (dir, "m.sqlite", NULL);
  g_autofree char *spx = test_fixture_path ("spx_d.csv");
  g_autofree char *gap = test_fixture_path ("import-gap.csv");
  g_autofree char *line1 = NULL;
  TestRun r = { 0 };

  run_alvh (&r, NULL, "--db", db, spx, "--symbol", "VIX", gap, NULL);
  g_assert_cmpint (r.status, ==, 0);
  line1 = g_strdup_printf ("%s: stooq, VIX, 3 rows from 2024-01-02 to 2024-01-04, 0 skipped, 0 warnings, 0 gaps\n", spx);
  g_assert_true (g_str_has_prefix (r.out, line1));
  g_assert_nonnull (strstr (r.out, "cboe-ohlc, VIX, 9 rows from 2024-01-02 to 2024-01-16, 0 skipped, 0 warnings, 1 gaps\n"
                                   "  missing NYSE trading days: 2024-01-04\n"));
  line1 = (g_free (line1), g_strdup_printf ("alvh import: created a new market store at %s\n", db));
  g_assert_cmpstr (r.err, ==, line1);
  g_assert_true (g_file_test (db, G_FILE_TEST_EXISTS));
  test_run_clear (&r);
  test_rm_rf (dir);
}

static void
test_json_output (void)
{
  g_autofree char *dir = test_make_tmp_dir ("alvh-cli-import-XXXXXX");
  g_autofree char *db = g_build_filename (dir, "m.sqlite", NULL);
  g_autofree char *term = test_fixture_path ("import-term.csv");
  g_autofree char *bad = test_fixture_path ("import-bad-date.csv");
  g_autofree char *err = NULL;
  TestRun r = { 0 };

  run_alvh (&r, NULL, "--json", "--db", db, term, bad, NULL);
  /* one file failed: exit 1, the good one is still imported */
  g_assert_cmpint (r.status, ==, 1);
  g_assert_true (g_str_has_prefix (r.out, "[{\"file\":\""));
  g_assert_true (g_str_has_suffix (r.out, "}]\n"));
  g_assert_nonnull (strstr (r.out, "\"format\":\"term-structure\",\"series\":[{\"symbol\":\"VIX\",\"kind\":\"close\",\"rows\":3,\"columns\":[\"close\"]},"
                                   "{\"symbol\":\"VX\",\"kind\":\"vx\",\"rows\":3,\"columns\":[\"vx1\",\"vx2\"]},"
                                   "{\"symbol\":\"SPX\",\"kind\":\"close\",\"rows\":3,\"columns\":[\"close\"]}]"));
  g_assert_nonnull (strstr (r.out, "\"rows\":3,\"skipped\":0,\"warnings\":0,\"outside_range\":0,\"open_missing\":0,"
                                   "\"first\":\"2024-01-02\",\"last\":\"2024-01-04\",\"gaps\":0,\"gap_dates\":[]"));
  g_assert_nonnull (strstr (r.out, "“13/45/2024” is not a date (expected YYYY-MM-DD or MM/DD/YYYY)\"}]"));
  err = g_strdup_printf ("alvh import: created a new market store at %s\n"
                         "alvh import: %s:3:1: “13/45/2024” is not a date (expected YYYY-MM-DD or MM/DD/YYYY)\n", db, bad);
  g_assert_cmpstr (r.err, ==, err);
  test_run_clear (&r);
  test_rm_rf (dir);
}

static void
test_default_db (void)
{
  g_autofree char *dir = test_make_tmp_dir ("alvh-cli-import-XXXXXX");
  g_autofree char *db = g_build_filename (dir, "env.sqlite", NULL);
  g_autofree char *xdg_db = g_build_filename (dir, "alvh-desk", "market.sqlite", NULL);
  g_autofree char *vx = test_fixture_path ("import-vx.csv");
  const char *env1[] = { "ALVH_MARKET_DB", db, NULL };
  const char *env2[] = { "ALVH_MARKET_DB", "", "XDG_DATA_HOME", dir, NULL };
  GStatBuf st;
  TestRun r = { 0 };

  run_alvh (&r, env1, vx, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_file_test (db, G_FILE_TEST_EXISTS));
  test_run_clear (&r);

  run_alvh (&r, env2, vx, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_file_test (xdg_db, G_FILE_TEST_EXISTS));
  g_assert_cmpint (g_stat (xdg_db, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  test_run_clear (&r);
  test_rm_rf (dir);
}

static void
test_usage (void)
{
  TestRun r = { 0 };

  run_alvh (&r, NULL, NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_cmpstr (r.err, ==, "alvh import: no FILE given (see 'alvh import --help')\n");
  test_run_clear (&r);

  run_alvh (&r, NULL, "--frobnicate", "x.csv", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_true (g_str_has_prefix (r.err, "alvh import: "));
  /* one line only */
  g_assert_true (strchr (r.err, '\n') == r.err + strlen (r.err) - 1);
  test_run_clear (&r);
}

/* The shared VIX history, a temporary folder and a market database in it;
 * FALSE, the test skipped, without the shared data */
static gboolean
real_vix_setup (char **dir,
                char **db,
                char **vix)
{
  const char *shared = g_getenv ("ALVH_SHARED_DATA");

  if (shared == NULL || !g_file_test (shared, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("shared market data folder ($ALVH_SHARED_DATA) is absent");
      return FALSE;
    }
  *dir = test_make_tmp_dir ("alvh-cli-import-XXXXXX");
  *db = g_build_filename (*dir, "m.sqlite", NULL);
  *vix = g_build_filename (shared, "vix_daily_cboe.csv", NULL);
  return TRUE;
}

static void
test_real_vix (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  g_autofree char *vix = NULL;
  TestRun r = { 0 };

  if (!real_vix_setup (&dir, &db, &vix))
    return;
  run_alvh (&r, NULL, "--db", db, vix, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "cboe-ohlc, VIX, 9234 rows from 1990-01-02 to 2026-07-22, 0 skipped, 47 warnings, 4 gaps\n"));
  g_assert_nonnull (strstr (r.out, "missing NYSE trading days: 1991-03-01 1997-01-31 1997-11-26 1999-12-31\n"));
  test_run_clear (&r);
  test_rm_rf (dir);
}

/* `alvh import --prefer` (issue 18): the term-structure file's VIX close of
 * 2014-10-15 (25.27) replaces Cboe's (26.25) only when preferred; text and
 * JSON say how many closes were replaced and the largest change */
static void
test_prefer (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  g_autofree char *vix = NULL;
  g_autofree char *term = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *o, *replaced;
  TestRun r = { 0 };

  if (!real_vix_setup (&dir, &db, &vix))
    return;
  term = g_build_filename (g_getenv ("ALVH_SHARED_DATA"), "vix_futures_term_structure_2007_2021.csv", NULL);
  run_alvh (&r, NULL, "--db", db, vix, term, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "11 closes differ between sources; the largest: VIX 2014-10-15 kept 26.2500 (cboe-ohlc), "
                                   "other 25.2700 (term-structure)\n"));
  g_assert_null (strstr (r.out, "--prefer"));
  test_run_clear (&r);

  run_alvh (&r, NULL, "--db", db, "--prefer", term, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "  preferred (--prefer): 11 stored closes replaced; the largest change: "
                                   "VIX 2014-10-15 26.2500 → 25.2700\n"));
  g_assert_nonnull (strstr (r.out, "the largest: VIX 2014-10-15 kept 25.2700 (term-structure), other 26.2500 (cboe-ohlc)\n"));
  test_run_clear (&r);

  /* preferred again: nothing left to replace */
  run_alvh (&r, NULL, "--db", db, "--json", term, "--prefer", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, r.out, -1, &error));
  g_assert_no_error (error);
  o = json_array_get_object_element (json_node_get_array (json_parser_get_root (parser)), 0);
  g_assert_true (json_object_get_boolean_member (o, "preferred"));
  replaced = json_object_get_object_member (o, "replaced");
  g_assert_cmpint (json_object_get_int_member (replaced, "count"), ==, 0);
  test_run_clear (&r);

  run_alvh (&r, NULL, "--db", db, "--json", "--prefer", vix, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, r.out, -1, &error));
  o = json_array_get_object_element (json_node_get_array (json_parser_get_root (parser)), 0);
  replaced = json_object_get_object_member (o, "replaced");
  g_assert_cmpint (json_object_get_int_member (replaced, "count"), ==, 11);
  g_assert_cmpstr (json_object_get_string_member (replaced, "largest_symbol"), ==, "VIX");
  g_assert_cmpstr (json_object_get_string_member (replaced, "largest_date"), ==, "2014-10-15");
  g_assert_cmpfloat (json_object_get_double_member (replaced, "old"), ==, 25.27);
  g_assert_cmpfloat (json_object_get_double_member (replaced, "new"), ==, 26.25);
  test_run_clear (&r);

  run_alvh (&r, NULL, "--help", NULL);
  g_assert_nonnull (strstr (r.out, "--prefer"));
  test_run_clear (&r);
  test_rm_rf (dir);
}

/* a FIFO as input: refused at once with a clear message (it used to hang
 * forever); `timeout` bounds the run to seconds should that come back */
static void
test_fifo (void)
{
  g_autofree char *dir = test_make_tmp_dir ("alvh-cli-import-XXXXXX");
  g_autofree char *db = g_build_filename (dir, "m.sqlite", NULL);
  g_autofree char *fifo = g_build_filename (dir, "vix.csv", NULL);
  g_autofree char *err = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) env = test_cli_environ_c ();
  g_autofree char *timeout = g_find_program_in_path ("timeout");
  TestRun r = { 0 };
  gint64 start;

  if (timeout == NULL)
    {
      g_test_skip ("the `timeout` program (coreutils) is not installed");
      test_rm_rf (dir);
      return;
    }
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_ptr_array_add (argv, timeout);
  g_ptr_array_add (argv, (char *) "10");
  g_ptr_array_add (argv, (char *) ALVH_CLI_PATH);
  g_ptr_array_add (argv, (char *) "import");
  g_ptr_array_add (argv, (char *) "--db");
  g_ptr_array_add (argv, db);
  g_ptr_array_add (argv, fifo);
  g_ptr_array_add (argv, NULL);
  start = g_get_monotonic_time ();
  r.status = test_cli_spawn (NULL, env, argv, &r.out, &r.err);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 8 * G_USEC_PER_SEC);
  g_assert_cmpint (r.status, ==, 1);
  err = g_strdup_printf ("alvh import: %s: is a FIFO (named pipe), not a regular file (expected a CSV file)\n", fifo);
  g_assert_cmpstr (r.err, ==, err);
  test_run_clear (&r);
  test_rm_rf (dir);
}

/* 0, 4.9e-324 and 1e308 are refused with FILE:LINE:COLUMN, and the file
 * with them adds nothing; the good file beside it is still imported */
static void
test_implausible_levels (void)
{
  static const char * const bad_values[] = { "0", "4.9e-324", "1e308" };
  g_autofree char *dir = test_make_tmp_dir ("alvh-cli-import-XXXXXX");
  g_autofree char *db = g_build_filename (dir, "m.sqlite", NULL);
  g_autofree char *good = test_fixture_path ("spx_d.csv");
  TestRun r = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (bad_values); i++)
    {
      g_autofree char *text = g_strdup_printf ("DATE,OPEN,HIGH,LOW,CLOSE\n"
                                               "01/02/2024,13.2,14.1,12.9,13.2\n"
                                               "01/03/2024,13.2,14.1,12.9,%s\n", bad_values[i]);
      g_autofree char *bad = g_build_filename (dir, "VIX_History.csv", NULL);
      g_autofree char *err = NULL;
      g_autoptr(AlvhMarketStore) store = NULL;
      g_autoptr(GError) error = NULL;
      double v = g_ascii_strtod (bad_values[i], NULL);

      g_assert_true (g_file_set_contents (bad, text, -1, NULL));
      run_alvh (&r, NULL, "--db", db, "--symbol", "VIX", bad, good, NULL);
      g_assert_cmpint (r.status, ==, 1);
      /* the first round creates the market store (and says so) */
      err = g_strdup_printf ("%s%s%salvh import: %s:3:27: close %g is not a plausible VIX level "
                             "(expected a number from 1 to 300)\n",
                             i == 0 ? "alvh import: created a new market store at " : "",
                             i == 0 ? db : "", i == 0 ? "\n" : "", bad, v);
      g_assert_cmpstr (r.err, ==, err);
      g_assert_nonnull (strstr (r.out, "stooq, VIX, 3 rows from 2024-01-02 to 2024-01-04"));
      test_run_clear (&r);

      store = alvh_market_store_open (db, &error);
      g_assert_no_error (error);
      /* only spx_d.csv's three rows, never the bad file's first row */
      g_assert_cmpint (alvh_market_store_count_rows (store, "VIX", &error), ==, 3);
      g_assert_no_error (error);
    }
  test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/import/text", test_text_output);
  g_test_add_func ("/cli/import/json", test_json_output);
  g_test_add_func ("/cli/import/default-db", test_default_db);
  g_test_add_func ("/cli/import/usage", test_usage);
  g_test_add_func ("/cli/import/real-vix", test_real_vix);
  g_test_add_func ("/cli/import/prefer", test_prefer);
  g_test_add_func ("/cli/import/fifo", test_fifo);
  g_test_add_func ("/cli/import/implausible-levels", test_implausible_levels);
  return g_test_run ();
}
