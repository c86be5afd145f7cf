/* test-chart-join.c — charts join every series by date (issue 14) and draw
 * the same pixels however their arrays reach them (issue 22), on the real
 * SPX and VIX histories, whose holidays differ: SPX has 1991-03-01 and
 * 1997-01-31 without a VIX close, VIX has 2022-07-04 and every session after
 * SPX's last row (2026-07-08) */
#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo.h>

#include "alvh-time.h"
#include "alvh-series.h"
#include "alvh-import.h"
#include "alvh-market-frame.h"
#include "alvh-chart.h"
#include "alvh-chart-market.h"
#include "test-chart-util.h"
#include "test-market-util.h"

static AlvhSeries *spx_series;
static AlvhSeries *vix_series;

/* the read-out's line of a pane ("VIX: …"), or NULL */
static char *
readout_line (AlvhChart  *chart,
              gint64      t,
              const char *prefix)
{
  gssize i = alvh_chart_index_for_time (chart, t);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *date = NULL;
  int y, m, d;

  g_assert_cmpint (i, >=, 0);
  alvh_time_to_ny_date (t, &y, &m, &d);
  date = g_strdup_printf ("%04d-%02d-%02d", y, m, d);
  text = alvh_chart_format_readout (chart, i);
  lines = g_strsplit (text, "\n", -1);
  /* the read-out is of that very date: the bar exists */
  g_assert_cmpstr (lines[0], ==, date);
  for (guint k = 1; lines[k] != NULL; k++)
    if (g_str_has_prefix (lines[k], prefix))
      return g_strdup (lines[k]);
  return NULL;
}

/* The dates either series has, counted independently of the frame */
static gsize
count_union_dates (void)
{
  g_autoptr(GHashTable) days = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  AlvhSeries *all[] = { spx_series, vix_series };

  for (guint k = 0; k < G_N_ELEMENTS (all); k++)
    for (gsize i = 0; i < alvh_series_get_length (all[k]); i++)
      {
        gint64 *day = g_new (gint64, 1);
        *day = alvh_time_ny_day (alvh_series_get_times (all[k])[i]);
        g_hash_table_add (days, day);
      }
  return g_hash_table_size (days);
}

static void
test_frame_union (void)
{
  g_autoptr(AlvhMarketFrame) f = NULL;
  gssize i;

  if (!test_chart_need_histories (spx_series, vix_series))
    return;
  f = alvh_market_frame_new_union (spx_series, vix_series, NULL, NULL, NULL, G_MININT64, G_MAXINT64);
  g_assert_cmpuint (f->n, ==, count_union_dates ());
  for (gsize k = 1; k < f->n; k++)
    g_assert_cmpint (alvh_time_ny_day (f->time[k]), >, alvh_time_ny_day (f->time[k - 1]));

  /* SPX without VIX */
  i = alvh_market_frame_find_le (f, test_ny (1991, 3, 1));
  g_assert_cmpint (f->time[i], ==, test_ny (1991, 3, 1));
  g_assert_cmpfloat_with_epsilon (f->close[i], 370.47, 0.005);
  g_assert_true (isnan (f->vix[i]));
  /* VIX without SPX */
  i = alvh_market_frame_find_le (f, test_ny (2022, 7, 4));
  g_assert_cmpint (f->time[i], ==, test_ny (2022, 7, 4));
  g_assert_cmpfloat_with_epsilon (f->vix[i], 27.53, 1e-9);
  g_assert_true (isnan (f->close[i]) && isnan (f->open[i]) && isnan (f->high[i]) && isnan (f->low[i]));
  /* both, each its own close */
  i = alvh_market_frame_find_le (f, test_ny (2026, 7, 8));
  g_assert_cmpfloat_with_epsilon (f->vix[i], 16.90, 1e-9);
  g_assert_cmpfloat_with_epsilon (f->close[i], 7482.71, 0.005);
  /* the last bar is VIX's last date */
  g_assert_cmpint (f->time[f->n - 1], ==, test_ny (2026, 7, 22));
  g_assert_true (isnan (f->close[f->n - 1]));

  /* [from, to] limits the bars */
  g_clear_pointer (&f, alvh_market_frame_unref);
  f = alvh_market_frame_new_union (spx_series, vix_series, NULL, NULL, NULL, test_ny (2022, 7, 1), test_ny (2022, 7, 6));
  g_assert_cmpuint (f->n, ==, 4);  /* Fri 1, Mon 4 (VIX only), Tue 5, Wed 6 */
}

static void
test_market_readout (void)
{
  g_autoptr(AlvhChart) chart = alvh_chart_market_new ();
  /* each date's line of each pane: the VIX line whole, the SPX line's close */
  static const struct { int y, m, d; const char *vix, *spx; } days[] = {
    /* that day's VIX close, not the 2026-07-22 one (16.64) */
    { 2026, 7, 8, "VIX: 16.90", "C 7,482.71" },
    /* SPX traded, no VIX close that day */
    { 1991, 3, 1, "VIX: –", "C 370.47" },
    /* a VIX close, no SPX bar */
    { 2022, 7, 4, "VIX: 27.53", "SPX: O – H – L – C –" },
  };

  if (!test_chart_need_histories (spx_series, vix_series))
    return;
  alvh_chart_market_set_data (chart, spx_series, vix_series, NULL);
  g_assert_cmpuint (alvh_chart_get_n_bars (chart), ==, count_union_dates ());

  for (guint k = 0; k < G_N_ELEMENTS (days); k++)
    {
      gint64 t = test_ny (days[k].y, days[k].m, days[k].d);
      g_autofree char *vix = readout_line (chart, t, "VIX: ");
      g_autofree char *spx = readout_line (chart, t, "SPX: ");

      g_assert_cmpstr (vix, ==, days[k].vix);
      g_assert_nonnull (spx);
      g_assert_nonnull (strstr (spx, days[k].spx));
    }
}

/* A series added by the copying API onto another's timeline is joined by
 * date too: rows on dates without a bar are left out, not piled on the last
 * earlier bar */
static void
test_add_series_joins (void)
{
  g_autoptr(AlvhChart) chart = alvh_chart_new ();
  const gint64 *t = alvh_series_get_times (spx_series ? spx_series : vix_series);
  const double *v;
  gssize i;

  if (!test_chart_need_histories (spx_series, vix_series))
    return;
  alvh_chart_add_pane (chart, "VIX", 1);
  alvh_chart_set_times (chart, t, alvh_series_get_length (spx_series));
  alvh_chart_add_series (chart, 0, &test_chart_vix_line,
                         alvh_series_get_times (vix_series), alvh_series_get_column_by_name (vix_series, "close"),
                         NULL, NULL, NULL, alvh_series_get_length (vix_series));
  v = alvh_chart_series_get_values (chart, 0, 0, 0);
  i = alvh_chart_index_for_time (chart, test_ny (2026, 7, 8));
  g_assert_cmpint (i, ==, (gssize) alvh_chart_get_n_bars (chart) - 1);
  g_assert_cmpfloat_with_epsilon (v[i], 16.90, 1e-9);
  i = alvh_chart_index_for_time (chart, test_ny (1991, 3, 1));
  g_assert_true (isnan (v[i]));
  /* VIX of 2022-07-01 stays 2022-07-01's, 2022-07-04's is left out */
  i = alvh_chart_index_for_time (chart, test_ny (2022, 7, 4));
  g_assert_cmpint (alvh_chart_get_times (chart)[i], ==, test_ny (2022, 7, 1));
  g_assert_cmpfloat_with_epsilon (v[i], 26.70, 1e-9);

  /* bars stamped at 16:00, rows at midnight: joined by their date */
  {
    gsize n = alvh_series_get_length (spx_series);
    g_autofree gint64 *late = g_new (gint64, n);

    for (gsize k = 0; k < n; k++)
      late[k] = t[k] + 16 * 3600;
    alvh_chart_set_times (chart, late, n);
    alvh_chart_add_series (chart, 0, &test_chart_vix_line,
                           alvh_series_get_times (vix_series), alvh_series_get_column_by_name (vix_series, "close"),
                           NULL, NULL, NULL, alvh_series_get_length (vix_series));
    v = alvh_chart_series_get_values (chart, 0, 0, 0);
    g_assert_cmpfloat_with_epsilon (v[n - 1], 16.90, 1e-9);
    i = alvh_chart_index_for_time (chart, test_ny (2022, 7, 1) + 16 * 3600);
    g_assert_cmpfloat_with_epsilon (v[i], 26.70, 1e-9);
    g_assert_cmpfloat_with_epsilon (v[i + 1], 27.54, 1e-9);  /* 2022-07-05 */
  }
}

/* ---- the same pixels, however the arrays came and however drawn ------ */

static cairo_surface_t *
render_at (AlvhChart *chart,
           double     scale,
           gssize     crosshair,
           double     y)
{
  int w = 1100, h = 700;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) (w * scale), (int) (h * scale));
  cairo_t *cr;

  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  alvh_chart_set_scale_factor (chart, scale);
  alvh_chart_set_crosshair (chart, crosshair, y);
  alvh_chart_render (chart, cr, w, h);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static void
assert_same_pixels (cairo_surface_t *a,
                    cairo_surface_t *b)
{
  int h = cairo_image_surface_get_height (a), stride = cairo_image_surface_get_stride (a);
  int w = cairo_image_surface_get_width (a);
  const guchar *pa = cairo_image_surface_get_data (a), *pb = cairo_image_surface_get_data (b);
  guint differ = 0;

  g_assert_cmpint (cairo_image_surface_get_height (b), ==, h);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      if ((((const guint32 *) (const void *) (pa + y * stride))[x] & 0xffffff) !=
          (((const guint32 *) (const void *) (pb + y * stride))[x] & 0xffffff))
        {
          if (differ++ == 0)
            g_test_message ("first differing pixel at %d, %d", x, y);
        }
  if (differ > 0 && g_getenv ("ALVH_TEST_OUTPUT"))
    {
      test_chart_save_png (a, "same-pixels-a.png");
      test_chart_save_png (b, "same-pixels-b.png");
    }
  g_assert_cmpuint (differ, ==, 0);
}

/* The market chart from its frame (arrays shared) against the same columns
 * through the copying API; and each drawn with and without the layer cache,
 * the pointer anywhere (near pane edges too), light and dark, 1x and 2x */
static void
test_same_pixels (void)
{
  g_autoptr(AlvhChart) shared = alvh_chart_market_new ();
  g_autoptr(AlvhChart) copied = alvh_chart_new ();
  g_autoptr(AlvhMarketFrame) f = NULL;
  const guint n_panes = 3;
  double px, py, pw, ph;

  if (!test_chart_need_histories (spx_series, vix_series))
    return;
  alvh_chart_market_set_data (shared, spx_series, vix_series, NULL);
  f = alvh_market_frame_new_union (spx_series, vix_series, NULL, NULL, NULL, G_MININT64, G_MAXINT64);
  alvh_chart_add_pane (copied, "SPX", 5.0);
  alvh_chart_add_pane (copied, "VIX", 2.2);
  alvh_chart_add_pane (copied, "MACD", 1.5);
  alvh_chart_pane_set_include_zero (copied, 2, TRUE);
  alvh_chart_set_times (copied, f->time, f->n);
  alvh_chart_add_series (copied, 0,
                         &(AlvhChartSeriesStyle) { .kind = ALVH_CHART_SERIES_CANDLES, .label = "",
                                                   .color = ALVH_CHART_COLOR_FOREGROUND },
                         f->time, f->open, f->high, f->low, f->close, f->n);
  alvh_chart_add_series (copied, 1,
                         &(AlvhChartSeriesStyle) { .kind = ALVH_CHART_SERIES_LINE, .label = "",
                                                   .color = ALVH_CHART_COLOR_FOREGROUND },
                         f->time, f->vix, NULL, NULL, NULL, f->n);
  for (guint k = 0; k < ALVH_CHART_MACD_N; k++)
    {
      alvh_chart_add_series (copied, 2, alvh_chart_market_macd_style (k), f->time,
                             alvh_chart_series_get_values (shared, ALVH_CHART_MARKET_PANE_MACD, k, 0),
                             NULL, NULL, NULL, f->n);
      alvh_chart_series_set_decimals (copied, 2, k, 3);
    }
  for (guint p = n_panes; p < alvh_chart_get_n_panes (shared); p++)
    g_assert_false (alvh_chart_pane_get_visible (shared, p));

  /* all bars (decimated) light and dark; 1990-91 (candles) at 1x and 2x */
  for (guint combo = 0; combo < 4; combo++)
        {
          g_autoptr(GArray) ys = g_array_new (FALSE, FALSE, sizeof (double));
          gssize n = (gssize) alvh_chart_get_n_bars (shared);
          gssize bars[] = { n - 1, n / 2 };
          guint view = combo >= 2, dark = combo == 1;
          double scale = combo == 3 ? 2 : 1;

          if (view == 0)
            {
              alvh_chart_show_all (shared);
              alvh_chart_show_all (copied);
            }
          else
            {
              alvh_chart_show_time_range (shared, test_ny (1990, 11, 1), test_ny (1991, 4, 30));
              alvh_chart_show_time_range (copied, test_ny (1990, 11, 1), test_ny (1991, 4, 30));
              bars[1] = alvh_chart_index_for_time (shared, test_ny (1991, 3, 1));
            }
          alvh_chart_set_dark (shared, dark);
          alvh_chart_set_dark (copied, dark);
          alvh_chart_set_layer_cache (shared, TRUE);
          cairo_surface_destroy (render_at (shared, scale, -1, -1));
          /* the pointer across every pane, at its edges too */
          for (guint p = 0; p < n_panes; p++)
            {
              g_assert_true (alvh_chart_pane_get_area (shared, p, &px, &py, &pw, &ph));
              for (double y = py + ph / 4; y < py + ph; y += ph / 2)
                g_array_append_val (ys, y);
              for (double d = -1; d <= 1; d += 1)
                {
                  double y = py + ph + d;
                  g_array_append_val (ys, y);
                }
            }
          for (guint b = 0; b < G_N_ELEMENTS (bars); b++)
            for (guint k = 0; k < ys->len; k++)
              {
                double y = g_array_index (ys, double, k);
                cairo_surface_t *cached;
                cairo_surface_t *direct;

                g_test_message ("view %u dark %u scale %g bar %zd y %g", view, dark, scale, bars[b], y);
                cached = render_at (shared, scale, bars[b], y);

                alvh_chart_set_layer_cache (copied, FALSE);
                direct = render_at (copied, scale, bars[b], y);
                assert_same_pixels (cached, direct);
                cairo_surface_destroy (cached);
                cairo_surface_destroy (direct);
              }
        }
}

/* On the whole history the last bar is VIX's 2026-07-22: SPX's value tag
 * shows its 2026-07-08 close with the date in a second line (the tag is
 * 27 px tall, not 16); VIX's tag is of the last bar (one line) */
static void
test_dated_tags (void)
{
  g_autoptr(AlvhChart) chart = alvh_chart_market_new ();
  const AlvhChartPalette *pal = alvh_chart_palette_get (FALSE);
  cairo_surface_t *surface;
  double px, py, pw, ph, y;

  if (!test_chart_need_histories (spx_series, vix_series))
    return;
  alvh_chart_market_set_data (chart, spx_series, vix_series, NULL);
  alvh_chart_show_all (chart);
  surface = render_at (chart, 1, -1, -1);
  g_assert_true (alvh_chart_pane_get_area (chart, ALVH_CHART_MARKET_PANE_SPX, &px, &py, &pw, &ph));
  y = alvh_chart_y_for_value (chart, ALVH_CHART_MARKET_PANE_SPX, 7482.71);
  y = MIN (CLAMP (y, py + 8, py + ph - 8), py + ph - 19);
  /* 2026-07-08 closed up: a green tag, down to y + 19 */
  g_assert_true (test_chart_px_near (test_chart_pixel (surface, (int) pw + 60, (int) y - 6), &pal->colors[ALVH_CHART_COLOR_UP], 2));
  g_assert_true (test_chart_px_near (test_chart_pixel (surface, (int) pw + 60, (int) y + 17), &pal->colors[ALVH_CHART_COLOR_UP], 2));
  /* VIX's tag of 2026-07-22 ends 8 px below its value */
  g_assert_true (alvh_chart_pane_get_area (chart, ALVH_CHART_MARKET_PANE_VIX, &px, &py, &pw, &ph));
  y = CLAMP (alvh_chart_y_for_value (chart, ALVH_CHART_MARKET_PANE_VIX, 16.64), py + 8, py + ph - 8);
  g_assert_true (test_chart_px_near (test_chart_pixel (surface, (int) pw + 60, (int) y + 6), &pal->colors[ALVH_CHART_COLOR_FOREGROUND], 2));
  g_assert_false (test_chart_px_near (test_chart_pixel (surface, (int) pw + 60, (int) y + 12), &pal->colors[ALVH_CHART_COLOR_FOREGROUND], 2));
  cairo_surface_destroy (surface);
}

int
main (int    argc,
      char **argv)
{
  test_chart_init (&argc, &argv, &spx_series, &vix_series);
  g_test_add_func ("/chart/join/frame-union", test_frame_union);
  g_test_add_func ("/chart/join/market-readout", test_market_readout);
  g_test_add_func ("/chart/join/add-series", test_add_series_joins);
  g_test_add_func ("/chart/render/same-pixels", test_same_pixels);
  g_test_add_func ("/chart/render/dated-tags", test_dated_tags);

  return test_chart_run (&spx_series, &vix_series);
}
