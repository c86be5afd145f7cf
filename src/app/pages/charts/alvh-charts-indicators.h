/* alvh-charts-indicators.h — the Charts page's display periods of its
 * indicators (the MACD pane), kept in the application's settings
 *
 * These periods change what the chart draws only.  The evaluator's
 * vix_macd_cross always uses MACD (12, 26, 9) as ALVH-SPEC.md defines it
 * (ALVH_MACD_FAST, _SLOW, _SIGNAL in alvh-indicators.h), which are also
 * the periods to reset to.
 */
#pragma once

#include "alvh-chart.h"

G_BEGIN_DECLS

/**
 * alvh_charts_indicators_apply_macd:
 * @chart: a chart from alvh_chart_market_new() with its data set
 * @fast: the fast EMA's period in bars
 * @slow: the slow EMA's period, more than @fast
 * @signal: the signal EMA's period
 *
 * Replaces the MACD pane's histogram, MACD and signal lines with those of
 * MACD (@fast, @slow, @signal) of the VIX pane's closes, joined to the
 * chart's bars as the market chart's own (12, 26, 9) are.  Does nothing
 * when the chart has no MACD pane series (no VIX) or @fast >= @slow.
 */
void alvh_charts_indicators_apply_macd (AlvhChart *chart,
                                        guint      fast,
                                        guint      slow,
                                        guint      signal);

G_END_DECLS
