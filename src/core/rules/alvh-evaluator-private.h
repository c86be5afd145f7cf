/* alvh-evaluator-private.h — evaluator internals shared with the replay */
#pragma once

#include "alvh-evaluator.h"

G_BEGIN_DECLS

/* Model value (points per unit, short legs minus long legs) of condor c at
 * bar i, from the evaluator's per-bar memo when alvh_evaluator_evaluate()
 * already priced it there. */
double  _alvh_evaluator_condor_value  (AlvhEvaluator    *self,
                                       const AlvhCondor *c,
                                       gsize             i);

/* alvh_leg_value () of a hedge leg at bar i on its own VIX future
 * (alvh_market_state_vix_forward ()), the VX term memoised per day. */
double  _alvh_evaluator_leg_value     (AlvhEvaluator    *self,
                                       const AlvhLeg    *leg,
                                       gsize             i);

/* The mark of @book's open VIX hedges at bar i (after evaluating it):
 * adds value x open quantity x @mult of each to @value and premium x open
 * quantity x @mult to @premium, in the book's order */
void    _alvh_evaluator_mark_hedges   (AlvhEvaluator    *self,
                                       AlvhBook         *book,
                                       gsize             i,
                                       double            mult,
                                       double           *value,
                                       double           *premium);

/* The New York day number of bar i (alvh_time_ny_day () of its time). */
gint64  _alvh_evaluator_get_day       (AlvhEvaluator    *self,
                                       gsize            i);

G_END_DECLS
