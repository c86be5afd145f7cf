/* alvh-replay-journal.h — record a replay into a journal database
 *
 * A replay recorded this way is a journal account like any other: its
 * condors (opened, closed at the replay's model prices; the last one left
 * open when it was still open at the end), its hedge legs (real strikes,
 * VIX expiry, quantity, premium, layer, closed with their condor), every
 * notable decision (ADD, BLOCKED and every HOLD with a fired signal; see
 * alvh_replay_decision_is_notable()) with all its signal snapshots, the
 * links from each leg to the signals that fired in its decision, and a
 * journal entry per leg, so that review, statistics, the journal page and
 * reports work on a replayed history exactly as on live trading.  Plain
 * HOLDs with nothing fired are left out: they carry no information a review
 * uses (no trigger, no proposal) and would be most of the rows.
 *
 * Everything is written in one batch (one transaction, one disk sync): the
 * run is recorded whole or not at all.
 */
#pragma once

#include <glib-object.h>

#include "alvh-journal-store.h"
#include "alvh-profile.h"
#include "alvh-replay.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  account_id;
  char   *account_name;       /* as created (with " (2)", " (3)" ... when the name was taken) */
  char   *profile_name;       /* the profile as the decisions name it in the journal */
  int     profile_version;
  gint64  summary_entry_id;   /* the entry with the run's summary, tagged "replay" */
  guint   n_condors;
  guint   n_closed_condors;
  guint   n_legs;
  guint   n_decisions;
  guint   n_adds;
  guint   n_blocked;
  guint   n_holds;
  guint   n_snapshots;
  guint   n_links;            /* leg <-> fired signal */
  guint   n_entries;          /* one per leg and the summary */
} AlvhReplayRecord;

/**
 * alvh_replay_record_free:
 * @record: (nullable) (transfer full): what a recording wrote
 */
void              alvh_replay_record_free     (AlvhReplayRecord *record);

/**
 * alvh_replay_result_dup_account_name:
 * @result: a replay
 *
 * Returns: (transfer full): "replay <profile> v<version> <first date>..<last date>"
 */
char             *alvh_replay_result_dup_account_name (AlvhReplayResult *result);

/**
 * alvh_replay_result_record:
 * @result: a replay that kept its decisions
 * @store: the journal
 * @account_name: (nullable): the new account's name (%NULL:
 *   alvh_replay_result_dup_account_name(); a counter is appended when the
 *   name is taken)
 * @profile: (nullable): the profile that ran: saved in the journal when the
 *   journal lacks it (same values = the stored version; else a new version),
 *   so that the decisions' name and version find its values
 * @error: return location for a #GError
 *
 * Records @result into @store under a new account, in one batch.
 *
 * Returns: (transfer full) (nullable): what was written, or %NULL with
 *   @error set and nothing written
 */
AlvhReplayRecord *alvh_replay_result_record   (AlvhReplayResult  *result,
                                               AlvhJournalStore  *store,
                                               const char        *account_name,
                                               const AlvhProfile *profile,
                                               GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AlvhReplayRecord, alvh_replay_record_free)

G_END_DECLS
