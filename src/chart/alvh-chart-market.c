/* alvh-chart-market.c — builds the SPX / VIX / MACD / greeks chart */
#define G_LOG_DOMAIN "alvh-chart"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>
#include "alvh-indicators.h"
#include "alvh-market-frame.h"
#include "alvh-chart-market.h"
#include "alvh-format.h"

/**
 * alvh_chart_market_new:
 * Creates the market chart with its SPX, VIX, MACD, greeks and volatility
 * panes (the last two hidden until filled).
 *
 * Returns: (transfer full): a new #AlvhChart
 */
AlvhChart *
alvh_chart_market_new (void)
{
  AlvhChart *chart = alvh_chart_new ();

  alvh_chart_add_pane (chart, "SPX", 5.0);
  alvh_chart_add_pane (chart, "VIX", 2.2);
  alvh_chart_add_pane (chart, "MACD", 1.5);
  alvh_chart_add_pane (chart, _("Greeks"), 1.8);
  alvh_chart_pane_set_include_zero (chart, ALVH_CHART_MARKET_PANE_MACD, TRUE);
  alvh_chart_add_pane (chart, _("Volatility"), 2.0);
  alvh_chart_pane_set_visible (chart, ALVH_CHART_MARKET_PANE_GREEKS, FALSE);
  alvh_chart_pane_set_visible (chart, ALVH_CHART_MARKET_PANE_VOL, FALSE);
  alvh_chart_pane_set_log_scale (chart, ALVH_CHART_MARKET_PANE_VOL, TRUE);
  return chart;
}

static const AlvhChartSeriesStyle macd_styles[ALVH_CHART_MACD_N] = {
  [ALVH_CHART_MACD_HISTOGRAM] = { .kind = ALVH_CHART_SERIES_HISTOGRAM, .label = "Hist",
                                  .color = ALVH_CHART_COLOR_GRAY },
  [ALVH_CHART_MACD_LINE] = { .kind = ALVH_CHART_SERIES_LINE, .label = "MACD", .color = ALVH_CHART_COLOR_BLUE },
  [ALVH_CHART_MACD_SIGNAL] = { .kind = ALVH_CHART_SERIES_LINE, .label = "Signal", .color = ALVH_CHART_COLOR_ORANGE },
};

/**
 * alvh_chart_market_macd_style:
 * @series: one of the MACD pane's series
 *
 * How the market chart draws that series, so that a caller that fills the
 * pane again (other periods) draws it the same way.
 *
 * Returns: (transfer none): the style; static, never freed
 */
const AlvhChartSeriesStyle *
alvh_chart_market_macd_style (AlvhChartMacdSeries series)
{
  g_return_val_if_fail (series < ALVH_CHART_MACD_N, NULL);
  return &macd_styles[series];
}

/* a column of the frame, shared with the chart (which keeps the frame) */
static GBytes *
frame_bytes (AlvhMarketFrame *frame,
             const double    *column)
{
  return g_bytes_new_with_free_func (column, frame->n * sizeof (double),
                                     (GDestroyNotify) alvh_market_frame_unref,
                                     alvh_market_frame_ref (frame));
}

static gboolean
any_finite (const double *v,
            gsize         n)
{
  for (gsize i = 0; i < n; i++)
    if (isfinite (v[i]))
      return TRUE;
  return FALSE;
}

/**
 * alvh_chart_market_set_macd:
 * @chart: a chart from alvh_chart_market_new()
 * @vix: (array length=n_bars): the VIX close of each bar of the timeline
 *   (NAN where there is none)
 * @n_bars: the timeline's bars
 * @fast: the fast EMA's period (>= 1)
 * @slow: the slow EMA's period (> @fast)
 * @signal: the signal EMA's period (>= 1)
 *
 * Fills the MACD pane anew: the histogram, then the MACD and signal lines
 * (drawn in that order), of the closes that exist, each back at its bar:
 * the same figures as over the VIX series itself.
 */
void
alvh_chart_market_set_macd (AlvhChart    *chart,
                            const double *vix,
                            gsize         n_bars,
                            guint         fast,
                            guint         slow,
                            guint         signal)
{
  g_autofree gsize *at = g_new (gsize, MAX (n_bars, 1));
  g_autofree double *closes = g_new (double, MAX (n_bars, 1));
  g_autofree double *out = g_new (double, 3 * MAX (n_bars, 1));
  gsize n = 0;

  g_return_if_fail (ALVH_IS_CHART (chart));
  g_return_if_fail (vix != NULL || n_bars == 0);

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
      /* hist first, as drawn: behind the lines */
      const double *src = out + (k == 0 ? 2 : k - 1) * n;
      double *line = g_new (double, MAX (n_bars, 1));
      g_autoptr(GBytes) bytes = NULL;

      for (gsize i = 0; i < n_bars; i++)
        line[i] = NAN;
      for (gsize r = 0; r < n; r++)
        line[at[r]] = src[r];
      bytes = g_bytes_new_take (line, n_bars * sizeof (double));
      alvh_chart_add_series_bytes (chart, ALVH_CHART_MARKET_PANE_MACD, &macd_styles[k], bytes, NULL, NULL, NULL);
      alvh_chart_series_set_decimals (chart, ALVH_CHART_MARKET_PANE_MACD, k, 3);
    }
}

/**
 * alvh_chart_market_set_data:
 * @chart: a chart from alvh_chart_market_new()
 * @spx: (nullable): SPX bars (open, high, low, close; or close alone)
 * @vix: (nullable): VIX bars (close, and open/high/low if present)
 * @vx: (nullable): VIX futures settles (vx1 and/or vx2)
 *
 * Fills the panes with every series joined by New York date
 * (alvh_market_frame_new_union()): the bars are the dates SPX or VIX has, and
 * a series without a value on a date is NAN there (a gap, "–" in the
 * read-out), never another date's value.  Clears levels, markers, shading
 * and greeks.  The series are read, not kept.
 */
void
alvh_chart_market_set_data (AlvhChart  *chart,
                            AlvhSeries *spx,
                            AlvhSeries *vix,
                            AlvhSeries *vx)
{
  g_autoptr(AlvhMarketFrame) frame = NULL;
  g_autoptr(GBytes) times = NULL;

  g_return_if_fail (ALVH_IS_CHART (chart));
  g_return_if_fail (alvh_chart_get_n_panes (chart) == ALVH_CHART_MARKET_N_PANES);

  for (guint p = 0; p < ALVH_CHART_MARKET_N_PANES; p++)
    alvh_chart_clear_levels (chart, p);
  alvh_chart_pane_set_visible (chart, ALVH_CHART_MARKET_PANE_GREEKS, FALSE);
  alvh_chart_pane_set_visible (chart, ALVH_CHART_MARKET_PANE_VOL, FALSE);

  frame = alvh_market_frame_new_union (spx, vix, vx, NULL, NULL, G_MININT64, G_MAXINT64);
  times = g_bytes_new_with_free_func (frame->time, frame->n * sizeof (gint64),
                                      (GDestroyNotify) alvh_market_frame_unref, alvh_market_frame_ref (frame));
  alvh_chart_set_times_bytes (chart, times);
  if (frame->n == 0)
    return;

  if (any_finite (frame->close, frame->n))
    {
      g_autoptr(GBytes) c = frame_bytes (frame, frame->close);
      gboolean ohlc = alvh_series_find_column (spx, "open") >= 0 && alvh_series_find_column (spx, "high") >= 0 &&
                      alvh_series_find_column (spx, "low") >= 0;

      if (ohlc)
        {
          g_autoptr(GBytes) o = frame_bytes (frame, frame->open);
          g_autoptr(GBytes) h = frame_bytes (frame, frame->high);
          g_autoptr(GBytes) l = frame_bytes (frame, frame->low);
          alvh_chart_add_series_bytes (chart, ALVH_CHART_MARKET_PANE_SPX,
                                       &(AlvhChartSeriesStyle) { .kind = ALVH_CHART_SERIES_CANDLES, .label = "",
                                                                 .color = ALVH_CHART_COLOR_FOREGROUND },
                                       o, h, l, c);
        }
      else
        alvh_chart_add_series_bytes (chart, ALVH_CHART_MARKET_PANE_SPX,
                                     &(AlvhChartSeriesStyle) { .kind = ALVH_CHART_SERIES_LINE, .label = "",
                                                               .color = ALVH_CHART_COLOR_BLUE },
                                     c, NULL, NULL, NULL);
    }

  if (any_finite (frame->vix, frame->n))
    {
      g_autoptr(GBytes) v = frame_bytes (frame, frame->vix);
      alvh_chart_add_series_bytes (chart, ALVH_CHART_MARKET_PANE_VIX,
                                   &(AlvhChartSeriesStyle) { .kind = ALVH_CHART_SERIES_LINE, .label = "",
                                                             .color = ALVH_CHART_COLOR_FOREGROUND },
                                   v, NULL, NULL, NULL);
      alvh_chart_market_set_macd (chart, frame->vix, frame->n, ALVH_MACD_FAST, ALVH_MACD_SLOW, ALVH_MACD_SIGNAL);
    }

  if (vx != NULL && alvh_series_find_column (vx, "vx1") >= 0)
    {
      g_autoptr(GBytes) v = frame_bytes (frame, frame->vx1);
      alvh_chart_add_series_bytes (chart, ALVH_CHART_MARKET_PANE_VIX,
                                   &(AlvhChartSeriesStyle) { .kind = ALVH_CHART_SERIES_LINE, .label = "VX1",
                                                             .color = ALVH_CHART_COLOR_ORANGE },
                                   v, NULL, NULL, NULL);
    }
  if (vx != NULL && alvh_series_find_column (vx, "vx2") >= 0)
    {
      g_autoptr(GBytes) v = frame_bytes (frame, frame->vx2);
      alvh_chart_add_series_bytes (chart, ALVH_CHART_MARKET_PANE_VIX,
                                   &(AlvhChartSeriesStyle) { .kind = ALVH_CHART_SERIES_LINE, .label = "VX2",
                                                             .color = ALVH_CHART_COLOR_PURPLE,
                                                             .flags = ALVH_CHART_SERIES_FLAG_DASHED },
                                   v, NULL, NULL, NULL);
    }
}

/**
 * alvh_chart_market_set_condor_levels:
 * @chart: a chart from alvh_chart_market_new()
 * @levels: (array length=n) (nullable): the open condor's levels (copied)
 * @n: their number
 *
 * Replaces the SPX pane's levels, with the SD bands of short strikes to expiry.
 */
void
alvh_chart_market_set_condor_levels (AlvhChart            *chart,
                                     const AlvhChartLevel *levels,
                                     guint                 n)
{
  const guint pane = ALVH_CHART_MARKET_PANE_SPX;
  const double *close, *vix;
  const gint64 *times;
  gsize n_bars;

  g_return_if_fail (ALVH_IS_CHART (chart));
  g_return_if_fail (n == 0 || levels != NULL);

  alvh_chart_clear_levels (chart, pane);
  alvh_chart_pane_truncate_series (chart, pane, 1);

  times = alvh_chart_get_times (chart);
  n_bars = alvh_chart_get_n_bars (chart);
  close = alvh_chart_series_get_values (chart, pane, 0, 3);
  if (close == NULL)
    close = alvh_chart_series_get_values (chart, pane, 0, 0);
  vix = alvh_chart_series_get_values (chart, ALVH_CHART_MARKET_PANE_VIX, 0, 0);

  for (guint i = 0; i < n; i++)
    {
      const AlvhChartLevel *l = &levels[i];
      AlvhChartColor color = ALVH_CHART_COLOR_BLUE;
      gboolean dashed = FALSE;

      switch (l->kind)
        {
        case ALVH_CHART_LEVEL_SHORT_STRIKE:
          color = ALVH_CHART_COLOR_RED;
          break;
        case ALVH_CHART_LEVEL_LONG_STRIKE:
          color = ALVH_CHART_COLOR_GRAY;
          break;
        case ALVH_CHART_LEVEL_BREAKEVEN:
          color = ALVH_CHART_COLOR_PURPLE;
          dashed = TRUE;
          break;
        case ALVH_CHART_LEVEL_OTHER:
        default:
          break;
        }
      /* a level lives until its end, else until its expiry */
      alvh_chart_add_level (chart, pane, l->value, color, l->label, l->start,
                            l->end != 0 ? l->end : l->expiry, dashed);

      /* +/- 0.65 SD around a short strike while the condor lives:
       * sd = S * iv * sqrt (T), iv = VIX / 100, T = calendar days to expiry / 365 */
      if (l->kind == ALVH_CHART_LEVEL_SHORT_STRIKE && l->expiry != 0 && close && vix && n_bars > 0)
        {
          g_autofree double *lower = g_new (double, n_bars);
          g_autofree double *upper = g_new (double, n_bars);
          gint64 end = l->end != 0 ? MIN (l->end, l->expiry) : l->expiry;
          gboolean any = FALSE;

          for (gsize b = 0; b < n_bars; b++)
            {
              double T = (double) (l->expiry - times[b]) / 86400.0 / 365.0;
              lower[b] = upper[b] = NAN;
              if ((l->start != 0 && times[b] < l->start) || times[b] > end || T <= 0)
                continue;
              if (!isfinite (close[b]) || !isfinite (vix[b]))
                continue;
              {
                double sd = close[b] * vix[b] / 100.0 * sqrt (T);
                lower[b] = l->value - ALVH_CHART_MARKET_WING_SD * sd;
                upper[b] = l->value + ALVH_CHART_MARKET_WING_SD * sd;
                any = TRUE;
              }
            }
          if (any)
            alvh_chart_add_series (chart, pane,
                                   &(AlvhChartSeriesStyle) {
                                     .kind = ALVH_CHART_SERIES_BAND, .color = ALVH_CHART_COLOR_RED,
                                     .flags = ALVH_CHART_SERIES_FLAG_NO_AUTOSCALE | ALVH_CHART_SERIES_FLAG_NO_LEGEND },
                                   times, lower, upper, NULL, NULL, n_bars);
        }
    }
}

/**
 * alvh_chart_market_set_markers:
 * @chart: a chart from alvh_chart_market_new()
 * @markers: (array length=n) (nullable): hedge markers (copied)
 * @n: their number
 *
 * Replaces the SPX pane's markers.
 */
void
alvh_chart_market_set_markers (AlvhChart             *chart,
                               const AlvhChartMarker *markers,
                               guint                  n)
{
  alvh_chart_set_markers (chart, ALVH_CHART_MARKET_PANE_SPX, markers, n);
}

/**
 * alvh_chart_market_set_shading:
 * @chart: a chart from alvh_chart_market_new()
 * @starts: (array length=n) (nullable): the regions' first times
 * @ends: (array length=n) (nullable): the regions' last times
 * @n: their number
 *
 * Replaces the VIX pane's shaded regions (e.g. iv_expansion).
 */
void
alvh_chart_market_set_shading (AlvhChart    *chart,
                               const gint64 *starts,
                               const gint64 *ends,
                               guint         n)
{
  alvh_chart_set_shading (chart, ALVH_CHART_MARKET_PANE_VIX, starts, ends, n);
}

/**
 * alvh_chart_market_set_greeks:
 * @chart: a chart from alvh_chart_market_new()
 * @greeks: (nullable): columns delta, gamma, theta, vega (any); %NULL hides the pane
 * @delta_tolerance: the delta band drawn around 0
 *
 * Shows the book's greeks over time.
 */
void
alvh_chart_market_set_greeks (AlvhChart  *chart,
                              AlvhSeries *greeks,
                              double      delta_tolerance)
{
  static const struct { const char *name; const char *label; AlvhChartColor color; int decimals; } cols[] = {
    { "delta", "Δ", ALVH_CHART_COLOR_BLUE, 3 },
    { "gamma", "Γ", ALVH_CHART_COLOR_ORANGE, 4 },
    { "theta", "Θ", ALVH_CHART_COLOR_GREEN, 2 },
    { "vega", "V", ALVH_CHART_COLOR_PURPLE, 2 },
  };
  const guint pane = ALVH_CHART_MARKET_PANE_GREEKS;
  gboolean have_delta = FALSE;

  g_return_if_fail (ALVH_IS_CHART (chart));

  alvh_chart_pane_truncate_series (chart, pane, 0);
  alvh_chart_clear_levels (chart, pane);
  if (greeks == NULL || alvh_series_get_length (greeks) == 0 || alvh_chart_get_n_bars (chart) == 0)
    {
      alvh_chart_pane_set_visible (chart, pane, FALSE);
      return;
    }

  for (guint k = 0; k < G_N_ELEMENTS (cols); k++)
    {
      const double *v = alvh_series_get_column_by_name (greeks, cols[k].name);
      guint idx;
      /* delta owns the axis (with its tolerance lines); the others are
       * scaled on their own, their values are in the legend */
      AlvhChartSeriesFlags flags = k == 0 ? 0 : ALVH_CHART_SERIES_FLAG_OWN_SCALE;

      if (v == NULL)
        continue;
      if (k == 0)
        have_delta = TRUE;
      else if (!have_delta && alvh_chart_pane_get_n_series (chart, pane) == 0)
        flags = 0;
      idx = alvh_chart_add_series (chart, pane,
                                   &(AlvhChartSeriesStyle) { .kind = ALVH_CHART_SERIES_LINE, .label = cols[k].label,
                                                             .color = cols[k].color, .flags = flags },
                                   alvh_series_get_times (greeks), v, NULL, NULL, NULL,
                                   alvh_series_get_length (greeks));
      alvh_chart_series_set_decimals (chart, pane, idx, cols[k].decimals);
    }
  if (have_delta && delta_tolerance > 0)
    {
      /* the tolerated zone, shaded; it also keeps both lines on the axis */
      const gint64 *gt = alvh_series_get_times (greeks);
      gsize gn = alvh_series_get_length (greeks);
      g_autofree double *lo = g_new (double, MAX (gn, 1));
      g_autofree double *hi = g_new (double, MAX (gn, 1));

      for (gsize b = 0; b < gn; b++)
        {
          lo[b] = -delta_tolerance;
          hi[b] = delta_tolerance;
        }
      alvh_chart_add_series (chart, pane,
                             &(AlvhChartSeriesStyle) { .kind = ALVH_CHART_SERIES_BAND, .color = ALVH_CHART_COLOR_GRAY,
                                                       .flags = ALVH_CHART_SERIES_FLAG_NO_LEGEND },
                             gt, lo, hi, NULL, NULL, gn);
      g_autofree char *digits = alvh_format_number (delta_tolerance, 2, ALVH_FORMAT_SCREEN);
      g_autofree char *plus = g_strconcat ("+", digits, NULL);
      g_autofree char *minus = g_strconcat ("−", digits, NULL);
      alvh_chart_add_level (chart, pane, delta_tolerance, ALVH_CHART_COLOR_RED, plus, 0, 0, TRUE);
      alvh_chart_add_level (chart, pane, -delta_tolerance, ALVH_CHART_COLOR_RED, minus, 0, 0, TRUE);
      alvh_chart_pane_set_include_zero (chart, pane, TRUE);
    }
  alvh_chart_pane_set_visible (chart, pane, alvh_chart_pane_get_n_series (chart, pane) > 0);
}

/**
 * alvh_chart_market_set_vol_indices:
 * @chart: a chart from alvh_chart_market_new() with its data set
 * @indices: (array fixed-size=5): VIX9D, VIX, VIX3M, VVIX and SKEW closes
 *   (each nullable; in #AlvhChartVolIndex order)
 * @shown: which to draw, bit (1 << #AlvhChartVolIndex) each
 *
 * Fills the volatility pane (log scale, so that VIX and VVIX or SKEW share
 * it) with the shown indices joined by date; hides the pane when none is
 * shown or has data.  Call again after alvh_chart_market_set_data().
 */
void
alvh_chart_market_set_vol_indices (AlvhChart         *chart,
                                   AlvhSeries * const *indices,
                                   guint              shown)
{
  const guint pane = ALVH_CHART_MARKET_PANE_VOL;
  static const AlvhChartSeriesStyle look[ALVH_CHART_VOL_N] = {
    [ALVH_CHART_VOL_VIX9D] = { .kind = ALVH_CHART_SERIES_LINE, .label = "VIX9D", .color = ALVH_CHART_COLOR_ORANGE },
    [ALVH_CHART_VOL_VIX] = { .kind = ALVH_CHART_SERIES_LINE, .label = "VIX", .color = ALVH_CHART_COLOR_FOREGROUND },
    [ALVH_CHART_VOL_VIX3M] = { .kind = ALVH_CHART_SERIES_LINE, .label = "VIX3M", .color = ALVH_CHART_COLOR_BLUE },
    [ALVH_CHART_VOL_VVIX] = { .kind = ALVH_CHART_SERIES_LINE, .label = "VVIX", .color = ALVH_CHART_COLOR_PURPLE,
                              .flags = ALVH_CHART_SERIES_FLAG_DASHED },
    [ALVH_CHART_VOL_SKEW] = { .kind = ALVH_CHART_SERIES_LINE, .label = "SKEW", .color = ALVH_CHART_COLOR_GRAY,
                              .flags = ALVH_CHART_SERIES_FLAG_DASHED },
  };
  gboolean any = FALSE;

  g_return_if_fail (ALVH_IS_CHART (chart));
  g_return_if_fail (alvh_chart_get_n_panes (chart) == ALVH_CHART_MARKET_N_PANES);
  g_return_if_fail (indices != NULL);

  alvh_chart_pane_truncate_series (chart, pane, 0);
  for (guint k = 0; k < ALVH_CHART_VOL_N; k++)
    {
      AlvhSeries *s = indices[k];
      const double *close;

      if (s == NULL || !(shown & (1u << k)) || alvh_series_get_length (s) == 0)
        continue;
      close = alvh_series_get_column_by_name (s, "close");
      if (close == NULL && alvh_series_get_n_columns (s) > 0)
        close = alvh_series_get_column (s, 0);
      if (close == NULL)
        continue;
      alvh_chart_add_series (chart, pane, &look[k], alvh_series_get_times (s), close, NULL, NULL, NULL,
                             alvh_series_get_length (s));
      any = TRUE;
    }
  alvh_chart_pane_set_visible (chart, pane, any);
}
