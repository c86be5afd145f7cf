/* alvh-attribution.c — which triggers' hedges paid, and what they cost */
#define G_LOG_DOMAIN "alvh-attribution"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "alvh-attribution.h"
#include "alvh-evaluator-private.h"
#include "alvh-format.h"
#include "alvh-time.h"

#define Z95 1.959963984540054
#define BOOTSTRAP_SEED 20u

G_DEFINE_BOXED_TYPE (AlvhAttribution, alvh_attribution, alvh_attribution_ref, alvh_attribution_unref)

static void
row_clear (gpointer data)
{
  AlvhAttributionRow *row = data;

  g_clear_pointer (&row->group, g_free);
}

AlvhAttribution *
alvh_attribution_ref (AlvhAttribution *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_int_inc (&self->ref_count);
  return self;
}

void
alvh_attribution_unref (AlvhAttribution *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_int_dec_and_test (&self->ref_count))
    return;
  g_clear_pointer (&self->by_trigger, g_array_unref);
  g_clear_pointer (&self->by_combination, g_array_unref);
  g_free (self);
}

void
alvh_wilson_interval (guint   hits,
                      guint   n,
                      double  z,
                      double *low,
                      double *high)
{
  double p, z2, denom, centre, half;

  if (n == 0)
    {
      *low = 0.0;
      *high = 1.0;
      return;
    }
  p = (double) hits / (double) n;
  z2 = z * z;
  denom = 1.0 + z2 / n;
  centre = (p + z2 / (2.0 * n)) / denom;
  half = z * sqrt (p * (1.0 - p) / n + z2 / (4.0 * (double) n * n)) / denom;
  /* exactly 0 with no hit and 1 with no miss (the closed form's rounding
   * would leave 1e-17 there) */
  *low = hits == 0 ? 0.0 : MAX (0.0, centre - half);
  *high = hits == n ? 1.0 : MIN (1.0, centre + half);
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

void
alvh_bootstrap_mean_interval (const double *values,
                              gsize         n,
                              guint         resamples,
                              guint32       seed,
                              double       *low,
                              double       *high)
{
  g_autofree double *means = NULL;
  g_autoptr(GRand) rand = NULL;

  *low = *high = NAN;
  if (n < 2 || resamples < 2)
    return;
  means = g_new (double, resamples);
  rand = g_rand_new_with_seed (seed);
  for (guint r = 0; r < resamples; r++)
    {
      double sum = 0.0;

      for (gsize k = 0; k < n; k++)
        sum += values[g_rand_int_range (rand, 0, (gint32) n)];
      means[r] = sum / (double) n;
    }
  qsort (means, resamples, sizeof (double), compare_doubles);
  *low = means[(gsize) floor (0.025 * (resamples - 1))];
  *high = means[(gsize) ceil (0.975 * (resamples - 1))];
}

/* the last bar (index in result->time) at or before t; 0 when none */
static gsize
bar_at (const AlvhReplayResult *result,
        gint64                  t)
{
  return (gsize) MAX (alvh_time_find_le (result->time, result->n_bars, t), 0);
}

/* The trade's bars: from its open to its close (the last bar when open at the end). */
static void
trade_bars (const AlvhReplayResult *result,
            const AlvhReplayTrade  *trade,
            gsize                  *open_bar,
            gsize                  *close_bar)
{
  *open_bar = bar_at (result, trade->condor.opened);
  *close_bar = trade->close_time == 0 || trade->open_at_end ? result->n_bars - 1
                                                              : bar_at (result, trade->close_time);
  if (*close_bar < *open_bar)
    *close_bar = *open_bar;
}

double
alvh_attribution_worst_stretch (const AlvhReplayResult *result,
                                guint                   trade,
                                gsize                  *peak,
                                gsize                  *trough)
{
  const AlvhReplayTrade *t;
  gsize first, last, top;
  double worst = 0.0;

  g_return_val_if_fail (result != NULL && result->n_bars > 0, 0.0);
  g_return_val_if_fail (trade < result->trades->len, 0.0);
  t = &g_array_index (result->trades, AlvhReplayTrade, trade);
  trade_bars (result, t, &first, &last);
  /* the unhedged equity moves only with this condor during its bars (one
   * condor at a time): its marked P&L plus a constant */
  *peak = *trough = top = first;
  for (gsize r = first; r <= last; r++)
    {
      if (result->equity_unhedged[r] > result->equity_unhedged[top])
        top = r;
      if (result->equity_unhedged[top] - result->equity_unhedged[r] > worst)
        {
          worst = result->equity_unhedged[top] - result->equity_unhedged[r];
          *peak = top;
          *trough = r;
        }
    }
  return worst;
}

/* A leg's P&L from bar a to bar b (a <= b) as the replay marks it: its value
 * at a (or its premium when bought later) to its value at b (or its close
 * price when closed earlier). */
static double
leg_stretch_pnl (const AlvhReplayResult *result,
                 const AlvhReplayLeg    *rl,
                 AlvhEvaluator          *evaluator,
                 gsize                   frame_first,
                 gsize                   a,
                 gsize                   b)
{
  const AlvhProfile *p = alvh_evaluator_get_profile (evaluator);
  const double qty = rl->leg.quantity * p->multiplier;
  gsize open_bar, close_bar;
  double start, end;

  if (a == b)
    return 0.0;
  open_bar = bar_at (result, rl->leg.opened);
  close_bar = rl->close_time == 0 ? result->n_bars : bar_at (result, rl->close_time);
  /* bought at the trough or later, or closed (step 1) at the peak or before */
  if (open_bar >= b || close_bar <= a)
    return 0.0;
  start = open_bar > a ? rl->leg.premium
                       : _alvh_evaluator_leg_value (evaluator, &rl->leg, frame_first + a);
  end = close_bar <= b ? rl->close_price
                       : _alvh_evaluator_leg_value (evaluator, &rl->leg, frame_first + b);
  return (end - start) * qty;
}

GArray *
alvh_attribution_hedges_from_replay_marked (AlvhReplayResult *result,
                                            AlvhEvaluator    *evaluator,
                                            GError          **error)
{
  g_autoptr(GArray) hedges = NULL;
  g_autofree gsize *peaks = NULL;
  g_autofree gsize *troughs = NULL;
  AlvhMarketFrame *frame;
  gssize frame_first;
  guint h = 0;

  g_return_val_if_fail (result != NULL, NULL);
  g_return_val_if_fail (evaluator != NULL, NULL);
  hedges = alvh_attribution_hedges_from_replay (result, error);
  if (hedges == NULL)
    return NULL;
  frame = alvh_evaluator_get_frame (evaluator);
  frame_first = result->n_bars > 0 ? alvh_market_frame_find_le (frame, result->time[0]) : -1;
  if (frame_first < 0 || frame->time[frame_first] != result->time[0] ||
      (gsize) frame_first + result->n_bars > frame->n)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("Trigger attribution needs the evaluator the replay ran with"));
      return NULL;
    }
  peaks = g_new0 (gsize, MAX (result->trades->len, 1));
  troughs = g_new0 (gsize, MAX (result->trades->len, 1));
  for (guint t = 0; t < result->trades->len; t++)
    alvh_attribution_worst_stretch (result, t, &peaks[t], &troughs[t]);
  /* the same legs in the same order as alvh_attribution_hedges_from_replay() */
  for (guint l = 0; l < result->legs->len; l++)
    {
      const AlvhReplayLeg *rl = &g_array_index (result->legs, AlvhReplayLeg, l);

      if (rl->decision >= result->decisions->len)
        continue;
      g_array_index (hedges, AlvhAttributionHedge, h++).stretch_pnl =
        leg_stretch_pnl (result, rl, evaluator, (gsize) frame_first, peaks[rl->trade], troughs[rl->trade]);
    }
  return g_steal_pointer (&hedges);
}

GArray *
alvh_attribution_hedges_from_replay (AlvhReplayResult *result,
                                     GError          **error)
{
  GArray *hedges;

  g_return_val_if_fail (result != NULL, NULL);
  if (!result->decisions_kept)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("Trigger attribution needs a replay that kept its decisions"));
      return NULL;
    }
  hedges = g_array_new (FALSE, TRUE, sizeof (AlvhAttributionHedge));
  for (guint l = 0; l < result->legs->len; l++)
    {
      const AlvhReplayLeg *rl = &g_array_index (result->legs, AlvhReplayLeg, l);
      const AlvhReplayTrade *trade = &g_array_index (result->trades, AlvhReplayTrade, rl->trade);
      const AlvhDecision *d;
      AlvhAttributionHedge h = { 0 };

      if (rl->decision >= result->decisions->len)
        continue;
      d = &g_array_index (result->decisions, AlvhReplayDecision, rl->decision).decision;
      for (guint k = 0; k < ALVH_N_SIGNALS; k++)
        if (d->signals[k].available && d->signals[k].fired)
          h.triggers |= 1u << k;
      h.branch = (guint8) d->branch;
      h.cost = d->estimated_cost;
      h.pnl = rl->pnl;
      h.condor_lost = trade->condor_pnl < 0.0;
      h.stretch_pnl = NAN;
      g_array_append_val (hedges, h);
    }
  return hedges;
}

/* condor id -> its own P&L < 0, from the journal's statistics */
static GHashTable *
losing_condors (AlvhJournalStore        *store,
                gint64                   account_id,
                const AlvhJournalMarket *market,
                GError                 **error)
{
  g_autoptr(AlvhJournalStats) stats = alvh_journal_store_compute_stats (store, account_id, market, error);
  GHashTable *lost;

  if (stats == NULL)
    return NULL;
  lost = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint k = 0; k < stats->condors->len; k++)
    {
      const AlvhJournalCondorStat *c = g_ptr_array_index (stats->condors, k);

      if (c->pnl_unhedged < 0.0)
        g_hash_table_add (lost, g_memdup2 (&c->condor_id, sizeof (gint64)));
    }
  return lost;
}

GArray *
alvh_attribution_hedges_from_journal (AlvhJournalStore        *store,
                                      gint64                   account_id,
                                      const AlvhJournalMarket *market,
                                      GError                 **error)
{
  g_autoptr(GPtrArray) outcomes = NULL;
  g_autoptr(GHashTable) lost = NULL;
  g_autoptr(GArray) hedges = NULL;

  outcomes = alvh_journal_store_review_legs (store, account_id, market, error);
  if (outcomes == NULL)
    return NULL;
  lost = losing_condors (store, account_id, market, error);
  if (lost == NULL)
    return NULL;
  hedges = g_array_new (FALSE, TRUE, sizeof (AlvhAttributionHedge));
  for (guint k = 0; k < outcomes->len; k++)
    {
      const AlvhJournalLegOutcome *o = g_ptr_array_index (outcomes, k);
      g_autoptr(AlvhLeg) leg = NULL;
      AlvhAttributionHedge h = { 0 };
      AlvhBranch branch = ALVH_BRANCH_NO_POSITION;

      if (o->decision_id == 0 || o->branch == NULL || !alvh_branch_from_string (o->branch, &branch))
        continue;
      leg = alvh_journal_store_get_leg (store, o->leg_id, error);
      if (leg == NULL)
        return NULL;
      for (guint t = 0; o->triggers != NULL && o->triggers[t] != NULL; t++)
        {
          AlvhSignalId id;

          if (alvh_signal_id_from_key (o->triggers[t], &id))
            h.triggers |= 1u << id;
        }
      h.branch = (guint8) branch;
      h.cost = leg->premium * leg->quantity * 100.0;
      h.pnl = o->pnl;
      h.condor_lost = g_hash_table_contains (lost, &o->condor_id);
      h.stretch_pnl = NAN;
      g_array_append_val (hedges, h);
    }
  return g_steal_pointer (&hedges);
}

static char *
dup_group_name (guint32 triggers)
{
  GString *s = g_string_new (NULL);

  for (guint k = 0; k < ALVH_N_SIGNALS; k++)
    if (triggers & (1u << k))
      g_string_append_printf (s, "%s%s", s->len > 0 ? "+" : "", alvh_signal_id_to_key ((AlvhSignalId) k));
  if (s->len == 0)
    g_string_append (s, "none");
  return g_string_free (s, FALSE);
}

/* The figures of the hedges that @match selects. */
static void
fill_row (AlvhAttributionRow *row,
          GArray             *hedges,
          guint32             triggers,
          gboolean            exact)
{
  g_autofree double *pnl = g_new (double, MAX (hedges->len, 1));
  g_autofree double *saved = g_new (double, MAX (hedges->len, 1));
  g_autofree double *stretch = g_new (double, MAX (hedges->len, 1));
  guint n = 0;

  row->group = dup_group_name (triggers);
  row->triggers = triggers;
  for (guint k = 0; k < hedges->len; k++)
    {
      const AlvhAttributionHedge *h = &g_array_index (hedges, AlvhAttributionHedge, k);

      if (exact ? h->triggers != triggers : (h->triggers & triggers) != triggers)
        continue;
      row->n_hits += h->pnl > 0.0;
      row->n_condor_lost += h->condor_lost;
      row->cost += h->cost;
      row->pnl += h->pnl;
      row->saved += h->condor_lost ? h->pnl : 0.0;
      pnl[n] = h->pnl;
      saved[n] = h->condor_lost ? h->pnl : 0.0;
      row->saved_stretch += h->stretch_pnl;   /* NAN stays NAN: unknown */
      stretch[n] = h->stretch_pnl;
      n++;
    }
  row->n_hedges = n;
  row->hit_rate = n > 0 ? (double) row->n_hits / n : NAN;
  alvh_wilson_interval (row->n_hits, n, Z95, &row->hit_low, &row->hit_high);
  row->mean_pnl = n > 0 ? row->pnl / n : NAN;
  row->mean_saved = n > 0 ? row->saved / n : NAN;
  alvh_bootstrap_mean_interval (pnl, n, ALVH_ATTRIBUTION_BOOTSTRAP, BOOTSTRAP_SEED,
                                &row->mean_pnl_low, &row->mean_pnl_high);
  alvh_bootstrap_mean_interval (saved, n, ALVH_ATTRIBUTION_BOOTSTRAP, BOOTSTRAP_SEED,
                                &row->mean_saved_low, &row->mean_saved_high);
  row->mean_saved_stretch = n > 0 ? row->saved_stretch / n : NAN;
  if (isfinite (row->saved_stretch))
    alvh_bootstrap_mean_interval (stretch, n, ALVH_ATTRIBUTION_BOOTSTRAP, BOOTSTRAP_SEED,
                                  &row->mean_saved_stretch_low, &row->mean_saved_stretch_high);
  else
    row->mean_saved_stretch_low = row->mean_saved_stretch_high = NAN;
}

static gint
by_hedges_desc (gconstpointer a,
                gconstpointer b)
{
  const AlvhAttributionRow *x = a, *y = b;

  if (x->n_hedges != y->n_hedges)
    return x->n_hedges > y->n_hedges ? -1 : 1;
  return (x->triggers > y->triggers) - (x->triggers < y->triggers);
}

AlvhAttribution *
alvh_attribution_compute (GArray *hedges)
{
  AlvhAttribution *self = g_new0 (AlvhAttribution, 1);
  g_autoptr(GHashTable) combos = g_hash_table_new (NULL, NULL);
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (hedges != NULL, self);
  self->ref_count = 1;
  self->n_hedges = hedges->len;
  self->by_trigger = g_array_new (FALSE, TRUE, sizeof (AlvhAttributionRow));
  self->by_combination = g_array_new (FALSE, TRUE, sizeof (AlvhAttributionRow));
  g_array_set_clear_func (self->by_trigger, row_clear);
  g_array_set_clear_func (self->by_combination, row_clear);
  for (guint k = 0; k < hedges->len; k++)
    {
      guint32 t = g_array_index (hedges, AlvhAttributionHedge, k).triggers;
      /* +1: the empty combination (no fired trigger) is a key too */
      g_hash_table_add (combos, GUINT_TO_POINTER (t + 1));
    }
  for (guint s = 0; s < ALVH_N_SIGNALS; s++)
    {
      AlvhAttributionRow row = { 0 };

      fill_row (&row, hedges, 1u << s, FALSE);
      if (row.n_hedges > 0)
        g_array_append_val (self->by_trigger, row);
      else
        row_clear (&row);
    }
  g_hash_table_iter_init (&iter, combos);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      AlvhAttributionRow row = { 0 };

      fill_row (&row, hedges, GPOINTER_TO_UINT (key) - 1, TRUE);
      g_array_append_val (self->by_combination, row);
    }
  g_array_sort (self->by_combination, by_hedges_desc);
  return self;
}

static void
append_row_json (GString                  *s,
                 const AlvhAttributionRow *r)
{
  g_string_append (s, "{\"group\":");
  alvh_json_append_string (s, r->group);
  g_string_append_printf (s, ",\"hedges\":%u,\"hits\":%u,\"condor_lost\":%u,\"cost\":", r->n_hedges, r->n_hits,
                          r->n_condor_lost);
  alvh_json_append_number (s, r->cost);
  alvh_json_append_member (s, "pnl", r->pnl);
  alvh_json_append_member (s, "saved", r->saved);
  g_string_append (s, ",\"hit_rate\":[");
  alvh_json_append_number (s, r->hit_rate);
  g_string_append_c (s, ',');
  alvh_json_append_number (s, r->hit_low);
  g_string_append_c (s, ',');
  alvh_json_append_number (s, r->hit_high);
  g_string_append (s, "],\"mean_pnl\":[");
  alvh_json_append_number (s, r->mean_pnl);
  g_string_append_c (s, ',');
  alvh_json_append_number (s, r->mean_pnl_low);
  g_string_append_c (s, ',');
  alvh_json_append_number (s, r->mean_pnl_high);
  g_string_append (s, "],\"mean_saved\":[");
  alvh_json_append_number (s, r->mean_saved);
  g_string_append_c (s, ',');
  alvh_json_append_number (s, r->mean_saved_low);
  g_string_append_c (s, ',');
  alvh_json_append_number (s, r->mean_saved_high);
  g_string_append (s, "],\"saved_worst_stretch\":");
  alvh_json_append_number (s, r->saved_stretch);
  g_string_append (s, ",\"mean_saved_worst_stretch\":[");
  alvh_json_append_number (s, r->mean_saved_stretch);
  g_string_append_c (s, ',');
  alvh_json_append_number (s, r->mean_saved_stretch_low);
  g_string_append_c (s, ',');
  alvh_json_append_number (s, r->mean_saved_stretch_high);
  g_string_append (s, "]}");
}

static void
append_rows_json (GString    *s,
                  const char *name,
                  GArray     *rows)
{
  g_string_append_printf (s, ",\"%s\":[", name);
  for (guint k = 0; k < rows->len; k++)
    {
      if (k > 0)
        g_string_append_c (s, ',');
      append_row_json (s, &g_array_index (rows, AlvhAttributionRow, k));
    }
  g_string_append_c (s, ']');
}

char *
alvh_attribution_to_json (AlvhAttribution *self)
{
  GString *s = g_string_new (NULL);

  g_string_append_printf (s, "{\"hedges\":%u,\"method\":{\"hit_rate\":\"wilson 95%%\","
                             "\"mean\":\"bootstrap percentile 95%%, %d resamples, seed %u\","
                             "\"saved\":\"hedge P&L on trades whose condor lost\","
                             "\"saved_worst_stretch\":\"hedge P&L from the peak to the trough of its condor's "
                             "marked P&L during the trade (null: no per-bar marks)\"}",
                          self->n_hedges, ALVH_ATTRIBUTION_BOOTSTRAP, BOOTSTRAP_SEED);
  append_rows_json (s, "by_trigger", self->by_trigger);
  append_rows_json (s, "by_combination", self->by_combination);
  g_string_append_c (s, '}');
  return g_string_free (s, FALSE);
}

static void
append_table (GString *s,
              GArray  *rows)
{
  g_string_append_printf (s, "  %-40s %6s %10s %10s %10s %14s %18s %26s\n", _("group"), _("hedges"), _("cost"),
                          _("P&L"), _("saved"), _("worst stretch"), _("hit rate (95 %)"), _("mean P&L (95 %)"));
  for (guint k = 0; k < rows->len; k++)
    {
      const AlvhAttributionRow *r = &g_array_index (rows, AlvhAttributionRow, k);
      g_autofree char *cost = alvh_format_money (r->cost, ALVH_MONEY_SUMMARY);
      g_autofree char *pnl = alvh_format_money (r->pnl, ALVH_MONEY_SUMMARY);
      g_autofree char *saved = alvh_format_money (r->saved, ALVH_MONEY_SUMMARY);
      g_autofree char *stretch = isfinite (r->saved_stretch) ? alvh_format_money (r->saved_stretch, ALVH_MONEY_SUMMARY)
                                                             : g_strdup ("–");
      g_autofree char *hit = g_strdup_printf ("%.0f%% [%.0f–%.0f]", 100.0 * r->hit_rate, 100.0 * r->hit_low,
                                              100.0 * r->hit_high);
      g_autofree char *mean = isfinite (r->mean_pnl_low)
                                ? g_strdup_printf ("%.0f [%.0f, %.0f]", r->mean_pnl, r->mean_pnl_low, r->mean_pnl_high)
                                : g_strdup_printf ("%.0f", r->mean_pnl);

      g_string_append_printf (s, "  %-40s %6u %10s %10s %10s %14s %18s %26s\n", r->group, r->n_hedges, cost, pnl,
                              saved, stretch, hit, mean);
    }
}

char *
alvh_attribution_dup_summary (AlvhAttribution *self)
{
  GString *s = g_string_new (NULL);

  g_string_append_printf (s, _("Trigger attribution over %u hedges (saved: hedge P&L on trades whose condor lost; worst stretch: hedge P&L from the peak to the trough "
                               "of the condor's marked P&L during its trade; hit: P&L > 0; "
                               "hit rate interval: Wilson 95 %%; mean P&L interval: bootstrap percentile 95 %%, %d resamples)\n"),
                          self->n_hedges, ALVH_ATTRIBUTION_BOOTSTRAP);
  g_string_append (s, _("By trigger (every hedge whose decision it fired for):\n"));
  append_table (s, self->by_trigger);
  g_string_append (s, _("By combination (the exact set of triggers that fired):\n"));
  append_table (s, self->by_combination);
  return g_string_free (s, FALSE);
}
