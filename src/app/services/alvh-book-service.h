/* alvh-book-service.h — the accounts and the active account's book
 *
 * One slice of the app's state: the active account (remembered in the
 * "active-account" setting) and its open condors and hedge legs, as stored
 * (AlvhCondor, AlvhLeg) and as the model's AlvhBook.
 * ::changed is emitted when the condors or legs changed or another account
 * became active.
 */
#pragma once

#include <gio/gio.h>

#include "alvh-core.h"
#include "alvh-journal-store.h"
#include "alvh-position.h"
#include "alvh-market-service.h"

G_BEGIN_DECLS

#define ALVH_TYPE_BOOK_SERVICE (alvh_book_service_get_type ())

G_DECLARE_FINAL_TYPE (AlvhBookService, alvh_book_service, ALVH, BOOK_SERVICE, GObject)

AlvhBookService *alvh_book_service_new              (AlvhJournalStore        *store,
                                                     const char              *data_dir,
                                                     const GError            *store_error,
                                                     GSettings               *settings);
/* accounts; list_accounts returns a new array of AlvhJournalAccount */
GPtrArray       *alvh_book_service_list_accounts    (AlvhBookService         *self,
                                                     GError                 **error);
gint64           alvh_book_service_get_account_id   (AlvhBookService         *self);
const char      *alvh_book_service_get_account_name (AlvhBookService         *self);
gboolean         alvh_book_service_set_account      (AlvhBookService         *self,
                                                     gint64                   account_id,
                                                     GError                 **error);
gint64           alvh_book_service_create_account   (AlvhBookService         *self,
                                                     const char              *name,
                                                     GError                 **error);
/* the book of the active account (borrowed) */
AlvhBook        *alvh_book_service_get_book         (AlvhBookService         *self);
GPtrArray       *alvh_book_service_get_condors      (AlvhBookService         *self);  /* AlvhCondor, borrowed */
GPtrArray       *alvh_book_service_get_legs         (AlvhBookService         *self);  /* AlvhLeg, borrowed */
/* Every leg of the active account, closed ones too (AlvhLeg, a new array;
 * empty without a database or account); NULL with @error when the store fails. */
GPtrArray       *alvh_book_service_list_all_legs    (AlvhBookService         *self,
                                                     GError                 **error);
/* The signals recorded behind a leg (AlvhSignal, a new array; empty
 * without a database); NULL with @error when the store fails. */
GPtrArray       *alvh_book_service_list_leg_signals (AlvhBookService         *self,
                                                     gint64                   leg_id,
                                                     GError                 **error);
/* Reads the book again from the store and emits ::changed */
void             alvh_book_service_changed          (AlvhBookService         *self);
const GError    *alvh_book_service_get_error        (AlvhBookService         *self);
gint64           alvh_book_service_add_condor       (AlvhBookService         *self,
                                                     const AlvhCondor *condor,
                                                     GError                 **error);
gboolean         alvh_book_service_update_condor    (AlvhBookService         *self,
                                                     const AlvhCondor *condor,
                                                     GError                 **error);
gboolean         alvh_book_service_close_condor     (AlvhBookService         *self,
                                                     gint64                   id,
                                                     double                   price,
                                                     GError                 **error);
gint64           alvh_book_service_add_leg          (AlvhBookService         *self,
                                                     const AlvhLeg    *leg,
                                                     GError                 **error);
gboolean         alvh_book_service_update_leg       (AlvhBookService         *self,
                                                     const AlvhLeg    *leg,
                                                     GError                 **error);
gboolean         alvh_book_service_close_leg        (AlvhBookService         *self,
                                                     gint64                   id,
                                                     double                   quantity,
                                                     double                   price,
                                                     GError                 **error);

/* "SPX AM" for a third-Friday expiry, else "SPXW PM" */
const char      *alvh_condor_settlement_style       (gint64                   expiry);

gint64            alvh_book_service_book_condor      (AlvhBookService   *self,
                                                      const AlvhCondor  *condor,
                                                      double             fees,
                                                      GError           **error);
gint64            alvh_book_service_book_leg         (AlvhBookService   *self,
                                                      const AlvhLeg     *leg,
                                                      double             fees,
                                                      GError           **error);
gboolean          alvh_book_service_close_fill       (AlvhBookService   *self,
                                                      gint64             id,
                                                      gboolean           is_condor,
                                                      gint64             time,
                                                      double             quantity,
                                                      double             price,
                                                      double             fees,
                                                      GError           **error);

/**
 * alvh_book_service_load_ledger:
 * @self: the service
 * @market: the market the positions are marked and settled on
 * @account_id: an account, 0 for the active one
 * @error: return location for a #GError
 *
 * The account's ledger of fills with the market set (SPX, VIX, VX and VVIX
 * joined by date): the one valuation (ALVH-SPEC section 6) behind the
 * Positions page and the Journal's leg results.
 *
 * Returns: (transfer full) (nullable): the ledger, or %NULL with @error set
 */
AlvhLedger       *alvh_book_service_load_ledger      (AlvhBookService   *self,
                                                      AlvhMarketService *market,
                                                      gint64             account_id,
                                                      GError           **error);

G_END_DECLS
