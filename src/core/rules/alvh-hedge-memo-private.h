/* alvh-hedge-memo-private.h — the VIX hedge calls of one bar, each priced once
 *
 * Part of the evaluator (alvh-evaluator.c holds one), internal to the core
 * library.  At one bar a hedge call's forward (section 4: the VX future of
 * its expiry) and volatility (VVIX) follow from its expiry, so the expiry and
 * the strike name it.  Everything kept is for the bar last asked about:
 * asking about another bar starts afresh, so the figures never depend on
 * what was asked before.
 */
#pragma once

#include "alvh-market-frame.h"
#include "alvh-position.h"
#include "alvh-pricing-private.h"
#include "alvh-profile.h"

G_BEGIN_DECLS

#define ALVH_HEDGE_TERMS 4  /* expiries kept a bar (more are worked out again) */
#define ALVH_HEDGE_CALLS 8  /* distinct calls kept a bar (more are priced alone) */
#define ALVH_HEDGE_ROWS  8  /* open legs whose value is kept a bar */

typedef struct
{
  gint64          expiry;
  double          t;     /* calendar days to expiry / 365 */
  guint           term;  /* alvh_calendar_vix_term () of the day and the expiry */
  AlvhExpiryTerms terms; /* the Black-76 terms of t (sqrt(t), e^{-rt}); only when t > 0 */
  double          fwd;   /* the VX forward of the expiry */
} AlvhHedgeExpiry;

/* A hedge leg's value per unit at bar row_bar, named by what prices it */
typedef struct
{
  guint       index;  /* the leg's index in the book evaluated */
  AlvhLegKind kind;
  gint64      expiry;
  double      long_strike;
  double      short_strike;
  double      value;
  /* what the plan of the day (below) reads */
  double      qty;     /* the open quantity */
  double      premium;
  gint8       ml, ms;  /* the memo slots of the long and short call (-1: none) */
} AlvhHedgeRow;

typedef struct
{
  const AlvhMarketFrame *frame;
  const gint32          *day;   /* the New York day number of each bar */
  const AlvhProfile     *profile;

  /* the time, terms and forward of a few expiries at bar ex_bar (the times
   * and terms of day ex_day) */
  gint64                 ex_day;
  gsize                  ex_bar;
  guint                  ex_n;
  AlvhHedgeExpiry        ex[ALVH_HEDGE_TERMS];

  /* the calls priced at bar call_bar, in the order the legs named them */
  gsize                  call_bar;
  guint                  call_n;
  gint64                 call_expiry[ALVH_HEDGE_CALLS];
  double                 call_strike[ALVH_HEDGE_CALLS];
  double                 call_price[ALVH_HEDGE_CALLS];
  double                 call_delta[ALVH_HEDGE_CALLS];
  guint8                 call_ex[ALVH_HEDGE_CALLS]; /* the index in ex[] of each call's expiry */

  /* the value per unit of the first open legs at bar row_bar */
  gsize                  row_bar;
  guint                  row_n;
  AlvhHedgeRow           row[ALVH_HEDGE_ROWS];

  /* The plan of the book of stamp plan_stamp (0: none) for the rest of
   * day ex_day: the calls named at call_bar and the rows made there.  It
   * stands when every open leg of the book is an option leg with its row and
   * its calls priced together, and then a later bar of the day with the book
   * unchanged prices the same calls in the same slots and fills the same
   * rows.  See _alvh_hedge_memo_legs_delta (). */
  guint64                plan_stamp;
} AlvhHedgeMemo;

/* @frame, @day (one per bar of @frame) and @profile (its rate) must
 * outlive @self */
void                   _alvh_hedge_memo_init        (AlvhHedgeMemo         *self,
                                                     const AlvhMarketFrame *frame,
                                                     const gint32          *day,
                                                     const AlvhProfile     *profile);

/* _alvh_hedge_memo_expiry_at ()'s work when the expiry is not kept */
const AlvhHedgeExpiry *_alvh_hedge_memo_expiry_fill (AlvhHedgeMemo         *self,
                                                     gsize                  i,
                                                     gint64                 expiry);

/* The time to expiry, its Black-76 terms and the VX forward (VIX when
 * unknown) of a VIX expiry at bar i; valid until the next call.  Inline: a kept one is a look-up. */
static inline const AlvhHedgeExpiry *
_alvh_hedge_memo_expiry_at (AlvhHedgeMemo *self,
                            gsize          i,
                            gint64         expiry)
{
  if (self->ex_bar == i)
    for (guint k = 0; k < MIN (self->ex_n, ALVH_HEDGE_TERMS); k++)
      if (self->ex[k].expiry == expiry)
        return &self->ex[k];
  return _alvh_hedge_memo_expiry_fill (self, i, expiry);
}

/* The VIX delta of bar i's open hedge legs of @book, in the book's order:
 * quantity times the Black-76 delta of the long call, less the short
 * call's; one for a future.  Prices the calls it lacks and keeps the legs'
 * values for _alvh_hedge_memo_leg_value (). */
double                 _alvh_hedge_memo_legs_delta  (AlvhHedgeMemo         *self,
                                                     gsize                  i,
                                                     AlvhBook              *book,
                                                     double                 vol);

/* alvh_leg_value () of a hedge leg at bar i on its own VX forward, from
 * what the bar's _alvh_hedge_memo_legs_delta () kept when it can */
double                 _alvh_hedge_memo_leg_value   (AlvhHedgeMemo         *self,
                                                     const AlvhLeg         *leg,
                                                     gsize                  i,
                                                     double                 vol);

/* Adds each open hedge leg of @book at bar i to @value (its value x open
 * quantity x @mult, as _alvh_hedge_memo_leg_value ()) and to @premium
 * (premium x open quantity x @mult), in the book's order */
void                   _alvh_hedge_memo_mark        (AlvhHedgeMemo         *self,
                                                     AlvhBook              *book,
                                                     gsize                  i,
                                                     double                 vol,
                                                     double                 mult,
                                                     double                *value,
                                                     double                *premium);

G_END_DECLS
