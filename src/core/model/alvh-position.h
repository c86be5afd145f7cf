/* alvh-position.h — the book: SPX iron condors and VIX hedge legs
 *
 * Units and conventions (ALVH-SPEC.md):
 * - prices, credits and premiums are index points per unit (per option);
 *   money is dollars = points x multiplier (100) x quantity;
 * - a condor unit is one of each of its four options; the seller receives
 *   `credit` points per unit at open;
 * - times are Unix seconds; expiries are dates at 00:00 New York;
 *   T = calendar days to expiry / 365.
 * - SPX options: Black-Scholes with (r, q, iv); VIX options: Black-76 on the
 *   VIX future F (VX1 when known, else VIX).
 */
#pragma once

#include <glib-object.h>

#include "alvh-calendar.h"
#include "alvh-condor.h"
#include "alvh-leg.h"
#include "alvh-pricing.h"

G_BEGIN_DECLS

#define ALVH_TYPE_BOOK (alvh_book_get_type ())

/* The market at one instant, as the model sees it. */
typedef struct
{
  gint64  time;
  double  spx;      /* S */
  double  iv;       /* SPX vol for every SPX leg (VIX close / 100 in replays) */
  double  vix;      /* VIX spot close */
  double  vx1;      /* front future settle or NAN (the term 1 of vx) */
  double  vix_vol;  /* vol for VIX options (VVIX/100 or the profile's vix_vol) */
  double  beta;     /* VIX-on-SPX log-return beta or NAN */
  double  rate;
  double  div_yield;
  double  multiplier;
  double  vx[ALVH_VX_TERMS]; /* VX1 .. VX8 settles by term; NAN or 0 when unknown
                                (vx[0] is used only when vx1 is unknown) */
} AlvhMarketState;

/**
 * alvh_market_state_vix_forward:
 * @market: the market at one instant
 * @expiry: a VIX expiry (its date at 00:00 New York)
 *
 * The forward a VIX option of @expiry is priced and marked on
 * (ALVH-SPEC.md section 4): the settle of the future that expires with it,
 * VXk with k the number of VIX expiries in (the market's date, @expiry];
 * VIX spot when that term is unknown or the option expires on or before
 * the market's date.
 *
 * Returns: the forward, VIX points
 */
double    alvh_market_state_vix_forward (const AlvhMarketState *market,
                                         gint64                 expiry);

/**
 * alvh_condor_is_held_at:
 * @condor: a condor
 * @t: an instant, Unix seconds
 *
 * Whether @condor is in the book as of @t (ALVH-SPEC.md section 1): opened
 * at or before @t, not closed by @t and not expired by @t (an expiry date
 * has passed once its 16:00 New York close is reached).
 *
 * Returns: %TRUE when it is held at @t
 */
gboolean  alvh_condor_is_held_at     (const AlvhCondor *condor,
                                      gint64            t);

/**
 * alvh_leg_is_held_at:
 * @leg: a leg, its closed_quantity being what was closed by @t
 * @t: an instant, Unix seconds
 *
 * Whether @leg is in the book as of @t: opened at or before @t, contracts
 * still open and not expired by @t.
 *
 * Returns: %TRUE when it is held at @t
 */
gboolean  alvh_leg_is_held_at        (const AlvhLeg    *leg,
                                      gint64            t);

/**
 * alvh_time_is_expired_at:
 * @expiry: an expiry date at 00:00 New York
 * @t: an instant, Unix seconds
 *
 * Returns: %TRUE when the expiry's date has closed (16:00 New York) by @t
 */
gboolean  alvh_time_is_expired_at    (gint64            expiry,
                                      gint64            t);

typedef struct
{
  double  spx_delta;      /* SPX legs: sum of BS delta x signed quantity (SPX points per point) */
  double  spx_gamma;
  double  spx_theta;      /* points per calendar day, summed over SPX legs */
  double  spx_vega;       /* per vol point */
  double  vix_delta;      /* VIX legs: Black-76 delta on F x signed quantity */
  double  vix_delta_spx;  /* vix_delta mapped to SPX: x beta x VIX / SPX (NAN when beta is NAN and there are VIX legs) */
  double  vix_vega;
  double  vix_theta;
  double  total_delta;    /* spx_delta + vix_delta_spx */
  double  condor_units;   /* sum of open condor units */
  double  delta_per_unit; /* total_delta / condor_units (the book_delta signal), NAN without condors */
} AlvhBookGreeks;

typedef struct
{
  double  condor_value;   /* dollars to buy back every open condor (>= 0 normally) */
  double  condor_credit;  /* dollars received for the open condors */
  double  condor_pnl;     /* credit - value */
  double  hedge_value;    /* dollars the open hedge legs are worth */
  double  hedge_premium;  /* dollars paid for them */
  double  hedge_pnl;      /* value - premium */
  double  total_pnl;
} AlvhBookMark;

typedef struct
{
  double  n_sd;        /* 1, 2, 3 */
  double  spx;         /* S - n_sd x sd  (sd = S x iv x sqrt(T nearest condor expiry)) */
  double  vix;         /* VIX x exp(beta x ln(spx'/S)) */
  double  condor_pnl;  /* dollars, change of the condors' mark now (negative = loss) */
  double  hedge_pnl;   /* dollars, change of the hedges' mark now */
  double  coverage;    /* hedge_pnl / -condor_pnl (NAN when the condors do not lose) */
} AlvhHedgeCoverage;

/* --- single legs ---------------------------------------------------- */

/* Model value of one condor unit to its holder-as-seller: the cost to buy it
 * back (short legs minus long legs), points. */
double    alvh_condor_value          (const AlvhCondor *condor,
                                      double            spx,
                                      double            t_years,
                                      double            iv,
                                      double            rate,
                                      double            div_yield);
/* Payoff value per unit at expiry (intrinsic of the same combination), points. */
double    alvh_condor_intrinsic      (const AlvhCondor *condor,
                                      double            spx);
/* Net extrinsic value X per unit (spec theta_erosion): sum over short legs of
 * (price - intrinsic) minus the same over long legs; normally positive.
 * When theta_out != NULL it receives theta_ref: sum over long legs of theta
 * minus sum over short legs (per calendar day; normally positive). */
double    alvh_condor_extrinsic      (const AlvhCondor *condor,
                                      double            spx,
                                      double            t_years,
                                      double            iv,
                                      double            rate,
                                      double            div_yield,
                                      double           *theta_out);
/* The two break-evens at expiry of one condor: short_put - credit, short_call + credit. */
void      alvh_condor_break_evens    (const AlvhCondor *condor,
                                      double           *lower,
                                      double           *upper);
/* Model value of one contract of a VIX hedge leg (points): Black-76 on F for
 * options, F - premium for a future (its value relative to entry, plus the
 * premium). */
double    alvh_leg_value             (const AlvhLeg *leg,
                                      double         f,
                                      double         t_years,
                                      double         vol,
                                      double         rate);

/**
 * alvh_other_leg_value:
 * @leg: a leg that is no VIX hedge: an SPX put or put spread, a VIX put
 * @market: the market
 *
 * The one model of these legs' value, as the ledger values them: an SPX put
 * (spread) by Black-Scholes at the SPX vol, a VIX put by Black-76 on the
 * future of its own expiry at the VIX vol, both at their intrinsic value
 * once expired.
 *
 * Returns: the value of one contract, points
 */
double    alvh_other_leg_value       (const AlvhLeg         *leg,
                                      const AlvhMarketState *market);

/**
 * alvh_other_leg_greeks:
 * @leg: a leg that is no VIX hedge: an SPX put or put spread, a VIX put
 * @market: the market
 * @out: (out caller-allocates): the greeks of one contract, in the leg's
 *   own underlying (a VIX put's delta is per VIX point)
 *
 * The one model of these legs' greeks, as the ledger values them: an SPX
 * put (spread) by Black-Scholes at the SPX vol, a VIX put by Black-76 on
 * the future of its own expiry at the VIX vol.
 */
void      alvh_other_leg_greeks      (const AlvhLeg         *leg,
                                      const AlvhMarketState *market,
                                      AlvhGreeks            *out);

/* --- the book ------------------------------------------------------- */

typedef struct _AlvhBook AlvhBook;

GType         alvh_book_get_type         (void) G_GNUC_CONST;
/**
 * alvh_book_new:
 *
 * Returns: (transfer full): an empty book; release it with alvh_book_unref()
 */
AlvhBook     *alvh_book_new              (void);
/**
 * alvh_book_copy:
 * @self: a book
 *
 * Returns: (transfer full): a new book with copies of the condors and legs
 */
AlvhBook     *alvh_book_copy             (AlvhBook          *self);
/**
 * alvh_book_ref:
 * @self: a book
 *
 * Returns: (transfer full): @self
 */
/**
 * alvh_book_copy_as_of:
 * @self: a book
 * @t: an instant, Unix seconds
 *
 * The book as it stood at @t (ALVH-SPEC.md section 1): the condors and legs
 * opened by @t and neither closed nor expired by @t (alvh_condor_is_held_at(),
 * alvh_leg_is_held_at(); a leg's closed_quantity is taken as what was closed
 * by @t).
 *
 * Returns: (transfer full): the new book
 */
AlvhBook     *alvh_book_copy_as_of       (AlvhBook          *self,
                                          gint64             t);
AlvhBook     *alvh_book_ref              (AlvhBook          *self);
void          alvh_book_unref            (AlvhBook          *self);
void          alvh_book_clear            (AlvhBook          *self);

void          alvh_book_add_condor       (AlvhBook          *self,
                                          const AlvhCondor  *condor);
/* Copies the leg (notes included).  A VIX hedge (alvh_leg_is_vix_hedge())
 * joins the legs (layers, premium, marks, coverage, greeks); any other leg
 * (an SPX put or put spread, a VIX put) joins the other legs, which count
 * in the greeks only (alvh_book_greeks() and the evaluator's book_delta:
 * "the whole book") and in the mark (alvh_book_mark(): with the hedges'
 * value and premium), but in no layer, hedge budget or payoff at expiry of
 * the condors (alvh_scenario_payoff() adds them). */
void          alvh_book_add_leg          (AlvhBook          *self,
                                          const AlvhLeg     *leg);
/* Removes the condor with this id and every hedge leg whose condor_id is it.
 * Returns FALSE when no such condor. */
gboolean      alvh_book_remove_condor    (AlvhBook          *self,
                                          gint64             condor_id);
gboolean      alvh_book_remove_leg       (AlvhBook          *self,
                                          gint64             leg_id);
guint         alvh_book_get_n_condors    (AlvhBook          *self);
/**
 * alvh_book_get_condor:
 * @self: a book
 * @index: below alvh_book_get_n_condors()
 *
 * Returns: (transfer none): the condor, valid until the book changes
 */
const AlvhCondor   *alvh_book_get_condor (AlvhBook          *self,
                                          guint              index);
guint         alvh_book_get_n_legs       (AlvhBook          *self);
/**
 * alvh_book_get_leg:
 * @self: a book
 * @index: below alvh_book_get_n_legs()
 *
 * Returns: (transfer none): the leg, valid until the book changes
 */
const AlvhLeg *alvh_book_get_leg         (AlvhBook          *self,
                                          guint              index);
guint         alvh_book_get_n_other_legs (AlvhBook          *self);
/**
 * alvh_book_get_other_leg:
 * @self: a book
 * @index: below alvh_book_get_n_other_legs()
 *
 * Returns: (transfer none): a leg that is no VIX hedge (an SPX put or put
 *   spread, a VIX put), valid until the book changes
 */
const AlvhLeg *alvh_book_get_other_leg   (AlvhBook          *self,
                                          guint              index);
/* Removes the other legs no longer held at @t (expired, or closed by then):
 * a put settled on the day marked is the ledger's realised P&L, not the mark's. */
void          alvh_book_drop_other_legs_settled_by (AlvhBook  *self,
                                                    gint64     t);
/* Open legs (open quantity > 0): the "layers used" of the spec. */
guint         alvh_book_count_open_legs  (AlvhBook          *self);
/* Latest open_time of an open leg, or G_MININT64 when none. */
gint64        alvh_book_last_leg_time    (AlvhBook          *self);
double        alvh_book_condor_units     (AlvhBook          *self);
/* Dollars: credit on open condors; premium paid for open legs. */
double        alvh_book_credit_collected (AlvhBook          *self);
double        alvh_book_premium_paid     (AlvhBook          *self);

/* Greeks of the whole book (see AlvhBookGreeks): the condors, the VIX hedges
 * and the other legs (SPX puts in the spx_ fields, VIX puts in the vix_
 * fields, mapped to SPX by beta like the hedges). */
void          alvh_book_greeks           (AlvhBook              *self,
                                          const AlvhMarketState *market,
                                          AlvhBookGreeks        *out);
/* Mark with the model: SPX legs at market->iv, VIX legs at market->vix_vol on
 * the future of their expiry (alvh_market_state_vix_forward()); the other
 * legs (alvh_other_leg_value()) count with the hedges (hedge_value,
 * hedge_premium, hedge_pnl). */
void          alvh_book_mark             (AlvhBook              *self,
                                          const AlvhMarketState *market,
                                          AlvhBookMark          *out);
/* Break-evens of the combined SPX legs at expiry (each condor's payoff at its own
 * expiry, summed), sorted; returns how many were written (<= max). */
guint         alvh_book_break_evens      (AlvhBook          *self,
                                          double            *out,
                                          guint              max);
/* Payoff curve over spx[0..n): dollars of total P&L (condors + hedges) at the
 * earliest condor expiry (at_expiry) and now (today), the hedges revalued with
 * VIX' = VIX x exp(beta x ln(S'/S)) (F moves by the same factor); with beta NAN
 * the hedges keep today's value.  Either output may be NULL.  The other
 * legs are not in it: alvh_scenario_payoff() adds them (the payoff graphs
 * call that). */
void          alvh_book_payoff           (AlvhBook              *self,
                                          const AlvhMarketState *market,
                                          const double          *spx,
                                          gsize                  n,
                                          double                *at_expiry,
                                          double                *today);
/* Coverage at SPX -1/-2/-3 SD (out[0..2]), VIX and its futures moved by the
 * beta, the SPX vol kept; the other legs count with the hedges. */
void          alvh_book_hedge_coverage   (AlvhBook              *self,
                                          const AlvhMarketState *market,
                                          AlvhHedgeCoverage      out[3]);
/* "25% (hedges $155)", or "n/a (hedges $0)" when the condors do not lose:
 * a coverage as the Evaluator's preview and `alvh whatif` show it (owned). */
char         *alvh_hedge_coverage_dup_text (const AlvhHedgeCoverage *coverage);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AlvhBook, alvh_book_unref)

G_END_DECLS
