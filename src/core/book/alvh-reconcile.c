/* alvh-reconcile.c — followed, deviated, unprompted and skipped */
#define G_LOG_DOMAIN "alvh-book"

#include "config.h"

#include <math.h>

#include "alvh-reconcile.h"
#include "alvh-time.h"

static const char * const adherence_names[ALVH_N_ADHERENCE] = {
  "followed", "deviated", "unprompted", "skipped", "pending",
};

const char *
alvh_adherence_to_string (AlvhAdherence adherence)
{
  g_return_val_if_fail ((guint) adherence < ALVH_N_ADHERENCE, "pending");
  return adherence_names[adherence];
}

char *
alvh_deviation_to_string (guint deviation)
{
  static const char * const names[] = { "kind", "strikes", "expiry", "size" };
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (deviation & (1u << i))
      {
        if (out->len > 0)
          g_string_append (out, ", ");
        g_string_append (out, names[i]);
      }
  return g_string_free (out, FALSE);
}

static gboolean
same_strike (double a,
             double b)
{
  if (isnan (a) || isnan (b))
    return isnan (a) == isnan (b);
  return fabs (a - b) < 1e-6;
}

guint
alvh_reconcile_compare (const AlvhDecision *decision,
                        const AlvhLeg      *leg)
{
  const AlvhLeg *p = &decision->leg;
  guint d = ALVH_DEVIATION_NONE;

  if (!decision->has_leg)
    return ALVH_DEVIATION_KIND;
  if (p->kind != leg->kind)
    d |= ALVH_DEVIATION_KIND;
  if (!same_strike (p->long_strike, leg->long_strike) || !same_strike (p->short_strike, leg->short_strike))
    d |= ALVH_DEVIATION_STRIKES;
  if (alvh_time_ny_day (p->expiry) != alvh_time_ny_day (leg->expiry))
    d |= ALVH_DEVIATION_EXPIRY;
  if (fabs (decision->size - leg->quantity) > 1e-9)
    d |= ALVH_DEVIATION_SIZE;
  return d;
}

const AlvhDecision *
alvh_reconcile_find_decision (GPtrArray     *decisions,
                              const AlvhLeg *leg)
{
  const AlvhDecision *best = NULL;
  gint64 day = alvh_time_ny_day (leg->opened);

  for (guint i = 0; i < decisions->len; i++)
    {
      const AlvhDecision *d = g_ptr_array_index (decisions, i);

      if (leg->decision_id != 0 && d->id == leg->decision_id)
        return d->action == ALVH_ACTION_ADD ? d : NULL;
    }
  for (guint i = 0; i < decisions->len; i++)
    {
      const AlvhDecision *d = g_ptr_array_index (decisions, i);

      if (d->action != ALVH_ACTION_ADD || d->time > leg->opened || alvh_time_ny_day (d->time) != day)
        continue;
      if (leg->account_id != 0 && d->account_id != 0 && d->account_id != leg->account_id)
        continue;
      if (best == NULL || d->time > best->time || (d->time == best->time && d->id > best->id))
        best = d;
    }
  return best;
}

static gint
item_cmp (gconstpointer a,
          gconstpointer b)
{
  const AlvhReconcileItem *x = a, *y = b;

  if (x->time != y->time)
    return x->time < y->time ? -1 : 1;
  return (x->leg_id > y->leg_id) - (x->leg_id < y->leg_id);
}

static void
index_items (AlvhReconciliation *self)
{
  for (guint i = 0; i < self->items->len; i++)
    {
      AlvhReconcileItem *it = &g_array_index (self->items, AlvhReconcileItem, i);

      self->counts[it->adherence]++;
      if (it->leg_id != 0)
        g_hash_table_insert (self->by_leg, g_memdup2 (&it->leg_id, sizeof (gint64)), GUINT_TO_POINTER (i + 1));
      if (it->decision_id != 0 && !g_hash_table_contains (self->by_decision, &it->decision_id))
        g_hash_table_insert (self->by_decision, g_memdup2 (&it->decision_id, sizeof (gint64)), GUINT_TO_POINTER (i + 1));
    }
}

AlvhReconciliation *
alvh_reconcile (GPtrArray *decisions,
                GPtrArray *legs,
                gint64     now)
{
  AlvhReconciliation *self = g_new0 (AlvhReconciliation, 1);
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GArray) tail = g_array_new (FALSE, TRUE, sizeof (AlvhReconcileItem));
  gint64 today = alvh_time_ny_day (now);

  self->items = g_array_new (FALSE, TRUE, sizeof (AlvhReconcileItem));
  self->by_leg = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->by_decision = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < legs->len; i++)
    {
      const AlvhLeg *leg = g_ptr_array_index (legs, i);
      const AlvhDecision *d = alvh_reconcile_find_decision (decisions, leg);
      AlvhReconcileItem it = { 0 };

      it.leg_id = leg->id;
      it.time = leg->opened;
      if (d == NULL)
        it.adherence = ALVH_ADHERENCE_UNPROMPTED;
      else
        {
          it.decision_id = d->id;
          it.deviation = alvh_reconcile_compare (d, leg);
          it.adherence = it.deviation == 0 ? ALVH_ADHERENCE_FOLLOWED : ALVH_ADHERENCE_DEVIATED;
          g_hash_table_add (used, g_memdup2 (&d->id, sizeof (gint64)));
        }
      g_array_append_val (self->items, it);
    }
  g_array_sort (self->items, item_cmp);

  for (guint i = 0; i < decisions->len; i++)
    {
      const AlvhDecision *d = g_ptr_array_index (decisions, i);
      AlvhReconcileItem it = { 0 };

      if (d->action != ALVH_ACTION_ADD || g_hash_table_contains (used, &d->id))
        continue;
      it.decision_id = d->id;
      it.time = d->time;
      it.adherence = d->followed == ALVH_DECISION_SKIPPED || alvh_time_ny_day (d->time) < today
                     ? ALVH_ADHERENCE_SKIPPED : ALVH_ADHERENCE_PENDING;
      g_array_append_val (tail, it);
    }
  g_array_sort (tail, item_cmp);
  g_array_append_vals (self->items, tail->data, tail->len);
  index_items (self);
  return self;
}

const AlvhReconcileItem *
alvh_reconciliation_lookup_leg (const AlvhReconciliation *self,
                                gint64                    leg_id)
{
  guint i = GPOINTER_TO_UINT (g_hash_table_lookup (self->by_leg, &leg_id));

  return i == 0 ? NULL : &g_array_index (self->items, AlvhReconcileItem, i - 1);
}

const char *
alvh_reconciliation_decision_status (const AlvhReconciliation *self,
                                     const AlvhDecision       *decision)
{
  guint i;

  if (decision->action == ALVH_ACTION_HOLD)
    return "hold";
  if (decision->action == ALVH_ACTION_BLOCKED)
    return "blocked";
  i = GPOINTER_TO_UINT (g_hash_table_lookup (self->by_decision, &decision->id));
  if (i == 0)
    return "pending";
  return alvh_adherence_to_string (g_array_index (self->items, AlvhReconcileItem, i - 1).adherence);
}

void
alvh_reconciliation_free (AlvhReconciliation *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->items);
  g_hash_table_unref (self->by_leg);
  g_hash_table_unref (self->by_decision);
  g_free (self);
}
