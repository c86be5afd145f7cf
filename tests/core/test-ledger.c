/* test-ledger.c — the book as a ledger of fills (ALVH-SPEC section 6): fills in
 * the journal and their migration, realised and unrealised P&L, settlement,
 * period P&L that adds up */
#include "config.h"

#include <math.h>
#include <string.h>

#include <sqlite3.h>

#include "alvh-core.h"
#include "test-util.h"
#include "alvh-journal-store-private.h"

typedef TestStores Fixture;

static gint64
ny (int y, int m, int d, int h, int mi)
{
  return alvh_time_from_ny_local (y, m, d, h, mi, 0);
}

/* A journal of version 2 (condors, legs, partial closes; no fills) is
 * migrated into fills without loss. */
static void
test_migrate (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(AlvhJournalStore) old = _alvh_journal_store_open_version (f->db, 2, &error);
    sqlite3 *db;

    g_assert_no_error (error);
    db = _alvh_journal_store_get_db (old);
    g_assert_cmpint (sqlite3_exec (db,
      "INSERT INTO accounts (id, name) VALUES (1, 'Main');"
      "INSERT INTO condors (id, account_id, long_put, short_put, short_call, long_call, expiry, units, credit, opened, closed, close_price)"
      " VALUES (1, 1, 3000, 3100, 3450, 3550, 1584676800, 2, 12.5, 1580742000, 1583870400, 30.25);"
      "INSERT INTO condors (id, account_id, long_put, short_put, short_call, long_call, expiry, units, credit, opened)"
      " VALUES (2, 1, 2000, 2100, 2450, 2550, 1584676800, 1, 9.0, 1580742000);"
      "INSERT INTO legs (id, account_id, condor_id, kind, long_strike, short_strike, expiry, quantity, premium, layer, opened, closed_quantity, close_price)"
      " VALUES (1, 1, 1, 'vix_call_spread', 25, 30, 1586923200, 4, 0.8, 1, 1581363000, 3, 2.5);"
      "INSERT INTO leg_closes (leg_id, time, quantity, price) VALUES (1, 1582920000, 2, 3.1), (1, 1583352000, 1, 1.3);",
      NULL, NULL, NULL), ==, SQLITE_OK);
  }
  {
    g_autoptr(AlvhJournalStore) store = alvh_journal_store_open (f->db, &error);
    g_autoptr(GPtrArray) fills = NULL;
    g_autoptr(AlvhLedger) ledger = NULL;
    AlvhLedgerEntry e;
    double sum_open = 0, sum_close = 0;

    g_assert_no_error (error);
    g_assert_cmpint (alvh_journal_store_get_schema_version (store), ==, ALVH_JOURNAL_SCHEMA_VERSION);
    fills = alvh_journal_store_list_fills (store, 0, &error);
    g_assert_no_error (error);
    /* condor 1 open + close, condor 2 open, leg open + two closes */
    g_assert_cmpuint (fills->len, ==, 6);
    for (guint i = 0; i < fills->len; i++)
      {
        const AlvhFill *fl = g_ptr_array_index (fills, i);

        g_assert_cmpfloat (fl->fees, ==, 0);
        if (fl->close)
          sum_close += fl->quantity * fl->price;
        else
          sum_open += fl->quantity * fl->price;
      }
    g_assert_cmpfloat_with_epsilon (sum_open, 2 * 12.5 + 9.0 + 4 * 0.8, 1e-9);
    g_assert_cmpfloat_with_epsilon (sum_close, 2 * 30.25 + 2 * 3.1 + 1.3, 1e-9);

    ledger = alvh_journal_store_load_ledger (store, 1, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (alvh_ledger_get_n_positions (ledger), ==, 3);
    /* without a market: realised from the fills, the rest at cost */
    g_assert_true (alvh_ledger_entry_at (ledger, alvh_ledger_find (ledger, 1, TRUE), G_MAXINT64 / 2, &e));
    g_assert_cmpfloat_with_epsilon (e.realized, (12.5 - 30.25) * 100 * 2, 1e-6);
    g_assert_cmpint (e.closed, ==, 1583870400);
    g_assert_true (alvh_ledger_entry_at (ledger, alvh_ledger_find (ledger, 1, FALSE), G_MAXINT64 / 2, &e));
    g_assert_cmpfloat_with_epsilon (e.realized, (3.1 - 0.8) * 100 * 2 + (1.3 - 0.8) * 100, 1e-6);
    g_assert_cmpfloat (e.open_quantity, ==, 1);
    g_assert_cmpfloat (e.unrealized, ==, 0);
  }
}

/* Booking and closing through the store: fees, partial closes of a condor,
 * one id per position, no close before the open. */
static void
test_store_fills (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhJournalStore) store = alvh_journal_store_open (f->db, &error);
  g_autoptr(AlvhCondor) c = alvh_condor_new ();
  g_autoptr(AlvhLeg) l = alvh_leg_new ();
  g_autoptr(AlvhCondor) back = NULL;
  g_autoptr(AlvhLedger) ledger = NULL;
  gint64 account, cid, lid;
  AlvhLedgerEntry e;

  g_assert_no_error (error);
  account = alvh_journal_store_create_account (store, "Main", &error);
  g_assert_no_error (error);
  *c = (AlvhCondor) { 0, account, 3000, 3100, 3450, 3550, alvh_time_from_ny_date (2020, 3, 20), 3, 12.5,
                      ny (2020, 2, 3, 10, 0), 0, NAN };
  cid = alvh_journal_store_book_condor (store, c, 7.80, &error);
  g_assert_no_error (error);
  l->account_id = account;
  l->condor_id = cid;
  l->long_strike = 25;
  l->short_strike = 30;
  l->expiry = alvh_time_from_ny_date (2020, 4, 15);
  l->quantity = 2;
  l->premium = 0.8;
  l->opened = ny (2020, 2, 10, 14, 30);
  lid = alvh_journal_store_book_leg (store, l, 2.60, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lid, !=, cid);
  g_assert_null (alvh_journal_store_get_leg (store, cid, &error));
  g_assert_error (error, ALVH_JOURNAL_ERROR, ALVH_JOURNAL_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* before the open: refused */
  g_assert_false (alvh_journal_store_close_condor_fill (store, cid, ny (2020, 2, 2, 10, 0), 1, 5, 0, &error));
  g_assert_error (error, ALVH_JOURNAL_ERROR, ALVH_JOURNAL_ERROR_INVALID);
  g_clear_error (&error);
  /* more than is open: refused */
  g_assert_false (alvh_journal_store_close_condor_fill (store, cid, ny (2020, 2, 20, 10, 0), 4, 5, 0, &error));
  g_clear_error (&error);
  g_assert_true (alvh_journal_store_close_condor_fill (store, cid, ny (2020, 2, 20, 10, 0), 1, 6.0, 2.6, &error));
  g_assert_no_error (error);
  back = alvh_journal_store_get_condor (store, cid, &error);
  g_assert_cmpint (back->closed, ==, 0);
  g_assert_true (alvh_journal_store_close_condor_fill (store, cid, ny (2020, 2, 21, 11, 0), 0, 9.0, 5.2, &error));
  g_assert_no_error (error);
  g_clear_pointer (&back, alvh_condor_free);
  back = alvh_journal_store_get_condor (store, cid, &error);
  g_assert_cmpint (back->closed, ==, ny (2020, 2, 21, 11, 0));
  g_assert_cmpfloat_with_epsilon (back->close_price, (6.0 + 2 * 9.0) / 3, 1e-9);

  ledger = alvh_journal_store_load_ledger (store, account, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (alvh_ledger_entry_at (ledger, alvh_ledger_find (ledger, cid, TRUE), ny (2020, 2, 20, 12, 0), &e));
  g_assert_cmpfloat (e.open_quantity, ==, 2);
  g_assert_cmpfloat_with_epsilon (e.realized, (12.5 - 6.0) * 100 - 7.80 - 2.60, 1e-6);
  g_assert_cmpfloat_with_epsilon (e.fees, 10.40, 1e-9);
  g_assert_true (alvh_ledger_entry_at (ledger, alvh_ledger_find (ledger, cid, TRUE), ny (2020, 3, 1, 12, 0), &e));
  g_assert_cmpfloat_with_epsilon (e.realized, (12.5 - 6.0) * 100 + (12.5 - 9.0) * 200 - 15.60, 1e-6);
  g_assert_cmpfloat_with_epsilon (e.close_price, 8.0, 1e-9);
  /* the leg, before its fill: not in the book */
  g_assert_false (alvh_ledger_entry_at (ledger, alvh_ledger_find (ledger, lid, FALSE), ny (2020, 2, 10, 14, 29), &e));
}

/* A small market: five days around the March 2020 expiries. */
static AlvhLedger *
market_ledger (void)
{
  static const struct { int m, d; double open, close, vix_open, vix; } bars[] = {
    { 3, 16, 2508.59, 2386.13, 75.0, 82.69 },
    { 3, 17, 2425.66, 2529.19, 80.0, 75.91 },
    { 3, 18, 2436.50, 2398.10, 69.37, 76.45 },
    { 3, 19, 2393.48, 2409.39, 80.0, 72.00 },
    { 3, 20, 2431.94, 2304.92, 70.0, 66.04 },
  };
  const char *cols[] = { "open", "close", NULL };
  g_autoptr(AlvhMarketFrame) frame = alvh_market_frame_new (G_N_ELEMENTS (bars));
  g_autoptr(AlvhSeries) vix = alvh_series_new ("VIX", cols);
  AlvhLedger *ledger = alvh_ledger_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (bars); i++)
    {
      double v[2] = { bars[i].vix_open, bars[i].vix };

      frame->time[i] = alvh_time_from_ny_date (2020, bars[i].m, bars[i].d);
      frame->open[i] = bars[i].open;
      frame->close[i] = bars[i].close;
      frame->vix[i] = bars[i].vix;
      g_assert_true (alvh_series_append (vix, frame->time[i], v, NULL));
    }
  alvh_ledger_set_market (ledger, frame, vix);
  return ledger;
}

static void
add_position (AlvhLedger *ledger,
              gint64      id,
              AlvhLegKind kind,
              double      k1,
              double      k2,
              gint64      expiry,
              double      qty,
              double      price,
              gint64      opened)
{
  AlvhFill fill = { 0 };

  if (id < 10)
    {
      AlvhCondor c = { id, 1, k1 - 100, k1, k2, k2 + 100, expiry, qty, price, opened, 0, NAN };

      alvh_ledger_add_condor (ledger, &c);
      fill.condor_id = id;
    }
  else
    {
      g_autoptr(AlvhLeg) l = alvh_leg_new ();

      l->id = id;
      l->kind = kind;
      l->long_strike = k1;
      l->short_strike = k2;
      l->expiry = expiry;
      alvh_ledger_add_leg (ledger, l);
      fill.leg_id = id;
    }
  fill.time = opened;
  fill.quantity = qty;
  fill.price = price;
  fill.fees = 1.0;
  g_assert_true (alvh_ledger_add_fill (ledger, &fill));
}

/* Each settlement style on a real expiry: SPX monthly (third Friday) at the
 * SPX open, SPXW at the close, VIX at the VIX open of its Wednesday. */
static void
test_settlement (void)
{
  g_autoptr(AlvhLedger) ledger = market_ledger ();
  gint64 opened = ny (2020, 3, 16, 10, 0);
  AlvhLedgerEntry e;

  add_position (ledger, 1, 0, 2500, 2600, alvh_time_from_ny_date (2020, 3, 20), 1, 10.0, opened);   /* AM */
  add_position (ledger, 2, 0, 2500, 2600, alvh_time_from_ny_date (2020, 3, 19), 1, 10.0, opened);   /* PM, Thursday */
  add_position (ledger, 11, ALVH_LEG_VIX_CALL_SPREAD, 60, 65, alvh_time_from_ny_date (2020, 3, 18), 2, 1.5, opened);
  add_position (ledger, 12, ALVH_LEG_SPX_PUT, 2400, NAN, alvh_time_from_ny_date (2020, 3, 20), 1, 30.0, opened);
  add_position (ledger, 13, ALVH_LEG_VIX_CALL, 90, NAN, alvh_time_from_ny_date (2020, 3, 18), 1, 0.5, opened);

  g_assert_true (alvh_ledger_entry_at (ledger, 0, ny (2020, 3, 20, 23, 0), &e));
  g_assert_cmpint (e.settle_style, ==, ALVH_SETTLE_SPX_AM);
  g_assert_true (e.settled);
  g_assert_cmpfloat (e.settle_underlying, ==, 2431.94);
  g_assert_cmpint (e.settle_time, ==, ny (2020, 3, 20, 9, 30));
  /* put spread 2400/2500 at 2431.94: 68.06 */
  g_assert_cmpfloat_with_epsilon (e.settle_price, 2500 - 2431.94, 1e-9);
  g_assert_cmpfloat_with_epsilon (e.realized, (10.0 - 68.06) * 100 - 1.0, 1e-6);
  /* AM settlement happens before that day's close: not marked on the 20th */
  g_assert_true (alvh_ledger_entry_at (ledger, 0, ny (2020, 3, 20, 9, 29), &e));
  g_assert_false (e.settled);

  g_assert_true (alvh_ledger_entry_at (ledger, 1, ny (2020, 3, 20, 23, 0), &e));
  g_assert_cmpint (e.settle_style, ==, ALVH_SETTLE_SPX_PM);
  g_assert_cmpfloat (e.settle_underlying, ==, 2409.39);
  g_assert_cmpint (e.settle_time, ==, ny (2020, 3, 19, 16, 0));
  g_assert_cmpfloat_with_epsilon (e.settle_price, 2500 - 2409.39, 1e-9);

  g_assert_true (alvh_ledger_entry_at (ledger, 2, ny (2020, 3, 18, 12, 0), &e));
  g_assert_cmpint (e.settle_style, ==, ALVH_SETTLE_VIX_AM);
  g_assert_cmpfloat (e.settle_underlying, ==, 69.37);
  g_assert_cmpfloat_with_epsilon (e.settle_price, 5.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (e.realized, (5.0 - 1.5) * 200 - 1.0, 1e-6);

  g_assert_true (alvh_ledger_entry_at (ledger, 3, ny (2020, 3, 21, 0, 0), &e));
  g_assert_cmpint (e.settle_style, ==, ALVH_SETTLE_SPX_AM);
  g_assert_cmpfloat_with_epsilon (e.realized, 0 - 30.0 * 100 - 1.0, 1e-6);  /* 2400 put at 2431.94: worthless */

  /* expiring worthless */
  g_assert_true (alvh_ledger_entry_at (ledger, 4, ny (2020, 3, 19, 0, 0), &e));
  g_assert_true (e.settled);
  g_assert_cmpfloat (e.settle_price, ==, 0);
  g_assert_cmpfloat_with_epsilon (e.realized, -51.0, 1e-9);
}

/* Marks at the model on the last bar known (16:00 New York), at cost before
 * it; the period P&L adds up over consecutive periods. */
static void
test_marks_and_periods (void)
{
  g_autoptr(AlvhLedger) ledger = market_ledger ();
  gint64 opened = ny (2020, 3, 16, 10, 0);
  AlvhLedgerEntry e;
  AlvhCondor c = { 1, 1, 2400, 2500, 2600, 2700, alvh_time_from_ny_date (2020, 4, 17), 2, 40.0, opened, 0, NAN };
  AlvhFill close = { 0, 1, 0, TRUE, ny (2020, 3, 19, 11, 0), 1, 60.0, 2.5 };
  AlvhLedgerPnl whole, sum = { 0 };
  double t;

  add_position (ledger, 1, 0, 2500, 2600, c.expiry, 2, 40.0, opened);
  add_position (ledger, 11, ALVH_LEG_VIX_CALL_SPREAD, 60, 65, alvh_time_from_ny_date (2020, 4, 15), 3, 2.0, ny (2020, 3, 17, 15, 0));
  g_assert_true (alvh_ledger_add_fill (ledger, &close));

  /* 15:59 on the 16th: no bar known since the fill, at cost */
  g_assert_true (alvh_ledger_entry_at (ledger, 0, ny (2020, 3, 16, 15, 59), &e));
  g_assert_cmpfloat (e.mark, ==, 40.0);
  g_assert_cmpint (e.mark_time, ==, 0);
  g_assert_cmpfloat (e.unrealized, ==, 0);
  /* 16:00: the close of the 16th, at the model of section 5 */
  g_assert_true (alvh_ledger_entry_at (ledger, 0, ny (2020, 3, 16, 16, 0), &e));
  t = (double) alvh_time_calendar_days (alvh_time_from_ny_date (2020, 3, 16), c.expiry) / 365.0;
  g_assert_cmpint (e.mark_time, ==, alvh_time_from_ny_date (2020, 3, 16));
  g_assert_cmpfloat_with_epsilon (e.mark, alvh_condor_value (&c, 2386.13, t, 0.8269, 0.04, 0.013), 1e-9);
  g_assert_cmpfloat_with_epsilon (e.unrealized, (40.0 - e.mark) * 100 * 2, 1e-6);
  g_assert_cmpfloat_with_epsilon (e.realized, -1.0, 1e-12);
  /* after the partial close: one unit open, realised at the close's price */
  g_assert_true (alvh_ledger_entry_at (ledger, 0, ny (2020, 3, 20, 18, 0), &e));
  g_assert_cmpfloat (e.open_quantity, ==, 1);
  g_assert_cmpfloat_with_epsilon (e.realized, (40.0 - 60.0) * 100 - 3.5, 1e-6);
  g_assert_cmpint (e.mark_time, ==, alvh_time_from_ny_date (2020, 3, 20));
  g_assert_cmpfloat (e.mae, <=, e.realized + e.unrealized);
  g_assert_cmpfloat (e.mfe, >=, e.realized + e.unrealized);

  /* periods: each day from the 15th to the 21st, summed = the whole */
  alvh_ledger_period (ledger, alvh_ledger_day_start (alvh_time_from_ny_date (2020, 3, 15)),
                      alvh_ledger_day_end (alvh_time_from_ny_date (2020, 3, 21)), &whole);
  for (int d = 15; d <= 21; d++)
    {
      AlvhLedgerPnl p;
      gint64 day = alvh_time_from_ny_date (2020, 3, d);

      alvh_ledger_period (ledger, alvh_ledger_day_start (day), alvh_ledger_day_end (day), &p);
      g_assert_cmpfloat_with_epsilon (p.pnl, p.realized + p.unrealized_end - p.unrealized_start, 1e-9);
      sum.pnl += p.pnl;
      sum.realized += p.realized;
      sum.fees += p.fees;
    }
  g_assert_cmpfloat (whole.unrealized_start, ==, 0);
  g_assert_cmpfloat_with_epsilon (sum.pnl, whole.pnl, 1e-6);
  g_assert_cmpfloat_with_epsilon (sum.realized, whole.realized, 1e-6);
  g_assert_cmpfloat_with_epsilon (whole.fees, 4.5, 1e-12);
  g_assert_cmpfloat (fabs (whole.pnl), >, 100);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/core/ledger/migrate", Fixture, NULL, test_stores_set_up, test_migrate, test_stores_tear_down);
  g_test_add ("/core/ledger/store-fills", Fixture, NULL, test_stores_set_up, test_store_fills, test_stores_tear_down);
  g_test_add_func ("/core/ledger/settlement", test_settlement);
  g_test_add_func ("/core/ledger/marks-and-periods", test_marks_and_periods);
  return g_test_run ();
}
