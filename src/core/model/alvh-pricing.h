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

/**
 * alvh_pricing_error_quark:
 * Returns: the error domain %ALVH_PRICING_ERROR
 */
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

/**
 * alvh_bs_price:
 * @type: call or put
 * @s: the spot price
 * @k: the strike
 * @t: years to expiry (calendar days / 365)
 * @vol: annualised volatility as a fraction
 * @r: the continuously compounded rate
 * @q: the continuous dividend yield
 *
 * The Black-Scholes-Merton price of a European option, without greeks.
 *
 * Returns: the price
 */
double   alvh_bs_price        (AlvhOptionType type, double s, double k, double t,
                               double vol, double r, double q);

/**
 * alvh_black76_price:
 * @type: call or put
 * @f: the forward (the VIX future's price)
 * @k: the strike
 * @t: years to expiry (calendar days / 365)
 * @vol: annualised volatility as a fraction
 * @r: the continuously compounded rate the price is discounted at
 *
 * The Black-76 price of an option on a future, without greeks.
 *
 * Returns: the price
 */
double   alvh_black76_price   (AlvhOptionType type, double f, double k, double t,
                               double vol, double r);

/**
 * alvh_bs_greeks:
 * @type: call or put
 * @s: the spot price
 * @k: the strike
 * @t: years to expiry (calendar days / 365)
 * @vol: annualised volatility as a fraction
 * @r: the continuously compounded rate
 * @q: the continuous dividend yield
 * @out: (out caller-allocates): the price and greeks
 *
 * At @t <= 0 or @vol <= 0 the option is worth its discounted intrinsic value
 * and the greeks are those of the limit.
 */
void     alvh_bs_greeks       (AlvhOptionType type, double s, double k, double t,
                               double vol, double r, double q, AlvhGreeks *out);

/**
 * alvh_black76_greeks:
 * @type: call or put
 * @f: the forward (the VIX future's price)
 * @k: the strike
 * @t: years to expiry (calendar days / 365)
 * @vol: annualised volatility as a fraction
 * @r: the continuously compounded rate the price is discounted at
 * @out: (out caller-allocates): the price and greeks
 *
 * At @t <= 0 or @vol <= 0 the option is worth its discounted intrinsic value
 * and the greeks are those of the limit.
 */
void     alvh_black76_greeks  (AlvhOptionType type, double f, double k, double t,
                               double vol, double r, AlvhGreeks *out);

/**
 * alvh_black76_delta:
 * @type: call or put
 * @f: the forward (the VIX future's price)
 * @k: the strike
 * @t: years to expiry (calendar days / 365)
 * @vol: annualised volatility as a fraction
 * @r: the continuously compounded rate the price is discounted at
 *
 * Returns: the delta of alvh_black76_greeks(), without the other greeks
 */
double   alvh_black76_delta   (AlvhOptionType type, double f, double k, double t,
                               double vol, double r);

/**
 * alvh_option_greeks:
 * @model: Black-Scholes or Black-76
 * @type: call or put
 * @underlying: S for Black-Scholes, F for Black-76
 * @k: the strike
 * @t: years to expiry
 * @vol: annualised volatility as a fraction
 * @r: the rate
 * @q: the dividend yield (ignored by Black-76)
 * @out: (out caller-allocates): the price and greeks
 *
 * Calls alvh_bs_greeks() or alvh_black76_greeks().
 */
void     alvh_option_greeks   (AlvhPricingModel model, AlvhOptionType type,
                               double underlying, double k, double t, double vol,
                               double r, double q, AlvhGreeks *out);

/**
 * alvh_implied_vol:
 * @model: Black-Scholes or Black-76
 * @type: call or put
 * @price: the option's price
 * @underlying: S for Black-Scholes, F for Black-76
 * @k: the strike
 * @t: years to expiry
 * @r: the rate
 * @q: the dividend yield (ignored by Black-76)
 * @vol_out: (out): the implied volatility
 * @error: return location for an error
 *
 * Converges for every price strictly inside the no-arbitrage bounds
 * (relative price error <= 1e-10).
 *
 * Returns: %TRUE on success; %FALSE with %ALVH_PRICING_ERROR_BELOW_INTRINSIC
 *   or %ALVH_PRICING_ERROR_ABOVE_MAXIMUM (the message naming the bound),
 *   %ALVH_PRICING_ERROR_INVALID or %ALVH_PRICING_ERROR_NO_CONVERGENCE
 */
gboolean alvh_implied_vol     (AlvhPricingModel model, AlvhOptionType type,
                               double price, double underlying, double k, double t,
                               double r, double q, double *vol_out, GError **error);

/**
 * alvh_bs_strike_for_delta:
 * @type: call or put
 * @abs_delta: the absolute delta wanted, between 0 and 1
 * @s: the spot price
 * @t: years to expiry
 * @vol: annualised volatility as a fraction
 * @r: the rate
 * @q: the dividend yield
 *
 * Used to place the condor's short strikes.
 *
 * Returns: the Black-Scholes strike whose |delta| equals @abs_delta
 */
double   alvh_bs_strike_for_delta (AlvhOptionType type, double abs_delta, double s, double t,
                                   double vol, double r, double q);

/**
 * AlvhChainExpiry:
 * @model: Black-Scholes or Black-76
 * @underlying: S for Black-Scholes, F for Black-76
 * @t: years to expiry (calendar days / 365)
 * @r: the continuously compounded rate
 * @q: the continuous dividend yield (ignored by Black-76)
 *
 * One expiry of an option chain: what all its legs share.  The chain
 * functions compute the discount factors, sqrt(t) and the forward once for
 * all of them.
 */
typedef struct
{
  AlvhPricingModel model;
  double underlying;
  double t;
  double r;
  double q;
} AlvhChainExpiry;

/**
 * AlvhIvStatus:
 * @ALVH_IV_OK: solved
 * @ALVH_IV_INVALID: non-finite or non-positive inputs
 * @ALVH_IV_BELOW_INTRINSIC: the price is not above the discounted intrinsic value
 * @ALVH_IV_ABOVE_MAXIMUM: the price is not below the discounted forward (call) or strike (put)
 * @ALVH_IV_NO_CONVERGENCE: the search did not converge
 *
 * Why alvh_chain_implied_vol() found no volatility for a quote; the same
 * cases as the #AlvhPricingError of alvh_implied_vol().
 */
typedef enum
{
  ALVH_IV_OK,
  ALVH_IV_INVALID,
  ALVH_IV_BELOW_INTRINSIC,
  ALVH_IV_ABOVE_MAXIMUM,
  ALVH_IV_NO_CONVERGENCE,
} AlvhIvStatus;

/**
 * alvh_chain_greeks:
 * @expiry: the expiry the legs share
 * @n: the number of legs
 * @types: (array length=n): call or put of each leg
 * @strikes: (array length=n): the strikes
 * @vols: (array length=n): annualised volatilities as fractions
 * @out: (out caller-allocates) (array length=n): the price and greeks of each leg
 *
 * The price and greeks of @n legs of one expiry, each equal to
 * alvh_option_greeks() on it within 1e-13 relative (price) and the same for
 * each greek, at about half its cost per leg.
 */
void     alvh_chain_greeks        (const AlvhChainExpiry *expiry, gsize n,
                                   const AlvhOptionType *types, const double *strikes,
                                   const double *vols, AlvhGreeks *out);

/**
 * alvh_chain_implied_vol:
 * @expiry: the expiry the quotes share
 * @n: the number of quotes
 * @types: (array length=n): call or put of each quote
 * @strikes: (array length=n): the strikes
 * @prices: (array length=n): the option prices
 * @vols_out: (out caller-allocates) (array length=n): the implied volatilities,
 *   NAN where there is none
 * @status_out: (out caller-allocates) (array length=n) (nullable): why a
 *   quote has none, %ALVH_IV_OK where it has one
 *
 * The implied volatilities of @n quotes of one expiry: the same numbers as
 * alvh_implied_vol() quote by quote, without its per-quote set-up and
 * error messages.
 *
 * Returns: the number of quotes solved
 */
gsize    alvh_chain_implied_vol   (const AlvhChainExpiry *expiry, gsize n,
                                   const AlvhOptionType *types, const double *strikes,
                                   const double *prices, double *vols_out,
                                   AlvhIvStatus *status_out);

G_END_DECLS
