/* test-cli-journal.c — `alvh journal list|show|add-note|stats|export` */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include "alvh-core.h"
#include "test-cli-util.h"
#include "test-journal-util.h"

typedef struct
{
  char   *dir;
  char   *db;
  gint64  formula_entry;
  gint64  leg_entry;
  gint64  plain_entry;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhJournalStore) store = NULL;
  g_autoptr(AlvhDecision) d = alvh_decision_new ();
  AlvhJournalEntry e = { 0 };
  const char *tags1[] = { "lesson", "fills", NULL };
  const char *tags2[] = { "routine", NULL };
  gint64 account, did;

  f->dir = test_make_tmp_dir ("alvh-cli-journal-XXXXXX");
  f->db = g_build_filename (f->dir, "alvh.sqlite", NULL);
  store = alvh_journal_store_open (f->db, &error);
  g_assert_no_error (error);
  account = alvh_journal_store_create_account (store, "main", &error);

  e.time = alvh_time_from_ny_date (2024, 3, 11);
  e.title = (char *) "=HYPERLINK(\"http://evil\",\"x\")";
  e.body = (char *) "Line one, with a comma\nand \"quotes\"\tand a tab";
  e.tags = (char **) tags1;
  f->formula_entry = alvh_journal_store_add_entry (store, &e, &error);
  g_assert_no_error (error);

  e.time = alvh_time_from_ny_date (2024, 3, 12);
  e.title = (char *) "Quiet day";
  e.body = (char *) "-5 points on the open, +3 by the close; @noon nothing";
  e.tags = (char **) tags2;
  f->plain_entry = alvh_journal_store_add_entry (store, &e, &error);
  g_assert_no_error (error);

  d->account_id = account;
  d->time = alvh_time_from_ny_date (2024, 3, 13);
  d->action = ALVH_ACTION_ADD;
  d->branch = ALVH_BRANCH_FIXED;
  test_decision_set_vix_spread (d, 1, 2, 17, alvh_time_from_ny_date (2024, 4, 17), 240);
  g_strlcpy (d->profile_name, "default", sizeof d->profile_name);
  d->profile_version = 1;
  d->explanation = g_strdup ("The short put is 0.52 SD away (threshold 0.65).");
  alvh_decision_set_signal (d, ALVH_SIGNAL_WING_PROXIMITY, 0.52, 0.65, TRUE);
  alvh_decision_set_signal (d, ALVH_SIGNAL_IV_EXPANSION, 0.05, 0.15, FALSE);
  alvh_decision_set_signal (d, ALVH_SIGNAL_AD_DIVERGENCE, NAN, 0, FALSE);
  did = alvh_journal_store_record_decision (store, d, &error);
  alvh_journal_store_add_leg_from_decision (store, did, NULL, 1.2, 0, "filled at 1.20", &f->leg_entry, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  test_unlink_sqlite (f->db);
  {
    g_autofree char *out = g_build_filename (f->dir, "out.csv", NULL);
    g_unlink (out);
  }
  g_rmdir (f->dir);
  g_free (f->db);
  g_free (f->dir);
}

static void
test_list_show (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, f->leg_entry);
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (test_run_cli (&out, &err, "journal", "list", "--db", f->db, NULL), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 5);   /* the header, 3 + the empty tail */
  g_assert_true (g_str_has_prefix (lines[0], "id  date"));
  g_assert_true (g_str_has_prefix (lines[1] + strspn (lines[1], " "), id));
  g_assert_nonnull (strstr (lines[1], "2024-03-13"));
  g_assert_nonnull (strstr (lines[1], "fixed,hedge"));
  g_assert_nonnull (strstr (lines[3], "fills,lesson"));
  /* aligned: the tags start in the same column (character) on every line */
  g_assert_cmpint (g_utf8_pointer_to_offset (lines[1], strstr (lines[1], "fixed,hedge")), ==,
                   g_utf8_pointer_to_offset (lines[0], strstr (lines[0], "tags")));
  g_assert_cmpint (g_utf8_pointer_to_offset (lines[3], strstr (lines[3], "fills,lesson")), ==,
                   g_utf8_pointer_to_offset (lines[0], strstr (lines[0], "tags")));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (test_run_cli (&out, &err, "journal", "list", "--db", f->db, "--tag", "routine", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Quiet day"));
  g_assert_null (strstr (out, "HYPERLINK"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (test_run_cli (&out, NULL, "journal", "list", "--db", f->db, "--trigger", "wing_proximity", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Layer 1 hedge"));
  g_assert_null (strstr (out, "Quiet day"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (test_run_cli (&out, NULL, "journal", "list", "--db", f->db, "--search", "comma", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "HYPERLINK"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (test_run_cli (&out, NULL, "journal", "list", "--db", f->db, "--from", "2024-03-12", "--to", "2024-03-12", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Quiet day"));
  g_assert_null (strstr (out, "Layer"));
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (test_run_cli (&out, &err, "journal", "show", id, "--db", f->db, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Decision"));
  /* names a person reads, not the keys JSON and CSV keep */
  g_assert_nonnull (strstr (out, "Fixed trigger"));
  g_assert_nonnull (strstr (out, "Wing proximity"));
  g_assert_null (strstr (out, "wing_proximity"));
  g_assert_nonnull (strstr (out, "FIRED"));
  g_assert_nonnull (strstr (out, "n/a"));           /* ad_divergence */
  g_assert_nonnull (strstr (out, "default v1"));
  g_assert_nonnull (strstr (out, "VIX call spread 17/22"));
  g_assert_null (strstr (out, "vix_call_spread"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* errors */
  g_assert_cmpint (test_run_cli (NULL, &err, "journal", "show", "999", "--db", f->db, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "no journal entry with id 999"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (test_run_cli (NULL, &err, "journal", "show", "abc", "--db", f->db, NULL), ==, 2);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (test_run_cli (NULL, &err, "journal", "list", "--db", f->db, "--from", "March", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "--from"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (test_run_cli (NULL, &err, "journal", "frobnicate", NULL), ==, 2);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (test_run_cli (NULL, &err, "journal", "list", "--db", "/nonexistent/alvh.sqlite", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "no journal at"));
  g_assert_false (g_file_test ("/nonexistent/alvh.sqlite", G_FILE_TEST_EXISTS));
}

static void
test_add_note (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, f->plain_entry);

  g_assert_cmpint (test_run_cli (&out, NULL, "journal", "add-note", id, "Closed the call side early.", "--db", f->db, NULL), ==, 0);
  {
    g_autoptr(AlvhJournalStore) store = alvh_journal_store_open (f->db, &error);
    g_autoptr(AlvhJournalEntry) e = alvh_journal_store_get_entry (store, f->plain_entry, &error);

    g_assert_no_error (error);
    g_assert_true (g_str_has_suffix (e->body, "@noon nothing\n\nClosed the call side early."));
  }
  g_assert_cmpint (test_run_cli (NULL, NULL, "journal", "add-note", id, "   ", "--db", f->db, NULL), ==, 2);
  g_assert_cmpint (test_run_cli (NULL, NULL, "journal", "add-note", "12345", "x", "--db", f->db, NULL), ==, 1);
  /* searchable at once */
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (test_run_cli (&out, NULL, "journal", "list", "--db", f->db, "--search", "call side", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Quiet day"));
}

/* `alvh journal stats ARGS...` where the app's market database is missing */
static int
run_stats_without_market (Fixture     *f,
                          char       **out,
                          char       **err,
                          const char  *first,
                          ...)
{
  g_auto(GStrv) env = test_cli_environ_c ();
  g_autofree char *missing = g_build_filename (f->dir, "no-market.sqlite", NULL);
  va_list args;
  int status;

  env = g_environ_setenv (env, "ALVH_MARKET_DB", missing, TRUE);
  va_start (args, first);
  status = test_cli_run_valist (NULL, env, "journal", out, err, first, args);
  va_end (args);
  return status;
}

static void
test_stats (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run_stats_without_market (f, &out, &err, "stats", "--db", f->db, NULL), ==, 0);
  /* said, not silent: the money is at cost */
  g_assert_nonnull (strstr (err, "no market database at "));
  g_assert_nonnull (strstr (err, ": open positions count at cost"));
  /* text: names and money a person reads; JSON below keeps keys and numbers */
  g_test_message ("%s", out);
  g_assert_nonnull (strstr (out, "\n  Wing proximity "));
  g_assert_nonnull (strstr (out, "      0.0%  "));
  g_assert_null (strstr (out, "wing_proximity"));
  g_assert_nonnull (strstr (out, "Per branch"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_stats_without_market (f, &out, NULL, "stats", "--json", "--db", f->db, NULL), ==, 0);
  /* one open leg at cost, no market: 0 P&L, not a hit */
  g_assert_nonnull (strstr (out, "{\"group\":\"wing_proximity\",\"count\":1,\"hits\":0,\"hit_rate\":0,\"total_pnl\":0,"));
  g_assert_nonnull (strstr (out, "\"by_branch\":[{\"group\":\"fixed\""));
  g_assert_cmpint (test_run_cli (NULL, NULL, "journal", "stats", "--spx", "x.csv", "--db", f->db, NULL), ==, 2);
}

/* Marks from market data: the demo set, read by `--spx/--vix`, through the
 * ledger (ALVH-SPEC section 6): the leg, 2 x VIX 17/22 call spread bought at
 * 1.20 on 2024-03-13 and never closed, settles at the VIX open of its expiry
 * (2024-04-17); MAE/MFE over its daily model marks. */
static void
test_stats_market (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(AlvhDemoData) demo = alvh_demo_generate_default ();
  g_autoptr(AlvhJournalMarket) market = alvh_journal_market_join (demo->spx, demo->vix);
  g_autofree char *demo_dir = g_build_filename (f->dir, "demo", NULL);
  g_autofree char *spx = g_build_filename (demo_dir, "spx.csv", NULL);
  g_autofree char *vix = g_build_filename (demo_dir, "vix.csv", NULL);
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(GString) expect = g_string_new ("{\"group\":\"wing_proximity\",\"count\":1,");
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhLedger) ledger = NULL;
  gint64 expiry = alvh_time_from_ny_date (2024, 4, 17);
  const double *vix_open = alvh_series_get_column_by_name (demo->vix, "open");
  gssize k = alvh_series_find_time (demo->vix, expiry);
  double pnl;
  AlvhLedgerEntry e;

  g_assert_cmpint (g_mkdir_with_parents (demo_dir, 0700), ==, 0);
  g_assert_true (alvh_demo_write_csv (demo, demo_dir, &error));
  g_assert_no_error (error);
  {
    g_autoptr(AlvhJournalStore) store = alvh_journal_store_open (f->db, &error);

    g_assert_no_error (error);
    ledger = alvh_journal_store_load_ledger (store, 0, NULL, &error);
    g_assert_no_error (error);
  }
  alvh_ledger_set_market (ledger, market->frame, market->vix_series);
  g_assert_cmpuint (alvh_ledger_get_n_positions (ledger), ==, 1);
  g_assert_true (alvh_ledger_entry_at (ledger, 0, G_MAXINT64 / 4, &e));
  /* settled at the VIX open of the expiry, not marked at intrinsic on a close */
  g_assert_nonnull (vix_open);
  g_assert_cmpint (k, >=, 0);
  g_assert_true (e.settled);
  g_assert_cmpfloat (e.settle_underlying, ==, vix_open[k]);
  pnl = (CLAMP (vix_open[k] - 17.0, 0.0, 5.0) - 1.2) * 100.0 * 2;
  g_assert_cmpfloat_with_epsilon (e.realized + e.unrealized, pnl, 1e-9);
  g_assert_cmpfloat (e.mae, <=, MIN (pnl, 0));
  g_assert_cmpfloat (e.mfe, >=, pnl);
  g_string_append_printf (expect, "\"hits\":%d,", pnl > 0 ? 1 : 0);
  g_assert_cmpint (test_run_cli (&out, &err, "journal", "stats", "--json", "--db", f->db,
                            "--spx", spx, "--vix", vix, NULL), ==, 0);
  g_test_message ("expect %s total %.10g mae %.10g mfe %.10g in %s", expect->str, pnl, e.mae, e.mfe, out);
  g_assert_nonnull (strstr (out, expect->str));
  {
    GString *num = g_string_new ("\"total_pnl\":");

    alvh_json_append_number (num, pnl);
    g_string_append (num, ",\"avg_pnl\":");
    alvh_json_append_number (num, pnl);
    g_string_append (num, ",\"avg_mae\":");
    alvh_json_append_number (num, e.mae);
    g_string_append (num, ",\"avg_mfe\":");
    alvh_json_append_number (num, e.mfe);
    g_assert_nonnull (strstr (out, num->str));
    /* without market data the open leg counts at cost */
    g_assert_cmpfloat (pnl, !=, 0);
    g_string_free (num, TRUE);
  }
  g_assert_cmpint (test_run_cli (NULL, &err, "journal", "stats", "--db", f->db, "--spx", "/nonexistent.csv",
                            "--vix", vix, NULL), ==, 1);
  {
    const char *names[] = { "spx.csv", "vix.csv", "vx.csv", "vvix.csv", "breadth.csv" };

    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      {
        g_autofree char *p = g_build_filename (demo_dir, names[i], NULL);
        g_unlink (p);
      }
    g_rmdir (demo_dir);
  }
}

static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *expect = NULL;
  g_autofree char *path = g_build_filename (f->dir, "out.csv", NULL);
  g_autofree char *file = NULL;

  g_assert_cmpint (test_run_cli (&out, &err, "journal", "export", "--format", "csv", "--db", f->db, NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "id,time,date,title,body,tags,branch,triggers,decision_id,leg_id,deleted\r\n"));
  /* the formula is neutralised and quoted (it holds quotes and a comma) */
  expect = g_strdup_printf ("%" G_GINT64_FORMAT ",2024-03-11T04:00:00Z,2024-03-11,\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\","
                            "\"Line one, with a comma\nand \"\"quotes\"\"\tand a tab\",fills lesson,,,,,0\r\n",
                            f->formula_entry);
  g_assert_nonnull (strstr (out, expect));
  g_clear_pointer (&expect, g_free);
  /* a leading minus in text is neutralised too */
  expect = g_strdup_printf ("%" G_GINT64_FORMAT ",2024-03-12T04:00:00Z,2024-03-12,Quiet day,"
                            "\"'-5 points on the open, +3 by the close; @noon nothing\",routine,,,,,0\r\n",
                            f->plain_entry);
  g_assert_nonnull (strstr (out, expect));
  g_clear_pointer (&expect, g_free);
  g_assert_nonnull (strstr (out, ",fixed hedge,fixed,wing_proximity,1,1,0\r\n"));

  /* the same into a file */
  g_assert_cmpint (test_run_cli (NULL, NULL, "journal", "export", "--format", "csv", "--output", path, "--db", f->db, NULL), ==, 0);
  g_assert_true (g_file_get_contents (path, &file, NULL, NULL));
  g_assert_cmpstr (file, ==, out);
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (test_run_cli (&out, &err, "journal", "export", "--format", "json", "--db", f->db, NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "[\n{\"id\":"));
  g_assert_true (g_str_has_suffix (out, "}\n]\n"));
  g_assert_nonnull (strstr (out, "\"title\":\"=HYPERLINK(\\\"http://evil\\\",\\\"x\\\")\""));
  g_assert_nonnull (strstr (out, "\"body\":\"Line one, with a comma\\nand \\\"quotes\\\"\\tand a tab\""));
  g_assert_nonnull (strstr (out, "\"tags\":[\"fills\",\"lesson\"],\"branch\":null,\"triggers\":[],\"decision_id\":null"));
  g_assert_nonnull (strstr (out, "\"branch\":\"fixed\",\"triggers\":[\"wing_proximity\"]"));
  g_assert_null (strchr (out, '\t'));

  g_assert_cmpint (test_run_cli (NULL, NULL, "journal", "export", "--format", "xml", "--db", f->db, NULL), ==, 2);
  g_assert_cmpint (test_run_cli (NULL, NULL, "journal", "export", "--db", f->db, NULL), ==, 2);
}

static void
test_list_account_and_option_order (Fixture       *f,
                                    gconstpointer  data)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *nested = g_build_filename (f->dir, "new", "folder", "entries.csv", NULL);
  g_autofree char *folder = g_path_get_dirname (nested);
  g_autofree char *parent = g_path_get_dirname (folder);

  /* --db before the subcommand, and before the command */
  g_assert_cmpint (test_run_cli (&out, &err, "journal", "--db", f->db, "list", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Quiet day"));
  g_assert_cmpint (test_run_cli (&out, &err, "--db", f->db, "journal", "list", "--tag", "routine", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Quiet day"));
  g_assert_null (strstr (out, "Layer"));

  /* --account keeps one account's entries apart */
  g_assert_cmpint (test_run_cli (&out, &err, "journal", "list", "--db", f->db, "--account", "main", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Layer 1 hedge"));
  g_assert_null (strstr (out, "Quiet day"));
  g_assert_cmpint (test_run_cli (&out, &err, "journal", "list", "--db", f->db, "--account", "nobody", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "nobody"));

  /* an export's missing folders are created */
  g_assert_cmpint (test_run_cli (&out, &err, "journal", "export", "--format", "csv", "--db", f->db,
                                 "--output", nested, NULL), ==, 0);
  g_assert_true (g_file_test (nested, G_FILE_TEST_IS_REGULAR));
  g_unlink (nested);
  g_rmdir (folder);
  g_rmdir (parent);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/cli/journal/list-show", test_list_show);
  ADD ("/cli/journal/add-note", test_add_note);
  ADD ("/cli/journal/stats", test_stats);
  ADD ("/cli/journal/stats-market", test_stats_market);
  ADD ("/cli/journal/export", test_export);
  ADD ("/cli/journal/list-account-option-order", test_list_account_and_option_order);
#undef ADD

  return g_test_run ();
}
