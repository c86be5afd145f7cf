/* alvh-walk-forward.c — choose on a training window, report the next one out of sample */
#define G_LOG_DOMAIN "alvh-sweep"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "alvh-format.h"
#include "alvh-time.h"
#include "alvh-walk-forward.h"

G_DEFINE_BOXED_TYPE (AlvhWalkForward, alvh_walk_forward, alvh_walk_forward_ref, alvh_walk_forward_unref)

static void
window_clear (gpointer data)
{
  AlvhWalkWindow *w = data;

  g_clear_pointer (&w->train.message, g_free);
  g_clear_pointer (&w->test.message, g_free);
  g_clear_pointer (&w->base_test.message, g_free);
}

AlvhWalkForward *
alvh_walk_forward_ref (AlvhWalkForward *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_int_inc (&self->ref_count);
  return self;
}

void
alvh_walk_forward_unref (AlvhWalkForward *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_int_dec_and_test (&self->ref_count))
    return;
  g_clear_pointer (&self->windows, g_array_unref);
  g_free (self);
}

gboolean
alvh_walk_forward_parse_years (const char *text,
                               guint      *train_years,
                               guint      *test_years)
{
  char *end = NULL;
  guint64 a, b;

  if (text == NULL || !g_ascii_isdigit (*text))
    return FALSE;
  a = g_ascii_strtoull (text, &end, 10);
  if (end == NULL || *end != ':' || !g_ascii_isdigit (end[1]))
    return FALSE;
  b = g_ascii_strtoull (end + 1, &end, 10);
  if (*end != '\0' || a < 1 || a > 50 || b < 1 || b > 50)
    return FALSE;
  *train_years = (guint) a;
  *test_years = (guint) b;
  return TRUE;
}

/* NY midnight of the date @years after the date of @day (a day number). */
static gint64
day_plus_years (gint64 day,
                guint  years)
{
  int y, m, d;

  alvh_civil_from_days (day, &y, &m, &d);
  return alvh_days_from_civil (y + (int) years, m, d);
}

static gint64
midnight (gint64 day)
{
  int y, m, d;

  alvh_civil_from_days (day, &y, &m, &d);
  return alvh_time_from_ny_local (y, m, d, 0, 0, 0);
}

/* The windows' dates over the bars in [from, to]. */
static void
plan_windows (AlvhWalkForward *self,
              AlvhMarketFrame *frame,
              gint64           from,
              gint64           to)
{
  gssize first = from == G_MININT64 ? 0 : alvh_market_frame_find_le (frame, from - 1) + 1;
  gssize last = to == G_MAXINT64 ? (gssize) frame->n - 1 : alvh_market_frame_find_le (frame, to);
  gint64 day0, last_day;

  if (frame->n == 0 || first < 0 || last < first || (gsize) last >= frame->n)
    return;
  day0 = alvh_time_ny_day (frame->time[first]);
  last_day = alvh_time_ny_day (frame->time[last]);
  for (gint64 start = day0;; start = day_plus_years (start, self->test_years))
    {
      gint64 test_day = day_plus_years (start, self->train_years);
      gint64 end_day = day_plus_years (test_day, self->test_years) - 1;
      AlvhWalkWindow w;

      if (test_day > last_day)
        break;
      memset (&w, 0, sizeof w);
      w.train_from = midnight (start);
      w.train_to = midnight (test_day - 1);
      w.test_from = midnight (test_day);
      /* a holiday or weekend at the end does not cut a window short */
      w.partial = end_day > last_day + 7;
      w.test_to = midnight (MIN (end_day, last_day));
      g_array_append_val (self->windows, w);
    }
}

typedef struct
{
  AlvhSweepProgressFunc  func;
  gpointer               data;
  guint                  offset;
  guint                  total;
} Progress;

static void
progress_cb (guint    done,
             guint    total,
             gpointer user_data)
{
  Progress *p = user_data;

  (void) total;
  if (p->func != NULL)
    p->func (p->offset + done, p->total, p->data);
}

/* Chains the test windows' hedged equity curves: each starts where the previous ended. */
typedef struct
{
  double            offset;
  double            peak;
  AlvhReplayTotals  t;
  gboolean          any_trade;
} Chain;

static void
chain_add (Chain                  *c,
           const AlvhReplayResult *r)
{
  for (gsize i = 0; i < r->n_bars; i++)
    {
      double e = c->offset + r->equity_hedged[i];

      c->peak = MAX (c->peak, e);
      c->t.max_drawdown = MAX (c->t.max_drawdown, c->peak - e);
    }
  c->offset += r->hedged.total_pnl;
  c->t.total_pnl = c->offset;
  c->t.hedge_cost += r->hedged.hedge_cost;
  if (r->trades->len > 0 && (!c->any_trade || r->hedged.worst_trade < c->t.worst_trade))
    c->t.worst_trade = r->hedged.worst_trade;
  c->any_trade = c->any_trade || r->trades->len > 0;
}

/* One window: the sweep on its training dates, then the chosen and base profiles on its test dates. */
static gboolean
run_window (AlvhWalkForward     *self,
            AlvhWalkWindow      *w,
            const AlvhSweepSpec *spec,
            Progress            *progress,
            Chain           *chain,
            Chain           *base_chain,
            GCancellable    *cancellable,
            GError         **error)
{
  g_autoptr(AlvhSweep) sweep = NULL;
  g_autoptr(GPtrArray) profiles = NULL;
  g_autoptr(GPtrArray) results = NULL;
  const AlvhSweepRow *best;
  AlvhSweepSpec train = *spec;

  train.from = w->train_from;
  train.to = w->train_to;
  sweep = alvh_sweep_run (&train, progress_cb, progress, cancellable, error);
  if (sweep == NULL)
    return FALSE;
  progress->offset += sweep->rows->len;
  best = alvh_sweep_best_row (sweep, self->objective);
  profiles = g_ptr_array_new_with_free_func ((GDestroyNotify) alvh_profile_unref);
  g_ptr_array_add (profiles, alvh_profile_copy (spec->base));
  if (best != NULL)
    {
      w->chosen = TRUE;
      w->train = *best;
      w->train.message = NULL;
      w->train_score = alvh_objective_score (self->objective, best);
      g_ptr_array_add (profiles, alvh_sweep_dup_profile (sweep, best));
    }
  results = alvh_replay_batch_run (spec->frame, profiles, spec->events, w->test_from, w->test_to, ALVH_REPLAY_FLAGS_NONE,
                                   progress_cb, progress, cancellable, error);
  if (results == NULL)
    return FALSE;
  progress->offset += 2;
  alvh_sweep_row_from_result (g_ptr_array_index (results, 0), &w->base_test);
  w->base_test.valid = TRUE;
  chain_add (base_chain, g_ptr_array_index (results, 0));
  if (best != NULL)
    {
      memcpy (w->test.values, w->train.values, sizeof w->test.values);
      memcpy (w->test.index, w->train.index, sizeof w->test.index);
      alvh_sweep_row_from_result (g_ptr_array_index (results, 1), &w->test);
      w->test.valid = TRUE;
      w->test_score = alvh_objective_score (self->objective, &w->test);
      chain_add (chain, g_ptr_array_index (results, 1));
    }
  return TRUE;
}

AlvhWalkForward *
alvh_walk_forward_run (const AlvhSweepSpec   *spec,
                       guint                  train_years,
                       guint                  test_years,
                       AlvhObjective          objective,
                       AlvhSweepProgressFunc  progress_func,
                       gpointer               progress_data,
                       GCancellable          *cancellable,
                       GError               **error)
{
  g_autoptr(AlvhWalkForward) self = NULL;
  Progress progress = { progress_func, progress_data, 0, 0 };
  Chain chain = { 0 }, base_chain = { 0 };
  guint n_combos;

  g_return_val_if_fail (spec != NULL && spec->frame != NULL && spec->base != NULL, NULL);
  g_return_val_if_fail (spec->n_axes >= 1 && spec->n_axes <= ALVH_SWEEP_MAX_AXES, NULL);
  g_return_val_if_fail (train_years >= 1 && test_years >= 1, NULL);

  self = g_new0 (AlvhWalkForward, 1);
  self->ref_count = 1;
  memcpy (self->axes, spec->axes, sizeof self->axes);
  self->n_axes = spec->n_axes;
  self->objective = objective;
  self->train_years = train_years;
  self->test_years = test_years;
  self->windows = g_array_new (FALSE, TRUE, sizeof (AlvhWalkWindow));
  g_array_set_clear_func (self->windows, window_clear);
  plan_windows (self, spec->frame, spec->from, spec->to);
  if (self->windows->len == 0)
    {
      g_set_error (error, ALVH_REPLAY_ERROR, ALVH_REPLAY_ERROR_NO_BARS,
                   _("Walk-forward: the history is shorter than one training window of %u years and a test window"),
                   train_years);
      return NULL;
    }
  n_combos = spec->axes[0].n * (spec->n_axes > 1 ? spec->axes[1].n : 1);
  progress.total = self->windows->len * (n_combos + 2);
  for (guint k = 0; k < self->windows->len; k++)
    if (!run_window (self, &g_array_index (self->windows, AlvhWalkWindow, k), spec, &progress, &chain,
                     &base_chain, cancellable, error))
      return NULL;
  self->oos = chain.t;
  self->base_oos = base_chain.t;
  return g_steal_pointer (&self);
}

static void
append_date (GString *s,
             gint64   t)
{
  g_autofree char *d = alvh_time_format_ny_date (t);

  alvh_json_append_string (s, d);
}

static void
append_figures (GString            *s,
                const char         *name,
                const AlvhSweepRow *row)
{
  g_string_append_printf (s, "\"%s\":{\"total_pnl\":", name);
  alvh_json_append_number (s, row->hedged.total_pnl);
  alvh_json_append_member (s, "max_drawdown", row->hedged.max_drawdown);
  alvh_json_append_member (s, "worst_trade", row->hedged.worst_trade);
  alvh_json_append_member (s, "hedge_cost", row->hedged.hedge_cost);
  alvh_json_append_member (s, "unhedged_total_pnl", row->unhedged.total_pnl);
  g_string_append_printf (s, ",\"trades_count\":%u,\"adds\":%u}", row->n_trades, row->n_add);
}

static void
append_window_json (AlvhWalkForward      *self,
                    GString              *s,
                    const AlvhWalkWindow *w)
{
  g_string_append (s, "{\"train\":[");
  append_date (s, w->train_from);
  g_string_append_c (s, ',');
  append_date (s, w->train_to);
  g_string_append (s, "],\"test\":[");
  append_date (s, w->test_from);
  g_string_append_c (s, ',');
  append_date (s, w->test_to);
  g_string_append_printf (s, "],\"partial\":%s,\"chosen\":", w->partial ? "true" : "false");
  if (w->chosen)
    {
      g_string_append_c (s, '{');
      for (guint a = 0; a < self->n_axes; a++)
        {
          g_string_append_printf (s, "%s\"%s\":", a > 0 ? "," : "", self->axes[a].key);
          alvh_json_append_number (s, w->train.values[a]);
        }
      g_string_append (s, "},\"train_score\":");
      alvh_json_append_number (s, w->train_score);
      alvh_json_append_member (s, "test_score", w->test_score);
      g_string_append_c (s, ',');
      append_figures (s, "in_sample", &w->train);
      g_string_append_c (s, ',');
      append_figures (s, "out_of_sample", &w->test);
    }
  else
    g_string_append (s, "null");
  g_string_append_c (s, ',');
  append_figures (s, "base_out_of_sample", &w->base_test);
  g_string_append_c (s, '}');
}

char *
alvh_walk_forward_to_json (AlvhWalkForward *self)
{
  GString *s = g_string_new ("{\"objective\":");

  alvh_json_append_string (s, alvh_objective_to_string (self->objective));
  g_string_append_printf (s, ",\"train_years\":%u,\"test_years\":%u,\"keys\":[", self->train_years,
                          self->test_years);
  for (guint a = 0; a < self->n_axes; a++)
    {
      if (a > 0)
        g_string_append_c (s, ',');
      alvh_json_append_string (s, self->axes[a].key);
    }
  g_string_append (s, "],\"windows\":[");
  for (guint k = 0; k < self->windows->len; k++)
    {
      if (k > 0)
        g_string_append_c (s, ',');
      append_window_json (self, s, &g_array_index (self->windows, AlvhWalkWindow, k));
    }
  g_string_append (s, "],");
  alvh_replay_totals_append_json (s, "out_of_sample", &self->oos);
  g_string_append_c (s, ',');
  alvh_replay_totals_append_json (s, "base_out_of_sample", &self->base_oos);
  g_string_append_c (s, '}');
  return g_string_free (s, FALSE);
}

static char *
dup_values (AlvhWalkForward    *self,
            const AlvhSweepRow *row)
{
  GString *s = g_string_new (NULL);

  for (guint a = 0; a < self->n_axes; a++)
    g_string_append_printf (s, "%s%s=%g", a > 0 ? " " : "", self->axes[a].key, row->values[a]);
  return g_string_free (s, FALSE);
}

char *
alvh_walk_forward_dup_summary (AlvhWalkForward *self)
{
  GString *s = g_string_new (NULL);
  g_autofree char *oos = alvh_format_money (self->oos.total_pnl, ALVH_MONEY_SUMMARY);
  g_autofree char *oos_dd = alvh_format_money (self->oos.max_drawdown, ALVH_MONEY_SUMMARY);
  g_autofree char *base = alvh_format_money (self->base_oos.total_pnl, ALVH_MONEY_SUMMARY);
  g_autofree char *base_dd = alvh_format_money (self->base_oos.max_drawdown, ALVH_MONEY_SUMMARY);

  g_string_append_printf (s, _("Walk-forward: train %u years, test the next %u years out of sample; objective %s\n"),
                          self->train_years, self->test_years, alvh_objective_to_string (self->objective));
  g_string_append_printf (s, "%-23s %-23s %-34s %12s %12s %12s\n", _("training"), _("test"), _("chosen"),
                          _("test P&L"), _("test max DD"), _("base P&L"));
  for (guint k = 0; k < self->windows->len; k++)
    {
      const AlvhWalkWindow *w = &g_array_index (self->windows, AlvhWalkWindow, k);
      g_autofree char *a = alvh_time_format_ny_date (w->train_from);
      g_autofree char *b = alvh_time_format_ny_date (w->train_to);
      g_autofree char *c = alvh_time_format_ny_date (w->test_from);
      g_autofree char *d = alvh_time_format_ny_date (w->test_to);
      g_autofree char *values = w->chosen ? dup_values (self, &w->train) : g_strdup ("-");
      g_autofree char *pnl = alvh_format_money (w->test.hedged.total_pnl, ALVH_MONEY_SUMMARY);
      g_autofree char *dd = alvh_format_money (w->test.hedged.max_drawdown, ALVH_MONEY_SUMMARY);
      g_autofree char *bp = alvh_format_money (w->base_test.hedged.total_pnl, ALVH_MONEY_SUMMARY);

      g_string_append_printf (s, "%s..%s %s..%s%s %-34s %12s %12s %12s\n", a, b, c, d, w->partial ? "*" : " ",
                              values, w->chosen ? pnl : "-", w->chosen ? dd : "-", bp);
    }
  g_string_append_printf (s, _("Out of sample, test windows chained: P&L %s, max drawdown %s; the base profile: P&L %s, max drawdown %s\n"),
                          oos, oos_dd, base, base_dd);
  if (self->windows->len > 0 && g_array_index (self->windows, AlvhWalkWindow, self->windows->len - 1).partial)
    g_string_append (s, _("* the last test window is cut short by the end of the history\n"));
  return g_string_free (s, FALSE);
}
