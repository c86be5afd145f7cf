/* test-evaluator.c — the ALVH signals and the decision tree on hand-built markets
 *
 * Each scenario builds a small daily frame (weekdays from Monday 2021-01-04),
 * a book and sometimes events, and checks one branch of the tree (ALVH-SPEC.md
 * section 3) or one signal's n/a rule (section 2) with real numbers.
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "alvh-core.h"
#include "alvh-evaluator-private.h"
#include "test-util.h"

#define N_BARS 80

/* Weekday daily bars: SPX 4000 flat, VIX 20 flat, nothing else. */
static AlvhMarketFrame *
make_frame (gsize n)
{
  AlvhMarketFrame *f = alvh_market_frame_new (n);
  gint64 day = alvh_days_from_civil (2021, 1, 4);

  for (gsize i = 0; i < n; i++)
    {
      while (alvh_weekday_from_days (day) > 5)
        day++;
      f->time[i] = alvh_time_from_ny_day (day);
      f->open[i] = f->high[i] = f->low[i] = f->close[i] = 4000.0;
      f->vix[i] = 20.0;
      day++;
    }
  return f;
}

static AlvhCondor
make_condor (AlvhMarketFrame *f,
             gint64           id,
             double           short_put,
             double           short_call,
             double           credit,
             double           units)
{
  AlvhCondor c = { 0 };

  c.id = id;
  c.short_put = short_put;
  c.long_put = short_put - 50;
  c.short_call = short_call;
  c.long_call = short_call + 50;
  c.expiry = alvh_friday_on_or_after (f->time[0], 150);
  c.units = units;
  c.credit = credit;
  c.opened = f->time[0];
  return c;
}

static AlvhLeg
make_leg (gint64 id,
          guint  layer,
          gint64 open_time,
          gint64 expiry)
{
  AlvhLeg leg = { 0 };

  leg.id = id;
  leg.condor_id = 1;
  leg.kind = ALVH_LEG_VIX_CALL_SPREAD;
  leg.long_strike = 22;
  leg.short_strike = 27;
  leg.expiry = expiry;
  leg.quantity = layer;
  leg.premium = 1.0;
  leg.layer = layer;
  leg.opened = open_time;
  return leg;
}

/* SPX and VIX swing against each other, bar by bar (beta is known from bar 61) */
static void
wave_frame (AlvhMarketFrame *f)
{
  for (gsize k = 0; k < f->n; k++)
    {
      f->close[k] = 4000.0 * (1.0 + 0.01 * sin ((double) k));
      f->vix[k] = 20.0 * (1.0 - 0.05 * sin ((double) k));
    }
}

static AlvhDecision
evaluate (AlvhMarketFrame *f,
          AlvhBook        *book,
          GPtrArray       *events,
          AlvhProfile     *profile,
          gsize            i)
{
  g_autoptr(AlvhProfile) def = alvh_profile_new ();
  g_autoptr(AlvhEvaluator) ev = alvh_evaluator_new (f, profile != NULL ? profile : def, events);
  AlvhDecision d;

  alvh_evaluator_evaluate (ev, i, book, &d);
  return d;
}

/* Raise VIX to `level` on every bar after the iv_ref bar of bar i. */
static void
jump_vix_after_ref (AlvhMarketFrame *f,
                    gsize            i,
                    double           level)
{
  g_autoptr(AlvhProfile) p = alvh_profile_new ();
  g_autoptr(AlvhEvaluator) ev = alvh_evaluator_new (f, p, NULL);
  gssize ref = alvh_evaluator_get_ref_index (ev, i);

  g_assert_cmpint (ref, >=, 0);
  for (gsize k = (gsize) ref + 1; k < f->n; k++)
    f->vix[k] = level;
}

static void
test_calendar (void)
{
  int y, m, d;

  /* Feb 2018's third Friday is the 16th: January 2018 VIX expiry = Wed 17 Jan */
  alvh_time_to_ny_date (alvh_vix_expiry_for_month (2018, 1), &y, &m, &d);
  g_assert_cmpint (y * 10000 + m * 100 + d, ==, 20180117);
  g_assert_cmpint (alvh_time_ny_weekday (alvh_vix_expiry_for_month (2018, 1)), ==, 3);
  /* December 2020: third Friday of Jan 2021 = 15th, minus 30 days = Wed 16 Dec 2020 */
  alvh_time_to_ny_date (alvh_vix_expiry_for_month (2020, 12), &y, &m, &d);
  g_assert_cmpint (y * 10000 + m * 100 + d, ==, 20201216);
  /* from 2018-01-02, 30 days: Jan 17 is only 15 days out -> Feb 14 2018 (43 days) */
  alvh_time_to_ny_date (alvh_vix_expiry_first_after (alvh_time_from_ny_date (2018, 1, 2), 30), &y, &m, &d);
  g_assert_cmpint (y * 10000 + m * 100 + d, ==, 20180214);
  /* exactly 30 days counts: 2018-01-15 + 30 = Feb 14 */
  alvh_time_to_ny_date (alvh_vix_expiry_first_after (alvh_time_from_ny_date (2018, 1, 15), 30), &y, &m, &d);
  g_assert_cmpint (y * 10000 + m * 100 + d, ==, 20180214);
  /* Monday 2021-01-04 + 45 days = Thursday 2021-02-18 -> Friday 2021-02-19 */
  alvh_time_to_ny_date (alvh_friday_on_or_after (alvh_time_from_ny_date (2021, 1, 4), 45), &y, &m, &d);
  g_assert_cmpint (y * 10000 + m * 100 + d, ==, 20210219);
  /* a Friday is its own answer */
  alvh_time_to_ny_date (alvh_friday_on_or_after (alvh_time_from_ny_date (2021, 1, 8), 0), &y, &m, &d);
  g_assert_cmpint (y * 10000 + m * 100 + d, ==, 20210108);
}

static void
test_branch_no_position (void)
{
  g_autoptr(AlvhMarketFrame) f = make_frame (N_BARS);
  g_autoptr(AlvhBook) book = alvh_book_new ();
  AlvhDecision d;

  jump_vix_after_ref (f, 70, 30.0);
  d = evaluate (f, book, NULL, NULL, 70);
  g_assert_cmpint (d.action, ==, ALVH_ACTION_HOLD);
  g_assert_cmpint (d.branch, ==, ALVH_BRANCH_NO_POSITION);
  g_assert_cmpstr (alvh_branch_to_string (d.branch), ==, "no_position");
  /* signals are still reported: VIX 20 -> 30 is +50 % */
  g_assert_true (d.signals[ALVH_SIGNAL_IV_EXPANSION].fired);
  g_assert_cmpfloat_with_epsilon (d.signals[ALVH_SIGNAL_IV_EXPANSION].value, 0.5, 1e-12);
  /* condor signals are n/a without a condor */
  g_assert_false (d.signals[ALVH_SIGNAL_THETA_EROSION].available);
  g_assert_false (d.signals[ALVH_SIGNAL_WING_PROXIMITY].available);
  g_assert_false (d.signals[ALVH_SIGNAL_BOOK_DELTA].available);
  g_assert_false (d.has_leg);
}

static void
test_branch_max_layers (void)
{
  g_autoptr(AlvhMarketFrame) f = make_frame (N_BARS);
  g_autoptr(AlvhBook) book = alvh_book_new ();
  AlvhCondor c = make_condor (f, 1, 3950, 4500, 5.0, 1);
  gint64 vexp = alvh_vix_expiry_first_after (f->time[0], 30);
  AlvhDecision d;

  alvh_book_add_condor (book, &c);
  for (guint l = 1; l <= 3; l++)
    {
      AlvhLeg leg = make_leg (l, l, f->time[l], vexp);
      alvh_book_add_leg (book, &leg);
    }
  d = evaluate (f, book, NULL, NULL, 40);
  g_assert_cmpint (d.branch, ==, ALVH_BRANCH_MAX_LAYERS);
  g_assert_cmpint (d.action, ==, ALVH_ACTION_HOLD);
  g_assert_cmpuint (d.layers_used, ==, 3);
  /* wing_proximity fired but the gate comes first */
  g_assert_true (d.signals[ALVH_SIGNAL_WING_PROXIMITY].fired);

  /* a closed leg does not count: close one -> the tree runs (fixed) */
  {
    AlvhLeg leg = *alvh_book_get_leg (book, 2);
    alvh_book_remove_leg (book, 3);
    leg.closed_quantity = leg.quantity;
    alvh_book_add_leg (book, &leg);
  }
  d = evaluate (f, book, NULL, NULL, 40);
  g_assert_cmpuint (d.layers_used, ==, 2);
  g_assert_cmpint (d.branch, !=, ALVH_BRANCH_MAX_LAYERS);
}

static void
test_branch_cooldown (void)
{
  g_autoptr(AlvhMarketFrame) f = make_frame (N_BARS);
  g_autoptr(AlvhBook) book = alvh_book_new ();
  AlvhCondor c = make_condor (f, 1, 3950, 4500, 20.0, 1);
  gint64 vexp = alvh_vix_expiry_first_after (f->time[0], 30);
  /* a daily bar stands at 16:00 New York: 23 hours before that */
  AlvhLeg leg = make_leg (1, 1, alvh_time_bar_close (f->time[40]) - 23 * 3600, vexp);
  AlvhDecision d;
  g_autofree char *text = NULL;

  alvh_book_add_condor (book, &c);
  alvh_book_add_leg (book, &leg);
  d = evaluate (f, book, NULL, NULL, 40);
  g_assert_cmpint (d.branch, ==, ALVH_BRANCH_COOLDOWN);
  g_assert_cmpfloat_with_epsilon (d.hours_since_last_leg, 23.0, 1e-9);
  text = alvh_decision_dup_explanation_text (&d);
  g_assert_nonnull (strstr (text, "23 hours"));

  /* exactly 24 hours is not "less than 24 hours ago" */
  alvh_book_clear (book);
  alvh_book_add_condor (book, &c);
  leg.opened = alvh_time_bar_close (f->time[40]) - 24 * 3600;
  alvh_book_add_leg (book, &leg);
  d = evaluate (f, book, NULL, NULL, 40);
  g_assert_cmpint (d.branch, ==, ALVH_BRANCH_FIXED);
  g_assert_cmpint (d.action, ==, ALVH_ACTION_ADD);
  /* layer 2 of 1:2:3 with 1 unit -> 2 contracts */
  g_assert_cmpuint (d.layer, ==, 2);
  g_assert_cmpfloat (d.size, ==, 2.0);
}

/* A leg filled at 15:00 New York on a bar's date: that bar stands at 16:00,
 * one hour later (v1 compared with midnight and said -15 hours); the next
 * day's bar is 25 hours after the fill, past the 24-hour cooldown. */
static void
test_branch_cooldown_15h_fill (void)
{
  g_autoptr(AlvhMarketFrame) f = make_frame (N_BARS);
  g_autoptr(AlvhBook) book = alvh_book_new ();
  AlvhCondor c = make_condor (f, 1, 3950, 4500, 20.0, 1);
  gint64 vexp = alvh_vix_expiry_first_after (f->time[0], 30);
  int y, m, day;
  AlvhLeg leg;
  AlvhDecision d;
  g_autofree char *text = NULL;

  alvh_time_to_ny_date (f->time[40], &y, &m, &day);
  leg = make_leg (1, 1, alvh_time_from_ny_local (y, m, day, 15, 0, 0), vexp);
  alvh_book_add_condor (book, &c);
  alvh_book_add_leg (book, &leg);
  g_assert_cmpint (alvh_time_bar_close (f->time[40]) - leg.opened, ==, 3600);

  d = evaluate (f, book, NULL, NULL, 40);
  g_assert_cmpint (d.branch, ==, ALVH_BRANCH_COOLDOWN);
  g_assert_cmpfloat_with_epsilon (d.hours_since_last_leg, 1.0, 1e-9);
  text = alvh_decision_dup_explanation_text (&d);
  g_assert_nonnull (strstr (text, "added 1 hour"));

  /* bar 41 is the next weekday: 25 hours after the fill */
  g_assert_cmpint (alvh_time_calendar_days (f->time[40], f->time[41]), ==, 1);
  d = evaluate (f, book, NULL, NULL, 41);
  g_assert_cmpfloat_with_epsilon (d.hours_since_last_leg, 25.0, 1e-9);
  g_assert_cmpint (d.branch, ==, ALVH_BRANCH_FIXED);
  g_assert_cmpint (d.action, ==, ALVH_ACTION_ADD);
}

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
  AlvhCondor c = make_condor (f, 1, 2950, 3500, 40.0, 1);   /* short put inside 0.65 SD: fixed */
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

/* Section 2 v2: without VX1, term_inversion is VIX/VIX3M - 1 */
static void
test_term_inversion_vix3m (void)
{
  g_autoptr(AlvhMarketFrame) f = make_frame (N_BARS);
  g_autoptr(AlvhBook) book = alvh_book_new ();
  AlvhDecision d;

  d = evaluate (f, book, NULL, NULL, 10);
  g_assert_false (d.signals[ALVH_SIGNAL_TERM_INVERSION].available);
  f->vix3m[10] = 16.0;   /* VIX 20 over VIX3M 16: inverted by 25 % */
  d = evaluate (f, book, NULL, NULL, 10);
  g_assert_true (d.signals[ALVH_SIGNAL_TERM_INVERSION].available);
  g_assert_cmpfloat_with_epsilon (d.signals[ALVH_SIGNAL_TERM_INVERSION].value, 0.25, 1e-12);
  g_assert_true (d.signals[ALVH_SIGNAL_TERM_INVERSION].fired);
  f->vix3m[10] = 25.0;
  d = evaluate (f, book, NULL, NULL, 10);
  g_assert_cmpfloat_with_epsilon (d.signals[ALVH_SIGNAL_TERM_INVERSION].value, -0.2, 1e-12);
  g_assert_false (d.signals[ALVH_SIGNAL_TERM_INVERSION].fired);
  /* VX1 known: the futures decide, VIX3M is not used */
  f->vx1[10] = 21.0;
  d = evaluate (f, book, NULL, NULL, 10);
  g_assert_cmpfloat_with_epsilon (d.signals[ALVH_SIGNAL_TERM_INVERSION].value, 20.0 / 21.0 - 1.0, 1e-12);
}

/* Section 1 v2: the book as of t, before and after a position's open, its
 * close and its expiry */
static void
test_book_as_of (void)
{
  g_autoptr(AlvhMarketFrame) f = make_frame (N_BARS);
  g_autoptr(AlvhBook) book = alvh_book_new ();
  AlvhCondor c = make_condor (f, 1, 3950, 4500, 20.0, 1);
  AlvhCondor closed = make_condor (f, 2, 3000, 5000, 20.0, 1);
  gint64 vexp = alvh_vix_expiry_first_after (f->time[0], 30);
  AlvhLeg leg = make_leg (1, 1, alvh_time_bar_close (f->time[30]) - 3600, vexp);
  gint64 open = alvh_time_bar_close (f->time[20]);

  c.opened = open;
  closed.opened = open;
  closed.closed = alvh_time_bar_close (f->time[25]);
  closed.close_price = 1.0;
  alvh_book_add_condor (book, &c);
  alvh_book_add_condor (book, &closed);
  alvh_book_add_leg (book, &leg);

  {
    g_autoptr(AlvhBook) before = alvh_book_copy_as_of (book, open - 1);
    AlvhDecision d = evaluate (f, before, NULL, NULL, 19);

    g_assert_cmpuint (alvh_book_get_n_condors (before), ==, 0);
    g_assert_cmpuint (alvh_book_get_n_legs (before), ==, 0);
    g_assert_cmpint (d.branch, ==, ALVH_BRANCH_NO_POSITION);
  }
  {
    g_autoptr(AlvhBook) at_open = alvh_book_copy_as_of (book, open);

    g_assert_cmpuint (alvh_book_get_n_condors (at_open), ==, 2);
    g_assert_cmpuint (alvh_book_get_n_legs (at_open), ==, 0);
  }
  {
    g_autoptr(AlvhBook) later = alvh_book_copy_as_of (book, alvh_time_bar_close (f->time[30]));
    AlvhDecision d = evaluate (f, later, NULL, NULL, 30);

    g_assert_cmpuint (alvh_book_get_n_condors (later), ==, 1);
    g_assert_cmpint (alvh_book_get_condor (later, 0)->id, ==, 1);
    g_assert_cmpuint (alvh_book_get_n_legs (later), ==, 1);
    g_assert_cmpint (d.branch, ==, ALVH_BRANCH_COOLDOWN);
    g_assert_cmpfloat_with_epsilon (d.hours_since_last_leg, 1.0, 1e-9);
  }
  {
    /* on its expiry date's close the condor is settled and gone */
    g_autoptr(AlvhBook) expired = alvh_book_copy_as_of (book, alvh_time_bar_close (c.expiry));
    g_autoptr(AlvhBook) eve = alvh_book_copy_as_of (book, alvh_time_bar_close (c.expiry) - 1);

    g_assert_cmpuint (alvh_book_get_n_condors (expired), ==, 0);
    g_assert_cmpuint (alvh_book_get_n_condors (eve), ==, 1);
  }
}

static void
test_branch_regime (void)
{
  g_autoptr(AlvhMarketFrame) f = make_frame (N_BARS);
  g_autoptr(AlvhBook) book = alvh_book_new ();
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify) alvh_event_free);
  AlvhCondor c = make_condor (f, 1, 3000, 5000, 20.0, 1);
  AlvhDecision d;

  alvh_book_add_condor (book, &c);
  jump_vix_after_ref (f, 70, 24.0); /* +20 % */
  g_ptr_array_add (events, alvh_event_new (f->time[70] - 5 * ALVH_SECONDS_PER_DAY, ALVH_EVENT_CPI, TRUE, "hot print"));
  d = evaluate (f, book, events, NULL, 70);
  g_assert_true (d.signals[ALVH_SIGNAL_MACRO_REGIME].fired);
  g_assert_cmpfloat (d.signals[ALVH_SIGNAL_MACRO_REGIME].value, ==, 1.0);
  g_assert_true (d.signals[ALVH_SIGNAL_IV_EXPANSION].fired);
  g_assert_false (d.signals[ALVH_SIGNAL_WING_PROXIMITY].fired);
  g_assert_cmpint (d.branch, ==, ALVH_BRANCH_REGIME);
  g_assert_cmpint (d.action, ==, ALVH_ACTION_ADD);
  g_assert_cmpuint (d.layer, ==, 1);
  g_assert_cmpfloat (d.size, ==, 1.0);

  /* the proposed leg: F = VIX 24 (no VX1) -> long ceil(26.4) = 27, short 32, vol 0.90 */
  g_assert_cmpint (d.leg.kind, ==, ALVH_LEG_VIX_CALL_SPREAD);
  g_assert_cmpfloat (d.leg.long_strike, ==, 27.0);
  g_assert_cmpfloat (d.leg.short_strike, ==, 32.0);
  g_assert_cmpfloat (d.leg_forward, ==, 24.0);
  g_assert_cmpfloat (d.leg_vol, ==, 0.90);
  {
    double t = (double) alvh_time_calendar_days (f->time[70], d.leg.expiry) / 365.0;
    double price = alvh_black76_price (ALVH_OPTION_CALL, 24, 27, t, 0.9, 0.04)
                 - alvh_black76_price (ALVH_OPTION_CALL, 24, 32, t, 0.9, 0.04);

    g_assert_cmpint (alvh_time_calendar_days (f->time[70], d.leg.expiry), >=, 30);
    g_assert_cmpint (alvh_time_ny_weekday (d.leg.expiry), ==, 3);
    g_assert_cmpfloat_with_epsilon (d.leg.premium, price, 1e-12);
    g_assert_cmpfloat_with_epsilon (d.estimated_cost, price * 100.0, 1e-9);
    g_assert_cmpfloat (d.estimated_cost, >, 50.0);
    g_assert_cmpfloat (d.estimated_cost, <, 500.0);
  }

  /* 6 days before: outside the 5-day window; a non-shift event never counts */
  g_ptr_array_set_size (events, 0);
  g_ptr_array_add (events, alvh_event_new (f->time[70] - 6 * ALVH_SECONDS_PER_DAY, ALVH_EVENT_FOMC, TRUE, ""));
  g_ptr_array_add (events, alvh_event_new (f->time[70], ALVH_EVENT_PPI, FALSE, ""));
  g_ptr_array_add (events, alvh_event_new (f->time[70] + ALVH_SECONDS_PER_DAY, ALVH_EVENT_CPI, TRUE, "future"));
  d = evaluate (f, book, events, NULL, 70);
  g_assert_true (d.signals[ALVH_SIGNAL_MACRO_REGIME].available);
  g_assert_cmpfloat (d.signals[ALVH_SIGNAL_MACRO_REGIME].value, ==, 0.0);
  g_assert_false (d.signals[ALVH_SIGNAL_MACRO_REGIME].fired);
  /* without the macro event the jump still fires iv_expansion and, the VIX
   * MACD turning up through its signal line, vix_macd_cross: confluence */
  g_assert_true (d.signals[ALVH_SIGNAL_IV_EXPANSION].fired);
  g_assert_true (d.signals[ALVH_SIGNAL_VIX_MACD_CROSS].fired);
  g_assert_cmpuint (d.realtime_fired, ==, 2);
  g_assert_cmpint (d.branch, ==, ALVH_BRANCH_CONFLUENCE);

  /* macro alone, no real-time rule -> none */
  for (gsize k = 0; k < f->n; k++)
    f->vix[k] = 20.0;
  g_ptr_array_add (events, alvh_event_new (f->time[70], ALVH_EVENT_OTHER, TRUE, ""));
  d = evaluate (f, book, events, NULL, 70);
  g_assert_true (d.signals[ALVH_SIGNAL_MACRO_REGIME].fired);
  g_assert_cmpuint (d.realtime_fired, ==, 0);
  g_assert_cmpint (d.branch, ==, ALVH_BRANCH_NONE);
}

static void
test_branch_fixed (void)
{
  g_autoptr(AlvhMarketFrame) f = make_frame (N_BARS);
  g_autoptr(AlvhBook) book = alvh_book_new ();
  AlvhCondor c = make_condor (f, 1, 3950, 4600, 5.0, 2);
  AlvhDecision d;
  gint64 days;
  double sd;

  alvh_book_add_condor (book, &c);
  f->vx1[60] = 20.0;
  f->vx2[60] = 21.0; /* contango: no inversion */
  f->vvix[60] = 100.0;
  d = evaluate (f, book, NULL, NULL, 60);
  days = alvh_time_calendar_days (f->time[60], c.expiry);
  sd = 4000.0 * 0.20 * sqrt ((double) days / 365.0);
  g_assert_cmpfloat_with_epsilon (d.signals[ALVH_SIGNAL_WING_PROXIMITY].value, 50.0 / sd, 1e-12);
  g_assert_true (d.signals[ALVH_SIGNAL_WING_PROXIMITY].fired);
  g_assert_true (d.signals[ALVH_SIGNAL_TERM_INVERSION].available);
  g_assert_cmpfloat_with_epsilon (d.signals[ALVH_SIGNAL_TERM_INVERSION].value, 0.0, 1e-12);
  g_assert_false (d.signals[ALVH_SIGNAL_TERM_INVERSION].fired); /* 0 is not > 0 */
  g_assert_cmpint (d.branch, ==, ALVH_BRANCH_FIXED);
  g_assert_cmpint (d.action, ==, ALVH_ACTION_ADD);
  /* size = base 1 x 2 units x ratio 1; the leg expires 2021-05-19, the
   * second VIX expiry after 2021-03-30: F = VX2 21 -> 24/29 (v2; v1 took
   * VX1); vol = VVIX/100 = 1.0 */
  g_assert_cmpfloat (d.size, ==, 2.0);
  g_assert_cmpint (d.leg.expiry, ==, alvh_time_from_ny_date (2021, 5, 19));
  g_assert_cmpfloat (d.leg_forward, ==, 21.0);
  g_assert_cmpfloat (d.leg.long_strike, ==, 24.0);
  g_assert_cmpfloat (d.leg.short_strike, ==, 29.0);
  g_assert_cmpfloat (d.leg_vol, ==, 1.0);

  /* book_delta alone: a condor far from spot but one-sided (short call close above) */
  {
    g_autoptr(AlvhProfile) p = alvh_profile_new ();
    AlvhCondor skew = make_condor (f, 2, 3000, 4050, 40.0, 1);

    skew.long_call = 4600; /* a wide call wing: short about 0.4 delta */
    alvh_book_clear (book);
    alvh_book_add_condor (book, &skew);
    g_assert_true (alvh_profile_set_value (p, "wing_sd", -1.0, NULL));
    d = evaluate (f, book, NULL, p, 60);
    g_assert_false (d.signals[ALVH_SIGNAL_WING_PROXIMITY].fired);
    g_assert_true (d.signals[ALVH_SIGNAL_BOOK_DELTA].available);
    g_assert_cmpfloat (d.signals[ALVH_SIGNAL_BOOK_DELTA].value, <, -0.18);
    g_assert_true (d.signals[ALVH_SIGNAL_BOOK_DELTA].fired);
    g_assert_cmpint (d.branch, ==, ALVH_BRANCH_FIXED);
  }
}

static void
test_branch_confluence (void)
{
  g_autoptr(AlvhMarketFrame) f = make_frame (N_BARS);
  g_autoptr(AlvhBook) book = alvh_book_new ();
  AlvhCondor c = make_condor (f, 1, 3000, 5000, 20.0, 1);
  AlvhDecision d;
  g_autofree char *json = NULL;

  alvh_book_add_condor (book, &c);
  jump_vix_after_ref (f, 70, 24.0);
  f->vx1[70] = 22.0; /* VIX 24 > VX1 22: inverted by 9.1 % */
  d = evaluate (f, book, NULL, NULL, 70);
  g_assert_true (d.signals[ALVH_SIGNAL_IV_EXPANSION].fired);
  g_assert_true (d.signals[ALVH_SIGNAL_TERM_INVERSION].fired);
  g_assert_cmpfloat_with_epsilon (d.signals[ALVH_SIGNAL_TERM_INVERSION].value, 24.0 / 22.0 - 1.0, 1e-12);
  g_assert_false (d.signals[ALVH_SIGNAL_WING_PROXIMITY].fired);
  g_assert_false (d.signals[ALVH_SIGNAL_BOOK_DELTA].fired);
  g_assert_cmpuint (d.realtime_fired, >=, 2);
  g_assert_cmpint (d.branch, ==, ALVH_BRANCH_CONFLUENCE);
  g_assert_cmpint (d.action, ==, ALVH_ACTION_ADD);

  json = alvh_decision_to_json (&d);
  g_assert_nonnull (strstr (json, "\"action\":\"ADD\""));
  g_assert_nonnull (strstr (json, "\"branch\":\"confluence\""));
  g_assert_nonnull (strstr (json, "\"iv_expansion\":{\"kind\":\"realtime\",\"value\":0.2,\"threshold\":0.15,\"fired\":true}"));
  /* n/a is null, never 0 */
  g_assert_nonnull (strstr (json, "\"ad_divergence\":{\"kind\":\"realtime\",\"value\":null"));
  g_assert_nonnull (strstr (json, "Implied volatility rose 20.0%"));

  /* three real-time signals fired: a quorum of 3 still adds, one of 4 does not */
  {
    g_autoptr(AlvhProfile) p = alvh_profile_new ();

    g_assert_cmpuint (d.realtime_fired, ==, 3);
    g_assert_true (alvh_profile_set_value (p, "realtime_quorum", 3, NULL));
    d = evaluate (f, book, NULL, p, 70);
    g_assert_cmpint (d.branch, ==, ALVH_BRANCH_CONFLUENCE);
    g_assert_true (alvh_profile_set_value (p, "realtime_quorum", 4, NULL));
    d = evaluate (f, book, NULL, p, 70);
    g_assert_cmpuint (d.realtime_fired, ==, 3);
    g_assert_cmpint (d.branch, ==, ALVH_BRANCH_NONE);
  }
}

static void
test_branch_none (void)
{
  g_autoptr(AlvhMarketFrame) f = make_frame (N_BARS);
  g_autoptr(AlvhBook) book = alvh_book_new ();
  AlvhCondor c = make_condor (f, 1, 3000, 5000, 20.0, 1);
  AlvhDecision d;
  g_auto(GStrv) sentences = NULL;

  alvh_book_add_condor (book, &c);
  d = evaluate (f, book, NULL, NULL, 70);
  g_assert_cmpint (d.branch, ==, ALVH_BRANCH_NONE);
  g_assert_cmpint (d.action, ==, ALVH_ACTION_HOLD);
  g_assert_cmpfloat (d.signals[ALVH_SIGNAL_IV_EXPANSION].value, ==, 0.0);
  g_assert_false (d.signals[ALVH_SIGNAL_IV_EXPANSION].fired);
  /* flat closes: RSI 50 */
  g_assert_cmpfloat (d.signals[ALVH_SIGNAL_RSI_EXTREME].value, ==, 50.0);
  g_assert_false (d.signals[ALVH_SIGNAL_RSI_EXTREME].fired);
  /* flat market: time value decays about as the model expects */
  g_assert_true (d.signals[ALVH_SIGNAL_THETA_EROSION].available);
  g_assert_cmpfloat (d.signals[ALVH_SIGNAL_THETA_EROSION].value, >, 0.5);
  g_assert_cmpfloat (d.signals[ALVH_SIGNAL_THETA_EROSION].value, <, 1.5);
  g_assert_false (d.signals[ALVH_SIGNAL_THETA_EROSION].fired);
  g_assert_cmpfloat (fabs (d.signals[ALVH_SIGNAL_BOOK_DELTA].value), <, 0.05);
  sentences = alvh_decision_dup_explanation (&d);
  g_assert_nonnull (sentences[0]);
  g_assert_true (g_str_has_prefix (sentences[0], "Hold"));
}

static void
test_branch_not_accretive (void)
{
  g_autoptr(AlvhMarketFrame) f = make_frame (N_BARS);
  g_autoptr(AlvhBook) book = alvh_book_new ();
  AlvhCondor c = make_condor (f, 1, 3950, 4600, 1.0, 1); /* $100 credit: limit $50 */
  AlvhDecision d;
  g_autofree char *text = NULL;
  g_autofree char *json = NULL;

  alvh_book_add_condor (book, &c);
  d = evaluate (f, book, NULL, NULL, 60);
  g_assert_true (d.signals[ALVH_SIGNAL_WING_PROXIMITY].fired);
  g_assert_cmpint (d.action, ==, ALVH_ACTION_BLOCKED);
  g_assert_cmpint (d.branch, ==, ALVH_BRANCH_NOT_ACCRETIVE);
  g_assert_cmpfloat (d.credit_collected, ==, 100.0);
  g_assert_cmpfloat (d.premium_paid, ==, 0.0);
  g_assert_cmpfloat (d.estimated_cost, >, 50.0);
  g_assert_true (d.has_leg);
  text = alvh_decision_dup_explanation_text (&d);
  g_assert_nonnull (strstr (text, "Blocked"));
  g_assert_nonnull (strstr (text, "$0 already paid"));
  g_assert_nonnull (strstr (text, "limit of $50"));
  json = alvh_decision_to_json (&d);
  g_assert_nonnull (strstr (json, "\"action\":\"BLOCKED\",\"branch\":\"not_accretive\""));

  /* premium already paid counts: credit $2,000, paid $900 + leg > $1,000 */
  alvh_book_clear (book);
  c.credit = 20.0;
  alvh_book_add_condor (book, &c);
  {
    AlvhLeg leg = make_leg (1, 1, f->time[10], alvh_vix_expiry_first_after (f->time[10], 30));
    leg.premium = 9.0;
    alvh_book_add_leg (book, &leg);
  }
  d = evaluate (f, book, NULL, NULL, 60);
  g_assert_cmpfloat (d.premium_paid, ==, 900.0);
  g_assert_cmpint (d.branch, ==, ALVH_BRANCH_NOT_ACCRETIVE);
  g_free (text);
  text = alvh_decision_dup_explanation_text (&d);
  g_assert_nonnull (strstr (text, "$900 already paid"));
  g_assert_nonnull (strstr (text, "$1,000"));
}

/* ------------------------------------------------------------ n/a rules */

static void
test_na_iv_expansion (void)
{
  g_autoptr(AlvhMarketFrame) f = make_frame (N_BARS);
  g_autoptr(AlvhBook) book = alvh_book_new ();
  AlvhDecision d;

  /* bar 0 (Mon) and bar 1 (Tue): no bar 48 h earlier; bar 2 (Wed): bar 0 exactly 48 h */
  d = evaluate (f, book, NULL, NULL, 0);
  g_assert_false (d.signals[ALVH_SIGNAL_IV_EXPANSION].available);
  g_assert_false (d.signals[ALVH_SIGNAL_IV_EXPANSION].fired);
  d = evaluate (f, book, NULL, NULL, 1);
  g_assert_false (d.signals[ALVH_SIGNAL_IV_EXPANSION].available);
  f->vix[2] = 23.0;
  d = evaluate (f, book, NULL, NULL, 2);
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
  g_autoptr(AlvhMarketFrame) f = make_frame (N_BARS);
  g_autoptr(AlvhBook) book = alvh_book_new ();
  AlvhDecision d;

  /* term_inversion needs VX1; VX2 optional */
  d = evaluate (f, book, NULL, NULL, 10);
  g_assert_false (d.signals[ALVH_SIGNAL_TERM_INVERSION].available);
  f->vx1[10] = 19.0;
  d = evaluate (f, book, NULL, NULL, 10);
  g_assert_cmpfloat_with_epsilon (d.signals[ALVH_SIGNAL_TERM_INVERSION].value, 20.0 / 19.0 - 1.0, 1e-12);
  g_assert_true (d.signals[ALVH_SIGNAL_TERM_INVERSION].fired);
  f->vx1[10] = 21.0;
  f->vx2[10] = 19.0; /* VX1/VX2 = 1.105 beats VIX/VX1 = 0.952 */
  d = evaluate (f, book, NULL, NULL, 10);
  g_assert_cmpfloat_with_epsilon (d.signals[ALVH_SIGNAL_TERM_INVERSION].value, 21.0 / 19.0 - 1.0, 1e-12);

  /* RSI: n/a before 15 closes (index 14) */
  d = evaluate (f, book, NULL, NULL, 13);
  g_assert_false (d.signals[ALVH_SIGNAL_RSI_EXTREME].available);
  d = evaluate (f, book, NULL, NULL, 14);
  g_assert_true (d.signals[ALVH_SIGNAL_RSI_EXTREME].available);
  /* falling closes -> RSI 0 -> fires */
  for (gsize k = 0; k < f->n; k++)
    f->close[k] = 4000.0 - (double) k;
  d = evaluate (f, book, NULL, NULL, 14);
  g_assert_cmpfloat (d.signals[ALVH_SIGNAL_RSI_EXTREME].value, ==, 0.0);
  g_assert_true (d.signals[ALVH_SIGNAL_RSI_EXTREME].fired);

  /* MACD cross: MACD from bar 25, signal from bar 33, both on two bars from 34 */
  d = evaluate (f, book, NULL, NULL, 33);
  g_assert_false (d.signals[ALVH_SIGNAL_VIX_MACD_CROSS].available);
  d = evaluate (f, book, NULL, NULL, 34);
  g_assert_true (d.signals[ALVH_SIGNAL_VIX_MACD_CROSS].available);

  /* A/D: n/a without breadth */
  d = evaluate (f, book, NULL, NULL, 40);
  g_assert_false (d.signals[ALVH_SIGNAL_AD_DIVERGENCE].available);
  g_assert_false (d.signals[ALVH_SIGNAL_AD_DIVERGENCE].fired);
  /* with breadth: SPX makes a new 20-bar low (falling closes) while A/D stays above its low */
  for (gsize k = 0; k < f->n; k++)
    {
      f->advancers[k] = (k % 2 == 0) ? 1800 : 1200;
      f->decliners[k] = (k % 2 == 0) ? 1200 : 1800;
    }
  d = evaluate (f, book, NULL, NULL, 18);
  g_assert_false (d.signals[ALVH_SIGNAL_AD_DIVERGENCE].available); /* window of 20 not full */
  d = evaluate (f, book, NULL, NULL, 40);
  g_assert_true (d.signals[ALVH_SIGNAL_AD_DIVERGENCE].available);
  g_assert_cmpfloat (d.signals[ALVH_SIGNAL_AD_DIVERGENCE].value, ==, 600.0); /* bar 40 even: +600 */
  g_assert_true (d.signals[ALVH_SIGNAL_AD_DIVERGENCE].fired);
  /* a missing breadth bar inside the window -> n/a */
  f->advancers[35] = NAN;
  d = evaluate (f, book, NULL, NULL, 40);
  g_assert_false (d.signals[ALVH_SIGNAL_AD_DIVERGENCE].available);
}

static void
test_na_theta_wing_delta (void)
{
  g_autoptr(AlvhMarketFrame) f = make_frame (N_BARS);
  g_autoptr(AlvhBook) book = alvh_book_new ();
  AlvhCondor c = make_condor (f, 1, 3800, 4200, 10.0, 1);
  AlvhDecision d;

  /* condor opened after the reference bar -> theta_erosion n/a */
  c.opened = f->time[30]; /* opened at the bar itself: after its reference bar */
  alvh_book_add_condor (book, &c);
  d = evaluate (f, book, NULL, NULL, 30);
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
  d = evaluate (f, book, NULL, NULL, 32);
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
    AlvhLeg leg = make_leg (1, 1, f->time[2], alvh_vix_expiry_first_after (f->time[60], 30));

    alvh_book_add_leg (book, &leg);
    wave_frame (f);
    d = evaluate (f, book, NULL, NULL, 40);
    g_assert_false (d.signals[ALVH_SIGNAL_BOOK_DELTA].available);
    g_assert_false (d.signals[ALVH_SIGNAL_BOOK_DELTA].fired);
    d = evaluate (f, book, NULL, NULL, 60);
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
  g_autoptr(AlvhMarketFrame) f = make_frame (n);
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
  g_autoptr(AlvhMarketFrame) f = make_frame (N_BARS);
  g_autoptr(AlvhBook) book = alvh_book_new ();
  g_autoptr(AlvhEvaluator) ev = NULL;
  AlvhCondor c = make_condor (f, 1, 3800, 4200, 10.0, 2);
  AlvhMarketState m;
  gint64 expiry = f->time[60];

  wave_frame (f);
  alvh_book_add_condor (book, &c);
  for (guint l = 0; l < 6; l++)
    {
      AlvhLeg leg;

      expiry = alvh_vix_expiry_first_after (expiry, 1);
      leg = make_leg (l + 1, 1, f->time[2 + l], expiry);
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
  g_autoptr(AlvhMarketFrame) f = make_frame (N_BARS);
  g_autoptr(AlvhBook) book = alvh_book_new ();
  g_autoptr(AlvhEvaluator) ev = NULL;
  AlvhCondor c = make_condor (f, 1, 3800, 4200, 10.0, 2);
  gint64 e1 = alvh_vix_expiry_first_after (f->time[60], 20);
  gint64 e2 = alvh_vix_expiry_first_after (e1, 20);
  AlvhMarketState m;

  wave_frame (f);
  alvh_book_add_condor (book, &c);
  for (guint l = 0; l < 10; l++)
    {
      /* long 20, 21, .. 24, short 25, 26, .. 29: e1's spreads share no
       * strike; e2's repeat e1's strikes on another expiry */
      AlvhLeg leg = make_leg (l + 1, 1, f->time[2 + l], l < 5 ? e1 : e2);

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
  g_autoptr(AlvhMarketFrame) f = make_frame (N_BARS);
  g_autoptr(AlvhBook) book = alvh_book_new ();
  g_autoptr(AlvhProfile) p = alvh_profile_new ();
  AlvhCondor c = make_condor (f, 1, 3800, 4200, 10.0, 2);
  AlvhLeg hedge = make_leg (1, 1, f->time[2], alvh_vix_expiry_first_after (f->time[60], 30));
  AlvhLeg spx_put = make_leg (2, 0, f->time[3], c.expiry), vix_put = hedge;
  AlvhDecision before, after;
  AlvhMarketState m;
  AlvhBookGreeks g;
  AlvhGreeks put, vput;
  double vix_before;

  wave_frame (f);
  alvh_book_add_condor (book, &c);
  alvh_book_add_leg (book, &hedge);
  before = evaluate (f, book, NULL, NULL, 60);
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
  after = evaluate (f, book, NULL, NULL, 60);
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

static void
test_json_all_keys (void)
{
  g_autoptr(AlvhMarketFrame) f = make_frame (N_BARS);
  g_autoptr(AlvhBook) book = alvh_book_new ();
  AlvhDecision d = evaluate (f, book, NULL, NULL, 0);
  g_autofree char *json = alvh_decision_to_json (&d);
  guint n_null = 0;

  for (guint k = 0; k < ALVH_N_SIGNALS; k++)
    {
      g_autofree char *key = g_strdup_printf ("\"%s\":{", alvh_signal_id_to_key ((AlvhSignalId) k));
      g_assert_nonnull (strstr (json, key));
    }
  for (const char *p = json; (p = strstr (p, "\"value\":null")) != NULL; p++)
    n_null++;
  /* at bar 0 without a book only macro_regime (0 events) has a value */
  g_assert_cmpuint (n_null, ==, ALVH_N_SIGNALS - 1);
  g_assert_nonnull (strstr (json, "\"macro_regime\":{\"kind\":\"fixed\",\"value\":0,"));
  g_assert_nonnull (strstr (json, "\"time\":"));
  g_assert_nonnull (strstr (json, "\"layer\":0,\"size\":0"));
  g_assert_nonnull (strstr (json, "\"profile\":{\"name\":\"Default\",\"version\":1}"));
}

static void
test_events_csv (void)
{
  const char *text = "date,kind,shift,note\n"
                     "2022-06-10,CPI,true,\"8.6 %, hottest since 1981\"\n"
                     "2022-05-04,fomc,no,\n"
                     "06/15/2022,FOMC,1,75 bp\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = alvh_events_parse_csv (text, -1, "ev.csv", &error);
  const AlvhEvent *e;

  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 3);
  e = g_ptr_array_index (events, 0); /* sorted */
  g_assert_cmpint (e->kind, ==, ALVH_EVENT_FOMC);
  g_assert_false (e->shift);
  e = g_ptr_array_index (events, 1);
  g_assert_cmpint (e->time, ==, alvh_time_from_ny_date (2022, 6, 10));
  g_assert_true (e->shift);
  g_assert_cmpstr (e->note, ==, "8.6 %, hottest since 1981");
  e = g_ptr_array_index (events, 2);
  g_assert_cmpstr (alvh_event_kind_to_string (e->kind), ==, "FOMC");
  g_assert_cmpuint (alvh_events_count_shift (events, alvh_time_from_ny_date (2022, 6, 15), 5), ==, 2);
  g_assert_cmpuint (alvh_events_count_shift (events, alvh_time_from_ny_date (2022, 6, 16), 5), ==, 1);

  g_clear_pointer (&events, g_ptr_array_unref);
  events = alvh_events_parse_csv ("date,kind,shift,note\n2022-06-10,GDP,true,x\n", -1, "ev.csv", &error);
  g_assert_null (events);
  g_assert_error (error, ALVH_EVENT_ERROR, ALVH_EVENT_ERROR_PARSE);
  g_assert_true (g_str_has_prefix (error->message, "ev.csv:2:12: "));
  g_assert_nonnull (strstr (error->message, "CPI, PPI, FOMC or OTHER"));
  g_clear_error (&error);
  events = alvh_events_parse_csv ("date,kind,shift,note\n2022-06-10,CPI,maybe,x\n", -1, "ev.csv", &error);
  g_assert_null (events);
  g_assert_true (g_str_has_prefix (error->message, "ev.csv:2:16: "));
  g_clear_error (&error);
  events = alvh_events_parse_csv ("date,kind,shift,note\n2022-13-10,CPI,true,x\n", -1, "ev.csv", &error);
  g_assert_null (events);
  g_assert_true (g_str_has_prefix (error->message, "ev.csv:2:1: "));
  g_clear_error (&error);
  events = alvh_events_parse_csv ("when,kind,shift\n", -1, "ev.csv", &error);
  g_assert_null (events);
  g_assert_true (g_str_has_prefix (error->message, "ev.csv:1:1: "));
}

/* A profile name longer than the decision's field is cut at a character
 * boundary: the JSON line stays valid UTF-8. */
static void
test_profile_name_utf8 (void)
{
  g_autoptr(AlvhDecision) d = alvh_decision_new ();
  g_autoptr(GString) name = g_string_new (NULL);
  g_autofree char *json = NULL;

  /* 62 ASCII bytes, then a 3-byte character that does not fit */
  for (guint i = 0; i < 62; i++)
    g_string_append_c (name, 'a');
  g_string_append (name, "\u20ac");
  alvh_decision_set_profile_name (d, name->str);
  g_assert_cmpuint (strlen (d->profile_name), ==, 62);
  g_assert_true (g_utf8_validate (d->profile_name, -1, NULL));
  json = alvh_decision_to_json (d);
  g_assert_true (g_utf8_validate (json, -1, NULL));
  alvh_decision_set_profile_name (d, NULL);
  g_assert_cmpstr (d->profile_name, ==, "");
}

/* The explanation's numbers are written by the one formatter in the reader's
 * language: "12.04%" and "70.0" in English, "12,04 %" and "70,0" in German
 * (the build tree's catalogue, LC_NUMERIC "C") */
static void
explanation_for (AlvhDecision *d)
{
  alvh_decision_init (d);
  d->action = ALVH_ACTION_ADD;
  d->branch = ALVH_BRANCH_CONFLUENCE;
  alvh_decision_set_signal (d, ALVH_SIGNAL_RSI_EXTREME, 70.0, 30.0, TRUE);
  d->signals[ALVH_SIGNAL_RSI_EXTREME].threshold_high = 70.0;
  alvh_decision_set_signal (d, ALVH_SIGNAL_BOOK_DELTA, -0.25, 0.18, TRUE);
  d->has_leg = TRUE;
  d->layer = 1;
  d->size = 2;
  d->leg.long_strike = 22.5;
  d->leg.short_strike = 25;
  d->estimated_cost = 1202.0;
  d->iv = 0.1204;
}

static void
test_explanation_locale (void)
{
  AlvhDecision d;
  g_autofree char *en = NULL;
  g_autofree char *de = NULL;

  explanation_for (&d);
  en = alvh_decision_dup_explanation_text (&d);
  g_assert_nonnull (strstr (en, "The SPX RSI is 70.0, at or above the overbought level 70."));
  g_assert_nonnull (strstr (en, "delta is \u22120.25 per condor unit, beyond the \u00b10.18 tolerance"));
  g_assert_nonnull (strstr (en, "2 VIX 22.5/25 call spreads for about $1,202."));
  g_assert_nonnull (strstr (en, "IV: 12.04%, VIX / 100"));
  if (!test_use_german ())
    return;
  alvh_format_bind_textdomain ();
  de = alvh_decision_dup_explanation_text (&d);
  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "C");
  g_assert_nonnull (strstr (de, "Der SPX-RSI liegt bei 70,0, auf oder über dem überkauften Niveau 70."));
  g_assert_nonnull (strstr (de, "\u22120,25 je Condor-Einheit"));
  g_assert_nonnull (strstr (de, "2 VIX-Call-Spreads 22,5/25 für etwa $1.202."));
  g_assert_nonnull (strstr (de, "IV: 12,04\u00a0%, VIX / 100"));
  g_assert_null (strstr (de, "70.0"));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/evaluator/calendar", test_calendar);
  g_test_add_func ("/core/evaluator/explanation-locale", test_explanation_locale);
  g_test_add_func ("/core/evaluator/branch/no-position", test_branch_no_position);
  g_test_add_func ("/core/evaluator/branch/max-layers", test_branch_max_layers);
  g_test_add_func ("/core/evaluator/branch/cooldown", test_branch_cooldown);
  g_test_add_func ("/core/evaluator/branch/cooldown-15h-fill", test_branch_cooldown_15h_fill);
  g_test_add_func ("/core/evaluator/leg/own-future", test_leg_own_future);
  g_test_add_func ("/core/evaluator/signal/term-inversion-vix3m", test_term_inversion_vix3m);
  g_test_add_func ("/core/evaluator/book-as-of", test_book_as_of);
  g_test_add_func ("/core/evaluator/branch/regime", test_branch_regime);
  g_test_add_func ("/core/evaluator/branch/fixed", test_branch_fixed);
  g_test_add_func ("/core/evaluator/branch/confluence", test_branch_confluence);
  g_test_add_func ("/core/evaluator/branch/none", test_branch_none);
  g_test_add_func ("/core/evaluator/branch/not-accretive", test_branch_not_accretive);
  g_test_add_func ("/core/evaluator/na/iv-expansion", test_na_iv_expansion);
  g_test_add_func ("/core/evaluator/na/term-rsi-macd-ad", test_na_term_rsi_macd_ad);
  g_test_add_func ("/core/evaluator/na/theta-wing-delta", test_na_theta_wing_delta);
  g_test_add_func ("/core/evaluator/signal/book-delta-other-legs", test_book_delta_other_legs);
  g_test_add_func ("/core/evaluator/signal/book-delta-many-expiries", test_book_delta_many_expiries);
  g_test_add_func ("/core/evaluator/signal/book-delta-many-legs", test_book_delta_many_legs);
  g_test_add_func ("/core/evaluator/signal/ad-divergence-long-frame", test_ad_divergence_long_frame);
  g_test_add_func ("/core/evaluator/json/all-keys", test_json_all_keys);
  g_test_add_func ("/core/evaluator/json/profile-name-utf8", test_profile_name_utf8);
  g_test_add_func ("/core/evaluator/events/csv", test_events_csv);

  return g_test_run ();
}
