/* test-market-chains.c — option chains in the market store, and sources
 * that never overwrite each other (issue 18)
 *
 * Real data: $ALVH_SHARED_DATA (SOURCES.md sections 1 to 4).  Without the
 * folder those tests are skipped with a message; the error tests run on
 * inline text.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "alvh-core.h"
#include "alvh-stored-eval.h"
#include "test-util.h"

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data G_GNUC_UNUSED)
{
  f->dir = test_make_tmp_dir ("alvh-chains-XXXXXX");
}

static void
fixture_teardown (Fixture *f, gconstpointer data G_GNUC_UNUSED)
{
  test_rm_rf (f->dir);
  g_free (f->dir);
}

/* the shared data folder's @file, or NULL (the test is skipped) */
static char *
shared_file (const char *file)
{
  const char *dir = g_getenv ("ALVH_SHARED_DATA");
  char *path;

  if (dir == NULL || !g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("shared market data absent: set ALVH_SHARED_DATA to the shared/data folder");
      return NULL;
    }
  path = g_build_filename (dir, file, NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_test_skip_printf ("shared data file %s absent", file);
      g_free (path);
      return NULL;
    }
  return path;
}

static AlvhMarketStore *
open_store (Fixture *f, const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  AlvhMarketStore *store = alvh_market_store_open (path, &error);

  g_assert_no_error (error);
  return store;
}

static gboolean
import_shared (AlvhMarketStore *store, const char *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = shared_file (file);

  if (path == NULL)
    return FALSE;
  g_assert_true (alvh_market_store_import_path (store, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return TRUE;
}

static gint64
day (int y, int m, int d)
{
  return alvh_time_from_ny_date (y, m, d);
}

static int
cmp_double (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

/* The three Cboe downloads go into the store under their sessions (the
 * Sunday 2023-08-20 download under Friday 2023-08-18; the two 2025-01-06
 * files together), and a chain read back gives Cboe's own IVs: median
 * |our IV - Cboe's| under 0.005 on strikes with a bid and an ask, 1 to 60
 * days out (measured 0.0005 on 2025-01-06 and 0.0013 on 2023-08-18). */
static void
test_chains_in_store (Fixture *f, gconstpointer data G_GNUC_UNUSED)
{
  g_autoptr(AlvhMarketStore) store = open_store (f, "market.sqlite");
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) dates = NULL;
  /* rows and expiries (AM and PM apart) of the files: 10171 rows and 56
   * expiries; 4242 + 2172 rows and 20 + 13 expiries */
  static const struct { int y, m, d; gsize rows; guint expiries; double spot; } want[] = {
    { 2023, 8, 18, 10171, 56, 4369.71 },
    { 2025, 1, 6, 6414, 33, 5975.3799 },
  };

  if (!import_shared (store, "spx_option_chain_cboe_2023-08-18.csv") ||
      !import_shared (store, "spx_option_chain_cboe_2025-01-06_janexp.csv") ||
      !import_shared (store, "spx_option_chain_cboe_2025-01-06_febexp.csv"))
    return;
  dates = alvh_market_store_list_chain_dates (store, "SPX", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dates->len, ==, 2);
  for (guint k = 0; k < G_N_ELEMENTS (want); k++)
    {
      g_autoptr(AlvhOptionChain) chain = NULL;
      g_autoptr(GArray) diffs = g_array_new (FALSE, FALSE, sizeof (double));
      gint64 session = day (want[k].y, want[k].m, want[k].d);
      double median;

      g_assert_cmpint (g_array_index (dates, gint64, k), ==, session);
      chain = alvh_market_store_load_chain (store, "SPX", session + 12 * 3600, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (alvh_option_chain_get_n_rows (chain), ==, want[k].rows);
      g_assert_cmpuint (alvh_option_chain_get_n_expiries (chain), ==, want[k].expiries);
      g_assert_cmpfloat_with_epsilon (alvh_option_chain_get_spot (chain), want[k].spot, 1e-9);
      for (gsize i = 0; i < alvh_option_chain_get_n_rows (chain); i++)
        {
          const AlvhOptionChainRow *r = alvh_option_chain_get_row (chain, i);
          double days = (double) (r->expiry - alvh_option_chain_get_valuation_time (chain)) / 86400.0;
          const AlvhOptionQuote *q[2] = { &r->call, &r->put };

          if (days < 1.0 || days > 60.0)
            continue;
          for (guint j = 0; j < 2; j++)
            if (q[j]->bid > 0 && q[j]->ask > 0 && q[j]->cboe_iv > 0 && isfinite (q[j]->iv))
              {
                double d = fabs (q[j]->iv - q[j]->cboe_iv);
                g_array_append_val (diffs, d);
              }
        }
      g_assert_cmpuint (diffs->len, >, 1000);
      qsort (diffs->data, diffs->len, sizeof (double), cmp_double);
      median = g_array_index (diffs, double, diffs->len / 2);
      g_test_message ("%d-%02d-%02d: %u quotes, median |our IV - Cboe IV| %.5f", want[k].y, want[k].m,
                      want[k].d, diffs->len, median);
      g_assert_cmpfloat (median, <, 0.005);
    }

  /* no chain on another date: said, never guessed */
  g_assert_null (alvh_market_store_load_chain (store, "SPX", day (2024, 3, 1), &error));
  g_assert_error (error, ALVH_MARKET_STORE_ERROR, ALVH_MARKET_STORE_ERROR_NOT_FOUND);
}

/* A chain with a bad row is refused with FILE:LINE:COLUMN and leaves the
 * store as it was. */
static void
test_chain_all_or_nothing (Fixture *f, gconstpointer data G_GNUC_UNUSED)
{
  static const char text[] =
    "\n"
    "SP 500 INDEX,Last: 5975.3799,Change:  32.9099\n"
    "\"Date: January 6, 2025 at 9:26 PM EST\",Bid: 5934.4302,Ask: 6032.4502,Size: 1*1,Volume: 0\n"
    "Expiration Date,Calls,Last Sale,Net,Bid,Ask,Volume,IV,Delta,Gamma,Open Interest,Strike,Puts,Last Sale,Net,Bid,Ask,Volume,IV,Delta,Gamma,Open Interest\n"
    "Fri Jan 17 2025,SPXW250117C06000000,60.1,0,59.9,60.6,10,0.1301,0.4822,0.0021,100,6000.00,SPXW250117P06000000,70,0,69.8,70.5,12,0.1312,-0.5178,0.0021,120\n"
    "Fri Jan 17 2025,SPXW250117C06005000,57.1,0,5x.9,57.6,10,0.1301,0.4822,0.0021,100,6005.00,SPXW250117P06005000,70,0,72.8,73.5,12,0.1312,-0.5178,0.0021,120\n";
  g_autoptr(AlvhMarketStore) store = open_store (f, "market.sqlite");
  g_autofree char *path = g_build_filename (f->dir, "spx_quotedata.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) dates = NULL;

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  g_assert_false (alvh_market_store_import_path (store, path, NULL, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_assert_true (g_str_has_prefix (error->message, "spx_quotedata.csv:6:"));
  g_clear_error (&error);
  dates = alvh_market_store_list_chain_dates (store, "SPX", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dates->len, ==, 0);
  g_assert_cmpint (alvh_market_store_count_rows (store, NULL, &error), ==, 0);
}

/* Cboe's VIX history, Yahoo's SPX and the term-structure file (with its own
 * VIX and rounded SP500 columns) give the same store in either order: the
 * primary histories win, 11 VIX closes differ (largest 2014-10-15: Cboe
 * 26.25, the term-structure file 25.27), no SPX bar has its close outside
 * [low, high]. */
static void
test_import_order (Fixture *f, gconstpointer data G_GNUC_UNUSED)
{
  static const char *const files[] = {
    "vix_daily_cboe.csv", "spx_daily_yahoo.csv", "vix_futures_term_structure_2007_2021.csv",
  };
  static const char *const symbols[] = { "VIX", "SPX", "VX1", "VX8" };
  g_autoptr(AlvhMarketStore) a = open_store (f, "a.sqlite");
  g_autoptr(AlvhMarketStore) b = open_store (f, "b.sqlite");
  g_autoptr(GError) error = NULL;
  const AlvhMarketConflicts *c;

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    if (!import_shared (a, files[i]))
      return;
  c = alvh_market_store_get_conflicts (a);
  g_assert_cmpint (c->n, ==, 11);
  g_assert_cmpstr (c->symbol, ==, "VIX");
  g_assert_cmpint (c->time, ==, day (2014, 10, 15));
  g_assert_cmpfloat (c->kept, ==, 26.25);
  g_assert_cmpfloat (c->other, ==, 25.27);
  for (guint i = G_N_ELEMENTS (files); i-- > 0;)
    g_assert_true (import_shared (b, files[i]));
  c = alvh_market_store_get_conflicts (b);
  g_assert_cmpint (c->n, ==, 11);
  g_assert_cmpfloat (c->kept, ==, 26.25);

  for (guint k = 0; k < G_N_ELEMENTS (symbols); k++)
    {
      g_autoptr(AlvhSeries) sa = alvh_market_store_load_series (a, symbols[k], G_MININT64, G_MAXINT64, &error);
      g_autoptr(AlvhSeries) sb = NULL;
      gsize n, outside = 0;

      g_assert_no_error (error);
      sb = alvh_market_store_load_series (b, symbols[k], G_MININT64, G_MAXINT64, &error);
      g_assert_no_error (error);
      n = alvh_series_get_length (sa);
      g_assert_cmpuint (n, ==, alvh_series_get_length (sb));
      g_assert_cmpuint (alvh_series_get_n_columns (sa), ==, alvh_series_get_n_columns (sb));
      for (guint col = 0; col < alvh_series_get_n_columns (sa); col++)
        g_assert_cmpmem (alvh_series_get_column (sa, col), n * sizeof (double),
                         alvh_series_get_column (sb, col), n * sizeof (double));
      g_assert_cmpmem (alvh_series_get_times (sa), n * sizeof (gint64), alvh_series_get_times (sb), n * sizeof (gint64));
      if (strcmp (symbols[k], "SPX") == 0)
        {
          const double *lo = alvh_series_get_column_by_name (sa, "low");
          const double *hi = alvh_series_get_column_by_name (sa, "high");
          const double *cl = alvh_series_get_column_by_name (sa, "close");

          for (gsize i = 0; i < n; i++)
            outside += cl[i] < lo[i] || cl[i] > hi[i];
          g_assert_cmpuint (outside, ==, 0);
          g_assert_cmpuint (n, ==, 24114);
        }
      if (strcmp (symbols[k], "VIX") == 0)
        {
          gssize i = alvh_series_find_time (sa, day (2014, 10, 15));

          g_assert_cmpint (i, >=, 0);
          g_assert_cmpfloat (alvh_series_get_column_by_name (sa, "close")[i], ==, 26.25);
        }
    }
}


/* Section 1's iv_t and section 6's marks from a stored chain: Yahoo's SPX,
 * Cboe's VIX and the 2023-08-18 chain.  A condor expiring 2023-09-15
 * (4100/4200/4550/4650) evaluated at the 2023-08-18 close uses the ATM IV of
 * that expiry (the SPXW 2023-09-15 expiry's, 0.1468) and says so; at the
 * 2023-08-17 close (no chain) VIX/100.  The ledger marks it at the chain's
 * mids on 2023-08-18 and at the model with VIX/100 the day before. */
static void
test_iv_t_and_marks (Fixture *f, gconstpointer data G_GNUC_UNUSED)
{
  g_autoptr(AlvhMarketStore) store = open_store (f, "market.sqlite");
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhMarketFrame) frame = NULL;
  g_autoptr(AlvhProfile) profile = alvh_profile_new ();
  g_autoptr(AlvhBook) book = alvh_book_new ();
  g_autoptr(AlvhDecision) d18 = NULL;
  g_autoptr(AlvhDecision) d17 = NULL;
  g_autoptr(AlvhLedger) ledger = NULL;
  g_autofree char *json = NULL;
  AlvhLedgerParams params;
  AlvhLedgerEntry e;
  AlvhCondor c = { 0 };
  AlvhFill fill = { 0 };
  AlvhOptionChain *chain;
  double mids = 0.0, want_iv;
  gint64 at18 = alvh_time_from_ny_local (2023, 8, 18, 16, 30, 0);
  gint64 at17 = alvh_time_from_ny_local (2023, 8, 17, 16, 30, 0);
  gssize i17;

  if (!import_shared (store, "spx_daily_yahoo.csv") || !import_shared (store, "vix_daily_cboe.csv") ||
      !import_shared (store, "spx_option_chain_cboe_2023-08-18.csv"))
    return;
  frame = alvh_stored_load_frame (store, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (frame->chains);
  chain = alvh_chain_set_lookup (frame->chains, day (2023, 8, 18));
  g_assert_nonnull (chain);
  want_iv = alvh_option_chain_atm_iv (chain, alvh_time_from_ny_local (2023, 9, 15, 16, 0, 0), &error);
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (want_iv, 0.1468, 0.0001);

  c.id = 1;
  c.long_put = 4100;
  c.short_put = 4200;
  c.short_call = 4550;
  c.long_call = 4650;
  c.expiry = day (2023, 9, 15);
  c.units = 1;
  c.credit = 20.0;
  c.opened = alvh_time_from_ny_local (2023, 8, 1, 10, 0, 0);
  c.closed = 0;
  c.close_price = NAN;
  alvh_book_add_condor (book, &c);

  d18 = alvh_stored_evaluate (frame, profile, NULL, book, at18, &error);
  g_assert_no_error (error);
  g_assert_true (d18->iv_from_chain);
  g_assert_cmpfloat (d18->iv, ==, want_iv);
  json = alvh_decision_to_json (d18);
  g_assert_nonnull (strstr (json, "\"iv_source\":\"chain\""));
  g_assert_nonnull (strstr (json, "the ATM IV of the condor's expiry from the option chain of this date"));
  d17 = alvh_stored_evaluate (frame, profile, NULL, book, at17, &error);
  g_assert_no_error (error);
  g_assert_false (d17->iv_from_chain);
  i17 = alvh_market_frame_find_le (frame, day (2023, 8, 17));
  g_assert_cmpfloat (d17->iv, ==, frame->vix[i17] / 100.0);
  g_clear_pointer (&json, g_free);
  json = alvh_decision_to_json (d17);
  g_assert_nonnull (strstr (json, "\"iv_source\":\"vix\""));

  /* marks: the mids of the AM (SPX) rows of 2023-09-15: on a third Friday
   * the standard monthly contracts win over the SPXW ones */
  {
    const double strikes[4] = { 4200, 4550, 4100, 4650 };
    const AlvhOptionType types[4] = { ALVH_OPTION_PUT, ALVH_OPTION_CALL, ALVH_OPTION_PUT, ALVH_OPTION_CALL };

    for (guint k = 0; k < 4; k++)
      {
        double mid = NAN;

        for (gsize r = 0; r < alvh_option_chain_get_n_rows (chain); r++)
          {
            const AlvhOptionChainRow *row = alvh_option_chain_get_row (chain, r);

            if (alvh_time_ny_day (row->expiry) == alvh_time_ny_day (c.expiry) && !row->pm_settled &&
                row->strike == strikes[k])
              mid = types[k] == ALVH_OPTION_CALL ? row->call.mid : row->put.mid;
          }
        g_assert_true (isfinite (mid));
        mids += k < 2 ? mid : -mid;
      }
  }
  alvh_ledger_params_init_default (&params);
  ledger = alvh_ledger_new (&params);
  alvh_ledger_add_condor (ledger, &c);
  fill.condor_id = 1;
  fill.time = c.opened;
  fill.quantity = 1;
  fill.price = 20.0;
  g_assert_true (alvh_ledger_add_fill (ledger, &fill));
  alvh_ledger_set_market (ledger, frame, NULL);
  alvh_ledger_entry_at (ledger, 0, at18, &e);
  g_test_message ("mark 2023-08-18: %.4f (chain mids %.4f)", e.mark, mids);
  g_assert_cmpfloat_with_epsilon (e.mark, mids, 1e-9);
  alvh_ledger_entry_at (ledger, 0, at17, &e);
  {
    double t = (double) alvh_time_calendar_days (frame->time[i17], c.expiry) / 365.0;
    double model = alvh_condor_value (&c, frame->close[i17], t, frame->vix[i17] / 100.0, params.rate,
                                      params.div_yield);

    g_assert_cmpfloat_with_epsilon (e.mark, model, 1e-9);
  }
}

/* VIX futures by contract: Cboe CFE's per-contract file alone (no
 * term-structure file) gives every term of 2014-10-15 its own contract's
 * Settle as the file prints it (Oct 14 23.95, Nov 22.10, Dec 21.05, Jan 15
 * 20.90, Feb 20.90, Mar 20.90, Apr 21.15, May 21.20), so an option expiring
 * with the December contract (2014-12-17) is priced on 21.05, not VX1. */
static void
test_vx_contracts (Fixture *f, gconstpointer data G_GNUC_UNUSED)
{
  static const double settles[ALVH_VX_TERMS] = { 23.95, 22.10, 21.05, 20.90, 20.90, 20.90, 21.15, 21.20 };
  g_autoptr(AlvhMarketStore) store = open_store (f, "market.sqlite");
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhMarketFrame) frame = NULL;
  g_autoptr(AlvhProfile) profile = alvh_profile_new ();
  g_autoptr(AlvhEvaluator) ev = NULL;
  g_autoptr(GArray) all = NULL;
  AlvhMarketState m;
  gssize i;

  if (!import_shared (store, "spx_daily_yahoo.csv") || !import_shared (store, "vix_daily_cboe.csv") ||
      !import_shared (store, "vix_futures_cfe_contracts_2006_2015.csv"))
    return;
  /* 17208 rows less 314 with Settle 0 */
  all = alvh_market_store_load_vx_contracts (store, G_MININT64, G_MAXINT64, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 17208 - 314);
  frame = alvh_stored_load_frame (store, 0, 0, &error);
  g_assert_no_error (error);
  i = alvh_market_frame_find_le (frame, day (2014, 10, 15));
  g_assert_cmpint (frame->time[i], ==, day (2014, 10, 15));
  for (guint k = 0; k < ALVH_VX_TERMS; k++)
    g_assert_cmpfloat (frame->vx[k][i], ==, settles[k]);
  ev = alvh_evaluator_new (frame, profile, NULL);
  alvh_evaluator_market_state (ev, (gsize) i, &m);
  g_assert_cmpfloat (alvh_market_state_vix_forward (&m, day (2014, 12, 17)), ==, 21.05);
}

/* A condor picked from the 2025-01-06 chain for the 2025-01-17 (SPX AM,
 * a third Friday) expiry: shorts at 0.16 delta (ours within 0.02 of it),
 * 50-point wings, credit = the four mids as the file prints them. */
static void
test_pick_condor (void)
{
  g_autofree char *path = shared_file ("spx_option_chain_cboe_2025-01-06_janexp.csv");
  g_autoptr(AlvhOptionChain) chain = NULL;
  g_autoptr(GError) error = NULL;
  AlvhChainCondor c;
  double mids = 0.0;
  const double *strikes[4];
  const AlvhOptionType types[4] = { ALVH_OPTION_PUT, ALVH_OPTION_CALL, ALVH_OPTION_PUT, ALVH_OPTION_CALL };

  if (path == NULL)
    return;
  chain = alvh_option_chain_load_cboe_csv (path, &error);
  g_assert_no_error (error);
  g_assert_true (alvh_option_chain_pick_condor (chain, day (2025, 1, 17), 0.16, 50, &c, &error));
  g_assert_no_error (error);
  g_test_message ("condor %.0f/%.0f/%.0f/%.0f, deltas %.3f %.3f, credit %.2f", c.long_put, c.short_put,
                  c.short_call, c.long_call, c.short_put_delta, c.short_call_delta, c.credit);
  g_assert_cmpfloat (fabs (c.short_put_delta + 0.16), <, 0.02);
  g_assert_cmpfloat (fabs (c.short_call_delta - 0.16), <, 0.02);
  g_assert_cmpfloat (c.short_put - c.long_put, ==, 50);
  g_assert_cmpfloat (c.long_call - c.short_call, ==, 50);
  strikes[0] = &c.short_put;
  strikes[1] = &c.short_call;
  strikes[2] = &c.long_put;
  strikes[3] = &c.long_call;
  for (guint k = 0; k < 4; k++)
    for (gsize r = 0; r < alvh_option_chain_get_n_rows (chain); r++)
      {
        const AlvhOptionChainRow *row = alvh_option_chain_get_row (chain, r);
        const AlvhOptionQuote *q = types[k] == ALVH_OPTION_CALL ? &row->call : &row->put;

        if (alvh_time_ny_day (row->expiry) == alvh_time_ny_day (day (2025, 1, 17)) && !row->pm_settled &&
            row->strike == *strikes[k])
          mids += (k < 2 ? 0.5 : -0.5) * (q->bid + q->ask);
      }
  g_assert_cmpfloat_with_epsilon (c.credit, mids, 1e-9);
  g_assert_cmpfloat (c.credit, >, 0.0);
  g_assert_false (alvh_option_chain_pick_condor (chain, day (2025, 3, 21), 0.16, 50, &c, &error));
  g_assert_error (error, ALVH_OPTION_CHAIN_ERROR, ALVH_OPTION_CHAIN_ERROR_NO_DATA);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/market-chains/in-store", Fixture, NULL, fixture_setup, test_chains_in_store, fixture_teardown);
  g_test_add ("/market-chains/all-or-nothing", Fixture, NULL, fixture_setup, test_chain_all_or_nothing, fixture_teardown);
  g_test_add ("/market-chains/iv-t-and-marks", Fixture, NULL, fixture_setup, test_iv_t_and_marks, fixture_teardown);
  g_test_add ("/market-chains/vx-contracts", Fixture, NULL, fixture_setup, test_vx_contracts, fixture_teardown);
  g_test_add_func ("/market-chains/pick-condor", test_pick_condor);
  g_test_add ("/market-chains/import-order", Fixture, NULL, fixture_setup, test_import_order, fixture_teardown);
  return g_test_run ();
}
