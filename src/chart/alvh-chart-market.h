/* alvh-chart-market.h — the standard market chart: SPX, VIX, MACD, greeks
 *
 * One builder shared by the Charts page and `alvh chart`, so both draw the
 * same thing.  Panes (ALVH_CHART_MARKET_PANE_*): SPX candles with the open
 * condor's levels and +/- 0.65 SD bands around its short strikes and hedge
 * markers; VIX close with VX1/VX2 and shaded iv_expansion regions; MACD
 * (12, 26, 9) of VIX close; greeks (hidden until set).
 */
#pragma once

#include "alvh-series.h"
#include "alvh-chart.h"

G_BEGIN_DECLS

typedef enum
{
  ALVH_CHART_MARKET_PANE_SPX,
  ALVH_CHART_MARKET_PANE_VIX,
  ALVH_CHART_MARKET_PANE_MACD,
  ALVH_CHART_MARKET_PANE_GREEKS,
  ALVH_CHART_MARKET_PANE_VOL,
  ALVH_CHART_MARKET_N_PANES
} AlvhChartMarketPane;

/* The SD multiple of the bands around short strikes (the wing_sd default) */
#define ALVH_CHART_MARKET_WING_SD 0.65

/* The volatility pane's indices, in its order */
typedef enum
{
  ALVH_CHART_VOL_VIX9D,
  ALVH_CHART_VOL_VIX,
  ALVH_CHART_VOL_VIX3M,
  ALVH_CHART_VOL_VVIX,
  ALVH_CHART_VOL_SKEW,
  ALVH_CHART_VOL_N
} AlvhChartVolIndex;

/* The MACD pane's series, in its order (the histogram behind the lines) */
typedef enum
{
  ALVH_CHART_MACD_HISTOGRAM,
  ALVH_CHART_MACD_LINE,
  ALVH_CHART_MACD_SIGNAL,
  ALVH_CHART_MACD_N
} AlvhChartMacdSeries;

AlvhChart *alvh_chart_market_new          (void);
/* How the MACD pane draws a series (static) */
const AlvhChartSeriesStyle *alvh_chart_market_macd_style (AlvhChartMacdSeries series);
void       alvh_chart_market_set_macd     (AlvhChart            *chart,
                                           const double         *vix,
                                           gsize                 n_bars,
                                           guint                 fast,
                                           guint                 slow,
                                           guint                 signal);
/* Any may be NULL.  The timeline is every New York date SPX or VIX has,
 * each series joined by date (NAN, "–" in the read-out, where it has no
 * value).  SPX needs columns open, high, low, close (or close alone: drawn
 * as a line); VIX close; VX vx1 and/or vx2.  Clears levels, markers,
 * shading and greeks. */
void       alvh_chart_market_set_data     (AlvhChart             *chart,
                                           AlvhSeries            *spx,
                                           AlvhSeries            *vix,
                                           AlvhSeries            *vx);
void       alvh_chart_market_set_condor_levels (AlvhChart        *chart,
                                           const AlvhChartLevel  *levels,
                                           guint                  n);
void       alvh_chart_market_set_markers  (AlvhChart             *chart,
                                           const AlvhChartMarker *markers,
                                           guint                  n);
void       alvh_chart_market_set_shading  (AlvhChart             *chart,
                                           const gint64          *starts,
                                           const gint64          *ends,
                                           guint                  n);
/* columns delta, gamma, theta, vega (any subset); NULL hides the pane */
void       alvh_chart_market_set_greeks   (AlvhChart             *chart,
                                           AlvhSeries            *greeks,
                                           double                 delta_tolerance);

void       alvh_chart_market_set_vol_indices (AlvhChart          *chart,
                                           AlvhSeries * const    *indices,
                                           guint                  shown);

G_END_DECLS
