/* test-position.c — condors, hedge legs and the book */
#include "config.h"

#include <math.h>
#include <string.h>

#include "alvh-core.h"
#include "test-market-util.h"

static AlvhMarketState
make_market (double spx,
             double vix)
{
  AlvhMarketState m = { 0 };

  m.time = alvh_time_from_ny_date (2021, 2, 1);
  m.spx = spx;
  m.iv = vix / 100.0;
  m.vix = vix;
  m.vx1 = NAN;
  m.vix_vol = 0.9;
  m.beta = -4.0;
  m.rate = 0.04;
  m.div_yield = 0.013;
  m.multiplier = 100;
  return m;
}

static void
test_condor_basics (void)
{
  AlvhCondor c = test_make_condor_2021 ();
  double lo, hi, t = 46.0 / 365.0, theta = 0.0, x, v;

  alvh_condor_break_evens (&c, &lo, &hi);
  g_assert_cmpfloat (lo, ==, 3743.5);
  g_assert_cmpfloat (hi, ==, 4256.5);

  /* intrinsic at expiry */
  g_assert_cmpfloat (alvh_condor_intrinsic (&c, 4000), ==, 0.0);
  g_assert_cmpfloat (alvh_condor_intrinsic (&c, 3725), ==, 25.0);
  g_assert_cmpfloat (alvh_condor_intrinsic (&c, 3000), ==, 50.0);
  g_assert_cmpfloat (alvh_condor_intrinsic (&c, 5000), ==, 50.0);

  /* value = short legs - long legs, between 0 and the wing width */
  v = alvh_condor_value (&c, 4000, t, 0.2, 0.04, 0.013);
  g_assert_cmpfloat_with_epsilon (v,
    alvh_bs_price (ALVH_OPTION_PUT, 4000, 3750, t, 0.2, 0.04, 0.013)
    + alvh_bs_price (ALVH_OPTION_CALL, 4000, 4250, t, 0.2, 0.04, 0.013)
    - alvh_bs_price (ALVH_OPTION_PUT, 4000, 3700, t, 0.2, 0.04, 0.013)
    - alvh_bs_price (ALVH_OPTION_CALL, 4000, 4300, t, 0.2, 0.04, 0.013), 1e-10);
  g_assert_cmpfloat (v, >, 0.0);
  g_assert_cmpfloat (v, <, 50.0);

  /* extrinsic: out of the money, X = value; theta_ref positive (seller earns decay) */
  x = alvh_condor_extrinsic (&c, 4000, t, 0.2, 0.04, 0.013, &theta);
  g_assert_cmpfloat_with_epsilon (x, v, 1e-10);
  g_assert_cmpfloat (x, >, 0.0);
  g_assert_cmpfloat (theta, >, 0.0);
  /* X decays by about theta per day */
  {
    double x1 = alvh_condor_extrinsic (&c, 4000, t - 1.0 / 365.0, 0.2, 0.04, 0.013, NULL);
    g_assert_cmpfloat (fabs ((x - x1) - theta), <, 0.05 * theta);
  }
  /* breached put spread: X excludes intrinsic (price - intrinsic per leg) */
  x = alvh_condor_extrinsic (&c, 3720, t, 0.2, 0.04, 0.013, NULL);
  v = alvh_condor_value (&c, 3720, t, 0.2, 0.04, 0.013);
  g_assert_cmpfloat_with_epsilon (x, v - 30.0, 1e-9);
  /* deep below both puts: X is small */
  x = alvh_condor_extrinsic (&c, 2500, t, 0.2, 0.04, 0.013, NULL);
  g_assert_cmpfloat (fabs (x), <, 1.0);
}

/* Adds to @book a 22/27 VIX call spread on condor 1, bought at @m's time
 * for the first VIX expiry 30 days on; returns the leg added */
static AlvhLeg
add_vix_call_spread (AlvhBook              *book,
                     const AlvhMarketState *m,
                     double                 quantity,
                     double                 premium)
{
  AlvhLeg leg = {
    .id = 1,
    .condor_id = 1,
    .kind = ALVH_LEG_VIX_CALL_SPREAD,
    .long_strike = 22,
    .short_strike = 27,
    .expiry = alvh_vix_expiry_first_after (m->time, 30),
    .quantity = quantity,
    .premium = premium,
    .layer = 1,
    .opened = m->time,
  };

  alvh_book_add_leg (book, &leg);
  return leg;
}

static void
test_book_greeks_signs (void)
{
  g_autoptr(AlvhBook) book = alvh_book_new ();
  AlvhCondor c = test_make_condor_2021 ();
  AlvhMarketState m = make_market (4000, 20);
  AlvhBookGreeks g;
  AlvhLeg leg = { 0 };

  alvh_book_add_condor (book, &c);
  alvh_book_greeks (book, &m, &g);
  /* a short condor: short gamma and vega, long theta, about flat delta at the centre */
  g_assert_cmpfloat (g.spx_gamma, <, 0.0);
  g_assert_cmpfloat (g.spx_vega, <, 0.0);
  g_assert_cmpfloat (g.spx_theta, >, 0.0);
  g_assert_cmpfloat (fabs (g.delta_per_unit), <, 0.03);
  g_assert_cmpfloat (g.condor_units, ==, 2.0);
  /* near the short put: long SPX delta; near the short call: short */
  m.spx = 3780;
  alvh_book_greeks (book, &m, &g);
  g_assert_cmpfloat (g.delta_per_unit, >, 0.03);
  m.spx = 4220;
  alvh_book_greeks (book, &m, &g);
  g_assert_cmpfloat (g.delta_per_unit, <, -0.03);

  /* a long VIX call spread: positive VIX delta, mapped to negative SPX delta by beta < 0 */
  m = make_market (4000, 20);
  leg = add_vix_call_spread (book, &m, 3, 1.2);
  alvh_book_greeks (book, &m, &g);
  g_assert_cmpfloat (g.vix_delta, >, 0.0);
  g_assert_cmpfloat (g.vix_delta, <, 3.0);
  g_assert_cmpfloat_with_epsilon (g.vix_delta_spx, g.vix_delta * -4.0 * 20.0 / 4000.0, 1e-12);
  g_assert_cmpfloat (g.vix_delta_spx, <, 0.0);
  {
    AlvhGreeks a, b;
    double t = (double) alvh_time_calendar_days (m.time, leg.expiry) / 365.0;

    alvh_black76_greeks (ALVH_OPTION_CALL, 20, 22, t, 0.9, 0.04, &a);
    alvh_black76_greeks (ALVH_OPTION_CALL, 20, 27, t, 0.9, 0.04, &b);
    g_assert_cmpfloat_with_epsilon (g.vix_delta, 3.0 * (a.delta - b.delta), 1e-12);
  }
  /* beta n/a with VIX legs -> mapped delta NAN */
  m.beta = NAN;
  alvh_book_greeks (book, &m, &g);
  g_assert_true (isnan (g.delta_per_unit));

  /* the book's counters */
  g_assert_cmpuint (alvh_book_count_open_legs (book), ==, 1);
  g_assert_cmpint (alvh_book_last_leg_time (book), ==, m.time);
  g_assert_cmpfloat_with_epsilon (alvh_book_premium_paid (book), 360.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (alvh_book_credit_collected (book), 1300.0, 1e-9);
  g_assert_true (alvh_book_remove_condor (book, 1));
  g_assert_cmpuint (alvh_book_get_n_legs (book), ==, 0); /* legs close with their condor */
}

static void
test_book_mark_payoff (void)
{
  g_autoptr(AlvhBook) book = alvh_book_new ();
  AlvhCondor c = test_make_condor_2021 ();
  AlvhMarketState m = make_market (4000, 20);
  AlvhBookMark mark;
  AlvhHedgeCoverage cov[3];
  double be[8], spx[5] = { 3000, 3743.5, 4000, 4256.5, 5000 }, expiry[5], today[5];
  guint n;

  alvh_book_add_condor (book, &c);
  n = alvh_book_break_evens (book, be, G_N_ELEMENTS (be));
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpfloat_with_epsilon (be[0], 3743.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (be[1], 4256.5, 1e-9);

  alvh_book_mark (book, &m, &mark);
  g_assert_cmpfloat_with_epsilon (mark.condor_credit, 1300.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (mark.condor_pnl, mark.condor_credit - mark.condor_value, 1e-9);
  g_assert_cmpfloat (mark.hedge_value, ==, 0.0);

  alvh_book_payoff (book, &m, spx, 5, expiry, today);
  /* at expiry: max loss (50 - 6.5) x 2 x 100 on both sides, 0 at the break-evens, full credit inside */
  g_assert_cmpfloat_with_epsilon (expiry[0], -8700.0, 1e-6);
  g_assert_cmpfloat_with_epsilon (expiry[1], 0.0, 1e-6);
  g_assert_cmpfloat_with_epsilon (expiry[2], 1300.0, 1e-6);
  g_assert_cmpfloat_with_epsilon (expiry[3], 0.0, 1e-6);
  g_assert_cmpfloat_with_epsilon (expiry[4], -8700.0, 1e-6);
  /* today at spot: the mark */
  g_assert_cmpfloat_with_epsilon (today[2], mark.total_pnl, 1e-6);
  g_assert_cmpfloat (today[0], >, -8700.0);

  /* hedges pay when SPX falls (VIX up through beta) */
  add_vix_call_spread (book, &m, 2, 1.0);
  alvh_book_hedge_coverage (book, &m, cov);
  for (guint k = 0; k < 3; k++)
    {
      g_assert_cmpfloat (cov[k].n_sd, ==, k + 1);
      g_assert_cmpfloat (cov[k].spx, <, 4000);
      g_assert_cmpfloat (cov[k].vix, >, 20);
      g_assert_cmpfloat (cov[k].condor_pnl, <, 0.0);
      g_assert_cmpfloat (cov[k].hedge_pnl, >, 0.0);
      g_assert_cmpfloat (cov[k].coverage, >, 0.0);
      if (k > 0)
        g_assert_cmpfloat (cov[k].hedge_pnl, >, cov[k - 1].hedge_pnl);
    }
  /* 1 SD = S x iv x sqrt(T) with T to the condor's expiry (46 days) */
  g_assert_cmpfloat_with_epsilon (cov[0].spx, 4000 - 4000 * 0.2 * sqrt (46.0 / 365.0), 1e-9);
  g_assert_cmpfloat_with_epsilon (cov[0].vix, 20 * exp (-4.0 * log (cov[0].spx / 4000)), 1e-9);
  alvh_book_payoff (book, &m, spx, 5, NULL, today);
  alvh_book_mark (book, &m, &mark);
  g_assert_cmpfloat_with_epsilon (today[2], mark.total_pnl, 1e-6);
}

/* every kind reads back from its stored text; only VIX calls, call spreads
 * and futures are VIX hedges; copies own their notes */
static void
test_leg_kinds (void)
{
  static const char * const texts[] = {
    "vix_call_spread", "vix_call", "vix_future", "vix_put", "spx_put", "spx_put_spread",
  };
  g_autoptr(AlvhLeg) leg = alvh_leg_new ();
  g_autoptr(AlvhLeg) copy = NULL;
  AlvhLegKind kind;

  g_assert_cmpuint (G_N_ELEMENTS (texts), ==, ALVH_N_LEG_KINDS);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_assert_true (alvh_leg_kind_from_string (texts[i], &kind));
      g_assert_cmpstr (alvh_leg_kind_to_string (kind), ==, texts[i]);
      g_assert_cmpint (alvh_leg_kind_is_vix_hedge (kind), ==,
                       kind == ALVH_LEG_VIX_CALL_SPREAD || kind == ALVH_LEG_VIX_CALL ||
                       kind == ALVH_LEG_VIX_FUTURE);
    }
  g_assert_false (alvh_leg_kind_from_string ("spx_call", &kind));
  /* a name a person reads for every kind, never the stored text */
  g_assert_cmpstr (alvh_leg_kind_get_title (ALVH_LEG_SPX_PUT), ==, "SPX put");
  g_assert_cmpstr (alvh_leg_kind_get_title (ALVH_LEG_SPX_PUT_SPREAD), ==, "SPX put spread");
  g_assert_nonnull (alvh_leg_kind_get_title (ALVH_LEG_VIX_FUTURE));
  g_assert_cmpstr (alvh_leg_kind_get_title (ALVH_LEG_VIX_FUTURE), !=, "vix_future");
  g_assert_false (alvh_leg_kind_from_string (NULL, &kind));

  g_assert_cmpint (leg->kind, ==, ALVH_LEG_VIX_CALL_SPREAD);
  g_assert_true (isnan (leg->short_strike));
  leg->notes = g_strdup ("bought on the CPI print");
  copy = alvh_leg_copy (leg);
  g_assert_true (copy->notes != leg->notes);
  g_assert_cmpstr (copy->notes, ==, leg->notes);
}

/* a coverage as the Evaluator's preview and `alvh whatif` write it */
static void
test_coverage_text (void)
{
  AlvhHedgeCoverage covered = { .n_sd = 1, .condor_pnl = -620, .hedge_pnl = 155, .coverage = 0.25 };
  AlvhHedgeCoverage none = { .n_sd = 1, .condor_pnl = 40, .hedge_pnl = 0, .coverage = NAN };
  g_autofree char *a = alvh_hedge_coverage_dup_text (&covered);
  g_autofree char *b = alvh_hedge_coverage_dup_text (&none);

  g_assert_cmpstr (a, ==, "25% (hedges $155)");
  g_assert_cmpstr (b, ==, "n/a (hedges $0)");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/position/condor", test_condor_basics);
  g_test_add_func ("/core/position/leg-kinds", test_leg_kinds);
  g_test_add_func ("/core/position/greeks-signs", test_book_greeks_signs);
  g_test_add_func ("/core/position/mark-payoff-coverage", test_book_mark_payoff);
  g_test_add_func ("/core/position/coverage-text", test_coverage_text);

  return g_test_run ();
}
