/* alvh-chart-payoff.h — the payoff graph: P&L at expiry and today across SPX
 *
 * x = SPX price, y = P&L in dollars; the expiry curve is filled green above
 * zero and red below, today's (T+0) curve is a line, break-evens and the
 * spot are marked.  Draws on any cairo_t.
 */
#pragma once

#include <glib.h>
#include <cairo.h>

G_BEGIN_DECLS

typedef struct
{
  const double *spx;          /* n increasing prices */
  const double *pnl_expiry;   /* n values (may be NULL) */
  const double *pnl_today;    /* n values (may be NULL) */
  guint         n;
  const double *breakevens;
  guint         n_breakevens;
  double        spot;         /* NAN: not marked */
  double        pointer_x;    /* < 0: no crosshair */
  gboolean      dark;
  double        scale;        /* device pixels per logical pixel (0: 1) */
  const double *pnl_whatif;   /* n values at the what-if's date and market (may be NULL) */
} AlvhChartPayoff;

void     alvh_chart_payoff_render      (const AlvhChartPayoff *payoff,
                                        cairo_t               *cr,
                                        double                 width,
                                        double                 height);
/* The SPX price at x in a graph of that width (NAN when outside the plot) */
double   alvh_chart_payoff_price_at_x  (const AlvhChartPayoff *payoff,
                                        double                 width,
                                        double                 x);
/* P&L values interpolated at a price */
gboolean alvh_chart_payoff_values_at   (const AlvhChartPayoff *payoff,
                                        double                 price,
                                        double                *expiry,
                                        double                *today);

G_END_DECLS
