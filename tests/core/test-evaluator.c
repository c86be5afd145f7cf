/* test-evaluator.c — the decision tree (ALVH-SPEC.md section 3) and what a
 * decision says: its branches, the book as of an instant, the VIX calendar,
 * the explanation, the JSON line and the events file
 *
 * Each scenario builds a small daily frame (weekdays from Monday 2021-01-04,
 * test-evaluator-util.h), a book and sometimes events, and checks one branch
 * of the tree with real numbers.  The signals' n/a rules are in
 * test-evaluator-signals.c, book_delta and the hedge legs' marks in
 * test-evaluator-book.c.
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "alvh-core.h"
#include "test-evaluator-util.h"
#include "test-util.h"

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
  g_autoptr(AlvhMarketFrame) f = test_eval_frame (TEST_EVAL_N_BARS);
  g_autoptr(AlvhBook) book = alvh_book_new ();
  AlvhDecision d;

  jump_vix_after_ref (f, 70, 30.0);
  d = test_eval_decide (f, book, NULL, NULL, 70);
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
  g_autoptr(AlvhMarketFrame) f = test_eval_frame (TEST_EVAL_N_BARS);
  g_autoptr(AlvhBook) book = alvh_book_new ();
  AlvhCondor c = test_eval_condor (f, 1, 3950, 4500, 5.0, 1);
  gint64 vexp = alvh_vix_expiry_first_after (f->time[0], 30);
  AlvhDecision d;

  alvh_book_add_condor (book, &c);
  for (guint l = 1; l <= 3; l++)
    {
      AlvhLeg leg = test_eval_leg (l, l, f->time[l], vexp);
      alvh_book_add_leg (book, &leg);
    }
  d = test_eval_decide (f, book, NULL, NULL, 40);
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
  d = test_eval_decide (f, book, NULL, NULL, 40);
  g_assert_cmpuint (d.layers_used, ==, 2);
  g_assert_cmpint (d.branch, !=, ALVH_BRANCH_MAX_LAYERS);
}

static void
test_branch_cooldown (void)
{
  g_autoptr(AlvhMarketFrame) f = test_eval_frame (TEST_EVAL_N_BARS);
  g_autoptr(AlvhBook) book = alvh_book_new ();
  AlvhCondor c = test_eval_condor (f, 1, 3950, 4500, 20.0, 1);
  gint64 vexp = alvh_vix_expiry_first_after (f->time[0], 30);
  /* a daily bar stands at 16:00 New York: 23 hours before that */
  AlvhLeg leg = test_eval_leg (1, 1, alvh_time_bar_close (f->time[40]) - 23 * 3600, vexp);
  AlvhDecision d;
  g_autofree char *text = NULL;

  alvh_book_add_condor (book, &c);
  alvh_book_add_leg (book, &leg);
  d = test_eval_decide (f, book, NULL, NULL, 40);
  g_assert_cmpint (d.branch, ==, ALVH_BRANCH_COOLDOWN);
  g_assert_cmpfloat_with_epsilon (d.hours_since_last_leg, 23.0, 1e-9);
  text = alvh_decision_dup_explanation_text (&d);
  g_assert_nonnull (strstr (text, "23 hours"));

  /* exactly 24 hours is not "less than 24 hours ago" */
  alvh_book_clear (book);
  alvh_book_add_condor (book, &c);
  leg.opened = alvh_time_bar_close (f->time[40]) - 24 * 3600;
  alvh_book_add_leg (book, &leg);
  d = test_eval_decide (f, book, NULL, NULL, 40);
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
  g_autoptr(AlvhMarketFrame) f = test_eval_frame (TEST_EVAL_N_BARS);
  g_autoptr(AlvhBook) book = alvh_book_new ();
  AlvhCondor c = test_eval_condor (f, 1, 3950, 4500, 20.0, 1);
  gint64 vexp = alvh_vix_expiry_first_after (f->time[0], 30);
  int y, m, day;
  AlvhLeg leg;
  AlvhDecision d;
  g_autofree char *text = NULL;

  alvh_time_to_ny_date (f->time[40], &y, &m, &day);
  leg = test_eval_leg (1, 1, alvh_time_from_ny_local (y, m, day, 15, 0, 0), vexp);
  alvh_book_add_condor (book, &c);
  alvh_book_add_leg (book, &leg);
  g_assert_cmpint (alvh_time_bar_close (f->time[40]) - leg.opened, ==, 3600);

  d = test_eval_decide (f, book, NULL, NULL, 40);
  g_assert_cmpint (d.branch, ==, ALVH_BRANCH_COOLDOWN);
  g_assert_cmpfloat_with_epsilon (d.hours_since_last_leg, 1.0, 1e-9);
  text = alvh_decision_dup_explanation_text (&d);
  g_assert_nonnull (strstr (text, "added 1 hour"));

  /* bar 41 is the next weekday: 25 hours after the fill */
  g_assert_cmpint (alvh_time_calendar_days (f->time[40], f->time[41]), ==, 1);
  d = test_eval_decide (f, book, NULL, NULL, 41);
  g_assert_cmpfloat_with_epsilon (d.hours_since_last_leg, 25.0, 1e-9);
  g_assert_cmpint (d.branch, ==, ALVH_BRANCH_FIXED);
  g_assert_cmpint (d.action, ==, ALVH_ACTION_ADD);
}

/* Section 1 v2: the book as of t, before and after a position's open, its
 * close and its expiry */
static void
test_book_as_of (void)
{
  g_autoptr(AlvhMarketFrame) f = test_eval_frame (TEST_EVAL_N_BARS);
  g_autoptr(AlvhBook) book = alvh_book_new ();
  AlvhCondor c = test_eval_condor (f, 1, 3950, 4500, 20.0, 1);
  AlvhCondor closed = test_eval_condor (f, 2, 3000, 5000, 20.0, 1);
  gint64 vexp = alvh_vix_expiry_first_after (f->time[0], 30);
  AlvhLeg leg = test_eval_leg (1, 1, alvh_time_bar_close (f->time[30]) - 3600, vexp);
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
    AlvhDecision d = test_eval_decide (f, before, NULL, NULL, 19);

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
    AlvhDecision d = test_eval_decide (f, later, NULL, NULL, 30);

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
  g_autoptr(AlvhMarketFrame) f = test_eval_frame (TEST_EVAL_N_BARS);
  g_autoptr(AlvhBook) book = alvh_book_new ();
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify) alvh_event_free);
  AlvhCondor c = test_eval_condor (f, 1, 3000, 5000, 20.0, 1);
  AlvhDecision d;

  alvh_book_add_condor (book, &c);
  jump_vix_after_ref (f, 70, 24.0); /* +20 % */
  g_ptr_array_add (events, alvh_event_new (f->time[70] - 5 * ALVH_SECONDS_PER_DAY, ALVH_EVENT_CPI, TRUE, "hot print"));
  d = test_eval_decide (f, book, events, NULL, 70);
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
  d = test_eval_decide (f, book, events, NULL, 70);
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
  d = test_eval_decide (f, book, events, NULL, 70);
  g_assert_true (d.signals[ALVH_SIGNAL_MACRO_REGIME].fired);
  g_assert_cmpuint (d.realtime_fired, ==, 0);
  g_assert_cmpint (d.branch, ==, ALVH_BRANCH_NONE);
}

static void
test_branch_fixed (void)
{
  g_autoptr(AlvhMarketFrame) f = test_eval_frame (TEST_EVAL_N_BARS);
  g_autoptr(AlvhBook) book = alvh_book_new ();
  AlvhCondor c = test_eval_condor (f, 1, 3950, 4600, 5.0, 2);
  AlvhDecision d;
  gint64 days;
  double sd;

  alvh_book_add_condor (book, &c);
  f->vx1[60] = 20.0;
  f->vx2[60] = 21.0; /* contango: no inversion */
  f->vvix[60] = 100.0;
  d = test_eval_decide (f, book, NULL, NULL, 60);
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
    AlvhCondor skew = test_eval_condor (f, 2, 3000, 4050, 40.0, 1);

    skew.long_call = 4600; /* a wide call wing: short about 0.4 delta */
    alvh_book_clear (book);
    alvh_book_add_condor (book, &skew);
    g_assert_true (alvh_profile_set_value (p, "wing_sd", -1.0, NULL));
    d = test_eval_decide (f, book, NULL, p, 60);
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
  g_autoptr(AlvhMarketFrame) f = test_eval_frame (TEST_EVAL_N_BARS);
  g_autoptr(AlvhBook) book = alvh_book_new ();
  AlvhCondor c = test_eval_condor (f, 1, 3000, 5000, 20.0, 1);
  AlvhDecision d;
  g_autofree char *json = NULL;

  alvh_book_add_condor (book, &c);
  jump_vix_after_ref (f, 70, 24.0);
  f->vx1[70] = 22.0; /* VIX 24 > VX1 22: inverted by 9.1 % */
  d = test_eval_decide (f, book, NULL, NULL, 70);
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
    d = test_eval_decide (f, book, NULL, p, 70);
    g_assert_cmpint (d.branch, ==, ALVH_BRANCH_CONFLUENCE);
    g_assert_true (alvh_profile_set_value (p, "realtime_quorum", 4, NULL));
    d = test_eval_decide (f, book, NULL, p, 70);
    g_assert_cmpuint (d.realtime_fired, ==, 3);
    g_assert_cmpint (d.branch, ==, ALVH_BRANCH_NONE);
  }
}

static void
test_branch_none (void)
{
  g_autoptr(AlvhMarketFrame) f = test_eval_frame (TEST_EVAL_N_BARS);
  g_autoptr(AlvhBook) book = alvh_book_new ();
  AlvhCondor c = test_eval_condor (f, 1, 3000, 5000, 20.0, 1);
  AlvhDecision d;
  g_auto(GStrv) sentences = NULL;

  alvh_book_add_condor (book, &c);
  d = test_eval_decide (f, book, NULL, NULL, 70);
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
  g_autoptr(AlvhMarketFrame) f = test_eval_frame (TEST_EVAL_N_BARS);
  g_autoptr(AlvhBook) book = alvh_book_new ();
  AlvhCondor c = test_eval_condor (f, 1, 3950, 4600, 1.0, 1); /* $100 credit: limit $50 */
  AlvhDecision d;
  g_autofree char *text = NULL;
  g_autofree char *json = NULL;

  alvh_book_add_condor (book, &c);
  d = test_eval_decide (f, book, NULL, NULL, 60);
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
    AlvhLeg leg = test_eval_leg (1, 1, f->time[10], alvh_vix_expiry_first_after (f->time[10], 30));
    leg.premium = 9.0;
    alvh_book_add_leg (book, &leg);
  }
  d = test_eval_decide (f, book, NULL, NULL, 60);
  g_assert_cmpfloat (d.premium_paid, ==, 900.0);
  g_assert_cmpint (d.branch, ==, ALVH_BRANCH_NOT_ACCRETIVE);
  g_free (text);
  text = alvh_decision_dup_explanation_text (&d);
  g_assert_nonnull (strstr (text, "$900 already paid"));
  g_assert_nonnull (strstr (text, "$1,000"));
}

static void
test_json_all_keys (void)
{
  g_autoptr(AlvhMarketFrame) f = test_eval_frame (TEST_EVAL_N_BARS);
  g_autoptr(AlvhBook) book = alvh_book_new ();
  AlvhDecision d = test_eval_decide (f, book, NULL, NULL, 0);
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
  g_test_add_func ("/core/evaluator/book-as-of", test_book_as_of);
  g_test_add_func ("/core/evaluator/branch/regime", test_branch_regime);
  g_test_add_func ("/core/evaluator/branch/fixed", test_branch_fixed);
  g_test_add_func ("/core/evaluator/branch/confluence", test_branch_confluence);
  g_test_add_func ("/core/evaluator/branch/none", test_branch_none);
  g_test_add_func ("/core/evaluator/branch/not-accretive", test_branch_not_accretive);
  g_test_add_func ("/core/evaluator/json/all-keys", test_json_all_keys);
  g_test_add_func ("/core/evaluator/json/profile-name-utf8", test_profile_name_utf8);
  g_test_add_func ("/core/evaluator/events/csv", test_events_csv);

  return g_test_run ();
}
