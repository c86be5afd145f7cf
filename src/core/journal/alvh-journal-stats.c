/* alvh-journal-stats.c — the review's arithmetic: a leg's outcome on the market data
 * and the statistics, as pure functions over the records (no SQL here)
 *
 * Part of AlvhJournalStore (alvh-journal-store.h); the store's internals are
 * in alvh-journal-store-private.h.
 */
#define G_LOG_DOMAIN "alvh-journal"

#include "config.h"

#include <math.h>
#include <string.h>

#include "alvh-journal-store.h"
#include "alvh-journal-store-private.h"
#include "alvh-time.h"

/* ---- review and statistics ------------------------------------------------ */

/* Intrinsic value per contract of a leg at the given closes. */
static double
leg_intrinsic (const AlvhLeg *l,
               double                spx,
               double                vix)
{
  gboolean on_spx = l->kind == ALVH_LEG_SPX_PUT || l->kind == ALVH_LEG_SPX_PUT_SPREAD;
  gboolean put = on_spx || l->kind == ALVH_LEG_VIX_PUT;
  double u = on_spx ? spx : vix;
  double v;

  if (l->kind == ALVH_LEG_VIX_FUTURE)
    return u;  /* a future is worth its price (VIX as the proxy) */
  if (!isfinite (l->long_strike) || !isfinite (u))
    return NAN;
  v = put ? MAX (l->long_strike - u, 0.0) : MAX (u - l->long_strike, 0.0);
  if (isfinite (l->short_strike))
    v = MIN (v, fabs (l->short_strike - l->long_strike));
  return v;
}

/* Index of the last bar with time <= t, or -1. */
static gssize
market_find_le (const AlvhJournalMarket *m,
                gint64                   t)
{
  if (m == NULL)
    return -1;
  return alvh_time_find_le (m->times, m->n_bars, t);
}

AlvhJournalLegOutcome *
_alvh_journal_leg_outcome_compute (AlvhJournalReviewLeg    *r,
                                   const AlvhJournalMarket *m,
                                   const AlvhLedgerEntry   *entry)
{
  AlvhJournalLegOutcome *o = g_new0 (AlvhJournalLegOutcome, 1);
  const AlvhLeg *l = r->leg;
  double qty = l->quantity, realised = 0, closed_qty = 0, final_mark = NAN;
  gboolean closed = l->closed_quantity >= l->quantity - 1e-9;
  gint64 end;
  gssize i0, i1;
  guint ci = 0;

  o->leg_id = l->id;
  o->condor_id = l->condor_id;
  o->decision_id = l->decision_id;
  o->branch = g_strdup (l->manual ? "manual" : r->branch != NULL ? r->branch : "none");
  g_ptr_array_add (r->triggers, NULL);
  o->triggers = g_strdupv ((char **) r->triggers->pdata);
  g_ptr_array_set_size (r->triggers, r->triggers->len - 1);
  o->closed = closed;
  o->spx_at_add = o->spx_max_adverse = o->vix_at_add = o->vix_at_end = NAN;

  if (closed && r->closes->len > 0)
    end = g_array_index (r->closes, AlvhJournalLegClose, r->closes->len - 1).time;
  else if (l->expiry > 0)
    end = l->expiry;
  else
    end = G_MAXINT64;

  i0 = market_find_le (m, l->opened);
  if (i0 < 0 && m != NULL && m->n_bars > 0 && m->times[0] <= end)
    i0 = 0;
  i1 = i0 >= 0 ? market_find_le (m, end) : -1;
  if (i1 < i0)
    i1 = i0;

  if (i0 >= 0)
    {
      double best = 0;

      o->spx_at_add = m->spx[i0];
      o->vix_at_add = m->vix[i0];
      o->spx_max_adverse = 0;
      for (gssize i = i0; i <= i1; i++)
        {
          double move = m->spx[i] / m->spx[i0] - 1.0;
          double mark = leg_intrinsic (l, m->spx[i], m->vix[i]);
          double path;

          if (fabs (move) > best)
            {
              best = fabs (move);
              o->spx_max_adverse = move;
            }
          /* closes up to this bar */
          while (ci < r->closes->len &&
                 g_array_index (r->closes, AlvhJournalLegClose, ci).time <= m->times[i])
            {
              const AlvhJournalLegClose *c = &g_array_index (r->closes, AlvhJournalLegClose, ci);

              realised += (c->price - l->premium) * 100.0 * c->quantity;
              closed_qty += c->quantity;
              ci++;
            }
          if (!isfinite (mark))
            mark = l->premium;
          path = realised + (mark - l->premium) * 100.0 * MAX (qty - closed_qty, 0.0);
          o->mae = MIN (o->mae, path);
          o->mfe = MAX (o->mfe, path);
          final_mark = mark;
        }
      o->vix_at_end = m->vix[i1];
      o->vix_rose = o->vix_at_end > o->vix_at_add;
    }

  /* the remaining closes (after the last bar, or without market data) */
  while (ci < r->closes->len)
    {
      const AlvhJournalLegClose *c = &g_array_index (r->closes, AlvhJournalLegClose, ci);

      realised += (c->price - l->premium) * 100.0 * c->quantity;
      closed_qty += c->quantity;
      ci++;
    }
  o->pnl = realised;
  if (qty - closed_qty > 1e-9 && isfinite (final_mark))
    o->pnl += (final_mark - l->premium) * 100.0 * (qty - closed_qty);
  o->mae = MIN (o->mae, o->pnl);
  o->mfe = MAX (o->mfe, o->pnl);
  if (entry != NULL)
    {
      /* the one valuation: model marks, settlement, fees */
      o->pnl = entry->realized + entry->unrealized;
      o->mae = entry->mae;
      o->mfe = entry->mfe;
      o->closed = entry->quantity > 0 && entry->open_quantity <= 0;
    }
  return o;
}

static void
stat_add (GHashTable *table,
          const char *group,
          double      pnl,
          double      mae,
          double      mfe)
{
  AlvhJournalStatRow *row = g_hash_table_lookup (table, group);

  if (row == NULL)
    {
      row = g_new0 (AlvhJournalStatRow, 1);
      row->group = g_strdup (group);
      g_hash_table_insert (table, row->group, row);
    }
  row->count++;
  if (pnl > 0)
    row->hits++;
  row->total_pnl += pnl;
  row->avg_mae += mae;   /* sums until finished */
  row->avg_mfe += mfe;
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const AlvhJournalStatRow *ra = *(AlvhJournalStatRow * const *) a;
  const AlvhJournalStatRow *rb = *(AlvhJournalStatRow * const *) b;

  return strcmp (ra->group, rb->group);
}

static GPtrArray *
stat_finish (GHashTable *table)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) alvh_journal_stat_row_free);
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      AlvhJournalStatRow *row = value;

      row->hit_rate = (double) row->hits / row->count;
      row->avg_pnl = row->total_pnl / row->count;
      row->avg_mae /= row->count;
      row->avg_mfe /= row->count;
      g_ptr_array_add (out, row);
      g_hash_table_iter_steal (&iter);
    }
  g_ptr_array_sort (out, compare_rows);
  return out;
}

typedef struct
{
  gint64 condor_id;
  double pnl;
  guint  n_legs;
} HedgeSum;

/* Per trigger, per combination of triggers and per branch, over the legs. */
static void
stats_by_leg (AlvhJournalStats *stats,
              GPtrArray        *outcomes)
{
  g_autoptr(GHashTable) by_trigger = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) alvh_journal_stat_row_free);
  g_autoptr(GHashTable) by_combo = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) alvh_journal_stat_row_free);
  g_autoptr(GHashTable) by_branch = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) alvh_journal_stat_row_free);

  for (guint i = 0; i < outcomes->len; i++)
    {
      AlvhJournalLegOutcome *o = g_ptr_array_index (outcomes, i);
      g_autofree char *combo = NULL;

      for (guint k = 0; o->triggers[k] != NULL; k++)
        stat_add (by_trigger, o->triggers[k], o->pnl, o->mae, o->mfe);
      combo = o->triggers[0] != NULL ? g_strjoinv ("+", o->triggers) : g_strdup ("(none)");
      stat_add (by_combo, combo, o->pnl, o->mae, o->mfe);
      stat_add (by_branch, o->branch, o->pnl, o->mae, o->mfe);
    }
  stats->by_trigger = stat_finish (by_trigger);
  stats->by_combination = stat_finish (by_combo);
  stats->by_branch = stat_finish (by_branch);
}

/* The legs' P&L summed per condor: HedgeSum by condor id. */
static GHashTable *
hedges_by_condor (GPtrArray *outcomes)
{
  GHashTable *hedges = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);

  for (guint i = 0; i < outcomes->len; i++)
    {
      AlvhJournalLegOutcome *o = g_ptr_array_index (outcomes, i);
      HedgeSum *sum;

      if (o->condor_id <= 0)
        continue;
      sum = g_hash_table_lookup (hedges, &o->condor_id);
      if (sum == NULL)
        {
          sum = g_new0 (HedgeSum, 1);
          sum->condor_id = o->condor_id;
          g_hash_table_insert (hedges, &sum->condor_id, sum);
        }
      sum->pnl += o->pnl;
      sum->n_legs++;
    }
  return hedges;
}

AlvhJournalStats *
_alvh_journal_stats_compute (GPtrArray  *outcomes,
                             GPtrArray  *condors,
                             GHashTable *overridden,
                             AlvhLedger *ledger,
                             gint64      at)
{
  g_autoptr(GHashTable) adherence = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) alvh_journal_stat_row_free);
  g_autoptr(GHashTable) hedges = hedges_by_condor (outcomes);
  AlvhJournalStats *stats = g_new0 (AlvhJournalStats, 1);

  stats_by_leg (stats, outcomes);
  stats->condors = g_ptr_array_new_with_free_func (g_free);
  for (guint k = 0; k < condors->len; k++)
    {
      const AlvhCondor *c = g_ptr_array_index (condors, k);
      gssize index = alvh_ledger_find (ledger, c->id, TRUE);
      AlvhJournalCondorStat *cs;
      HedgeSum *sum = g_hash_table_lookup (hedges, &c->id);
      AlvhLedgerEntry e;

      if (index < 0 || !alvh_ledger_entry_at (ledger, index, at, &e))
        continue;
      cs = g_new0 (AlvhJournalCondorStat, 1);
      cs->condor_id = c->id;
      cs->closed = e.closed > 0;
      cs->pnl_unhedged = e.realized + e.unrealized;
      if (sum != NULL)
        {
          cs->hedge_pnl = sum->pnl;
          cs->n_legs = sum->n_legs;
        }
      cs->pnl_hedged = cs->pnl_unhedged + cs->hedge_pnl;
      cs->followed = !g_hash_table_contains (overridden, &c->id);
      g_ptr_array_add (stats->condors, cs);
      stat_add (adherence, cs->followed ? "followed" : "overridden", cs->pnl_hedged, NAN, NAN);
    }
  stats->adherence = stat_finish (adherence);
  return stats;
}

void
_alvh_journal_stats_add_adherence (AlvhJournalStats         *stats,
                                   GPtrArray                *outcomes,
                                   const AlvhReconciliation *rec)
{
  g_autoptr(GHashTable) rows = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) alvh_journal_stat_row_free);

  for (guint i = 0; i < outcomes->len; i++)
    {
      const AlvhJournalLegOutcome *o = g_ptr_array_index (outcomes, i);
      const AlvhReconcileItem *it = alvh_reconciliation_lookup_leg (rec, o->leg_id);

      if (it != NULL)
        stat_add (rows, alvh_adherence_to_string (it->adherence), o->pnl, o->mae, o->mfe);
    }
  g_clear_pointer (&stats->by_adherence, g_ptr_array_unref);
  stats->by_adherence = stat_finish (rows);
  stats->n_skipped = rec->counts[ALVH_ADHERENCE_SKIPPED];
}
