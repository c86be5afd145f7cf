/* alvh-position.c — condors, hedge legs and the book: greeks, marks, payoffs */
#define G_LOG_DOMAIN "alvh-position"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "alvh-format.h"
#include "alvh-position.h"
#include "alvh-position-private.h"
#include "alvh-pricing.h"
#include "alvh-time.h"
#include "alvh-day-cache-private.h"


G_DEFINE_BOXED_TYPE (AlvhBook, alvh_book, alvh_book_ref, alvh_book_unref)

static inline double
years_between (gint64 from,
               gint64 to)
{
  return (double) _alvh_calendar_days_cached (from, to) / 365.0;
}

static inline double
call_intrinsic (double s,
                double k)
{
  return s > k ? s - k : 0.0;
}

static inline double
put_intrinsic (double s,
               double k)
{
  return k > s ? k - s : 0.0;
}

/* ---------------------------------------------------------------- condor */

double
alvh_condor_value (const AlvhCondor *c,
                   double            spx,
                   double            t,
                   double            iv,
                   double            r,
                   double            q)
{
  if (t <= 0.0)
    return alvh_condor_intrinsic (c, spx);
  return alvh_bs_price (ALVH_OPTION_PUT, spx, c->short_put, t, iv, r, q)
       + alvh_bs_price (ALVH_OPTION_CALL, spx, c->short_call, t, iv, r, q)
       - alvh_bs_price (ALVH_OPTION_PUT, spx, c->long_put, t, iv, r, q)
       - alvh_bs_price (ALVH_OPTION_CALL, spx, c->long_call, t, iv, r, q);
}

double
alvh_condor_intrinsic (const AlvhCondor *c,
                       double            spx)
{
  return put_intrinsic (spx, c->short_put) + call_intrinsic (spx, c->short_call)
       - put_intrinsic (spx, c->long_put) - call_intrinsic (spx, c->long_call);
}

double
alvh_condor_extrinsic (const AlvhCondor *c,
                       double            spx,
                       double            t,
                       double            iv,
                       double            r,
                       double            q,
                       double           *theta_out)
{
  AlvhGreeks sp, sc, lp, lc;
  double x;

  alvh_bs_greeks (ALVH_OPTION_PUT, spx, c->short_put, t, iv, r, q, &sp);
  alvh_bs_greeks (ALVH_OPTION_CALL, spx, c->short_call, t, iv, r, q, &sc);
  alvh_bs_greeks (ALVH_OPTION_PUT, spx, c->long_put, t, iv, r, q, &lp);
  alvh_bs_greeks (ALVH_OPTION_CALL, spx, c->long_call, t, iv, r, q, &lc);

  x = (sp.price - put_intrinsic (spx, c->short_put))
    + (sc.price - call_intrinsic (spx, c->short_call))
    - (lp.price - put_intrinsic (spx, c->long_put))
    - (lc.price - call_intrinsic (spx, c->long_call));
  if (theta_out != NULL)
    *theta_out = (lp.theta + lc.theta) - (sp.theta + sc.theta);
  return x;
}

void
alvh_condor_break_evens (const AlvhCondor *c,
                         double           *lower,
                         double           *upper)
{
  if (lower != NULL)
    *lower = c->short_put - c->credit;
  if (upper != NULL)
    *upper = c->short_call + c->credit;
}

/* ------------------------------------------------------------------- leg */

double
alvh_leg_value (const AlvhLeg *leg,
                      double              f,
                      double              t,
                      double              vol,
                      double              r)
{
  double v;

  switch (leg->kind)
    {
    case ALVH_LEG_VIX_FUTURE:
      return f;
    case ALVH_LEG_VIX_CALL:
      return t > 0.0 ? alvh_black76_price (ALVH_OPTION_CALL, f, leg->long_strike, t, vol, r)
                     : call_intrinsic (f, leg->long_strike);
    case ALVH_LEG_VIX_CALL_SPREAD:
    default:
      if (t > 0.0)
        v = alvh_black76_price (ALVH_OPTION_CALL, f, leg->long_strike, t, vol, r)
          - alvh_black76_price (ALVH_OPTION_CALL, f, leg->short_strike, t, vol, r);
      else
        v = call_intrinsic (f, leg->long_strike) - call_intrinsic (f, leg->short_strike);
      return v;
    }
}

/* The short leg of a spread taken off the long one: out -= b */
static void
greeks_sub (AlvhGreeks       *out,
            const AlvhGreeks *b)
{
  out->price -= b->price;
  out->delta -= b->delta;
  out->gamma -= b->gamma;
  out->theta -= b->theta;
  out->vega -= b->vega;
  out->rho -= b->rho;
}

/* Black-76 greeks of one contract of a leg, per unit of F. */
static void
hedge_leg_greeks (const AlvhLeg *leg,
                  double              f,
                  double              t,
                  double              vol,
                  double              r,
                  AlvhGreeks         *out)
{
  AlvhGreeks a, b;

  memset (out, 0, sizeof *out);
  if (leg->kind == ALVH_LEG_VIX_FUTURE)
    {
      out->price = f;
      out->delta = 1.0;
      return;
    }
  alvh_black76_greeks (ALVH_OPTION_CALL, f, leg->long_strike, t, vol, r, &a);
  *out = a;
  if (leg->kind == ALVH_LEG_VIX_CALL_SPREAD)
    {
      alvh_black76_greeks (ALVH_OPTION_CALL, f, leg->short_strike, t, vol, r, &b);
      greeks_sub (out, &b);
    }
}

void
alvh_other_leg_greeks (const AlvhLeg         *leg,
                       const AlvhMarketState *m,
                       AlvhGreeks            *out)
{
  double t = years_between (m->time, leg->expiry);
  AlvhGreeks b;

  if (leg->kind == ALVH_LEG_VIX_PUT)
    {
      alvh_black76_greeks (ALVH_OPTION_PUT, alvh_market_state_vix_forward (m, leg->expiry),
                           leg->long_strike, t, m->vix_vol, m->rate, out);
      return;
    }
  alvh_bs_greeks (ALVH_OPTION_PUT, m->spx, leg->long_strike, t, m->iv, m->rate, m->div_yield, out);
  if (leg->kind == ALVH_LEG_SPX_PUT_SPREAD && isfinite (leg->short_strike))
    {
      alvh_bs_greeks (ALVH_OPTION_PUT, m->spx, leg->short_strike, t, m->iv, m->rate, m->div_yield, &b);
      greeks_sub (out, &b);
    }
}

double
alvh_other_leg_value (const AlvhLeg         *leg,
                      const AlvhMarketState *m)
{
  double t = years_between (m->time, leg->expiry);
  double k2 = leg->kind == ALVH_LEG_SPX_PUT_SPREAD && isfinite (leg->short_strike) ? leg->short_strike : NAN;
  double v;

  if (leg->kind == ALVH_LEG_SPX_PUT || leg->kind == ALVH_LEG_SPX_PUT_SPREAD)
    {
      if (t <= 0.0)
        return put_intrinsic (m->spx, leg->long_strike) - (isfinite (k2) ? put_intrinsic (m->spx, k2) : 0.0);
      v = alvh_bs_price (ALVH_OPTION_PUT, m->spx, leg->long_strike, t, m->iv, m->rate, m->div_yield);
      if (isfinite (k2))
        v -= alvh_bs_price (ALVH_OPTION_PUT, m->spx, k2, t, m->iv, m->rate, m->div_yield);
      return v;
    }
  if (leg->kind == ALVH_LEG_VIX_PUT)
    {
      double f = alvh_market_state_vix_forward (m, leg->expiry);

      if (t <= 0.0)
        return put_intrinsic (f, leg->long_strike);
      return alvh_black76_price (ALVH_OPTION_PUT, f, leg->long_strike, t, m->vix_vol, m->rate);
    }
  return 0.0;
}

/* ------------------------------------------------------------------ book */

/* A new stamp for a book that changed: never one any book had before */
static void
book_changed (AlvhBook *self)
{
  static guint64 last_stamp;

  self->stamp = __atomic_add_fetch (&last_stamp, 1, __ATOMIC_RELAXED);
}

AlvhBook *
alvh_book_new (void)
{
  AlvhBook *self = g_new0 (AlvhBook, 1);

  self->ref_count = 1;
  self->condors = g_array_sized_new (FALSE, TRUE, sizeof (AlvhCondor), 4);
  self->legs = g_array_sized_new (FALSE, TRUE, sizeof (AlvhLeg), 8);
  g_array_set_clear_func (self->legs, (GDestroyNotify) alvh_leg_clear);
  self->others = g_array_new (FALSE, TRUE, sizeof (AlvhLeg));
  g_array_set_clear_func (self->others, (GDestroyNotify) alvh_leg_clear);
  book_changed (self);
  return self;
}

AlvhBook *
alvh_book_copy (AlvhBook *self)
{
  AlvhBook *copy = alvh_book_new ();

  g_array_append_vals (copy->condors, self->condors->data, self->condors->len);
  book_changed (copy);
  for (guint i = 0; i < self->legs->len; i++)
    alvh_book_add_leg (copy, &g_array_index (self->legs, AlvhLeg, i));
  for (guint i = 0; i < self->others->len; i++)
    alvh_book_add_leg (copy, &g_array_index (self->others, AlvhLeg, i));
  return copy;
}

AlvhBook *
alvh_book_copy_as_of (AlvhBook *self,
                      gint64    t)
{
  AlvhBook *copy = alvh_book_new ();

  for (guint i = 0; i < self->condors->len; i++)
    {
      const AlvhCondor *c = &g_array_index (self->condors, AlvhCondor, i);

      if (alvh_condor_is_held_at (c, t))
        g_array_append_vals (copy->condors, c, 1);
    }
  book_changed (copy);
  for (guint a = 0; a < 2; a++)
    {
      GArray *legs = a == 0 ? self->legs : self->others;

      for (guint i = 0; i < legs->len; i++)
        if (alvh_leg_is_held_at (&g_array_index (legs, AlvhLeg, i), t))
          alvh_book_add_leg (copy, &g_array_index (legs, AlvhLeg, i));
    }
  return copy;
}

void
alvh_book_drop_other_legs_settled_by (AlvhBook *self,
                                      gint64    t)
{
  for (guint i = self->others->len; i-- > 0;)
    if (!alvh_leg_is_held_at (&g_array_index (self->others, AlvhLeg, i), t))
      g_array_remove_index (self->others, i);
  book_changed (self);
}

AlvhBook *
alvh_book_ref (AlvhBook *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_int_inc (&self->ref_count);
  return self;
}

void
alvh_book_unref (AlvhBook *self)
{
  g_return_if_fail (self != NULL);
  if (g_atomic_int_dec_and_test (&self->ref_count))
    {
      g_array_unref (self->condors);
      g_array_unref (self->legs);
      g_array_unref (self->others);
      g_free (self);
    }
}

void
alvh_book_clear (AlvhBook *self)
{
  g_array_set_size (self->condors, 0);
  g_array_set_size (self->legs, 0);
  g_array_set_size (self->others, 0);
  book_changed (self);
}

void
alvh_book_add_condor (AlvhBook         *self,
                      const AlvhCondor *condor)
{
  g_array_append_vals (self->condors, condor, 1);
  book_changed (self);
}

void
alvh_book_add_leg (AlvhBook           *self,
                   const AlvhLeg *leg)
{
  AlvhLeg copy;

  alvh_leg_init_copy (&copy, leg);
  g_array_append_vals (alvh_leg_is_vix_hedge (leg) ? self->legs : self->others, &copy, 1);
  book_changed (self);
}

gboolean
alvh_book_remove_condor (AlvhBook *self,
                         gint64    condor_id)
{
  gboolean found = FALSE;

  for (guint i = self->condors->len; i-- > 0;)
    if (g_array_index (self->condors, AlvhCondor, i).id == condor_id)
      {
        g_array_remove_index (self->condors, i);
        found = TRUE;
      }
  if (!found)
    return FALSE;
  book_changed (self);
  for (guint i = self->legs->len; i-- > 0;)
    if (g_array_index (self->legs, AlvhLeg, i).condor_id == condor_id)
      g_array_remove_index (self->legs, i);
  for (guint i = self->others->len; i-- > 0;)
    if (g_array_index (self->others, AlvhLeg, i).condor_id == condor_id)
      g_array_remove_index (self->others, i);
  return TRUE;
}

gboolean
alvh_book_remove_leg (AlvhBook *self,
                      gint64    leg_id)
{
  GArray *arrays[] = { self->legs, self->others };

  for (guint a = 0; a < G_N_ELEMENTS (arrays); a++)
    for (guint i = 0; i < arrays[a]->len; i++)
      if (g_array_index (arrays[a], AlvhLeg, i).id == leg_id)
        {
          g_array_remove_index (arrays[a], i);
          book_changed (self);
          return TRUE;
        }
  return FALSE;
}

guint
alvh_book_get_n_condors (AlvhBook *self)
{
  return _alvh_book_n_condors (self);
}

const AlvhCondor *
alvh_book_get_condor (AlvhBook *self,
                      guint     index)
{
  g_return_val_if_fail (index < self->condors->len, NULL);
  return _alvh_book_condor (self, index);
}

guint
alvh_book_get_n_legs (AlvhBook *self)
{
  return _alvh_book_n_legs (self);
}

const AlvhLeg *
alvh_book_get_leg (AlvhBook *self,
                   guint     index)
{
  g_return_val_if_fail (index < self->legs->len, NULL);
  return _alvh_book_leg (self, index);
}

guint
alvh_book_get_n_other_legs (AlvhBook *self)
{
  return _alvh_book_n_other_legs (self);
}

const AlvhLeg *
alvh_book_get_other_leg (AlvhBook *self,
                         guint     index)
{
  g_return_val_if_fail (index < self->others->len, NULL);
  return _alvh_book_other_leg (self, index);
}

guint
alvh_book_count_open_legs (AlvhBook *self)
{
  guint n;

  _alvh_book_hedge_totals (self, NULL, &n, NULL);
  return n;
}

gint64
alvh_book_last_leg_time (AlvhBook *self)
{
  gint64 last;

  _alvh_book_hedge_totals (self, NULL, NULL, &last);
  return last;
}

double
alvh_book_condor_units (AlvhBook *self)
{
  double u = 0.0;

  for (guint i = 0; i < self->condors->len; i++)
    u += _alvh_book_condor (self, i)->units;
  return u;
}

double
alvh_book_credit_collected (AlvhBook *self)
{
  return _alvh_book_credit_collected (self);
}

double
alvh_book_premium_paid (AlvhBook *self)
{
  double paid;

  _alvh_book_hedge_totals (self, &paid, NULL, NULL);
  return paid;
}

static inline gboolean
finite_pos (double x)
{
  return isfinite (x) && x > 0.0;
}

double
alvh_market_state_vix_forward (const AlvhMarketState *m,
                               gint64                 expiry)
{
  guint k = alvh_calendar_vix_term (_alvh_ny_day_cached (m->time), _alvh_ny_day_cached (expiry));
  double f = NAN;

  if (k == 1)
    f = finite_pos (m->vx1) ? m->vx1 : m->vx[0];
  else if (k >= 2 && k <= ALVH_VX_TERMS)
    f = m->vx[k - 1];
  return finite_pos (f) ? f : m->vix;
}

gboolean
alvh_time_is_expired_at (gint64 expiry,
                         gint64 t)
{
  return t >= alvh_time_bar_close (expiry);
}

gboolean
alvh_condor_is_held_at (const AlvhCondor *c,
                        gint64            t)
{
  g_return_val_if_fail (c != NULL, FALSE);
  return c->opened <= t && (c->closed == 0 || c->closed > t) && !alvh_time_is_expired_at (c->expiry, t);
}

gboolean
alvh_leg_is_held_at (const AlvhLeg *leg,
                     gint64         t)
{
  g_return_val_if_fail (leg != NULL, FALSE);
  return leg->opened <= t && alvh_leg_open_quantity (leg) > 0.0 && !alvh_time_is_expired_at (leg->expiry, t);
}

void
alvh_book_greeks (AlvhBook              *self,
                  const AlvhMarketState *m,
                  AlvhBookGreeks        *out)
{
  const double s = m->spx, iv = m->iv, r = m->rate, q = m->div_yield;
  gboolean has_vix_legs = FALSE;

  memset (out, 0, sizeof *out);
  for (guint i = 0; i < self->condors->len; i++)
    {
      const AlvhCondor *c = &g_array_index (self->condors, AlvhCondor, i);
      double t = years_between (m->time, c->expiry);
      const struct { AlvhOptionType type; double k; double sign; } legs[4] = {
        { ALVH_OPTION_PUT, c->long_put, 1.0 },
        { ALVH_OPTION_PUT, c->short_put, -1.0 },
        { ALVH_OPTION_CALL, c->short_call, -1.0 },
        { ALVH_OPTION_CALL, c->long_call, 1.0 },
      };

      for (guint l = 0; l < 4; l++)
        {
          AlvhGreeks g;
          double qty = legs[l].sign * c->units;

          alvh_bs_greeks (legs[l].type, s, legs[l].k, t, iv, r, q, &g);
          out->spx_delta += qty * g.delta;
          out->spx_gamma += qty * g.gamma;
          out->spx_theta += qty * g.theta;
          out->spx_vega += qty * g.vega;
        }
      out->condor_units += c->units;
    }
  for (guint i = 0; i < self->legs->len; i++)
    {
      const AlvhLeg *leg = &g_array_index (self->legs, AlvhLeg, i);
      double qty = alvh_leg_open_quantity (leg);
      AlvhGreeks g;

      if (qty <= 0.0)
        continue;
      has_vix_legs = TRUE;
      hedge_leg_greeks (leg, alvh_market_state_vix_forward (m, leg->expiry),
                        years_between (m->time, leg->expiry), m->vix_vol, r, &g);
      out->vix_delta += qty * g.delta;
      out->vix_vega += qty * g.vega;
      out->vix_theta += qty * g.theta;
    }
  for (guint i = 0; i < self->others->len; i++)
    {
      const AlvhLeg *leg = &g_array_index (self->others, AlvhLeg, i);
      double qty = alvh_leg_open_quantity (leg);
      AlvhGreeks g;

      if (qty <= 0.0)
        continue;
      alvh_other_leg_greeks (leg, m, &g);
      if (leg->kind == ALVH_LEG_VIX_PUT)
        {
          has_vix_legs = TRUE;
          out->vix_delta += qty * g.delta;
          out->vix_vega += qty * g.vega;
          out->vix_theta += qty * g.theta;
        }
      else
        {
          out->spx_delta += qty * g.delta;
          out->spx_gamma += qty * g.gamma;
          out->spx_theta += qty * g.theta;
          out->spx_vega += qty * g.vega;
        }
    }
  if (has_vix_legs)
    out->vix_delta_spx = out->vix_delta * m->beta * m->vix / s;
  out->total_delta = out->spx_delta + out->vix_delta_spx;
  out->delta_per_unit = out->condor_units > 0.0 ? out->total_delta / out->condor_units : NAN;
}

void
alvh_book_mark (AlvhBook              *self,
                const AlvhMarketState *m,
                AlvhBookMark          *out)
{
  const double mult = m->multiplier > 0.0 ? m->multiplier : 100.0;

  memset (out, 0, sizeof *out);
  for (guint i = 0; i < self->condors->len; i++)
    {
      const AlvhCondor *c = &g_array_index (self->condors, AlvhCondor, i);
      double t = years_between (m->time, c->expiry);

      out->condor_value += alvh_condor_value (c, m->spx, t, m->iv, m->rate, m->div_yield) * c->units * mult;
      out->condor_credit += c->credit * c->units * mult;
    }
  for (guint i = 0; i < self->legs->len; i++)
    {
      const AlvhLeg *leg = &g_array_index (self->legs, AlvhLeg, i);
      double qty = alvh_leg_open_quantity (leg);
      double t;

      if (qty <= 0.0)
        continue;
      t = years_between (m->time, leg->expiry);
      out->hedge_value += alvh_leg_value (leg, alvh_market_state_vix_forward (m, leg->expiry),
                                          t, m->vix_vol, m->rate) * qty * mult;
      out->hedge_premium += leg->premium * qty * mult;
    }
  /* the other legs after the VIX hedges, in the hedges' money */
  for (guint i = 0; i < self->others->len; i++)
    {
      const AlvhLeg *leg = &g_array_index (self->others, AlvhLeg, i);
      double qty = alvh_leg_open_quantity (leg);

      if (qty <= 0.0)
        continue;
      out->hedge_value += alvh_other_leg_value (leg, m) * qty * mult;
      out->hedge_premium += leg->premium * qty * mult;
    }
  out->condor_pnl = out->condor_credit - out->condor_value;
  out->hedge_pnl = out->hedge_value - out->hedge_premium;
  out->total_pnl = out->condor_pnl + out->hedge_pnl;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
expiry_pnl_points (AlvhBook *self,
                   double    s)
{
  double sum = 0.0;

  for (guint i = 0; i < self->condors->len; i++)
    {
      const AlvhCondor *c = &g_array_index (self->condors, AlvhCondor, i);
      sum += (c->credit - alvh_condor_intrinsic (c, s)) * c->units;
    }
  return sum;
}

guint
alvh_book_break_evens (AlvhBook *self,
                       double   *out,
                       guint     max)
{
  g_autoptr(GArray) xs = g_array_new (FALSE, FALSE, sizeof (double));
  double zero = 0.0;
  guint n = 0;

  if (self->condors->len == 0)
    return 0;
  g_array_append_val (xs, zero);
  for (guint i = 0; i < self->condors->len; i++)
    {
      const AlvhCondor *c = &g_array_index (self->condors, AlvhCondor, i);
      g_array_append_val (xs, c->long_put);
      g_array_append_val (xs, c->short_put);
      g_array_append_val (xs, c->short_call);
      g_array_append_val (xs, c->long_call);
    }
  g_array_sort (xs, compare_doubles);

  for (guint i = 0; i + 1 < xs->len && n < max; i++)
    {
      double a = g_array_index (xs, double, i), b = g_array_index (xs, double, i + 1);
      double fa = expiry_pnl_points (self, a), fb = expiry_pnl_points (self, b);

      if (b <= a)
        continue;
      if (fa == 0.0 && (n == 0 || out[n - 1] != a) && a > 0.0)
        out[n++] = a;
      else if ((fa < 0.0 && fb > 0.0) || (fa > 0.0 && fb < 0.0))
        out[n++] = a - fa * (b - a) / (fb - fa);
    }
  return n;
}

/* Total P&L points x units of the book (condors + hedges) at time `when`
 * with SPX at s2; VIX and F moved by exp(beta ln(s2 / S)). */
static double
book_pnl_at (AlvhBook              *self,
             const AlvhMarketState *m,
             gint64                 when,
             double                 s2)
{
  double factor = isfinite (m->beta) ? exp (m->beta * log (s2 / m->spx)) : 1.0;
  double sum = 0.0;

  for (guint i = 0; i < self->condors->len; i++)
    {
      const AlvhCondor *c = &g_array_index (self->condors, AlvhCondor, i);
      double t = years_between (when, c->expiry);
      double v = t > 0.0 ? alvh_condor_value (c, s2, t, m->iv, m->rate, m->div_yield)
                         : alvh_condor_intrinsic (c, s2);

      sum += (c->credit - v) * c->units;
    }
  for (guint i = 0; i < self->legs->len; i++)
    {
      const AlvhLeg *leg = &g_array_index (self->legs, AlvhLeg, i);
      double qty = alvh_leg_open_quantity (leg);
      double t;

      if (qty <= 0.0)
        continue;
      t = years_between (when, leg->expiry);
      sum += (alvh_leg_value (leg, alvh_market_state_vix_forward (m, leg->expiry) * factor,
                              t, m->vix_vol, m->rate) - leg->premium) * qty;
    }
  return sum;
}

void
alvh_book_payoff (AlvhBook              *self,
                  const AlvhMarketState *m,
                  const double          *spx,
                  gsize                  n,
                  double                *at_expiry,
                  double                *today)
{
  const double mult = m->multiplier > 0.0 ? m->multiplier : 100.0;
  gint64 first_expiry = G_MAXINT64;

  for (guint i = 0; i < self->condors->len; i++)
    first_expiry = MIN (first_expiry, g_array_index (self->condors, AlvhCondor, i).expiry);
  if (first_expiry == G_MAXINT64)
    first_expiry = m->time;

  for (gsize j = 0; j < n; j++)
    {
      if (at_expiry != NULL)
        at_expiry[j] = book_pnl_at (self, m, first_expiry, spx[j]) * mult;
      if (today != NULL)
        today[j] = book_pnl_at (self, m, m->time, spx[j]) * mult;
    }
}

/* The other legs' share of one coverage row: their P&L at the row's SPX,
 * VIX and futures moved by @factor, the SPX vol kept. */
static void
other_legs_coverage (AlvhBook              *self,
                     const AlvhMarketState *m,
                     double                 factor,
                     AlvhHedgeCoverage     *row)
{
  const double mult = m->multiplier > 0.0 ? m->multiplier : 100.0;
  AlvhMarketState at = *m;

  at.spx = row->spx;
  at.vix = m->vix * factor;
  at.vx1 = m->vx1 * factor;
  for (guint j = 0; j < ALVH_VX_TERMS; j++)
    at.vx[j] = m->vx[j] * factor;
  for (guint i = 0; i < self->others->len; i++)
    {
      const AlvhLeg *leg = &g_array_index (self->others, AlvhLeg, i);
      double qty = alvh_leg_open_quantity (leg) * mult;

      if (qty <= 0.0)
        continue;
      /* the leg's P&L there less its P&L now, each as the mark has it */
      row->hedge_pnl += (alvh_other_leg_value (leg, &at) - leg->premium) * qty
                        - (alvh_other_leg_value (leg, m) - leg->premium) * qty;
    }
  row->coverage = -row->condor_pnl > 0.0 ? row->hedge_pnl / -row->condor_pnl : NAN;
}

void
alvh_book_hedge_coverage (AlvhBook              *self,
                          const AlvhMarketState *m,
                          AlvhHedgeCoverage      out[3])
{
  const double mult = m->multiplier > 0.0 ? m->multiplier : 100.0;
  gint64 first_expiry = G_MAXINT64;
  double t, sd;

  for (guint i = 0; i < self->condors->len; i++)
    first_expiry = MIN (first_expiry, g_array_index (self->condors, AlvhCondor, i).expiry);
  t = first_expiry == G_MAXINT64 ? 30.0 / 365.0 : MAX (years_between (m->time, first_expiry), 1.0 / 365.0);
  sd = m->spx * m->iv * sqrt (t);

  for (guint k = 0; k < 3; k++)
    {
      double s2 = m->spx - (k + 1) * sd;
      double factor = isfinite (m->beta) ? exp (m->beta * log (s2 / m->spx)) : 1.0;
      double condor = 0.0, hedge = 0.0;

      for (guint i = 0; i < self->condors->len; i++)
        {
          const AlvhCondor *c = &g_array_index (self->condors, AlvhCondor, i);
          double tc = years_between (m->time, c->expiry);
          double v0 = alvh_condor_value (c, m->spx, tc, m->iv, m->rate, m->div_yield);
          double v1 = alvh_condor_value (c, s2, tc, m->iv, m->rate, m->div_yield);

          condor -= (v1 - v0) * c->units;
        }
      for (guint i = 0; i < self->legs->len; i++)
        {
          const AlvhLeg *leg = &g_array_index (self->legs, AlvhLeg, i);
          double qty = alvh_leg_open_quantity (leg);
          double tl = years_between (m->time, leg->expiry);
          double f = alvh_market_state_vix_forward (m, leg->expiry);

          if (qty <= 0.0)
            continue;
          hedge += (alvh_leg_value (leg, f * factor, tl, m->vix_vol, m->rate)
                    - alvh_leg_value (leg, f, tl, m->vix_vol, m->rate)) * qty;
        }
      out[k].n_sd = k + 1;
      out[k].spx = s2;
      out[k].vix = m->vix * factor;
      out[k].condor_pnl = condor * mult;
      out[k].hedge_pnl = hedge * mult;
      out[k].coverage = condor < 0.0 ? hedge / -condor : NAN;
      if (self->others->len > 0)
        other_legs_coverage (self, m, factor, &out[k]);
    }
}

/**
 * alvh_hedge_coverage_dup_text:
 * @coverage: a coverage from alvh_book_hedge_coverage()
 *
 * Returns: (transfer full): the coverage and the hedges' P&L there,
 *   "25% (hedges $155)", or "n/a (hedges $0)" when the condors do not lose
 */
char *
alvh_hedge_coverage_dup_text (const AlvhHedgeCoverage *coverage)
{
  g_autofree char *hedge = NULL;
  g_autofree char *pct = NULL;

  g_return_val_if_fail (coverage != NULL, NULL);
  hedge = alvh_format_money (coverage->hedge_pnl, ALVH_MONEY_WHOLE);
  if (!isfinite (coverage->coverage))
    return g_strdup_printf (_("n/a (hedges %s)"), hedge);
  pct = alvh_format_percent (coverage->coverage, 0, ALVH_FORMAT_SCREEN);
  /* Translators: a coverage percentage and the hedges' P&L there */
  return g_strdup_printf (_("%s (hedges %s)"), pct, hedge);
}
