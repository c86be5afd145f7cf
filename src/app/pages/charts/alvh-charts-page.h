/* alvh-charts-page.h — the Charts page
 *
 * SPX candles with the open condor's strikes, break-evens and +/- 0.65 SD
 * bands, hedge-leg markers; VIX with VX1/VX2 and shaded iv_expansion
 * regions; MACD of VIX; book greeks; and a payoff view.  All setters take
 * plain data (copied), so the window can wire them to the evaluator and the
 * journal.
 */
#pragma once

#include <gtk/gtk.h>

#include "alvh-series.h"
#include "alvh-chart.h"
#include "alvh-page.h"

G_BEGIN_DECLS

#define ALVH_TYPE_CHARTS_PAGE (alvh_charts_page_get_type ())
G_DECLARE_FINAL_TYPE (AlvhChartsPage, alvh_charts_page, ALVH, CHARTS_PAGE, AlvhPage)

/* declared in alvh-charts-feed.h, which includes this header */
typedef struct _AlvhChartsFeed AlvhChartsFeed;

/**
 * alvh_charts_page_new:
 *
 * Returns: (transfer floating): the page
 */
GtkWidget *alvh_charts_page_new               (void);
/* The feed of the book's overlays; NULL until the page has a context. */
AlvhChartsFeed *alvh_charts_page_get_feed     (AlvhChartsPage        *self);
/* spx: open, high, low, close (or close); vix: close (+ OHLC); vx: vx1, vx2. Any may be NULL. */
void       alvh_charts_page_set_market        (AlvhChartsPage        *self,
                                               AlvhSeries            *spx,
                                               AlvhSeries            *vix,
                                               AlvhSeries            *vx);
void       alvh_charts_page_set_condor_levels (AlvhChartsPage        *self,
                                               const AlvhChartLevel  *levels,
                                               guint                  n);
void       alvh_charts_page_set_markers       (AlvhChartsPage        *self,
                                               const AlvhChartMarker *markers,
                                               guint                  n);
/* Shaded regions in the VIX pane, e.g. where iv_expansion fired */
void       alvh_charts_page_set_shading       (AlvhChartsPage        *self,
                                               const gint64          *starts,
                                               const gint64          *ends,
                                               guint                  n);
/* columns delta, gamma, theta, vega; NULL hides the greeks pane */
void       alvh_charts_page_set_greeks        (AlvhChartsPage        *self,
                                               AlvhSeries            *greeks,
                                               double                 delta_tolerance);
void       alvh_charts_page_set_payoff        (AlvhChartsPage        *self,
                                               const double          *spx,
                                               const double          *pnl_expiry,
                                               const double          *pnl_today,
                                               guint                  n,
                                               const double          *breakevens,
                                               guint                  n_breakevens);
/* The book and market the what-if under the payoff values (NULL: none) */
void       alvh_charts_page_set_whatif        (AlvhChartsPage        *self,
                                               AlvhBook              *book,
                                               const AlvhMarketState *market);
/* Puts the crosshair on the bar at (or before) t and shows the chart */
void       alvh_charts_page_go_to_time        (AlvhChartsPage        *self,
                                               gint64                 t);
/* "1m" "3m" "6m" "1y" "5y" "all" */
void       alvh_charts_page_set_range         (AlvhChartsPage        *self,
                                               const char            *range);
/* "chart" or "payoff" */
void       alvh_charts_page_set_view          (AlvhChartsPage        *self,
                                               const char            *view);
/**
 * alvh_charts_page_get_chart:
 * @self: the charts page
 *
 * Returns: (transfer none): the page's chart
 */
AlvhChart *alvh_charts_page_get_chart         (AlvhChartsPage        *self);
/**
 * alvh_charts_page_dup_readout:
 * @self: the charts page
 *
 * Returns: (transfer full): the crosshair's readout text
 */
char      *alvh_charts_page_dup_readout       (AlvhChartsPage        *self);

G_END_DECLS
