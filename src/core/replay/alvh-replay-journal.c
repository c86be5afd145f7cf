/* alvh-replay-journal.c — record a replay into a journal database */
#define G_LOG_DOMAIN "alvh-replay"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "alvh-replay-journal.h"
#include "alvh-time.h"

void
alvh_replay_record_free (AlvhReplayRecord *record)
{
  if (record == NULL)
    return;
  g_free (record->account_name);
  g_free (record->profile_name);
  g_free (record);
}

static char *
format_account_name (AlvhReplayResult *result,
                     const char       *profile_name,
                     int               profile_version)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  if (result->n_bars > 0)
    {
      first = alvh_time_format_ny_date (result->time[0]);
      last = alvh_time_format_ny_date (result->time[result->n_bars - 1]);
    }
  return g_strdup_printf ("replay %s v%d %s..%s", profile_name != NULL ? profile_name : "?",
                          profile_version, first != NULL ? first : "", last != NULL ? last : "");
}

char *
alvh_replay_result_dup_account_name (AlvhReplayResult *result)
{
  g_return_val_if_fail (result != NULL, NULL);
  return format_account_name (result, result->profile_name, result->profile_version);
}

/* @base, or "@base (2)", "@base (3)" ... : the first name no account has. */
static char *
unique_account_name (AlvhJournalStore  *store,
                     const char        *base,
                     GError           **error)
{
  g_autoptr(GPtrArray) accounts = alvh_journal_store_list_accounts (store, error);
  g_autoptr(GHashTable) taken = NULL;
  char *name;

  if (accounts == NULL)
    return NULL;
  taken = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < accounts->len; i++)
    g_hash_table_add (taken, ((AlvhJournalAccount *) accounts->pdata[i])->name);
  if (!g_hash_table_contains (taken, base))
    return g_strdup (base);
  for (guint n = 2;; n++)
    {
      name = g_strdup_printf ("%s (%u)", base, n);
      if (!g_hash_table_contains (taken, name))
        return name;
      g_free (name);
    }
}

static gboolean
stored_profile_matches (const AlvhJournalProfile *stored,
                        const AlvhProfile        *profile)
{
  g_autoptr(AlvhProfile) parsed = NULL;

  if (stored == NULL)
    return FALSE;
  parsed = alvh_profile_new_from_data (stored->keyfile, -1, stored->name, NULL);
  return parsed != NULL && alvh_profile_equal_values (parsed, profile);
}

/* The journal's version of @profile: the one with the same name and version
 * when its values are equal, else the latest when equal, else a new one. */
/* TRUE when the profile was read or is simply not stored (*local_error
 * cleared); FALSE with @error when reading it failed. */
static gboolean
profile_found_or_missing (const AlvhJournalProfile  *stored,
                          GError                   **local_error,
                          GError                   **error)
{
  if (stored != NULL || g_error_matches (*local_error, ALVH_JOURNAL_ERROR, ALVH_JOURNAL_ERROR_NOT_FOUND))
    {
      g_clear_error (local_error);
      return TRUE;
    }
  g_propagate_error (error, g_steal_pointer (local_error));
  return FALSE;
}

static gboolean
ensure_profile (AlvhJournalStore  *store,
                const AlvhProfile *profile,
                int               *out_version,
                GError           **error)
{
  const char *name = alvh_profile_get_name (profile);
  int version = alvh_profile_get_version (profile);
  g_autoptr(AlvhJournalProfile) same = NULL;
  g_autoptr(AlvhJournalProfile) latest = NULL;
  g_autoptr(AlvhProfile) copy = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *text = NULL;

  if (version > 0)
    {
      same = alvh_journal_store_get_profile (store, name, version, &local_error);
      if (!profile_found_or_missing (same, &local_error, error))
        return FALSE;
    }
  if (stored_profile_matches (same, profile))
    {
      *out_version = same->version;
      return TRUE;
    }
  latest = alvh_journal_store_get_profile (store, name, 0, &local_error);
  if (!profile_found_or_missing (latest, &local_error, error))
    return FALSE;
  if (stored_profile_matches (latest, profile))
    {
      *out_version = latest->version;
      return TRUE;
    }
  copy = alvh_profile_copy (profile);
  alvh_profile_set_version (copy, latest != NULL ? latest->version + 1 : 1);
  text = alvh_profile_to_data (copy, NULL);
  return alvh_journal_store_save_profile (store, name, text, out_version, error) > 0;
}

/* The profile as the journal knows it, and a new account named after it
 * (or @account_name). */
static gboolean
record_account (AlvhReplayResult  *result,
                AlvhJournalStore  *store,
                const char        *account_name,
                const AlvhProfile *profile,
                AlvhReplayRecord  *rec,
                GError           **error)
{
  g_autofree char *base = NULL;

  if (profile != NULL)
    {
      rec->profile_name = g_strdup (alvh_profile_get_name (profile));
      if (!ensure_profile (store, profile, &rec->profile_version, error))
        return FALSE;
    }
  else
    {
      rec->profile_name = g_strdup (result->profile_name);
      rec->profile_version = result->profile_version;
    }

  if (account_name != NULL && *account_name != '\0')
    base = g_strdup (account_name);
  else  /* named after the profile as the journal numbers it */
    base = format_account_name (result, rec->profile_name, rec->profile_version);
  rec->account_name = unique_account_name (store, base, error);
  if (rec->account_name == NULL)
    return FALSE;
  rec->account_id = alvh_journal_store_create_account (store, rec->account_name, error);
  return rec->account_id > 0;
}

/* Every trade's condor, closed at the replay's price; condor_ids[i] the
 * journal's id of trade i. */
static gboolean
record_condors (AlvhReplayResult  *result,
                AlvhJournalStore  *store,
                AlvhReplayRecord  *rec,
                gint64            *condor_ids,
                GError           **error)
{
  for (guint i = 0; i < result->trades->len; i++)
    {
      const AlvhReplayTrade *t = &g_array_index (result->trades, AlvhReplayTrade, i);
      g_autoptr(AlvhCondor) c = alvh_condor_copy (&t->condor);

      c->id = 0;
      c->account_id = rec->account_id;
      c->closed = 0;            /* closed below, with the replay's price */
      c->close_price = NAN;
      condor_ids[i] = alvh_journal_store_add_condor (store, c, error);
      if (condor_ids[i] <= 0)
        return FALSE;
      rec->n_condors++;
      if (t->close_time != 0)
        {
          double price = isfinite (t->close_price) ? t->close_price
                         : t->condor.credit - t->condor_pnl / (100.0 * t->condor.units);

          if (!alvh_journal_store_close_condor (store, condor_ids[i], t->close_time, price, error))
            return FALSE;
          rec->n_closed_condors++;
        }
    }
  return TRUE;
}

/* Books replay leg @rl as following decision @decision_id (with @fired
 * signals linked to it) and closes it when the replay did. */
static gboolean
record_leg (AlvhReplayResult     *result,
            AlvhJournalStore     *store,
            AlvhReplayRecord     *rec,
            const AlvhReplayLeg  *rl,
            const gint64         *condor_ids,
            gint64                decision_id,
            guint                 fired,
            GError              **error)
{
  g_autoptr(AlvhLeg) leg = alvh_leg_copy (&rl->leg);
  gint64 leg_id, entry_id = 0;

  leg->id = 0;
  leg->account_id = rec->account_id;
  if (leg->kind != ALVH_LEG_VIX_CALL_SPREAD)
    leg->short_strike = NAN;
  leg->condor_id = rl->trade < result->trades->len ? condor_ids[rl->trade] : 0;
  leg->decision_id = decision_id;
  leg->closed_quantity = 0;
  leg_id = alvh_journal_store_add_leg_from_decision (store, decision_id, leg,
                                                     rl->leg.premium, rl->leg.quantity,
                                                     NULL, &entry_id, error);
  if (leg_id <= 0)
    return FALSE;
  rec->n_legs++;
  rec->n_links += fired;
  rec->n_entries += entry_id > 0;
  return rl->close_time == 0 || !isfinite (rl->close_price) ||
         alvh_journal_store_close_leg (store, leg_id, rl->close_time, rl->leg.quantity,
                                       rl->close_price, error);
}

/* The decisions, each followed by the legs it booked. */
static gboolean
record_decisions (AlvhReplayResult  *result,
                  AlvhJournalStore  *store,
                  AlvhReplayRecord  *rec,
                  const gint64      *condor_ids,
                  GError           **error)
{
  g_autofree gint64 *decision_ids = g_new0 (gint64, MAX (result->decisions->len, 1));
  guint next_leg = 0;

  for (guint i = 0; i < result->decisions->len; i++)
    {
      const AlvhReplayDecision *rd = &g_array_index (result->decisions, AlvhReplayDecision, i);
      gint64 condor_id = rd->trade >= 0 && (guint) rd->trade < result->trades->len ? condor_ids[rd->trade] : 0;
      AlvhDecision jd = rd->decision;   /* shallow: the pointers stay the replay's */
      guint fired = 0;

      jd.account_id = rec->account_id;
      jd.condor_id = condor_id;   /* the journal's id, not the replay's */
      alvh_decision_set_profile_name (&jd, rec->profile_name);
      jd.profile_version = rec->profile_version;
      decision_ids[i] = alvh_journal_store_record_decision (store, &jd, error);
      if (decision_ids[i] <= 0)
        return FALSE;
      rec->n_decisions++;
      rec->n_snapshots += ALVH_N_SIGNALS;
      switch (rd->decision.action)
        {
        case ALVH_ACTION_ADD:     rec->n_adds++; break;
        case ALVH_ACTION_BLOCKED: rec->n_blocked++; break;
        case ALVH_ACTION_HOLD:
        default:                  rec->n_holds++; break;
        }
      for (guint k = 0; k < ALVH_N_SIGNALS; k++)
        if (jd.signals[k].available && jd.signals[k].fired)
          fired++;

      for (; next_leg < result->legs->len &&
             g_array_index (result->legs, AlvhReplayLeg, next_leg).decision == i; next_leg++)
        if (!record_leg (result, store, rec, &g_array_index (result->legs, AlvhReplayLeg, next_leg),
                         condor_ids, decision_ids[i], fired, error))
          return FALSE;
    }
  if (next_leg != result->legs->len)
    {
      g_set_error (error, ALVH_JOURNAL_ERROR, ALVH_JOURNAL_ERROR_INVALID,
                   "%s: replay: %u of %u legs have no decision to record them with",
                   alvh_journal_store_get_path (store), result->legs->len - next_leg, result->legs->len);
      return FALSE;
    }
  return TRUE;
}

/* One journal entry with the replay's summary. */
static gboolean
record_summary (AlvhReplayResult  *result,
                AlvhJournalStore  *store,
                AlvhReplayRecord  *rec,
                GError           **error)
{
  const char *tags[] = { "replay", NULL };
  AlvhJournalEntry entry = { 0 };
  g_autofree char *title = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  if (result->n_bars == 0)
    return TRUE;
  first = alvh_time_format_ny_date (result->time[0]);
  last = alvh_time_format_ny_date (result->time[result->n_bars - 1]);
  title = g_strdup_printf (_("Replay %s v%d %s to %s"), rec->profile_name != NULL ? rec->profile_name : "?",
                           rec->profile_version, first, last);
  summary = alvh_replay_result_dup_summary (result);
  entry.time = result->time[result->n_bars - 1];
  entry.title = title;
  entry.body = summary;
  entry.tags = (char **) tags;
  entry.account_id = rec->account_id;
  rec->summary_entry_id = alvh_journal_store_add_entry (store, &entry, error);
  if (rec->summary_entry_id <= 0)
    return FALSE;
  rec->n_entries++;
  return TRUE;
}

static gboolean
record_locked (AlvhReplayResult  *result,
               AlvhJournalStore  *store,
               const char        *account_name,
               const AlvhProfile *profile,
               AlvhReplayRecord  *rec,
               GError           **error)
{
  g_autofree gint64 *condor_ids = g_new0 (gint64, MAX (result->trades->len, 1));

  return record_account (result, store, account_name, profile, rec, error) &&
         record_condors (result, store, rec, condor_ids, error) &&
         record_decisions (result, store, rec, condor_ids, error) &&
         record_summary (result, store, rec, error);
}

AlvhReplayRecord *
alvh_replay_result_record (AlvhReplayResult   *result,
                           AlvhJournalStore   *store,
                           const char         *account_name,
                           const AlvhProfile  *profile,
                           GError            **error)
{
  g_autoptr(AlvhReplayRecord) rec = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (result != NULL, NULL);
  g_return_val_if_fail (ALVH_IS_JOURNAL_STORE (store), NULL);

  /* results built by hand may lack the arrays */
  if (result->trades == NULL)
    result->trades = g_array_new (FALSE, TRUE, sizeof (AlvhReplayTrade));
  if (result->legs == NULL)
    result->legs = g_array_new (FALSE, TRUE, sizeof (AlvhReplayLeg));
  if (result->decisions == NULL)
    result->decisions = g_array_new (FALSE, TRUE, sizeof (AlvhReplayDecision));

  if (!result->decisions_kept && result->legs->len > 0)
    {
      g_set_error (error, ALVH_JOURNAL_ERROR, ALVH_JOURNAL_ERROR_INVALID,
                   "%s: the replay kept no decisions: run it with ALVH_REPLAY_KEEP_DECISIONS to record it",
                   alvh_journal_store_get_path (store));
      return NULL;
    }

  if (!alvh_journal_store_begin_batch (store, error))
    return NULL;
  rec = g_new0 (AlvhReplayRecord, 1);
  if (!record_locked (result, store, account_name, profile, rec, &local_error))
    {
      g_autoptr(GError) rollback_error = NULL;

      /* the recording's error is the one to report; a rollback reports none */
      alvh_journal_store_end_batch (store, FALSE, &rollback_error);
      g_propagate_error (error, local_error);
      return NULL;
    }
  if (!alvh_journal_store_end_batch (store, TRUE, error))
    return NULL;
  return g_steal_pointer (&rec);
}
