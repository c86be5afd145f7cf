/* bench-chart.c — full redraws of a million bars at 1920x1080
 *
 * Draws three panes (candles, a line, a histogram) of 1 000 000 one-minute
 * bars, all visible, onto an image surface with min/max decimation per
 * pixel column; then the candles pane alone with and without decimation
 * (every bar drawn).  Prints CPU ms per frame (and wall time).
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <time.h>

#include <cairo.h>

#include "alvh-time.h"
#include "alvh-chart.h"

#define N_BARS 1000000
#define WIDTH  1920
#define HEIGHT 1080

static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* CPU time per frame (the machine may be shared; wall time goes to *wall) */
static double
frame_ms (AlvhChart *chart,
          cairo_t   *cr,
          guint      frames,
          double    *wall)
{
  gint64 start = g_get_monotonic_time ();
  double cpu = cpu_ms ();

  for (guint i = 0; i < frames; i++)
    {
      alvh_chart_set_crosshair (chart, (gssize) (i * 997) % N_BARS, 300);
      alvh_chart_render (chart, cr, WIDTH, HEIGHT);
    }
  cairo_surface_flush (cairo_get_target (cr));
  if (wall)
    *wall = (double) (g_get_monotonic_time () - start) / 1000.0 / frames;
  return (cpu_ms () - cpu) / frames;
}

int
main (void)
{
  g_autofree gint64 *t = g_new (gint64, N_BARS);
  g_autofree double *o = g_new (double, N_BARS);
  g_autofree double *h = g_new (double, N_BARS);
  g_autofree double *l = g_new (double, N_BARS);
  g_autofree double *c = g_new (double, N_BARS);
  g_autofree double *v = g_new (double, N_BARS);
  g_autofree double *hist = g_new (double, N_BARS);
  g_autoptr(AlvhChart) chart = alvh_chart_new ();
  GRand *rand = g_rand_new_with_seed (42);
  cairo_surface_t *surface;
  cairo_t *cr;
  double price = 4000, vix = 18, dec, full, zoomed, wall, dec_candles;
  gint64 t0 = alvh_time_from_ny_local (2020, 1, 2, 9, 30, 0);

  for (gsize i = 0; i < N_BARS; i++)
    {
      double step = g_rand_double_range (rand, -1, 1);
      t[i] = t0 + (gint64) i * 60;
      o[i] = price;
      price = MAX (100, price + step * 2.0);
      c[i] = price;
      h[i] = MAX (o[i], c[i]) + g_rand_double_range (rand, 0, 1.5);
      l[i] = MIN (o[i], c[i]) - g_rand_double_range (rand, 0, 1.5);
      vix = CLAMP (vix - step * 0.05 + (18 - vix) * 0.001, 9, 90);
      v[i] = vix;
      hist[i] = step;
    }
  g_rand_free (rand);

  alvh_chart_add_pane (chart, "SPX", 5);
  alvh_chart_add_pane (chart, "VIX", 2);
  alvh_chart_add_pane (chart, "Hist", 1.5);
  alvh_chart_set_times (chart, t, N_BARS);
  alvh_chart_add_series (chart, 0, ALVH_CHART_SERIES_CANDLES, "", 0, 0, t, o, h, l, c, N_BARS);
  alvh_chart_add_series (chart, 1, ALVH_CHART_SERIES_LINE, "VIX", ALVH_CHART_COLOR_BLUE, 0, t, v, NULL, NULL, NULL, N_BARS);
  alvh_chart_add_series (chart, 2, ALVH_CHART_SERIES_HISTOGRAM, "Step", 0, 0, t, hist, NULL, NULL, NULL, N_BARS);
  alvh_chart_show_all (chart);

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, HEIGHT);
  cr = cairo_create (surface);

  printf ("chart: %d bars, %dx%d, 3 panes (candles, line, histogram); CPU ms per frame\n", N_BARS, WIDTH, HEIGHT);
  frame_ms (chart, cr, 1, NULL);  /* warm up: glyph caches, page faults */
  dec = frame_ms (chart, cr, 20, &wall);
  printf ("chart: decimated, all bars in view: %.2f ms/frame (wall %.2f)\n", dec, wall);
  fflush (stdout);
  alvh_chart_set_view (chart, N_BARS - 300, 300);
  zoomed = frame_ms (chart, cr, 20, &wall);
  printf ("chart: 300 bars in view: %.2f ms/frame (wall %.2f)\n", zoomed, wall);
  fflush (stdout);
  alvh_chart_show_all (chart);

  /* without decimation every bar becomes a rectangle (and the line a
   * million-segment stroke, which takes Cairo minutes): compare on the
   * candles pane alone */
  alvh_chart_pane_set_visible (chart, 1, FALSE);
  alvh_chart_pane_set_visible (chart, 2, FALSE);
  dec_candles = frame_ms (chart, cr, 20, &wall);
  printf ("chart: candles only, decimated: %.2f ms/frame (wall %.2f)\n", dec_candles, wall);
  fflush (stdout);
  alvh_chart_set_decimation (chart, FALSE);
  full = frame_ms (chart, cr, 1, &wall);
  printf ("chart: candles only, not decimated: %.2f ms/frame (wall %.2f), %.0fx the decimated time\n",
          full, wall, full / dec_candles);
  alvh_chart_set_decimation (chart, TRUE);
  alvh_chart_pane_set_visible (chart, 1, TRUE);
  alvh_chart_pane_set_visible (chart, 2, TRUE);
  alvh_chart_render (chart, cr, WIDTH, HEIGHT);

  if (g_getenv ("ALVH_BENCH_PNG"))
    cairo_surface_write_to_png (surface, g_getenv ("ALVH_BENCH_PNG"));
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return 0;
}
