/* alvh-charts-indicators.c — the MACD pane at the periods the user chose */
#define G_LOG_DOMAIN "alvh-desk"

#include "config.h"

#include "alvh-chart-market.h"
#include "alvh-charts-indicators.h"

void
alvh_charts_indicators_apply_macd (AlvhChart *chart,
                                   guint      fast,
                                   guint      slow,
                                   guint      signal)
{
  gsize n_bars = alvh_chart_get_n_bars (chart);
  const double *vix;

  g_return_if_fail (ALVH_IS_CHART (chart));

  if (fast < 1 || fast >= slow || signal < 1 || n_bars == 0 ||
      alvh_chart_pane_get_n_series (chart, ALVH_CHART_MARKET_PANE_MACD) == 0)
    return;
  /* with a MACD pane, the VIX pane's first series is the VIX close */
  vix = alvh_chart_series_get_values (chart, ALVH_CHART_MARKET_PANE_VIX, 0, 0);
  if (vix == NULL)
    return;
  alvh_chart_market_set_macd (chart, vix, n_bars, fast, slow, signal);
}
