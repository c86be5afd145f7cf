/* test-cli-book.c — `alvh book` and `alvh pnl`: a real month of trades recorded
 * after the fact with their fills, on real SPX/VIX history (ALVH-SPEC section 6) */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include <sqlite3.h>

#include "alvh-core.h"
#include "test-book-scenario.h"
#include "test-cli-util.h"

typedef TestStores Fixture;

/* Runs `alvh book SUB --db --market-db ARGS... --json`; returns the id printed. */
static gint64
book (Fixture    *f,
      int         expect,
      const char *sub,
      ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *out = NULL, *err = NULL;
  const char *a;
  va_list ap;
  int status;

  g_ptr_array_add (argv, g_strdup ("book"));
  g_ptr_array_add (argv, g_strdup (sub));
  va_start (ap, sub);
  while ((a = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (argv, g_strdup (a));
  va_end (ap);
  g_ptr_array_add (argv, g_strdup ("--db"));
  g_ptr_array_add (argv, g_strdup (f->db));
  g_ptr_array_add (argv, g_strdup ("--market-db"));
  g_ptr_array_add (argv, g_strdup (f->market));
  g_ptr_array_add (argv, g_strdup ("--json"));
  g_ptr_array_add (argv, NULL);
  status = test_run_cli_strv ((const char * const *) argv->pdata, &out, &err);
  if (status != expect)
    g_error ("alvh book %s: exit %d, expected %d; stderr: %s", sub, status, expect, err);
  if (expect != 0)
    {
      g_assert_cmpstr (out, ==, "");
      g_assert_nonnull (strstr (err, "alvh book"));
      return 0;
    }
  g_assert_true (g_str_has_prefix (out, "{\"id\": "));
  return g_ascii_strtoll (out + 7, NULL, 10);
}

/* The number after "key": in json, from the object that starts at "{\"id\":ID," (ID 0: anywhere). */
static double
json_number (const char *json,
             gint64      id,
             const char *key)
{
  g_autofree char *start = g_strdup_printf ("{\"id\":%" G_GINT64_FORMAT ",", id);
  g_autofree char *pattern = g_strdup_printf ("\"%s\":", key);
  const char *p = id > 0 ? strstr (json, start) : json;

  g_assert_nonnull (p);
  p = strstr (p, pattern);
  g_assert_nonnull (p);
  p += strlen (pattern);
  while (*p == ' ')
    p++;
  if (g_str_has_prefix (p, "null"))
    return NAN;
  return g_ascii_strtod (p, NULL);
}

static char *
book_list (Fixture    *f,
           const char *at)
{
  const char *args[] = { "book", "list", "--at", at, "--db", f->db, "--market-db", f->market, "--json", NULL };
  char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (test_run_cli_strv (args, &out, &err), ==, 0);
  g_assert_true (g_str_has_prefix (out, "["));
  return out;
}

static char *
pnl (Fixture    *f,
     const char *from,
     const char *to)
{
  const char *args[] = { "pnl", "--from", from, "--to", to, "--db", f->db, "--market-db", f->market, "--json", NULL };
  char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (test_run_cli_strv (args, &out, &err), ==, 0);
  return out;
}

/* Every field that is wrong is refused with exit 2 and a reason. */
static void
test_flags (Fixture       *f,
            gconstpointer  data)
{
  gint64 cid;

  book (f, 2, "add-condor", "--opened", "2020-02-03 10:00", "--expiry", "2020-03-20", "--long-put", "3000",
        "--short-put", "3100", "--short-call", "3450", "--long-call", "3550", "--quantity", "1.5", "--credit", "12.5", NULL);
  book (f, 2, "add-condor", "--opened", "2020-02-03 10:00", "--expiry", "2020-03-20", "--long-put", "3000",
        "--short-put", "3100", "--short-call", "3450", "--long-call", "3550", "--quantity", "1", "--credit", "0", NULL);
  book (f, 2, "add-condor", "--opened", "yesterday", "--expiry", "2020-03-20", "--long-put", "3000",
        "--short-put", "3100", "--short-call", "3450", "--long-call", "3550", "--quantity", "1", "--credit", "1", NULL);
  book (f, 2, "add-condor", "--opened", "2020-02-03 10:00", "--expiry", "2020-03-20", "--long-put", "3100",
        "--short-put", "3000", "--short-call", "3450", "--long-call", "3550", "--quantity", "1", "--credit", "1", NULL);
  cid = book (f, 0, "add-condor", "--opened", "2020-02-03 10:00", "--expiry", "2020-03-20", "--long-put", "3000",
              "--short-put", "3100", "--short-call", "3450", "--long-call", "3550", "--quantity", "1", "--credit", "1",
              "--fees", "1.30", NULL);
  g_assert_cmpint (cid, ==, 1);
  book (f, 2, "add-leg", "--condor", "1", "--opened", "2020-02-04 11:00", "--kind", "vix_call", "--expiry", "2020-02-19",
        "--long-strike", "20", "--quantity", "1.5", "--price", "0.45", NULL);
  book (f, 2, "add-leg", "--condor", "1", "--opened", "2020-02-04 11:00", "--kind", "vix_call", "--expiry", "2020-02-19",
        "--long-strike", "20", "--quantity", "1", "--price", "0", NULL);
  book (f, 2, "add-leg", "--condor", "1", "--opened", "2020-02-04 11:00", "--kind", "vix_straddle", "--expiry", "2020-02-19",
        "--long-strike", "20", "--quantity", "1", "--price", "1", NULL);
  book (f, 1, "add-leg", "--condor", "7", "--opened", "2020-02-04 11:00", "--kind", "vix_call", "--expiry", "2020-02-19",
        "--long-strike", "20", "--quantity", "1", "--price", "1", NULL);
  /* a leg entered by hand is linked to the ADD decision of that session day */
  {
    sqlite3 *db = NULL;
    g_autofree char *sql = g_strdup_printf ("INSERT INTO decisions (id, account_id, time, action, branch)"
                                            " VALUES (70, 1, %" G_GINT64_FORMAT ", 'ADD', 'fixed')",
                                            alvh_time_from_ny_date (2020, 2, 4));
    g_autoptr(GError) error = NULL;
    g_autoptr(AlvhJournalStore) store = NULL;
    g_autoptr(AlvhLeg) linked = NULL;
    g_autoptr(AlvhLeg) unlinked = NULL;
    gint64 l1, l2;

    g_assert_cmpint (sqlite3_open (f->db, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
    l1 = book (f, 0, "add-leg", "--condor", "1", "--opened", "2020-02-04 11:00", "--kind", "vix_call", "--expiry", "2020-02-19",
               "--long-strike", "20", "--quantity", "1", "--price", "0.45", NULL);
    l2 = book (f, 0, "add-leg", "--condor", "1", "--opened", "2020-02-05 11:00", "--kind", "vix_call", "--expiry", "2020-02-19",
               "--long-strike", "20", "--quantity", "1", "--price", "0.45", NULL);
    store = alvh_journal_store_open (f->db, &error);
    g_assert_no_error (error);
    linked = alvh_journal_store_get_leg (store, l1, &error);
    unlinked = alvh_journal_store_get_leg (store, l2, &error);
    g_assert_no_error (error);
    g_assert_cmpint (linked->decision_id, ==, 70);
    g_assert_cmpint (unlinked->decision_id, ==, 0);   /* the next day: no decision proposed it */
    g_assert_true (linked->manual);
  }
  book (f, 2, "close", "1", "--at", "2020-02-05 10:00", "--price", "-1", NULL);
  book (f, 1, "close", "1", "--at", "2020-02-01 10:00", "--price", "1", NULL);   /* before it opened */
  book (f, 1, "close", "1", "--at", "2020-02-05 10:00", "--price", "1", "--quantity", "2", NULL);
  book (f, 1, "close", "9", "--at", "2020-02-05 10:00", "--price", "1", NULL);
}

/* A row's value in the CSV report's summary.csv of FROM..TO. */
static double
report_value (Fixture    *f,
              const char *from,
              const char *to,
              const char *item)
{
  g_autofree char *out_dir = g_build_filename (f->dir, "report", from, NULL);
  g_autofree char *out_arg = g_strconcat (out_dir, G_DIR_SEPARATOR_S, NULL);
  g_autofree char *summary = g_build_filename (out_dir, "summary.csv", NULL);
  const char *args[] = { "report", "--db", f->db, "--market", f->market, "--from", from, "--to", to,
                         "--format", "csv", "--out", out_arg, NULL };
  g_autofree char *out = NULL, *err = NULL, *text = NULL;
  g_autofree char *prefix = g_strdup_printf ("\n%s,", item);
  const char *p;

  if (!g_file_test (summary, G_FILE_TEST_EXISTS))
    g_assert_cmpint (test_run_cli_strv (args, &out, &err), ==, 0);
  g_assert_true (g_file_get_contents (summary, &text, NULL, NULL));
  p = strstr (text, prefix);
  g_assert_nonnull (p);
  return g_ascii_strtod (p + strlen (prefix), NULL);
}

/* `alvh journal list` lists every leg booked by hand, and `journal show`
 * shows a leg's fills and money as the ledger (@list) has them */
static void
scenario_check_journal (Fixture    *f,
                        const char *list)
{
  const char *list_args[] = { "journal", "list", "--db", f->db, NULL };
  const char *show_args[] = { "journal", "show", "2", "--db", f->db, "--market-db", f->market, "--at", "2020-03-31", NULL };
  g_autofree char *entries = NULL, *show = NULL, *err = NULL, *err2 = NULL;
  g_autofree char *unrealized = g_strdup_printf ("unrealised $%.2f", json_number (list, 3, "unrealized_pnl"));

  g_assert_cmpint (test_run_cli_strv (list_args, &entries, &err), ==, 0);
  g_assert_nonnull (strstr (entries, "Layer 2 hedge (manual): 4 × VIX call spread 25/30  hedge,manual"));
  g_assert_nonnull (strstr (entries, "Hedge (manual): 1 × SPX put 2900 "));
  g_assert_cmpint (test_run_cli_strv (show_args, &show, &err2), ==, 0);
  g_assert_nonnull (strstr (show, "Leg 3: 4 × VIX call spread 25/30 expiring 2020-04-15"));
  g_assert_nonnull (strstr (show, "  open   2020-02-10T14:30:00-05:00  4 @ 0.80  fees $5.20"));
  g_assert_nonnull (strstr (show, "  close  2020-02-28T15:00:00-05:00  2 @ 3.10  fees $2.60"));
  g_assert_nonnull (strstr (show, "Open 2 of 4, marked at "));
  g_assert_nonnull (strstr (show, "Realised $452.20 (net of fees $7.80)"));
  g_assert_nonnull (strstr (show, unrealized));
}

/* `alvh journal stats` on the same market and time: the same money as the
 * ledger (@list) */
static void
scenario_check_stats (Fixture    *f,
                      const char *list)
{
  const char *args[] = { "journal", "stats", "--json", "--db", f->db, "--market-db", f->market,
                         "--at", "2020-03-31", NULL };
  g_autofree char *stats = NULL, *err = NULL;
  double legs = 0;
  const char *c;

  g_assert_cmpint (test_run_cli_strv (args, &stats, &err), ==, 0);
  /* without --market-db: the app's market database, as alvh book list and
   * alvh pnl read it, so the same figures */
  {
    g_auto(GStrv) env = g_environ_setenv (test_cli_environ_c (), "ALVH_MARKET_DB", f->market, TRUE);
    g_autoptr(GPtrArray) argv = test_cli_argv_new ("journal");
    g_autofree char *by_default = NULL;

    for (guint k = 1; args[k] != NULL; k++)
      if (g_strcmp0 (args[k], "--market-db") == 0)
        k++;
      else
        g_ptr_array_add (argv, (char *) args[k]);
    g_ptr_array_add (argv, NULL);
    g_assert_cmpint (test_cli_spawn (NULL, env, argv, &by_default, NULL), ==, 0);
    g_assert_cmpstr (by_default, ==, stats);
  }
  c = strstr (stats, "\"condors\":[");
  g_assert_nonnull (c);
  g_assert_cmpfloat (json_number (c, 1, "pnl_unhedged"), ==, json_number (list, 1, "realized_pnl"));
  for (gint64 id = 2; id <= 4; id++)
    legs += json_number (list, id, "realized_pnl") + json_number (list, id, "unrealized_pnl");
  g_assert_cmpfloat (fabs (json_number (c, 1, "hedge_pnl") - legs), <, 0.005);
  /* the legs were added by hand: their branch is "manual" */
  g_assert_cmpfloat (fabs (json_number (strstr (stats, "\"by_branch\":[{\"group\":\"manual\""), 0, "total_pnl") - legs), <, 0.005);
}

/* Period P&L: the weeks of March add up to March; February + March + the
 * rest = the year; the report's figures are alvh pnl's */
static void
scenario_check_periods (Fixture    *f,
                        const char *list)
{
  g_autofree char *year = NULL, *feb = NULL, *march = NULL;
  const char *weeks[][2] = {
    { "2020-03-01", "2020-03-06" }, { "2020-03-07", "2020-03-13" }, { "2020-03-14", "2020-03-20" },
    { "2020-03-21", "2020-03-27" }, { "2020-03-28", "2020-03-31" },
  };
  double sum = 0, realized = 0;

  march = pnl (f, "2020-03-01", "2020-03-31");
  for (guint i = 0; i < G_N_ELEMENTS (weeks); i++)
    {
      g_autofree char *w = pnl (f, weeks[i][0], weeks[i][1]);

      sum += json_number (w, 0, "pnl");
      realized += json_number (w, 0, "realized");
    }
  /* each figure is rounded to the cent: at most half a cent each */
  g_assert_cmpfloat (fabs (sum - json_number (march, 0, "pnl")), <=, 0.005 * (G_N_ELEMENTS (weeks) + 1));
  g_assert_cmpfloat_with_epsilon (realized, json_number (march, 0, "realized"), 0.03);
  g_assert_cmpfloat (report_value (f, "2020-03-01", "2020-03-31", "P&L of the period $"), ==, json_number (march, 0, "pnl"));
  g_assert_cmpfloat (report_value (f, "2020-03-01", "2020-03-31", "Realised in the period $"), ==, json_number (march, 0, "realized"));
  {
    /* a weekly report books only the week: what was realised in it plus the change in unrealised */
    g_autofree char *w = pnl (f, "2020-03-09", "2020-03-13");

    g_assert_cmpfloat (report_value (f, "2020-03-09", "2020-03-13", "P&L of the period $"), ==, json_number (w, 0, "pnl"));
    g_assert_cmpfloat (report_value (f, "2020-03-09", "2020-03-13", "Realised in the period $"), ==, 0);
  }
  g_assert_cmpfloat (json_number (march, 0, "unrealized_end"), ==, json_number (list, 3, "unrealized_pnl"));
  /* March: the condor and the put settled (-17500.00 + 29540.99), no fees */
  g_assert_cmpfloat (json_number (march, 0, "realized"), ==, 12040.99);
  g_assert_cmpfloat (json_number (march, 0, "fees"), ==, 0);
  feb = pnl (f, "2020-02-01", "2020-02-29");
  g_assert_cmpfloat (json_number (feb, 0, "realized"), ==, 353.10);
  g_assert_cmpfloat (json_number (feb, 0, "fees"), ==, 16.90);
  g_assert_cmpfloat (json_number (feb, 0, "unrealized_end"), ==, json_number (march, 0, "unrealized_start"));
  /* the year: everything settled by the VIX expiry of 2020-04-15 */
  year = pnl (f, "2020-01-01", "2020-12-31");
  g_assert_cmpfloat (json_number (year, 0, "unrealized_end"), ==, 0);
  g_assert_cmpfloat (json_number (year, 0, "pnl"), ==, 13234.09);
  g_assert_cmpfloat (json_number (year, 0, "fees"), ==, 16.90);
}

static void
test_scenario (Fixture       *f,
               gconstpointer  data)
{
  const char *dir = g_getenv ("ALVH_SHARED_DATA");
  g_autofree char *list = NULL;

  if (dir == NULL || !g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("real market data absent: set ALVH_SHARED_DATA to the shared/data folder");
      return;
    }
  test_book_scenario_import_market (f->market, dir);
  test_book_scenario_book (f->db, f->market);

  list = book_list (f, "2020-03-31");
  /* the condor: settled at the SPX open of the third Friday, 2431.94: the put spread at its width */
  g_assert_nonnull (strstr (list, "\"style\":\"spx_am\",\"time\":\"2020-03-20T09:30:00-04:00\",\"underlying\":2431.939941"));
  g_assert_cmpfloat (json_number (list, 1, "realized_pnl"), ==, -17505.20);   /* (12.50 - 100) x 100 x 2 - 5.20 */
  g_assert_cmpfloat (json_number (list, 1, "unrealized_pnl"), ==, 0);
  /* the first layer expired worthless at the VIX open of 2020-02-19 (14.66) */
  g_assert_nonnull (strstr (list, "\"style\":\"vix_am\",\"time\":\"2020-02-19T09:30:00-05:00\",\"underlying\":14.66,\"price\":0"));
  g_assert_cmpfloat (json_number (list, 2, "realized_pnl"), ==, -92.60);
  /* the second layer: half closed at 3.10, half open and marked */
  g_assert_cmpfloat (json_number (list, 3, "realized_pnl"), ==, 452.20);      /* 2.30 x 200 - 7.80 */
  g_assert_cmpfloat (json_number (list, 3, "open_quantity"), ==, 2);
  g_assert_cmpfloat (json_number (list, 3, "fees"), ==, 7.80);
  g_assert_cmpfloat (json_number (list, 3, "mark"), >, 3.0);
  g_assert_cmpfloat (json_number (list, 3, "mark"), <, 5.0);
  /* the SPX put: SPXW-style (a Tuesday), at the SPX close of 2020-03-31, 2584.59 */
  g_assert_nonnull (strstr (list, "\"style\":\"spx_pm\",\"time\":\"2020-03-31T16:00:00-04:00\",\"underlying\":2584.590088"));
  g_assert_cmpfloat (json_number (list, 4, "realized_pnl"), ==, 29539.69);

  /* as of before the partial close: all four contracts open, nothing realised but fees */
  {
    g_autofree char *before = book_list (f, "2020-02-27");

    g_assert_cmpfloat (json_number (before, 3, "open_quantity"), ==, 4);
    g_assert_cmpfloat (json_number (before, 3, "realized_pnl"), ==, -5.20);
    g_assert_nonnull (strstr (before, "{\"id\":4,"));
  }
  {
    g_autofree char *early = book_list (f, "2020-02-12");

    g_assert_null (strstr (early, "{\"id\":4,"));
    g_assert_nonnull (strstr (early, "{\"id\":3,"));
  }

  scenario_check_journal (f, list);

  scenario_check_stats (f, list);

  /* the CSV report of March: the positions to date and the period's P&L */
  {
    double total = 0;

    for (gint64 id = 1; id <= 4; id++)
      total += json_number (list, id, "realized_pnl") + json_number (list, id, "unrealized_pnl");
    g_assert_cmpfloat (fabs (report_value (f, "2020-03-01", "2020-03-31", "P&L hedged $") - total), <, 0.006);
    g_assert_cmpfloat (report_value (f, "2020-03-01", "2020-03-31", "P&L unhedged $"), ==, -17505.20);
  }

  scenario_check_periods (f, list);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/cli/book/flags", Fixture, NULL, test_stores_set_up, test_flags, test_stores_tear_down);
  g_test_add ("/cli/book/scenario", Fixture, NULL, test_stores_set_up, test_scenario, test_stores_tear_down);
  return g_test_run ();
}
