/* alvh-pricing.h — Black-Scholes-Merton (SPX, European) and Black-76 (VIX options on the future)
 *
 * Conventions (the `alvh price` interface and the spec):
 *   t      time to expiry in years (calendar days / 365)
 *   vol    annualised volatility as a fraction (0.20 = 20 %)
 *   r, q   continuously compounded rate and dividend yield as fractions
 *   theta  change of price per calendar day (negative for a long option, normally)
 *   vega   change of price per 1 volatility point (0.01)
 *   rho    change of price per 1 percentage point of r (0.01)
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ALVH_PRICING_ERROR (alvh_pricing_error_quark ())
GQuark alvh_pricing_error_quark (void);

typedef enum
{
  ALVH_PRICING_ERROR_INVALID,        /* non-finite or out-of-domain inputs */
  ALVH_PRICING_ERROR_BELOW_INTRINSIC, /* price below the no-arbitrage lower bound */
  ALVH_PRICING_ERROR_ABOVE_MAXIMUM,   /* price above the no-arbitrage upper bound */
  ALVH_PRICING_ERROR_NO_CONVERGENCE,
} AlvhPricingError;

typedef enum
{
  ALVH_OPTION_CALL,
  ALVH_OPTION_PUT,
} AlvhOptionType;

typedef enum
{
  ALVH_MODEL_BLACK_SCHOLES, /* underlying = spot S, with r and q */
  ALVH_MODEL_BLACK_76,      /* underlying = forward F, discounted at r */
} AlvhPricingModel;

typedef struct
{
  double price;
  double delta;
  double gamma;
  double theta; /* per calendar day */
  double vega;  /* per vol point */
  double rho;   /* per percentage point */
} AlvhGreeks;

/* Price only (fast path). */
double   alvh_bs_price        (AlvhOptionType type, double s, double k, double t,
                               double vol, double r, double q);
double   alvh_black76_price   (AlvhOptionType type, double f, double k, double t,
                               double vol, double r);

/* Price and all greeks.  At t <= 0 or vol <= 0 the option is worth its
 * (discounted) intrinsic value and greeks are those of the limit. */
void     alvh_bs_greeks       (AlvhOptionType type, double s, double k, double t,
                               double vol, double r, double q, AlvhGreeks *out);
void     alvh_black76_greeks  (AlvhOptionType type, double f, double k, double t,
                               double vol, double r, AlvhGreeks *out);

/* Delta only (the delta of alvh_black76_greeks, without the other greeks). */
double   alvh_black76_delta   (AlvhOptionType type, double f, double k, double t,
                               double vol, double r);

/* Generic entry: `underlying` is S for Black-Scholes, F for Black-76 (q ignored). */
void     alvh_option_greeks   (AlvhPricingModel model, AlvhOptionType type,
                               double underlying, double k, double t, double vol,
                               double r, double q, AlvhGreeks *out);

/* Implied volatility: converges for every price strictly inside the no-arbitrage bounds
 * (relative price error <= 1e-10); fails with BELOW_INTRINSIC / ABOVE_MAXIMUM otherwise,
 * the message naming the bound. */
gboolean alvh_implied_vol     (AlvhPricingModel model, AlvhOptionType type,
                               double price, double underlying, double k, double t,
                               double r, double q, double *vol_out, GError **error);

/* Strike whose |delta| equals `abs_delta` (Black-Scholes), used to place condor shorts. */
double   alvh_bs_strike_for_delta (AlvhOptionType type, double abs_delta, double s, double t,
                                   double vol, double r, double q);

G_END_DECLS
