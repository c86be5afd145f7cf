/* test-evaluator-book.c — the hedge legs the evaluator proposes and marks, and
 * book_delta over the whole book
 *
 * A proposed leg is priced on its own VX future and marked at its price on
 * the bar it is bought (ALVH-SPEC.md section 4); book_delta is the book's own
 * greeks' delta per unit however many legs, expiries and other legs the book
 * holds, beyond what the evaluator's hedge memo keeps at once (section 2).
 */
#include "config.h"

#include <locale.h>
#include <math.h>

#include "alvh-core.h"
#include "alvh-evaluator-private.h"
#include "test-evaluator-util.h"
#include "test-market-util.h"

/* n weekday bars ending on y-m-d, SPX 3000, VIX 30 */
static AlvhMarketFrame *
make_frame_ending (gsize n,
                   int   y,
                   int   m,
                   int   d)
{
  AlvhMarketFrame *f = alvh_market_frame_new (n);
  gint64 day = alvh_days_from_civil (y, m, d);

  for (gsize k = n; k-- > 0;)
    {
      while (alvh_weekday_from_days (day) > 5)
        day--;
      f->time[k] = alvh_time_from_ny_day (day);
      f->open[k] = f->high[k] = f->low[k] = f->close[k] = 3000.0;
      f->vix[k] = 30.0;
      day--;
    }
  return f;
}

/* Section 4 v2: on 2020-03-16 the first VIX expiry 30+ days out is
 * 2020-04-15, the April future: VX2 (59.15), not VX1 (72.625, the March
 * future expiring 2020-03-18).  Long strike ceil(59.15 x 1.1) = 66.  On
 * 2020-03-17 April is 29 days out, so the leg is May's: VX3. */
static void
test_leg_own_future (void)
{
  g_autoptr(AlvhMarketFrame) f = make_frame_ending (80, 2020, 3, 17);
  g_autoptr(AlvhBook) book = alvh_book_new ();
  g_autoptr(AlvhProfile) p = alvh_profile_new ();
  g_autoptr(AlvhEvaluator) ev = NULL;
  AlvhCondor c = test_eval_condor (f, 1, 2950, 3500, 40.0, 1);   /* short put inside 0.65 SD: fixed */
  gsize i = 78;
  AlvhDecision d;
  AlvhMarketState ms;
  double mark;

  g_autofree char *date = alvh_time_format_ny_date (f->time[i]);

  g_assert_cmpstr (date, ==, "2020-03-16");
  f->vix[i] = 82.69;
  f->vx[0][i] = 72.625;
  f->vx[1][i] = 59.15;
  f->vx[2][i] = 44.875;
  f->vvix[i] = 207.59;
  f->vix[i + 1] = 75.91;
  f->vx[0][i + 1] = 68.825;
  f->vx[1][i + 1] = 61.425;
  f->vx[2][i + 1] = 48.7;
  alvh_book_add_condor (book, &c);
  ev = alvh_evaluator_new (f, p, NULL);

  alvh_evaluator_evaluate (ev, i, book, &d);
  g_assert_cmpint (d.action, !=, ALVH_ACTION_HOLD);
  g_assert_true (d.has_leg);
  g_assert_cmpint (d.leg.expiry, ==, alvh_time_from_ny_date (2020, 4, 15));
  g_assert_cmpfloat (d.leg_forward, ==, 59.15);
  g_assert_cmpfloat (d.leg.long_strike, ==, 66.0);
  g_assert_cmpfloat (d.leg.short_strike, ==, 71.0);
  g_assert_cmpfloat_with_epsilon (d.leg_vol, 2.0759, 1e-12);
  g_assert_cmpuint (alvh_calendar_vix_term (alvh_time_ny_day (f->time[i]),
                                            alvh_time_ny_day (d.leg.expiry)), ==, 2);

  /* marked on the same bar with the same rules, the leg is worth its price:
   * not marked down the moment it is bought */
  alvh_evaluator_market_state (ev, i, &ms);
  g_assert_cmpfloat (alvh_market_state_vix_forward (&ms, d.leg.expiry), ==, 59.15);
  g_assert_cmpfloat_with_epsilon (ms.vix_vol, 2.0759, 1e-12);
  mark = alvh_leg_value (&d.leg, alvh_market_state_vix_forward (&ms, d.leg.expiry),
                         (double) alvh_time_calendar_days (ms.time, d.leg.expiry) / 365.0,
                         ms.vix_vol, ms.rate);
  g_assert_cmpfloat_with_epsilon (mark, d.leg.premium, 1e-12);
  /* on 2020-03-17 the March future (2020-03-18) is still VX1: the April
   * leg is marked on VX2 of that day */
  alvh_evaluator_market_state (ev, i + 1, &ms);
  g_assert_cmpfloat (alvh_market_state_vix_forward (&ms, d.leg.expiry), ==, 61.425);

  alvh_evaluator_evaluate (ev, i + 1, book, &d);
  g_assert_true (d.has_leg);
  g_assert_cmpint (d.leg.expiry, ==, alvh_time_from_ny_date (2020, 5, 20));
  g_assert_cmpfloat (d.leg_forward, ==, 48.7);
  /* no VVIX that day: the profile's vix_vol */
  g_assert_cmpfloat (d.leg_vol, ==, p->vix_vol);
}

/* Evaluates bar 60 of @f for @book with no limit on layers and asserts that
 * book_delta is the book's own greeks' delta per unit, with a VIX delta;
 * the evaluator, and the bar's market state to @m */
static AlvhEvaluator *
evaluate_book_delta_as_greeks (AlvhMarketFrame *f,
                               AlvhBook        *book,
                               AlvhMarketState *m)
{
  g_autoptr(AlvhProfile) p = alvh_profile_new ();
  AlvhEvaluator *ev;
  AlvhDecision d;
  AlvhBookGreeks g;

  p->max_layers = ALVH_PROFILE_MAX_LAYERS;
  ev = alvh_evaluator_new (f, p, NULL);
  alvh_evaluator_evaluate (ev, 60, book, &d);
  alvh_evaluator_market_state (ev, 60, m);
  alvh_book_greeks (book, m, &g);
  g_assert_true (d.signals[ALVH_SIGNAL_BOOK_DELTA].available);
  g_assert_cmpfloat (g.vix_delta, >, 0.0);
  g_assert_cmpfloat_with_epsilon (d.signals[ALVH_SIGNAL_BOOK_DELTA].value, g.delta_per_unit, 1e-12);
  return ev;
}

/* The evaluator's mark of each of @book's legs at bar 60 (after evaluating
 * it) is the leg's Black-76 value on its own VX forward */
static void
assert_leg_values_at_60 (AlvhEvaluator         *ev,
                         AlvhBook              *book,
                         const AlvhMarketState *m)
{
  for (guint l = 0; l < alvh_book_get_n_legs (book); l++)
    {
      const AlvhLeg *leg = alvh_book_get_leg (book, l);
      double t = (double) alvh_time_calendar_days (m->time, leg->expiry) / 365.0;
      double fwd = alvh_market_state_vix_forward (m, leg->expiry);
      double want = alvh_leg_value (leg, fwd, t, m->vix_vol, m->rate);
      double got = _alvh_evaluator_leg_value (ev, leg, 60);

      g_assert_cmpfloat (want, >, 0.0);
      g_assert_cmpfloat (fabs (got - want), <=, 1e-13 * want);
    }
}

/* Six VIX calls of six expiries, more than the evaluator keeps the terms of
 * at once, priced in one batch: book_delta prices each on its own time to
 * expiry and says what the book's greeks say (a slot reused mid-batch would
 * not). */
static void
test_book_delta_many_expiries (void)
{
  g_autoptr(AlvhMarketFrame) f = test_eval_frame (TEST_EVAL_N_BARS);
  g_autoptr(AlvhBook) book = alvh_book_new ();
  g_autoptr(AlvhEvaluator) ev = NULL;
  AlvhCondor c = test_eval_condor (f, 1, 3800, 4200, 10.0, 2);
  AlvhMarketState m;
  gint64 expiry = f->time[60];

  test_eval_wave (f);
  alvh_book_add_condor (book, &c);
  for (guint l = 0; l < 6; l++)
    {
      AlvhLeg leg;

      expiry = alvh_vix_expiry_first_after (expiry, 1);
      leg = test_eval_leg (l + 1, 1, f->time[2 + l], expiry);
      leg.kind = ALVH_LEG_VIX_CALL;
      leg.long_strike = 20 + l;
      leg.short_strike = NAN;
      alvh_book_add_leg (book, &leg);
    }
  ev = evaluate_book_delta_as_greeks (f, book, &m);
  assert_leg_values_at_60 (ev, book, &m);
}

/* Ten VIX call spreads of two expiries: twenty calls, fifteen of them
 * distinct, more than the evaluator keeps for a bar (eight) and more legs
 * than it keeps the values of (eight).  book_delta still says what the
 * book's greeks say, and the mark of every leg at the bar is its Black-76
 * value, whether the memo holds its calls or not. */
static void
test_book_delta_many_legs (void)
{
  g_autoptr(AlvhMarketFrame) f = test_eval_frame (TEST_EVAL_N_BARS);
  g_autoptr(AlvhBook) book = alvh_book_new ();
  g_autoptr(AlvhEvaluator) ev = NULL;
  AlvhCondor c = test_eval_condor (f, 1, 3800, 4200, 10.0, 2);
  gint64 e1 = alvh_vix_expiry_first_after (f->time[60], 20);
  gint64 e2 = alvh_vix_expiry_first_after (e1, 20);
  AlvhMarketState m;

  test_eval_wave (f);
  alvh_book_add_condor (book, &c);
  for (guint l = 0; l < 10; l++)
    {
      /* long 20, 21, .. 24, short 25, 26, .. 29: e1's spreads share no
       * strike; e2's repeat e1's strikes on another expiry */
      AlvhLeg leg = test_eval_leg (l + 1, 1, f->time[2 + l], l < 5 ? e1 : e2);

      leg.long_strike = 20 + l % 5;
      leg.short_strike = 25 + l % 5;
      leg.quantity = 1 + l;
      alvh_book_add_leg (book, &leg);
    }
  ev = evaluate_book_delta_as_greeks (f, book, &m);
  assert_leg_values_at_60 (ev, book, &m);
}

/* An SPX put and a VIX put bought by hand are in the whole book's delta
 * (spec section 2, book_delta) and in the book's greeks alike, but no layer
 * and no hedge premium (section 3 counts the VIX hedges). */
static void
test_book_delta_other_legs (void)
{
  g_autoptr(AlvhMarketFrame) f = test_eval_frame (TEST_EVAL_N_BARS);
  g_autoptr(AlvhBook) book = alvh_book_new ();
  g_autoptr(AlvhProfile) p = alvh_profile_new ();
  AlvhCondor c = test_eval_condor (f, 1, 3800, 4200, 10.0, 2);
  AlvhLeg hedge = test_eval_leg (1, 1, f->time[2], alvh_vix_expiry_first_after (f->time[60], 30));
  AlvhLeg spx_put = test_eval_leg (2, 0, f->time[3], c.expiry), vix_put = hedge;
  AlvhDecision before, after;
  AlvhMarketState m;
  AlvhBookGreeks g;
  AlvhGreeks put, vput;
  double vix_before;

  test_eval_wave (f);
  alvh_book_add_condor (book, &c);
  alvh_book_add_leg (book, &hedge);
  before = test_eval_decide (f, book, NULL, NULL, 60);
  {
    g_autoptr(AlvhEvaluator) ev = alvh_evaluator_new (f, p, NULL);

    alvh_evaluator_market_state (ev, 60, &m);
  }
  alvh_book_greeks (book, &m, &g);
  vix_before = g.vix_delta;

  spx_put.kind = ALVH_LEG_SPX_PUT;
  spx_put.long_strike = 3900;
  spx_put.short_strike = NAN;
  spx_put.quantity = 3;
  spx_put.premium = 40;
  vix_put.id = 3;
  vix_put.kind = ALVH_LEG_VIX_PUT;
  vix_put.long_strike = 18;
  vix_put.short_strike = NAN;
  vix_put.quantity = 4;
  alvh_book_add_leg (book, &spx_put);
  alvh_book_add_leg (book, &vix_put);
  g_assert_cmpuint (alvh_book_get_n_legs (book), ==, 1);
  g_assert_cmpuint (alvh_book_get_n_other_legs (book), ==, 2);
  after = test_eval_decide (f, book, NULL, NULL, 60);
  g_assert_cmpuint (after.layers_used, ==, before.layers_used);
  g_assert_cmpfloat (after.premium_paid, ==, before.premium_paid);

  /* the puts' own deltas, by the book's model, make the difference */
  alvh_bs_greeks (ALVH_OPTION_PUT, m.spx, 3900, (double) alvh_time_calendar_days (m.time, c.expiry) / 365.0,
                  m.iv, m.rate, m.div_yield, &put);
  alvh_black76_greeks (ALVH_OPTION_PUT, alvh_market_state_vix_forward (&m, vix_put.expiry), 18,
                       (double) alvh_time_calendar_days (m.time, vix_put.expiry) / 365.0, m.vix_vol, m.rate, &vput);
  g_assert_cmpfloat (put.delta, <, -0.05);
  g_assert_cmpfloat (vput.delta, <, -0.05);
  alvh_book_greeks (book, &m, &g);
  g_assert_cmpfloat_with_epsilon (g.vix_delta, vix_before + 4 * vput.delta, 1e-12);
  g_assert_cmpfloat_with_epsilon ((after.signals[ALVH_SIGNAL_BOOK_DELTA].value - before.signals[ALVH_SIGNAL_BOOK_DELTA].value) * 2,
                                  3 * put.delta + 4 * vput.delta * m.beta * m.vix / m.spx, 1e-9);
  /* and the evaluator says what the book's greeks say */
  g_assert_cmpfloat_with_epsilon (after.signals[ALVH_SIGNAL_BOOK_DELTA].value, g.delta_per_unit, 1e-12);

  /* a book as of an instant keeps them; removing one takes it out */
  {
    g_autoptr(AlvhBook) held = alvh_book_copy_as_of (book, f->time[60]);

    g_assert_cmpuint (alvh_book_get_n_other_legs (held), ==, 2);
    g_assert_true (alvh_book_remove_leg (held, 2));
    g_assert_cmpuint (alvh_book_get_n_other_legs (held), ==, 1);
    g_assert_cmpint (alvh_book_get_other_leg (held, 0)->kind, ==, ALVH_LEG_VIX_PUT);
  }
}

/* Five-minute bars, 09:35 to 16:00 New York, on @days weekdays from
 * Monday 2021-01-04: SPX and VIX swing against each other, VX1, VX2 and VVIX
 * move every bar */
static AlvhMarketFrame *
make_intraday_frame (guint days)
{
  AlvhMarketFrame *f = alvh_market_frame_new ((gsize) days * 78);

  test_five_minute_times (f, 2021, 1, 4);
  test_eval_wave (f);
  for (gsize i = 0; i < f->n; i++)
    {
      f->vx[0][i] = f->vix[i] * 1.05;
      f->vx[1][i] = f->vix[i] * 1.09;
      f->vvix[i] = 90.0 + 3.0 * sin (0.7 * (double) i);
    }
  return f;
}

/* book_delta and the hedges' mark of bar i for @book, as one evaluator
 * that walked other bars before gives them, equal to the bit to what an
 * evaluator that sees bar i alone gives */
static void
assert_bar_as_alone (AlvhEvaluator   *walker,
                     AlvhMarketFrame *f,
                     AlvhProfile     *p,
                     AlvhBook        *book,
                     gsize            i)
{
  g_autoptr(AlvhEvaluator) alone = alvh_evaluator_new (f, p, NULL);
  AlvhDecision dw, da;
  double vw = 0.0, pw = 0.0, va = 0.0, pa = 0.0;

  alvh_evaluator_evaluate (walker, i, book, &dw);
  _alvh_evaluator_mark_hedges (walker, book, i, 100.0, &vw, &pw);
  alvh_evaluator_evaluate (alone, i, book, &da);
  _alvh_evaluator_mark_hedges (alone, book, i, 100.0, &va, &pa);
  g_assert_true (da.signals[ALVH_SIGNAL_BOOK_DELTA].available);
  g_assert_true (dw.signals[ALVH_SIGNAL_BOOK_DELTA].available);
  g_assert_cmpfloat (dw.signals[ALVH_SIGNAL_BOOK_DELTA].value, ==, da.signals[ALVH_SIGNAL_BOOK_DELTA].value);
  g_assert_cmpfloat (va, >, 0.0);
  g_assert_cmpfloat (vw, ==, va);
  g_assert_cmpfloat (pw, ==, pa);
}

/* The evaluator keeps a plan of the book's hedge calls for the rest of a
 * day; a leg added, a leg removed, another day or a bar of a day before
 * makes it price the book afresh.  Every bar's book_delta and mark are
 * those of the bar evaluated alone, to the bit. */
static void
test_book_delta_planned_bars (void)
{
  g_autoptr(AlvhMarketFrame) f = make_intraday_frame (4);
  g_autoptr(AlvhBook) book = alvh_book_new ();
  g_autoptr(AlvhProfile) p = alvh_profile_new ();
  g_autoptr(AlvhEvaluator) ev = NULL;
  AlvhCondor c = test_eval_condor (f, 1, 3800, 4200, 10.0, 2);
  gint64 e1 = alvh_vix_expiry_first_after (f->time[0], 20);
  gint64 e2 = alvh_vix_expiry_first_after (e1, 20);
  AlvhLeg a = test_eval_leg (1, 1, f->time[1], e1);
  AlvhLeg b = test_eval_leg (2, 2, f->time[2], e2);
  AlvhLeg one = test_eval_leg (3, 1, f->time[3], e1);
  double before;

  p->max_layers = ALVH_PROFILE_MAX_LAYERS;
  one.kind = ALVH_LEG_VIX_CALL;   /* shares its strike with a's long call */
  one.short_strike = NAN;
  alvh_book_add_condor (book, &c);
  alvh_book_add_leg (book, &a);
  alvh_book_add_leg (book, &b);
  ev = alvh_evaluator_new (f, p, NULL);

  /* day 2, bar by bar; a leg added and one removed in the day */
  for (gsize i = 78; i < 156; i++)
    {
      if (i == 100)
        alvh_book_add_leg (book, &one);
      if (i == 130)
        g_assert_true (alvh_book_remove_leg (book, 2));
      assert_bar_as_alone (ev, f, p, book, i);
    }
  /* the next day, then back to day 2 and on to day 4 */
  for (gsize i = 156; i < 170; i++)
    assert_bar_as_alone (ev, f, p, book, i);
  for (gsize i = 140; i < 150; i++)
    assert_bar_as_alone (ev, f, p, book, i);
  /* a leg of another expiry valued on day 3 in between: day 2's plan
   * names expiries the evaluator no longer keeps */
  {
    AlvhLeg far = test_eval_leg (9, 1, f->time[0], alvh_vix_expiry_first_after (e2, 20));

    g_assert_cmpfloat (_alvh_evaluator_leg_value (ev, &far, 160), >, 0.0);
  }
  for (gsize i = 150; i < 156; i++)
    assert_bar_as_alone (ev, f, p, book, i);
  /* a VIX future bought and sold within day 4: it has no calls to price */
  {
    AlvhLeg fut = test_eval_leg (4, 1, f->time[235], e1);

    fut.kind = ALVH_LEG_VIX_FUTURE;
    fut.long_strike = 21.0;
    fut.short_strike = NAN;
    fut.premium = 21.0;
    for (gsize i = 234; i < 250; i++)
      {
        if (i == 240)
          alvh_book_add_leg (book, &fut);
        if (i == 246)
          g_assert_true (alvh_book_remove_leg (book, 4));
        assert_bar_as_alone (ev, f, p, book, i);
      }
  }

  /* the plan follows the book: the leg's quantity counts at once */
  {
    AlvhDecision d;

    alvh_evaluator_evaluate (ev, 250, book, &d);
    before = d.signals[ALVH_SIGNAL_BOOK_DELTA].value;
    g_assert_true (alvh_book_remove_leg (book, 3));
    one.quantity = 5;
    alvh_book_add_leg (book, &one);
    assert_bar_as_alone (ev, f, p, book, 251);
    alvh_evaluator_evaluate (ev, 251, book, &d);
    g_assert_cmpfloat (fabs (d.signals[ALVH_SIGNAL_BOOK_DELTA].value - before), >, 1e-6);
  }
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/evaluator/leg/own-future", test_leg_own_future);
  g_test_add_func ("/core/evaluator/signal/book-delta-other-legs", test_book_delta_other_legs);
  g_test_add_func ("/core/evaluator/signal/book-delta-many-expiries", test_book_delta_many_expiries);
  g_test_add_func ("/core/evaluator/signal/book-delta-many-legs", test_book_delta_many_legs);
  g_test_add_func ("/core/evaluator/signal/book-delta-planned-bars", test_book_delta_planned_bars);

  return g_test_run ();
}
