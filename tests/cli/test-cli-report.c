/* test-cli-report.c — `alvh report` */
#include "config.h"

#include <math.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "alvh-core.h"
#include "test-cli-util.h"
#include "test-journal-util.h"

static char *tmp_dir;
static char *db_path;

/* runs `alvh report ARGS...` with XDG dirs inside the test's folder */
static void
run_report (TestRun    *r,
            const char *first,
            ...)
{
  g_auto(GStrv) env = test_cli_environ_c ();
  g_autofree char *missing_market = g_build_filename (tmp_dir, "no-market.sqlite", NULL);
  va_list args;

  env = g_environ_setenv (env, "XDG_DATA_HOME", tmp_dir, TRUE);
  env = g_environ_setenv (env, "ALVH_MARKET_DB", missing_market, TRUE);
  env = g_environ_unsetenv (env, "ALVH_DB");
  va_start (args, first);
  r->status = test_cli_run_valist (tmp_dir, env, "report", &r->out, &r->err, first, args);
  va_end (args);
}

static char *
tmp_file (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

static void
build_journal (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhJournalStore) store = NULL;
  g_autoptr(AlvhCondor) condor = alvh_condor_new ();
  g_autoptr(AlvhDecision) d = alvh_decision_new ();
  g_autoptr(AlvhJournalEntry) e = alvh_journal_entry_new ();
  gint64 account, condor_id, decision_id;

  db_path = tmp_file ("alvh.sqlite");
  store = alvh_journal_store_open (db_path, &error);
  g_assert_no_error (error);
  account = alvh_journal_store_create_account (store, "Main", &error);
  g_assert_no_error (error);

  condor->account_id = account;
  condor->long_put = 6300;
  condor->short_put = 6350;
  condor->short_call = 7000;
  condor->long_call = 7050;
  condor->expiry = alvh_time_from_ny_date (2026, 12, 18);
  condor->credit = 8.4;
  condor->opened = alvh_time_from_ny_date (2026, 11, 2);
  condor_id = alvh_journal_store_add_condor (store, condor, &error);
  g_assert_no_error (error);

  d->account_id = account;
  d->condor_id = condor_id;
  d->time = alvh_time_from_ny_date (2026, 11, 18);
  d->action = ALVH_ACTION_ADD;
  d->branch = ALVH_BRANCH_REGIME;
  test_decision_set_vix_spread (d, 1, 1, 24, alvh_time_from_ny_date (2026, 12, 16), 140);
  g_strlcpy (d->profile_name, "Default", sizeof d->profile_name);
  d->profile_version = 1;
  d->explanation = g_strdup ("A CPI print marked a regime shift & IV expanded.");
  alvh_decision_set_signal (d, ALVH_SIGNAL_MACRO_REGIME, 1, 1, TRUE);
  alvh_decision_set_signal (d, ALVH_SIGNAL_IV_EXPANSION, 0.2, 0.15, TRUE);
  decision_id = alvh_journal_store_record_decision (store, d, &error);
  g_assert_no_error (error);
  alvh_journal_store_add_leg_from_decision (store, decision_id, NULL, 1.4, 1, "cli test", NULL, &error);
  g_assert_no_error (error);

  e->time = alvh_time_from_ny_date (2026, 11, 19) + 14 * 3600;
  e->title = g_strdup ("CPI week <review>");
  e->body = g_strdup ("=HYPERLINK(\"http://x\")");
  e->account_id = account;
  alvh_journal_store_add_entry (store, e, &error);
  g_assert_no_error (error);
}

static void
test_usage (void)
{
  struct { const char *a, *b, *c, *d; } cases[] = {
    { "--db", "x.sqlite", "--from", "2026-11-16" },                 /* no --out */
    { "--preset", "yearly", "--out", "a.pdf" },
    { "--from", "16/11/2026x", "--out", "a.pdf" },
    { "--from", "2026-11-16", "--out", "a.txt" },
    { "--preset", "weekly", "--out", "a.pdf" },                      /* ok so far: see below */
    { "--paper", "a3", "--out", "a.pdf" },
    { "--format", "docx", "--out", "a.pdf" },
    { "--replay", "--out", "a.pdf", NULL },                          /* no --spx/--vix */
    { "--from", "2026-11-16", "--out", "a.pdf" },                    /* no --to */
    { "--bogus", "--out", "a.pdf", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      TestRun r = { 0 };

      if (i == 4)
        {
          /* --preset with --from is refused */
          run_report (&r, "--preset", "weekly", "--from", "2026-11-16", "--out", "a.pdf", NULL);
        }
      else
        run_report (&r, cases[i].a, cases[i].b, cases[i].c, cases[i].d, NULL);
      g_test_message ("case %u: %s", i, r.err);
      g_assert_cmpint (r.status, ==, 2);
      g_assert_nonnull (strstr (r.err, "alvh report:"));
      g_assert_null (strchr (strchr (r.err, '\n') + 1, '\n'));   /* one line */
      test_run_clear (&r);
    }
}

static void
test_failures (void)
{
  TestRun r = { 0 };
  g_autofree char *missing = tmp_file ("missing.sqlite");

  run_report (&r, "--db", missing, "--from", "2026-11-16", "--to", "2026-11-20", "--out", "a.pdf", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "missing.sqlite"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));   /* not created */
  test_run_clear (&r);

  run_report (&r, "--db", db_path, "--account", "Nobody", "--from", "2026-11-16", "--to", "2026-11-20",
              "--out", "a.pdf", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "Nobody"));
  test_run_clear (&r);

  run_report (&r, "--db", db_path, "--from", "2026-11-20", "--to", "2026-11-16", "--out", "a.pdf", NULL);
  g_assert_cmpint (r.status, ==, 2);
  test_run_clear (&r);
}

static void
assert_private_file (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (st.st_size, >, 100);
}

static void
test_journal_formats (void)
{
  g_autofree char *pdf = tmp_file ("week.pdf");
  g_autofree char *html = tmp_file ("week.html");
  g_autofree char *csv = tmp_file ("week.csv");
  g_autofree char *notes = tmp_file ("week-notes.csv");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  TestRun r = { 0 };

  run_report (&r, "--db", db_path, "--account", "Main", "--from", "2026-11-16", "--to", "2026-11-20",
              "--out", pdf, "--paper", "letter", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "week.pdf"));
  assert_private_file (pdf);
  g_file_get_contents (pdf, &text, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (text, "%PDF-"));
  g_clear_pointer (&text, g_free);
  test_run_clear (&r);

  /* the weekly preset before Wednesday 2026-11-25 is the same week */
  run_report (&r, "--db", db_path, "--preset", "weekly", "--now", "2026-11-25", "--out", html,
              "--title", "Week <47>", NULL);
  g_assert_cmpint (r.status, ==, 0);
  assert_private_file (html);
  g_file_get_contents (html, &text, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "2026-11-16 – 2026-11-20"));
  g_assert_nonnull (strstr (text, "Week &lt;47&gt;"));
  g_assert_nonnull (strstr (text, "CPI week &lt;review&gt;"));
  g_assert_nonnull (strstr (text, "regime"));
  g_clear_pointer (&text, g_free);
  test_run_clear (&r);

  run_report (&r, "--db", db_path, "--from", "2026-11-16", "--to", "2026-11-20", "--out", csv, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "week-decisions.csv"));
  g_assert_nonnull (strstr (r.out, "week-signals.csv"));
  g_assert_nonnull (strstr (r.out, "week-notes.csv"));
  g_assert_nonnull (strstr (r.out, "week-stats.csv"));
  assert_private_file (csv);
  assert_private_file (notes);
  g_file_get_contents (notes, &text, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "\"'=HYPERLINK(\"\"http://x\"\")\""));
  g_assert_null (strstr (text, ",=HYPERLINK"));
  g_assert_null (strstr (text, ",\"=HYPERLINK"));
  test_run_clear (&r);
}

static char *
build_market (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *spx_csv = tmp_file ("SPX.csv");
  g_autofree char *vix_csv = tmp_file ("VIX_History.csv");
  char *market_path = tmp_file ("market.sqlite");
  g_autoptr(GString) spx = g_string_new ("Date,Open,High,Low,Close,Adj Close,Volume\n");
  g_autoptr(GString) vix = g_string_new ("DATE,OPEN,HIGH,LOW,CLOSE\n");
  g_autoptr(AlvhMarketStore) store = NULL;
  gint64 day = alvh_time_ny_day (alvh_time_from_ny_date (2026, 9, 1));
  gint64 last = alvh_time_ny_day (alvh_time_from_ny_date (2026, 11, 24));
  int k = 0;

  for (; day <= last; day++)
    {
      int y, m, d;
      double s = 6800 + 50 * sin (k / 5.0), v = 16 + 2 * cos (k / 4.0);

      if (alvh_weekday_from_days (day) > 5)
        continue;
      alvh_civil_from_days (day, &y, &m, &d);
      g_string_append_printf (spx, "%04d-%02d-%02d,%.2f,%.2f,%.2f,%.2f,%.2f,1000\n", y, m, d, s, s + 10, s - 10, s, s);
      g_string_append_printf (vix, "%02d/%02d/%04d,%.2f,%.2f,%.2f,%.2f\n", m, d, y, v, v + 1, v - 1, v);
      k++;
    }
  g_file_set_contents (spx_csv, spx->str, -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (vix_csv, vix->str, -1, &error);
  g_assert_no_error (error);
  store = alvh_market_store_open (market_path, &error);
  g_assert_no_error (error);
  alvh_market_store_import_file (store, spx_csv, NULL, NULL, &error);
  g_assert_no_error (error);
  alvh_market_store_import_file (store, vix_csv, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (alvh_market_store_count_rows (store, "SPX", &error), ==, k);
  g_assert_cmpint (alvh_market_store_count_rows (store, "VIX", &error), ==, k);
  g_assert_no_error (error);
  return market_path;
}

static void
test_market (void)
{
  g_autofree char *market = build_market ();
  g_autofree char *missing = tmp_file ("none.sqlite");
  g_autofree char *with = tmp_file ("with.html");
  g_autofree char *without = tmp_file ("without.html");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  TestRun r = { 0 };

  run_report (&r, "--db", db_path, "--from", "2026-11-16", "--to", "2026-11-20", "--market", market,
              "--out", with, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_file_get_contents (with, &text, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (text, "No market data"));
  g_assert_nonnull (strstr (text, "<svg"));
  /* the hedge cost and the marks at the period's end */
  g_assert_nonnull (strstr (text, "Marked at</td><td class=\"num\">2026-11-20"));
  g_clear_pointer (&text, g_free);
  test_run_clear (&r);

  /* without market data the chart says so */
  run_report (&r, "--db", db_path, "--from", "2026-11-16", "--to", "2026-11-20", "--out", without, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_file_get_contents (without, &text, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (text, "No market data"));   /* drawn as glyphs, not text */
  g_assert_nonnull (strstr (text, "cost (no market data)"));
  test_run_clear (&r);

  /* an explicit --market that is not there is an error */
  run_report (&r, "--db", db_path, "--from", "2026-11-16", "--to", "2026-11-20", "--market", missing,
              "--out", without, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "none.sqlite"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  test_run_clear (&r);
}

static void
test_replay (void)
{
  const char *data = g_getenv ("ALVH_SHARED_DATA");
  g_autofree char *spx = NULL;
  g_autofree char *vix = NULL;
  g_autofree char *csv = tmp_file ("replay.csv");
  g_autofree char *trades = tmp_file ("replay-trades.csv");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  TestRun r = { 0 };

  if (data == NULL || !g_file_test (data, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("shared market data folder is absent");
      return;
    }
  spx = g_build_filename (data, "spx_daily_yahoo.csv", NULL);
  vix = g_build_filename (data, "vix_daily_cboe.csv", NULL);
  if (!g_file_test (spx, G_FILE_TEST_EXISTS) || !g_file_test (vix, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("spx_daily_yahoo.csv or vix_daily_cboe.csv is absent");
      return;
    }
  run_report (&r, "--replay", "--spx", spx, "--vix", vix, "--from", "2019-06-01", "--to", "2021-06-30",
              "--out", csv, NULL);
  g_assert_cmpint (r.status, ==, 0);
  assert_private_file (trades);
  g_file_get_contents (trades, &text, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (text, "\r\n", -1);
  /* a condor every ~24 trading days over two years: 20 to 40 trades */
  g_assert_cmpuint (g_strv_length (lines), >=, 22);
  g_assert_cmpuint (g_strv_length (lines), <=, 42);
  g_assert_true (g_str_has_prefix (lines[0], "Trade,Opened,Closed,Expiry,Strikes"));
  test_run_clear (&r);

  /* replay flags with journal flags are refused */
  run_report (&r, "--replay", "--spx", spx, "--vix", vix, "--preset", "weekly", "--out", csv, NULL);
  g_assert_cmpint (r.status, ==, 2);
  test_run_clear (&r);
}

/* `--format csv --out csvout/` and `--out new/report.html` create their folders */
static void
test_missing_folders (void)
{
  g_auto(TestRun) r = { 0 };
  g_autofree char *csv_dir = g_build_filename (tmp_dir, "csvout", NULL);
  g_autofree char *csv_arg = g_strconcat (csv_dir, G_DIR_SEPARATOR_S, NULL);
  g_autofree char *html = g_build_filename (tmp_dir, "new", "folder", "week.html", NULL);

  run_report (&r, "--db", db_path, "--from", "2026-11-16", "--to", "2026-11-20",
              "--format", "csv", "--out", csv_arg, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_file_test (csv_dir, G_FILE_TEST_IS_DIR));
  g_assert_nonnull (strstr (r.out, "csvout" G_DIR_SEPARATOR_S));
  test_run_clear (&r);

  run_report (&r, "--db", db_path, "--from", "2026-11-16", "--to", "2026-11-20", "--out", html, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_file_test (html, G_FILE_TEST_IS_REGULAR));
  test_run_clear (&r);
  test_rm_rf (csv_dir);
  {
    g_autofree char *top = g_build_filename (tmp_dir, "new", NULL);

    test_rm_rf (top);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = test_make_tmp_dir ("alvh-cli-report-XXXXXX");
  build_journal ();

  g_test_add_func ("/cli/report/usage", test_usage);
  g_test_add_func ("/cli/report/failures", test_failures);
  g_test_add_func ("/cli/report/journal", test_journal_formats);
  g_test_add_func ("/cli/report/market", test_market);
  g_test_add_func ("/cli/report/replay", test_replay);
  g_test_add_func ("/cli/report/missing-folders", test_missing_folders);
  ret = g_test_run ();

  {
    g_autoptr(GDir) dir = g_dir_open (tmp_dir, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *p = g_build_filename (tmp_dir, name, NULL);
        g_unlink (p);
      }
    g_rmdir (tmp_dir);
  }
  g_free (db_path);
  g_free (tmp_dir);
  return ret;
}
