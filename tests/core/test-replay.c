/* test-replay.c — the section 5 replay over real SPX and VIX history
 *
 * Data: $ALVH_SHARED_DATA/spx_daily_ohlc_1927_2026.csv and vix_daily_cboe.csv,
 * read with the importer.  Without the data folder the real-data tests are
 * skipped; the synthetic ones always run.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "alvh-core.h"
#include "test-util.h"

typedef struct
{
  guint  n_bars;
  guint  iv_fired_feb2018;
  guint  iv_fired_feb2020;
  guint  july2017_bars;
  guint  july2017_not_hold;
  guint  bad_json;
  guint  adds;
  double last_fraction;
  guint  progress_calls;
  gboolean progress_monotonic;
  GString *line;
} Scan;

static AlvhSeries *
load (const char *file)
{
  g_autofree char *path = test_shared_data_path (file);
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhImportResult) res = NULL;

  if (path == NULL)
    {
      g_test_skip_printf ("real market data absent: set ALVH_SHARED_DATA to the shared/data folder holding %s", file);
      return NULL;
    }
  res = alvh_import_file (path, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (alvh_import_result_get_n_series (res), >=, 1);
  /* the term-structure file also holds VIX and SP500: its VX series */
  for (guint i = 0; i < alvh_import_result_get_n_series (res); i++)
    if (g_strcmp0 (alvh_import_result_get_kind (res, i), "vx") == 0)
      return alvh_series_ref (alvh_import_result_get_series (res, i));
  return alvh_series_ref (alvh_import_result_get_series (res, 0));
}

static int
ymd (gint64 t)
{
  int y, m, d;

  alvh_time_to_ny_date (t, &y, &m, &d);
  return y * 10000 + m * 100 + d;
}

static gboolean
scan_bar_cb (gsize               index,
             const AlvhDecision *d,
             AlvhBook           *book,
             gpointer            user_data)
{
  Scan *scan = user_data;
  int date = ymd (d->time);
  const AlvhSignal *iv = &d->signals[ALVH_SIGNAL_IV_EXPANSION];

  (void) index;
  (void) book;
  scan->n_bars++;
  if (date >= 20180205 && date <= 20180209 && iv->fired)
    scan->iv_fired_feb2018++;
  if (date >= 20200220 && date <= 20200228 && iv->fired)
    scan->iv_fired_feb2020++;
  if (date >= 20170701 && date <= 20170731)
    {
      scan->july2017_bars++;
      if (d->action != ALVH_ACTION_HOLD)
        scan->july2017_not_hold++;
    }
  if (d->action == ALVH_ACTION_ADD)
    scan->adds++;
  /* every line carries every key; n/a -> null */
  if (index % 97 == 0)
    {
      g_string_truncate (scan->line, 0);
      alvh_decision_append_json (d, scan->line, FALSE);
      for (guint k = 0; k < ALVH_N_SIGNALS; k++)
        {
          char key[64];

          g_snprintf (key, sizeof key, "\"%s\":{", alvh_signal_id_to_key ((AlvhSignalId) k));
          if (strstr (scan->line->str, key) == NULL)
            scan->bad_json++;
        }
      if (!d->signals[ALVH_SIGNAL_TERM_INVERSION].available &&
          strstr (scan->line->str, "\"term_inversion\":{\"kind\":\"realtime\",\"value\":null") == NULL)
        scan->bad_json++;
    }
  return TRUE;
}

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  Scan *scan = user_data;

  if (fraction < scan->last_fraction)
    scan->progress_monotonic = FALSE;
  scan->last_fraction = fraction;
  scan->progress_calls++;
}

static void
test_real_history (void)
{
  g_autoptr(AlvhSeries) spx = load ("spx_daily_ohlc_1927_2026.csv");
  g_autoptr(AlvhSeries) vix = NULL;
  g_autoptr(AlvhMarketFrame) frame = NULL;
  g_autoptr(AlvhProfile) profile = alvh_profile_new ();
  g_autoptr(AlvhEvaluator) ev = NULL;
  g_autoptr(AlvhReplayResult) res = NULL;
  g_autoptr(GError) error = NULL;
  Scan scan = { 0 };
  double sum_condor = 0.0, sum_total = 0.0, sum_cost = 0.0;
  guint adds_by_branch = 0;
  g_autofree char *summary = NULL;
  g_autofree char *json = NULL;

  if (spx == NULL)
    return;
  vix = load ("vix_daily_cboe.csv");
  if (vix == NULL)
    return;

  frame = alvh_market_frame_new_join (spx, vix, NULL, NULL, NULL, G_MININT64, G_MAXINT64);
  /* joined bars: dates both have, 1990-01-02 .. 2026-07-08 */
  g_assert_cmpuint (frame->n, >, 9000);
  g_assert_cmpint (ymd (frame->time[0]), ==, 19900102);
  g_assert_cmpint (ymd (frame->time[frame->n - 1]), ==, 20260708);
  g_assert_true (isnan (frame->vx1[100]));

  ev = alvh_evaluator_new (frame, profile, NULL);
  scan.line = g_string_new (NULL);
  scan.progress_monotonic = TRUE;
  res = alvh_replay_run (ev, &(AlvhReplayOptions) { G_MININT64, G_MAXINT64, ALVH_REPLAY_FLAGS_NONE,
                                                    scan_bar_cb, &scan, progress_cb, &scan }, NULL, &error);
  g_string_free (scan.line, TRUE);
  g_assert_no_error (error);
  g_assert_nonnull (res);

  g_assert_cmpuint (scan.n_bars, ==, frame->n);
  g_assert_cmpuint (res->n_bars, ==, frame->n);
  g_assert_cmpuint (scan.bad_json, ==, 0);
  g_assert_true (scan.progress_monotonic);
  g_assert_cmpuint (scan.progress_calls, >=, 100);
  g_assert_cmpfloat (scan.last_fraction, ==, 1.0);

  /* Volmageddon and the COVID run-up */
  g_assert_cmpuint (scan.iv_fired_feb2018, >=, 2);
  g_assert_cmpuint (scan.iv_fired_feb2020, >=, 3);
  /* July 2017, VIX near its record lows: nothing to do */
  g_assert_cmpuint (scan.july2017_bars, ==, 20);
  g_assert_cmpuint (scan.july2017_not_hold, ==, 0);

  /* trades: one condor about every 24 days, each with a positive credit */
  g_assert_cmpuint (res->trades->len, >, 400);
  g_assert_cmpuint (res->trades->len, <, 520);
  for (guint i = 0; i < res->trades->len; i++)
    {
      const AlvhReplayTrade *t = &g_array_index (res->trades, AlvhReplayTrade, i);
      gint64 dte = alvh_time_calendar_days (t->condor.opened, t->condor.expiry);
      double layer_sum = 0.0;

      g_assert_cmpfloat (t->condor.credit, >, 0.0);
      g_assert_cmpfloat (t->condor.credit, <, 50.0);
      g_assert_cmpint (dte, >=, 45);
      g_assert_cmpint (dte, <, 52);
      g_assert_cmpint (alvh_time_ny_weekday (t->condor.expiry), ==, 5);
      g_assert_cmpfloat (fmod (t->condor.short_put, 5.0), ==, 0.0);
      g_assert_cmpfloat (t->condor.short_put - t->condor.long_put, ==, 50.0);
      g_assert_cmpfloat (t->condor.long_call - t->condor.short_call, ==, 50.0);
      /* a condor loses at most the wing width minus the credit */
      g_assert_cmpfloat (t->condor_pnl, >=, -(50.0 - t->condor.credit) * 100.0 - 1e-6);
      g_assert_cmpfloat (t->condor_pnl, <=, t->condor.credit * 100.0 + 1e-6);
      g_assert_cmpuint (t->n_layers, <=, 3);
      for (guint l = 0; l < t->n_layers; l++)
        layer_sum += t->layer_pnl[l];
      g_assert_cmpfloat_with_epsilon (layer_sum, t->hedge_pnl, 1e-6);
      if (i + 1 < res->trades->len)
        {
          g_assert_false (t->open_at_end);
          g_assert_cmpint (alvh_time_calendar_days (t->close_time, t->condor.expiry), <=, 21);
        }
      sum_condor += t->condor_pnl;
      sum_total += t->condor_pnl + t->hedge_pnl;
      sum_cost += t->hedge_cost;
    }

  /* totals agree with the trades and the equity curves */
  g_assert_cmpfloat_with_epsilon (res->unhedged.total_pnl, sum_condor, 1e-6);
  g_assert_cmpfloat_with_epsilon (res->hedged.total_pnl, sum_total, 1e-6);
  g_assert_cmpfloat_with_epsilon (res->hedged.hedge_cost, sum_cost, 1e-6);
  g_assert_cmpfloat (res->unhedged.hedge_cost, ==, 0.0);
  g_assert_cmpfloat (res->hedged.hedge_cost, >, 0.0);
  g_assert_cmpfloat (res->unhedged.max_drawdown, >, 0.0);
  g_assert_cmpfloat (res->hedged.max_drawdown, >, 0.0);
  g_assert_cmpfloat (res->unhedged.worst_trade, <, 0.0);
  g_assert_cmpfloat (res->unhedged.worst_trade, >=, -5000.0);
  g_assert_cmpfloat (res->equity_unhedged[res->n_bars - 1], ==, res->unhedged.total_pnl);
  for (guint b = 0; b < ALVH_N_BRANCHES; b++)
    adds_by_branch += res->adds_by_branch[b];
  g_assert_cmpuint (adds_by_branch, ==, res->n_add);
  g_assert_cmpuint (scan.adds, ==, res->n_add);
  g_assert_cmpuint (res->adds_by_branch[ALVH_BRANCH_REGIME], ==, 0); /* no events given */
  g_assert_cmpuint (res->adds_by_branch[ALVH_BRANCH_NONE], ==, 0);
  g_assert_cmpuint (res->n_add, >, 100);
  g_assert_cmpuint (res->decisions_by_branch[ALVH_BRANCH_NO_POSITION], ==, 0);
  /* no VX1, no breadth: those signals are never available */
  g_assert_cmpuint (res->available[ALVH_SIGNAL_TERM_INVERSION], ==, 0);
  g_assert_cmpuint (res->available[ALVH_SIGNAL_AD_DIVERGENCE], ==, 0);
  g_assert_cmpuint (res->available[ALVH_SIGNAL_RSI_EXTREME], ==, frame->n - 14);
  g_assert_cmpuint (res->available[ALVH_SIGNAL_MACRO_REGIME], ==, frame->n);

  summary = alvh_replay_result_dup_summary (res);
  g_assert_nonnull (strstr (summary, "Max drawdown"));
  json = alvh_replay_result_to_json (res);
  g_assert_true (g_str_has_prefix (json, "{\"bars\":"));
  g_assert_nonnull (strstr (json, "\"first\":\"1990-01-02\""));
  if (g_test_verbose ())
    g_test_message ("%s", summary);
}

/* A synthetic frame: a calm walk, then a crash */
static AlvhMarketFrame *
synthetic_frame (gsize n)
{
  AlvhMarketFrame *f = alvh_market_frame_new (n);
  gint64 day = alvh_days_from_civil (2010, 1, 4);
  GRand *rand = g_rand_new_with_seed (42);
  double s = 1500.0, v = 15.0;

  for (gsize i = 0; i < n; i++)
    {
      double z = g_rand_double_range (rand, -1.0, 1.0);

      while (alvh_weekday_from_days (day) > 5)
        day++;
      f->time[i] = alvh_time_from_ny_day (day++);
      if (i > n / 2 && i < n / 2 + 10)
        z = -2.5;
      s *= exp (0.015 * z);
      v = CLAMP (v * exp (-3.0 * 0.015 * z) + 0.05 * (15.0 - v), 9.0, 80.0);
      f->open[i] = f->high[i] = f->low[i] = f->close[i] = s;
      f->vix[i] = v;
    }
  g_rand_free (rand);
  return f;
}

/* Keeps the market-only signals of every bar a replay visits */
typedef struct
{
  GArray *time;     /* gint64 */
  GArray *signals;  /* AlvhSignal, ALVH_N_SIGNALS per bar */
  GArray *legs;     /* AlvhDecision of the bars that propose a leg */
} Collect;

static gboolean
collect_bar_cb (gsize               index,
                const AlvhDecision *d,
                AlvhBook           *book,
                gpointer            user_data)
{
  Collect *c = user_data;

  (void) index;
  (void) book;
  g_array_append_val (c->time, d->time);
  g_array_append_vals (c->signals, d->signals, ALVH_N_SIGNALS);
  if (d->has_leg)
    g_array_append_vals (c->legs, d, 1);
  return TRUE;
}

static void
collect_clear (Collect *c)
{
  g_array_unref (c->time);
  g_array_unref (c->signals);
  g_array_unref (c->legs);
}

static Collect
collect_run (AlvhEvaluator *ev,
             gint64         from,
             gint64         to)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhReplayResult) res = NULL;
  Collect c = {
    g_array_new (FALSE, FALSE, sizeof (gint64)),
    g_array_new (FALSE, FALSE, sizeof (AlvhSignal)),
    g_array_new (FALSE, FALSE, sizeof (AlvhDecision)),
  };

  res = alvh_replay_run (ev, &(AlvhReplayOptions) { from, to, ALVH_REPLAY_FLAGS_NONE, collect_bar_cb, &c },
                         NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (res->n_bars, ==, c.time->len);
  return c;
}

/* Section 5 v2: --from limits what is booked, never what is known.  The
 * signals that read only the market are the same on every bar of a replay
 * from 2020-02-20 to 2020-02-24 as in the full run (v1 gave rsi_extreme and
 * vix_macd_cross null there; the full run has 36.70 and 0.615 on 02-24).
 * And on 2020-03-16 the leg expiring 2020-04-15 is struck on VX2 (59.15,
 * the April future), not VX1 (72.625). */
static void
test_real_range_warm_up (void)
{
  static const AlvhSignalId market_only[] = {
    ALVH_SIGNAL_IV_EXPANSION, ALVH_SIGNAL_TERM_INVERSION, ALVH_SIGNAL_RSI_EXTREME,
    ALVH_SIGNAL_AD_DIVERGENCE, ALVH_SIGNAL_VIX_MACD_CROSS, ALVH_SIGNAL_MACRO_REGIME,
  };
  g_autoptr(AlvhSeries) spx = load ("spx_daily_ohlc_1927_2026.csv");
  g_autoptr(AlvhSeries) vix = NULL;
  g_autoptr(AlvhSeries) vx = NULL;
  g_autoptr(AlvhSeries) vvix = NULL;
  g_autoptr(AlvhMarketFrame) frame = NULL;
  g_autoptr(AlvhProfile) profile = alvh_profile_new ();
  g_autoptr(AlvhEvaluator) ev = NULL;
  Collect full, part;
  guint matched = 0;

  if (spx == NULL || (vix = load ("vix_daily_cboe.csv")) == NULL ||
      (vx = load ("vix_futures_term_structure_2007_2021.csv")) == NULL ||
      (vvix = load ("vvix_daily_cboe.csv")) == NULL)
    return;
  frame = alvh_market_frame_new_join (spx, vix, vx, vvix, NULL, G_MININT64, G_MAXINT64);
  ev = alvh_evaluator_new (frame, profile, NULL);

  full = collect_run (ev, G_MININT64, G_MAXINT64);
  part = collect_run (ev, alvh_time_from_ny_date (2020, 2, 20), alvh_time_from_ny_date (2020, 2, 24));
  g_assert_cmpuint (part.time->len, ==, 3);
  for (guint r = 0; r < part.time->len; r++)
    for (guint x = 0; x < full.time->len; x++)
      {
        if (g_array_index (full.time, gint64, x) != g_array_index (part.time, gint64, r))
          continue;
        for (guint k = 0; k < G_N_ELEMENTS (market_only); k++)
          {
            const AlvhSignal *a = &g_array_index (full.signals, AlvhSignal, x * ALVH_N_SIGNALS + market_only[k]);
            const AlvhSignal *b = &g_array_index (part.signals, AlvhSignal, r * ALVH_N_SIGNALS + market_only[k]);

            g_assert_cmpint (a->available, ==, b->available);
            g_assert_cmpint (a->fired, ==, b->fired);
            if (a->available)
              g_assert_cmpfloat (a->value, ==, b->value);
          }
        matched++;
      }
  g_assert_cmpuint (matched, ==, 3);
  {
    const AlvhSignal *last = &g_array_index (part.signals, AlvhSignal, 2 * ALVH_N_SIGNALS);

    g_assert_cmpint (ymd (g_array_index (part.time, gint64, 2)), ==, 20200224);
    g_assert_true (last[ALVH_SIGNAL_RSI_EXTREME].available);
    g_assert_cmpfloat_with_epsilon (last[ALVH_SIGNAL_RSI_EXTREME].value, 36.70, 0.005);
    g_assert_true (last[ALVH_SIGNAL_VIX_MACD_CROSS].available);
    g_assert_cmpfloat_with_epsilon (last[ALVH_SIGNAL_VIX_MACD_CROSS].value, 0.615, 0.0005);
  }

  {
    /* a condor whose short put is breached asks for a leg on 2020-03-16 */
    gssize k = alvh_market_frame_find_le (frame, alvh_time_from_ny_date (2020, 3, 16));
    g_autoptr(AlvhBook) book = alvh_book_new ();
    AlvhCondor c = { 0 };
    AlvhDecision d;

    g_assert_cmpint (ymd (frame->time[k]), ==, 20200316);
    g_assert_cmpfloat (frame->vx1[k], ==, 72.625);
    c.id = 1;
    c.long_put = 2450;
    c.short_put = 2500;
    c.short_call = 3300;
    c.long_call = 3350;
    c.expiry = alvh_time_from_ny_date (2020, 4, 17);
    c.units = 1;
    c.credit = 30;
    c.opened = alvh_time_from_ny_date (2020, 3, 2);
    alvh_book_add_condor (book, &c);
    alvh_evaluator_evaluate (ev, (gsize) k, book, &d);
    g_assert_true (d.has_leg);
    g_assert_cmpint (d.leg.expiry, ==, alvh_time_from_ny_date (2020, 4, 15));
    g_assert_cmpfloat (d.leg_forward, ==, 59.15);
    g_assert_cmpfloat (d.leg.long_strike, ==, 66.0);
    g_assert_cmpfloat_with_epsilon (d.leg_vol, frame->vvix[k] / 100.0, 1e-12);
  }

  collect_clear (&full);
  collect_clear (&part);
}

static void
test_synthetic_and_cancel (void)
{
  g_autoptr(AlvhMarketFrame) f = synthetic_frame (2000);
  g_autoptr(AlvhProfile) p = alvh_profile_new ();
  g_autoptr(AlvhEvaluator) ev = alvh_evaluator_new (f, p, NULL);
  g_autoptr(AlvhReplayResult) res = NULL;
  g_autoptr(AlvhReplayResult) again = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  res = alvh_replay_run (ev, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (res->trades->len, >, 50);
  g_assert_cmpuint (res->n_add, >, 0);
  /* deterministic */
  again = alvh_replay_run (ev, NULL, NULL, &error);
  g_assert_cmpfloat (again->hedged.total_pnl, ==, res->hedged.total_pnl);
  g_assert_cmpuint (again->n_add, ==, res->n_add);
  /* the summary counts in words a person reads, with plurals */
  {
    g_autofree char *summary = alvh_replay_result_dup_summary (res);
    g_autofree char *counts = g_strdup_printf ("%u condor trades; %u hedge layers added (%u on a regime shift, %u on a fixed trigger, %u on confluence); ",
                                               res->trades->len, res->n_add,
                                               res->adds_by_branch[ALVH_BRANCH_REGIME],
                                               res->adds_by_branch[ALVH_BRANCH_FIXED],
                                               res->adds_by_branch[ALVH_BRANCH_CONFLUENCE]);

    g_assert_nonnull (strstr (summary, counts));
    g_assert_null (strstr (summary, "regime %u"));
  }

  g_cancellable_cancel (cancellable);
  g_clear_pointer (&again, alvh_replay_result_unref);
  again = alvh_replay_run (ev, NULL, cancellable, &error);
  g_assert_null (again);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
async_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  AlvhReplayResult **out = user_data;
  g_autoptr(GError) error = NULL;

  (void) source;
  *out = alvh_replay_run_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_async (void)
{
  g_autoptr(AlvhMarketFrame) f = synthetic_frame (1500);
  g_autoptr(AlvhProfile) p = alvh_profile_new ();
  g_autoptr(AlvhEvaluator) ev = alvh_evaluator_new (f, p, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhReplayResult) sync = alvh_replay_run (ev, NULL, NULL, &error);
  AlvhReplayResult *res = NULL;

  g_assert_no_error (error);

  alvh_replay_run_async (ev, NULL, async_done_cb, &res);
  while (res == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpfloat (res->hedged.total_pnl, ==, sync->hedged.total_pnl);
  g_assert_cmpuint (res->n_bars, ==, 1500);
  alvh_replay_result_unref (res);
}

static void
test_no_bars (void)
{
  g_autoptr(AlvhMarketFrame) f = alvh_market_frame_new (0);
  g_autoptr(AlvhProfile) p = alvh_profile_new ();
  g_autoptr(AlvhEvaluator) ev = alvh_evaluator_new (f, p, NULL);
  g_autoptr(GError) error = NULL;
  AlvhReplayResult *res = alvh_replay_run (ev, NULL, NULL, &error);

  g_assert_null (res);
  g_assert_error (error, ALVH_REPLAY_ERROR, ALVH_REPLAY_ERROR_NO_BARS);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/replay/real-history", test_real_history);
  g_test_add_func ("/core/replay/real-range-warm-up", test_real_range_warm_up);
  g_test_add_func ("/core/replay/synthetic-cancel", test_synthetic_and_cancel);
  g_test_add_func ("/core/replay/async", test_async);
  g_test_add_func ("/core/replay/no-bars", test_no_bars);

  return g_test_run ();
}
