/* alvh-option-chain.h — an option chain snapshot (Cboe delayed quotes "Download CSV")
 *
 * The Cboe file: an empty line, "NAME,Last: S,Change: X", "\"Date: January 6, 2025
 * at 9:26 PM EST\",Bid: ...,Ask: ...", then the header starting with
 * "Expiration Date" and one row per (expiry, strike) with the call on the left
 * and the put on the right (22 columns).
 *
 * Times are UTC seconds.  An expiry is taken at 16:00 New York on its date
 * (SPX AM settlement of the third-Friday contracts is ignored).  Rows are
 * sorted by expiry, then strike.
 *
 * Our own IV and greeks are Black-Scholes from the mid quote with rate r and
 * either a dividend yield q, or (q = NAN, the default) the forward implied by
 * put-call parity at the strike where call and put mids are closest, per
 * expiry, which is how Cboe's printed IVs behave.
 */
#pragma once

#include <glib-object.h>

#include "alvh-pricing.h"

G_BEGIN_DECLS

#define ALVH_OPTION_CHAIN_ERROR (alvh_option_chain_error_quark ())

/**
 * alvh_option_chain_error_quark:
 * Returns: the error domain %ALVH_OPTION_CHAIN_ERROR
 */
GQuark alvh_option_chain_error_quark (void);

typedef enum
{
  ALVH_OPTION_CHAIN_ERROR_FORMAT,   /* not a Cboe chain: preamble or header */
  ALVH_OPTION_CHAIN_ERROR_VALUE,    /* a field does not hold what was expected */
  ALVH_OPTION_CHAIN_ERROR_EMPTY,    /* no rows */
  ALVH_OPTION_CHAIN_ERROR_NO_DATA,  /* no usable quotes for what was asked */
  ALVH_OPTION_CHAIN_ERROR_RANGE,    /* a time outside the chain's expiries */
} AlvhOptionChainError;

typedef struct
{
  double last, net, bid, ask;
  double mid;            /* (bid + ask) / 2 when bid > 0 and ask >= bid, else NAN */
  double volume, open_interest;
  double cboe_iv, cboe_delta, cboe_gamma;  /* as printed (0 when Cboe has none) */
  /* ours, from alvh_option_chain_compute(); NAN when the mid is missing or
   * outside the no-arbitrage bounds, or the option has expired */
  double iv;
  double delta, gamma, theta, vega;
} AlvhOptionQuote;

typedef struct
{
  gint64          expiry;       /* 16:00 New York on the expiration date */
  double          strike;
  gboolean        pm_settled;   /* SPXW (PM) rather than SPX (AM) contracts */
  AlvhOptionQuote call;
  AlvhOptionQuote put;
} AlvhOptionChainRow;

typedef struct
{
  gint64   expiry;
  gboolean pm_settled;
  guint    first_row, n_rows;
  double t;          /* years from the valuation time (calendar days / 365) */
  double forward;    /* the forward used: parity-implied or S e^{(r-q)t}; NAN if none */
  double atm_iv;     /* ATM IV interpolated in strike at the forward; NAN if none */
} AlvhOptionChainExpiry;

typedef struct _AlvhOptionChain AlvhOptionChain;

/**
 * alvh_option_chain_get_type:
 * Returns: the boxed type of #AlvhOptionChain
 */
GType             alvh_option_chain_get_type        (void) G_GNUC_CONST;
#define ALVH_TYPE_OPTION_CHAIN (alvh_option_chain_get_type ())

/**
 * alvh_option_chain_parse_cboe_csv:
 * @name: (nullable): the name for error messages, e.g. the file's name
 * @data: (array length=len): the text of a Cboe delayed quotes download
 * @len: the length of @data in bytes
 * @error: return location for an error, with "NAME:LINE:COLUMN: ..." messages
 *
 * Parses a Cboe delayed quotes option chain (the underlying's price and
 * quote time, then one row per expiration and strike with the call and the
 * put) and computes forwards and IVs at a 4 % rate.
 *
 * Returns: (transfer full) (nullable): the chain, or %NULL with @error set
 */
AlvhOptionChain  *alvh_option_chain_parse_cboe_csv  (const char       *name,
                                                     const char       *data,
                                                     gsize             len,
                                                     GError          **error);

/**
 * alvh_option_chain_load_cboe_csv:
 * @path: a Cboe delayed quotes download
 * @error: return location for an error
 *
 * Reads @path with alvh_option_chain_parse_cboe_csv(), named by its basename.
 *
 * Returns: (transfer full) (nullable): the chain, or %NULL with @error set
 */
AlvhOptionChain  *alvh_option_chain_load_cboe_csv   (const char       *path,
                                                     GError          **error);

/**
 * alvh_option_chain_new_from_rows:
 * @name: (nullable): the name for messages
 * @underlying: (nullable): the underlying's name
 * @spot: the underlying's price
 * @quote_time: when the quotes were taken, Unix seconds
 * @rows: (array length=n_rows): rows with their quotes (bid, ask, last,
 *   volume, open interest and Cboe's columns; mids and our columns are
 *   recomputed)
 * @n_rows: the number of rows
 *
 * Builds a chain from stored rows, sorted and computed as a parsed download
 * is (r = 0.04, parity-implied forwards, the default valuation time).
 *
 * Returns: (transfer full): the chain
 */
AlvhOptionChain  *alvh_option_chain_new_from_rows   (const char               *name,
                                                     const char               *underlying,
                                                     double                    spot,
                                                     gint64                    quote_time,
                                                     const AlvhOptionChainRow *rows,
                                                     gsize                     n_rows);

/**
 * alvh_option_chain_get_session_date:
 * @self: a chain
 *
 * The NYSE session the quotes belong to: the last one closed at or before
 * the quote time (a Sunday 2023-08-20 download holds 2023-08-18 quotes).
 *
 * Returns: that day at 00:00 New York, Unix seconds
 */
gint64            alvh_option_chain_get_session_date (AlvhOptionChain *self);

/**
 * alvh_option_chain_ref:
 * @self: a chain
 *
 * Returns: (transfer full): @self with one more reference
 */
AlvhOptionChain  *alvh_option_chain_ref             (AlvhOptionChain  *self);

/**
 * alvh_option_chain_unref:
 * @self: (transfer full): a chain
 *
 * Drops a reference; the last one frees the chain.
 */
void              alvh_option_chain_unref           (AlvhOptionChain  *self);

/**
 * alvh_option_chain_get_underlying_name:
 * @self: a chain
 *
 * Returns: (transfer none): the underlying's name as the file gives it
 */
const char       *alvh_option_chain_get_underlying_name (AlvhOptionChain *self);

/**
 * alvh_option_chain_get_spot:
 * @self: a chain
 *
 * Returns: the underlying's last price
 */
double            alvh_option_chain_get_spot        (AlvhOptionChain  *self);

/**
 * alvh_option_chain_get_quote_time:
 * @self: a chain
 *
 * Returns: the time printed in the file ("Date: ... at 9:26 PM EST")
 */
gint64            alvh_option_chain_get_quote_time  (AlvhOptionChain  *self);

/**
 * alvh_option_chain_get_valuation_time:
 * @self: a chain
 *
 * The time our IVs are computed at (that of the last
 * alvh_option_chain_compute()).  By default the quote time when that is a
 * weekday (SPX quotes are live in Cboe's global trading hours), else 16:00
 * New York of the Friday before (a weekend download holds closing quotes).
 *
 * Returns: the valuation time in Unix seconds
 */
gint64            alvh_option_chain_get_valuation_time (AlvhOptionChain *self);

/**
 * alvh_option_chain_get_n_rows:
 * @self: a chain
 *
 * Returns: the number of rows (one per expiry and strike)
 */
gsize             alvh_option_chain_get_n_rows      (AlvhOptionChain  *self);

/**
 * alvh_option_chain_get_row:
 * @self: a chain
 * @i: a row index below alvh_option_chain_get_n_rows()
 *
 * Returns: (transfer none): the row, sorted by expiry, AM before PM, strike
 */
const AlvhOptionChainRow *alvh_option_chain_get_row (AlvhOptionChain  *self,
                                                     gsize             i);

/**
 * alvh_option_chain_get_n_expiries:
 * @self: a chain
 *
 * Returns: the number of expiries (AM and PM settled apart)
 */
guint             alvh_option_chain_get_n_expiries  (AlvhOptionChain  *self);

/**
 * alvh_option_chain_get_expiry:
 * @self: a chain
 * @i: an expiry index below alvh_option_chain_get_n_expiries()
 *
 * Returns: (transfer none): the expiry with its rows, forward and ATM IV
 */
const AlvhOptionChainExpiry *alvh_option_chain_get_expiry (AlvhOptionChain *self,
                                                     guint             i);

/**
 * alvh_option_chain_compute:
 * @self: a chain
 * @r: the risk-free rate, a fraction
 * @q: the dividend yield, or NAN for the parity-implied forward per expiry
 * @valuation_time: Unix seconds, or 0 for the default (see
 *   alvh_option_chain_get_valuation_time())
 *
 * Fills our IV and greeks for every row and the per-expiry forward and ATM
 * IV.  It changes the chain in place: call it before sharing the chain
 * between threads.  Loading computes with @r = 0.04 and @q = NAN.
 */
void              alvh_option_chain_compute         (AlvhOptionChain  *self,
                                                     double            r,
                                                     double            q,
                                                     gint64            valuation_time);

/**
 * alvh_option_chain_atm_iv:
 * @self: a chain
 * @target_expiry_time: the expiry wanted, Unix seconds
 * @error: return location for an error
 *
 * The expiry's own ATM IV when @target_expiry_time is one of the chain's
 * expiries, else interpolated linearly in total variance (iv² t) between
 * the two expiries around it.
 *
 * Returns: the IV, or NAN with %ALVH_OPTION_CHAIN_ERROR_RANGE outside the
 *   first and last expiries that have an ATM IV
 */
double            alvh_option_chain_atm_iv          (AlvhOptionChain  *self,
                                                     gint64            target_expiry_time,
                                                     GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AlvhOptionChain, alvh_option_chain_unref)

G_END_DECLS
