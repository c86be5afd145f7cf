/* alvh-journal-review.h — the review: leg outcomes and statistics
 *
 * Part of the journal store's API: include alvh-journal-store.h.
 */
#pragma once

#include "alvh-journal-store.h"

G_BEGIN_DECLS

/**
 * alvh_journal_store_review_legs:
 * @self: the store
 * @account_id: an account (0 = all, where the function lists or reviews)
 * @market: (nullable): SPX and VIX closes for the marks
 * @error: return location for a #GError
 *
 * The outcome of every leg of @account_id (0 = all) measured on @market
 * (%NULL: only realised P&L counts), in the order the legs were opened.
 *
 * Returns: (transfer full) (element-type AlvhJournalLegOutcome) (nullable):
 *   the outcomes, or %NULL with @error set
 */
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
 * skipped decision or a manual leg). Open positions are marked at intrinsic
 * value on the last bar of @market (%NULL: at cost).
 *
 * Returns: (transfer full) (nullable): the statistics, or %NULL with @error
 *   set
 */
AlvhJournalStats *alvh_journal_store_compute_stats     (AlvhJournalStore        *self,
                                                        gint64                   account_id,
                                                        const AlvhJournalMarket *market,
                                                        GError                 **error);

G_END_DECLS
