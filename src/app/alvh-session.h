/* alvh-session.h — what the window's pages share: market data, databases,
 * the active account and rule profile
 *
 * The session owns the app database (alvh.sqlite, an AlvhJournalStore) in its
 * data directory ($ALVH_DATA_DIR when set, else the directory given to
 * alvh_session_new(), else ~/.local/share/alvh-desk), the market series by
 * symbol (SPX, VIX, VX, VVIX, BREADTH), the active account and its book, the
 * active rule profile and the macro events.  Pages listen to its signals:
 *   market-changed   series loaded, imported or replaced
 *   book-changed     the active account's condors or hedge legs changed,
 *                    or another account became active
 *   journal-changed  decisions or journal entries were recorded
 *   profile-changed  the active profile (or a new version of it) changed
 *   events-changed   macro events were added, edited or deleted
 */
#pragma once

#include <gio/gio.h>

#include "alvh-core.h"
#include "alvh-decision.h"
#include "alvh-event.h"
#include "alvh-journal-store.h"
#include "alvh-position.h"
#include "alvh-profile.h"

G_BEGIN_DECLS

#define ALVH_TYPE_SESSION (alvh_session_get_type ())
#define ALVH_SESSION_ERROR (alvh_session_error_quark ())

typedef enum
{
  ALVH_SESSION_ERROR_NO_STORE,   /* the app database could not be opened */
  ALVH_SESSION_ERROR_NO_MARKET,  /* SPX and VIX are needed */
  ALVH_SESSION_ERROR_INVALID,    /* a value breaks a rule */
} AlvhSessionError;

G_DECLARE_FINAL_TYPE (AlvhSession, alvh_session, ALVH, SESSION, GObject)

GQuark        alvh_session_error_quark      (void);

/* A session that remembers nothing in the settings (tests) */
AlvhSession  *alvh_session_new              (const char   *data_dir);
AlvhSession  *alvh_session_new_full         (const char   *data_dir,
                                             GSettings    *settings);
const char   *alvh_session_get_data_dir     (AlvhSession  *self);

/* market */
AlvhSeries   *alvh_session_get_series       (AlvhSession  *self,
                                             const char   *symbol);
void          alvh_session_set_series       (AlvhSession  *self,
                                             const char   *symbol,
                                             AlvhSeries   *series);
gboolean      alvh_session_has_market       (AlvhSession  *self);
void          alvh_session_market_changed   (AlvhSession  *self);
/* Generates the bundled demo data set, keeps it (and stores it when a market
 * store is available) and emits market-changed. */
void          alvh_session_load_demo        (AlvhSession  *self);
/* TRUE while the demo data is being written to the market store. */
gboolean      alvh_session_is_busy          (AlvhSession  *self);
/* Loads what the market store holds; FALSE when there is nothing. */
gboolean      alvh_session_load_stored_market (AlvhSession *self);
/* Time of the latest SPX/VIX bar, or 0 without market data. */
gint64        alvh_session_get_last_bar_time (AlvhSession *self);
/* The model's market at the latest bar (FALSE without market data). */
gboolean      alvh_session_get_market_state (AlvhSession      *self,
                                             AlvhMarketState  *out);

void          alvh_session_import_async     (AlvhSession         *self,
                                             const char * const  *paths,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
char         *alvh_session_import_finish    (AlvhSession         *self,
                                             GAsyncResult        *result,
                                             GError             **error);

/* the app database; NULL when it could not be opened (see get_store_error) */
AlvhJournalStore *alvh_session_get_store    (AlvhSession  *self);
const GError *alvh_session_get_store_error  (AlvhSession  *self);

/* accounts */
GPtrArray    *alvh_session_list_accounts    (AlvhSession  *self);  /* AlvhJournalAccount */
gint64        alvh_session_get_account_id   (AlvhSession  *self);
const char   *alvh_session_get_account_name (AlvhSession  *self);
gboolean      alvh_session_set_account      (AlvhSession  *self,
                                             gint64        account_id);
gint64        alvh_session_create_account   (AlvhSession  *self,
                                             const char   *name,
                                             GError      **error);

/* the book of the active account */
AlvhBook     *alvh_session_get_book         (AlvhSession  *self);
GPtrArray    *alvh_session_get_condors      (AlvhSession  *self);  /* AlvhCondor, borrowed */
GPtrArray    *alvh_session_get_legs         (AlvhSession  *self);  /* AlvhLeg, borrowed */
void          alvh_session_reload_book      (AlvhSession  *self);
gint64        alvh_session_add_condor       (AlvhSession  *self,
                                             const AlvhCondor *condor,
                                             GError      **error);
gboolean      alvh_session_update_condor    (AlvhSession  *self,
                                             const AlvhCondor *condor,
                                             GError      **error);
gboolean      alvh_session_close_condor     (AlvhSession  *self,
                                             gint64        id,
                                             double        price,
                                             GError      **error);
gint64        alvh_session_add_leg          (AlvhSession  *self,
                                             const AlvhLeg *leg,
                                             GError      **error);
gboolean      alvh_session_update_leg       (AlvhSession  *self,
                                             const AlvhLeg *leg,
                                             GError      **error);
gboolean      alvh_session_close_leg        (AlvhSession  *self,
                                             gint64        id,
                                             double        quantity,
                                             double        price,
                                             GError      **error);

/* rule profiles */
AlvhProfile  *alvh_session_get_profile      (AlvhSession  *self);
/* Names of the stored profiles (sorted, unique); "Default" is always there. */
char        **alvh_session_dup_profile_names (AlvhSession *self);
AlvhProfile  *alvh_session_load_profile     (AlvhSession  *self,
                                             const char   *name,
                                             GError      **error);
gboolean      alvh_session_set_active_profile (AlvhSession *self,
                                               const char  *name,
                                               GError     **error);
/* Stores the profile as a new version of its name (the version is written
 * back into @profile); when it is the active profile's name, it becomes active. */
gboolean      alvh_session_save_profile     (AlvhSession  *self,
                                             AlvhProfile  *profile,
                                             GError      **error);

/* The store has no API for these yet: app-side adapters on its connection.
 * Renaming moves every version; deleting removes every version ("Default"
 * cannot be deleted).  Decisions keep the name and version they recorded. */
gboolean      alvh_session_rename_profile   (AlvhSession  *self,
                                             const char   *old_name,
                                             const char   *new_name,
                                             GError      **error);
gboolean      alvh_session_delete_profile   (AlvhSession  *self,
                                             const char   *name,
                                             GError      **error);

/* macro events */
GPtrArray    *alvh_session_list_events      (AlvhSession  *self);  /* AlvhEvent, new array */
gint64        alvh_session_add_event        (AlvhSession  *self,
                                             const AlvhEvent *event,
                                             GError      **error);
gboolean      alvh_session_update_event     (AlvhSession  *self,
                                             const AlvhEvent *event,
                                             GError      **error);
gboolean      alvh_session_delete_event     (AlvhSession  *self,
                                             gint64        id,
                                             GError      **error);

/* the evaluator */
/* Decision for the latest bar against the active account's book, or NULL
 * with an error without market data. */
AlvhDecision *alvh_session_evaluate         (AlvhSession  *self,
                                             GError      **error);
/* Records the decision (PENDING) with its signal snapshot; returns its id. */
gint64        alvh_session_record_decision  (AlvhSession        *self,
                                             const AlvhDecision *decision,
                                             GError            **error);
/* Records the decision, books its proposed leg at fill_price x size with the
 * links to its fired signals and a journal entry (one transaction in the
 * store).  Returns the leg id. */
gint64        alvh_session_add_leg_from_decision (AlvhSession        *self,
                                                  const AlvhDecision *decision,
                                                  double              fill_price,
                                                  double              size,
                                                  const char         *note,
                                                  gint64             *out_decision_id,
                                                  GError            **error);
gint64        alvh_session_skip_decision    (AlvhSession        *self,
                                             const AlvhDecision *decision,
                                             const char         *reason,
                                             GError            **error);

/* helpers shared by the pages */
/* "SPX AM" for a third-Friday expiry, else "SPXW PM" */
const char   *alvh_condor_settlement_style  (gint64         expiry);

G_END_DECLS
