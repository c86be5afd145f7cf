/* alvh-scenario.h — what-if: the book valued under a moved market
 *
 * Pure functions over the one valuation of the book (alvh_book_mark(),
 * alvh_book_greeks(), alvh_book_hedge_coverage() of alvh-position.h): a
 * scenario moves the market state (the date, SPX, the SPX implied vol, VIX
 * and every VX future) and the book is marked on the moved state.  With no
 * move at all the mark is the book's own, to the cent.
 *
 * Probabilities are those of a lognormal SPX at the scenario's implied vol
 * with the risk-neutral drift r - q (stated as such wherever they are shown).
 */
#pragma once

#include <glib.h>

#include "alvh-position.h"

G_BEGIN_DECLS

/* One what-if. */
typedef struct
{
  gint64    time;          /* the date valued at (00:00 New York, like a bar's stamp); 0 = the market's own */
  double    spx_move;      /* SPX' = SPX x (1 + spx_move) */
  double    iv_shift;      /* added to the SPX implied vol (0.05 = 5 vol points) */
  double    vix_move;      /* VIX' = VIX x (1 + vix_move), every VX future alike; NAN: VIX follows SPX by
                              the fitted beta, VIX' = VIX x exp(beta x ln(SPX'/SPX)) */
  gboolean  iv_follows_vix;/* the SPX vol moves with VIX (iv' = iv x VIX'/VIX + iv_shift), the model's
                              SPX vol being VIX/100 */
} AlvhScenario;

#define ALVH_SCENARIO_N_SPX 7
#define ALVH_SCENARIO_N_VIX 7

/* The default grid: SPX -10 % .. +5 %, VIX -20 % .. +150 %; the no-move
 * cell is column ALVH_SCENARIO_SPX_ZERO, row ALVH_SCENARIO_VIX_ZERO. */
extern const double alvh_scenario_default_spx_moves[ALVH_SCENARIO_N_SPX];
extern const double alvh_scenario_default_vix_moves[ALVH_SCENARIO_N_VIX];
#define ALVH_SCENARIO_SPX_ZERO 4
#define ALVH_SCENARIO_VIX_ZERO 1

/* Per position greeks at a scenario (dollars). */
typedef struct
{
  gboolean  is_condor;
  gint64    id;
  guint     index;        /* in the book's condors, legs or other legs */
  gboolean  is_other;     /* one of the book's other legs (alvh_book_get_other_leg(): an SPX put, a VIX put) */
  AlvhLegKind kind;       /* the leg's kind (not a condor) */
  double    pnl;          /* dollars, marked at the scenario */
  double    delta;        /* dollars per SPX point (VIX legs: mapped by beta; NAN without beta) */
  double    gamma;        /* SPX legs: per SPX point, per unit x multiplier */
  double    theta;        /* dollars per calendar day */
  double    vega;         /* dollars per vol point */
} AlvhScenarioGreeks;

/**
 * alvh_scenario_init:
 * @scenario: (out caller-allocates): the scenario
 *
 * No move: the market's own date, SPX, vol and VIX; the SPX vol follows VIX.
 */
void      alvh_scenario_init             (AlvhScenario          *scenario);

/**
 * alvh_scenario_apply:
 * @book: the book (its VIX legs' forwards are carried to the new date)
 * @market: the market now
 * @scenario: the what-if
 * @out: (out caller-allocates): the moved market
 *
 * The market state the scenario stands for.  Each VIX leg keeps the
 * forward it has now (moved with VIX) when the date moves, so rolling the
 * date does not swap the future it is priced on; with no move @out equals
 * @market.
 */
void      alvh_scenario_apply            (AlvhBook              *book,
                                          const AlvhMarketState *market,
                                          const AlvhScenario    *scenario,
                                          AlvhMarketState       *out);

/**
 * alvh_scenario_mark:
 * @book: the book
 * @market: the market now
 * @scenario: the what-if
 * @out: (out caller-allocates): the book's mark in the moved market
 *
 * alvh_book_mark() on alvh_scenario_apply()'s market: positions past their
 * expiry by the scenario's date are worth their intrinsic value there.
 */
void      alvh_scenario_mark             (AlvhBook              *book,
                                          const AlvhMarketState *market,
                                          const AlvhScenario    *scenario,
                                          AlvhBookMark          *out);

/**
 * alvh_scenario_curve:
 * @book: the book
 * @market: the market now
 * @scenario: the what-if (its spx_move is ignored)
 * @spx: (array length=n): SPX levels
 * @n: how many
 * @pnl: (out caller-allocates) (array length=n): the book's total P&L in
 *   dollars at each level
 */
void      alvh_scenario_curve            (AlvhBook              *book,
                                          const AlvhMarketState *market,
                                          const AlvhScenario    *scenario,
                                          const double          *spx,
                                          gsize                  n,
                                          double                *pnl);

/**
 * alvh_scenario_payoff:
 * @book: the book
 * @market: the market now
 * @spx: (array length=n): SPX levels
 * @n: how many
 * @at_expiry: (out caller-allocates) (array length=n) (optional): P&L in
 *   dollars at the first condor expiry
 * @today: (out caller-allocates) (array length=n) (optional): P&L in
 *   dollars today
 *
 * alvh_book_payoff() with the book's other legs (SPX puts, VIX puts) added,
 * valued as the mark values them, so the payoff graph shows the money of
 * every open position.
 */
void      alvh_scenario_payoff           (AlvhBook              *book,
                                          const AlvhMarketState *market,
                                          const double          *spx,
                                          gsize                  n,
                                          double                *at_expiry,
                                          double                *today);

/**
 * alvh_scenario_grid:
 * @book: the book
 * @market: the market now
 * @scenario: the what-if (its spx_move and vix_move are replaced by the grid's)
 * @spx_moves: (array length=n_spx): relative SPX moves (columns)
 * @n_spx: columns
 * @vix_moves: (array length=n_vix): relative VIX moves (rows)
 * @n_vix: rows
 * @pnl: (out caller-allocates) (array length=n_spx * n_vix): total P&L in
 *   dollars, row by row: pnl[row x n_spx + column]
 */
void      alvh_scenario_grid             (AlvhBook              *book,
                                          const AlvhMarketState *market,
                                          const AlvhScenario    *scenario,
                                          const double          *spx_moves,
                                          guint                  n_spx,
                                          const double          *vix_moves,
                                          guint                  n_vix,
                                          double                *pnl);

/**
 * alvh_scenario_last_expiry:
 * @book: the book
 *
 * Returns: the latest expiry of a condor or leg, 0 for an empty book
 */
gint64    alvh_scenario_last_expiry      (AlvhBook              *book);

/**
 * alvh_scenario_first_expiry:
 * @book: the book
 *
 * Returns: the earliest condor expiry, 0 without condors
 */
gint64    alvh_scenario_first_expiry     (AlvhBook              *book);

/**
 * alvh_scenario_prob_above:
 * @spx: SPX now
 * @level: a level
 * @t_years: time, years
 * @iv: the vol
 * @rate: r
 * @div_yield: q
 *
 * Returns: the lognormal (drift r - q) probability that SPX ends above
 *   @level: N(d2)
 */
double    alvh_scenario_prob_above       (double                 spx,
                                          double                 level,
                                          double                 t_years,
                                          double                 iv,
                                          double                 rate,
                                          double                 div_yield);

/**
 * alvh_scenario_prob_touch:
 * @spx: SPX now
 * @level: a barrier (below or above @spx)
 * @t_years: time, years
 * @iv: the vol
 * @rate: r
 * @div_yield: q
 *
 * Returns: the probability that a lognormal SPX (drift r - q) touches
 *   @level before @t_years (the reflection principle; 1 when it is there)
 */
double    alvh_scenario_prob_touch       (double                 spx,
                                          double                 level,
                                          double                 t_years,
                                          double                 iv,
                                          double                 rate,
                                          double                 div_yield);

/**
 * alvh_scenario_prob_profit:
 * @book: the book
 * @market: the market now
 * @scenario: the what-if: its date (0: the first condor expiry), vol and
 *   VIX rule; its spx_move is ignored
 *
 * The probability that the book's total P&L at the scenario's date is
 * above zero, SPX lognormal (drift r - q) at the scenario's SPX vol: the
 * P&L curve's zeros are found and the lognormal mass between them summed.
 *
 * Returns: the probability, NAN for an empty book or no time left
 */
double    alvh_scenario_prob_profit      (AlvhBook              *book,
                                          const AlvhMarketState *market,
                                          const AlvhScenario    *scenario);

/**
 * alvh_scenario_position_greeks:
 * @book: the book
 * @market: the market now
 * @scenario: the what-if
 *
 * Each condor's, each VIX leg's and each of the book's other legs'
 * P&L and greeks in the moved market (alvh_book_greeks() and
 * alvh_book_mark() of a book holding it alone; an other leg's delta of a
 * VIX put mapped to SPX by the fitted beta as the book maps its VIX legs).
 *
 * Returns: (transfer full) (element-type AlvhScenarioGreeks): condors
 *   first, then the book's legs, then the other legs
 */
GArray   *alvh_scenario_position_greeks  (AlvhBook              *book,
                                          const AlvhMarketState *market,
                                          const AlvhScenario    *scenario);

/**
 * alvh_scenario_with_leg:
 * @book: the book
 * @leg: (nullable): a proposed VIX hedge leg (its premium the estimated one)
 *
 * Returns: (transfer full): a copy of @book with @leg added (a plain copy
 *   when @leg is %NULL or no VIX hedge)
 */
AlvhBook *alvh_scenario_with_leg         (AlvhBook              *book,
                                          const AlvhLeg         *leg);

G_END_DECLS
