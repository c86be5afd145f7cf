/* alvh-journal-decisions.c — evaluator decisions with their signal snapshots, and acting on them (follow, skip)
 *
 * Part of AlvhJournalStore (alvh-journal-store.h); the store's internals are
 * in alvh-journal-store-private.h.
 */
#define G_LOG_DOMAIN "alvh-journal"

#include "config.h"

#include <glib/gi18n.h>

#include <math.h>
#include <string.h>

#include <sqlite3.h>

#include "alvh-db.h"
#include "alvh-format.h"
#include "alvh-journal-store.h"
#include "alvh-journal-store-private.h"

/* ---- decisions ---------------------------------------------------------- */

static gpointer
unknown_signal (AlvhJournalStore  *self,
                GError           **error,
                gint64             decision_id)
{
  g_set_error (error, ALVH_JOURNAL_ERROR, ALVH_JOURNAL_ERROR_INVALID,
               "%s: decision %" G_GINT64_FORMAT " holds a signal this version does not know",
               self->path, decision_id);
  return NULL;
}

static gint64
insert_decision_locked (AlvhJournalStore    *self,
                        const AlvhDecision  *d,
                        GError             **error)
{
  g_autofree char *explanation = NULL;
  gint64 id;

  /* the sentences as they read now: a stored decision keeps them */
  if (d->explanation == NULL)
    explanation = alvh_decision_dup_explanation_text (d);

  {
    g_autoptr(AlvhDbCachedStmt) s = alvh_db_prepare_cached (self->db,
      "INSERT INTO decisions (account_id, condor_id, time, action, branch, layer, size,"
      " proposed_kind, proposed_long_strike, proposed_short_strike, proposed_expiry, cost,"
      " profile_name, profile_version, explanation, followed, skip_reason)"
      " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", error);

    if (s == NULL)
      return 0;
    sqlite3_bind_int64 (s, 1, d->account_id);
    alvh_db_bind_id (s, 2, d->condor_id);
    sqlite3_bind_int64 (s, 3, d->time);
    alvh_db_bind_text (s, 4, alvh_action_to_string (d->action));
    alvh_db_bind_text (s, 5, alvh_branch_to_string (d->branch));
    sqlite3_bind_int (s, 6, d->layer);
    sqlite3_bind_double (s, 7, isfinite (d->size) ? d->size : 0);
    alvh_db_bind_text (s, 8, d->has_leg ? alvh_leg_kind_to_string (d->leg.kind) : NULL);
    alvh_db_bind_double (s, 9, d->has_leg ? d->leg.long_strike : NAN);
    alvh_db_bind_double (s, 10, d->has_leg ? d->leg.short_strike : NAN);
    alvh_db_bind_id (s, 11, d->has_leg ? d->leg.expiry : 0);
    alvh_db_bind_double (s, 12, d->has_leg ? d->estimated_cost : NAN);
    if (d->profile_name[0] != '\0')
      {
        alvh_db_bind_text (s, 13, d->profile_name);
        sqlite3_bind_int (s, 14, d->profile_version);
      }
    else
      {
        sqlite3_bind_null (s, 13);
        sqlite3_bind_null (s, 14);
      }
    alvh_db_bind_text (s, 15, d->explanation != NULL ? d->explanation : explanation);
    alvh_db_bind_text (s, 16, alvh_decision_status_to_string (d->followed));
    alvh_db_bind_text (s, 17, d->skip_reason);
    if (!alvh_db_step_done (self->db, s, "cannot record the decision", error))
      return 0;
    id = sqlite3_last_insert_rowid (alvh_db_get_handle (self->db));
  }

  for (guint i = 0; i < ALVH_N_SIGNALS; i++)
    {
      const AlvhSignal *sig = &d->signals[i];
      g_autoptr(AlvhDbCachedStmt) s = NULL;
      gboolean available;

      if (!alvh_decision_has_signal (d, (AlvhSignalId) i))
        continue;
      s = alvh_db_prepare_cached (self->db,
        "INSERT INTO signal_snapshots (decision_id, key, kind, value, threshold, threshold_high, fired)"
        " VALUES (?,?,?,?,?,?,?)", error);
      available = sig->available && isfinite (sig->value);

      if (s == NULL)
        return 0;
      sqlite3_bind_int64 (s, 1, id);
      alvh_db_bind_text (s, 2, alvh_signal_id_to_key ((AlvhSignalId) i));
      alvh_db_bind_text (s, 3, alvh_signal_kind_to_string (alvh_signal_id_get_kind ((AlvhSignalId) i)));
      alvh_db_bind_double (s, 4, available ? sig->value : NAN);
      alvh_db_bind_double (s, 5, sig->threshold);
      alvh_db_bind_double (s, 6, sig->threshold_high);
      sqlite3_bind_int (s, 7, available && sig->fired ? 1 : 0);
      if (!alvh_db_step_done (self->db, s, "cannot record a signal snapshot", error))
        return 0;
    }
  return id;
}

gint64
alvh_journal_store_record_decision (AlvhJournalStore    *self,
                                    const AlvhDecision  *decision,
                                    GError             **error)
{
  gint64 id;

  g_return_val_if_fail (ALVH_IS_JOURNAL_STORE (self), 0);
  g_return_val_if_fail (decision != NULL, 0);

  if (!alvh_db_begin (self->db, error))
    return 0;
  id = insert_decision_locked (self, decision, error);
  return alvh_db_end (self->db, id > 0, error) ? id : 0;
}

#define DECISION_COLUMNS \
  "id, account_id, condor_id, time, action, branch, layer, size, proposed_kind," \
  " proposed_long_strike, proposed_short_strike, proposed_expiry, cost, profile_name," \
  " profile_version, explanation, followed, skip_reason"

static AlvhDecision *
decision_from_row (sqlite3_stmt *s)
{
  g_autoptr(AlvhDecision) d = alvh_decision_new ();

  /* an action, branch or proposed kind this version does not know: refuse the row */
  d->has_leg = sqlite3_column_type (s, 8) != SQLITE_NULL;
  if (!alvh_action_from_string ((const char *) sqlite3_column_text (s, 4), &d->action) ||
      !alvh_branch_from_string ((const char *) sqlite3_column_text (s, 5), &d->branch) ||
      (d->has_leg &&
       !alvh_leg_kind_from_string ((const char *) sqlite3_column_text (s, 8), &d->leg.kind)))
    return NULL;
  d->id = sqlite3_column_int64 (s, 0);
  d->account_id = sqlite3_column_int64 (s, 1);
  d->condor_id = sqlite3_column_int64 (s, 2);
  d->time = sqlite3_column_int64 (s, 3);
  d->layer = (guint) MAX (sqlite3_column_int (s, 6), 0);
  d->size = sqlite3_column_double (s, 7);
  d->leg.long_strike = alvh_db_column_double (s, 9);
  d->leg.short_strike = alvh_db_column_double (s, 10);
  d->leg.expiry = sqlite3_column_int64 (s, 11);
  d->leg.quantity = d->has_leg ? d->size : 0;
  d->leg.layer = d->has_leg ? d->layer : 0;
  d->leg.condor_id = d->has_leg ? sqlite3_column_int64 (s, 2) : 0;
  d->estimated_cost = alvh_db_column_double (s, 12);
  {
    g_autofree char *profile = alvh_db_column_text (s, 13);   /* valid UTF-8 */

    alvh_decision_set_profile_name (d, profile);
  }
  d->profile_version = sqlite3_column_int (s, 14);
  d->explanation = alvh_db_column_text (s, 15);
  d->followed = alvh_decision_status_from_string ((const char *) sqlite3_column_text (s, 16));
  d->skip_reason = alvh_db_column_text (s, 17);
  return g_steal_pointer (&d);
}

/* Puts a snapshot row (SIGNAL_COLUMNS) into @d's signal of the same key. */
static gboolean
read_snapshot_into (sqlite3_stmt *s,
                    AlvhDecision *d)
{
  AlvhSignal sig;

  if (!_alvh_journal_signal_read_row (s, &sig))
    return FALSE;
  d->signals[sig.id] = sig;
  return TRUE;
}

/* Where rows of decisions and their snapshots go */
typedef struct
{
  AlvhJournalStore  *self;
  AlvhDecision      *one;     /* the decision the snapshots belong to, or NULL: */
  GHashTable        *by_id;   /* gint64 * id -> AlvhDecision, the snapshot's decision_id in column 7 */
  GPtrArray         *out;     /* decisions read */
} DecisionRead;

static gboolean
snapshot_row_cb (sqlite3_stmt  *s,
                 gpointer       data,
                 GError       **error)
{
  DecisionRead *r = data;
  gint64 decision_id = r->one != NULL ? r->one->id : sqlite3_column_int64 (s, 7);
  AlvhDecision *d = r->one != NULL ? r->one : g_hash_table_lookup (r->by_id, &decision_id);

  if (d != NULL && !read_snapshot_into (s, d))
    {
      unknown_signal (r->self, error, decision_id);
      return FALSE;
    }
  return TRUE;
}

static gboolean
decision_row_cb (sqlite3_stmt  *s,
                 gpointer       data,
                 GError       **error)
{
  DecisionRead *r = data;
  AlvhDecision *d = decision_from_row (s);

  if (d == NULL)
    {
      g_set_error (error, ALVH_JOURNAL_ERROR, ALVH_JOURNAL_ERROR_INVALID,
                   "%s: decision %" G_GINT64_FORMAT " holds an action, branch or leg kind"
                   " this version does not know", r->self->path, (gint64) sqlite3_column_int64 (s, 0));
      return FALSE;
    }
  g_ptr_array_add (r->out, d);
  g_hash_table_insert (r->by_id, &d->id, d);
  return TRUE;
}

AlvhDecision *
alvh_journal_store_get_decision (AlvhJournalStore  *self,
                                 gint64             id,
                                 GError           **error)
{
  g_autoptr(AlvhDecision) d = NULL;
  DecisionRead r = { self, NULL, NULL, NULL };

  d = alvh_db_read_row_by_id (self->db,
    "SELECT " DECISION_COLUMNS " FROM decisions WHERE id = ?",
    id, (AlvhDbRowReader) decision_from_row, "decision", "cannot read the decision", ALVH_JOURNAL_ERROR_NOT_FOUND, error);
  if (d == NULL)
    return NULL;
  r.one = d;
  if (!alvh_db_each_row (self->db,
        "SELECT id, key, kind, value, threshold, threshold_high, fired FROM signal_snapshots"
        " WHERE decision_id = ? ORDER BY id", &id, 1, snapshot_row_cb, &r,
        "cannot read the signal snapshots", error))
    return NULL;
  return g_steal_pointer (&d);
}

/**
 * alvh_journal_store_list_decisions:
 * @self: the store
 * @account_id: an account (0 = all, where the function lists or reviews)
 * @from: the first time (0 = unbounded)
 * @to: the end, excluded (0 = unbounded)
 * @error: return location for a #GError
 *
 * The decisions of @account_id (0 = all) made in [@from, @to), each with its
 * signal snapshots; @from / @to 0 = unbounded.  Ordered by time.
 *
 * Returns: (transfer full) (element-type AlvhDecision) (nullable):
 *   the decisions, or %NULL with @error set
 */
GPtrArray *
alvh_journal_store_list_decisions (AlvhJournalStore  *self,
                                   gint64             account_id,
                                   gint64             from,
                                   gint64             to,
                                   GError           **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) alvh_decision_free);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  const gint64 params[] = { account_id, from, to };
  DecisionRead r = { self, NULL, by_id, out };

  g_return_val_if_fail (ALVH_IS_JOURNAL_STORE (self), NULL);
  if (!alvh_db_each_row (self->db,
        "SELECT " DECISION_COLUMNS " FROM decisions WHERE (?1 = 0 OR account_id = ?1)"
        " AND (?2 = 0 OR time >= ?2) AND (?3 = 0 OR time < ?3) ORDER BY time, id",
        params, G_N_ELEMENTS (params), decision_row_cb, &r, "cannot list decisions", error))
    return NULL;
  if (out->len > 0 &&
      !alvh_db_each_row (self->db,
        "SELECT s.id, s.key, s.kind, s.value, s.threshold, s.threshold_high, s.fired, s.decision_id"
        " FROM decisions d JOIN signal_snapshots s ON s.decision_id = d.id"
        " WHERE (?1 = 0 OR d.account_id = ?1) AND (?2 = 0 OR d.time >= ?2) AND (?3 = 0 OR d.time < ?3)"
        " ORDER BY s.id", params, G_N_ELEMENTS (params), snapshot_row_cb, &r,
        "cannot read the signal snapshots", error))
    return NULL;
  return g_steal_pointer (&out);
}

gint64
alvh_journal_store_record_evaluator_decision (AlvhJournalStore    *self,
                                              const AlvhDecision  *decision,
                                              gint64               account_id,
                                              gint64               condor_id,
                                              GError             **error)
{
  AlvhDecision d;

  g_return_val_if_fail (decision != NULL, 0);

  /* a shallow copy with the journal's fields: the pointers stay the caller's */
  d = *decision;
  d.account_id = account_id;
  d.condor_id = condor_id > 0 ? condor_id : decision->has_leg ? decision->leg.condor_id : 0;
  return alvh_journal_store_record_decision (self, &d, error);
}

/* ---- acting on decisions -------------------------------------------------- */

/* Decision @decision_id while it is still pending (neither followed nor
 * skipped); NULL with @error when it is missing or was already acted on. */
static AlvhDecision *
get_pending_decision (AlvhJournalStore  *self,
                      gint64             decision_id,
                      GError           **error)
{
  g_autoptr(AlvhDecision) d = alvh_journal_store_get_decision (self, decision_id, error);

  if (d != NULL && d->followed != ALVH_DECISION_PENDING)
    {
      g_set_error (error, ALVH_JOURNAL_ERROR, ALVH_JOURNAL_ERROR_INVALID,
                   "%s: decision %" G_GINT64_FORMAT " was already acted on (%s)",
                   self->path, decision_id, alvh_decision_status_to_string (d->followed));
      return NULL;
    }
  return g_steal_pointer (&d);
}

gint64
alvh_journal_store_add_leg_from_decision (AlvhJournalStore      *self,
                                          gint64                 decision_id,
                                          const AlvhLeg  *leg,
                                          double                 fill_price,
                                          double                 size,
                                          const char            *note,
                                          gint64                *out_entry_id,
                                          GError               **error)
{
  g_autoptr(AlvhDecision) d = NULL;
  g_autoptr(AlvhLeg) l = alvh_leg_new ();
  AlvhJournalEntry entry = { 0 };
  g_autofree char *what = NULL;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  const char *tags[4] = { "hedge", NULL, NULL, NULL };
  gint64 leg_id = 0, entry_id = 0;
  gboolean ok = TRUE;

  g_return_val_if_fail (ALVH_IS_JOURNAL_STORE (self), 0);

  if (!alvh_db_begin (self->db, error))
    return 0;
  d = get_pending_decision (self, decision_id, error);
  if (d == NULL)
    ok = FALSE;
  else if (d->action != ALVH_ACTION_ADD)
    {
      g_set_error (error, ALVH_JOURNAL_ERROR, ALVH_JOURNAL_ERROR_INVALID,
                   "%s: decision %" G_GINT64_FORMAT " is %s, expected ADD"
                   " (book a manual leg to override it)",
                   self->path, decision_id, alvh_action_to_string (d->action));
      ok = FALSE;
    }

  if (ok)
    {
      l->account_id = d->account_id;
      l->condor_id = leg != NULL && leg->condor_id > 0 ? leg->condor_id : d->condor_id;
      l->decision_id = d->id;
      if (leg != NULL)
        l->kind = leg->kind;
      else
        l->kind = d->has_leg ? d->leg.kind : ALVH_LEG_VIX_CALL_SPREAD;
      l->long_strike = leg != NULL ? leg->long_strike : d->leg.long_strike;
      l->short_strike = leg != NULL ? leg->short_strike : d->leg.short_strike;
      l->expiry = leg != NULL && leg->expiry != 0 ? leg->expiry : d->leg.expiry;
      l->quantity = size > 0 ? size : leg != NULL && leg->quantity > 0 ? leg->quantity : d->size;
      l->premium = isfinite (fill_price) ? fill_price
                   : leg != NULL && isfinite (leg->premium) ? leg->premium
                   : l->quantity > 0 ? d->estimated_cost / (100.0 * l->quantity) : NAN;
      l->layer = leg != NULL && leg->layer > 0 ? leg->layer : d->layer;
      l->opened = leg != NULL && leg->opened != 0 ? leg->opened : d->time;
      l->manual = FALSE;
      l->notes = g_strdup (note != NULL ? note : "");
      leg_id = _alvh_journal_store_insert_leg_locked (self, l, error);
      ok = leg_id > 0;
    }
  if (ok)
    ok = alvh_db_run (self->db, "INSERT INTO leg_signals (leg_id, snapshot_id)"
                      " SELECT ?, id FROM signal_snapshots WHERE decision_id = ? AND fired = 1",
                      "cannot link the leg to its signals", error, "ii", leg_id, decision_id);
  if (ok)
    ok = alvh_db_run (self->db, "UPDATE decisions SET followed = 'followed' WHERE id = ?",
                      "cannot mark the decision", error, "i", decision_id);
  if (ok)
    {
      what = alvh_leg_describe (l);
      /* the title a person reads, in their language (the tags keep the key) */
      title = g_strdup_printf (_("Layer %u hedge (%s): %s"), l->layer,
                               alvh_format_key (alvh_branch_to_string (d->branch)), what);
      body = g_strdup_printf ("%s%s%s", d->explanation != NULL ? d->explanation : "",
                              note != NULL && *note != '\0' ? "\n\n" : "",
                              note != NULL ? note : "");
      tags[1] = alvh_branch_to_string (d->branch);
      entry.time = l->opened;
      entry.title = title;
      entry.body = body;
      entry.tags = (char **) tags;
      entry.account_id = d->account_id;
      entry.decision_id = d->id;
      entry.leg_id = leg_id;
      entry_id = _alvh_journal_store_insert_entry_locked (self, &entry, error);
      ok = entry_id > 0;
    }
  if (!alvh_db_end (self->db, ok, error))
    return 0;
  if (out_entry_id != NULL)
    *out_entry_id = entry_id;
  return leg_id;
}

gboolean
alvh_journal_store_skip_decision (AlvhJournalStore  *self,
                                  gint64             decision_id,
                                  const char        *reason,
                                  GError           **error)
{
  g_autoptr(AlvhDecision) d = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (ALVH_IS_JOURNAL_STORE (self), FALSE);

  if (!alvh_db_begin (self->db, error))
    return FALSE;
  d = get_pending_decision (self, decision_id, error);
  ok = d != NULL;
  if (ok)
    ok = alvh_db_run (self->db, "UPDATE decisions SET followed = 'skipped', skip_reason = ? WHERE id = ?",
                      "cannot skip the decision", error, "ti", reason != NULL ? reason : "", decision_id);
  if (ok)
    {
      g_autofree char *title = g_strdup_printf ("Skipped %s (%s), layer %u",
                                                alvh_action_to_string (d->action),
                                                alvh_branch_to_string (d->branch), d->layer);
      g_autofree char *body = g_strdup_printf ("%s\n\n%s", reason != NULL ? reason : "",
                                               d->explanation != NULL ? d->explanation : "");
      const char *tags[] = { "skipped", alvh_branch_to_string (d->branch), NULL };
      AlvhJournalEntry entry = { 0 };

      entry.time = d->time;
      entry.title = title;
      entry.body = body;
      entry.tags = (char **) tags;
      entry.account_id = d->account_id;
      entry.decision_id = d->id;
      ok = _alvh_journal_store_insert_entry_locked (self, &entry, error) > 0;
    }
  return alvh_db_end (self->db, ok, error);
}


gboolean
alvh_journal_store_mark_decision_for_leg (AlvhJournalStore  *self,
                                          gint64             decision_id,
                                          const AlvhLeg     *leg,
                                          GError           **error)
{
  g_autoptr(AlvhDecision) d = NULL;
  AlvhDecisionStatus status;

  g_return_val_if_fail (ALVH_IS_JOURNAL_STORE (self), FALSE);
  g_return_val_if_fail (leg != NULL, FALSE);

  d = alvh_journal_store_get_decision (self, decision_id, error);
  if (d == NULL)
    return FALSE;
  /* booking a manual leg marks its decision manual (alvh_journal_store_book_leg()) */
  if (d->action != ALVH_ACTION_ADD ||
      (d->followed != ALVH_DECISION_PENDING && d->followed != ALVH_DECISION_MANUAL))
    return TRUE;
  status = alvh_reconcile_compare (d, leg) == 0 ? ALVH_DECISION_FOLLOWED : ALVH_DECISION_MANUAL;
  return alvh_db_run (self->db,
    "UPDATE decisions SET followed = ? WHERE id = ? AND (followed IS NULL OR followed = 'manual')",
    "cannot mark the decision", error, "ti", alvh_decision_status_to_string (status), decision_id);
}

AlvhReconciliation *
alvh_journal_store_reconcile (AlvhJournalStore  *self,
                              gint64             account_id,
                              gint64             now,
                              GError           **error)
{
  g_autoptr(GPtrArray) decisions = NULL;
  g_autoptr(GPtrArray) legs = NULL;

  g_return_val_if_fail (ALVH_IS_JOURNAL_STORE (self), NULL);

  decisions = alvh_journal_store_list_decisions (self, account_id, 0, 0, error);
  if (decisions == NULL)
    return NULL;
  legs = alvh_journal_store_list_legs (self, account_id, 0, 0, error);
  if (legs == NULL)
    return NULL;
  return alvh_reconcile (decisions, legs, now);
}
