/* alvh-ledger.c — the book as a ledger of fills: positions, settlement and P&L
 *
 * See alvh-ledger.h and ALVH-SPEC.md section 6.
 */
#define G_LOG_DOMAIN "alvh-ledger"

#include "config.h"

#include <math.h>
#include <string.h>

#include "alvh-ledger.h"
#include "alvh-position.h"
#include "alvh-pricing.h"
#include "alvh-time.h"

typedef struct
{
  gboolean    is_condor;
  AlvhCondor  condor;
  AlvhLeg     leg;       /* notes NULL */
  GArray     *fills;     /* AlvhFill by time */
} Position;

struct _AlvhLedger
{
  gint               ref_count;
  AlvhLedgerParams   params;
  GPtrArray         *positions;   /* Position */
  AlvhMarketFrame   *frame;
  double            *vix_open;    /* per frame bar, NAN when unknown */
  gint64            *known;       /* per frame bar: 16:00 New York of its date */
};

G_DEFINE_BOXED_TYPE (AlvhLedger, alvh_ledger, alvh_ledger_ref, alvh_ledger_unref)

static void
position_free (Position *p)
{
  g_array_unref (p->fills);
  g_free (p);
}

static void
clear_market (AlvhLedger *self)
{
  g_clear_pointer (&self->frame, alvh_market_frame_unref);
  g_clear_pointer (&self->vix_open, g_free);
  g_clear_pointer (&self->known, g_free);
}

void
alvh_ledger_params_init_default (AlvhLedgerParams *params)
{
  params->rate = 0.04;
  params->div_yield = 0.013;
  params->vix_vol = 0.90;
  params->multiplier = 100.0;
}

AlvhLedger *
alvh_ledger_new (const AlvhLedgerParams *params)
{
  AlvhLedger *self = g_new0 (AlvhLedger, 1);

  self->ref_count = 1;
  if (params != NULL)
    self->params = *params;
  else
    alvh_ledger_params_init_default (&self->params);
  if (!(self->params.multiplier > 0))
    self->params.multiplier = 100.0;
  self->positions = g_ptr_array_new_with_free_func ((GDestroyNotify) position_free);
  return self;
}

AlvhLedger *
alvh_ledger_ref (AlvhLedger *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_int_inc (&self->ref_count);
  return self;
}

void
alvh_ledger_unref (AlvhLedger *self)
{
  if (self == NULL || !g_atomic_int_dec_and_test (&self->ref_count))
    return;
  clear_market (self);
  g_ptr_array_unref (self->positions);
  g_free (self);
}

void
alvh_ledger_add_condor (AlvhLedger       *self,
                        const AlvhCondor *condor)
{
  Position *p = g_new0 (Position, 1);

  p->is_condor = TRUE;
  p->condor = *condor;
  p->fills = g_array_new (FALSE, FALSE, sizeof (AlvhFill));
  g_ptr_array_add (self->positions, p);
}

void
alvh_ledger_add_leg (AlvhLedger    *self,
                     const AlvhLeg *leg)
{
  Position *p = g_new0 (Position, 1);

  p->leg = *leg;
  p->leg.notes = NULL;
  p->fills = g_array_new (FALSE, FALSE, sizeof (AlvhFill));
  g_ptr_array_add (self->positions, p);
}

static gint64
position_id (const Position *p)
{
  return p->is_condor ? p->condor.id : p->leg.id;
}

static gint64
position_expiry (const Position *p)
{
  return p->is_condor ? p->condor.expiry : p->leg.expiry;
}

gssize
alvh_ledger_find (AlvhLedger *self,
                  gint64      id,
                  gboolean    is_condor)
{
  for (guint i = 0; i < self->positions->len; i++)
    {
      const Position *p = g_ptr_array_index (self->positions, i);

      if (p->is_condor == is_condor && position_id (p) == id)
        return i;
    }
  return -1;
}

static int
compare_fills (gconstpointer a,
               gconstpointer b)
{
  const AlvhFill *fa = a, *fb = b;

  if (fa->time != fb->time)
    return fa->time < fb->time ? -1 : 1;
  if (fa->close != fb->close)
    return fa->close ? 1 : -1;   /* an open before a close at the same second */
  return fa->id < fb->id ? -1 : fa->id > fb->id;
}

gboolean
alvh_ledger_add_fill (AlvhLedger     *self,
                      const AlvhFill *fill)
{
  gboolean is_condor = fill->condor_id > 0;
  gssize i = alvh_ledger_find (self, is_condor ? fill->condor_id : fill->leg_id, is_condor);
  Position *p;

  if (i < 0)
    return FALSE;
  p = g_ptr_array_index (self->positions, i);
  g_array_append_val (p->fills, *fill);
  g_array_sort (p->fills, compare_fills);
  return TRUE;
}

void
alvh_ledger_set_market (AlvhLedger      *self,
                        AlvhMarketFrame *frame,
                        AlvhSeries      *vix)
{
  const double *open = vix != NULL ? alvh_series_get_column_by_name (vix, "open") : NULL;

  clear_market (self);
  if (frame == NULL)
    return;
  self->frame = alvh_market_frame_ref (frame);
  self->vix_open = g_new (double, MAX (frame->n, 1));
  self->known = g_new (gint64, MAX (frame->n, 1));
  for (gsize i = 0; i < frame->n; i++)
    {
      int y, m, d;
      gssize k = open != NULL ? alvh_series_find_time (vix, frame->time[i]) : -1;

      self->vix_open[i] = k >= 0 ? open[k] : NAN;
      alvh_time_to_ny_date (frame->time[i], &y, &m, &d);
      self->known[i] = alvh_time_from_ny_local (y, m, d, 16, 0, 0);
    }
}

guint
alvh_ledger_get_n_positions (AlvhLedger *self)
{
  return self->positions->len;
}

gint64
alvh_ledger_day_start (gint64 date)
{
  return alvh_time_from_ny_day (alvh_time_ny_day (date)) - 1;
}

gint64
alvh_ledger_day_end (gint64 date)
{
  return alvh_time_from_ny_day (alvh_time_ny_day (date) + 1) - 1;
}

/* ---- valuation --------------------------------------------------------- */

AlvhSettleStyle
alvh_settle_style_for (gboolean    is_condor,
                       AlvhLegKind kind,
                       gint64      expiry)
{
  int y, m, d;

  if (!is_condor && kind != ALVH_LEG_SPX_PUT && kind != ALVH_LEG_SPX_PUT_SPREAD)
    return ALVH_SETTLE_VIX_AM;
  alvh_time_to_ny_date (expiry, &y, &m, &d);
  /* the standard monthly: the third Friday (weekday 5, day 15..21) */
  if (alvh_time_ny_weekday (expiry) == 5 && d >= 15 && d <= 21)
    return ALVH_SETTLE_SPX_AM;
  return ALVH_SETTLE_SPX_PM;
}

const char *
alvh_settle_style_to_string (AlvhSettleStyle style)
{
  switch (style)
    {
    case ALVH_SETTLE_SPX_AM: return "spx_am";
    case ALVH_SETTLE_SPX_PM: return "spx_pm";
    case ALVH_SETTLE_VIX_AM: return "vix_am";
    case ALVH_SETTLE_NONE:
    default: return "none";
    }
}

static double
put_spread (double u,
            double k_long,
            double k_short)
{
  double v = MAX (k_long - u, 0.0);

  if (isfinite (k_short))
    v -= MAX (k_short - u, 0.0);
  return v;
}

/* Value per unit at expiry with the underlying at u (points). */
static double
position_intrinsic (const Position *p,
                    double          u)
{
  const AlvhLeg *l = &p->leg;
  double v;

  if (p->is_condor)
    return alvh_condor_intrinsic (&p->condor, u);
  switch (l->kind)
    {
    case ALVH_LEG_VIX_FUTURE:
      return u;
    case ALVH_LEG_VIX_PUT:
    case ALVH_LEG_SPX_PUT:
    case ALVH_LEG_SPX_PUT_SPREAD:
      return put_spread (u, l->long_strike, l->kind == ALVH_LEG_SPX_PUT_SPREAD ? l->short_strike : NAN);
    case ALVH_LEG_VIX_CALL:
      return MAX (u - l->long_strike, 0.0);
    case ALVH_LEG_VIX_CALL_SPREAD:
    default:
      v = MAX (u - l->long_strike, 0.0);
      if (isfinite (l->short_strike))
        v -= MAX (u - l->short_strike, 0.0);
      return v;
    }
}

/* Section 6: an SPX position's value per unit at bar i from the mids of
 * the option chain of that date, when it has every strike of it */
static gboolean
position_chain_value (const AlvhMarketFrame *f,
                      const Position        *p,
                      gsize                  i,
                      double                *out)
{
  AlvhChainSet *chains = f->chains;
  gint64 t = f->time[i];
  double a, b, c, d;

  if (p->is_condor)
    {
      const AlvhCondor *k = &p->condor;

      if (!alvh_chain_set_mid (chains, t, k->expiry, k->short_put, ALVH_OPTION_PUT, &a) ||
          !alvh_chain_set_mid (chains, t, k->expiry, k->short_call, ALVH_OPTION_CALL, &b) ||
          !alvh_chain_set_mid (chains, t, k->expiry, k->long_put, ALVH_OPTION_PUT, &c) ||
          !alvh_chain_set_mid (chains, t, k->expiry, k->long_call, ALVH_OPTION_CALL, &d))
        return FALSE;
      *out = (a + b) - (c + d);
      return TRUE;
    }
  if (!alvh_chain_set_mid (chains, t, p->leg.expiry, p->leg.long_strike, ALVH_OPTION_PUT, &a))
    return FALSE;
  b = 0.0;
  if (p->leg.kind == ALVH_LEG_SPX_PUT_SPREAD && isfinite (p->leg.short_strike) &&
      !alvh_chain_set_mid (chains, t, p->leg.expiry, p->leg.short_strike, ALVH_OPTION_PUT, &b))
    return FALSE;
  *out = a - b;
  return TRUE;
}

/* Value per unit at bar i (spec section 6: the chain's mids when the date's
 * chain has the expiry and strikes; else section 5's model: SPX at iv_t,
 * the chain's ATM IV of the expiry or VIX/100; VIX options Black-76 on VX1,
 * else VIX, at VVIX/100 or vix_vol). */
static double
position_model_value (AlvhLedger     *self,
                      const Position *p,
                      gsize           i)
{
  const AlvhMarketFrame *f = self->frame;
  const AlvhLedgerParams *pr = &self->params;
  double t = (double) alvh_time_calendar_days (f->time[i], position_expiry (p)) / 365.0;
  double iv = f->vix[i] / 100.0;
  const AlvhLeg *l = &p->leg;
  gboolean spx = p->is_condor || l->kind == ALVH_LEG_SPX_PUT || l->kind == ALVH_LEG_SPX_PUT_SPREAD;
  double mid;

  if (spx && f->chains != NULL && t > 0)
    {
      if (position_chain_value (f, p, i, &mid))
        return mid;
      alvh_chain_set_atm_iv (f->chains, f->time[i], position_expiry (p), &iv);
    }
  if (p->is_condor)
    return alvh_condor_value (&p->condor, f->close[i], t, iv, pr->rate, pr->div_yield);
  if (l->kind == ALVH_LEG_SPX_PUT || l->kind == ALVH_LEG_SPX_PUT_SPREAD)
    {
      double v;

      if (t <= 0)
        return position_intrinsic (p, f->close[i]);
      v = alvh_bs_price (ALVH_OPTION_PUT, f->close[i], l->long_strike, t, iv, pr->rate, pr->div_yield);
      if (l->kind == ALVH_LEG_SPX_PUT_SPREAD && isfinite (l->short_strike))
        v -= alvh_bs_price (ALVH_OPTION_PUT, f->close[i], l->short_strike, t, iv, pr->rate, pr->div_yield);
      return v;
    }
  {
    /* the future that expires with the leg (spec section 4), as the book
     * and the evaluator price it: one rule, alvh_market_state_vix_forward() */
    AlvhMarketState m = { 0 };
    double fwd, vol;

    m.time = f->time[i];
    m.vix = f->vix[i];
    m.vx1 = f->vx1[i];
    for (guint k = 0; k < ALVH_VX_TERMS; k++)
      m.vx[k] = f->vx[k] != NULL ? f->vx[k][i] : NAN;
    fwd = alvh_market_state_vix_forward (&m, position_expiry (p));
    vol = isfinite (f->vvix[i]) && f->vvix[i] > 0 ? f->vvix[i] / 100.0 : pr->vix_vol;

    if (l->kind == ALVH_LEG_VIX_PUT)
      return t > 0 ? alvh_black76_price (ALVH_OPTION_PUT, fwd, l->long_strike, t, vol, pr->rate)
                   : position_intrinsic (p, fwd);
    return alvh_leg_value (l, fwd, t, vol, pr->rate);
  }
}

/* Index of the last bar known at t (its 16:00 New York <= t), or -1. */
static gssize
bar_known_at (AlvhLedger *self,
              gint64      t)
{
  if (self->frame == NULL)
    return -1;
  return alvh_time_find_le (self->known, self->frame->n, t);
}

/* The settlement of a position: when, the print and its value per unit;
 * FALSE when the market holds no print for the expiry. */
static gboolean
position_settlement (AlvhLedger     *self,
                     const Position *p,
                     gint64         *time,
                     double         *underlying,
                     double         *value)
{
  AlvhSettleStyle style = alvh_settle_style_for (p->is_condor, p->leg.kind, position_expiry (p));
  gint64 expiry = position_expiry (p);
  int y, m, d;
  gssize i;
  double u;

  if (self->frame == NULL || expiry <= 0)
    return FALSE;
  i = alvh_market_frame_find_le (self->frame, expiry);
  if (i < 0 || alvh_time_ny_day (self->frame->time[i]) != alvh_time_ny_day (expiry))
    return FALSE;
  u = style == ALVH_SETTLE_SPX_AM ? self->frame->open[i]
    : style == ALVH_SETTLE_SPX_PM ? self->frame->close[i]
    : self->vix_open[i];
  if (!isfinite (u))
    return FALSE;
  alvh_time_to_ny_date (expiry, &y, &m, &d);
  *time = style == ALVH_SETTLE_SPX_PM ? alvh_time_from_ny_local (y, m, d, 16, 0, 0)
                                      : alvh_time_from_ny_local (y, m, d, 9, 30, 0);
  *underlying = u;
  *value = position_intrinsic (p, u);
  return TRUE;
}

/* Realised P&L, fees and quantities from the fills up to t (and the
 * settlement when it is due by t); the mark and unrealised P&L at t. */
static void
position_at (AlvhLedger      *self,
             const Position  *p,
             gint64           t,
             AlvhLedgerEntry *e)
{
  const double mult = self->params.multiplier;
  const double sign = p->is_condor ? -1.0 : 1.0;
  double cost = 0, close_value = 0;
  gint64 st = 0;
  double su = NAN, sv = NAN;
  gboolean can_settle;

  e->quantity = e->open_quantity = e->closed_quantity = 0;
  e->realized = e->unrealized = e->fees = 0;
  e->open_price = e->close_price = e->mark = e->settle_price = e->settle_underlying = NAN;
  e->closed = e->mark_time = e->settle_time = 0;
  e->settled = e->settle_pending = FALSE;
  e->opened = p->fills->len > 0 ? g_array_index (p->fills, AlvhFill, 0).time : 0;

  for (guint k = 0; k < p->fills->len; k++)
    {
      const AlvhFill *f = &g_array_index (p->fills, AlvhFill, k);

      if (f->time > t)
        break;
      e->fees += f->fees;
      e->realized -= f->fees;
      if (!f->close)
        {
          cost += f->price * f->quantity;
          e->quantity += f->quantity;
          e->open_quantity += f->quantity;
          e->open_price = cost / e->quantity;
          continue;
        }
      e->realized += sign * (f->price - (isfinite (e->open_price) ? e->open_price : f->price)) * mult * f->quantity;
      e->open_quantity = MAX (e->open_quantity - f->quantity, 0.0);
      e->closed_quantity += f->quantity;
      close_value += f->price * f->quantity;
      e->close_price = close_value / e->closed_quantity;
      if (e->open_quantity <= 1e-9)
        e->closed = f->time;
    }
  if (e->open_quantity <= 1e-9)
    {
      e->open_quantity = 0;
      return;
    }
  e->closed = 0;

  can_settle = position_settlement (self, p, &st, &su, &sv);
  if (can_settle && st <= t)
    {
      e->settled = TRUE;
      e->settle_time = st;
      e->settle_underlying = su;
      e->settle_price = sv;
      e->realized += sign * (sv - e->open_price) * mult * e->open_quantity;
      e->open_quantity = 0;
      e->closed = st;
      return;
    }
  e->settle_pending = !can_settle && position_expiry (p) > 0 && alvh_ledger_day_end (position_expiry (p)) <= t;

  {
    gssize i = bar_known_at (self, t);

    /* no bar since the fill: at cost */
    if (i < 0 || self->known[i] < e->opened)
      e->mark = e->open_price;
    else
      {
        e->mark = position_model_value (self, p, i);
        e->mark_time = self->frame->time[i];
        if (!isfinite (e->mark))
          {
            e->mark = e->open_price;
            e->mark_time = 0;
          }
      }
    e->unrealized = sign * (e->mark - e->open_price) * mult * e->open_quantity;
  }
}

/* MAE/MFE: the lowest and highest P&L (realised + unrealised) over the daily
 * marks from the first fill to the close or settlement (or t). */
static void
position_excursion (AlvhLedger      *self,
                    const Position  *p,
                    gint64           t,
                    AlvhLedgerEntry *e)
{
  gint64 end = e->closed > 0 ? e->closed : t;
  AlvhLedgerEntry tmp;
  gssize i;

  e->mae = e->mfe = e->realized + e->unrealized;
  if (self->frame == NULL || e->opened == 0)
    return;
  i = bar_known_at (self, e->opened);
  for (gsize k = i < 0 ? 0 : (gsize) i; k < self->frame->n && self->known[k] <= end; k++)
    {
      double v;

      if (self->known[k] < e->opened)
        continue;
      position_at (self, p, self->known[k], &tmp);
      v = tmp.realized + tmp.unrealized;
      e->mae = MIN (e->mae, v);
      e->mfe = MAX (e->mfe, v);
    }
}

gboolean
alvh_ledger_entry_at (AlvhLedger      *self,
                      guint            index,
                      gint64           t,
                      AlvhLedgerEntry *out)
{
  const Position *p;

  g_return_val_if_fail (index < self->positions->len, FALSE);
  p = g_ptr_array_index (self->positions, index);

  memset (out, 0, sizeof *out);
  out->id = position_id (p);
  out->is_condor = p->is_condor;
  out->expiry = position_expiry (p);
  out->settle_style = alvh_settle_style_for (p->is_condor, p->leg.kind, out->expiry);
  if (p->is_condor)
    {
      out->kind = "iron_condor";
      out->strikes[0] = p->condor.long_put;
      out->strikes[1] = p->condor.short_put;
      out->strikes[2] = p->condor.short_call;
      out->strikes[3] = p->condor.long_call;
      out->n_strikes = 4;
    }
  else
    {
      out->kind = alvh_leg_kind_to_string (p->leg.kind);
      out->condor_id = p->leg.condor_id;
      out->decision_id = p->leg.decision_id;
      out->layer = p->leg.layer;
      out->strikes[0] = p->leg.long_strike;
      out->strikes[1] = p->leg.short_strike;
      out->n_strikes = isfinite (p->leg.short_strike) ? 2 : isfinite (p->leg.long_strike) ? 1 : 0;
    }
  position_at (self, p, t, out);
  position_excursion (self, p, t, out);
  return out->quantity > 0;
}

void
alvh_ledger_total_at (AlvhLedger    *self,
                      gint64         t,
                      gint64         condor_id,
                      AlvhLedgerPnl *out)
{
  memset (out, 0, sizeof *out);
  out->to = t;
  for (guint i = 0; i < self->positions->len; i++)
    {
      const Position *p = g_ptr_array_index (self->positions, i);
      AlvhLedgerEntry e;

      if (condor_id > 0 && (p->is_condor ? p->condor.id : p->leg.condor_id) != condor_id)
        continue;
      position_at (self, p, t, &e);
      out->realized += e.realized;
      out->fees += e.fees;
      out->unrealized_end += e.unrealized;
    }
  out->pnl = out->realized + out->unrealized_end;
}

void
alvh_ledger_period (AlvhLedger    *self,
                    gint64         from,
                    gint64         to,
                    AlvhLedgerPnl *out)
{
  AlvhLedgerPnl a, b;

  alvh_ledger_total_at (self, from, 0, &a);
  alvh_ledger_total_at (self, to, 0, &b);
  out->from = from;
  out->to = to;
  out->realized = b.realized - a.realized;
  out->fees = b.fees - a.fees;
  out->unrealized_start = a.unrealized_end;
  out->unrealized_end = b.unrealized_end;
  out->pnl = out->realized + out->unrealized_end - out->unrealized_start;
}
