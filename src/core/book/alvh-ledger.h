/* alvh-ledger.h — the book as a ledger of fills: positions, settlement and P&L
 *
 * The one valuation and P&L of ALVH-SPEC.md section 6, used by every screen,
 * report and `alvh` command.  Fills (open and close, whole or partial, with
 * their time, price and fees) are the source of truth; a position's open
 * quantity, realised P&L and fees are derived from them.  Open positions are
 * marked at the model price of section 5 on the last bar known at the time
 * asked (a daily bar is known at 16:00 New York); what is still open at
 * expiry is settled there: SPX options of the standard monthly expiry (third
 * Friday) at the SPX open of that day, other SPX expiries at its close, VIX
 * options and futures at the VIX open of their expiry (stand-ins for SET and
 * VRO).
 *
 * Money: dollars = points x multiplier x quantity.  Fees are dollars, paid
 * (and realised) on the date of their fill; realised P&L is net of fees.
 */
#pragma once

#include <glib-object.h>

#include "alvh-condor.h"
#include "alvh-leg.h"
#include "alvh-market-frame.h"
#include "alvh-series.h"

G_BEGIN_DECLS

#define ALVH_TYPE_LEDGER (alvh_ledger_get_type ())

/* One fill of a condor or a leg (exactly one of condor_id and leg_id set). */
typedef struct
{
  gint64    id;
  gint64    condor_id;
  gint64    leg_id;
  gboolean  close;     /* FALSE: opening fill */
  gint64    time;      /* Unix seconds */
  double    quantity;  /* units or contracts (> 0) */
  double    price;     /* points per unit: credit received, premium paid, price paid or received to close */
  double    fees;      /* dollars (>= 0) */
} AlvhFill;

typedef struct
{
  double  rate;        /* r (0.04) */
  double  div_yield;   /* q (0.013) */
  double  vix_vol;     /* vol for VIX options without VVIX (0.90) */
  double  multiplier;  /* 100 */
} AlvhLedgerParams;

typedef enum
{
  ALVH_SETTLE_NONE,     /* no expiry rule (never happens for known kinds) */
  ALVH_SETTLE_SPX_AM,   /* SPX standard monthly: SPX open of the third Friday */
  ALVH_SETTLE_SPX_PM,   /* SPXW: SPX close of the expiry */
  ALVH_SETTLE_VIX_AM,   /* VIX options and futures: VIX open of the expiry */
} AlvhSettleStyle;

/* A position as it stands at a time t. */
typedef struct
{
  gint64           id;
  gboolean         is_condor;
  const char      *kind;           /* "iron_condor" or the leg kind's text */
  gint64           condor_id;      /* legs: the condor they protect, 0 = none */
  gint64           decision_id;    /* legs: the decision they follow, 0 = none */
  guint            layer;
  gint64           opened;         /* first opening fill */
  gint64           expiry;
  double           strikes[4];     /* condor: long put, short put, short call, long call; legs: long, short */
  guint            n_strikes;
  double           quantity;       /* opened up to t */
  double           open_quantity;  /* still open at t */
  double           open_price;     /* average opening price, points */
  gint64           closed;         /* time the last of it was closed or settled (nothing open at t), else 0 */
  double           close_price;    /* average price of the closing fills up to t, NAN when none */
  double           closed_quantity;/* closed by fills up to t */
  AlvhSettleStyle  settle_style;
  gboolean         settled;        /* settled at expiry by t */
  gint64           settle_time;
  double           settle_price;   /* the settlement value per unit (points), NAN when not settled */
  double           settle_underlying; /* the SPX or VIX print it used, NAN when not settled */
  gboolean         settle_pending; /* expired by t but no print to settle at */
  double           mark;           /* value per unit at t (points), NAN when nothing is open */
  gint64           mark_time;      /* the bar it was marked on, 0 = at cost (no bar since the fill) */
  double           realized;       /* dollars up to t, net of fees */
  double           unrealized;     /* dollars at t */
  double           fees;           /* dollars paid up to t */
  double           mae;            /* lowest P&L (realised + unrealised) over the daily marks to t */
  double           mfe;            /* highest */
} AlvhLedgerEntry;

/* Sums at a time t, or over a period. */
typedef struct
{
  gint64  from;              /* period: the start (exclusive); 0 for a time */
  gint64  to;                /* the end (inclusive) */
  double  realized;          /* dollars, net of fees, dated in (from, to] */
  double  unrealized_start;  /* at from */
  double  unrealized_end;    /* at to */
  double  fees;              /* paid in (from, to] */
  double  pnl;               /* realized + unrealized_end - unrealized_start */
} AlvhLedgerPnl;

typedef struct _AlvhLedger AlvhLedger;

GType          alvh_ledger_get_type        (void) G_GNUC_CONST;

/**
 * alvh_ledger_params_init_default:
 * @params: (out caller-allocates): the parameters
 *
 * The spec's defaults: r 0.04, q 0.013, vix_vol 0.90, multiplier 100.
 */
void           alvh_ledger_params_init_default (AlvhLedgerParams *params);

/**
 * alvh_ledger_new:
 * @params: (nullable): the valuation parameters (%NULL: the defaults)
 *
 * Returns: (transfer full): an empty ledger; release it with alvh_ledger_unref()
 */
AlvhLedger    *alvh_ledger_new             (const AlvhLedgerParams *params);
/**
 * alvh_ledger_ref:
 * @self: a ledger
 *
 * Returns: (transfer full): @self
 */
AlvhLedger    *alvh_ledger_ref             (AlvhLedger        *self);
void           alvh_ledger_unref           (AlvhLedger        *self);

/**
 * alvh_ledger_add_condor:
 * @self: a ledger
 * @condor: the condor (its strikes and expiry; its quantities come from the fills)
 *
 * Adds a position; its fills follow with alvh_ledger_add_fill().
 */
void           alvh_ledger_add_condor      (AlvhLedger        *self,
                                            const AlvhCondor  *condor);
/**
 * alvh_ledger_add_leg:
 * @self: a ledger
 * @leg: the leg (kind, strikes, expiry; its quantities come from the fills)
 */
void           alvh_ledger_add_leg         (AlvhLedger        *self,
                                            const AlvhLeg     *leg);
/**
 * alvh_ledger_add_fill:
 * @self: a ledger
 * @fill: a fill of a position already added
 *
 * Returns: %FALSE (and nothing added) when its position is unknown
 */
gboolean       alvh_ledger_add_fill        (AlvhLedger        *self,
                                            const AlvhFill    *fill);
/**
 * alvh_ledger_set_market:
 * @self: a ledger
 * @frame: (nullable): the joined daily bars (SPX open and close, VIX, VX1, VVIX)
 * @vix: (nullable): the VIX series with an "open" column, for VIX settlement
 *
 * The market the positions are marked and settled on; without it they stay
 * at cost and nothing settles.
 */
void           alvh_ledger_set_market      (AlvhLedger        *self,
                                            AlvhMarketFrame   *frame,
                                            AlvhSeries        *vix);

guint          alvh_ledger_get_n_positions (AlvhLedger        *self);

/**
 * alvh_ledger_find:
 * @self: a ledger
 * @id: a condor's or a leg's id
 * @is_condor: which table the id is from
 *
 * Returns: the index of the position, or -1
 */
gssize         alvh_ledger_find            (AlvhLedger        *self,
                                            gint64             id,
                                            gboolean           is_condor);

/**
 * alvh_ledger_entry_at:
 * @self: a ledger
 * @index: below alvh_ledger_get_n_positions()
 * @t: the time (Unix seconds)
 * @out: (out caller-allocates): the position at @t
 *
 * Returns: %FALSE when the position had no opening fill by @t (@out is
 *   still filled, with zero quantities)
 */
gboolean       alvh_ledger_entry_at        (AlvhLedger        *self,
                                            guint              index,
                                            gint64             t,
                                            AlvhLedgerEntry   *out);

/**
 * alvh_ledger_total_at:
 * @self: a ledger
 * @t: the time
 * @condor_id: 0 = every position; else only this condor and its legs
 * @out: (out caller-allocates): realised up to @t (in realized), fees up to
 *   @t, unrealised at @t (in unrealized_end), pnl = their sum
 */
void           alvh_ledger_total_at        (AlvhLedger        *self,
                                            gint64             t,
                                            gint64             condor_id,
                                            AlvhLedgerPnl     *out);

/**
 * alvh_ledger_period:
 * @self: a ledger
 * @from: the start, exclusive (the P&L before it is not counted)
 * @to: the end, inclusive
 * @out: (out caller-allocates): spec section 6's period P&L
 *
 * Realised P&L in (@from, @to] plus the unrealised at @to minus the
 * unrealised at @from: over consecutive periods the sums add up.
 */
void           alvh_ledger_period          (AlvhLedger        *self,
                                            gint64             from,
                                            gint64             to,
                                            AlvhLedgerPnl     *out);

/**
 * alvh_ledger_day_start:
 * @date: a date (00:00 New York)
 *
 * Returns: the instant just before @date (the end of the day before): a
 *   period starting on @date starts here
 */
gint64         alvh_ledger_day_start       (gint64             date);
/**
 * alvh_ledger_day_end:
 * @date: a date (00:00 New York)
 *
 * Returns: the last second of @date in New York
 */
gint64         alvh_ledger_day_end         (gint64             date);

/**
 * alvh_settle_style_for:
 * @is_condor: an SPX condor
 * @kind: the leg's kind (ignored for a condor)
 * @expiry: the expiry date
 *
 * Returns: how it settles: SPX on a third Friday AM, other SPX PM, VIX AM
 */
AlvhSettleStyle alvh_settle_style_for      (gboolean           is_condor,
                                            AlvhLegKind        kind,
                                            gint64             expiry);
/**
 * alvh_settle_style_to_string:
 * @style: a settlement style
 *
 * Returns: (transfer none): "spx_am" "spx_pm" "vix_am" or "none"
 */
const char    *alvh_settle_style_to_string (AlvhSettleStyle    style);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AlvhLedger, alvh_ledger_unref)

G_END_DECLS
