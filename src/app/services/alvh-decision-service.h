/* alvh-decision-service.h — the evaluator and the recorded decisions
 *
 * One slice of the app's state: the evaluator for the market, the active
 * profile and the macro events (kept until one of them changes), and the
 * journal the decisions are recorded in.  ::changed is emitted when decisions
 * or journal entries were recorded, which includes every change of the book
 * (legs and their closes write journal entries; another account has another
 * journal).
 */
#pragma once

#include <gio/gio.h>

#include "alvh-book-service.h"
#include "alvh-core.h"
#include "alvh-decision.h"
#include "alvh-journal-store.h"
#include "alvh-market-service.h"
#include "alvh-profile-service.h"
#include "alvh-replay.h"

G_BEGIN_DECLS

#define ALVH_TYPE_DECISION_SERVICE (alvh_decision_service_get_type ())

G_DECLARE_FINAL_TYPE (AlvhDecisionService, alvh_decision_service, ALVH, DECISION_SERVICE, GObject)

AlvhDecisionService *alvh_decision_service_new            (AlvhJournalStore    *store,
                                                           const char          *data_dir,
                                                           const GError        *store_error,
                                                           AlvhMarketService   *market,
                                                           AlvhBookService     *book,
                                                           AlvhProfileService  *profiles);
/* Emits ::changed (after something else wrote to the journal) */
void                 alvh_decision_service_changed        (AlvhDecisionService *self);
/* Time of the latest SPX/VIX bar, or 0 without market data. */
gint64               alvh_decision_service_get_last_bar_time (AlvhDecisionService *self);
/* The model's market at the latest bar (FALSE without market data). */
gboolean             alvh_decision_service_get_market_state (AlvhDecisionService *self,
                                                             AlvhMarketState     *out);
/* The model's market at the latest bar stamped at or before @t (FALSE without one). */
gboolean             alvh_decision_service_get_market_state_at (AlvhDecisionService *self,
                                                                gint64               t,
                                                                AlvhMarketState     *out);
/* Decision for the latest bar against the active account's book, or NULL
 * with an error without market data.  Free with alvh_decision_free(). */
AlvhDecision        *alvh_decision_service_evaluate       (AlvhDecisionService *self,
                                                           GError             **error);
/* TRUE when the latest bar is older than the last NYSE session closed by @now. */
gboolean             alvh_decision_service_is_stale       (AlvhDecisionService *self,
                                                           gint64               now);
/* Decision as of @at (ALVH-SPEC.md section 1): the latest bar that stands
 * (16:00 New York for a daily bar) by @at, against the active account's
 * book as it stood at @at; @at 0 = the latest bar at @now (or at the bar's
 * own instant when later; when the data is stale, at the bar's instant).  @out_book (optional) gets the book evaluated.
 * NULL with an error without market data or when the book cannot be read. */
AlvhDecision        *alvh_decision_service_evaluate_at    (AlvhDecisionService *self,
                                                           gint64               at,
                                                           gint64               now,
                                                           AlvhBook           **out_book,
                                                           GError             **error);
/* Records the decision (PENDING) with its signal snapshot; returns its id. */
gint64               alvh_decision_service_record_decision (AlvhDecisionService *self,
                                                            const AlvhDecision  *decision,
                                                            GError             **error);
/* Records the decision, books its proposed leg at fill_price x size with the
 * links to its fired signals and a journal entry (one transaction in the
 * store).  Returns the leg id. */
gint64               alvh_decision_service_add_leg_from_decision (AlvhDecisionService *self,
                                                                  const AlvhDecision  *decision,
                                                                  double               fill_price,
                                                                  double               size,
                                                                  const char          *note,
                                                                  gint64              *out_decision_id,
                                                                  GError             **error);
gint64               alvh_decision_service_skip_decision  (AlvhDecisionService *self,
                                                           const AlvhDecision  *decision,
                                                           const char          *reason,
                                                           GError             **error);

/* A recorded decision, or NULL with @error.  Free with alvh_decision_free(). */
AlvhDecision *alvh_decision_service_get_recorded   (AlvhDecisionService *self,
                                                           gint64               id,
                                                           GError             **error);
/* TRUE when the journal database is open (a replay can be recorded). */
gboolean             alvh_decision_service_has_journal    (AlvhDecisionService *self);
/* Records a replay run as a new journal account (alvh_replay_result_record())
 * with @png attached to its summary entry; emits ::changed.  Returns the
 * account id.  The async form records in a thread with its own connection. */
gint64               alvh_decision_service_record_replay  (AlvhDecisionService *self,
                                                           AlvhReplayResult    *result,
                                                           const AlvhProfile   *profile,
                                                           GBytes              *png,
                                                           GError             **error);
void                 alvh_decision_service_record_replay_async  (AlvhDecisionService *self,
                                                                 AlvhReplayResult    *result,
                                                                 const AlvhProfile   *profile,
                                                                 GBytes              *png,
                                                                 GCancellable        *cancellable,
                                                                 GAsyncReadyCallback  callback,
                                                                 gpointer             user_data);
gint64               alvh_decision_service_record_replay_finish (AlvhDecisionService *self,
                                                                 GAsyncResult        *result,
                                                                 GError             **error);

G_END_DECLS
