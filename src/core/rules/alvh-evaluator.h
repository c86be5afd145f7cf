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

/**
 * alvh_evaluator_get_type:
 * Returns: the boxed type of #AlvhEvaluator
 */
GType           alvh_evaluator_get_type       (void) G_GNUC_CONST;

/**
 * alvh_evaluator_new:
 * @frame: the joined market bars; a reference is taken
 * @profile: the rule profile; it is copied
 * @events: (nullable) (element-type AlvhEvent): macro events; they are
 *   copied and sorted by time
 *
 * Precomputes the indicators the rules need over the whole frame.
 *
 * Returns: (transfer full): the evaluator
 */
AlvhEvaluator  *alvh_evaluator_new            (AlvhMarketFrame  *frame,
                                               AlvhProfile      *profile,
                                               GPtrArray        *events);

/**
 * alvh_evaluator_ref:
 * @self: an evaluator
 *
 * Returns: (transfer full): @self with one more reference
 */
AlvhEvaluator  *alvh_evaluator_ref            (AlvhEvaluator    *self);

/**
 * alvh_evaluator_unref:
 * @self: (transfer full): an evaluator
 *
 * Drops a reference; the last one frees the evaluator.
 */
void            alvh_evaluator_unref          (AlvhEvaluator    *self);

/**
 * alvh_evaluator_get_frame:
 * @self: an evaluator
 *
 * Returns: (transfer none): the market bars
 */
AlvhMarketFrame *alvh_evaluator_get_frame     (AlvhEvaluator    *self);

/**
 * alvh_evaluator_get_profile:
 * @self: an evaluator
 *
 * Returns: (transfer none): the evaluator's copy of the profile
 */
AlvhProfile     *alvh_evaluator_get_profile   (AlvhEvaluator    *self);

/**
 * alvh_evaluator_get_events:
 * @self: an evaluator
 *
 * Returns: (transfer none) (element-type AlvhEvent): the events sorted by
 *   time; never %NULL
 */
GPtrArray       *alvh_evaluator_get_events    (AlvhEvaluator    *self);

/**
 * alvh_evaluator_get_ref_index:
 * @self: an evaluator
 * @i: a bar index
 *
 * Returns: the iv_ref bar of bar @i (the latest bar with time <= t -
 *   iv_window_hours), or -1
 */
gssize          alvh_evaluator_get_ref_index  (AlvhEvaluator    *self,
                                               gsize             i);

/**
 * alvh_evaluator_market_state:
 * @self: an evaluator
 * @i: a bar index
 * @out: (out caller-allocates): the market state
 *
 * The model's market at bar @i: SPX close, iv = VIX / 100, VX1 .. VX8,
 * the vol of VIX options (VVIX / 100 when known, else the profile's vix_vol:
 * ALVH-SPEC.md sections 4 and 5), beta, rate, dividend yield and multiplier.
 */
void            alvh_evaluator_market_state   (AlvhEvaluator    *self,
                                               gsize             i,
                                               AlvhMarketState  *out);

/**
 * alvh_evaluator_evaluate:
 * @self: an evaluator
 * @i: a bar index
 * @book: the book as it stands at the bar's close
 * @out: (out caller-allocates): the decision: signals, branch, action, sizing
 *   and the proposed leg
 *
 * Evaluates bar @i against @book (ALVH-SPEC.md sections 3 and 4) at the
 * instant the bar stands (16:00 New York for a daily bar).
 */
void            alvh_evaluator_evaluate       (AlvhEvaluator    *self,
                                               gsize             i,
                                               AlvhBook         *book,
                                               AlvhDecision     *out);

/**
 * alvh_evaluator_evaluate_at:
 * @self: an evaluator
 * @i: a bar index: the latest bar that stands at or before @t
 * @t: the evaluation instant, Unix seconds (the bar's own instant when
 *   earlier)
 * @book: the book as of @t (alvh_book_copy_as_of())
 * @out: (out caller-allocates): the decision
 *
 * Evaluates bar @i at @t: the cooldown counts from the last leg's fill to
 * @t, macro events up to @t count, and a proposed leg is opened at @t.
 * alvh_evaluator_evaluate() is this at the bar's own instant.
 */
void            alvh_evaluator_evaluate_at    (AlvhEvaluator    *self,
                                               gsize             i,
                                               gint64            t,
                                               AlvhBook         *book,
                                               AlvhDecision     *out);

/**
 * alvh_evaluator_get_bar_instant:
 * @self: an evaluator
 * @i: a bar index
 *
 * Returns: the instant bar @i stands at (ALVH-SPEC.md section 1): 16:00 New
 *   York on its date for a daily bar, else its time
 */
gint64          alvh_evaluator_get_bar_instant (AlvhEvaluator   *self,
                                               gsize             i);

/* Section 4 helpers. */

/**
 * alvh_vix_expiry_for_month:
 * @year: the year
 * @month: the month, 1 to 12
 *
 * Returns: the VIX expiry of the month's contract (the Wednesday 30 days
 *   before the third Friday of the next month) as a date at 00:00 New York
 */
gint64          alvh_vix_expiry_for_month     (int               year,
                                               int               month);

/**
 * alvh_vix_expiry_first_after:
 * @t: Unix seconds
 * @min_dte: the fewest calendar days to expiry
 *
 * Returns: the first VIX expiry at least @min_dte calendar days after the
 *   date of @t, at 00:00 New York
 */
gint64          alvh_vix_expiry_first_after   (gint64            t,
                                               int               min_dte);

/**
 * alvh_friday_on_or_after:
 * @t: Unix seconds
 * @days: calendar days to add to the date of @t
 *
 * Returns: the first Friday on or after the date of @t plus @days, at 00:00
 *   New York
 */
gint64          alvh_friday_on_or_after       (gint64            t,
                                               int               days);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AlvhEvaluator, alvh_evaluator_unref)

G_END_DECLS
