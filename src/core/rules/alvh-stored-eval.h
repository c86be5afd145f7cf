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

/* The id of the account called name; with create, makes it when missing.
 * Fails (naming the known accounts) when it is missing and create is FALSE. */
gint64           alvh_stored_find_account   (AlvhJournalStore  *store,
                                             const char        *name,
                                             gboolean           create,
                                             GError           **error);

/* The open condors and open hedge legs of the account as a book. */
AlvhBook        *alvh_stored_load_book      (AlvhJournalStore  *store,
                                             gint64             account_id,
                                             GError           **error);

/* All macro events as an array of AlvhEvent, sorted by time. */
GPtrArray       *alvh_stored_load_events    (AlvhJournalStore  *store,
                                             GError           **error);

/* The latest version of the named profile; NULL name = the spec's defaults
 * (the "default" profile when one is stored). */
AlvhProfile     *alvh_stored_load_profile   (AlvhJournalStore  *store,
                                             const char        *name,
                                             GError           **error);

/* SPX and VIX (required), VX1/VX2, VVIX and breadth (when stored) joined
 * per spec section 5 over [from, to] (0 = open ended). */
AlvhMarketFrame *alvh_stored_load_frame     (AlvhMarketStore   *market,
                                             gint64             from,
                                             gint64             to,
                                             GError           **error);

/* Evaluates the bar at time `at` (the latest bar <= at; 0 = the latest bar). */
AlvhDecision    *alvh_stored_evaluate       (AlvhMarketFrame   *frame,
                                             AlvhProfile       *profile,
                                             GPtrArray         *events,
                                             AlvhBook          *book,
                                             gint64             at,
                                             GError           **error);

G_END_DECLS
