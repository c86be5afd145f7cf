/* test-evaluator-signals.c — the signals' n/a rules (ALVH-SPEC.md section 2)
 *
 * When each signal has a value and when it is n/a (never 0): iv_expansion's
 * 48-hour reference bar, term_inversion from the futures or VIX3M, RSI, the
 * VIX MACD, A/D divergence (also on a frame longer than the evaluator's
 * chunks), theta_erosion, wing_proximity and book_delta, on the hand-built
 * frames of test-evaluator-util.h.
 */
#include "config.h"

#include <locale.h>
#include <math.h>

#include "alvh-core.h"
#include "test-evaluator-util.h"

/* Section 2 v2: without VX1, term_inversion is VIX/VIX3M - 1 */
static void
test_term_inversion_vix3m (void)
{
  g_autoptr(AlvhMarketFrame) f = test_eval_frame (TEST_EVAL_N_BARS);
  g_autoptr(AlvhBook) book = alvh_book_new ();
  AlvhDecision d;

  d = test_eval_decide (f, book, NULL, NULL, 10);
  g_assert_false (d.signals[ALVH_SIGNAL_TERM_INVERSION].available);
  f->vix3m[10] = 16.0;   /* VIX 20 over VIX3M 16: inverted by 25 % */
  d = test_eval_decide (f, book, NULL, NULL, 10);
  g_assert_true (d.signals[ALVH_SIGNAL_TERM_INVERSION].available);
  g_assert_cmpfloat_with_epsilon (d.signals[ALVH_SIGNAL_TERM_INVERSION].value, 0.25, 1e-12);
  g_assert_true (d.signals[ALVH_SIGNAL_TERM_INVERSION].fired);
  f->vix3m[10] = 25.0;
  d = test_eval_decide (f, book, NULL, NULL, 10);
  g_assert_cmpfloat_with_epsilon (d.signals[ALVH_SIGNAL_TERM_INVERSION].value, -0.2, 1e-12);
  g_assert_false (d.signals[ALVH_SIGNAL_TERM_INVERSION].fired);
  /* VX1 known: the futures decide, VIX3M is not used */
  f->vx1[10] = 21.0;
  d = test_eval_decide (f, book, NULL, NULL, 10);
  g_assert_cmpfloat_with_epsilon (d.signals[ALVH_SIGNAL_TERM_INVERSION].value, 20.0 / 21.0 - 1.0, 1e-12);
}

static void
test_na_iv_expansion (void)
{
  g_autoptr(AlvhMarketFrame) f = test_eval_frame (TEST_EVAL_N_BARS);
  g_autoptr(AlvhBook) book = alvh_book_new ();
  AlvhDecision d;

  /* bar 0 (Mon) and bar 1 (Tue): no bar 48 h earlier; bar 2 (Wed): bar 0 exactly 48 h */
  d = test_eval_decide (f, book, NULL, NULL, 0);
  g_assert_false (d.signals[ALVH_SIGNAL_IV_EXPANSION].available);
  g_assert_false (d.signals[ALVH_SIGNAL_IV_EXPANSION].fired);
  d = test_eval_decide (f, book, NULL, NULL, 1);
  g_assert_false (d.signals[ALVH_SIGNAL_IV_EXPANSION].available);
  f->vix[2] = 23.0;
  d = test_eval_decide (f, book, NULL, NULL, 2);
  g_assert_true (d.signals[ALVH_SIGNAL_IV_EXPANSION].available);
  g_assert_cmpfloat_with_epsilon (d.signals[ALVH_SIGNAL_IV_EXPANSION].value, 0.15, 1e-12);
  g_assert_true (d.signals[ALVH_SIGNAL_IV_EXPANSION].fired); /* >= 0.15 */
  {
    g_autoptr(AlvhProfile) p = alvh_profile_new ();
    g_autoptr(AlvhEvaluator) ev = alvh_evaluator_new (f, p, NULL);

    /* Monday bar 5: 48 h back is Saturday -> Friday bar 4 */
    g_assert_cmpint (alvh_evaluator_get_ref_index (ev, 5), ==, 4);
    g_assert_cmpint (alvh_evaluator_get_ref_index (ev, 2), ==, 0);
    g_assert_cmpint (alvh_evaluator_get_ref_index (ev, 1), ==, -1);
  }
}

static void
test_na_term_rsi_macd_ad (void)
{
  g_autoptr(AlvhMarketFrame) f = test_eval_frame (TEST_EVAL_N_BARS);
  g_autoptr(AlvhBook) book = alvh_book_new ();
  AlvhDecision d;

  /* term_inversion needs VX1; VX2 optional */
  d = test_eval_decide (f, book, NULL, NULL, 10);
  g_assert_false (d.signals[ALVH_SIGNAL_TERM_INVERSION].available);
  f->vx1[10] = 19.0;
  d = test_eval_decide (f, book, NULL, NULL, 10);
  g_assert_cmpfloat_with_epsilon (d.signals[ALVH_SIGNAL_TERM_INVERSION].value, 20.0 / 19.0 - 1.0, 1e-12);
  g_assert_true (d.signals[ALVH_SIGNAL_TERM_INVERSION].fired);
  f->vx1[10] = 21.0;
  f->vx2[10] = 19.0; /* VX1/VX2 = 1.105 beats VIX/VX1 = 0.952 */
  d = test_eval_decide (f, book, NULL, NULL, 10);
  g_assert_cmpfloat_with_epsilon (d.signals[ALVH_SIGNAL_TERM_INVERSION].value, 21.0 / 19.0 - 1.0, 1e-12);

  /* RSI: n/a before 15 closes (index 14) */
  d = test_eval_decide (f, book, NULL, NULL, 13);
  g_assert_false (d.signals[ALVH_SIGNAL_RSI_EXTREME].available);
  d = test_eval_decide (f, book, NULL, NULL, 14);
  g_assert_true (d.signals[ALVH_SIGNAL_RSI_EXTREME].available);
  /* falling closes -> RSI 0 -> fires */
  for (gsize k = 0; k < f->n; k++)
    f->close[k] = 4000.0 - (double) k;
  d = test_eval_decide (f, book, NULL, NULL, 14);
  g_assert_cmpfloat (d.signals[ALVH_SIGNAL_RSI_EXTREME].value, ==, 0.0);
  g_assert_true (d.signals[ALVH_SIGNAL_RSI_EXTREME].fired);

  /* MACD cross: MACD from bar 25, signal from bar 33, both on two bars from 34 */
  d = test_eval_decide (f, book, NULL, NULL, 33);
  g_assert_false (d.signals[ALVH_SIGNAL_VIX_MACD_CROSS].available);
  d = test_eval_decide (f, book, NULL, NULL, 34);
  g_assert_true (d.signals[ALVH_SIGNAL_VIX_MACD_CROSS].available);

  /* A/D: n/a without breadth */
  d = test_eval_decide (f, book, NULL, NULL, 40);
  g_assert_false (d.signals[ALVH_SIGNAL_AD_DIVERGENCE].available);
  g_assert_false (d.signals[ALVH_SIGNAL_AD_DIVERGENCE].fired);
  /* with breadth: SPX makes a new 20-bar low (falling closes) while A/D stays above its low */
  for (gsize k = 0; k < f->n; k++)
    {
      f->advancers[k] = (k % 2 == 0) ? 1800 : 1200;
      f->decliners[k] = (k % 2 == 0) ? 1200 : 1800;
    }
  d = test_eval_decide (f, book, NULL, NULL, 18);
  g_assert_false (d.signals[ALVH_SIGNAL_AD_DIVERGENCE].available); /* window of 20 not full */
  d = test_eval_decide (f, book, NULL, NULL, 40);
  g_assert_true (d.signals[ALVH_SIGNAL_AD_DIVERGENCE].available);
  g_assert_cmpfloat (d.signals[ALVH_SIGNAL_AD_DIVERGENCE].value, ==, 600.0); /* bar 40 even: +600 */
  g_assert_true (d.signals[ALVH_SIGNAL_AD_DIVERGENCE].fired);
  /* a missing breadth bar inside the window -> n/a */
  f->advancers[35] = NAN;
  d = test_eval_decide (f, book, NULL, NULL, 40);
  g_assert_false (d.signals[ALVH_SIGNAL_AD_DIVERGENCE].available);
}

static void
test_na_theta_wing_delta (void)
{
  g_autoptr(AlvhMarketFrame) f = test_eval_frame (TEST_EVAL_N_BARS);
  g_autoptr(AlvhBook) book = alvh_book_new ();
  AlvhCondor c = test_eval_condor (f, 1, 3800, 4200, 10.0, 1);
  AlvhDecision d;

  /* condor opened after the reference bar -> theta_erosion n/a */
  c.opened = f->time[30]; /* opened at the bar itself: after its reference bar */
  alvh_book_add_condor (book, &c);
  d = test_eval_decide (f, book, NULL, NULL, 30);
  g_assert_false (d.signals[ALVH_SIGNAL_THETA_EROSION].available);
  g_assert_true (d.signals[ALVH_SIGNAL_WING_PROXIMITY].available);
  g_assert_true (d.signals[ALVH_SIGNAL_BOOK_DELTA].available); /* no VIX legs: beta not needed */

  /* opened at the reference bar: available; IV falls 20 -> 16 so X shrinks fast */
  alvh_book_clear (book);
  c.id = 7;
  c.opened = f->time[0];
  alvh_book_add_condor (book, &c);
  for (gsize k = 31; k < f->n; k++)
    f->vix[k] = 16.0;
  d = test_eval_decide (f, book, NULL, NULL, 32);
  {
    g_autoptr(AlvhProfile) p = alvh_profile_new ();
    g_autoptr(AlvhEvaluator) ev = alvh_evaluator_new (f, p, NULL);
    gssize j = alvh_evaluator_get_ref_index (ev, 32);
    double tj = (double) alvh_time_calendar_days (f->time[j], c.expiry) / 365.0;
    double ti = (double) alvh_time_calendar_days (f->time[32], c.expiry) / 365.0;
    double theta_ref, xr, xi, expected;
    gint64 days = alvh_time_calendar_days (f->time[j], f->time[32]);

    xr = alvh_condor_extrinsic (&c, 4000, tj, f->vix[j] / 100, 0.04, 0.013, &theta_ref);
    xi = alvh_condor_extrinsic (&c, 4000, ti, 0.16, 0.04, 0.013, NULL);
    expected = (xr - xi) / (theta_ref * (double) days);
    g_assert_cmpfloat (theta_ref, >, 0.0);
    g_assert_true (d.signals[ALVH_SIGNAL_THETA_EROSION].available);
    g_assert_cmpfloat_with_epsilon (d.signals[ALVH_SIGNAL_THETA_EROSION].value, expected, 1e-9);
    g_assert_cmpfloat (d.signals[ALVH_SIGNAL_THETA_EROSION].value, >=, 1.5);
    g_assert_true (d.signals[ALVH_SIGNAL_THETA_EROSION].fired);
  }

  /* book_delta: with a VIX leg it needs beta (61 bars): n/a at bar 40, available at 70 */
  {
    AlvhLeg leg = test_eval_leg (1, 1, f->time[2], alvh_vix_expiry_first_after (f->time[60], 30));

    alvh_book_add_leg (book, &leg);
    test_eval_wave (f);
    d = test_eval_decide (f, book, NULL, NULL, 40);
    g_assert_false (d.signals[ALVH_SIGNAL_BOOK_DELTA].available);
    g_assert_false (d.signals[ALVH_SIGNAL_BOOK_DELTA].fired);
    d = test_eval_decide (f, book, NULL, NULL, 60);
    g_assert_true (d.signals[ALVH_SIGNAL_BOOK_DELTA].available);
    /* the same number as the book's own greeks, beta-mapped */
    {
      g_autoptr(AlvhProfile) p = alvh_profile_new ();
      g_autoptr(AlvhEvaluator) ev = alvh_evaluator_new (f, p, NULL);
      AlvhMarketState m;
      AlvhBookGreeks g;

      alvh_evaluator_market_state (ev, 60, &m);
      g_assert_true (isfinite (m.beta));
      alvh_book_greeks (book, &m, &g);
      g_assert_cmpfloat (g.vix_delta, >, 0.0);
      g_assert_cmpfloat_with_epsilon (d.signals[ALVH_SIGNAL_BOOK_DELTA].value, g.delta_per_unit, 1e-12);
      g_assert_cmpfloat_with_epsilon (g.vix_delta_spx, g.vix_delta * m.beta * m.vix / m.spx, 1e-12);
    }
  }
}

/* ad_divergence on a frame longer than the chunks the evaluator works its
 * ranges out in (65,536 bars): at every bar around the chunks' seams, and
 * with missing breadth just before one, it says what the A/D line and the
 * ranges over the whole frame say. */
static void
test_ad_divergence_long_frame (void)
{
  const gsize n = 140000;
  g_autoptr(AlvhMarketFrame) f = test_eval_frame (n);
  g_autoptr(AlvhBook) book = alvh_book_new ();
  g_autoptr(AlvhProfile) p = alvh_profile_new ();
  g_autoptr(AlvhEvaluator) ev = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (65536);
  g_autofree double *ad = g_new (double, n);
  g_autofree double *ad_max = g_new (double, n), *ad_min = g_new (double, n);
  g_autofree double *close_max = g_new (double, n), *close_min = g_new (double, n);
  const gsize seams[] = { 65536, 131072 };
  guint n_fired = 0, n_available = 0;
  double s = 4000.0;

  for (gsize i = 0; i < n; i++)
    {
      s *= 1.0 + g_rand_double_range (rand, -0.01, 0.01);
      f->close[i] = s;
      f->advancers[i] = g_rand_double_range (rand, 1000, 2000);
      f->decliners[i] = g_rand_double_range (rand, 1000, 2000);
    }
  /* a gap in the breadth 10 bars before the second seam */
  f->advancers[131062] = NAN;
  alvh_ad_line (f->advancers, f->decliners, n, ad);
  alvh_rolling_range (ad, n, (guint) p->ad_lookback, ad_max, ad_min);
  alvh_rolling_range (f->close, n, (guint) p->ad_lookback, close_max, close_min);
  ev = alvh_evaluator_new (f, p, NULL);
  for (guint k = 0; k < G_N_ELEMENTS (seams); k++)
    for (gsize i = seams[k] - 40; i < seams[k] + 40; i++)
      {
        AlvhDecision d;
        const AlvhSignal *sig = &d.signals[ALVH_SIGNAL_AD_DIVERGENCE];
        gboolean available = isfinite (ad[i]) && isfinite (ad_max[i]) && isfinite (ad_min[i])
                             && isfinite (close_max[i]) && isfinite (close_min[i]);

        alvh_evaluator_evaluate (ev, i, book, &d);
        g_assert_cmpint (sig->available, ==, available);
        if (!available)
          continue;
        n_available++;
        g_assert_cmpfloat (sig->value, ==, ad[i]);
        g_assert_cmpint (sig->fired, ==, (f->close[i] >= close_max[i] && ad[i] < ad_max[i])
                                         || (f->close[i] <= close_min[i] && ad[i] > ad_min[i]));
        n_fired += sig->fired;
      }
  /* the gap leaves the look-back after it unavailable, and the walk fires */
  g_assert_cmpuint (n_available, <, 160);
  g_assert_cmpuint (n_fired, >, 0);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/evaluator/signal/term-inversion-vix3m", test_term_inversion_vix3m);
  g_test_add_func ("/core/evaluator/na/iv-expansion", test_na_iv_expansion);
  g_test_add_func ("/core/evaluator/na/term-rsi-macd-ad", test_na_term_rsi_macd_ad);
  g_test_add_func ("/core/evaluator/na/theta-wing-delta", test_na_theta_wing_delta);
  g_test_add_func ("/core/evaluator/signal/ad-divergence-long-frame", test_ad_divergence_long_frame);

  return g_test_run ();
}
