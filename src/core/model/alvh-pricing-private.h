/* alvh-pricing-private.h — internals shared by alvh-pricing.c and alvh-pricing-batch.c
 *
 * Not installed, not part of the API.
 */
#pragma once

#include <math.h>

#include "alvh-pricing.h"

G_BEGIN_DECLS

#define ALVH_ERFCX_TAB_N   64
#define ALVH_ERFCX_TAB_DEG 9

G_GNUC_INTERNAL extern const double alvh_erfcx_tab[ALVH_ERFCX_TAB_N][ALVH_ERFCX_TAB_DEG + 1];

G_GNUC_INTERNAL double alvh_erfcx_slow (double u);

/* erfcx(u) = exp(u^2) erfc(u) for 0 <= u < ALVH_ERFCX_TAB_N / 8, from the
 * table: relative error below 2e-16 (alvh-pricing-erfcx.c).  Estrin's
 * scheme: the polynomial's latency is 4 multiply-adds, not 9. */
static inline double
alvh_erfcx_tab_eval (double u)
{
  double y = 8.0 * u;
  int i = (int) y;
  double z = y - ((double) i + 0.5);
  const double *c = alvh_erfcx_tab[i];
  double z2 = z * z, z4 = z2 * z2, z8 = z4 * z4;
  double p01 = c[0] + c[1] * z, p23 = c[2] + c[3] * z;
  double p45 = c[4] + c[5] * z, p67 = c[6] + c[7] * z;
  double p89 = c[8] + c[9] * z;
  double p03 = p01 + p23 * z2, p47 = p45 + p67 * z2;

  return (p03 + p47 * z4) + p89 * z8;
}

/* erfcx(u) = exp(u^2) erfc(u) for any u: the table where it reaches */
static inline double
alvh_erfcx (double u)
{
  if (u >= 0.0 && u < 0.125 * ALVH_ERFCX_TAB_N)
    return alvh_erfcx_tab_eval (u);
  return alvh_erfcx_slow (u);
}

/* exp(-d^2/2) to about an ulp: d^2 = hi + lo exactly (Dekker's product),
 * then exp(-hi/2) (1 - lo/2), so the rounding of d^2 does not cost d^2/2 ulp. */
static inline double
alvh_exp_neg_half_sq (double d)
{
  double hi = d * d;
  double c = 134217729.0 * d; /* 2^27 + 1 */
  double dh = c - (c - d), dl = d - dh;
  double lo = ((dh * dh - hi) + 2.0 * dh * dl) + dl * dl;

  return exp (-0.5 * hi) * (1.0 - 0.5 * lo);
}

/* The terms of one expiry that every leg of it shares. */
typedef struct
{
  AlvhPricingModel model;
  double t, sqt, r, q;
  double half_inv_sqt; /* 1/(2 sqrt t) */
  double dr, dq;  /* e^{-rt}, e^{-qt} (Black-76: dq = dr) */
  double drift;   /* ln(F/S) = (r - q) t (Black-76: 0) */
  double fwd;     /* F/S = dq/dr (Black-76: 1) */
} AlvhExpiryTerms;


/* ln(F/K), accurate also when F and K are close (F - K is then exact). */
static inline double
alvh_log_moneyness (double f, double k)
{
  double d = f - k;

  if (fabs (d) < 0.25 * k)
    return log1p (d / k);
  return log (f / k);
}

G_GNUC_INTERNAL double alvh_black_undiscounted (AlvhOptionType type, double f, double k, double s);

/* The greeks from N(theta d1), N(theta d2), phi(d1) and the undiscounted
 * price v: all five, or with @full FALSE the price, delta and theta only
 * (gamma, vega and rho not set; a constant, so that inlined the others cost
 * nothing). */
static inline void
alvh_greeks_from_terms (const AlvhExpiryTerms *e, double theta_sign, double und, double k,
                        double vol, double inv_sig, double nd1, double nd2, double pdf1, double v,
                        gboolean full, AlvhGreeks *out)
{
  const double per_day = 1.0 / 365.0;
  double price = e->dr * v;

  out->price = price;
  if (e->model == ALVH_MODEL_BLACK_76)
    {
      out->delta = theta_sign * e->dr * nd1;
      /* theta = -dP/dt with F fixed: r P - D F phi(d1) vol / (2 sqrt t) */
      out->theta = (e->r * price - e->dr * und * pdf1 * vol * e->half_inv_sqt) * per_day;
      if (full)
        {
          out->gamma = e->dr * pdf1 * inv_sig / und;
          out->vega = und * e->dr * pdf1 * e->sqt * 0.01;
          out->rho = -e->t * price * 0.01;
        }
    }
  else
    {
      out->delta = theta_sign * e->dq * nd1;
      out->theta = (-und * e->dq * pdf1 * vol * e->half_inv_sqt
                    - theta_sign * e->r * k * e->dr * nd2
                    + theta_sign * e->q * und * e->dq * nd1) * per_day;
      if (full)
        {
          out->gamma = e->dq * pdf1 * inv_sig / und;
          out->vega = und * e->dq * pdf1 * e->sqt * 0.01;
          out->rho = theta_sign * k * e->t * e->dr * nd2 * 0.01;
        }
    }
}

/* d1 of a leg (t > 0, vol > 0) from x = ln(S/K) + (r - q) t: no serial
 * exp -> F -> log chain, and 1/sig is computed beside the log. */
static inline double
alvh_leg_d1 (const AlvhExpiryTerms *e, double und, double k, double vol, double *inv_sig)
{
  double sig = vol * e->sqt;

  *inv_sig = 1.0 / sig;
  return (alvh_log_moneyness (und, k) + e->drift) * *inv_sig + 0.5 * sig;
}

/* Price and greeks of a leg from d1 and g1 = e^{-d1^2/2}: the same exp
 * gives phi(d1) and both normal tails (e^{-d2^2/2} = g1 F/K), the tails come
 * from the tabled erfcx.  When the two terms of the price cancel (out of
 * the money) it is their difference F g1 [erfcx(u1) - erfcx(u2)]/2, without
 * the rounding of either term, or for a total volatility below 0.03 the
 * normalised Black function with its Taylor series.  Returns FALSE, with
 * @out untouched, beyond the table (|d| >= 8 sqrt2).  @full: as
 * alvh_greeks_from_terms (). */
static inline gboolean
alvh_leg_greeks (const AlvhExpiryTerms *e, AlvhOptionType type, double und, double k,
                 double vol, double d1, double inv_sig, double g1, gboolean full, AlvhGreeks *out)
{
  double th = type == ALVH_OPTION_CALL ? 1.0 : -1.0;
  double sig = vol * e->sqt;
  double d2 = d1 - sig;
  double f = und * e->fwd;
  double u1 = fabs (d1) * 0.70710678118654752440, u2 = fabs (d2) * 0.70710678118654752440;
  double e1, e2, t1, t2, nd1, nd2, a, b, v;

  if (!(u1 < 0.125 * ALVH_ERFCX_TAB_N && u2 < 0.125 * ALVH_ERFCX_TAB_N))
    return FALSE;
  /* u1, u2 >= 0 (|d| scaled), and within the table: checked above */
  e1 = alvh_erfcx_tab_eval (u1);
  e2 = alvh_erfcx_tab_eval (u2);
  t1 = 0.5 * g1 * e1;           /* Phi(-|d1|) */
  t2 = 0.5 * (g1 * f / k) * e2; /* Phi(-|d2|) */
  nd1 = th * d1 <= 0.0 ? t1 : 1.0 - t1;
  nd2 = th * d2 <= 0.0 ? t2 : 1.0 - t2;
  a = f * nd1;
  b = k * nd2;
  v = th * (a - b);
  if (!(v > (1.0 / 64.0) * (th > 0.0 ? a : b)))
    {
      if (th * d1 <= 0.0 && th * d2 <= 0.0 && sig >= 0.03)
        v = th * 0.5 * f * g1 * (e1 - e2);
      else
        v = alvh_black_undiscounted (type, f, k, sig);
    }
  alvh_greeks_from_terms (e, th, und, k, vol, inv_sig, nd1, nd2,
                          0.39894228040143267794 * g1, v, full, out);
  return TRUE;
}

G_GNUC_INTERNAL void   alvh_expiry_terms_init (AlvhExpiryTerms *e, AlvhPricingModel model,
                                               double t, double r, double q);
/* alvh_black76_price () with the expiry's terms given (e->t > 0, vol > 0,
 * Black-76): the same figure, without its exp and sqrt */
static inline double
_alvh_black76_price_at (const AlvhExpiryTerms *e, AlvhOptionType type, double f, double k, double vol)
{
  return e->dr * alvh_black_undiscounted (type, f, k, vol * e->sqt);
}
/* alvh_bs_greeks () of a condor's four legs (puts at kp, kp2, calls at kc,
 * kc2) of one expiry, its terms computed once: the same figures. */
G_GNUC_INTERNAL void   _alvh_bs_greeks_condor (double s, double t, double vol, double r, double q,
                                               double kp, double kc, double kp2, double kc2,
                                               AlvhGreeks *op, AlvhGreeks *oc,
                                               AlvhGreeks *op2, AlvhGreeks *oc2);
G_GNUC_INTERNAL void   alvh_greeks_with_terms (const AlvhExpiryTerms *e, AlvhOptionType type,
                                               double underlying, double k, double vol,
                                               AlvhGreeks *out);
G_GNUC_INTERNAL double alvh_implied_s_otm (double x, double beta, double b_max);
#define ALVH_IV_BLOCK 8
G_GNUC_INTERNAL void   alvh_implied_s_otm_block (gsize n, const double *x, const double *beta,
                                                 const double *b_max, double *s_out);
G_GNUC_INTERNAL AlvhIvStatus alvh_implied_s_prepare (AlvhOptionType type, double price, double f,
                                                     double k, double df, double *x_out,
                                                     double *beta_out, double *b_max_out,
                                                     double *lower_out, double *upper_out);
G_GNUC_INTERNAL AlvhIvStatus alvh_implied_s_quote (AlvhOptionType type, double price, double f,
                                                   double k, double df, double *s_out,
                                                   double *lower_out, double *upper_out);

#define ALVH_CALL_BATCH 8

/* alvh_black76_delta () and the price of n <= ALVH_CALL_BATCH calls (t > 0,
 * vol > 0), in stages so that the calls overlap in the pipeline: their logs,
 * then their exps, then the rest.  One exp and two erfcx give both figures
 * (alvh_leg_greeks ()): the delta is alvh_black76_delta ()'s to the bit, the
 * price agrees with alvh_black76_price () within 1e-13 relative.  Inline,
 * so that a caller that reads only these two figures does not pay for the
 * other greeks. */
static inline void
_alvh_black76_calls_price_delta (guint n, const AlvhExpiryTerms *const *e, const double *f,
                                 const double *k, const double *vol, double *price, double *delta)
{
  double sig[ALVH_CALL_BATCH], d1[ALVH_CALL_BATCH], g1[ALVH_CALL_BATCH];

  g_return_if_fail (n <= ALVH_CALL_BATCH);
  for (guint j = 0; j < n; j++)
    {
      sig[j] = vol[j] * e[j]->sqt;
      d1[j] = (alvh_log_moneyness (f[j], k[j]) + 0.5 * sig[j] * sig[j]) / sig[j];
    }
  for (guint j = 0; j < n; j++)
    g1[j] = alvh_exp_neg_half_sq (d1[j]);
  for (guint j = 0; j < n; j++)
    {
      AlvhGreeks g;

      if (alvh_leg_greeks (e[j], ALVH_OPTION_CALL, f[j], k[j], vol[j], d1[j], 1.0 / sig[j], g1[j], FALSE, &g))
        {
          price[j] = g.price;
          delta[j] = g.delta;
        }
      else
        {
          /* beyond the erfcx table */
          price[j] = alvh_black76_price (ALVH_OPTION_CALL, f[j], k[j], e[j]->t, vol[j], e[j]->r);
          delta[j] = alvh_black76_delta (ALVH_OPTION_CALL, f[j], k[j], e[j]->t, vol[j], e[j]->r);
        }
    }
}

/* _alvh_bs_greeks_condor () with the expiry's terms given (e->t > 0,
 * Black-Scholes): the same figures.  @full FALSE: the price, delta and
 * theta only, as alvh_greeks_from_terms () (except beyond the erfcx table,
 * where all five come). */
static inline void
_alvh_bs_greeks_condor_at (const AlvhExpiryTerms *e, double s, double vol,
                           double kp, double kc, double kp2, double kc2, gboolean full,
                           AlvhGreeks *op, AlvhGreeks *oc, AlvhGreeks *op2, AlvhGreeks *oc2)
{
  if (!(vol > 0.0))
    {
      alvh_bs_greeks (ALVH_OPTION_PUT, s, kp, e->t, vol, e->r, e->q, op);
      alvh_bs_greeks (ALVH_OPTION_CALL, s, kc, e->t, vol, e->r, e->q, oc);
      alvh_bs_greeks (ALVH_OPTION_PUT, s, kp2, e->t, vol, e->r, e->q, op2);
      alvh_bs_greeks (ALVH_OPTION_CALL, s, kc2, e->t, vol, e->r, e->q, oc2);
      return;
    }
  {
    const AlvhOptionType types[4] = { ALVH_OPTION_PUT, ALVH_OPTION_CALL, ALVH_OPTION_PUT, ALVH_OPTION_CALL };
    const double k[4] = { kp, kc, kp2, kc2 };
    AlvhGreeks *out[4] = { op, oc, op2, oc2 };
    double d1[4], inv_sig[4], g1[4];

    /* as alvh_chain_greeks (): the four logs, then the four exps, then the
     * rest, so that the legs overlap in the pipeline (the same figures as
     * four alvh_greeks_with_terms () calls) */
    for (guint j = 0; j < 4; j++)
      d1[j] = alvh_leg_d1 (e, s, k[j], vol, &inv_sig[j]);
    for (guint j = 0; j < 4; j++)
      g1[j] = alvh_exp_neg_half_sq (d1[j]);
    for (guint j = 0; j < 4; j++)
      if (!alvh_leg_greeks (e, types[j], s, k[j], vol, d1[j], inv_sig[j], g1[j], full, out[j]))
        alvh_greeks_with_terms (e, types[j], s, k[j], vol, out[j]);
  }
}

G_END_DECLS
