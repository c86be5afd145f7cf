/* alvh-replay.c — the section 5 backtest */
#define G_LOG_DOMAIN "alvh-replay"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "alvh-format.h"
#include "alvh-position-private.h"
#include "alvh-pricing.h"
#include "alvh-replay.h"
#include "alvh-evaluator-private.h"
#include "alvh-time.h"
#include "alvh-day-cache-private.h"
#include "alvh-slab-private.h"

G_DEFINE_QUARK (alvh-replay-error-quark, alvh_replay_error)
G_DEFINE_BOXED_TYPE (AlvhReplayResult, alvh_replay_result, alvh_replay_result_ref, alvh_replay_result_unref)

/* A result for bars first .. first + n - 1 of @frame: their times are the
 * frame's (kept by a reference), the other per-bar arrays one block */
static AlvhReplayResult *
result_new (AlvhMarketFrame *frame,
            gsize            first,
            gsize            n)
{
  AlvhReplayResult *self = g_new0 (AlvhReplayResult, 1);

  AlvhSlab *slab = g_new0 (AlvhSlab, 1);
  const gsize m = MAX (n, 1);

  self->ref_count = 1;
  self->n_bars = n;
  self->frame = alvh_market_frame_ref (frame);
  self->time = frame->time + first;
  /* one block for the per-bar arrays (alvh-slab-private.h): zeroed */
  _alvh_slab_init (slab, 2 * _alvh_slab_round (m * 8) + 2 * _alvh_slab_round (m));
  self->slab = slab;
  self->equity_hedged = _alvh_slab_take (slab, m * sizeof (double));
  self->equity_unhedged = _alvh_slab_take (slab, m * sizeof (double));
  self->action = _alvh_slab_take (slab, m);
  self->branch = _alvh_slab_take (slab, m);
  self->trades = g_array_new (FALSE, TRUE, sizeof (AlvhReplayTrade));
  self->legs = g_array_new (FALSE, TRUE, sizeof (AlvhReplayLeg));
  self->decisions = g_array_new (FALSE, TRUE, sizeof (AlvhReplayDecision));
  return self;
}

AlvhReplayResult *
alvh_replay_result_ref (AlvhReplayResult *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_int_inc (&self->ref_count);
  return self;
}

void
alvh_replay_result_unref (AlvhReplayResult *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_int_dec_and_test (&self->ref_count))
    return;
  g_free (self->profile_name);
  if (self->slab != NULL)
    {
      _alvh_slab_clear (self->slab);
      g_free (self->slab);
    }
  else
    {
      g_free (self->equity_hedged);
      g_free (self->equity_unhedged);
      g_free (self->action);
      g_free (self->branch);
    }
  if (self->frame != NULL)
    alvh_market_frame_unref (self->frame);
  else
    g_free (self->time);
  g_clear_pointer (&self->trades, g_array_unref);
  g_clear_pointer (&self->legs, g_array_unref);       /* NULL in hand-built results */
  g_clear_pointer (&self->decisions, g_array_unref);
  g_free (self);
}

static double
round_down_5 (double k)
{
  return floor (k / 5.0) * 5.0;
}

static double
round_up_5 (double k)
{
  return ceil (k / 5.0) * 5.0;
}

/* Step (1): close the condors whose days to expiry <= close_dte, with their legs. */
static void
close_due (AlvhBook              *book,
           const AlvhProfile     *p,
           const AlvhMarketState *m,
           gint64                 day,
           GArray                *trades,
           GArray                *legs,
           gboolean               force,
           double                *realised_hedged,
           double                *realised_unhedged)
{
  const double mult = p->multiplier;

  for (guint k = _alvh_book_n_condors (book); k-- > 0;)
    {
      const AlvhCondor *c = _alvh_book_condor (book, k);
      gint64 dte = _alvh_ny_day_cached (c->expiry) - day;
      AlvhReplayTrade *trade = NULL;
      double t, value, hedge = 0.0;
      gint64 id = c->id;

      if (!force && dte > p->close_dte)
        continue;
      for (guint x = trades->len; x-- > 0;)
        if (g_array_index (trades, AlvhReplayTrade, x).condor.id == id)
          {
            trade = &g_array_index (trades, AlvhReplayTrade, x);
            break;
          }
      t = (double) dte / 365.0;
      value = alvh_condor_value (c, m->spx, t, m->iv, m->rate, m->div_yield);
      if (trade != NULL)
        {
          trade->condor_pnl = (c->credit - value) * c->units * mult;
          trade->close_price = value;
          trade->close_time = m->time;
          trade->open_at_end = force;
        }
      for (guint l = 0; l < _alvh_book_n_legs (book); l++)
        {
          const AlvhLeg *leg = _alvh_book_leg (book, l);
          double qty = _alvh_leg_open_quantity (leg);
          double tl, pnl, lv;

          if (leg->condor_id != id || qty <= 0.0)
            continue;
          tl = (double) (_alvh_ny_day_cached (leg->expiry) - day) / 365.0;
          /* section 4: the future of the leg's expiry and the vol it was bought at */
          lv = alvh_leg_value (leg, alvh_market_state_vix_forward (m, leg->expiry), tl, m->vix_vol, p->rate);
          pnl = (lv - leg->premium) * qty * mult;
          hedge += pnl;
          if (leg->id >= 1 && (guint64) leg->id <= legs->len)
            {
              AlvhReplayLeg *rl = &g_array_index (legs, AlvhReplayLeg, leg->id - 1);

              rl->close_time = force ? 0 : m->time;
              rl->close_price = lv;
              rl->pnl = pnl;
            }
          if (trade != NULL && leg->layer >= 1 && leg->layer <= ALVH_PROFILE_MAX_LAYERS)
            trade->layer_pnl[leg->layer - 1] += pnl;
        }
      if (trade != NULL)
        {
          trade->hedge_pnl = hedge;
          *realised_unhedged += trade->condor_pnl;
          *realised_hedged += trade->condor_pnl + hedge;
        }
      alvh_book_remove_condor (book, id);
    }
}

/* Step (2): open one condor at bar i. */
static gboolean
open_condor (const AlvhProfile     *p,
             const AlvhMarketState *m,
             gint64                 at,
             gint64                 id,
             AlvhCondor            *c)
{
  gint64 expiry = alvh_friday_on_or_after (m->time, p->condor_dte);
  double t = (double) _alvh_calendar_days_cached (m->time, expiry) / 365.0;
  double kp, kc;

  if (!(m->iv > 0.0) || !(m->spx > 0.0) || t <= 0.0)
    return FALSE;
  kp = round_down_5 (alvh_bs_strike_for_delta (ALVH_OPTION_PUT, p->short_delta, m->spx, t, m->iv, p->rate, p->div_yield));
  kc = round_up_5 (alvh_bs_strike_for_delta (ALVH_OPTION_CALL, p->short_delta, m->spx, t, m->iv, p->rate, p->div_yield));
  if (!isfinite (kp) || !isfinite (kc) || kp - p->wing_width <= 0.0 || kc <= kp)
    return FALSE;
  memset (c, 0, sizeof *c);
  c->id = id;
  c->short_put = kp;
  c->long_put = kp - p->wing_width;
  c->short_call = kc;
  c->long_call = kc + p->wing_width;
  c->expiry = expiry;
  c->units = 1.0;
  c->opened = at;
  c->close_price = NAN;
  c->credit = alvh_condor_value (c, m->spx, t, m->iv, p->rate, p->div_yield);
  return isfinite (c->credit) && c->credit > 0.0;
}

/* Whether a condor of the book is due to close on @day (step 1). */
static gboolean
any_due (AlvhBook          *book,
         const AlvhProfile *p,
         gint64             day)
{
  for (guint k = 0; k < _alvh_book_n_condors (book); k++)
    if (_alvh_ny_day_cached (_alvh_book_condor (book, k)->expiry) - day <= p->close_dte)
      return TRUE;
  return FALSE;
}

/* alvh_book_mark () with the condor values taken from the evaluator */
static void
mark_book (AlvhEvaluator         *evaluator,
           AlvhBook              *book,
           double                 mult,
           gsize                  i,
           AlvhBookMark          *out)
{
  memset (out, 0, sizeof *out);
  for (guint k = 0; k < _alvh_book_n_condors (book); k++)
    {
      const AlvhCondor *c = _alvh_book_condor (book, k);

      out->condor_value += _alvh_evaluator_condor_value (evaluator, c, i) * c->units * mult;
      out->condor_credit += c->credit * c->units * mult;
    }
  _alvh_evaluator_mark_hedges (evaluator, book, i, mult, &out->hedge_value, &out->hedge_premium);
  out->condor_pnl = out->condor_credit - out->condor_value;
  out->hedge_pnl = out->hedge_value - out->hedge_premium;
  out->total_pnl = out->condor_pnl + out->hedge_pnl;
}

static void
totals_from_curve (const double     *equity,
                   gsize             n,
                   AlvhReplayTotals *out)
{
  double peak = 0.0, dd = 0.0;

  for (gsize i = 0; i < n; i++)
    {
      if (equity[i] > peak)
        peak = equity[i];
      if (peak - equity[i] > dd)
        dd = peak - equity[i];
    }
  out->total_pnl = n > 0 ? equity[n - 1] : 0.0;
  out->max_drawdown = dd;
}

/* Step (2): opens a condor when the rules allow one today; its trade row. */
static void
open_trade (AlvhReplayResult      *res,
            AlvhBook              *book,
            const AlvhProfile     *p,
            const AlvhMarketState *m,
            gint64                 at,
            gint64                *next_condor_id)
{
  AlvhCondor c;
  AlvhReplayTrade trade;

  if (!open_condor (p, m, at, *next_condor_id, &c))
    return;
  memset (&trade, 0, sizeof trade);
  trade.condor = c;
  g_array_append_val (res->trades, trade);
  alvh_book_add_condor (book, &c);
  (*next_condor_id)++;
}

/* Keeps a notable decision of bar @i (for recording the run as a journal). */
static void
keep_decision (AlvhReplayResult   *res,
               AlvhBook           *book,
               gsize               i,
               const AlvhDecision *d)
{
  AlvhReplayDecision *rd;

  g_array_set_size (res->decisions, res->decisions->len + 1);
  rd = &g_array_index (res->decisions, AlvhReplayDecision, res->decisions->len - 1);
  rd->bar = i;
  rd->trade = _alvh_book_n_condors (book) > 0 && res->trades->len > 0 ? (gint) res->trades->len - 1 : -1;
  rd->decision = *d;
}

/* Step (4): books an ADD's proposed leg at its estimated cost. */
static void
book_leg (AlvhReplayResult *res,
          AlvhBook         *book,
          gboolean          keep,
          gint64            leg_id,
          AlvhDecision     *d)
{
  AlvhReplayTrade *trade = &g_array_index (res->trades, AlvhReplayTrade, res->trades->len - 1);
  AlvhReplayLeg rl;

  d->leg.id = leg_id;
  alvh_book_add_leg (book, &d->leg);
  memset (&rl, 0, sizeof rl);
  rl.leg = d->leg;
  rl.trade = res->trades->len - 1;
  rl.decision = keep ? res->decisions->len - 1 : G_MAXUINT;
  rl.close_price = NAN;
  g_array_append_val (res->legs, rl);
  if (keep)
    g_array_index (res->decisions, AlvhReplayDecision, res->decisions->len - 1).decision.leg.id = d->leg.id;
  trade->hedge_cost += d->estimated_cost;
  trade->n_layers++;
  if (d->layer >= 1 && d->layer <= ALVH_PROFILE_MAX_LAYERS)
    trade->layer_cost[d->layer - 1] += d->estimated_cost;
  res->n_add++;
  res->adds_by_branch[d->branch]++;
  res->hedged.hedge_cost += d->estimated_cost;
}

/* The per-bar action and branch, and the counts by branch and signal. */
static void
count_decision (AlvhReplayResult   *res,
                gsize               i,
                const AlvhDecision *d)
{
  res->decisions_by_branch[d->branch]++;
  res->action[i] = (guint8) d->action;
  res->branch[i] = (guint8) d->branch;
  for (guint k = 0; k < ALVH_N_SIGNALS; k++)
    {
      if (d->signals[k].available)
        res->available[k]++;
      if (d->signals[k].available && d->signals[k].fired)
        res->fired[k]++;
    }
}

/* After the last bar: the trade still open is marked there; totals of the
 * hedged and unhedged curves and the worst trades. */
static void
finish_result (AlvhReplayResult  *res,
               AlvhEvaluator     *evaluator,
               gsize              first,
               AlvhBook          *book,
               const AlvhProfile *p)
{
  if (_alvh_book_n_condors (book) > 0)
    {
      AlvhMarketState m;
      double rh = 0.0, ru = 0.0;

      alvh_evaluator_market_state (evaluator, first + res->n_bars - 1, &m);
      close_due (book, p, &m, _alvh_evaluator_get_day (evaluator, first + res->n_bars - 1),
                 res->trades, res->legs, TRUE, &rh, &ru);
      for (guint x = 0; x < res->trades->len; x++)
        {
          AlvhReplayTrade *t = &g_array_index (res->trades, AlvhReplayTrade, x);
          if (t->open_at_end)
            t->close_time = 0;
        }
    }

  totals_from_curve (res->equity_hedged, res->n_bars, &res->hedged);
  totals_from_curve (res->equity_unhedged, res->n_bars, &res->unhedged);
  res->hedged.worst_trade = res->unhedged.worst_trade = 0.0;
  for (guint x = 0; x < res->trades->len; x++)
    {
      const AlvhReplayTrade *t = &g_array_index (res->trades, AlvhReplayTrade, x);

      if (x == 0 || t->condor_pnl + t->hedge_pnl < res->hedged.worst_trade)
        res->hedged.worst_trade = t->condor_pnl + t->hedge_pnl;
      if (x == 0 || t->condor_pnl < res->unhedged.worst_trade)
        res->unhedged.worst_trade = t->condor_pnl;
    }
  res->unhedged.hedge_cost = 0.0;
}

void
alvh_replay_options_init (AlvhReplayOptions *options)
{
  memset (options, 0, sizeof *options);
  options->from = G_MININT64;
  options->to = G_MAXINT64;
  options->flags = ALVH_REPLAY_FLAGS_NONE;
}

AlvhReplayResult *
alvh_replay_run (AlvhEvaluator           *evaluator,
                 const AlvhReplayOptions *options,
                 GCancellable            *cancellable,
                 GError                 **error)
{
  AlvhReplayOptions defaults;
  const AlvhReplayOptions *o = options;
  gboolean keep;
  gint64 from, to;
  AlvhMarketFrame *f;
  AlvhProfile *p;
  g_autoptr(AlvhReplayResult) res = NULL;
  g_autoptr(AlvhBook) book = NULL;
  AlvhDecision d;
  double realised_h = 0.0, realised_u = 0.0;
  gint64 next_condor_id = 1, next_leg_id = 1;
  gsize n, step, first;
  gssize last;

  g_return_val_if_fail (evaluator != NULL, NULL);

  if (o == NULL)
    {
      alvh_replay_options_init (&defaults);
      o = &defaults;
    }
  keep = (o->flags & ALVH_REPLAY_KEEP_DECISIONS) != 0;
  from = o->from;
  to = o->to;
  f = alvh_evaluator_get_frame (evaluator);
  p = alvh_evaluator_get_profile (evaluator);
  /* [from, to] limits what is booked and reported; the evaluator's
   * indicators and look-backs know the whole frame (section 5) */
  first = from == G_MININT64 ? 0 : (gsize) (alvh_market_frame_find_le (f, from - 1) + 1);
  last = to == G_MAXINT64 ? (gssize) f->n - 1 : alvh_market_frame_find_le (f, to);
  n = last >= 0 && (gsize) last >= first ? (gsize) last - first + 1 : 0;
  if (n == 0)
    {
      g_set_error_literal (error, ALVH_REPLAY_ERROR, ALVH_REPLAY_ERROR_NO_BARS,
                           _("No bars to replay: the SPX and VIX series share no dates in the range"));
      return NULL;
    }

  res = result_new (f, first, n);
  res->profile_name = g_strdup (p->name);
  res->profile_version = p->version;
  res->decisions_kept = keep;
  book = alvh_book_new ();
  step = MAX (n / 100, 1);

  for (gsize r = 0; r < n; r++)
    {
      const gsize i = first + r;   /* the frame's bar */
      const gint64 at = alvh_evaluator_get_bar_instant (evaluator, i);
      const gint64 day = _alvh_evaluator_get_day (evaluator, i);
      gboolean have_m = FALSE;
      AlvhMarketState m;
      AlvhBookMark mark;

      if ((r & 4095) == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      if (o->progress_func != NULL && r % step == 0)
        o->progress_func ((double) r / (double) n, o->progress_data);

      /* (1) close (the bar's market state only on the bars that trade) */
      if (_alvh_book_n_condors (book) > 0 && any_due (book, p, day))
        {
          alvh_evaluator_market_state (evaluator, i, &m);
          have_m = TRUE;
          close_due (book, p, &m, day, res->trades, res->legs, FALSE, &realised_h, &realised_u);
        }

      /* (2) open */
      if (_alvh_book_n_condors (book) == 0)
        {
          if (!have_m)
            alvh_evaluator_market_state (evaluator, i, &m);
          open_trade (res, book, p, &m, at, &next_condor_id);
        }

      /* (3) evaluate */
      alvh_evaluator_evaluate (evaluator, i, book, &d);

      /* keep the notable decisions (for the journal) */
      if (keep && alvh_replay_decision_is_notable (&d))
        keep_decision (res, book, r, &d);

      /* (4) book */
      if (d.action == ALVH_ACTION_ADD && d.has_leg)
        book_leg (res, book, keep, next_leg_id++, &d);
      else if (d.action == ALVH_ACTION_BLOCKED)
        res->n_blocked++;
      count_decision (res, r, &d);

      /* mark (the condors' values come from the evaluator's memo of this bar) */
      mark_book (evaluator, book, p->multiplier, i, &mark);
      res->equity_unhedged[r] = realised_u + mark.condor_pnl;
      res->equity_hedged[r] = realised_h + mark.total_pnl;

      if (o->bar_func != NULL && !o->bar_func (r, &d, book, o->bar_data))
        {
          res->n_bars = r + 1;
          break;
        }
    }

  finish_result (res, evaluator, first, book, p);

  if (o->progress_func != NULL)
    o->progress_func (1.0, o->progress_data);
  return g_steal_pointer (&res);
}

gboolean
alvh_replay_decision_is_notable (const AlvhDecision *decision)
{
  g_return_val_if_fail (decision != NULL, FALSE);

  if (decision->action != ALVH_ACTION_HOLD)
    return TRUE;
  for (guint k = 0; k < ALVH_N_SIGNALS; k++)
    if (decision->signals[k].available && decision->signals[k].fired)
      return TRUE;
  return FALSE;
}

static void
replay_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  AlvhEvaluator *evaluator = task_data;
  GError *error = NULL;
  AlvhReplayResult *res;

  (void) source_object;
  res = alvh_replay_run (evaluator, NULL, cancellable, &error);
  if (res == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, res, (GDestroyNotify) alvh_replay_result_unref);
}

void
alvh_replay_run_async (AlvhEvaluator       *evaluator,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, alvh_replay_run_async);
  /* a private evaluator: its per-bar memo is not shared with the caller's thread */
  g_task_set_task_data (task,
                        alvh_evaluator_new (alvh_evaluator_get_frame (evaluator),
                                            alvh_evaluator_get_profile (evaluator),
                                            alvh_evaluator_get_events (evaluator)),
                        (GDestroyNotify) alvh_evaluator_unref);
  g_task_run_in_thread (task, replay_thread);
}

AlvhReplayResult *
alvh_replay_run_finish (GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Whether the totals hold an open trade marked at the last bar (spec
 * section 6) or only closed and settled ones. */
static void
append_last_trade_line (GString                *s,
                        const AlvhReplayResult *self)
{
  const AlvhReplayTrade *t;
  g_autofree char *opened = NULL;
  g_autofree char *expiry = NULL;
  g_autofree char *end = NULL;
  g_autofree char *pnl = NULL;

  if (self->trades->len == 0 || self->n_bars == 0)
    return;
  t = &g_array_index (self->trades, AlvhReplayTrade, self->trades->len - 1);
  opened = alvh_time_format_ny_date (t->condor.opened);
  expiry = alvh_time_format_ny_date (t->condor.expiry);
  pnl = alvh_format_money (t->condor_pnl + t->hedge_pnl, ALVH_MONEY_SUMMARY);
  if (t->open_at_end)
    {
      end = alvh_time_format_ny_date (self->time[self->n_bars - 1]);
      /* TRANSLATORS: the replay's last condor is still open; its P&L is a mark, not a close */
      g_string_append_printf (s, _("Last trade: opened %s, expiring %s, still open and marked at the close of %s (P&L %s with its hedges, unrealised)\n"),
                              opened, expiry, end, pnl);
    }
  else
    {
      end = alvh_time_format_ny_date (t->close_time);
      g_string_append_printf (s, _("Last trade: opened %s, closed or settled on %s (P&L %s with its hedges, realised)\n"),
                              opened, end, pnl);
    }
}

char *
alvh_replay_result_dup_summary (AlvhReplayResult *self)
{
  GString *s = g_string_new (NULL);
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *th = alvh_format_money (self->hedged.total_pnl, ALVH_MONEY_SUMMARY);
  g_autofree char *tu = alvh_format_money (self->unhedged.total_pnl, ALVH_MONEY_SUMMARY);
  g_autofree char *dh = alvh_format_money (self->hedged.max_drawdown, ALVH_MONEY_SUMMARY);
  g_autofree char *du = alvh_format_money (self->unhedged.max_drawdown, ALVH_MONEY_SUMMARY);
  g_autofree char *wh = alvh_format_money (self->hedged.worst_trade, ALVH_MONEY_SUMMARY);
  g_autofree char *wu = alvh_format_money (self->unhedged.worst_trade, ALVH_MONEY_SUMMARY);
  g_autofree char *hc = alvh_format_money (self->hedged.hedge_cost, ALVH_MONEY_SUMMARY);

  if (self->n_bars > 0)
    {
      first = alvh_time_format_ny_date (self->time[0]);
      last = alvh_time_format_ny_date (self->time[self->n_bars - 1]);
    }
  g_string_append_printf (s, _("Replay of %zu bars from %s to %s, profile “%s” version %d\n"),
                          self->n_bars, first != NULL ? first : "-", last != NULL ? last : "-",
                          self->profile_name != NULL ? self->profile_name : "", self->profile_version);
  {
    /* "12 condor trades; 5 hedge layers added (1 on a regime shift, ...)" */
    g_autofree char *trades = g_strdup_printf (ngettext ("%u condor trade", "%u condor trades", self->trades->len),
                                               self->trades->len);
    g_autofree char *adds = g_strdup_printf (ngettext ("%u hedge layer added", "%u hedge layers added", self->n_add),
                                             self->n_add);
    g_autofree char *branches = g_strdup_printf (_("%u on a regime shift, %u on a fixed trigger, %u on confluence"),
                                                 self->adds_by_branch[ALVH_BRANCH_REGIME],
                                                 self->adds_by_branch[ALVH_BRANCH_FIXED],
                                                 self->adds_by_branch[ALVH_BRANCH_CONFLUENCE]);
    g_autofree char *blocked = g_strdup_printf (ngettext ("%u hedge blocked as not accretive",
                                                          "%u hedges blocked as not accretive", self->n_blocked),
                                                self->n_blocked);

    /* TRANSLATORS: condor trades; hedge layers added (by branch); hedges blocked */
    g_string_append_printf (s, _("%s; %s (%s); %s\n"), trades, adds, branches, blocked);
  }
  append_last_trade_line (s, self);
  {
    /* aligned by characters ("−$1,234" has a 3-byte minus), names as people read them */
    const char *rows[][3] = { { "", _("hedged"), _("unhedged") }, { _("Total P&L"), th, tu },
                              { _("Max drawdown"), dh, du }, { _("Worst trade"), wh, wu },
                              { _("Hedge cost"), hc, "$0" } };
    glong w0 = 0, w = 0;

    for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
      {
        w0 = MAX (w0, g_utf8_strlen (rows[r][0], -1));
        w = MAX (w, MAX (g_utf8_strlen (rows[r][1], -1), g_utf8_strlen (rows[r][2], -1)));
      }
    for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
      g_string_append_printf (s, "%s%*s  %*s%s  %*s%s\n", rows[r][0], (int) (w0 - g_utf8_strlen (rows[r][0], -1)), "",
                              (int) (w - g_utf8_strlen (rows[r][1], -1)), "", rows[r][1],
                              (int) (w - g_utf8_strlen (rows[r][2], -1)), "", rows[r][2]);
    g_string_append (s, _("Signals fired (bars fired / bars available):\n"));
    w0 = 0;
    for (guint k = 0; k < ALVH_N_SIGNALS; k++)
      w0 = MAX (w0, g_utf8_strlen (alvh_format_key (alvh_signal_id_to_key ((AlvhSignalId) k)), -1));
    for (guint k = 0; k < ALVH_N_SIGNALS; k++)
      {
        const char *name = alvh_format_key (alvh_signal_id_to_key ((AlvhSignalId) k));

        g_string_append_printf (s, "  %s%*s %6u / %u\n", name, (int) (w0 - g_utf8_strlen (name, -1)), "",
                                self->fired[k], self->available[k]);
      }
  }
  return g_string_free (s, FALSE);
}

/**
 * alvh_replay_totals_append_json:
 * Appends "NAME":{"total_pnl":…,"max_drawdown":…,"worst_trade":…,"hedge_cost":…}.
 */
void
alvh_replay_totals_append_json (GString                *s,
                                const char             *name,
                                const AlvhReplayTotals *t)
{
  g_string_append_printf (s, "\"%s\":{\"total_pnl\":", name);
  alvh_json_append_number (s, t->total_pnl);
  g_string_append (s, ",\"max_drawdown\":");
  alvh_json_append_number (s, t->max_drawdown);
  g_string_append (s, ",\"worst_trade\":");
  alvh_json_append_number (s, t->worst_trade);
  g_string_append (s, ",\"hedge_cost\":");
  alvh_json_append_number (s, t->hedge_cost);
  g_string_append_c (s, '}');
}

static void
append_date (GString *s,
             gint64   t)
{
  g_autofree char *d = alvh_time_format_ny_date (t);

  alvh_json_append_string (s, d);
}

char *
alvh_replay_result_to_json (AlvhReplayResult *self)
{
  GString *s = g_string_new ("{");

  g_string_append_printf (s, "\"bars\":%zu,\"first\":", self->n_bars);
  if (self->n_bars > 0)
    append_date (s, self->time[0]);
  else
    g_string_append (s, "null");
  g_string_append (s, ",\"last\":");
  if (self->n_bars > 0)
    append_date (s, self->time[self->n_bars - 1]);
  else
    g_string_append (s, "null");
  g_string_append (s, ",\"profile\":{\"name\":");
  alvh_json_append_string (s, self->profile_name);
  g_string_append_printf (s, ",\"version\":%d},", self->profile_version);
  alvh_replay_totals_append_json (s, "hedged", &self->hedged);
  g_string_append_c (s, ',');
  alvh_replay_totals_append_json (s, "unhedged", &self->unhedged);
  g_string_append_printf (s, ",\"trades_count\":%u,\"adds\":%u,\"blocked\":%u,\"adds_by_branch\":{",
                          self->trades->len, self->n_add, self->n_blocked);
  for (guint b = ALVH_BRANCH_REGIME; b <= ALVH_BRANCH_CONFLUENCE; b++)
    g_string_append_printf (s, "%s\"%s\":%u", b > ALVH_BRANCH_REGIME ? "," : "",
                            alvh_branch_to_string ((AlvhBranch) b), self->adds_by_branch[b]);
  g_string_append (s, "},\"decisions_by_branch\":{");
  for (guint b = 0; b < ALVH_N_BRANCHES; b++)
    g_string_append_printf (s, "%s\"%s\":%u", b > 0 ? "," : "",
                            alvh_branch_to_string ((AlvhBranch) b), self->decisions_by_branch[b]);
  g_string_append (s, "},\"last_trade_open\":");
  if (self->trades->len > 0)
    g_string_append (s, g_array_index (self->trades, AlvhReplayTrade, self->trades->len - 1).open_at_end
                        ? "true" : "false");
  else
    g_string_append (s, "null");
  g_string_append (s, ",\"signals_fired\":{");
  for (guint k = 0; k < ALVH_N_SIGNALS; k++)
    g_string_append_printf (s, "%s\"%s\":%u", k > 0 ? "," : "",
                            alvh_signal_id_to_key ((AlvhSignalId) k), self->fired[k]);
  g_string_append (s, "},\"trades\":[");
  for (guint x = 0; x < self->trades->len; x++)
    {
      const AlvhReplayTrade *t = &g_array_index (self->trades, AlvhReplayTrade, x);

      if (x > 0)
        g_string_append_c (s, ',');
      g_string_append (s, "{\"open\":");
      append_date (s, t->condor.opened);
      g_string_append (s, ",\"close\":");
      if (t->close_time != 0)
        append_date (s, t->close_time);
      else
        g_string_append (s, "null");
      g_string_append (s, ",\"expiry\":");
      append_date (s, t->condor.expiry);
      g_string_append_printf (s, ",\"strikes\":[%g,%g,%g,%g],\"credit\":",
                              t->condor.long_put, t->condor.short_put,
                              t->condor.short_call, t->condor.long_call);
      alvh_json_append_number (s, t->condor.credit);
      g_string_append (s, ",\"condor_pnl\":");
      alvh_json_append_number (s, t->condor_pnl);
      g_string_append (s, ",\"hedge_pnl\":");
      alvh_json_append_number (s, t->hedge_pnl);
      g_string_append (s, ",\"hedge_cost\":");
      alvh_json_append_number (s, t->hedge_cost);
      g_string_append_printf (s, ",\"open_at_end\":%s", t->open_at_end ? "true" : "false");
      g_string_append_printf (s, ",\"layers\":%u,\"layer_pnl\":[", t->n_layers);
      for (guint l = 0; l < t->n_layers && l < ALVH_PROFILE_MAX_LAYERS; l++)
        {
          if (l > 0)
            g_string_append_c (s, ',');
          alvh_json_append_number (s, t->layer_pnl[l]);
        }
      g_string_append (s, "]}");
    }
  g_string_append (s, "]}");
  return g_string_free (s, FALSE);
}
