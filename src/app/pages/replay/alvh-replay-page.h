/* alvh-replay-page.h — the Replay page: run the rules over history (issue 7) */
#pragma once

#include <adwaita.h>

#include "alvh-core.h"
#include "alvh-context.h"
#include "alvh-page.h"

G_BEGIN_DECLS

#define ALVH_TYPE_REPLAY_PAGE (alvh_replay_page_get_type ())

G_DECLARE_FINAL_TYPE (AlvhReplayPage, alvh_replay_page, ALVH, REPLAY_PAGE, AlvhPage)

/* What every replay of the page runs on: the context's history joined, the
 * profile chosen, the macro events, the period [from, to] (owned). */
typedef struct
{
  AlvhMarketFrame *frame;
  AlvhProfile     *profile;
  GPtrArray       *events;     /* AlvhEvent */
  gint64           from;
  gint64           to;
} AlvhReplayInputs;

void              alvh_replay_inputs_free       (AlvhReplayInputs *inputs);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AlvhReplayInputs, alvh_replay_inputs_free)

/**
 * alvh_replay_page_new:
 * @context: the app's context
 *
 * Returns: (transfer floating): the page
 */
GtkWidget        *alvh_replay_page_new          (AlvhContext    *context);
/* Dates as the entries take them ("2020-01-02"); NULL or "" = unbounded. */
void              alvh_replay_page_set_period   (AlvhReplayPage *self,
                                                 const char     *from,
                                                 const char     *to);
/* Starts a run in a thread (what the Run button does); FALSE when the
 * period or the profile is not valid or there is no market data (a toast says why). */
gboolean          alvh_replay_page_run          (AlvhReplayPage *self);
void              alvh_replay_page_cancel       (AlvhReplayPage *self);
gboolean          alvh_replay_page_is_running   (AlvhReplayPage *self);
/**
 * alvh_replay_page_get_result:
 * @self: the replay page
 *
 * The last finished run, or NULL.
 *
 * Returns: (transfer none) (nullable): the last run, or %NULL
 */
AlvhReplayResult *alvh_replay_page_get_result   (AlvhReplayPage *self);
/**
 * alvh_replay_page_get_trades:
 * @self: the replay page
 *
 * The trades as shown (AlvhReplayTradeItem), sorted as the table is.
 *
 * Returns: (transfer none): the trade table's sorted model
 */
GListModel       *alvh_replay_page_get_trades   (AlvhReplayPage *self);
/* What activating a trade row does: show the Charts page at its open time. */
void              alvh_replay_page_go_to_trade  (AlvhReplayPage *self,
                                                 guint           position);

/* What "Record in Journal" does: the recording below in a thread with its
 * own journal connection; a toast says how it went.  FALSE when it cannot start. */
gboolean          alvh_replay_page_record_async (AlvhReplayPage *self);
gboolean          alvh_replay_page_is_recording (AlvhReplayPage *self);
/* Saves the last run into a new journal account named after it
 * (alvh_replay_result_record(): condors, hedge legs, decisions with their
 * signals, an entry per leg, and a summary entry with the equity chart);
 * returns the account id, 0 on error. */
gint64            alvh_replay_page_record       (AlvhReplayPage *self,
                                                 GError        **error);

/**
 * alvh_replay_page_dup_inputs:
 * @self: the replay page
 * @error: return location for an error
 *
 * The page's inputs (period, profile, market, events); NULL with @error (and
 * the entries marked) when the period or the data are not usable.
 *
 * Returns: (transfer full) (nullable): the inputs (free with
 *   alvh_replay_inputs_free()), or %NULL with @error set
 */
AlvhReplayInputs *alvh_replay_page_dup_inputs   (AlvhReplayPage *self,
                                                 GError        **error);
/**
 * alvh_replay_page_dup_inputs_for:
 * @view: a widget on a Replay page
 * @error: return location for an error
 *
 * The same for a view inside the page (its ancestor page).
 *
 * Returns: (transfer full) (nullable): the inputs of @view's Replay page
 *   (free with alvh_replay_inputs_free()), or %NULL with @error set
 */
AlvhReplayInputs *alvh_replay_page_dup_inputs_for (GtkWidget    *view,
                                                 GError        **error);
/* The Sweep view's keys and ranges for a view inside the page; 0 with @error. */
guint             alvh_replay_page_get_sweep_axes_for (GtkWidget     *view,
                                                 AlvhSweepAxis *axes,
                                                 GError       **error);
/* A toast on the page that holds @view. */
void              alvh_replay_page_toast        (GtkWidget      *view,
                                                 const char     *text);
/* A research view's progress bar while it runs: "DONE of TOTAL replays". */
void              alvh_replay_page_show_progress (GtkProgressBar *bar,
                                                 guint           done,
                                                 guint           total);
/* A research view's progress bar when its run ends: Done (@error NULL),
 * Cancelled, or Failed with @error's message as a toast. */
void              alvh_replay_page_show_outcome (GtkWidget      *view,
                                                 GtkProgressBar *bar,
                                                 const GError   *error);
/* Shows a view: "replay", "compare", "sweep", "walk-forward", "attribution". */
void              alvh_replay_page_show_view    (AlvhReplayPage *self,
                                                 const char     *name);

G_END_DECLS
