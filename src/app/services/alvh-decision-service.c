/* alvh-decision-service.c — the evaluator and the recorded decisions */
#define G_LOG_DOMAIN "alvh-desk"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "alvh-decision-service.h"
#include "alvh-evaluator.h"
#include "alvh-market-frame.h"
#include "alvh-service-error.h"
#include "alvh-stored-eval.h"

struct _AlvhDecisionService
{
  GObject             parent_instance;
  AlvhJournalStore   *store;       /* NULL when the app database is not open */
  char               *data_dir;
  GError             *store_error;
  AlvhMarketService  *market;
  AlvhBookService    *book;
  AlvhProfileService *profiles;
  AlvhEvaluator      *evaluator;   /* cached: market + profile + events */
};

G_DEFINE_FINAL_TYPE (AlvhDecisionService, alvh_decision_service, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
alvh_decision_service_dispose (GObject *object)
{
  AlvhDecisionService *self = ALVH_DECISION_SERVICE (object);

  if (self->market != NULL)
    g_signal_handlers_disconnect_by_data (self->market, self);
  if (self->book != NULL)
    g_signal_handlers_disconnect_by_data (self->book, self);
  if (self->profiles != NULL)
    g_signal_handlers_disconnect_by_data (self->profiles, self);
  g_clear_object (&self->market);
  g_clear_object (&self->book);
  g_clear_object (&self->profiles);
  G_OBJECT_CLASS (alvh_decision_service_parent_class)->dispose (object);
}

static void
alvh_decision_service_finalize (GObject *object)
{
  AlvhDecisionService *self = ALVH_DECISION_SERVICE (object);

  g_clear_pointer (&self->evaluator, alvh_evaluator_unref);
  g_clear_object (&self->store);
  g_clear_error (&self->store_error);
  g_clear_pointer (&self->data_dir, g_free);
  G_OBJECT_CLASS (alvh_decision_service_parent_class)->finalize (object);
}

static void
alvh_decision_service_class_init (AlvhDecisionServiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = alvh_decision_service_dispose;
  object_class->finalize = alvh_decision_service_finalize;

  /**
   * AlvhDecisionService::changed:
   *
   * Decisions or journal entries were recorded (or the book changed).
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);
}

static void
alvh_decision_service_init (AlvhDecisionService *self)
{
}

/* the market, the profile or the events changed: evaluate afresh */
static void
invalidate_evaluator (AlvhDecisionService *self)
{
  g_clear_pointer (&self->evaluator, alvh_evaluator_unref);
}

static void
book_changed_cb (AlvhDecisionService *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * alvh_decision_service_new:
 * @store: (nullable): the app database (NULL when it could not be opened)
 * @data_dir: its directory, for messages
 * @store_error: (nullable): why it could not be opened
 * @market: the market the evaluator reads
 * @book: the book decisions are taken against and legs booked into
 * @profiles: the active profile and the macro events
 *
 * Connects to the other services' signals before any page does, so that the
 * evaluator is fresh when a page hears of a change.
 *
 * Returns: (transfer full): the decision service
 */
AlvhDecisionService *
alvh_decision_service_new (AlvhJournalStore   *store,
                           const char         *data_dir,
                           const GError       *store_error,
                           AlvhMarketService  *market,
                           AlvhBookService    *book,
                           AlvhProfileService *profiles)
{
  AlvhDecisionService *self = g_object_new (ALVH_TYPE_DECISION_SERVICE, NULL);

  self->store = store != NULL ? g_object_ref (store) : NULL;
  self->data_dir = g_strdup (data_dir);
  self->store_error = store_error != NULL ? g_error_copy (store_error) : NULL;
  self->market = g_object_ref (market);
  self->book = g_object_ref (book);
  self->profiles = g_object_ref (profiles);
  g_signal_connect_swapped (market, "changed", G_CALLBACK (invalidate_evaluator), self);
  g_signal_connect_swapped (profiles, "changed", G_CALLBACK (invalidate_evaluator), self);
  g_signal_connect_swapped (profiles, "events-changed", G_CALLBACK (invalidate_evaluator), self);
  g_signal_connect_swapped (book, "changed", G_CALLBACK (book_changed_cb), self);
  return self;
}

/**
 * alvh_decision_service_changed:
 * @self: the service
 *
 * Emits ::changed, after something else wrote to the journal (a recorded
 * replay).
 */
void
alvh_decision_service_changed (AlvhDecisionService *self)
{
  g_return_if_fail (ALVH_IS_DECISION_SERVICE (self));
  g_signal_emit (self, signals[CHANGED], 0);
}

static AlvhEvaluator *
get_evaluator (AlvhDecisionService  *self,
               GError              **error)
{
  g_autoptr(AlvhMarketFrame) frame = NULL;
  g_autoptr(GPtrArray) events = NULL;

  if (self->evaluator != NULL)
    return self->evaluator;
  if (!alvh_market_service_has_market (self->market))
    {
      g_set_error_literal (error, ALVH_SERVICE_ERROR, ALVH_SERVICE_ERROR_NO_MARKET,
                           _("The evaluator needs SPX and VIX history: import it or load the demo data"));
      return NULL;
    }
  frame = alvh_market_frame_new_join (alvh_market_service_get_series (self->market, "SPX"),
                                      alvh_market_service_get_series (self->market, "VIX"),
                                      alvh_market_service_get_series (self->market, "VX"),
                                      alvh_market_service_get_series (self->market, "VVIX"),
                                      alvh_market_service_get_series (self->market, "BREADTH"),
                                      G_MININT64, G_MAXINT64);
  if (frame != NULL)
    alvh_market_frame_set_chains (frame, alvh_market_service_get_chains (self->market));
  if (frame == NULL || frame->n == 0)
    {
      g_set_error_literal (error, ALVH_SERVICE_ERROR, ALVH_SERVICE_ERROR_NO_MARKET,
                           _("SPX and VIX have no date in common"));
      return NULL;
    }
  if (self->store != NULL)
    {
      events = alvh_stored_load_events (self->store, error);
      if (events == NULL)
        return NULL;
    }
  else
    events = g_ptr_array_new_with_free_func ((GDestroyNotify) alvh_event_free);
  self->evaluator = alvh_evaluator_new (frame, alvh_profile_service_get_profile (self->profiles), events);
  return self->evaluator;
}

/**
 * alvh_decision_service_get_last_bar_time:
 * @self: the service
 *
 * The time of the latest bar SPX and VIX have in common.
 *
 * Returns: the time, or 0 without market data or when the evaluator cannot
 *   be set up (the evaluation reports why to the page that shows it)
 */
gint64
alvh_decision_service_get_last_bar_time (AlvhDecisionService *self)
{
  g_autoptr(GError) error = NULL;
  AlvhEvaluator *ev;
  AlvhMarketFrame *frame;

  g_return_val_if_fail (ALVH_IS_DECISION_SERVICE (self), 0);
  ev = get_evaluator (self, &error);
  if (ev == NULL)
    {
      g_debug ("No last bar: %s", error->message);
      return 0;
    }
  frame = alvh_evaluator_get_frame (ev);
  return frame->time[frame->n - 1];
}

/* The model's market at the latest bar at or before @t; before the first
 * bar, the first bar's when @or_first, else FALSE. */
static gboolean
market_state_at (AlvhDecisionService *self,
                 gint64               t,
                 gboolean             or_first,
                 AlvhMarketState     *out)
{
  g_autoptr(GError) error = NULL;
  AlvhEvaluator *ev = get_evaluator (self, &error);
  gssize i;

  if (ev == NULL)
    {
      g_debug ("No market state: %s", error->message);
      return FALSE;
    }
  i = alvh_market_frame_find_le (alvh_evaluator_get_frame (ev), t);
  if (i < 0 && !or_first)
    return FALSE;
  alvh_evaluator_market_state (ev, i >= 0 ? (gsize) i : 0, out);
  return TRUE;
}

/**
 * alvh_decision_service_get_market_state:
 * @self: the service
 * @out: (out caller-allocates): the market state
 *
 * The model's market at the latest bar at or before now (alvh_time_now():
 * the latest bar, unless the app's present is fixed in the past).
 *
 * Returns: FALSE without market data or when the evaluator cannot be set up
 *   (the evaluation reports why to the page that shows it)
 */
gboolean
alvh_decision_service_get_market_state (AlvhDecisionService *self,
                                        AlvhMarketState     *out)
{
  g_return_val_if_fail (ALVH_IS_DECISION_SERVICE (self), FALSE);
  return market_state_at (self, alvh_time_now (), TRUE, out);
}

/**
 * alvh_decision_service_get_market_state_at:
 * @self: the service
 * @t: an instant: the latest bar stamped at or before it is taken (a
 *   decision's time is its bar's stamp)
 * @out: (out caller-allocates): the market state
 *
 * The model's market at that bar (a past decision's, for its preview).
 *
 * Returns: FALSE without market data or without a bar by @t
 */
gboolean
alvh_decision_service_get_market_state_at (AlvhDecisionService *self,
                                           gint64               t,
                                           AlvhMarketState     *out)
{
  g_return_val_if_fail (ALVH_IS_DECISION_SERVICE (self), FALSE);
  return market_state_at (self, t, FALSE, out);
}

/* ---- the evaluator --------------------------------------------------- */

/**
 * alvh_decision_service_evaluate:
 * @self: the service
 * @error: return location for an error
 *
 * The decision for the latest bar against the active account's book.
 *
 * Returns: (transfer full) (nullable): the decision (free with
 *   alvh_decision_free()), or NULL with @error set without market data
 */
AlvhDecision *
alvh_decision_service_evaluate (AlvhDecisionService  *self,
                                GError              **error)
{
  return alvh_decision_service_evaluate_at (self, 0, alvh_time_now (), NULL, error);
}

/* The active account's book as of @t: from the journal (closed and expired
 * positions known) or, without one, the book service's open positions. */
static AlvhBook *
book_as_of (AlvhDecisionService  *self,
            gint64                t,
            GError              **error)
{
  gint64 account = alvh_book_service_get_account_id (self->book);

  if (self->store != NULL && account > 0)
    return alvh_stored_load_book_at (self->store, account, t, error);
  return alvh_book_copy_as_of (alvh_book_service_get_book (self->book), t);
}

/**
 * alvh_decision_service_is_stale:
 * @self: the service
 * @now: the present, Unix seconds
 *
 * Returns: TRUE when the latest bar is older than the last NYSE session
 *   that closed by @now (FALSE without market data)
 */
gboolean
alvh_decision_service_is_stale (AlvhDecisionService *self,
                                gint64               now)
{
  gint64 last = alvh_decision_service_get_last_bar_time (self);

  return last != 0 && alvh_time_ny_day (last) < alvh_calendar_last_session_day (now);
}

/**
 * alvh_decision_service_evaluate_at:
 * @self: the service
 * @at: the instant (0: the latest bar)
 * @now: the present, Unix seconds
 * @out_book: (out) (optional) (transfer full): the book that was evaluated
 * @error: return location for an error
 *
 * The decision as of @at against the book as it stood then.
 *
 * Returns: (transfer full) (nullable): the decision, or NULL with @error set
 */
AlvhDecision *
alvh_decision_service_evaluate_at (AlvhDecisionService  *self,
                                   gint64                at,
                                   gint64                now,
                                   AlvhBook            **out_book,
                                   GError              **error)
{
  AlvhEvaluator *ev;
  AlvhMarketFrame *frame;
  AlvhDecision *decision;
  g_autoptr(AlvhBook) book = NULL;
  g_autoptr(GError) local = NULL;
  gssize i;
  gint64 t;

  g_return_val_if_fail (ALVH_IS_DECISION_SERVICE (self), NULL);
  ev = get_evaluator (self, error);
  if (ev == NULL)
    return NULL;
  frame = alvh_evaluator_get_frame (ev);
  i = alvh_stored_bar_at (frame, at, &local);
  if (i < 0)
    {
      /* the service answers in its own error domain */
      g_set_error_literal (error, ALVH_SERVICE_ERROR, ALVH_SERVICE_ERROR_NO_MARKET, local->message);
      return NULL;
    }
  /* the latest bar: the book as it stands now, unless the data is stale
   * (older than the last NYSE session before now): then as it stood when
   * the bar closed, the only book that bar can speak for */
  if (at == 0 && alvh_decision_service_is_stale (self, now))
    at = alvh_evaluator_get_bar_instant (ev, (gsize) i);
  t = MAX (at != 0 ? at : now, alvh_evaluator_get_bar_instant (ev, (gsize) i));
  book = book_as_of (self, t, error);
  if (book == NULL)
    return NULL;
  decision = alvh_decision_new ();
  alvh_evaluator_evaluate_at (ev, (gsize) i, t, book, decision);
  if (out_book != NULL)
    *out_book = g_steal_pointer (&book);
  return decision;
}

/* @decision as the journal files it (a shallow copy: the pointers stay
 * @decision's): for the book's account, and without a leg under the book's
 * first condor. */
static AlvhDecision
journal_decision_from (AlvhDecisionService *self,
                       const AlvhDecision  *decision)
{
  AlvhBook *book = alvh_book_service_get_book (self->book);
  AlvhDecision jd = *decision;

  jd.account_id = alvh_book_service_get_account_id (self->book);
  jd.condor_id = decision->has_leg ? decision->leg.condor_id : 0;
  if (jd.condor_id == 0 && alvh_book_get_n_condors (book) > 0)
    jd.condor_id = alvh_book_get_condor (book, 0)->id;
  return jd;
}

/**
 * alvh_decision_service_record_decision:
 * @self: the service
 * @decision: the decision
 * @error: return location for an error
 *
 * Records the decision (pending) with its signal snapshot and emits
 * ::changed.
 *
 * Returns: its id, or 0 with @error set
 */
gint64
alvh_decision_service_record_decision (AlvhDecisionService  *self,
                                       const AlvhDecision   *decision,
                                       GError              **error)
{
  AlvhDecision jd;
  gint64 id;

  g_return_val_if_fail (ALVH_IS_DECISION_SERVICE (self), 0);
  if (!alvh_service_need_store (self->store, self->data_dir, self->store_error, error))
    return 0;
  jd = journal_decision_from (self, decision);
  id = alvh_journal_store_record_decision (self->store, &jd, error);
  if (id > 0)
    g_signal_emit (self, signals[CHANGED], 0);
  return id;
}

/**
 * alvh_decision_service_add_leg_from_decision:
 * @self: the service
 * @decision: the decision
 * @fill_price: the price paid per contract
 * @size: the number of contracts
 * @note: (nullable): a note for the journal entry
 * @out_decision_id: (out) (optional): the recorded decision's id
 * @error: return location for an error
 *
 * Records the decision and books its proposed leg at @fill_price x @size
 * with the links to its fired signals and a journal entry (one transaction
 * in the store).
 *
 * Returns: the leg's id, or 0 with @error set
 */
gint64
alvh_decision_service_add_leg_from_decision (AlvhDecisionService  *self,
                                             const AlvhDecision   *decision,
                                             double                fill_price,
                                             double                size,
                                             const char           *note,
                                             gint64               *out_decision_id,
                                             GError              **error)
{
  AlvhDecision jd;
  g_autoptr(AlvhLeg) leg = NULL;
  gint64 decision_id, leg_id, entry_id = 0;

  g_return_val_if_fail (ALVH_IS_DECISION_SERVICE (self), 0);
  if (!alvh_service_need_store (self->store, self->data_dir, self->store_error, error))
    return 0;
  if (!decision->has_leg)
    {
      g_set_error_literal (error, ALVH_SERVICE_ERROR, ALVH_SERVICE_ERROR_INVALID,
                           _("This decision proposes no hedge leg"));
      return 0;
    }
  if (!(fill_price >= 0) || !(size > 0))
    {
      g_set_error (error, ALVH_SERVICE_ERROR, ALVH_SERVICE_ERROR_INVALID,
                   _("A fill price of at least 0 and a size above 0 are needed (got %g and %g)"),
                   fill_price, size);
      return 0;
    }

  jd = journal_decision_from (self, decision);
  decision_id = alvh_journal_store_record_decision (self->store, &jd, error);
  if (decision_id <= 0)
    return 0;
  if (out_decision_id != NULL)
    *out_decision_id = decision_id;

  leg = alvh_leg_new ();
  leg->account_id = alvh_book_service_get_account_id (self->book);
  leg->condor_id = jd.condor_id;
  leg->decision_id = decision_id;
  leg->kind = decision->leg.kind;
  leg->long_strike = decision->leg.long_strike;
  leg->short_strike = decision->leg.short_strike;
  leg->expiry = decision->leg.expiry;
  leg->quantity = size;
  leg->premium = fill_price;
  leg->layer = decision->layer;
  leg->opened = alvh_time_now ();
  leg->manual = FALSE;
  g_free (leg->notes);
  leg->notes = g_strdup (note ? note : "");

  leg_id = alvh_journal_store_add_leg_from_decision (self->store, decision_id, leg, fill_price, size,
                                                     note, &entry_id, error);
  if (leg_id <= 0)
    return 0;
  /* the book's ::changed also tells the journal (see book_changed_cb) */
  alvh_book_service_changed (self->book);
  return leg_id;
}

/**
 * alvh_decision_service_skip_decision:
 * @self: the service
 * @decision: the decision
 * @reason: (nullable): why it was skipped
 * @error: return location for an error
 *
 * Records the decision as skipped with a reason and emits ::changed.
 *
 * Returns: the decision's id, or 0 with @error set
 */
gint64
alvh_decision_service_skip_decision (AlvhDecisionService  *self,
                                     const AlvhDecision   *decision,
                                     const char           *reason,
                                     GError              **error)
{
  gint64 id;

  g_return_val_if_fail (ALVH_IS_DECISION_SERVICE (self), 0);
  id = alvh_decision_service_record_decision (self, decision, error);
  if (id <= 0)
    return 0;
  if (!alvh_journal_store_skip_decision (self->store, id, reason ? reason : "", error))
    return 0;
  g_signal_emit (self, signals[CHANGED], 0);
  return id;
}

/* Records into @store; the equity picture @png (may be NULL) is attached to
 * the summary entry.  Returns the account id, 0 on error. */
static gint64
record_replay_into (AlvhReplayResult  *result,
                    const AlvhProfile *profile,
                    GBytes            *png,
                    AlvhJournalStore  *store,
                    GError           **error)
{
  g_autoptr(AlvhReplayRecord) rec = alvh_replay_result_record (result, store, NULL, profile, error);
  g_autoptr(GError) local_error = NULL;

  if (rec == NULL)
    return 0;
  /* the run is recorded: a missing picture does not undo it */
  if (png != NULL && rec->summary_entry_id > 0 &&
      alvh_journal_store_add_attachment (store, rec->summary_entry_id, png, _("Equity curves"), &local_error) <= 0)
    g_warning ("Cannot attach the equity chart: %s", local_error->message);
  return rec->account_id;
}

static gboolean
need_journal (AlvhDecisionService  *self,
              GError              **error)
{
  if (self->store != NULL && alvh_journal_store_get_path (self->store) != NULL)
    return TRUE;
  g_set_error_literal (error, ALVH_SERVICE_ERROR, ALVH_SERVICE_ERROR_NO_STORE,
                       _("The journal database is not open"));
  return FALSE;
}

/**
 * alvh_decision_service_get_recorded:
 * @self: the service
 * @id: a recorded decision
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the decision with its signal
 *   snapshot, or NULL with @error set
 */
AlvhDecision *
alvh_decision_service_get_recorded (AlvhDecisionService  *self,
                                    gint64                id,
                                    GError              **error)
{
  g_return_val_if_fail (ALVH_IS_DECISION_SERVICE (self), NULL);
  if (!alvh_service_need_store (self->store, self->data_dir, self->store_error, error))
    return NULL;
  return alvh_journal_store_get_decision (self->store, id, error);
}

/**
 * alvh_decision_service_has_journal:
 * @self: the service
 *
 * Whether the journal database is open, so that a replay can be recorded.
 *
 * Returns: TRUE when it is open
 */
gboolean
alvh_decision_service_has_journal (AlvhDecisionService *self)
{
  g_return_val_if_fail (ALVH_IS_DECISION_SERVICE (self), FALSE);
  return need_journal (self, NULL);
}

/**
 * alvh_decision_service_record_replay:
 * @self: the service
 * @result: a finished replay run
 * @profile: (nullable): the profile it ran with
 * @png: (nullable): the equity chart to attach to the summary entry
 * @error: return location for an error
 *
 * Records the run as a new journal account (alvh_replay_result_record(), the
 * same code as `alvh replay --journal`) and emits ::changed.
 *
 * Returns: the account's id, or 0 with @error set
 */
gint64
alvh_decision_service_record_replay (AlvhDecisionService  *self,
                                     AlvhReplayResult     *result,
                                     const AlvhProfile    *profile,
                                     GBytes               *png,
                                     GError              **error)
{
  gint64 account_id;

  g_return_val_if_fail (ALVH_IS_DECISION_SERVICE (self), 0);
  g_return_val_if_fail (result != NULL, 0);
  if (!need_journal (self, error))
    return 0;
  account_id = record_replay_into (result, profile, png, self->store, error);
  if (account_id > 0)
    g_signal_emit (self, signals[CHANGED], 0);
  return account_id;
}

typedef struct
{
  char             *path;
  AlvhReplayResult *result;
  AlvhProfile      *profile;
  GBytes           *png;
} RecordData;

static void
record_data_free (gpointer data)
{
  RecordData *rd = data;

  g_free (rd->path);
  g_clear_pointer (&rd->result, alvh_replay_result_unref);
  g_clear_pointer (&rd->profile, alvh_profile_unref);
  g_clear_pointer (&rd->png, g_bytes_unref);
  g_free (rd);
}

/* The thread has its own connection to the journal file. */
static void
record_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  RecordData *rd = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhJournalStore) store = alvh_journal_store_open (rd->path, &error);
  gint64 account_id;

  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  account_id = record_replay_into (rd->result, rd->profile, rd->png, store, &error);
  if (account_id == 0)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_memdup2 (&account_id, sizeof account_id), g_free);
}

/**
 * alvh_decision_service_record_replay_async:
 * @self: the service
 * @result: a finished replay run
 * @profile: (nullable): the profile it ran with
 * @png: (nullable): the equity chart to attach to the summary entry
 * @cancellable: (nullable): not used once the recording has started
 * @callback: called on the main thread when the run is recorded
 * @user_data: data for @callback
 *
 * What alvh_decision_service_record_replay() does, in a thread with its own
 * connection to the journal file.  Finish with
 * alvh_decision_service_record_replay_finish().
 */
void
alvh_decision_service_record_replay_async (AlvhDecisionService *self,
                                           AlvhReplayResult    *result,
                                           const AlvhProfile   *profile,
                                           GBytes              *png,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  RecordData *rd;

  g_return_if_fail (ALVH_IS_DECISION_SERVICE (self));
  g_return_if_fail (result != NULL);
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, alvh_decision_service_record_replay_async);
  if (!need_journal (self, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  rd = g_new0 (RecordData, 1);
  rd->path = g_strdup (alvh_journal_store_get_path (self->store));
  rd->result = alvh_replay_result_ref (result);
  rd->profile = profile != NULL ? alvh_profile_copy (profile) : NULL;
  rd->png = png != NULL ? g_bytes_ref (png) : NULL;
  g_task_set_task_data (task, rd, record_data_free);
  g_task_run_in_thread (task, record_thread);
}

/**
 * alvh_decision_service_record_replay_finish:
 * @self: the service
 * @result: the result handed to the callback
 * @error: return location for an error
 *
 * Ends alvh_decision_service_record_replay_async(); emits ::changed when the
 * run was recorded.
 *
 * Returns: the account's id, or 0 with @error set
 */
gint64
alvh_decision_service_record_replay_finish (AlvhDecisionService  *self,
                                            GAsyncResult         *result,
                                            GError              **error)
{
  g_autofree gint64 *account_id = NULL;

  g_return_val_if_fail (ALVH_IS_DECISION_SERVICE (self), 0);
  g_return_val_if_fail (g_task_is_valid (result, self), 0);
  account_id = g_task_propagate_pointer (G_TASK (result), error);
  if (account_id == NULL)
    return 0;
  g_signal_emit (self, signals[CHANGED], 0);
  return *account_id;
}
