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

/* erfcx(u) = exp(u^2) erfc(u), relative error below 2e-16 (alvh-pricing-erfcx.c).
 * Estrin's scheme: the polynomial's latency is 4 multiply-adds, not 9. */
static inline double
alvh_erfcx (double u)
{
  if (u >= 0.0 && u < 0.125 * ALVH_ERFCX_TAB_N)
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
  double dr, dq;  /* e^{-rt}, e^{-qt} (Black-76: dq = dr) */
  double drift;   /* ln(F/S) = (r - q) t (Black-76: 0) */
  double fwd;     /* F/S = dq/dr (Black-76: 1) */
} AlvhExpiryTerms;

G_GNUC_INTERNAL void   alvh_expiry_terms_init (AlvhExpiryTerms *e, AlvhPricingModel model,
                                               double t, double r, double q);
G_GNUC_INTERNAL void   alvh_greeks_with_terms (const AlvhExpiryTerms *e, AlvhOptionType type,
                                               double underlying, double k, double vol,
                                               AlvhGreeks *out);
G_GNUC_INTERNAL double alvh_log_moneyness (double f, double k);
G_GNUC_INTERNAL double alvh_implied_s_otm (double x, double beta, double b_max);
G_GNUC_INTERNAL AlvhIvStatus alvh_implied_s_quote (AlvhOptionType type, double price, double f,
                                                   double k, double df, double *s_out,
                                                   double *lower_out, double *upper_out);

G_END_DECLS
