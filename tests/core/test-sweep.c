/* test-sweep.c — sweeps, profile batches, walk-forward and trigger attribution
 *
 * Data: $ALVH_SHARED_DATA/spx_daily_ohlc_1927_2026.csv and vix_daily_cboe.csv
 * (the tests on real history skip with a message when they are absent).
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "alvh-core.h"
#include "test-market-util.h"

/* The real history and the default profile; frame is NULL, the test
 * skipped, when the data is absent */
typedef struct
{
  AlvhMarketFrame *frame;
  AlvhProfile     *profile;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(AlvhSeries) spx = test_load_shared_series ("spx_daily_ohlc_1927_2026.csv");
  g_autoptr(AlvhSeries) vix = test_load_shared_series ("vix_daily_cboe.csv");

  f->profile = alvh_profile_new ();
  if (spx == NULL || vix == NULL)
    {
      g_test_skip ("real market data absent: set ALVH_SHARED_DATA to the shared/data folder");
      return;
    }
  f->frame = alvh_market_frame_new_join (spx, vix, NULL, NULL, NULL, G_MININT64, G_MAXINT64);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->frame, alvh_market_frame_unref);
  g_clear_pointer (&f->profile, alvh_profile_unref);
}

static gint64
date (int y, int m, int d)
{
  return alvh_time_from_ny_local (y, m, d, 0, 0, 0);
}

static void
test_axis_parse (void)
{
  g_autoptr(AlvhProfile) p = alvh_profile_new ();
  AlvhSweepAxis axis;
  g_autoptr(GError) error = NULL;
  const struct { const char *text; gint code; } bad[] = {
    { "wing_sdd=0.4:0.9:0.05", ALVH_PROFILE_ERROR_UNKNOWN_KEY },
    { "layer_ratio=1:2:1", ALVH_PROFILE_ERROR_TYPE },        /* a ratio, not a number */
    { "max_layers=1:3:0.5", ALVH_PROFILE_ERROR_TYPE },       /* a whole key, a fractional step */
    { "wing_sd=0.9:0.4:0.05", ALVH_PROFILE_ERROR_RANGE },
    { "wing_sd=0.4:0.9", ALVH_PROFILE_ERROR_PARSE },
    { "short_delta=0:0.5:0.01", ALVH_PROFILE_ERROR_RANGE },
  };

  g_assert_true (alvh_sweep_axis_parse ("wing_sd=0.4:0.9:0.05", &axis, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (axis.key, ==, "wing_sd");
  g_assert_cmpuint (axis.n, ==, 11);
  /* 0.4 + 5 x 0.05 is 0.6500000000000001 in doubles; the axis gives the profile's 0.65 */
  g_assert_true (alvh_sweep_axis_value (&axis, 5) == p->wing_sd);
  g_assert_true (alvh_sweep_axis_value (&axis, 10) == 0.9);

  g_assert_true (alvh_sweep_axis_parse ("max_layers=1:3:1", &axis, NULL));
  g_assert_cmpuint (axis.n, ==, 3);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_false (alvh_sweep_axis_parse (bad[i].text, &axis, &error));
      g_assert_error (error, ALVH_PROFILE_ERROR, bad[i].code);
      g_clear_error (&error);
    }
  /* a misspelt key is answered with the key it resembles */
  g_assert_false (alvh_sweep_axis_parse ("wing_sdd=0.4:0.9:0.05", &axis, &error));
  g_assert_nonnull (strstr (error->message, "wing_sd"));
}

static void
assert_row_is_replay (const AlvhSweepRow     *row,
                      const AlvhReplayResult *res)
{
  g_assert_true (row->valid);
  /* exactly: the same doubles, not nearly */
  g_assert_true (memcmp (&row->hedged, &res->hedged, sizeof row->hedged) == 0);
  g_assert_true (memcmp (&row->unhedged, &res->unhedged, sizeof row->unhedged) == 0);
  g_assert_cmpuint (row->n_trades, ==, res->trades->len);
  g_assert_cmpuint (row->n_add, ==, res->n_add);
  g_assert_cmpuint (row->n_blocked, ==, res->n_blocked);
}

/* @profile replayed over [@from, @to] with @flags; @ev receives the evaluator */
static AlvhReplayResult *
replay (AlvhMarketFrame  *frame,
        AlvhProfile      *profile,
        gint64            from,
        gint64            to,
        AlvhReplayFlags   flags,
        AlvhEvaluator   **ev)
{
  g_autoptr(GError) error = NULL;
  AlvhReplayResult *res;

  *ev = alvh_evaluator_new (frame, profile, NULL);
  res = alvh_replay_run (*ev, &(AlvhReplayOptions) { from, to, flags }, NULL, &error);
  g_assert_no_error (error);
  return res;
}

/* One axis swept over the whole history */
static AlvhSweep *
sweep_all (Fixture    *f,
           const char *axis_text)
{
  g_autoptr(GError) error = NULL;
  AlvhSweepAxis axis;
  AlvhSweep *sweep;

  g_assert_true (alvh_sweep_axis_parse (axis_text, &axis, NULL));
  sweep = alvh_sweep_run (&(AlvhSweepSpec) { f->frame, f->profile, NULL, { axis }, 1, G_MININT64, G_MAXINT64 },
                          NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  return sweep;
}

/* The combination with the profile's own values is the plain replay, in a 2-key sweep on threads. */
static void
test_own_values_row (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(AlvhEvaluator) ev = NULL;
  g_autoptr(AlvhReplayResult) plain = NULL;
  g_autoptr(AlvhSweep) sweep = NULL;
  g_autoptr(GError) error = NULL;
  AlvhSweepAxis axes[2];
  const AlvhSweepRow *own = NULL;
  gint64 from = date (2000, 1, 1), to = date (2012, 12, 31);
  guint n_differ = 0;

  if (f->frame == NULL)
    return;
  g_assert_true (alvh_sweep_axis_parse ("wing_sd=0.55:0.75:0.05", &axes[0], NULL));
  g_assert_true (alvh_sweep_axis_parse ("delta_tolerance=0.1:0.26:0.04", &axes[1], NULL));
  sweep = alvh_sweep_run (&(AlvhSweepSpec) { f->frame, f->profile, NULL, { axes[0], axes[1] }, 2, from, to },
                          NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sweep->rows->len, ==, 5 * 5);
  plain = replay (f->frame, f->profile, from, to, ALVH_REPLAY_FLAGS_NONE, &ev);
  g_assert_cmpint (sweep->first, ==, plain->time[0]);
  g_assert_cmpint (sweep->last, ==, plain->time[plain->n_bars - 1]);
  for (guint r = 0; r < sweep->rows->len; r++)
    {
      const AlvhSweepRow *row = &g_array_index (sweep->rows, AlvhSweepRow, r);

      if (row->values[0] == f->profile->wing_sd && row->values[1] == f->profile->delta_tolerance)
        own = row;
      else if (row->hedged.hedge_cost != plain->hedged.hedge_cost)
        n_differ++;
    }
  g_assert_nonnull (own);
  g_assert_true (own == alvh_sweep_find_row (sweep, 2, 2));
  assert_row_is_replay (own, plain);
  /* the keys matter: most other combinations hedge differently */
  g_assert_cmpuint (n_differ, >=, 20);
}

/* Raising iv_expansion (the fraction IV must expand by to fire) never adds
 * hedges nor hedge cost over 1990-2026 (checked on a 0.01 grid before
 * asserting); raising delta_tolerance never adds hedges. */
static void
test_monotone (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(AlvhSweep) iv = NULL;
  g_autoptr(AlvhSweep) delta = NULL;

  if (f->frame == NULL)
    return;
  iv = sweep_all (f, "iv_expansion=0.05:0.5:0.05");
  for (guint r = 1; r < iv->rows->len; r++)
    {
      const AlvhSweepRow *a = &g_array_index (iv->rows, AlvhSweepRow, r - 1);
      const AlvhSweepRow *b = &g_array_index (iv->rows, AlvhSweepRow, r);

      g_assert_cmpfloat (b->hedged.hedge_cost, <=, a->hedged.hedge_cost);
      g_assert_cmpuint (b->n_add, <=, a->n_add);
    }
  g_assert_cmpfloat (g_array_index (iv->rows, AlvhSweepRow, iv->rows->len - 1).hedged.hedge_cost, <,
                     g_array_index (iv->rows, AlvhSweepRow, 0).hedged.hedge_cost);

  delta = sweep_all (f, "delta_tolerance=0.05:0.5:0.05");
  for (guint r = 1; r < delta->rows->len; r++)
    g_assert_cmpuint (g_array_index (delta->rows, AlvhSweepRow, r).n_add, <=,
                      g_array_index (delta->rows, AlvhSweepRow, r - 1).n_add);
}

/* A batch on threads gives each profile's serial replay, in order. */
static void
test_batch_matches_serial (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GPtrArray) profiles = g_ptr_array_new_with_free_func ((GDestroyNotify) alvh_profile_unref);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  const double wing[] = { 0.5, 0.65, 0.8, 1.0 };
  gint64 from = date (2005, 1, 1), to = date (2011, 12, 31);

  if (f->frame == NULL)
    return;
  for (guint k = 0; k < G_N_ELEMENTS (wing); k++)
    {
      AlvhProfile *p = alvh_profile_new ();
      g_assert_true (alvh_profile_set_value (p, "wing_sd", wing[k], NULL));
      g_ptr_array_add (profiles, p);
    }
  results = alvh_replay_batch_run (f->frame, profiles, NULL, from, to, ALVH_REPLAY_FLAGS_NONE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 4);
  for (guint k = 0; k < G_N_ELEMENTS (wing); k++)
    {
      g_autoptr(AlvhEvaluator) ev = NULL;
      g_autoptr(AlvhReplayResult) serial = replay (f->frame, g_ptr_array_index (profiles, k), from, to,
                                                   ALVH_REPLAY_FLAGS_NONE, &ev);
      AlvhReplayResult *par = g_ptr_array_index (results, k);

      g_assert_cmpuint (par->n_bars, ==, serial->n_bars);
      g_assert_true (memcmp (par->equity_hedged, serial->equity_hedged, serial->n_bars * sizeof (double)) == 0);
      g_assert_true (memcmp (&par->hedged, &serial->hedged, sizeof serial->hedged) == 0);
    }
}

static void
count_cb (guint    done,
          guint    total,
          gpointer user_data)
{
  guint *last = user_data;

  g_assert_cmpuint (done, <=, total);
  g_atomic_int_inc (last);
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  AlvhSweepAxis axis;
  AlvhSweep *sweep;
  guint calls = 0;

  if (f->frame == NULL)
    return;
  g_assert_true (alvh_sweep_axis_parse ("wing_sd=0.4:0.9:0.05", &axis, NULL));
  g_cancellable_cancel (cancellable);
  sweep = alvh_sweep_run (&(AlvhSweepSpec) { f->frame, f->profile, NULL, { axis }, 1, G_MININT64, G_MAXINT64 },
                          count_cb, &calls, cancellable, &error);
  g_assert_null (sweep);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (calls, ==, 11);   /* every job ends, none replays */
}

/* Test windows follow their training windows without overlap, and each
 * window's out-of-sample figures are a plain replay of the chosen values on
 * the test dates alone. */
static void
test_walk_forward (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(AlvhWalkForward) wf = NULL;
  g_autoptr(GError) error = NULL;
  AlvhSweepAxis axes[2];
  double oos = 0.0;

  if (f->frame == NULL)
    return;
  g_assert_true (alvh_sweep_axis_parse ("wing_sd=0.5:0.8:0.15", &axes[0], NULL));
  g_assert_true (alvh_sweep_axis_parse ("delta_tolerance=0.12:0.24:0.06", &axes[1], NULL));
  wf = alvh_walk_forward_run (&(AlvhSweepSpec) { f->frame, f->profile, NULL, { axes[0], axes[1] }, 2,
                                                 date (1990, 1, 1), date (2021, 12, 31) },
                              8, 4, ALVH_OBJECTIVE_PNL_PER_DRAWDOWN, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  /* 1990-01-02 + 8 years, then 4-year test windows up to 2021: 1998, 2002, ..., 2018 */
  g_assert_cmpuint (wf->windows->len, ==, 6);
  for (guint k = 0; k < wf->windows->len; k++)
    {
      const AlvhWalkWindow *w = &g_array_index (wf->windows, AlvhWalkWindow, k);
      g_autoptr(AlvhProfile) chosen = alvh_profile_copy (f->profile);
      g_autoptr(AlvhEvaluator) ev = NULL;
      g_autoptr(AlvhReplayResult) plain = NULL;

      g_assert_cmpint (w->train_from, <, w->train_to);
      g_assert_cmpint (w->train_to, <, w->test_from);
      g_assert_cmpint (w->test_from, <=, w->test_to);
      if (k > 0)
        {
          const AlvhWalkWindow *prev = &g_array_index (wf->windows, AlvhWalkWindow, k - 1);
          g_assert_cmpint (prev->test_to, <, w->test_from);
          g_assert_cmpint (alvh_time_calendar_days (prev->test_to, w->test_from), ==, 1);
        }
      g_assert_true (w->chosen);
      g_assert_true (alvh_profile_set_value (chosen, "wing_sd", w->train.values[0], NULL));
      g_assert_true (alvh_profile_set_value (chosen, "delta_tolerance", w->train.values[1], NULL));
      plain = replay (f->frame, chosen, w->test_from, w->test_to, ALVH_REPLAY_FLAGS_NONE, &ev);
      g_assert_cmpint (plain->time[0], >, w->train_to);
      assert_row_is_replay (&w->test, plain);
      oos += plain->hedged.total_pnl;
    }
  g_assert_false (g_array_index (wf->windows, AlvhWalkWindow, wf->windows->len - 1).partial);
  g_assert_cmpfloat_with_epsilon (wf->oos.total_pnl, oos, 1e-6);
}

static void
test_wilson (void)
{
  double lo, hi;

  /* Newcombe (1998), Statistics in Medicine 17:857-872, table I, method 3 */
  alvh_wilson_interval (81, 263, 1.959963984540054, &lo, &hi);
  g_assert_cmpfloat_with_epsilon (lo, 0.2553, 5e-5);
  g_assert_cmpfloat_with_epsilon (hi, 0.3662, 5e-5);
  alvh_wilson_interval (15, 148, 1.959963984540054, &lo, &hi);
  g_assert_cmpfloat_with_epsilon (lo, 0.0624, 5e-5);
  g_assert_cmpfloat_with_epsilon (hi, 0.1605, 5e-5);
  alvh_wilson_interval (0, 20, 1.959963984540054, &lo, &hi);
  g_assert_cmpfloat (lo, ==, 0.0);
  g_assert_cmpfloat_with_epsilon (hi, 0.1611, 5e-5);
  alvh_wilson_interval (1, 29, 1.959963984540054, &lo, &hi);
  g_assert_cmpfloat_with_epsilon (lo, 0.0061, 5e-5);
  g_assert_cmpfloat_with_epsilon (hi, 0.1718, 5e-5);
}

static void
test_bootstrap (void)
{
  const double same[] = { 3.0, 3.0, 3.0, 3.0 };
  const double spread[] = { -10.0, -2.0, 0.0, 1.0, 4.0, 7.0, 12.0, 20.0 };
  double lo, hi, lo2, hi2;

  alvh_bootstrap_mean_interval (same, 4, 2000, 7, &lo, &hi);
  g_assert_cmpfloat (lo, ==, 3.0);
  g_assert_cmpfloat (hi, ==, 3.0);
  alvh_bootstrap_mean_interval (spread, 8, 2000, 7, &lo, &hi);
  alvh_bootstrap_mean_interval (spread, 8, 2000, 7, &lo2, &hi2);
  g_assert_cmpfloat (lo, ==, lo2);   /* a fixed seed: the same interval */
  g_assert_cmpfloat (hi, ==, hi2);
  g_assert_cmpfloat (lo, <, 4.0);    /* around the mean 4 */
  g_assert_cmpfloat (hi, >, 4.0);
  g_assert_cmpfloat (lo, >, -10.0);
  g_assert_cmpfloat (hi, <, 20.0);
  alvh_bootstrap_mean_interval (spread, 1, 2000, 7, &lo, &hi);
  g_assert_true (isnan (lo) && isnan (hi));
}

/* The default profile replayed over 2000-2012 of the real history, its
 * decisions kept (what the attribution reads); @ev receives the evaluator */
static AlvhReplayResult *
replay_2000_2012 (Fixture        *f,
                  AlvhEvaluator **ev)
{
  return replay (f->frame, f->profile, date (2000, 1, 1), date (2012, 12, 31), ALVH_REPLAY_KEEP_DECISIONS, ev);
}

/* Every hedge of the replay in exactly one combination; costs and P&L add up to the replay's. */
static void
test_attribution_replay (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(AlvhEvaluator) ev = NULL;
  g_autoptr(AlvhReplayResult) res = NULL;
  g_autoptr(GArray) hedges = NULL;
  g_autoptr(AlvhAttribution) attr = NULL;
  g_autoptr(GError) error = NULL;
  double cost = 0.0, pnl = 0.0, legs_pnl = 0.0, saved = 0.0, losing_hedge_pnl = 0.0;
  guint n = 0;

  if (f->frame == NULL)
    return;
  res = replay (f->frame, f->profile, date (2000, 1, 1), date (2012, 12, 31), ALVH_REPLAY_FLAGS_NONE, &ev);
  g_assert_null (alvh_attribution_hedges_from_replay (res, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_clear_pointer (&res, alvh_replay_result_unref);
  g_clear_pointer (&ev, alvh_evaluator_unref);
  res = replay_2000_2012 (f, &ev);
  hedges = alvh_attribution_hedges_from_replay (res, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hedges->len, ==, res->n_add);
  attr = alvh_attribution_compute (hedges);
  g_assert_cmpuint (attr->n_hedges, ==, res->n_add);
  g_assert_cmpuint (attr->by_trigger->len, >=, 3);
  for (guint k = 0; k < attr->by_combination->len; k++)
    {
      const AlvhAttributionRow *r = &g_array_index (attr->by_combination, AlvhAttributionRow, k);

      n += r->n_hedges;
      cost += r->cost;
      pnl += r->pnl;
      saved += r->saved;
      g_assert_cmpfloat (r->hit_low, <=, r->hit_rate);
      g_assert_cmpfloat (r->hit_rate, <=, r->hit_high);
      if (k > 0)
        g_assert_cmpuint (r->n_hedges, <=, g_array_index (attr->by_combination, AlvhAttributionRow, k - 1).n_hedges);
    }
  for (guint l = 0; l < res->legs->len; l++)
    {
      const AlvhReplayLeg *rl = &g_array_index (res->legs, AlvhReplayLeg, l);

      legs_pnl += rl->pnl;
      if (g_array_index (res->trades, AlvhReplayTrade, rl->trade).condor_pnl < 0.0)
        losing_hedge_pnl += rl->pnl;
    }
  g_assert_cmpuint (n, ==, res->n_add);
  g_assert_cmpfloat_with_epsilon (cost, res->hedged.hedge_cost, 1e-6);
  g_assert_cmpfloat_with_epsilon (pnl, legs_pnl, 1e-6);
  g_assert_cmpfloat_with_epsilon (saved, losing_hedge_pnl, 1e-6);
  /* the trigger rows count a hedge once per trigger that fired for it */
  for (guint k = 0; k < attr->by_trigger->len; k++)
    g_assert_cmpuint (g_array_index (attr->by_trigger, AlvhAttributionRow, k).n_hedges, <=, res->n_add);
}


/* The worst stretch: a losing condor fell at least by its loss; each trade's
 * hedges' P&L over it adds up to what the hedged equity gained on the
 * unhedged one over those bars (their marks, the same model). */
static void
test_attribution_worst_stretch (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(AlvhEvaluator) ev = NULL;
  g_autoptr(AlvhReplayResult) res = NULL;
  g_autoptr(GArray) hedges = NULL;
  g_autoptr(GArray) plain = NULL;
  g_autoptr(AlvhAttribution) attr = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree double *by_trade = NULL;
  g_autofree char *json = NULL;
  guint checked = 0, with_hedges = 0, nonzero = 0;
  double total = 0.0, rows = 0.0;

  if (f->frame == NULL)
    return;
  res = replay_2000_2012 (f, &ev);
  hedges = alvh_attribution_hedges_from_replay_marked (res, ev, &error);
  g_assert_no_error (error);
  plain = alvh_attribution_hedges_from_replay (res, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hedges->len, ==, plain->len);
  g_assert_true (isnan (g_array_index (plain, AlvhAttributionHedge, 0).stretch_pnl));
  by_trade = g_new0 (double, res->trades->len);
  for (guint l = 0; l < res->legs->len; l++)
    {
      const AlvhAttributionHedge *h = &g_array_index (hedges, AlvhAttributionHedge, l);

      g_assert_true (isfinite (h->stretch_pnl));
      g_assert_cmpfloat (h->pnl, ==, g_array_index (res->legs, AlvhReplayLeg, l).pnl);
      by_trade[g_array_index (res->legs, AlvhReplayLeg, l).trade] += h->stretch_pnl;
      nonzero += h->stretch_pnl != 0.0;
      total += h->stretch_pnl;
    }
  for (guint t = 0; t < res->trades->len; t++)
    {
      const AlvhReplayTrade *trade = &g_array_index (res->trades, AlvhReplayTrade, t);
      gsize p, q;
      double fall = alvh_attribution_worst_stretch (res, t, &p, &q);
      double gained = (res->equity_hedged[q] - res->equity_unhedged[q]) -
                      (res->equity_hedged[p] - res->equity_unhedged[p]);
      gboolean other_leg_at_q = FALSE;

      g_assert_cmpuint (p, <=, q);
      g_assert_cmpfloat (fall, >=, 0.0);
      g_assert_cmpfloat (fall, ==, res->equity_unhedged[p] - res->equity_unhedged[q]);
      if (!trade->open_at_end && trade->condor_pnl < 0.0)
        g_assert_cmpfloat (fall, >=, -trade->condor_pnl - 0.01);
      /* the next condor's legs bought on the closing bar are in its equity too */
      for (guint l = 0; l < res->legs->len; l++)
        {
          const AlvhReplayLeg *rl = &g_array_index (res->legs, AlvhReplayLeg, l);

          other_leg_at_q |= rl->trade != t && rl->leg.opened >= res->time[q] &&
                            (q + 1 >= res->n_bars || rl->leg.opened < res->time[q + 1]);
        }
      if (trade->n_layers == 0 || other_leg_at_q)
        continue;
      with_hedges++;
      g_assert_cmpfloat (fabs (by_trade[t] - gained), <, 0.01);
      checked++;
    }
  g_assert_cmpuint (with_hedges, >=, 10);
  g_assert_cmpuint (nonzero, >, 0);
  g_assert_cmpuint (checked, ==, with_hedges);

  attr = alvh_attribution_compute (hedges);
  for (guint k = 0; k < attr->by_combination->len; k++)
    rows += g_array_index (attr->by_combination, AlvhAttributionRow, k).saved_stretch;
  g_assert_cmpfloat (fabs (rows - total), <, 1e-6);
  json = alvh_attribution_to_json (attr);
  g_assert_nonnull (strstr (json, "\"saved\":"));
  g_assert_nonnull (strstr (json, "\"saved_worst_stretch\":"));
  g_assert_nonnull (strstr (json, "\"mean_saved_worst_stretch\":["));
  g_clear_pointer (&attr, alvh_attribution_unref);
  g_clear_pointer (&json, g_free);
  /* unknown stretch (journal, plain replay): null, not 0 */
  attr = alvh_attribution_compute (plain);
  json = alvh_attribution_to_json (attr);
  g_assert_nonnull (strstr (json, "\"saved_worst_stretch\":null"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sweep/axis-parse", test_axis_parse);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/sweep/own-values-row", test_own_values_row);
  ADD ("/sweep/monotone", test_monotone);
  ADD ("/sweep/batch-matches-serial", test_batch_matches_serial);
  ADD ("/sweep/cancel", test_cancel);
  ADD ("/sweep/walk-forward", test_walk_forward);
  g_test_add_func ("/sweep/wilson", test_wilson);
  g_test_add_func ("/sweep/bootstrap", test_bootstrap);
  ADD ("/sweep/attribution-replay", test_attribution_replay);
  ADD ("/sweep/attribution-worst-stretch", test_attribution_worst_stretch);
#undef ADD
  return g_test_run ();
}
