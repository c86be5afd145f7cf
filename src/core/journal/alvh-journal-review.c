/* alvh-journal-review.c — the review: reads the legs, their closes and triggers, the condors and the
 * overridden decisions, and hands them to the statistics (alvh-journal-stats.c)
 *
 * Part of AlvhJournalStore (alvh-journal-store.h); the store's internals are
 * in alvh-journal-store-private.h.
 */
#define G_LOG_DOMAIN "alvh-journal"

#include "config.h"

#include <math.h>
#include <string.h>

#include <sqlite3.h>

#include "alvh-db.h"
#include "alvh-journal-store.h"
#include "alvh-journal-store-private.h"
#include "alvh-time.h"

/* ---- review and statistics ------------------------------------------------ */

static void
review_leg_free (AlvhJournalReviewLeg *r)
{
  alvh_leg_free (r->leg);
  g_free (r->branch);
  g_free (r->followed);
  g_ptr_array_unref (r->triggers);
  g_array_unref (r->closes);
  g_free (r);
}

static GPtrArray *
load_review_legs (AlvhJournalStore  *self,
                  gint64             account_id,
                  GError           **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) review_leg_free);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  int rc;

  {
    g_autoptr(AlvhDbCachedStmt) s = alvh_db_prepare_cached (self->db,
      "SELECT l.id, l.account_id, l.condor_id, l.decision_id, l.kind, l.long_strike,"
      " l.short_strike, l.expiry, l.quantity, l.premium, l.layer, l.opened, l.manual,"
      " l.closed_quantity, l.close_price, l.notes, d.branch, d.followed"
      " FROM legs l LEFT JOIN decisions d ON d.id = l.decision_id"
      " WHERE (?1 = 0 OR l.account_id = ?1) ORDER BY l.opened, l.id", error);

    if (s == NULL)
      return NULL;
    sqlite3_bind_int64 (s, 1, account_id);
    while ((rc = sqlite3_step (s)) == SQLITE_ROW)
      {
        AlvhLeg *leg = _alvh_journal_leg_from_row (s);
        AlvhJournalReviewLeg *r;

        if (leg == NULL)
          {
            g_set_error (error, ALVH_JOURNAL_ERROR, ALVH_JOURNAL_ERROR_INVALID,
                         "%s: cannot read legs: a row holds a value this version does not know",
                         self->path);
            return NULL;
          }
        r = g_new0 (AlvhJournalReviewLeg, 1);
        r->leg = leg;
        r->branch = alvh_db_column_text (s, 16);
        r->followed = alvh_db_column_text (s, 17);
        r->triggers = g_ptr_array_new_with_free_func (g_free);
        r->closes = g_array_new (FALSE, FALSE, sizeof (AlvhJournalLegClose));
        g_ptr_array_add (out, r);
        g_hash_table_insert (by_id, &r->leg->id, r);
      }
    if (rc != SQLITE_DONE)
      {
        alvh_db_set_error (self->db, error, "cannot read legs");
        return NULL;
      }
  }
  {
    g_autoptr(AlvhDbCachedStmt) s = alvh_db_prepare_cached (self->db,
      "SELECT ls.leg_id, sn.key FROM leg_signals ls"
      " JOIN signal_snapshots sn ON sn.id = ls.snapshot_id WHERE sn.fired = 1"
      " ORDER BY ls.leg_id, sn.key", error);

    if (s == NULL)
      return NULL;
    while ((rc = sqlite3_step (s)) == SQLITE_ROW)
      {
        gint64 id = sqlite3_column_int64 (s, 0);
        AlvhJournalReviewLeg *r = g_hash_table_lookup (by_id, &id);

        if (r != NULL)
          g_ptr_array_add (r->triggers, alvh_db_column_text (s, 1));
      }
    if (rc != SQLITE_DONE)
      {
        alvh_db_set_error (self->db, error, "cannot read leg signals");
        return NULL;
      }
  }
  {
    g_autoptr(AlvhDbCachedStmt) s = alvh_db_prepare_cached (self->db,
      "SELECT id, leg_id, time, quantity, price FROM leg_closes ORDER BY leg_id, time, id", error);

    if (s == NULL)
      return NULL;
    while ((rc = sqlite3_step (s)) == SQLITE_ROW)
      {
        gint64 id = sqlite3_column_int64 (s, 1);
        AlvhJournalReviewLeg *r = g_hash_table_lookup (by_id, &id);
        AlvhJournalLegClose c;

        if (r == NULL)
          continue;
        c.id = sqlite3_column_int64 (s, 0);
        c.leg_id = id;
        c.time = sqlite3_column_int64 (s, 2);
        c.quantity = sqlite3_column_double (s, 3);
        c.price = sqlite3_column_double (s, 4);
        g_array_append_val (r->closes, c);
      }
    if (rc != SQLITE_DONE)
      {
        alvh_db_set_error (self->db, error, "cannot read leg closes");
        return NULL;
      }
  }
  return g_steal_pointer (&out);
}

AlvhJournalMarket *
alvh_journal_market_new_from_frame (AlvhMarketFrame *frame,
                                    AlvhSeries      *vix)
{
  AlvhJournalMarket *m;

  g_return_val_if_fail (frame != NULL, NULL);
  m = alvh_journal_market_new (frame->time, frame->close, frame->vix, frame->n);
  alvh_market_frame_unref (m->frame);
  m->frame = alvh_market_frame_ref (frame);
  m->vix_series = vix != NULL ? alvh_series_ref (vix) : NULL;
  return m;
}

AlvhJournalMarket *
alvh_journal_market_join_all (AlvhSeries *spx,
                              AlvhSeries *vix,
                              AlvhSeries *vx,
                              AlvhSeries *vvix)
{
  g_autoptr(AlvhMarketFrame) frame = NULL;

  g_return_val_if_fail (spx != NULL && vix != NULL, NULL);
  frame = alvh_market_frame_new_join (spx, vix, vx, vvix, NULL, G_MININT64, G_MAXINT64);
  return alvh_journal_market_new_from_frame (frame, vix);
}

/* The account's ledger marked on @market (NULL: at cost). */
static AlvhLedger *
review_ledger (AlvhJournalStore         *self,
               gint64                    account_id,
               const AlvhJournalMarket  *market,
               GError                  **error)
{
  AlvhLedger *ledger = alvh_journal_store_load_ledger (self, account_id, NULL, error);

  if (ledger != NULL && market != NULL)
    alvh_ledger_set_market (ledger, market->frame, market->vix_series);
  return ledger;
}

static gint64
review_time (gint64 at)
{
  return at != 0 ? at : alvh_time_now ();
}

/* The outcomes of the legs held by @at, from the ledger. */
static GPtrArray *
review_legs_at (AlvhJournalStore         *self,
                gint64                    account_id,
                const AlvhJournalMarket  *market,
                AlvhLedger               *ledger,
                gint64                    at,
                GError                  **error)
{
  g_autoptr(GPtrArray) legs = load_review_legs (self, account_id, error);
  GPtrArray *out;

  if (legs == NULL)
    return NULL;
  out = g_ptr_array_new_full (legs->len, (GDestroyNotify) alvh_journal_leg_outcome_free);
  for (guint i = 0; i < legs->len; i++)
    {
      AlvhJournalReviewLeg *r = g_ptr_array_index (legs, i);
      gssize index = alvh_ledger_find (ledger, r->leg->id, FALSE);
      AlvhLedgerEntry e;

      if (index < 0 || !alvh_ledger_entry_at (ledger, index, at, &e))
        continue;
      g_ptr_array_add (out, _alvh_journal_leg_outcome_compute (r, market, &e));
    }
  return out;
}

/**
 * alvh_journal_store_review_legs:
 * @self: the store
 * @account_id: an account (0 = all, where the function lists or reviews)
 * @market: (nullable): SPX and VIX closes for the marks
 * @error: return location for a #GError
 *
 * The outcome of every leg (of @account_id, or all with 0) held by now,
 * valued by the ledger on @market (NULL: at cost), in the order the legs
 * were opened.
 *
 * Returns: (transfer full) (element-type AlvhJournalLegOutcome) (nullable):
 *   the outcomes, or %NULL with @error set
 */
GPtrArray *
alvh_journal_store_review_legs (AlvhJournalStore         *self,
                                gint64                    account_id,
                                const AlvhJournalMarket  *market,
                                GError                  **error)
{
  g_autoptr(AlvhLedger) ledger = NULL;

  g_return_val_if_fail (ALVH_IS_JOURNAL_STORE (self), NULL);

  ledger = review_ledger (self, account_id, market, error);
  if (ledger == NULL)
    return NULL;
  return review_legs_at (self, account_id, market, ledger, review_time (0), error);
}

/* The ids of the condors where the rules were overridden: a decision skipped
 * or replaced by hand, or a manual leg (a set of gint64 *). */
static GHashTable *
load_overridden (AlvhJournalStore  *self,
                 GError           **error)
{
  g_autoptr(GHashTable) overridden = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(AlvhDbCachedStmt) s = alvh_db_prepare_cached (self->db,
    "SELECT condor_id FROM decisions WHERE followed IN ('skipped', 'manual') AND condor_id IS NOT NULL"
    " UNION SELECT condor_id FROM legs WHERE manual = 1 AND condor_id IS NOT NULL", error);
  int rc;

  if (s == NULL)
    return NULL;
  while ((rc = sqlite3_step (s)) == SQLITE_ROW)
    {
      gint64 *id = g_new (gint64, 1);

      *id = sqlite3_column_int64 (s, 0);
      g_hash_table_add (overridden, id);
    }
  if (rc != SQLITE_DONE)
    {
      alvh_db_set_error (self->db, error, "cannot read adherence");
      return NULL;
    }
  return g_steal_pointer (&overridden);
}

AlvhJournalStats *
alvh_journal_store_compute_stats (AlvhJournalStore         *self,
                                  gint64                    account_id,
                                  const AlvhJournalMarket  *market,
                                  GError                  **error)
{
  return alvh_journal_store_compute_stats_at (self, account_id, market, 0, error);
}

/**
 * alvh_journal_store_compute_stats_at:
 * @self: the store
 * @account_id: an account (0 = all)
 * @market: (nullable): the market the ledger marks and settles on (%NULL:
 *   open positions at cost)
 * @at: the time the statistics stand at (0 = now): positions opened later
 *   are left out, open ones are marked on the last bar known then
 * @error: return location for a #GError
 *
 * Statistics over the legs and condors held by @at (0 = now), valued by the
 * ledger (ALVH-SPEC section 6) on @market, and adherence (condors where the
 * rules were followed vs overridden by a skipped decision or a manual leg).
 *
 * Returns: (transfer full) (nullable): the statistics, or %NULL with @error
 *   set
 */
AlvhJournalStats *
alvh_journal_store_compute_stats_at (AlvhJournalStore         *self,
                                     gint64                    account_id,
                                     const AlvhJournalMarket  *market,
                                     gint64                    at,
                                     GError                  **error)
{
  const gint64 params[] = { account_id };
  g_autoptr(AlvhLedger) ledger = NULL;
  g_autoptr(GPtrArray) outcomes = NULL;
  g_autoptr(GHashTable) overridden = NULL;
  g_autoptr(GPtrArray) condors = NULL;
  g_autoptr(AlvhJournalStats) stats = NULL;
  g_autoptr(AlvhReconciliation) rec = NULL;

  g_return_val_if_fail (ALVH_IS_JOURNAL_STORE (self), NULL);

  at = review_time (at);
  ledger = review_ledger (self, account_id, market, error);
  if (ledger == NULL)
    return NULL;
  outcomes = review_legs_at (self, account_id, market, ledger, at, error);
  if (outcomes == NULL)
    return NULL;
  overridden = load_overridden (self, error);
  if (overridden == NULL)
    return NULL;
  condors = alvh_db_list_rows (self->db,
    "SELECT " ALVH_JOURNAL_CONDOR_COLUMNS " FROM condors WHERE (?1 = 0 OR account_id = ?1) ORDER BY id",
    params, G_N_ELEMENTS (params), (GDestroyNotify) alvh_condor_free,
    (AlvhDbRowReader) _alvh_journal_condor_from_row, "cannot read condors", error);
  if (condors == NULL)
    return NULL;
  stats = _alvh_journal_stats_compute (outcomes, condors, overridden, ledger, at);
  /* hit rate and P&L of the legs that followed the rules, deviated, or came unprompted */
  rec = alvh_journal_store_reconcile (self, account_id, at, error);
  if (rec == NULL)
    return NULL;
  _alvh_journal_stats_add_adherence (stats, outcomes, rec);
  return g_steal_pointer (&stats);
}
