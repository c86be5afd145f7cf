/* alvh-context.h — what the window's pages share, handed out as services
 *
 * The context opens the app database (alvh.sqlite, an AlvhJournalStore) in
 * its data directory ($ALVH_DATA_DIR when set, else the directory given to
 * alvh_context_new(), else ~/.local/share/alvh-desk) and holds one service
 * per slice of state, each with its own ::changed signal:
 *   market     the series by symbol, imports, the demo data, market.sqlite
 *   book       the accounts and the active account's condors and legs
 *   profiles   the rule profiles and the macro events
 *   decisions  the evaluator and the decisions recorded in the journal
 *   journal    the journal's entries, attachments and review statistics
 * It knows nothing of the application or the window: they hand it the
 * application's settings.
 */
#pragma once

#include <gio/gio.h>

#include "alvh-book-service.h"
#include "alvh-decision-service.h"
#include "alvh-journal-service.h"
#include "alvh-journal-store.h"
#include "alvh-market-service.h"
#include "alvh-profile-service.h"
#include "alvh-service-error.h"

G_BEGIN_DECLS

#define ALVH_TYPE_CONTEXT (alvh_context_get_type ())

G_DECLARE_FINAL_TYPE (AlvhContext, alvh_context, ALVH, CONTEXT, GObject)

AlvhContext         *alvh_context_new             (const char  *data_dir,
                                                   GSettings   *settings);
const char          *alvh_context_get_data_dir    (AlvhContext *self);
GSettings           *alvh_context_get_settings    (AlvhContext *self);
AlvhJournalStore    *alvh_context_get_store       (AlvhContext *self);
const GError        *alvh_context_get_store_error (AlvhContext *self);
AlvhMarketService   *alvh_context_get_market      (AlvhContext *self);
AlvhBookService     *alvh_context_get_book        (AlvhContext *self);
AlvhProfileService  *alvh_context_get_profiles    (AlvhContext *self);
AlvhDecisionService *alvh_context_get_decisions   (AlvhContext *self);
AlvhJournalService  *alvh_context_get_journal     (AlvhContext *self);
void                 alvh_context_connect         (AlvhContext *self,
                                                   const char  *slice,
                                                   GCallback    callback,
                                                   gpointer     gobject);
void                 alvh_context_disconnect      (AlvhContext *self,
                                                   gpointer     gobject);

G_END_DECLS
