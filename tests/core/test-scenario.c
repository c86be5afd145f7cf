/* test-scenario.c — what-if: the book under a moved market, grid, probabilities */
#include "config.h"

#include <math.h>
#include <string.h>

#include "alvh-core.h"
#include "test-market-util.h"

/* A VIX call spread 25/35 of the April 2021 VIX expiry (VX3 on 2021-02-01). */
static AlvhLeg
make_leg (void)
{
  AlvhLeg l = { 0 };

  l.id = 2;
  l.condor_id = 1;
  l.kind = ALVH_LEG_VIX_CALL_SPREAD;
  l.long_strike = 25;
  l.short_strike = 35;
  l.expiry = alvh_time_from_ny_date (2021, 4, 21);
  l.quantity = 10;
  l.premium = 1.9;
  l.layer = 1;
  l.opened = alvh_time_from_ny_date (2021, 2, 1);
  l.close_price = NAN;
  return l;
}

static AlvhMarketState
make_market (void)
{
  AlvhMarketState m = { 0 };

  m.time = alvh_time_from_ny_date (2021, 2, 1);
  m.spx = 3773.86;
  m.iv = 0.3024;
  m.vix = 30.24;
  m.vx1 = 29.1;
  m.vx[0] = 29.1;
  m.vx[1] = 28.4;
  m.vx[2] = 28.0;
  m.vx[3] = 27.7;
  for (guint k = 4; k < ALVH_VX_TERMS; k++)
    m.vx[k] = NAN;
  m.vix_vol = 1.1;
  m.beta = -4.5;
  m.rate = 0.04;
  m.div_yield = 0.013;
  m.multiplier = 100;
  return m;
}

static AlvhBook *
make_book (gboolean with_leg)
{
  AlvhBook *book = alvh_book_new ();
  AlvhCondor c = test_make_condor_2021 ();
  AlvhLeg l = make_leg ();

  alvh_book_add_condor (book, &c);
  if (with_leg)
    alvh_book_add_leg (book, &l);
  return book;
}

/* The grid's no-move cell is the book's own mark, to the cent (and to the bit). */
static void
test_centre_cell (void)
{
  g_autoptr(AlvhBook) book = make_book (TRUE);
  AlvhMarketState m = make_market ();
  AlvhScenario s;
  AlvhBookMark mark;
  double grid[ALVH_SCENARIO_N_SPX * ALVH_SCENARIO_N_VIX];
  double centre;

  alvh_scenario_init (&s);
  alvh_book_mark (book, &m, &mark);
  alvh_scenario_grid (book, &m, &s, alvh_scenario_default_spx_moves, ALVH_SCENARIO_N_SPX,
                      alvh_scenario_default_vix_moves, ALVH_SCENARIO_N_VIX, grid);
  centre = grid[ALVH_SCENARIO_VIX_ZERO * ALVH_SCENARIO_N_SPX + ALVH_SCENARIO_SPX_ZERO];
  g_assert_cmpfloat (alvh_scenario_default_spx_moves[ALVH_SCENARIO_SPX_ZERO], ==, 0.0);
  g_assert_cmpfloat (alvh_scenario_default_vix_moves[ALVH_SCENARIO_VIX_ZERO], ==, 0.0);
  g_assert_cmpfloat (round (centre * 100), ==, round (mark.total_pnl * 100));
  g_assert_cmpfloat (centre, ==, mark.total_pnl);

  /* the corners: SPX -10 % with VIX +150 % hurts the condor and pays the
   * hedge; the hedge leg alone is worth more with VIX up at any SPX */
  g_assert_cmpfloat (grid[0 * ALVH_SCENARIO_N_SPX + 0], <, centre);
  for (guint c = 0; c < ALVH_SCENARIO_N_SPX; c++)
    g_assert_cmpfloat (grid[1 * ALVH_SCENARIO_N_SPX + c], !=, grid[6 * ALVH_SCENARIO_N_SPX + c]);
}

/* At the condor's expiry the curve is its expiry payoff (credit - intrinsic)
 * and agrees with alvh_book_payoff()'s at-expiry curve, hedge included. */
static void
test_curve_at_expiry (void)
{
  g_autoptr(AlvhBook) condor_only = make_book (FALSE);
  g_autoptr(AlvhBook) book = make_book (TRUE);
  AlvhMarketState m = make_market ();
  AlvhScenario s;
  const double spx[] = { 3000, 3725, 3743.5, 3750, 4000, 4256.5, 4275, 5000 };
  const double by_hand[] = { -8700, -3700, 0, 1300, 1300, 0, -3700, -8700 };
  double pnl[G_N_ELEMENTS (spx)], expiry[G_N_ELEMENTS (spx)], scen[G_N_ELEMENTS (spx)];

  alvh_scenario_init (&s);
  s.time = test_make_condor_2021 ().expiry;
  alvh_scenario_curve (condor_only, &m, &s, spx, G_N_ELEMENTS (spx), pnl);
  for (guint j = 0; j < G_N_ELEMENTS (spx); j++)
    g_assert_cmpfloat_with_epsilon (pnl[j], by_hand[j], 1e-6);

  /* with the hedge, VIX following SPX by beta: the book's own expiry curve */
  s.vix_move = NAN;
  alvh_book_payoff (book, &m, spx, G_N_ELEMENTS (spx), expiry, NULL);
  alvh_scenario_curve (book, &m, &s, spx, G_N_ELEMENTS (spx), scen);
  for (guint j = 0; j < G_N_ELEMENTS (spx); j++)
    g_assert_cmpfloat_with_epsilon (scen[j], expiry[j], 1e-6);
  /* and the hedge adds value on the way down */
  g_assert_cmpfloat (scen[0] - pnl[0], >, 0.0);
}

/* Rolling the date keeps the leg's own future (VX3 now, VX2 in March). */
static void
test_date_roll (void)
{
  g_autoptr(AlvhBook) book = make_book (TRUE);
  g_autoptr(AlvhBook) leg_only = alvh_book_new ();
  AlvhMarketState m = make_market (), moved;
  AlvhLeg l = make_leg ();
  AlvhScenario s;
  AlvhBookMark mark;
  double t, expected;

  alvh_book_add_leg (leg_only, &l);
  alvh_scenario_init (&s);
  s.time = alvh_time_from_ny_date (2021, 3, 1);
  alvh_scenario_apply (book, &m, &s, &moved);
  g_assert_cmpfloat (alvh_market_state_vix_forward (&moved, l.expiry), ==, 28.0);
  alvh_scenario_mark (leg_only, &m, &s, &mark);
  t = 51.0 / 365.0;   /* 2021-03-01 .. 2021-04-21 */
  expected = (alvh_black76_price (ALVH_OPTION_CALL, 28.0, 25, t, 1.1, 0.04)
              - alvh_black76_price (ALVH_OPTION_CALL, 28.0, 35, t, 1.1, 0.04) - 1.9) * 10 * 100;
  g_assert_cmpfloat_with_epsilon (mark.total_pnl, expected, 1e-9);

  /* VIX +50 %: that future too */
  s.vix_move = 0.5;
  alvh_scenario_apply (book, &m, &s, &moved);
  g_assert_cmpfloat_with_epsilon (alvh_market_state_vix_forward (&moved, l.expiry), 42.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (moved.iv, 0.3024 * 1.5, 1e-15);
}

/* Hull, Options, Futures and Other Derivatives, example 15.6 (S 42, K 40,
 * r 10 %, sigma 20 %, T 0.5): d2 = 0.6278, N(d2) = 0.7349. */
static void
test_prob_above_textbook (void)
{
  g_assert_cmpfloat_with_epsilon (alvh_scenario_prob_above (42, 40, 0.5, 0.2, 0.10, 0.0), 0.7349, 1e-4);
  g_assert_cmpfloat (alvh_scenario_prob_above (42, 40, 0.0, 0.2, 0.10, 0.0), ==, 1.0);
}

/* Touching: with zero drift (r - q = sigma^2 / 2) the reflection principle
 * gives twice the probability of ending beyond the level. */
static void
test_prob_touch (void)
{
  double sigma = 0.2, t = 30.0 / 365.0, r = 0.5 * sigma * sigma;
  double below = 1.0 - alvh_scenario_prob_above (4000, 3800, t, sigma, r, 0.0);
  double above = alvh_scenario_prob_above (4000, 4200, t, sigma, r, 0.0);

  g_assert_cmpfloat_with_epsilon (alvh_scenario_prob_touch (4000, 3800, t, sigma, r, 0.0), 2 * below, 1e-12);
  g_assert_cmpfloat_with_epsilon (alvh_scenario_prob_touch (4000, 4200, t, sigma, r, 0.0), 2 * above, 1e-12);
  /* with an upward drift (r - q > sigma^2 / 2) a path that touched a lower
   * level ends below it less than half the time, one that touched a higher
   * level more than half the time */
  below = 1.0 - alvh_scenario_prob_above (4000, 3800, t, sigma, 0.04, 0.013);
  above = alvh_scenario_prob_above (4000, 4200, t, sigma, 0.04, 0.013);
  g_assert_cmpfloat (alvh_scenario_prob_touch (4000, 3800, t, sigma, 0.04, 0.013), >, 2 * below);
  g_assert_cmpfloat (alvh_scenario_prob_touch (4000, 4200, t, sigma, 0.04, 0.013), <, 2 * above);
  g_assert_cmpfloat (alvh_scenario_prob_touch (4000, 4200, t, sigma, 0.04, 0.013), >, above);
  g_assert_cmpfloat (alvh_scenario_prob_touch (4000, 4000, t, sigma, 0.04, 0.013), ==, 1.0);
}

/* A condor held to expiry profits between its break-evens:
 * P = N(d2(lower)) - N(d2(upper)) at the scenario's vol. */
static void
test_prob_profit_condor (void)
{
  g_autoptr(AlvhBook) book = make_book (FALSE);
  AlvhMarketState m = make_market ();
  AlvhCondor c = test_make_condor_2021 ();
  AlvhScenario s;
  double lo, hi, t = 46.0 / 365.0, expected, p;

  alvh_scenario_init (&s);
  alvh_condor_break_evens (&c, &lo, &hi);
  expected = alvh_scenario_prob_above (m.spx, lo, t, m.iv, m.rate, m.div_yield)
           - alvh_scenario_prob_above (m.spx, hi, t, m.iv, m.rate, m.div_yield);
  p = alvh_scenario_prob_profit (book, &m, &s);   /* date 0: the condor's expiry */
  g_assert_cmpfloat_with_epsilon (p, expected, 1e-8);
  g_assert_cmpfloat (p, >, 0.3);
  g_assert_cmpfloat (p, <, 0.9);

  /* 5 vol points more: wider distribution, less likely to end inside */
  s.iv_shift = 0.05;
  g_assert_cmpfloat (alvh_scenario_prob_profit (book, &m, &s), <, p);
}

/* The proposed leg's coverage change at -1/-2/-3 SD: the leg's own revaluation
 * at F x exp(beta ln(S'/S)), by hand with Black-76. */
static void
test_coverage_change (void)
{
  g_autoptr(AlvhBook) book = make_book (FALSE);
  g_autoptr(AlvhBook) with = NULL;
  AlvhMarketState m = make_market ();
  AlvhLeg l = make_leg ();
  AlvhHedgeCoverage before[3], after[3];
  double t = 79.0 / 365.0;   /* 2021-02-01 .. 2021-04-21 */

  with = alvh_scenario_with_leg (book, &l);
  g_assert_cmpuint (alvh_book_get_n_legs (with), ==, 1);
  g_assert_cmpuint (alvh_book_get_n_legs (book), ==, 0);
  alvh_book_hedge_coverage (book, &m, before);
  alvh_book_hedge_coverage (with, &m, after);
  for (guint k = 0; k < 3; k++)
    {
      double factor = exp (-4.5 * log (after[k].spx / m.spx));
      double f = 28.0 * factor;
      double gain = (alvh_black76_price (ALVH_OPTION_CALL, f, 25, t, 1.1, 0.04)
                     - alvh_black76_price (ALVH_OPTION_CALL, f, 35, t, 1.1, 0.04)
                     - alvh_black76_price (ALVH_OPTION_CALL, 28.0, 25, t, 1.1, 0.04)
                     + alvh_black76_price (ALVH_OPTION_CALL, 28.0, 35, t, 1.1, 0.04)) * 10 * 100;

      g_assert_cmpfloat (before[k].hedge_pnl, ==, 0.0);
      g_assert_cmpfloat (before[k].condor_pnl, ==, after[k].condor_pnl);
      g_assert_cmpfloat_with_epsilon (after[k].hedge_pnl, gain, 1e-6);
      g_assert_cmpfloat (after[k].coverage, >, 0.0);
    }
  /* the hedge covers more of a deeper fall */
  g_assert_cmpfloat (after[2].hedge_pnl, >, after[0].hedge_pnl);
}

/* Per position: the condor's and the leg's P&L sum to the book's. */
static void
test_position_greeks (void)
{
  g_autoptr(AlvhBook) book = make_book (TRUE);
  g_autoptr(GArray) g = NULL;
  AlvhMarketState m = make_market ();
  AlvhScenario s;
  AlvhBookMark mark;
  AlvhBookGreeks bg;

  alvh_scenario_init (&s);
  g = alvh_scenario_position_greeks (book, &m, &s);
  g_assert_cmpuint (g->len, ==, 2);
  alvh_book_mark (book, &m, &mark);
  alvh_book_greeks (book, &m, &bg);
  g_assert_cmpfloat_with_epsilon (g_array_index (g, AlvhScenarioGreeks, 0).pnl
                                  + g_array_index (g, AlvhScenarioGreeks, 1).pnl, mark.total_pnl, 1e-6);
  g_assert_cmpfloat_with_epsilon (g_array_index (g, AlvhScenarioGreeks, 0).delta
                                  + g_array_index (g, AlvhScenarioGreeks, 1).delta, bg.total_delta * 100, 1e-6);
  g_assert_true (g_array_index (g, AlvhScenarioGreeks, 0).is_condor);
  /* the hedge's delta in SPX terms is negative (VIX rises as SPX falls) */
  g_assert_cmpfloat (g_array_index (g, AlvhScenarioGreeks, 1).delta, <, 0.0);
}

/* An evaluator over the real SPX/VIX history and its market state at the
 * bar of y-mo-d, whose SPX close must be @spx; NULL (the test skipped) when
 * the shared data is absent */
static AlvhEvaluator *
real_evaluator_at (int              y,
                   int              mo,
                   int              d,
                   double           spx_close,
                   gssize          *i,
                   AlvhMarketState *m)
{
  g_autoptr(AlvhSeries) spx = test_load_shared_series ("spx_daily_ohlc_1927_2026.csv");
  g_autoptr(AlvhSeries) vix = test_load_shared_series ("vix_daily_cboe.csv");
  g_autoptr(AlvhMarketFrame) frame = NULL;
  g_autoptr(AlvhProfile) profile = NULL;
  AlvhEvaluator *ev;

  if (spx == NULL || vix == NULL)
    {
      g_test_skip ("shared market data absent (set ALVH_SHARED_DATA)");
      return NULL;
    }
  frame = alvh_market_frame_new_join (spx, vix, NULL, NULL, NULL, G_MININT64, G_MAXINT64);
  profile = alvh_profile_new ();
  ev = alvh_evaluator_new (frame, profile, NULL);
  *i = alvh_market_frame_find_le (frame, alvh_time_from_ny_date (y, mo, d));
  g_assert_cmpint (*i, >=, 0);
  alvh_evaluator_market_state (ev, (gsize) *i, m);
  g_assert_cmpfloat_with_epsilon (m->spx, spx_close, 0.005);
  return ev;
}

/* Issue 15's condor: 2 units of SPX 3000/3100/3450/3550 expiring
 * 2020-03-20, opened 2020-02-03 for 12.50 */
static AlvhCondor
condor_2020 (void)
{
  AlvhCondor c = { 0 };

  c.id = 1;
  c.long_put = 3000;
  c.short_put = 3100;
  c.short_call = 3450;
  c.long_call = 3550;
  c.units = 2;
  c.credit = 12.5;
  c.expiry = alvh_time_from_ny_date (2020, 3, 20);
  c.opened = alvh_time_from_ny_date (2020, 2, 3);
  return c;
}

/* Real market: the no-move cell equals the book's mark on the evaluator's
 * market state of 2020-02-14 (SPX, VIX and the fitted beta from the series). */
static void
test_real_market_centre (void)
{
  g_autoptr(AlvhEvaluator) ev = NULL;
  g_autoptr(AlvhBook) book = alvh_book_new ();
  AlvhCondor c = condor_2020 ();
  AlvhMarketState m;
  AlvhBookMark mark;
  AlvhScenario s;
  double grid[ALVH_SCENARIO_N_SPX * ALVH_SCENARIO_N_VIX];
  gssize i;

  ev = real_evaluator_at (2020, 2, 14, 3380.16, &i, &m);
  if (ev == NULL)
    return;
  g_assert_true (isfinite (m.beta));
  g_assert_cmpfloat (m.beta, <, 0.0);
  alvh_book_add_condor (book, &c);
  alvh_book_mark (book, &m, &mark);
  alvh_scenario_init (&s);
  alvh_scenario_grid (book, &m, &s, alvh_scenario_default_spx_moves, ALVH_SCENARIO_N_SPX,
                      alvh_scenario_default_vix_moves, ALVH_SCENARIO_N_VIX, grid);
  g_assert_cmpfloat (round (100 * grid[ALVH_SCENARIO_VIX_ZERO * ALVH_SCENARIO_N_SPX + ALVH_SCENARIO_SPX_ZERO]),
                     ==, round (100 * mark.total_pnl));
  /* SPX -10 % on 2020-02-14 (3042): the short put is 58 points in the money */
  g_assert_cmpfloat (grid[ALVH_SCENARIO_VIX_ZERO * ALVH_SCENARIO_N_SPX + 0], <, mark.total_pnl - 5000);
}

/* Real market, 2020-02-24: a condor near its short put and an SPX put, one
 * of the book's other legs.  The put is in every total once, at its
 * Black-Scholes value at the moved SPX and vol, with no list of legs handed
 * to the scenario (the book holds it, as the ledger does); the
 * evaluator's proposed leg changes a grid cell by its own Black-76 value on
 * the moved future, and leaves the no-move cell alone (bought at that value). */
static void
test_real_other_and_proposed (void)
{
  g_autoptr(AlvhEvaluator) ev = NULL;
  g_autoptr(AlvhBook) book = alvh_book_new ();
  g_autoptr(AlvhBook) held = NULL;
  g_autoptr(AlvhBook) with = NULL;
  g_autoptr(GArray) greeks = NULL;
  g_autoptr(AlvhDecision) d = NULL;
  AlvhCondor c = condor_2020 ();
  AlvhLeg put = { 0 }, leg;
  AlvhMarketState m, moved;
  AlvhBookMark mark, plain, own;
  AlvhScenario s;
  double grid[ALVH_SCENARIO_N_SPX * ALVH_SCENARIO_N_VIX], with_grid[ALVH_SCENARIO_N_SPX * ALVH_SCENARIO_N_VIX];
  double t, expected, f;
  const guint row = 5, col = 2;   /* VIX +100 %, SPX -5 % */
  gssize i;

  ev = real_evaluator_at (2020, 2, 24, 3225.89, &i, &m);
  if (ev == NULL)
    return;
  alvh_book_add_condor (book, &c);
  put.id = 4;
  put.kind = ALVH_LEG_SPX_PUT;
  put.long_strike = 2900;
  put.short_strike = NAN;
  put.expiry = alvh_time_from_ny_date (2020, 3, 31);
  put.quantity = 1;
  put.premium = 20;
  put.opened = alvh_time_from_ny_date (2020, 2, 14);
  put.close_price = NAN;
  held = alvh_book_copy (book);
  alvh_book_add_leg (held, &put);
  g_assert_cmpuint (alvh_book_get_n_legs (held), ==, 0);
  g_assert_cmpuint (alvh_book_get_n_other_legs (held), ==, 1);

  /* the put in the totals: no move, and SPX -5 % with VIX (and the SPX vol) +100 % */
  alvh_scenario_init (&s);
  alvh_book_mark (book, &m, &plain);
  alvh_scenario_mark (held, &m, &s, &mark);
  /* one valuation: the book's own mark is the what-if's with no move */
  alvh_book_mark (held, &m, &own);
  g_assert_cmpfloat (own.total_pnl, ==, mark.total_pnl);
  g_assert_cmpfloat (own.hedge_premium, ==, plain.hedge_premium + 20 * 100);
  t = (double) alvh_time_calendar_days (m.time, put.expiry) / 365.0;
  expected = (alvh_bs_price (ALVH_OPTION_PUT, m.spx, 2900, t, m.iv, m.rate, m.div_yield) - 20) * 100;
  g_test_message ("2020-02-24: condor %.2f, SPX put %.2f", plain.total_pnl, expected);
  g_assert_cmpfloat (fabs (mark.total_pnl - plain.total_pnl - expected), <, 1e-6);
  g_assert_cmpfloat (fabs (mark.hedge_pnl - plain.hedge_pnl - expected), <, 1e-6);
  alvh_scenario_grid (held, &m, &s, alvh_scenario_default_spx_moves, ALVH_SCENARIO_N_SPX,
                      alvh_scenario_default_vix_moves, ALVH_SCENARIO_N_VIX, grid);
  g_assert_cmpfloat (grid[ALVH_SCENARIO_VIX_ZERO * ALVH_SCENARIO_N_SPX + ALVH_SCENARIO_SPX_ZERO], ==, mark.total_pnl);
  s.spx_move = alvh_scenario_default_spx_moves[col];
  s.vix_move = alvh_scenario_default_vix_moves[row];
  alvh_scenario_apply (book, &m, &s, &moved);
  alvh_book_mark (book, &moved, &plain);
  expected = (alvh_bs_price (ALVH_OPTION_PUT, m.spx * 0.95, 2900, t, m.iv * 2.0, m.rate, m.div_yield) - 20) * 100;
  g_assert_cmpfloat (fabs (grid[row * ALVH_SCENARIO_N_SPX + col] - plain.total_pnl - expected), <, 1e-6);
  /* the payoff graph counts it too: today at the spot is the mark with the
   * put, at the condor's expiry (2020-03-20) the put adds its value there */
  {
    double levels[2] = { m.spx, m.spx * 0.9 }, today[2], at_expiry[2], book_today[2], book_expiry[2];
    double t_exp = (double) alvh_time_calendar_days (alvh_time_from_ny_day (alvh_time_ny_day (c.expiry)), put.expiry) / 365.0;

    alvh_book_payoff (book, &m, levels, 2, book_expiry, book_today);
    alvh_scenario_payoff (held, &m, levels, 2, at_expiry, today);
    g_assert_cmpfloat (fabs (today[0] - mark.total_pnl), <, 1e-6);
    expected = (alvh_bs_price (ALVH_OPTION_PUT, levels[1], 2900, t_exp, m.iv, m.rate, m.div_yield) - 20) * 100;
    g_test_message ("payoff at expiry, SPX %.2f: condor %.2f, SPX put %.2f", levels[1], book_expiry[1], expected);
    g_assert_cmpfloat (fabs (at_expiry[1] - book_expiry[1] - expected), <, 1e-6);
  }
  /* its greeks are listed, after the condor: a long put's */
  alvh_scenario_init (&s);
  greeks = alvh_scenario_position_greeks (held, &m, &s);
  g_assert_cmpuint (greeks->len, ==, 2);
  g_assert_true (g_array_index (greeks, AlvhScenarioGreeks, 1).is_other);
  g_assert_cmpint (g_array_index (greeks, AlvhScenarioGreeks, 1).kind, ==, ALVH_LEG_SPX_PUT);
  {
    AlvhGreeks g;

    alvh_bs_greeks (ALVH_OPTION_PUT, m.spx, 2900, t, m.iv, m.rate, m.div_yield, &g);
    g_assert_cmpfloat (fabs (g_array_index (greeks, AlvhScenarioGreeks, 1).delta - g.delta * 100), <, 1e-9);
    g_assert_cmpfloat (fabs (g_array_index (greeks, AlvhScenarioGreeks, 1).vega - g.vega * 100), <, 1e-9);
  }

  /* the evaluator's leg on that bar: a grid cell moves by the leg's own value */
  d = alvh_decision_new ();
  alvh_evaluator_evaluate (ev, (gsize) i, book, d);
  g_assert_cmpint (d->action, ==, ALVH_ACTION_ADD);
  g_assert_true (d->has_leg);
  leg = d->leg;
  leg.notes = NULL;
  leg.quantity = d->size;
  with = alvh_scenario_with_leg (held, &leg);
  g_assert_cmpuint (alvh_book_get_n_legs (with), ==, 1);
  g_assert_cmpuint (alvh_book_get_n_other_legs (with), ==, 1);
  alvh_scenario_grid (with, &m, &s, alvh_scenario_default_spx_moves, ALVH_SCENARIO_N_SPX,
                      alvh_scenario_default_vix_moves, ALVH_SCENARIO_N_VIX, with_grid);
  f = alvh_market_state_vix_forward (&m, leg.expiry) * 2.0;
  t = (double) alvh_time_calendar_days (m.time, leg.expiry) / 365.0;
  expected = (alvh_black76_price (ALVH_OPTION_CALL, f, leg.long_strike, t, m.vix_vol, m.rate)
              - alvh_black76_price (ALVH_OPTION_CALL, f, leg.short_strike, t, m.vix_vol, m.rate)
              - leg.premium) * 100 * d->size;
  g_test_message ("proposed %g x %g/%g: +%.2f at SPX -5 %%, VIX +100 %%", d->size, leg.long_strike, leg.short_strike,
                  expected);
  g_assert_cmpfloat (expected, >, 0.0);
  g_assert_cmpfloat (fabs (with_grid[row * ALVH_SCENARIO_N_SPX + col] - grid[row * ALVH_SCENARIO_N_SPX + col] - expected),
                     <, 1e-6);
  g_assert_cmpfloat (fabs (with_grid[ALVH_SCENARIO_VIX_ZERO * ALVH_SCENARIO_N_SPX + ALVH_SCENARIO_SPX_ZERO] -
                           grid[ALVH_SCENARIO_VIX_ZERO * ALVH_SCENARIO_N_SPX + ALVH_SCENARIO_SPX_ZERO]), <, 1e-6);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/scenario/centre-cell", test_centre_cell);
  g_test_add_func ("/scenario/curve-at-expiry", test_curve_at_expiry);
  g_test_add_func ("/scenario/date-roll", test_date_roll);
  g_test_add_func ("/scenario/prob-above-textbook", test_prob_above_textbook);
  g_test_add_func ("/scenario/prob-touch", test_prob_touch);
  g_test_add_func ("/scenario/prob-profit-condor", test_prob_profit_condor);
  g_test_add_func ("/scenario/coverage-change", test_coverage_change);
  g_test_add_func ("/scenario/position-greeks", test_position_greeks);
  g_test_add_func ("/scenario/real-market-centre", test_real_market_centre);
  g_test_add_func ("/scenario/real-other-and-proposed", test_real_other_and_proposed);
  return g_test_run ();
}
