/* test-chart.c — the Cairo chart engine on real SPX and VIX history */
#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo.h>

#include "alvh-time.h"
#include "alvh-series.h"
#include "alvh-indicators.h"
#include "alvh-import.h"
#include "alvh-profile.h"
#include "alvh-chart.h"
#include "alvh-chart-palette.h"
#include "alvh-chart-market.h"
#include "alvh-chart-payoff.h"
#include "alvh-chart-plot.h"
#include "alvh-chart-ticks.h"
#include "test-chart-util.h"
#include "test-market-util.h"

static AlvhSeries *spx_series;
static AlvhSeries *vix_series;

static AlvhChart *
spx_chart (gboolean log_scale)
{
  AlvhChart *chart = alvh_chart_new ();
  gsize n = alvh_series_get_length (spx_series);
  const gint64 *t = alvh_series_get_times (spx_series);

  alvh_chart_add_pane (chart, "SPX", 1);
  alvh_chart_set_times (chart, t, n);
  alvh_chart_add_series (chart, 0,
                         &(AlvhChartSeriesStyle) { .kind = ALVH_CHART_SERIES_CANDLES, .label = "",
                                                   .color = ALVH_CHART_COLOR_FOREGROUND },
                         t,
                         alvh_series_get_column_by_name (spx_series, "open"),
                         alvh_series_get_column_by_name (spx_series, "high"),
                         alvh_series_get_column_by_name (spx_series, "low"),
                         alvh_series_get_column_by_name (spx_series, "close"), n);
  alvh_chart_pane_set_log_scale (chart, 0, log_scale);
  return chart;
}

/* ---- ticks ----------------------------------------------------------- */

/* The Sweep view's first range around a profile value v: the step it
 * offered before it used alvh_chart_nice_step (its own nice_step), kept here
 * so that the values it offers stay what they were. */
static double
sweep_step_before (double v,
                   double span)
{
  double target = v != 0.0 ? fabs (v) / 10.0 : span / 10.0;
  double p = pow (10.0, floor (log10 (target)));
  double m = target / p;

  return (m < 1.5 ? 1.0 : m < 3.5 ? 2.0 : m < 7.5 ? 5.0 : 10.0) * p;
}

static void
test_nice_step_nearest (void)
{
  const AlvhProfileDescriptor *d;
  guint n, checked = 0;

  /* 1, 2 or 5 × 10^n nearest a tenth, unlike an axis's step (at least) */
  g_assert_cmpfloat (alvh_chart_nice_step (0.12, 10, ALVH_CHART_STEP_NEAREST), ==, 0.01);
  g_assert_cmpfloat (alvh_chart_nice_step (0.12, 10, ALVH_CHART_STEP_AT_LEAST), ==, 0.02);
  g_assert_cmpfloat (alvh_chart_nice_step (0.3, 10, ALVH_CHART_STEP_NEAREST), ==, 0.02);
  g_assert_cmpfloat (alvh_chart_nice_step (0.6, 10, ALVH_CHART_STEP_NEAREST), ==, 0.05);
  g_assert_cmpfloat (alvh_chart_nice_step (80, 10, ALVH_CHART_STEP_NEAREST), ==, 10);
  g_assert_cmpfloat (alvh_chart_nice_step (0, 10, ALVH_CHART_STEP_NEAREST), ==, 1);
  /* every step the Sweep view offers for the spec's values, and for values
   * across each key's range, is what it offered before */
  d = alvh_profile_get_descriptors (&n);
  for (guint k = 0; k < n; k++)
    {
      if (d[k].type != ALVH_PROFILE_VALUE_DOUBLE)
        continue;
      for (int i = 0; i <= 40; i++)
        {
          double v = i == 40 ? d[k].default_value : d[k].min + (d[k].max - d[k].min) * i / 39.0;
          double span = d[k].max - d[k].min;

          if (v == 0.0 && !(span > 0))
            continue;
          g_assert_cmpfloat (alvh_chart_nice_step (v != 0.0 ? fabs (v) : span, 10, ALVH_CHART_STEP_NEAREST),
                             ==, sweep_step_before (v, span));
          checked++;
        }
    }
  g_assert_cmpuint (checked, >, 100);
}

static void
test_price_ticks (void)
{
  AlvhChartTick ticks[ALVH_CHART_MAX_TICKS];
  guint n;

  g_assert_cmpfloat (alvh_chart_nice_step (100, 5, ALVH_CHART_STEP_AT_LEAST), ==, 20);
  g_assert_cmpfloat (alvh_chart_nice_step (1, 4, ALVH_CHART_STEP_AT_LEAST), ==, 0.25);
  g_assert_cmpfloat (alvh_chart_nice_step (3700, 8, ALVH_CHART_STEP_AT_LEAST), ==, 500);

  n = alvh_chart_price_ticks (2191.86, 3393.52, 8, FALSE, ticks, G_N_ELEMENTS (ticks));
  g_assert_cmpuint (n, ==, 6);
  g_assert_cmpstr (ticks[0].label, ==, "2,200");
  g_assert_cmpstr (ticks[5].label, ==, "3,200");

  n = alvh_chart_price_ticks (9.14, 82.69, 6, FALSE, ticks, G_N_ELEMENTS (ticks));
  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpstr (ticks[0].label, ==, "20");
  g_assert_cmpstr (ticks[3].label, ==, "80");

  n = alvh_chart_price_ticks (0.0, 1.0, 4, FALSE, ticks, G_N_ELEMENTS (ticks));
  g_assert_cmpuint (n, ==, 5);
  g_assert_cmpstr (ticks[1].label, ==, "0.25");

  /* log: 1-2-5 per decade over 4.4 .. 6300 (SPX 1932 low .. 2026) */
  n = alvh_chart_price_ticks (4.4, 6300, 12, TRUE, ticks, G_N_ELEMENTS (ticks));
  g_assert_cmpuint (n, ==, 10);
  g_assert_cmpstr (ticks[0].label, ==, "5");
  g_assert_cmpstr (ticks[1].label, ==, "10");
  g_assert_true (ticks[1].major);
  g_assert_cmpstr (ticks[9].label, ==, "5,000");
  /* fewer allowed: one per decade */
  n = alvh_chart_price_ticks (4.4, 6300, 4, TRUE, ticks, G_N_ELEMENTS (ticks));
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpstr (ticks[0].label, ==, "10");
  g_assert_cmpstr (ticks[2].label, ==, "1,000");
}

/* A value tag on the price axis reads as every other price on screen: with
 * the thousands separator and the minus sign of the one formatter */
static void
test_tag_text (void)
{
  g_autofree char *spx = alvh_chart_format_tag (5893.05, 2);
  g_autofree char *macd = alvh_chart_format_tag (-0.0904, 3);
  g_autofree char *vix = alvh_chart_format_tag (12.99, 2);

  g_assert_cmpstr (spx, ==, "5,893.05");
  g_assert_cmpstr (macd, ==, "\u22120.090");
  g_assert_cmpstr (vix, ==, "12.99");
}

static void
test_time_ticks (void)
{
  const gint64 *t;
  gsize n;
  AlvhChartTick ticks[ALVH_CHART_MAX_TICKS];
  AlvhChartTimeUnit unit;
  guint step, count;
  gssize i0, i1;
  gboolean saw_2020 = FALSE;

  if (!test_chart_need_histories (spx_series, vix_series))
    return;
  t = alvh_series_get_times (spx_series);
  n = alvh_series_get_length (spx_series);

  /* two years across 1000 px: monthly ticks on each month's first trading day */
  i0 = alvh_series_find_time_ge (spx_series, test_ny (2019, 7, 1));
  i1 = alvh_series_find_time_le (spx_series, test_ny (2021, 6, 30));
  count = alvh_chart_time_ticks (t, n, (double) i0, (double) i1, 1600, 60, ticks, G_N_ELEMENTS (ticks), &unit, &step);
  g_assert_cmpint (unit, ==, ALVH_CHART_TIME_UNIT_MONTH);
  g_assert_cmpuint (step, ==, 1);
  g_assert_cmpuint (count, >=, 20);
  for (guint k = 0; k < count; k++)
    {
      gsize idx = (gsize) ticks[k].value;
      int y, m, d, py, pm, pd;
      alvh_time_to_ny_date (t[idx], &y, &m, &d);
      alvh_time_to_ny_date (t[idx - 1], &py, &pm, &pd);
      g_assert_cmpint (m, !=, pm);   /* first bar of its month */
      if (m == 1)
        {
          g_assert_cmpstr (ticks[k].label, ==, y == 2020 ? "2020" : "2021");
          g_assert_true (ticks[k].major);
          if (y == 2020)
            {
              g_assert_cmpint (d, ==, 2);  /* 2020-01-02, first session of 2020 */
              saw_2020 = TRUE;
            }
        }
      else
        g_assert_cmpstr (ticks[k].label, ==, alvh_chart_month_abbrev (m));
    }
  g_assert_true (saw_2020);

  /* the whole history (1927-2026) across 1200 px: decades */
  count = alvh_chart_time_ticks (t, n, 0, (double) n - 1, 1200, 80, ticks, G_N_ELEMENTS (ticks), &unit, &step);
  g_assert_cmpint (unit, ==, ALVH_CHART_TIME_UNIT_YEAR);
  g_assert_cmpuint (step, ==, 10);
  g_assert_cmpstr (ticks[0].label, ==, "1930");
  g_assert_cmpstr (ticks[count - 1].label, ==, "2020");

  /* one month: days, the month's first session labelled with the month */
  i0 = alvh_series_find_time_ge (spx_series, test_ny (2020, 2, 15));
  i1 = alvh_series_find_time_le (spx_series, test_ny (2020, 3, 15));
  count = alvh_chart_time_ticks (t, n, (double) i0, (double) i1, 800, 60, ticks, G_N_ELEMENTS (ticks), &unit, &step);
  g_assert_cmpint (unit, ==, ALVH_CHART_TIME_UNIT_DAY);
  {
    gboolean saw_mar = FALSE;
    for (guint k = 0; k < count; k++)
      if (g_strcmp0 (ticks[k].label, "Mar") == 0)
        {
          int y, m, d;
          alvh_time_to_ny_date (t[(gsize) ticks[k].value], &y, &m, &d);
          g_assert_cmpint (m, ==, 3);
          g_assert_cmpint (d, ==, 2);  /* Monday 2020-03-02 */
          saw_mar = TRUE;
        }
    g_assert_true (saw_mar);
  }
}

static void
test_log_scale (void)
{
  g_autoptr(AlvhChart) chart = NULL;
  cairo_surface_t *surface;
  double y10, y100, y1000, lo, hi;

  if (!test_chart_need_histories (spx_series, vix_series))
    return;
  chart = spx_chart (TRUE);
  alvh_chart_show_all (chart);
  surface = test_chart_render (chart, 1000, 600);
  test_chart_save_png (surface, "chart-spx-log.png");
  g_assert_true (alvh_chart_pane_get_range (chart, 0, &lo, &hi));
  /* 1932 low 4.40 .. 2026 high above 6000 */
  g_assert_cmpfloat (lo, <, 4.40);
  g_assert_cmpfloat (hi, >, 6000);
  y10 = alvh_chart_y_for_value (chart, 0, 10);
  y100 = alvh_chart_y_for_value (chart, 0, 100);
  y1000 = alvh_chart_y_for_value (chart, 0, 1000);
  g_assert_cmpfloat (y10, >, y100);
  g_assert_cmpfloat_with_epsilon (y10 - y100, y100 - y1000, 1e-6);
  g_assert_cmpfloat_with_epsilon (alvh_chart_value_at_y (chart, 0, y100), 100, 1e-6);
  g_assert_true (isnan (alvh_chart_y_for_value (chart, 0, -5)));

  /* linear: equal price steps are equal pixel steps */
  alvh_chart_pane_set_log_scale (chart, 0, FALSE);
  cairo_surface_destroy (surface);
  surface = test_chart_render (chart, 1000, 600);
  y100 = alvh_chart_y_for_value (chart, 0, 1000);
  y1000 = alvh_chart_y_for_value (chart, 0, 2000);
  g_assert_cmpfloat_with_epsilon (y100 - y1000, alvh_chart_y_for_value (chart, 0, 2000) -
                                  alvh_chart_y_for_value (chart, 0, 3000), 1e-6);
  cairo_surface_destroy (surface);
}

/* ---- candles --------------------------------------------------------- */

static void
check_candle_colour (AlvhChart       *chart,
                     cairo_surface_t *surface,
                     gint64           day,
                     AlvhChartColor   expected)
{
  const AlvhChartPalette *pal = alvh_chart_palette_get (alvh_chart_get_dark (chart));
  gssize i = alvh_series_find_time (spx_series, day);
  double o, c, x, y;

  g_assert_cmpint (i, >=, 0);
  o = alvh_series_get_column_by_name (spx_series, "open")[i];
  c = alvh_series_get_column_by_name (spx_series, "close")[i];
  x = alvh_chart_x_for_index (chart, (double) i);
  y = alvh_chart_y_for_value (chart, 0, (o + c) / 2);
  /* the body's middle, left of the wick */
  if (!test_chart_px_near (test_chart_pixel (surface, x - 2, y), &pal->colors[expected], 2))
    {
      TestPx p = test_chart_pixel (surface, x - 2, y);
      g_error ("bar %" G_GSSIZE_FORMAT " at (%.1f, %.1f) is #%02x%02x%02x", i, x, y, p.r, p.g, p.b);
    }
}

static void
test_candle_colours (void)
{
  g_autoptr(AlvhChart) chart = NULL;
  cairo_surface_t *surface;

  if (!test_chart_need_histories (spx_series, vix_series))
    return;
  for (int dark = 0; dark < 2; dark++)
    {
      chart = spx_chart (FALSE);
      alvh_chart_set_dark (chart, dark);
      alvh_chart_show_time_range (chart, test_ny (2020, 2, 1), test_ny (2020, 4, 30));
      surface = test_chart_render (chart, 900, 500);
      test_chart_save_png (surface, dark ? "chart-candles-2020-dark.png" : "chart-candles-2020.png");
      /* 2020-03-16: -11.98 %, a down candle; 2020-03-24: +9.38 %, up */
      check_candle_colour (chart, surface, test_ny (2020, 3, 16), ALVH_CHART_COLOR_DOWN);
      check_candle_colour (chart, surface, test_ny (2020, 3, 24), ALVH_CHART_COLOR_UP);
      check_candle_colour (chart, surface, test_ny (2020, 3, 12), ALVH_CHART_COLOR_DOWN);
      check_candle_colour (chart, surface, test_ny (2020, 3, 13), ALVH_CHART_COLOR_UP);
      cairo_surface_destroy (surface);
      g_clear_object (&chart);
    }
}

static void
test_axis_labels (void)
{
  g_autoptr(AlvhChart) chart = NULL;
  cairo_surface_t *surface;
  const AlvhChartPalette *pal = alvh_chart_palette_get (FALSE);
  guint ink_axis = 0, ink_time = 0;
  int w = 900, h = 500;

  if (!test_chart_need_histories (spx_series, vix_series))
    return;
  chart = spx_chart (FALSE);
  alvh_chart_show_time_range (chart, test_ny (2019, 1, 1), test_ny (2021, 12, 31));
  surface = test_chart_render (chart, w, h);
  /* price labels in the right strip (x > plot + 4), time labels in the bottom strip */
  for (int y = 30; y < h - 30; y++)
    for (int x = w - 60; x < w - 4; x++)
      if (!test_chart_px_near (test_chart_pixel (surface, x, y), &pal->background, 8))
        ink_axis++;
  for (int y = h - 20; y < h - 2; y++)
    for (int x = 0; x < w - 70; x++)
      if (!test_chart_px_near (test_chart_pixel (surface, x, y), &pal->background, 8))
        ink_time++;
  g_assert_cmpuint (ink_axis, >, 300);
  g_assert_cmpuint (ink_time, >, 300);
  cairo_surface_destroy (surface);
}

/* ---- markers, levels, shading, other kinds --------------------------- */

static void
test_markers (void)
{
  g_autoptr(AlvhChart) chart = NULL;
  cairo_surface_t *surface;
  const AlvhChartPalette *pal = alvh_chart_palette_get (FALSE);
  AlvhChartMarker markers[] = {
    { test_ny (2020, 2, 24), NAN, "L1", "iv_expansion 0.52 >= 0.15\nterm_inversion 0.08 > 0", ALVH_CHART_MARKER_TRIANGLE_UP, ALVH_CHART_COLOR_ORANGE },
    { test_ny (2020, 3, 16), 2300, "L2", "wing_proximity -0.4 <= 0.65", ALVH_CHART_MARKER_DIAMOND, ALVH_CHART_COLOR_PURPLE },
  };
  guint pane, marker;
  double x, y;
  gssize i;

  if (!test_chart_need_histories (spx_series, vix_series))
    return;
  chart = spx_chart (FALSE);
  alvh_chart_set_markers (chart, 0, markers, G_N_ELEMENTS (markers));
  alvh_chart_show_time_range (chart, test_ny (2020, 2, 1), test_ny (2020, 4, 30));
  surface = test_chart_render (chart, 900, 500);
  test_chart_save_png (surface, "chart-markers.png");

  for (guint k = 0; k < G_N_ELEMENTS (markers); k++)
    {
      i = alvh_series_find_time (spx_series, markers[k].time);
      g_assert_true (alvh_chart_get_marker_position (chart, 0, k, &x, &y));
      g_assert_cmpfloat_with_epsilon (x, alvh_chart_x_for_index (chart, (double) i), 1e-9);
      g_assert_true (test_chart_px_near (test_chart_pixel (surface, x, y), &pal->colors[markers[k].color], 2));
      g_assert_true (alvh_chart_marker_at (chart, x + 2, y - 1, &pane, &marker));
      g_assert_cmpuint (pane, ==, 0);
      g_assert_cmpuint (marker, ==, k);
      g_assert_cmpstr (alvh_chart_get_marker_tooltip (chart, pane, marker), ==, markers[k].tooltip);
      /* x -> bar index */
      g_assert_cmpint (alvh_chart_index_at_x (chart, x), ==, i);
    }
  /* pinned to 2300 */
  g_assert_true (alvh_chart_get_marker_position (chart, 0, 1, &x, &y));
  g_assert_cmpfloat_with_epsilon (y, alvh_chart_y_for_value (chart, 0, 2300), 1e-9);
  g_assert_false (alvh_chart_marker_at (chart, 5, 5, &pane, &marker));
  cairo_surface_destroy (surface);
}

static void
test_kinds (void)
{
  g_autoptr(AlvhChart) chart = alvh_chart_new ();
  cairo_surface_t *surface;
  const AlvhChartPalette *pal = alvh_chart_palette_get (FALSE);
  const gint64 *t;
  gsize n;
  const double *vc;
  g_autofree double *lo = NULL, *hi = NULL, *macd = NULL, *sig = NULL, *hist = NULL;
  gint64 shade_from[] = { test_ny (2020, 2, 24) }, shade_to[] = { test_ny (2020, 3, 20) };
  gssize i;
  double x, y;
  TestPx p;

  if (!test_chart_need_histories (spx_series, vix_series))
    return;
  t = alvh_series_get_times (vix_series);
  n = alvh_series_get_length (vix_series);
  vc = alvh_series_get_column_by_name (vix_series, "close");
  lo = g_new (double, n);
  hi = g_new (double, n);
  macd = g_new (double, n);
  sig = g_new (double, n);
  hist = g_new (double, n);
  for (gsize k = 0; k < n; k++)
    {
      lo[k] = vc[k] * 0.9;
      hi[k] = vc[k] * 1.1;
    }
  alvh_macd (vc, n, 12, 26, 9, macd, sig, hist);

  alvh_chart_add_pane (chart, "VIX OHLC", 2);
  alvh_chart_add_pane (chart, "VIX line and band", 2);
  alvh_chart_add_pane (chart, "MACD", 1);
  alvh_chart_set_times (chart, t, n);
  alvh_chart_add_series (chart, 0, &(AlvhChartSeriesStyle) { .kind = ALVH_CHART_SERIES_OHLC, .label = "" }, t,
                         alvh_series_get_column_by_name (vix_series, "open"),
                         alvh_series_get_column_by_name (vix_series, "high"),
                         alvh_series_get_column_by_name (vix_series, "low"), vc, n);
  alvh_chart_add_series (chart, 1,
                         &(AlvhChartSeriesStyle) { .kind = ALVH_CHART_SERIES_BAND, .label = "±10%",
                                                   .color = ALVH_CHART_COLOR_TEAL },
                         t, lo, hi, NULL, NULL, n);
  alvh_chart_add_series (chart, 1, &test_chart_vix_line, t, vc, NULL, NULL, NULL, n);
  alvh_chart_add_series (chart, 2, alvh_chart_market_macd_style (ALVH_CHART_MACD_HISTOGRAM), t, hist, NULL, NULL,
                         NULL, n);
  alvh_chart_add_series (chart, 2, alvh_chart_market_macd_style (ALVH_CHART_MACD_LINE), t, macd, NULL, NULL, NULL, n);
  alvh_chart_pane_set_include_zero (chart, 2, TRUE);
  alvh_chart_add_level (chart, 0, 30, ALVH_CHART_COLOR_RED, "VIX 30", 0, 0, FALSE);
  alvh_chart_set_shading (chart, 1, shade_from, shade_to, 1);
  alvh_chart_show_time_range (chart, test_ny (2020, 1, 1), test_ny (2020, 6, 30));
  surface = test_chart_render (chart, 1000, 700);
  test_chart_save_png (surface, "chart-kinds.png");

  /* level line at 30 across the plot, away from the bars */
  y = floor (alvh_chart_y_for_value (chart, 0, 30));
  p = test_chart_pixel (surface, 4, y);
  g_assert_true (test_chart_px_near (p, &pal->colors[ALVH_CHART_COLOR_RED], 40));

  /* shading: a bar inside the region, near the pane top, tinted; outside not */
  i = alvh_series_find_time (vix_series, test_ny (2020, 3, 2));
  {
    double px0, py0, pw, ph;
    g_assert_true (alvh_chart_pane_get_area (chart, 1, &px0, &py0, &pw, &ph));
    x = alvh_chart_x_for_index (chart, (double) i);
    p = test_chart_pixel (surface, x, py0 + ph - 3);
    g_assert_false (test_chart_px_near (p, &pal->background, 6));
    i = alvh_series_find_time (vix_series, test_ny (2020, 5, 4));
    p = test_chart_pixel (surface, alvh_chart_x_for_index (chart, (double) i) + 1, py0 + ph - 3);
    g_assert_true (test_chart_px_near (p, &pal->background, 3));
  }

  /* the band: between 0.9 and 1.1 of the close, on a calm day, tinted teal */
  i = alvh_series_find_time (vix_series, test_ny (2020, 6, 1));
  x = alvh_chart_x_for_index (chart, (double) i);
  y = alvh_chart_y_for_value (chart, 1, vc[i] * 1.06);
  p = test_chart_pixel (surface, x, y);
  g_assert_false (test_chart_px_near (p, &pal->background, 6));
  g_assert_cmpint (p.g, >, p.r);  /* teal tint */

  /* histogram: 2020-02-24 VIX jumped, MACD histogram above zero -> up colour */
  i = alvh_series_find_time (vix_series, test_ny (2020, 2, 27));
  g_assert_cmpfloat (hist[i], >, 0);
  x = alvh_chart_x_for_index (chart, (double) i);
  y = (alvh_chart_y_for_value (chart, 2, 0) + alvh_chart_y_for_value (chart, 2, hist[i])) / 2;
  p = test_chart_pixel (surface, x, y);
  g_assert_cmpint (p.g, >, p.r + 40);
  cairo_surface_destroy (surface);
}

/* ---- decimation ------------------------------------------------------ */

static void
ink_rows (cairo_surface_t        *surface,
          const AlvhChartPalette *pal,
          int                     x0,
          int                     x1,
          int                     y0,
          int                     y1,
          const AlvhChartRgba    *color,
          int                    *top,
          int                    *bottom)
{
  *top = -1;
  *bottom = -1;
  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      if (test_chart_px_near (test_chart_pixel (surface, x, y), color, 30))
        {
          if (*top < 0)
            *top = y;
          *bottom = y;
          break;
        }
  (void) pal;
}

static void
test_decimation (void)
{
  g_autoptr(AlvhChart) chart = NULL;
  cairo_surface_t *surface;
  const AlvhChartPalette *pal = alvh_chart_palette_get (FALSE);
  const double *h, *l;
  gssize i0, i1;
  double mx = -INFINITY, mn = INFINITY, px0, py0, pw, ph;
  int top_up, bottom_up, top_down, bottom_down, top, bottom;

  if (!test_chart_need_histories (spx_series, vix_series))
    return;
  h = alvh_series_get_column_by_name (spx_series, "high");
  l = alvh_series_get_column_by_name (spx_series, "low");
  /* 1990-2026 (about 9 000 bars) on 600 px: 15 bars per column */
  chart = spx_chart (FALSE);
  alvh_chart_show_time_range (chart, test_ny (1990, 1, 1), test_ny (2026, 12, 31));
  surface = test_chart_render (chart, 660, 400);
  test_chart_save_png (surface, "chart-decimated.png");
  i0 = alvh_series_find_time_ge (spx_series, test_ny (1990, 1, 1));
  i1 = (gssize) alvh_series_get_length (spx_series) - 1;
  for (gssize i = i0; i <= i1; i++)
    {
      mx = MAX (mx, h[i]);
      mn = MIN (mn, l[i]);
    }
  g_assert_true (alvh_chart_pane_get_area (chart, 0, &px0, &py0, &pw, &ph));
  ink_rows (surface, pal, 0, (int) pw, (int) py0 + 18, (int) (py0 + ph), &pal->colors[ALVH_CHART_COLOR_UP], &top_up, &bottom_up);
  ink_rows (surface, pal, 0, (int) pw, (int) py0 + 18, (int) (py0 + ph), &pal->colors[ALVH_CHART_COLOR_DOWN], &top_down, &bottom_down);
  top = MIN (top_up >= 0 ? top_up : 9999, top_down >= 0 ? top_down : 9999);
  bottom = MAX (bottom_up, bottom_down);
  /* the drawn extremes are the range's max high and min low, within a pixel */
  g_assert_cmpfloat (fabs (top - floor (alvh_chart_y_for_value (chart, 0, mx))), <=, 1.0);
  g_assert_cmpfloat (fabs (bottom - floor (alvh_chart_y_for_value (chart, 0, mn))), <=, 1.5);
  cairo_surface_destroy (surface);

  /* the same view without decimation draws the same extremes */
  alvh_chart_set_decimation (chart, FALSE);
  surface = test_chart_render (chart, 660, 400);
  ink_rows (surface, pal, 0, (int) pw, (int) py0 + 18, (int) (py0 + ph), &pal->colors[ALVH_CHART_COLOR_UP], &top_up, &bottom_up);
  ink_rows (surface, pal, 0, (int) pw, (int) py0 + 18, (int) (py0 + ph), &pal->colors[ALVH_CHART_COLOR_DOWN], &top_down, &bottom_down);
  g_assert_cmpint (abs (MIN (top_up >= 0 ? top_up : 9999, top_down >= 0 ? top_down : 9999) - top), <=, 2);
  g_assert_cmpint (abs (MAX (bottom_up, bottom_down) - bottom), <=, 2);
  cairo_surface_destroy (surface);
  g_clear_object (&chart);

  /* a line keeps its spike: VIX 1990-2026 on 400 px, max close 82.69 (2020-03-16) */
  chart = alvh_chart_new ();
  alvh_chart_add_pane (chart, "VIX", 1);
  alvh_chart_set_times (chart, alvh_series_get_times (vix_series), alvh_series_get_length (vix_series));
  alvh_chart_add_series (chart, 0, &test_chart_vix_line,
                         alvh_series_get_times (vix_series),
                         alvh_series_get_column_by_name (vix_series, "close"), NULL, NULL, NULL,
                         alvh_series_get_length (vix_series));
  alvh_chart_show_all (chart);
  surface = test_chart_render (chart, 466, 300);
  test_chart_save_png (surface, "chart-vix-line-decimated.png");
  g_assert_true (alvh_chart_pane_get_area (chart, 0, &px0, &py0, &pw, &ph));
  ink_rows (surface, pal, 0, (int) pw, (int) py0 + 18, (int) (py0 + ph), &pal->colors[ALVH_CHART_COLOR_BLUE], &top, &bottom);
  g_assert_cmpfloat (fabs (top - alvh_chart_y_for_value (chart, 0, 82.69)), <=, 2.0);
  g_assert_cmpfloat (fabs (bottom - alvh_chart_y_for_value (chart, 0, 9.14)), <=, 2.0);
  cairo_surface_destroy (surface);
}

/* The range of a decimated view with hundreds of bars per column (where the
 * extremes come from the block min/max table): exactly the extremes of the
 * bars in view, wherever a spike sits in its block or column, NAN left out;
 * a spike outside the view does not count */
static void
test_decimation_blocks (void)
{
  const gsize n = 100000;
  g_autofree gint64 *t = g_new (gint64, n);
  g_autofree double *h = g_new (double, n);
  g_autofree double *l = g_new (double, n);
  g_autofree double *c = g_new (double, n);
  g_autoptr(GBytes) tb = NULL;
  g_autoptr(GBytes) hb = NULL;
  g_autoptr(GBytes) lb = NULL;
  g_autoptr(GBytes) cb = NULL;

  for (gsize i = 0; i < n; i++)
    {
      t[i] = 1600000000 + (gint64) i * 60;
      /* between 100 and 110, NAN runs now and then */
      c[i] = (i / 1000) % 17 == 3 ? NAN : 105 + 5 * sin ((double) i / 977.0);
      h[i] = c[i] + 0.25;
      l[i] = c[i] - 0.25;
    }
  tb = g_bytes_new_static (t, n * sizeof (gint64));
  hb = g_bytes_new_static (h, n * sizeof (double));
  lb = g_bytes_new_static (l, n * sizeof (double));
  cb = g_bytes_new_static (c, n * sizeof (double));
  /* a spike at every offset within a column (~333 bars) and so at either
   * end of a column and of a block (64 bars) */
  for (gsize k = 0; k < 340; k++)
    {
      gsize up = 40000 + k, down = 75000 + k;
      double top = 500 + k, low = 1 + k * 0.01, pad = (top - low) * 0.04, mn, mx;

      for (guint line = 0; line < 2; line++)
        {
          g_autoptr(AlvhChart) chart = alvh_chart_new ();
          cairo_surface_t *surface;

          alvh_chart_add_pane (chart, "P", 1);
          alvh_chart_set_times_bytes (chart, tb);
          (line ? c : h)[up] = top;
          (line ? c : l)[down] = low;
          if (line)
            alvh_chart_add_series_bytes (chart, 0,
                                         &(AlvhChartSeriesStyle) { .kind = ALVH_CHART_SERIES_LINE, .label = "C",
                                                                   .color = ALVH_CHART_COLOR_BLUE },
                                         cb, NULL, NULL, NULL);
          else
            alvh_chart_add_series_bytes (chart, 0,
                                         &(AlvhChartSeriesStyle) { .kind = ALVH_CHART_SERIES_CANDLES, .label = "" },
                                         cb, hb, lb, cb);
          /* all bars on 300 px: ~333 bars per column */
          alvh_chart_show_all (chart);
          surface = test_chart_render (chart, 366, 200);
          cairo_surface_destroy (surface);
          g_assert_true (alvh_chart_pane_get_range (chart, 0, &mn, &mx));
          g_assert_cmpfloat_with_epsilon (mx, top + pad, 1e-9);
          g_assert_cmpfloat_with_epsilon (mn, low - pad, 1e-9);
          /* a window of 50 000 bars ending before the low spike */
          alvh_chart_set_view (chart, 10000, 50000);
          surface = test_chart_render (chart, 366, 200);
          cairo_surface_destroy (surface);
          g_assert_true (alvh_chart_pane_get_range (chart, 0, &mn, &mx));
          {
            double lowest = INFINITY;
            for (gsize i = 10000; i <= 60000; i++)
              lowest = isfinite (c[i]) ? MIN (lowest, line ? c[i] : l[i]) : lowest;
            g_assert_cmpfloat_with_epsilon (mx, top + (top - lowest) * 0.04, 1e-9);
            g_assert_cmpfloat_with_epsilon (mn, lowest - (top - lowest) * 0.04, 1e-9);
          }
          (line ? c : h)[up] = line ? 105 + 5 * sin ((double) up / 977.0) : c[up] + 0.25;
          (line ? c : l)[down] = line ? 105 + 5 * sin ((double) down / 977.0) : c[down] - 0.25;
        }
    }
}

/* ---- the market chart, read-out, payoff ------------------------------ */

static void
test_market (void)
{
  g_autoptr(AlvhChart) chart = alvh_chart_market_new ();
  g_autoptr(AlvhSeries) greeks = NULL;
  g_autofree char *readout = NULL;
  g_autofree char *description = NULL;
  const char *cols[] = { "delta", "gamma", "theta", "vega", NULL };
  AlvhChartLevel levels[] = {
    { 2950, ALVH_CHART_LEVEL_SHORT_STRIKE, "Short put 2950", test_ny (2020, 1, 21), 0, test_ny (2020, 3, 6) },
    { 3450, ALVH_CHART_LEVEL_SHORT_STRIKE, "Short call 3450", test_ny (2020, 1, 21), 0, test_ny (2020, 3, 6) },
    { 2900, ALVH_CHART_LEVEL_LONG_STRIKE, "Long put 2900", test_ny (2020, 1, 21), test_ny (2020, 3, 6), 0 },
    { 3500, ALVH_CHART_LEVEL_LONG_STRIKE, "Long call 3500", test_ny (2020, 1, 21), test_ny (2020, 3, 6), 0 },
    { 2930.5, ALVH_CHART_LEVEL_BREAKEVEN, "BE 2930.50", test_ny (2020, 1, 21), test_ny (2020, 3, 6), 0 },
  };
  AlvhChartMarker markers[] = {
    { test_ny (2020, 2, 24), NAN, "L1", "iv_expansion fired", ALVH_CHART_MARKER_TRIANGLE_UP, ALVH_CHART_COLOR_ORANGE },
  };
  gint64 starts[] = { test_ny (2020, 2, 24) }, ends[] = { test_ny (2020, 3, 18) };
  gssize i;
  cairo_surface_t *surface;

  if (!test_chart_need_histories (spx_series, vix_series))
    return;
  alvh_chart_market_set_data (chart, spx_series, vix_series, NULL);
  alvh_chart_market_set_condor_levels (chart, levels, G_N_ELEMENTS (levels));
  alvh_chart_market_set_markers (chart, markers, 1);
  alvh_chart_market_set_shading (chart, starts, ends, 1);
  greeks = alvh_series_new ("greeks", cols);
  for (gint64 d = 0; d < 40; d++)
    {
      double v[4] = { -0.05 - 0.006 * d, -0.001 * d, 20 + d, -100 - 5 * d };
      gint64 tt = test_ny (2020, 1, 21) + d * 86400;
      alvh_series_append (greeks, tt, v, NULL);
    }
  alvh_chart_market_set_greeks (chart, greeks, 0.18);
  g_assert_true (alvh_chart_pane_get_visible (chart, ALVH_CHART_MARKET_PANE_GREEKS));
  /* the short strikes' bands */
  g_assert_cmpuint (alvh_chart_pane_get_n_series (chart, ALVH_CHART_MARKET_PANE_SPX), ==, 3);

  i = alvh_chart_index_for_time (chart, test_ny (2020, 3, 16));
  readout = alvh_chart_format_readout (chart, i);
  g_test_message ("%s", readout);
  g_assert_true (g_str_has_prefix (readout, "2020-03-16\n"));
  g_assert_nonnull (strstr (readout, "C 2,386.13 (\u221211.98%)"));
  g_assert_nonnull (strstr (readout, "VIX: 82.69"));
  g_assert_nonnull (strstr (readout, "MACD "));
  g_assert_nonnull (strstr (readout, "Δ "));

  alvh_chart_show_time_range (chart, test_ny (2019, 11, 1), test_ny (2020, 4, 30));
  alvh_chart_set_crosshair (chart, i, 100);
  description = alvh_chart_describe (chart);
  g_assert_nonnull (strstr (description, "Visible 2019-11-01 to 2020-04-30"));
  for (int dark = 0; dark < 2; dark++)
    {
      alvh_chart_set_dark (chart, dark);
      surface = test_chart_render (chart, 1200, 900);
      test_chart_save_png (surface, dark ? "chart-market-dark.png" : "chart-market.png");
      cairo_surface_destroy (surface);
    }

  /* HiDPI: twice the pixels, the same layout (within the pixel rows its
   * panes are aligned to: half a logical pixel each side) */
  {
    cairo_t *cr;
    double y1 = alvh_chart_y_for_value (chart, 0, 3000);
    surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 2400, 1800);
    cairo_surface_set_device_scale (surface, 2, 2);
    cr = cairo_create (surface);
    alvh_chart_set_scale_factor (chart, 2);
    alvh_chart_render (chart, cr, 1200, 900);
    cairo_destroy (cr);
    g_assert_cmpfloat_with_epsilon (alvh_chart_y_for_value (chart, 0, 3000), y1, 1.0);
    test_chart_save_png (surface, "chart-market-hidpi.png");
    cairo_surface_destroy (surface);
  }
}

static void
test_interaction (void)
{
  g_autoptr(AlvhChart) chart = NULL;
  cairo_surface_t *surface;
  double first, bars, x, y, h0, h1, h0b, h1b;
  gssize at;
  int sep;

  if (!test_chart_need_histories (spx_series, vix_series))
    return;
  chart = spx_chart (FALSE);
  alvh_chart_add_pane (chart, "Lower", 1);
  alvh_chart_show_time_range (chart, test_ny (2020, 1, 1), test_ny (2020, 12, 31));
  surface = test_chart_render (chart, 800, 600);

  /* zoom keeps the bar under the pointer in place */
  x = 333;
  at = alvh_chart_index_at_x (chart, x);
  alvh_chart_get_view (chart, &first, &bars);
  alvh_chart_zoom (chart, 2.0, x);
  alvh_chart_get_view (chart, NULL, &x);
  g_assert_cmpfloat_with_epsilon (x, bars / 2, 1e-9);
  g_assert_cmpint (alvh_chart_index_at_x (chart, 333), ==, at);
  alvh_chart_zoom (chart, 0.5, 333);

  /* pan by one bar's width moves the view by one bar */
  alvh_chart_get_view (chart, &first, &bars);
  alvh_chart_pan (chart, -(800 - 66) / bars);
  alvh_chart_get_view (chart, &x, NULL);
  g_assert_cmpfloat_with_epsilon (x, first + 1, 1e-9);

  /* the border between the panes resizes them */
  g_assert_true (alvh_chart_pane_get_area (chart, 0, NULL, NULL, NULL, &h0));
  g_assert_true (alvh_chart_pane_get_area (chart, 1, NULL, &y, NULL, &h1));
  sep = alvh_chart_separator_at_y (chart, y);
  g_assert_cmpint (sep, ==, 0);
  g_assert_cmpint (alvh_chart_separator_at_y (chart, y - 30), ==, -1);
  alvh_chart_move_separator (chart, sep, -50);
  g_assert_true (alvh_chart_pane_get_area (chart, 0, NULL, NULL, NULL, &h0b));
  g_assert_true (alvh_chart_pane_get_area (chart, 1, NULL, NULL, NULL, &h1b));
  g_assert_cmpfloat_with_epsilon (h0b, h0 - 50, 1e-6);
  g_assert_cmpfloat_with_epsilon (h1b, h1 + 50, 1e-6);
  g_assert_cmpint (alvh_chart_pane_at_y (chart, h0b + 10), ==, 1);

  /* the crosshair: index clamps to the data */
  alvh_chart_set_crosshair (chart, 1 << 30, 10);
  g_assert_cmpint (alvh_chart_get_crosshair (chart), ==, (gssize) alvh_series_get_length (spx_series) - 1);
  cairo_surface_destroy (surface);
}

static void
test_empty (void)
{
  g_autoptr(AlvhChart) chart = alvh_chart_market_new ();
  g_autofree char *readout = NULL;
  g_autofree char *description = NULL;
  AlvhChartPayoff payoff = { 0 };
  cairo_surface_t *surface;
  cairo_t *cr;

  /* no data at all: draws the background, answers -1 and empty text */
  alvh_chart_market_set_data (chart, NULL, NULL, NULL);
  alvh_chart_market_set_condor_levels (chart, NULL, 0);
  alvh_chart_market_set_greeks (chart, NULL, 0.18);
  surface = test_chart_render (chart, 300, 200);
  g_assert_cmpint (alvh_chart_index_at_x (chart, 10), ==, -1);
  g_assert_false (alvh_chart_marker_at (chart, 10, 10, NULL, NULL));
  readout = alvh_chart_format_readout (chart, 0);
  g_assert_cmpstr (readout, ==, "");
  description = alvh_chart_describe (chart);
  g_assert_cmpstr (description, ==, "No data.");
  cr = cairo_create (surface);
  payoff.spot = NAN;
  payoff.pointer_x = -1;
  alvh_chart_payoff_render (&payoff, cr, 300, 200);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_payoff (void)
{
  double spx[201], exp_pnl[201], today[201], be[2];
  AlvhChartPayoff payoff = { 0 };
  cairo_surface_t *surface;
  cairo_t *cr;
  const AlvhChartPalette *pal = alvh_chart_palette_get (FALSE);
  double e, t;
  TestPx p;

  /* 5500/5550/6150/6200 iron condor, 12.50 credit, one unit ($) */
  for (guint i = 0; i < 201; i++)
    {
      double s = 5300 + 5 * i, v = 12.5;
      v -= CLAMP (5550 - s, 0, 50);
      v -= CLAMP (s - 6150, 0, 50);
      spx[i] = s;
      exp_pnl[i] = v * 100;
      today[i] = exp_pnl[i] * 0.6 - 200 * exp (-pow ((s - 5850) / 300, 2));
    }
  be[0] = 5537.5;
  be[1] = 6162.5;
  payoff.spx = spx;
  payoff.pnl_expiry = exp_pnl;
  payoff.pnl_today = today;
  payoff.n = 201;
  payoff.breakevens = be;
  payoff.n_breakevens = 2;
  payoff.spot = 5850;
  payoff.pointer_x = 300;

  g_assert_true (alvh_chart_payoff_values_at (&payoff, 5850, &e, &t));
  g_assert_cmpfloat_with_epsilon (e, 1250, 1e-9);
  g_assert_true (alvh_chart_payoff_values_at (&payoff, 5537.5, &e, NULL));
  g_assert_cmpfloat_with_epsilon (e, 0, 1e-9);

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 900, 500);
  cr = cairo_create (surface);
  alvh_chart_payoff_render (&payoff, cr, 900, 500);
  cairo_destroy (cr);
  test_chart_save_png (surface, "chart-payoff.png");
  /* profit zone: the green line at the max-profit plateau (x of 5700) */
  {
    double x = 12 + (5700.0 - 5300) / 1000 * (900 - 76 - 12);
    gboolean found = FALSE;
    for (int y = 20; y < 480 && !found; y++)
      found = test_chart_px_near (test_chart_pixel (surface, x, y), &pal->colors[ALVH_CHART_COLOR_UP], 30);
    g_assert_true (found);
    /* the loss side at 5310 is red below the zero line */
    x = 12 + (5310.0 - 5300) / 1000 * (900 - 76 - 12);
    found = FALSE;
    for (int y = 20; y < 480 && !found; y++)
      {
        p = test_chart_pixel (surface, x + 1, y);
        found = test_chart_px_near (p, &pal->colors[ALVH_CHART_COLOR_DOWN], 30);
      }
    g_assert_true (found);
  }
  cairo_surface_destroy (surface);
}

/* the small plot (equity view, report charts): mapping, fitting, the one
 * nice step, lines with gaps, calendar labels and Pango text */
static void
test_plot (void)
{
  gint64 times[60];
  double a[60], b[60];
  AlvhChartPlot plot;
  AlvhChartRgba blue = { 0, 0, 1, 1 }, red = { 1, 0, 0, 1 }, black = { 0, 0, 0, 1 };
  AlvhChartRgba grid = { 0, 0, 0, 0.1 };
  AlvhChartFont font = { NULL, 11, FALSE };
  AlvhChartPlotAxis axis = { 0 };
  cairo_surface_t *surface;
  cairo_t *cr;
  double step;
  guint n_labels;

  /* 60 weekdays from Mon 2024-12-16: a month and a year start inside */
  for (guint i = 0, d = 0; i < 60; d++)
    {
      int y, m, dd;

      if (d % 7 >= 5)
        continue;
      alvh_time_to_ny_date (test_ny (2024, 12, 16) + (gint64) d * 86400 + 43200, &y, &m, &dd);
      times[i] = test_ny (y, m, dd);
      a[i] = 100 + i;
      b[i] = i == 30 ? NAN : 90 - i;
      i++;
    }

  alvh_chart_plot_init (&plot, 50, 20, 500, 200, 0, 60);
  g_assert_cmpfloat (alvh_chart_plot_x (&plot, 0), ==, 50);
  g_assert_cmpfloat_with_epsilon (alvh_chart_plot_x (&plot, 59), 550, 1e-9);
  g_assert_true (alvh_chart_plot_fit (&plot, a, b, FALSE));
  g_assert_cmpfloat (plot.lo, ==, 31);
  g_assert_cmpfloat (plot.hi, ==, 159);
  g_assert_cmpfloat_with_epsilon (alvh_chart_plot_y (&plot, 31), 220, 1e-9);
  g_assert_cmpfloat_with_epsilon (alvh_chart_plot_y (&plot, 159), 20, 1e-9);
  g_assert_true (alvh_chart_plot_fit (&plot, a, NULL, TRUE));
  g_assert_cmpfloat (plot.lo, ==, 0);

  /* the step is the Charts page's nice step, and the range its multiples */
  g_assert_true (alvh_chart_plot_fit (&plot, a, b, FALSE));
  step = alvh_chart_plot_round_to_step (&plot, 5);
  g_assert_cmpfloat (step, ==, alvh_chart_nice_step (159 - 31, 5, ALVH_CHART_STEP_AT_LEAST));
  g_assert_cmpfloat (step, ==, 50);
  g_assert_cmpfloat (plot.lo, ==, 0);
  g_assert_cmpfloat (plot.hi, ==, 200);
  alvh_chart_plot_pad (&plot, 0.1, 0);
  g_assert_cmpfloat_with_epsilon (plot.lo, -20, 1e-9);

  /* bars at or before a time, within the plot's bars only */
  g_assert_cmpint (alvh_chart_plot_index_for_time (&plot, times, times[0] - 1), ==, -1);
  g_assert_cmpint (alvh_chart_plot_index_for_time (&plot, times, times[10]), ==, 10);
  g_assert_cmpint (alvh_chart_plot_index_for_time (&plot, times, times[10] + 3600), ==, 10);
  g_assert_cmpint (alvh_chart_plot_index_for_time (&plot, times, times[59] + 86400 * 30), ==, 59);

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 600, 260);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  g_assert_true (alvh_chart_plot_fit (&plot, a, b, FALSE));
  axis.step = alvh_chart_plot_round_to_step (&plot, 5);
  axis.grid = grid;
  axis.line_width = 1;
  axis.pixel_align = TRUE;
  axis.label = black;
  axis.font = font;
  axis.side = ALVH_CHART_PLOT_LABELS_LEFT;
  axis.gap = 6;
  alvh_chart_plot_value_axis (cr, &plot, &axis);
  alvh_chart_plot_line (cr, &plot, a, &blue, 2, NULL, 0);
  alvh_chart_plot_line (cr, &plot, b, &red, 2, NULL, 0);
  n_labels = alvh_chart_plot_calendar_labels (cr, &plot, times, &font, &black, NULL, 60);
  g_assert_cmpfloat (alvh_chart_text_width (cr, &font, "2025"), >, 10);
  cairo_destroy (cr);
  test_chart_save_png (surface, "chart-plot.png");

  /* the lines where their values are, and b's gap at bar 30 */
  g_assert_true (test_chart_px_near (test_chart_pixel (surface, alvh_chart_plot_x (&plot, 10), alvh_chart_plot_y (&plot, a[10])), &blue, 60));
  g_assert_true (test_chart_px_near (test_chart_pixel (surface, alvh_chart_plot_x (&plot, 20), alvh_chart_plot_y (&plot, b[20])), &red, 60));
  for (int dy = -3; dy <= 3; dy++)
    g_assert_false (test_chart_px_near (test_chart_pixel (surface, alvh_chart_plot_x (&plot, 30), alvh_chart_plot_y (&plot, 60) + dy), &red, 60));
  /* a month start and the new year are labelled */
  g_assert_cmpuint (n_labels, >=, 2);
  cairo_surface_destroy (surface);
}

/* Blueness of each pixel of @s: blue over the mean of red and green (0 or
 * less for greys: grid, text; a little for a bluish background) */
static int
pixel_blueness (cairo_surface_t *s,
                int              x,
                int              y)
{
  const guint8 *data = cairo_image_surface_get_data (s);
  guint32 p = *(const guint32 *) (const void *) (data + (gsize) y * cairo_image_surface_get_stride (s) + (gsize) x * 4);

  return (int) (p & 0xff) - ((int) ((p >> 16) & 0xff) + (int) ((p >> 8) & 0xff)) / 2;
}

/* The ink of the blue line of @s: how much bluer than @base (the same chart
 * with a grey line) its pixels are, summed; the bluest pixel's to *max */
static double
line_ink (cairo_surface_t *s,
          cairo_surface_t *base,
          int             *max)
{
  double sum = 0;

  cairo_surface_flush (s);
  cairo_surface_flush (base);
  *max = G_MININT;
  for (int y = 0; y < cairo_image_surface_get_height (s); y++)
    for (int x = 0; x < cairo_image_surface_get_width (s); x++)
      {
        sum += MAX (0, pixel_blueness (s, x, y) - pixel_blueness (base, x, y));
        *max = MAX (*max, pixel_blueness (s, x, y));
      }
  return sum;
}

/* The chart copies a style's label and keeps nothing of the style: each
 * style and label is overwritten and freed right after the call, through
 * either API; the read-out of 2020-03-16 still names both (Cboe close 82.69) */
static void
test_series_style_copied (void)
{
  g_autoptr(AlvhChart) chart = alvh_chart_new ();
  g_autofree char *readout = NULL;
  const double *close;
  gsize n;
  gssize i;

  if (!test_chart_need_histories (spx_series, vix_series))
    return;
  n = alvh_series_get_length (vix_series);
  close = alvh_series_get_column_by_name (vix_series, "close");
  alvh_chart_add_pane (chart, "VIX", 1);
  alvh_chart_set_times (chart, alvh_series_get_times (vix_series), n);
  for (guint shared = 0; shared < 2; shared++)
    {
      AlvhChartSeriesStyle *style = g_new0 (AlvhChartSeriesStyle, 1);
      char *label = g_strdup (shared ? "Shared" : "Copied");

      style->kind = ALVH_CHART_SERIES_LINE;
      style->label = label;
      style->color = ALVH_CHART_COLOR_BLUE;
      if (shared)
        {
          g_autoptr(GBytes) values = g_bytes_new_static (close, n * sizeof (double));
          alvh_chart_add_series_bytes (chart, 0, style, values, NULL, NULL, NULL);
        }
      else
        alvh_chart_add_series (chart, 0, style, alvh_series_get_times (vix_series), close, NULL, NULL, NULL, n);
      memset (label, 'X', strlen (label));
      g_free (label);
      memset (style, 0, sizeof *style);
      g_free (style);
    }
  i = alvh_chart_index_for_time (chart, test_ny (2020, 3, 16));
  g_assert_cmpint (i, >=, 0);
  readout = alvh_chart_format_readout (chart, i);
  g_assert_nonnull (strstr (readout, "Copied 82.69"));
  g_assert_nonnull (strstr (readout, "Shared 82.69"));
}

/* 60 days of zigzags of many angles in one line pane, in @colour */
static AlvhChart *
zigzag_chart (AlvhChartColor colour)
{
  AlvhChart *chart = alvh_chart_new ();
  gint64 t[60];
  double v[60];

  for (int i = 0; i < 60; i++)
    {
      t[i] = alvh_time_from_ny_date (2024, 1, 2) + (gint64) i * 86400;
      v[i] = 20 + (i % 2 ? 6 : -6) * (1 + (i % 7)) / 7.0 + 0.1 * i;
    }
  alvh_chart_add_pane (chart, "Z", 1);
  alvh_chart_set_times (chart, t, 60);
  alvh_chart_add_series (chart, 0,
                         &(AlvhChartSeriesStyle) { .kind = ALVH_CHART_SERIES_LINE, .label = "Z", .color = colour },
                         t, v, NULL, NULL, NULL, 60);
  alvh_chart_show_all (chart);
  return chart;
}

/* @chart onto a new 640 x 360 image: straight, or recorded and replayed */
static cairo_surface_t *
render_zigzag (AlvhChart *chart,
               gboolean   recorded)
{
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 640, 360);
  cairo_surface_t *recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (recorded ? recording : image);

  alvh_chart_render (chart, cr, 640, 360);
  cairo_destroy (cr);
  if (recorded)
    {
      cr = cairo_create (image);
      cairo_set_source_surface (cr, recording, 0, 0);
      cairo_paint (cr);
      cairo_destroy (cr);
    }
  cairo_surface_destroy (recording);
  return image;
}

/* A zoomed line drawn onto an image of the frame's pixels is rasterised by
 * the chart (alvh-chart-raster.c); the same chart recorded and replayed is
 * stroked by Cairo.  Both put the same ink on the page (within 8 %), both
 * reach the line's colour, and no pixel is bluer than the colour itself (a
 * vertex shared by two segments is blended once) */
static void
test_line_rasteriser (void)
{
  g_autoptr(AlvhChart) blue = zigzag_chart (ALVH_CHART_COLOR_BLUE);
  g_autoptr(AlvhChart) grey = zigzag_chart (ALVH_CHART_COLOR_FOREGROUND);
  cairo_surface_t *aa = render_zigzag (blue, FALSE);
  cairo_surface_t *stroked = render_zigzag (blue, TRUE);
  cairo_surface_t *base = render_zigzag (grey, FALSE);
  cairo_surface_t *colour = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (colour);
  double ink_aa, ink_stroked;
  int max_aa, max_stroked, want;

  alvh_chart_palette_set_source (alvh_chart_palette_get (FALSE), cr, ALVH_CHART_COLOR_BLUE, 1.0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_flush (colour);
  want = pixel_blueness (colour, 0, 0);
  test_chart_save_png (aa, "chart-line-rasterised.png");
  test_chart_save_png (stroked, "chart-line-stroked.png");
  ink_aa = line_ink (aa, base, &max_aa);
  ink_stroked = line_ink (stroked, base, &max_stroked);
  g_test_message ("line ink: rasterised %.0f, stroked %.0f; bluest %d and %d of %d",
                  ink_aa, ink_stroked, max_aa, max_stroked, want);
  g_assert_cmpfloat (ink_stroked, >, 50000);
  g_assert_cmpfloat (fabs (ink_aa - ink_stroked), <=, 0.08 * ink_stroked);
  g_assert_cmpint (max_aa, >=, want - 2);
  g_assert_cmpint (max_aa, <=, want);
  cairo_surface_destroy (aa);
  cairo_surface_destroy (stroked);
  cairo_surface_destroy (base);
  cairo_surface_destroy (colour);
}

int
main (int    argc,
      char **argv)
{
  test_chart_init (&argc, &argv, &spx_series, &vix_series);
  g_test_add_func ("/chart/ticks/price", test_price_ticks);
  g_test_add_func ("/chart/ticks/nice-step-nearest", test_nice_step_nearest);
  g_test_add_func ("/chart/ticks/tag-text", test_tag_text);
  g_test_add_func ("/chart/ticks/time", test_time_ticks);
  g_test_add_func ("/chart/scale/log", test_log_scale);
  g_test_add_func ("/chart/candles/colours", test_candle_colours);
  g_test_add_func ("/chart/axis/labels", test_axis_labels);
  g_test_add_func ("/chart/markers", test_markers);
  g_test_add_func ("/chart/kinds", test_kinds);
  g_test_add_func ("/chart/series/style-copied", test_series_style_copied);
  g_test_add_func ("/chart/decimation/extremes", test_decimation);
  g_test_add_func ("/chart/line/rasteriser", test_line_rasteriser);
  g_test_add_func ("/chart/decimation/blocks", test_decimation_blocks);
  g_test_add_func ("/chart/market", test_market);
  g_test_add_func ("/chart/payoff", test_payoff);
  g_test_add_func ("/chart/plot", test_plot);
  g_test_add_func ("/chart/interaction", test_interaction);
  g_test_add_func ("/chart/empty", test_empty);

  return test_chart_run (&spx_series, &vix_series);
}
