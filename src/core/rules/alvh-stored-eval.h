/* alvh-stored-eval.h — the evaluator on what is stored: the book of an account
 * and the macro events and rule profiles in the journal database, the market
 * history in the market database.  What the Evaluator page and `alvh eval` share.
 */
#pragma once

#include <glib.h>

#include "alvh-decision.h"
#include "alvh-event.h"
#include "alvh-journal-store.h"
#include "alvh-market-frame.h"
#include "alvh-market-store.h"
#include "alvh-position.h"
#include "alvh-profile.h"

G_BEGIN_DECLS

#define ALVH_DEFAULT_ACCOUNT_NAME "Main"

/**
 * alvh_stored_find_account:
 * @store: the journal
 * @name: the account's name
 * @create: make the account when it is missing
 * @error: return location for a #GError (naming the known accounts when
 *   @name is missing and @create is %FALSE)
 *
 * Returns: the account's id, or 0 with @error set
 */
gint64           alvh_stored_find_account   (AlvhJournalStore  *store,
                                             const char        *name,
                                             gboolean           create,
                                             GError           **error);

/**
 * alvh_stored_load_book:
 * @store: the journal
 * @account_id: the account
 * @error: return location for a #GError
 *
 * The open condors and open VIX hedge legs of the account as a book (legs
 * that are no VIX hedge, see alvh_leg_is_vix_hedge(), stay out).
 *
 * Returns: (transfer full) (nullable): the book, or %NULL with @error set
 */
AlvhBook        *alvh_stored_load_book      (AlvhJournalStore  *store,
                                             gint64             account_id,
                                             GError           **error);

/**
 * alvh_stored_load_book_at:
 * @store: the journal
 * @account_id: the account
 * @t: the instant, Unix seconds
 * @error: return location for a #GError
 *
 * The book of the account as it stood at @t (ALVH-SPEC.md section 1): the
 * condors and VIX hedge legs opened by @t that were neither closed nor
 * expired by @t, each leg with the contracts closed by @t.
 *
 * Returns: (transfer full) (nullable): the book, or %NULL with @error set
 */
AlvhBook        *alvh_stored_load_book_at   (AlvhJournalStore  *store,
                                             gint64             account_id,
                                             gint64             t,
                                             GError           **error);

/**
 * alvh_stored_eval_instant:
 * @frame: the market
 * @at: the instant asked for (0: now)
 *
 * The instant an evaluation at @at stands at: @at itself, or for 0 the later
 * of now and the instant the latest bar stands at (16:00 New York of its
 * date for a daily bar).
 *
 * Returns: the instant, Unix seconds
 */
gint64           alvh_stored_eval_instant   (AlvhMarketFrame   *frame,
                                             gint64             at);

/**
 * alvh_stored_bar_at:
 * @frame: the market, at least one bar
 * @at: the instant asked for (0: the latest bar)
 * @error: return location for a #GError
 *
 * The latest bar of @frame that stands by @at (a daily bar at 16:00 New
 * York of its date, alvh_time_bar_close()): the bar an evaluation at @at
 * sees, for the Evaluator page and `alvh eval` alike.
 *
 * Returns: the bar's index, or -1 with @error set (%G_IO_ERROR_NOT_FOUND,
 *   naming the first date of the history) when no bar stands by @at
 */
gssize           alvh_stored_bar_at         (AlvhMarketFrame   *frame,
                                             gint64             at,
                                             GError           **error);

/**
 * alvh_stored_load_events:
 * @store: the journal
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type AlvhEvent) (nullable): all macro
 *   events sorted by time, or %NULL with @error set
 */
GPtrArray       *alvh_stored_load_events    (AlvhJournalStore  *store,
                                             GError           **error);

/**
 * alvh_stored_load_profile:
 * @store: the journal
 * @name: (nullable): a stored profile's name; %NULL or "" for the "default"
 *   profile when one is stored, else the spec's defaults
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the latest version of the profile, or
 *   %NULL with @error set
 */
AlvhProfile     *alvh_stored_load_profile   (AlvhJournalStore  *store,
                                             const char        *name,
                                             GError           **error);

/**
 * alvh_stored_load_frame:
 * @market: the market store
 * @from: the first time (0 = open ended)
 * @to: the last time, included (0 = open ended)
 * @error: return location for a #GError
 *
 * SPX and VIX (required), VX1 .. VX8, VIX3M, VVIX and breadth (when
 * stored) joined per spec section 5.
 *
 * Returns: (transfer full) (nullable): the frame, or %NULL with @error set
 */
AlvhMarketFrame *alvh_stored_load_frame     (AlvhMarketStore   *market,
                                             gint64             from,
                                             gint64             to,
                                             GError           **error);

/**
 * alvh_stored_evaluate:
 * @frame: the market
 * @profile: the rule profile
 * @events: (element-type AlvhEvent) (nullable): the macro events
 * @book: the book (positions opened after @at, closed or expired by @at
 *   are left out: alvh_book_copy_as_of())
 * @at: the evaluation instant: the latest bar that stands at or before it
 *   is evaluated (0: the latest bar, at alvh_stored_eval_instant(): now)
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the decision, or %NULL with @error set
 */
AlvhDecision    *alvh_stored_evaluate       (AlvhMarketFrame   *frame,
                                             AlvhProfile       *profile,
                                             GPtrArray         *events,
                                             AlvhBook          *book,
                                             gint64             at,
                                             GError           **error);

G_END_DECLS
