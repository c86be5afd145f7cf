/* test-chart-util.c — helpers shared by the chart tests */
#include "config.h"

#include "test-chart-util.h"

#include <math.h>
#include <stdlib.h>

#include <pango/pangocairo.h>

#include "test-market-util.h"
#include "test-util.h"

void
test_chart_init (int           *argc,
                 char        ***argv,
                 AlvhSeries   **spx,
                 AlvhSeries   **vix)
{
  g_test_init (argc, argv, NULL);
  *spx = test_load_shared_series ("spx_daily_ohlc_1927_2026.csv");
  *vix = test_load_shared_series ("vix_daily_cboe.csv");
}

const AlvhChartSeriesStyle test_chart_vix_line = {
  .kind = ALVH_CHART_SERIES_LINE, .label = "VIX", .color = ALVH_CHART_COLOR_BLUE,
};

gboolean
test_chart_need_histories (AlvhSeries *spx,
                           AlvhSeries *vix)
{
  return test_need_series ("spx_daily_ohlc_1927_2026.csv and vix_daily_cboe.csv", 2, spx, vix);
}

int
test_chart_run (AlvhSeries **spx,
                AlvhSeries **vix)
{
  int ret = g_test_run ();

  g_clear_pointer (spx, alvh_series_unref);
  g_clear_pointer (vix, alvh_series_unref);
  /* Cairo's toy-font caches hold fontconfig patterns, and Pango's font map
   * (the text of plots and tags) holds Cairo fonts: drop the map first */
  pango_cairo_font_map_set_default (NULL);
  cairo_debug_reset_static_data ();
  return ret;
}

cairo_surface_t *
test_chart_render (AlvhChart *chart,
                   int        width,
                   int        height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);

  alvh_chart_render (chart, cr, width, height);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

void
test_chart_save_png (cairo_surface_t *surface,
                     const char      *name)
{
  g_autofree char *path = test_output_path (name);

  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  g_test_message ("wrote %s", path);
}

TestPx
test_chart_pixel (cairo_surface_t *surface,
                  double           x,
                  double           y)
{
  int ix = (int) floor (x), iy = (int) floor (y);
  unsigned char *data;
  guint32 v;
  TestPx p;

  cairo_surface_flush (surface);
  g_assert_cmpint (ix, >=, 0);
  g_assert_cmpint (iy, >=, 0);
  g_assert_cmpint (ix, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (iy, <, cairo_image_surface_get_height (surface));
  data = cairo_image_surface_get_data (surface);
  v = *(guint32 *) (void *) (data + iy * cairo_image_surface_get_stride (surface) + ix * 4);
  p.r = (int) (v >> 16 & 0xff);
  p.g = (int) (v >> 8 & 0xff);
  p.b = (int) (v & 0xff);
  return p;
}

gboolean
test_chart_px_near (TestPx               p,
                    const AlvhChartRgba *c,
                    int                  tol)
{
  return abs (p.r - (int) round (c->r * 255)) <= tol &&
         abs (p.g - (int) round (c->g * 255)) <= tol &&
         abs (p.b - (int) round (c->b * 255)) <= tol;
}
