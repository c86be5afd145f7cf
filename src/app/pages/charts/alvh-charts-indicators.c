/* alvh-charts-indicators.c — the MACD pane at the periods the user chose */
#define G_LOG_DOMAIN "alvh-desk"

#include "config.h"

#include <math.h>

#include "alvh-chart-market.h"
#include "alvh-charts-indicators.h"
#include "alvh-indicators.h"

void
alvh_charts_indicators_apply_macd (AlvhChart *chart,
                                   guint      fast,
                                   guint      slow,
                                   guint      signal)
{
  gsize n_bars = alvh_chart_get_n_bars (chart);
  const double *vix;
  g_autofree gsize *at = NULL;
  g_autofree double *closes = NULL;
  g_autofree double *out = NULL;
  gsize n = 0;

  g_return_if_fail (ALVH_IS_CHART (chart));

  if (fast < 1 || fast >= slow || signal < 1 || n_bars == 0 ||
      alvh_chart_pane_get_n_series (chart, ALVH_CHART_MARKET_PANE_MACD) == 0)
    return;
  /* with a MACD pane, the VIX pane's first series is the VIX close */
  vix = alvh_chart_series_get_values (chart, ALVH_CHART_MARKET_PANE_VIX, 0, 0);
  if (vix == NULL)
    return;

  /* the closes that exist, as the market chart takes them */
  at = g_new (gsize, n_bars);
  closes = g_new (double, n_bars);
  out = g_new (double, 3 * n_bars);
  for (gsize i = 0; i < n_bars; i++)
    if (isfinite (vix[i]))
      {
        at[n] = i;
        closes[n++] = vix[i];
      }
  alvh_macd (closes, n, fast, slow, signal, out, out + n, out + 2 * n);

  alvh_chart_pane_truncate_series (chart, ALVH_CHART_MARKET_PANE_MACD, 0);
  for (guint k = 0; k < ALVH_CHART_MACD_N; k++)
    {
      /* the histogram first, as drawn: behind the lines */
      const double *src = out + (k == 0 ? 2 : k - 1) * n;
      double *line = g_new (double, n_bars);
      g_autoptr(GBytes) bytes = NULL;

      for (gsize i = 0; i < n_bars; i++)
        line[i] = NAN;
      for (gsize r = 0; r < n; r++)
        line[at[r]] = src[r];
      bytes = g_bytes_new_take (line, n_bars * sizeof (double));
      alvh_chart_add_series_bytes (chart, ALVH_CHART_MARKET_PANE_MACD, alvh_chart_market_macd_style (k),
                                   bytes, NULL, NULL, NULL);
      alvh_chart_series_set_decimals (chart, ALVH_CHART_MARKET_PANE_MACD, k, 3);
    }
}
