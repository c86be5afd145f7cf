/* test-chart-labels.c — value tags and level labels never overlap, and the
 * volatility pane, on real SPX, VIX, VX futures and VIX-family indices of
 * 2020-03 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>

#include "alvh-time.h"
#include "alvh-series.h"
#include "alvh-chart.h"
#include "alvh-chart-market.h"
#include "alvh-chart-term.h"
#include "test-chart-util.h"
#include "test-market-util.h"

static AlvhSeries *spx_series;
static AlvhSeries *vix_series;
static AlvhSeries *vx_series;
static AlvhSeries *vol_series[ALVH_CHART_VOL_N];

static gboolean
need_data (void)
{
  return test_need_series ("the SPX, VIX and VX term-structure files", 3, spx_series, vix_series, vx_series);
}

/* Draws @chart (its tags and labels are placed while drawing), into the
 * PNG @png when not NULL */
static void
render (AlvhChart  *chart,
        int         width,
        int         height,
        const char *png)
{
  cairo_surface_t *surface = test_chart_render (chart, width, height);

  if (png != NULL)
    test_chart_save_png (surface, png);
  cairo_surface_destroy (surface);
}

static gboolean
intersect (const AlvhChartRect *a,
           const AlvhChartRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

/* every visible pane's tags pairwise apart and inside the pane, and no
 * price tick label under a tag (while the others are still drawn); returns
 * how many tags there were */
static guint
check_tags (AlvhChart *chart,
            guint      pane,
            guint      expected)
{
  AlvhChartRect r[32], labels[64];
  double py, ph;
  guint n = alvh_chart_pane_get_rects (chart, pane, ALVH_CHART_RECTS_VALUE_TAGS, r, G_N_ELEMENTS (r));
  guint n_labels = alvh_chart_pane_get_rects (chart, pane, ALVH_CHART_RECTS_PRICE_LABELS,
                                              labels, G_N_ELEMENTS (labels));

  g_assert_true (alvh_chart_pane_get_area (chart, pane, NULL, &py, NULL, &ph));
  g_assert_cmpuint (n, ==, expected);
  g_assert_cmpuint (n_labels, >=, 1);
  for (guint a = 0; a < n; a++)
    {
      g_assert_cmpfloat (r[a].y, >=, py - 0.01);
      g_assert_cmpfloat (r[a].y + r[a].height, <=, py + ph + 0.01);
      for (guint b = a + 1; b < n; b++)
        g_assert_false (intersect (&r[a], &r[b]));
      for (guint l = 0; l < n_labels; l++)
        g_assert_false (intersect (&r[a], &labels[l]));
    }
  return n;
}

static int
cmp_double (const void *a,
            const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

/* The VIX, VX1 and VX2 tags and the MACD and signal tags at the right edge
 * of every view ending on a March 2020 session: all shown, none over
 * another, each moved no further than needed */
static void
test_value_tags (void)
{
  g_autoptr(AlvhChart) chart = alvh_chart_market_new ();
  guint n_moved = 0;

  if (!need_data ())
    return;
  alvh_chart_market_set_data (chart, spx_series, vix_series, vx_series);
  for (int d = 2; d <= 31; d++)
    {
      gssize i = alvh_chart_index_for_time (chart, test_ny (2020, 3, d));
      AlvhChartRect r[4];
      double want[3];

      if (i < 0 || alvh_chart_get_times (chart)[i] != test_ny (2020, 3, d))
        continue;
      alvh_chart_set_view (chart, (double) i - 59, 60);
      render (chart, 1200, 900, d == 9 ? "chart-tags-2020-03-09.png" : NULL);
      check_tags (chart, ALVH_CHART_MARKET_PANE_VIX, 3);
      check_tags (chart, ALVH_CHART_MARKET_PANE_MACD, 2);
      /* the tags keep the values' order and stay close to them */
      alvh_chart_pane_get_rects (chart, ALVH_CHART_MARKET_PANE_VIX, ALVH_CHART_RECTS_VALUE_TAGS, r, 3);
      for (guint k = 0; k < 3; k++)
        want[k] = alvh_chart_y_for_value (chart, ALVH_CHART_MARKET_PANE_VIX,
                                          alvh_chart_series_get_values (chart, ALVH_CHART_MARKET_PANE_VIX, k, 0)[i]);
      qsort (want, 3, sizeof (double), cmp_double);
      for (guint k = 0; k < 3; k++)
        {
          g_assert_cmpfloat (fabs (r[k].y + 8 - want[k]), <, 3 * 17);
          n_moved += fabs (r[k].y + 8 - want[k]) > 1;
        }
    }
  /* March 2020's VIX and futures ran close together: the layout had work to do */
  g_assert_cmpuint (n_moved, >, 0);
}

/* A condor's strikes and break-evens a few dollars apart: every label is
 * drawn, none crosses another level's line or label */
static void
test_level_labels (void)
{
  g_autoptr(AlvhChart) chart = alvh_chart_market_new ();
  AlvhChartLevel levels[] = {
    { 2950, ALVH_CHART_LEVEL_SHORT_STRIKE, "Short put 2950", test_ny (2020, 1, 21), 0, test_ny (2020, 3, 6) },
    { 3300, ALVH_CHART_LEVEL_SHORT_STRIKE, "Short call 3300", test_ny (2020, 1, 21), 0, test_ny (2020, 3, 6) },
    { 2900, ALVH_CHART_LEVEL_LONG_STRIKE, "Long put 2900", test_ny (2020, 1, 21), test_ny (2020, 3, 6), 0 },
    { 3350, ALVH_CHART_LEVEL_LONG_STRIKE, "Long call 3350", test_ny (2020, 1, 21), test_ny (2020, 3, 6), 0 },
    { 2938.2, ALVH_CHART_LEVEL_BREAKEVEN, "Break-even 2938.20", test_ny (2020, 1, 21), test_ny (2020, 3, 6), 0 },
    { 3311.8, ALVH_CHART_LEVEL_BREAKEVEN, "Break-even 3311.80", test_ny (2020, 1, 21), test_ny (2020, 3, 6), 0 },
  };
  AlvhChartRect r[16];
  guint n;

  if (!need_data ())
    return;
  alvh_chart_market_set_data (chart, spx_series, vix_series, vx_series);
  alvh_chart_market_set_condor_levels (chart, levels, G_N_ELEMENTS (levels));
  alvh_chart_show_time_range (chart, test_ny (2019, 11, 1), test_ny (2020, 4, 30));
  render (chart, 1200, 900, "chart-levels.png");
  n = alvh_chart_pane_get_rects (chart, ALVH_CHART_MARKET_PANE_SPX, ALVH_CHART_RECTS_LEVEL_LABELS, r, G_N_ELEMENTS (r));
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (levels));
  for (guint a = 0; a < n; a++)
    {
      for (guint b = a + 1; b < n; b++)
        g_assert_false (intersect (&r[a], &r[b]));
      /* no level's line through the label */
      for (guint k = 0; k < G_N_ELEMENTS (levels); k++)
        {
          double y = alvh_chart_y_for_value (chart, ALVH_CHART_MARKET_PANE_SPX, levels[k].value);
          double x1 = alvh_chart_x_for_index (chart, alvh_chart_index_for_time (chart, levels[k].end ? levels[k].end : levels[k].expiry));
          if (r[a].x < x1)
            g_assert_false (y > r[a].y && y < r[a].y + r[a].height);
        }
    }
}

/* The volatility pane: every index toggled on and off; on 2020-03-16 the
 * short end over the long one (VIX9D 106.66 > VIX 82.69 > VIX3M 67.70,
 * Cboe's closes) and their tags apart */
static void
test_vol_pane (void)
{
  g_autoptr(AlvhChart) chart = alvh_chart_market_new ();
  const guint pane = ALVH_CHART_MARKET_PANE_VOL;
  gssize i;
  double v[3];

  if (!need_data ())
    return;
  for (guint k = 0; k < ALVH_CHART_VOL_N; k++)
    if (vol_series[k] == NULL)
      {
        g_test_skip ("the VIX9D, VIX3M, VVIX or SKEW history is absent");
        return;
      }
  alvh_chart_market_set_data (chart, spx_series, vix_series, vx_series);
  g_assert_false (alvh_chart_pane_get_visible (chart, pane));
  alvh_chart_market_set_vol_indices (chart, vol_series, 0x1f);
  g_assert_true (alvh_chart_pane_get_visible (chart, pane));
  g_assert_cmpuint (alvh_chart_pane_get_n_series (chart, pane), ==, 5);
  i = alvh_chart_index_for_time (chart, test_ny (2020, 3, 16));
  for (guint k = 0; k < 3; k++)
    v[k] = alvh_chart_series_get_values (chart, pane, k, 0)[i];
  g_assert_cmpfloat_with_epsilon (v[0], 106.66, 0.005);
  g_assert_cmpfloat_with_epsilon (v[1], 82.69, 0.005);
  g_assert_cmpfloat_with_epsilon (v[2], 67.70, 0.005);
  alvh_chart_set_view (chart, (double) i - 119, 120);
  render (chart, 1200, 1000, "chart-vol-pane.png");
  check_tags (chart, pane, 5);

  /* VVIX and SKEW off, then everything off: the pane goes */
  alvh_chart_market_set_vol_indices (chart, vol_series, 0x07);
  g_assert_cmpuint (alvh_chart_pane_get_n_series (chart, pane), ==, 3);
  alvh_chart_market_set_vol_indices (chart, vol_series, 0);
  g_assert_false (alvh_chart_pane_get_visible (chart, pane));
}

/* The term structure of 2020-03-16 is inverted (VIX 82.69 over VX2, the
 * futures falling with days to expiry), a week earlier it was much lower */
static void
test_term_structure (void)
{
  AlvhChartTermCurve now, before;
  cairo_surface_t *surface;
  cairo_t *cr;
  double vix = NAN, vx2 = NAN, vx1_days = NAN;

  if (!need_data ())
    return;
  g_assert_true (alvh_chart_term_curve_at (vol_series[ALVH_CHART_VOL_VIX9D], vix_series, vol_series[ALVH_CHART_VOL_VIX3M],
                                           vx_series, test_ny (2020, 3, 16) + 3600 * 20, &now));
  g_assert_true (alvh_chart_term_curve_at (vol_series[ALVH_CHART_VOL_VIX9D], vix_series, vol_series[ALVH_CHART_VOL_VIX3M],
                                           vx_series, test_ny (2020, 3, 9), &before));
  g_assert_cmpint (now.time, ==, test_ny (2020, 3, 16));
  g_assert_cmpuint (now.n, ==, 11);
  for (guint k = 0; k < now.n; k++)
    {
      if (k > 0)
        g_assert_cmpfloat (now.days[k], >=, now.days[k - 1]);
      if (g_strcmp0 (now.label[k], "VIX") == 0)
        vix = now.value[k];
      if (g_strcmp0 (now.label[k], "VX2") == 0)
        vx2 = now.value[k];
      if (g_strcmp0 (now.label[k], "VX1") == 0)
        vx1_days = now.days[k];
    }
  /* VX1 is the March 2020 future, expiring 2020-03-18: 2 days on */
  g_assert_cmpfloat (vx1_days, ==, 2);
  g_assert_cmpfloat_with_epsilon (vix, 82.69, 0.005);
  g_assert_cmpfloat (vix, >, vx2);
  g_assert_cmpfloat (now.value[0], >, now.value[now.n - 1]);
  g_assert_cmpfloat (before.value[1], <, now.value[1]);

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 700, 400);
  cr = cairo_create (surface);
  alvh_chart_term_render (cr, 700, 400, FALSE, &now, &before);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  test_chart_save_png (surface, "chart-term-2020-03-16.png");
  cairo_surface_destroy (surface);
}

static AlvhSeries *
load_vx (void)
{
  const char *dir = g_getenv ("ALVH_SHARED_DATA");
  g_autofree char *path = NULL;
  g_autoptr(AlvhImportResult) result = NULL;
  g_autoptr(GError) error = NULL;

  if (dir == NULL)
    return NULL;
  path = g_build_filename (dir, "vix_futures_term_structure_2007_2021.csv", NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return NULL;
  result = alvh_import_file (path, NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint k = 0; k < alvh_import_result_get_n_series (result); k++)
    {
      AlvhSeries *s = alvh_import_result_get_series (result, k);
      if (alvh_series_find_column (s, "vx1") >= 0)
        return alvh_series_ref (s);
    }
  return NULL;
}

int
main (int    argc,
      char **argv)
{
  int ret;

  test_chart_init (&argc, &argv, &spx_series, &vix_series);
  vx_series = load_vx ();
  vol_series[ALVH_CHART_VOL_VIX9D] = test_load_shared_series ("vix9d_daily_cboe.csv");
  vol_series[ALVH_CHART_VOL_VIX] = vix_series ? alvh_series_ref (vix_series) : NULL;
  vol_series[ALVH_CHART_VOL_VIX3M] = test_load_shared_series ("vix3m_daily_cboe.csv");
  vol_series[ALVH_CHART_VOL_VVIX] = test_load_shared_series ("vvix_daily_cboe.csv");
  vol_series[ALVH_CHART_VOL_SKEW] = test_load_shared_series ("skew_daily_cboe.csv");

  g_test_add_func ("/chart/labels/value-tags", test_value_tags);
  g_test_add_func ("/chart/labels/levels", test_level_labels);
  g_test_add_func ("/chart/market/vol-pane", test_vol_pane);
  g_test_add_func ("/chart/market/term-structure", test_term_structure);

  ret = test_chart_run (&spx_series, &vix_series);
  g_clear_pointer (&vx_series, alvh_series_unref);
  for (guint k = 0; k < ALVH_CHART_VOL_N; k++)
    g_clear_pointer (&vol_series[k], alvh_series_unref);
  return ret;
}
