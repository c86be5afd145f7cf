/* alvh-journal-review.h — the review: leg outcomes and statistics
 *
 * Part of the journal store's API: include alvh-journal-store.h.
 */
#pragma once

#include "alvh-journal-store.h"

G_BEGIN_DECLS

GPtrArray        *alvh_journal_store_review_legs       (AlvhJournalStore        *self,
                                                        gint64                   account_id,
                                                        const AlvhJournalMarket *market,
                                                        GError                 **error);

/**
 * alvh_journal_store_compute_stats:
 * @self: the store
 * @account_id: an account (0 = all, where the function lists or reviews)
 * @market: (nullable): SPX and VIX closes for the marks
 * @error: return location for a #GError
 *
 * Statistics over the legs (per trigger, per combination of triggers that
 * fired together, per branch), per condor with and without its hedges, and
 * adherence (condors where the rules were followed vs overridden by a
 * skipped decision or a manual leg), as of now: alvh_journal_store_compute_stats_at()
 * with @at 0.
 *
 * Returns: (transfer full) (nullable): the statistics, or %NULL with @error
 *   set
 */
AlvhJournalStats *alvh_journal_store_compute_stats     (AlvhJournalStore        *self,
                                                        gint64                   account_id,
                                                        const AlvhJournalMarket *market,
                                                        GError                 **error);

AlvhJournalStats *alvh_journal_store_compute_stats_at  (AlvhJournalStore        *self,
                                                        gint64                   account_id,
                                                        const AlvhJournalMarket *market,
                                                        gint64                   at,
                                                        GError                 **error);

/**
 * alvh_journal_market_join_all:
 * @spx: SPX daily bars
 * @vix: VIX daily bars (with opens for VIX settlement)
 * @vx: (nullable): VX1/VX2 settles
 * @vvix: (nullable): VVIX closes
 *
 * Returns: (transfer full): the review's market joined as the evaluator joins
 *   it (ALVH-SPEC section 5), so that VIX legs are marked on VX1 and VVIX
 */
AlvhJournalMarket *alvh_journal_market_join_all        (AlvhSeries              *spx,
                                                        AlvhSeries              *vix,
                                                        AlvhSeries              *vx,
                                                        AlvhSeries              *vvix);

/**
 * alvh_journal_market_new_from_frame:
 * @frame: joined daily bars (alvh_stored_load_frame())
 * @vix: (nullable): the VIX series with its opens, for VIX settlement
 *
 * Returns: (transfer full): the review's market on @frame, so that the
 *   review marks on the same bars (VX, VVIX) as `alvh book list`
 */
AlvhJournalMarket *alvh_journal_market_new_from_frame  (AlvhMarketFrame         *frame,
                                                        AlvhSeries              *vix);

G_END_DECLS
