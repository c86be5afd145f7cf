/* alvh-evaluator.h — the ALVH signals and the hybrid decision tree (ALVH-SPEC.md sections 2-4)
 *
 * An evaluator is built once for a market frame and a profile: it computes
 * the indicators (RSI, MACD, beta, A/D line and windows) and the iv_ref bar of
 * every bar up front, so that evaluating a bar costs a few model prices and
 * allocates nothing.
 *
 * Threads: an evaluator is immutable except for a per-bar memo that
 * alvh_evaluator_evaluate() fills, so use one evaluator per thread
 * (alvh_replay_run_async() builds its own from the same frame, profile and
 * events).  Condor ids must be unique per condor (0 = do not memoise).
 */
#pragma once

#include <glib-object.h>

#include "alvh-decision.h"
#include "alvh-event.h"
#include "alvh-market-frame.h"
#include "alvh-position.h"
#include "alvh-profile.h"

G_BEGIN_DECLS

#define ALVH_TYPE_EVALUATOR (alvh_evaluator_get_type ())

typedef struct _AlvhEvaluator AlvhEvaluator;

GType           alvh_evaluator_get_type       (void) G_GNUC_CONST;
/* events: GPtrArray of AlvhEvent (may be NULL); it is copied and sorted. */
AlvhEvaluator  *alvh_evaluator_new            (AlvhMarketFrame  *frame,
                                               AlvhProfile      *profile,
                                               GPtrArray        *events);
AlvhEvaluator  *alvh_evaluator_ref            (AlvhEvaluator    *self);
void            alvh_evaluator_unref          (AlvhEvaluator    *self);

AlvhMarketFrame *alvh_evaluator_get_frame     (AlvhEvaluator    *self);
AlvhProfile     *alvh_evaluator_get_profile   (AlvhEvaluator    *self);
/* The events (AlvhEvent, sorted by time); never NULL. */
GPtrArray       *alvh_evaluator_get_events    (AlvhEvaluator    *self);

/* Precomputed per-bar series (n values, NAN where undefined). */
const double   *alvh_evaluator_get_rsi        (AlvhEvaluator    *self);
const double   *alvh_evaluator_get_macd       (AlvhEvaluator    *self);
const double   *alvh_evaluator_get_macd_signal(AlvhEvaluator    *self);
const double   *alvh_evaluator_get_beta       (AlvhEvaluator    *self);
const double   *alvh_evaluator_get_ad_line    (AlvhEvaluator    *self);
/* The iv_ref bar of bar i (latest bar with time <= t - iv_window_hours), or -1. */
gssize          alvh_evaluator_get_ref_index  (AlvhEvaluator    *self,
                                               gsize             i);

/* The model's market at bar i: spx close, iv = VIX/100, vx1, vix_vol = the
 * profile's vix_vol (marking, section 5), beta, rate, q, multiplier. */
void            alvh_evaluator_market_state   (AlvhEvaluator    *self,
                                               gsize             i,
                                               AlvhMarketState  *out);

/* Evaluate bar i against `book` (as it stands at that bar's close). */
void            alvh_evaluator_evaluate       (AlvhEvaluator    *self,
                                               gsize             i,
                                               AlvhBook         *book,
                                               AlvhDecision     *out);

/* Section 4 helpers. */
/* VIX expiry of month (year, month 1..12): the Wednesday 30 days before the
 * third Friday of the next month; returned as a date at 00:00 New York. */
gint64          alvh_vix_expiry_for_month     (int               year,
                                               int               month);
/* First VIX expiry at least min_dte calendar days after t's date. */
gint64          alvh_vix_expiry_first_after   (gint64            t,
                                               int               min_dte);
/* First Friday on or after t's date + days (a date at 00:00 New York). */
gint64          alvh_friday_on_or_after       (gint64            t,
                                               int               days);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AlvhEvaluator, alvh_evaluator_unref)

G_END_DECLS
