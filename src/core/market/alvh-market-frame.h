/* alvh-market-frame.h — joined bars for the evaluator and replays (ALVH-SPEC.md section 5)
 *
 * The frame's bars are the times that both the SPX and the VIX series have;
 * other series (VX1/VX2, VVIX, breadth) are matched by time and a value
 * missing at a time is NAN ("n/a") there.  Columns are plain arrays of n doubles.
 */
#pragma once

#include <glib-object.h>

#include "alvh-calendar.h"
#include "alvh-chain-set.h"
#include "alvh-import.h"
#include "alvh-series.h"

G_BEGIN_DECLS

#define ALVH_TYPE_MARKET_FRAME (alvh_market_frame_get_type ())

typedef struct _AlvhMarketFrame AlvhMarketFrame;

struct _AlvhMarketFrame
{
  /*< private >*/
  gint     ref_count;
  /*< public, read-only >*/
  gsize    n;
  gint64  *time;
  double  *open;        /* SPX */
  double  *high;
  double  *low;
  double  *close;
  double  *vix;         /* VIX close */
  double  *vx1;         /* NAN when missing; the same array as vx[0] */
  double  *vx2;         /* the same array as vx[1] */
  double  *vvix;
  double  *advancers;
  double  *decliners;
  double  *vx[ALVH_VX_TERMS]; /* VX1 .. VX8 settles by term, NAN when missing */
  double  *vix3m;       /* VIX3M close, NAN when missing */
  AlvhChainSet *chains; /* option chains by session, NULL when none
                           (alvh_market_frame_set_chains()) */
};

/**
 * alvh_market_frame_get_type:
 * Returns: the boxed type of #AlvhMarketFrame
 */
GType             alvh_market_frame_get_type   (void) G_GNUC_CONST;
/* n bars, every column NAN, times 0: fill the arrays directly. */
/**
 * alvh_market_frame_new:
 * @n: the number of bars
 *
 * Returns: (transfer full): a frame of @n bars with times 0 and every value NAN
 */
AlvhMarketFrame  *alvh_market_frame_new        (gsize             n);
/* Join per section 5.  spx needs "close" (open/high/low used when present,
 * else = close); vix needs "close"; vx ("vx1", optional "vx2"), vvix ("close"
 * or "vvix") and breadth ("advancers", "decliners") may be NULL.
 * [from, to] limits the bars (G_MININT64 / G_MAXINT64 for all). */
/**
 * alvh_market_frame_new_join:
 * @spx: SPX bars with open, high, low and close
 * @vix: VIX bars with a close
 * @vx: (nullable): VX1/VX2 settles
 * @vvix: (nullable): VVIX closes
 * @breadth: (nullable): advancers and decliners
 * @from: the first time included
 * @to: the last time included
 *
 * Joins the series on the times that both @spx and @vix have within
 * [@from, @to]; the other series are matched by time, NAN where missing.
 * @vx gives the columns "vx1" .. "vx8" it has.
 *
 * Returns: (transfer full): the frame, empty when @spx or @vix lacks a
 *   close column
 */
AlvhMarketFrame  *alvh_market_frame_new_join   (AlvhSeries       *spx,
                                                AlvhSeries       *vix,
                                                AlvhSeries       *vx,
                                                AlvhSeries       *vvix,
                                                AlvhSeries       *breadth,
                                                gint64            from,
                                                gint64            to);

/**
 * alvh_market_frame_match:
 * @self: a frame
 * @series: (nullable): a series
 * @column: the column of @series to copy
 * @out: (array): a column of @self (such as @self->vix3m or @self->vx[2])
 *
 * Copies @column of @series into @out at the frame's times; times the
 * series lacks keep their value.  Nothing happens when @series is %NULL or
 * has no such column.
 */
void              alvh_market_frame_match      (AlvhMarketFrame  *self,
                                                AlvhSeries       *series,
                                                const char       *column,
                                                double           *out);

/**
 * alvh_market_frame_new_union:
 * @spx: (nullable): SPX bars with a close (open, high and low when present, else the close)
 * @vix: (nullable): VIX bars with a close (else its last column)
 * @vx: (nullable): VX1/VX2 settles
 * @vvix: (nullable): VVIX closes
 * @breadth: (nullable): advancers and decliners
 * @from: the first time included
 * @to: the last time included
 *
 * Joins daily series by New York date for charts: the bars are every date
 * within [@from, @to] on which @spx or @vix has a row (at the time of @spx's
 * row, else @vix's), and every column is matched by date, NAN on a date its
 * series has no row.  Unlike alvh_market_frame_new_join(), a date that only
 * one of SPX and VIX has is kept, with the other's columns NAN.
 *
 * Returns: (transfer full): the frame; empty when neither @spx nor @vix has rows
 */
AlvhMarketFrame  *alvh_market_frame_new_union  (AlvhSeries       *spx,
                                                AlvhSeries       *vix,
                                                AlvhSeries       *vx,
                                                AlvhSeries       *vvix,
                                                AlvhSeries       *breadth,
                                                gint64            from,
                                                gint64            to);

/**
 * alvh_market_frame_ref:
 * @self: a frame
 *
 * Returns: (transfer full): @self with one more reference
 */
AlvhMarketFrame  *alvh_market_frame_ref        (AlvhMarketFrame  *self);

/**
 * alvh_market_frame_unref:
 * @self: (transfer full): a frame
 *
 * Drops a reference; the last one frees the frame.
 */
void              alvh_market_frame_unref      (AlvhMarketFrame  *self);
/* Index of the latest bar with time <= t, or -1. */
/**
 * alvh_market_frame_find_le:
 * @self: a frame
 * @t: a time
 *
 * Returns: the index of the last bar at or before @t, or -1
 */
gssize            alvh_market_frame_find_le    (AlvhMarketFrame  *self,
                                                gint64            t);

/**
 * alvh_market_frame_set_chains:
 * @self: a frame
 * @chains: (nullable): the option chains of its dates
 *
 * Gives the frame the chains that section 1's iv_t and section 6's marks
 * read (ALVH-SPEC.md); %NULL or an empty set: VIX/100 and model marks.
 */
void              alvh_market_frame_set_chains (AlvhMarketFrame  *self,
                                                AlvhChainSet     *chains);

/**
 * alvh_market_frame_set_vx_contracts:
 * @self: a frame
 * @settles: (array length=n): VIX futures settles by contract, by trade date
 * @n: their number
 *
 * ALVH-SPEC.md section 4 with per-contract settles: on each bar, the term
 * k of a contract (the VIX expiries in (bar date, its expiry]) gets its own
 * settle, so the future of an option's expiry is the contract that expires
 * with it; terms without a contract keep their VXk.
 */
void              alvh_market_frame_set_vx_contracts (AlvhMarketFrame   *self,
                                                      const AlvhVxSettle *settles,
                                                      gsize               n);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AlvhMarketFrame, alvh_market_frame_unref)

G_END_DECLS
