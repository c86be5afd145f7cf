/* test-evaluator-util.h — hand-built markets and books for the evaluator's tests
 *
 * A frame of weekday daily bars from Monday 2021-01-04, iron condors and VIX
 * call spreads on it, and one decision of the default (or a given) profile.
 * Shared by tests/core/test-evaluator.c, test-evaluator-signals.c and
 * test-evaluator-book.c.
 */
#pragma once

#include "alvh-core.h"

G_BEGIN_DECLS

/* Bars in a scenario's frame, enough for beta (known from bar 61) */
#define TEST_EVAL_N_BARS 80

/* Weekday daily bars: SPX 4000 flat, VIX 20 flat, nothing else. */
AlvhMarketFrame *test_eval_frame  (gsize            n);
/* A condor opened on bar 0, wings 50 wide, expiring on the first Friday
 * 150 days or more after bar 0 */
AlvhCondor       test_eval_condor (AlvhMarketFrame *f,
                                   gint64           id,
                                   double           short_put,
                                   double           short_call,
                                   double           credit,
                                   double           units);
/* A 22/27 VIX call spread of condor 1, @layer contracts at 1.00 */
AlvhLeg          test_eval_leg    (gint64           id,
                                   guint            layer,
                                   gint64           open_time,
                                   gint64           expiry);
/* SPX and VIX swing against each other, bar by bar (beta is known from bar 61) */
void             test_eval_wave   (AlvhMarketFrame *f);
/* The decision at bar @i for @book, by @profile (the default one when NULL) */
AlvhDecision     test_eval_decide (AlvhMarketFrame *f,
                                   AlvhBook        *book,
                                   GPtrArray       *events,
                                   AlvhProfile     *profile,
                                   gsize            i);

G_END_DECLS
