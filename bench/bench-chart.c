/* bench-chart.c — the chart rows of issue 22: a million bars at 1920x1080
 *
 * 1 000 000 one-minute bars (a random walk: candles, a VIX-like line and a
 * histogram), the arrays shared with the chart (alvh_chart_add_series_bytes),
 * the layer cache on, drawn onto an image surface: as the Charts page's
 * chart view draws (src/app/widgets/alvh-chart-view.c).  Rows:
 *   zoomed      3 panes (candles, line, histogram), a 300-bar window at the
 *               end of the timeline, the pointer moving (the crosshair and
 *               legends change, the view does not); the same with the view
 *               panning a bar each frame (everything redrawn); and the line
 *               pane alone (what uPlot's figure measures: uPlot redraws
 *               everything each frame, as the pan rows do)
 *   first draw  a new chart: timeline, three series, first frame of all bars
 *   all bars    every bar in view, redrawn each frame (cache off; the
 *               columns' min/max are those of the last frame): a 1.5 px
 *               line alone, candles alone, and the 3 panes; and the 3 panes
 *               zooming in 2,000 bars a frame (every column aggregated
 *               anew, through the block min/max table)  CPU time of this
 * process (the machine is shared with builds), in several interleaved rounds;
 * each row prints the median round (and the median wall time beside it).
 *
 * ALVH_BENCH_PNG=FILE writes the 3 panes with every bar in view;
 * ALVH_BENCH_ZOOMED_PNG=PREFIX the zoomed frames of the pan rows (the 3
 * panes and the line alone), to compare two builds pixel by pixel.
 *
 * The uPlot figures are not measured here: they are the fixed numbers
 * published in issue 22 (uPlot 1.6 in headless Chromium, software raster,
 * on this machine), printed for comparison.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include <cairo.h>

#include "alvh-time.h"
#include "alvh-chart.h"
#include "bench-clock.h"

#define N_BARS   1000000
#define WIDTH    1920
#define HEIGHT   1080
#define ROUNDS   7
#define FRAMES   20

typedef struct
{
  gint64 *t;
  double *o, *h, *l, *c, *v, *hist;
} Data;

typedef enum
{
  SCENE_PANES,     /* candles, line, histogram */
  SCENE_LINE,      /* the line alone */
  SCENE_CANDLES,   /* the candles alone */
} Scene;

typedef enum
{
  ROW_ZOOMED,
  ROW_ZOOMED_PAN,
  ROW_ZOOMED_LINE,
  ROW_ZOOMED_LINE_PAN,
  ROW_FIRST_DRAW,
  ROW_ALL_LINE,
  ROW_ALL_CANDLES,
  ROW_ALL_PANES,
  ROW_ALL_ZOOM,
  N_ROWS
} Row;

static const struct
{
  const char *name;
  double      before;    /* issue 22's "now" (NAN: not in the issue) */
  double      peer;      /* uPlot, published in issue 22 (NAN: none) */
  double      goal;      /* at most this (NAN: keep ahead of the peer) */
} rows[N_ROWS] = {
  [ROW_ZOOMED]      = { "300-bar window, 3 panes, pointer moves", 3.75, 1.15, 1.0 },
  [ROW_ZOOMED_PAN]  = { "300-bar window, 3 panes, view pans", NAN, 1.15, 1.0 },
  [ROW_ZOOMED_LINE] = { "300-bar window, line alone, pointer", NAN, 1.15, 1.0 },
  [ROW_ZOOMED_LINE_PAN] = { "300-bar window, line alone, view pans", NAN, 1.15, 1.0 },
  [ROW_FIRST_DRAW]  = { "first draw of 1M bars incl. set-up", 77.0, 49.0, 30.0 },
  [ROW_ALL_LINE]    = { "all 1M bars in view: line", 4.5, 11.6, NAN },
  [ROW_ALL_CANDLES] = { "all 1M bars in view: candles", 2.0, 10.5, NAN },
  [ROW_ALL_PANES]   = { "all 1M bars in view: 3 panes", NAN, NAN, NAN },
  [ROW_ALL_ZOOM]    = { "~1M bars, 3 panes, zooming in", NAN, NAN, NAN },
};

static void
make_data (Data *d)
{
  GRand *rand = g_rand_new_with_seed (42);
  double price = 4000, vix = 18;
  gint64 t0 = alvh_time_from_ny_local (2020, 1, 2, 9, 30, 0);

  d->t = g_new (gint64, N_BARS);
  d->o = g_new (double, N_BARS);
  d->h = g_new (double, N_BARS);
  d->l = g_new (double, N_BARS);
  d->c = g_new (double, N_BARS);
  d->v = g_new (double, N_BARS);
  d->hist = g_new (double, N_BARS);
  for (gsize i = 0; i < N_BARS; i++)
    {
      double step = g_rand_double_range (rand, -1, 1);
      d->t[i] = t0 + (gint64) i * 60;
      d->o[i] = price;
      price = MAX (100, price + step * 2.0);
      d->c[i] = price;
      d->h[i] = MAX (d->o[i], d->c[i]) + g_rand_double_range (rand, 0, 1.5);
      d->l[i] = MIN (d->o[i], d->c[i]) - g_rand_double_range (rand, 0, 1.5);
      vix = CLAMP (vix - step * 0.05 + (18 - vix) * 0.001, 9, 90);
      d->v[i] = vix;
      d->hist[i] = step;
    }
  g_rand_free (rand);
}

static void
data_clear (Data *d)
{
  g_free (d->t);
  g_free (d->o);
  g_free (d->h);
  g_free (d->l);
  g_free (d->c);
  g_free (d->v);
  g_free (d->hist);
}

static GBytes *
shared (const void *data)
{
  return g_bytes_new_static (data, N_BARS * sizeof (double));
}

/* The scenes' series, drawn alike through either API */
static const AlvhChartSeriesStyle candles_style = { .kind = ALVH_CHART_SERIES_CANDLES, .label = "" };
static const AlvhChartSeriesStyle vix_style = {
  .kind = ALVH_CHART_SERIES_LINE, .label = "VIX", .color = ALVH_CHART_COLOR_BLUE,
};
static const AlvhChartSeriesStyle step_style = { .kind = ALVH_CHART_SERIES_HISTOGRAM, .label = "Step" };

/* A new chart of the scene with every bar in view; copy: through the
 * copying API, else sharing the arrays */
static AlvhChart *
make_chart (const Data *d,
            Scene       scene,
            gboolean    copy)
{
  AlvhChart *chart = alvh_chart_new ();
  guint vix_pane = scene == SCENE_PANES ? 1 : 0;

  alvh_chart_set_layer_cache (chart, TRUE);
  if (scene != SCENE_LINE)
    alvh_chart_add_pane (chart, "SPX", 5);
  if (scene != SCENE_CANDLES)
    alvh_chart_add_pane (chart, "VIX", 2);
  if (scene == SCENE_PANES)
    alvh_chart_add_pane (chart, "Hist", 1.5);
  if (copy)
    {
      alvh_chart_set_times (chart, d->t, N_BARS);
      if (scene != SCENE_LINE)
        alvh_chart_add_series (chart, 0, &candles_style, d->t, d->o, d->h, d->l, d->c, N_BARS);
      if (scene != SCENE_CANDLES)
        alvh_chart_add_series (chart, vix_pane, &vix_style, d->t, d->v, NULL, NULL, NULL, N_BARS);
      if (scene == SCENE_PANES)
        alvh_chart_add_series (chart, 2, &step_style, d->t, d->hist, NULL, NULL, NULL, N_BARS);
    }
  else
    {
      g_autoptr(GBytes) t = g_bytes_new_static (d->t, N_BARS * sizeof (gint64));
      g_autoptr(GBytes) o = shared (d->o), h = shared (d->h), l = shared (d->l), c = shared (d->c);
      g_autoptr(GBytes) v = shared (d->v), hist = shared (d->hist);

      alvh_chart_set_times_bytes (chart, t);
      if (scene != SCENE_LINE)
        alvh_chart_add_series_bytes (chart, 0, &candles_style, o, h, l, c);
      if (scene != SCENE_CANDLES)
        alvh_chart_add_series_bytes (chart, vix_pane, &vix_style, v, NULL, NULL, NULL);
      if (scene == SCENE_PANES)
        alvh_chart_add_series_bytes (chart, 2, &step_style, hist, NULL, NULL, NULL);
    }
  alvh_chart_show_all (chart);
  return chart;
}

typedef enum
{
  FRAME_POINTER,   /* the crosshair moves */
  FRAME_PAN,       /* the view moves a bar to the left each frame */
  FRAME_FULL,      /* the crosshair moves, no layer cache: all redrawn */
  FRAME_ZOOM,      /* the view narrows by 2,000 bars each frame: all
                    * redrawn, every column aggregated anew */
} FrameKind;

/* CPU ms per frame of `frames` frames; the wall time goes to *wall */
static double
frames_ms (AlvhChart *chart,
           cairo_t   *cr,
           guint      frames,
           FrameKind  kind,
           double    *wall)
{
  double w0, c0, first, bars;

  alvh_chart_get_view (chart, &first, &bars);
  if (kind == FRAME_FULL)
    alvh_chart_set_layer_cache (chart, FALSE);
  /* the pointer over a view that has been drawn (the pan row measures
   * arriving there) */
  for (guint i = 0; i < 2 && kind == FRAME_POINTER; i++)
    alvh_chart_render (chart, cr, WIDTH, HEIGHT);
  w0 = bench_wall_ms ();
  c0 = bench_cpu_ms ();
  for (guint i = 0; i < frames; i++)
    {
      if (kind == FRAME_PAN)
        alvh_chart_set_view (chart, first - i - 1, bars);
      else if (kind == FRAME_ZOOM)
        alvh_chart_set_view (chart, first + 1000.0 * (i + 1), bars - 2000.0 * (i + 1));
      alvh_chart_set_crosshair (chart, (gssize) (N_BARS - 1 - (i * 7) % 300), 300);
      alvh_chart_render (chart, cr, WIDTH, HEIGHT);
    }
  cairo_surface_flush (cairo_get_target (cr));
  *wall = (bench_wall_ms () - w0) / frames;
  alvh_chart_set_view (chart, first, bars);
  alvh_chart_set_layer_cache (chart, TRUE);
  return (bench_cpu_ms () - c0) / frames;
}

/* A new chart from the arrays up to its first frame (all bars in view);
 * copy: through the copying API */
static double
first_draw_ms (const Data *d,
               cairo_t    *cr,
               gboolean    copy,
               double     *wall,
               double     *setup)
{
  double w0 = bench_wall_ms (), c0 = bench_cpu_ms (), cpu;
  g_autoptr(AlvhChart) chart = make_chart (d, SCENE_PANES, copy);

  *setup = bench_cpu_ms () - c0;
  alvh_chart_render (chart, cr, WIDTH, HEIGHT);
  cairo_surface_flush (cairo_get_target (cr));
  cpu = bench_cpu_ms () - c0;
  *wall = bench_wall_ms () - w0;
  return cpu;
}

static int
cmp_double (const void *a,
            const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static double
median (double *v,
        guint   n)
{
  qsort (v, n, sizeof *v, cmp_double);
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static void
print_row (Row     row,
           double  cpu,
           double  wall)
{
  char before[32] = "—", peer[64] = "—", verdict[64];

  if (isfinite (rows[row].before))
    snprintf (before, sizeof before, "%.2f ms", rows[row].before);
  if (isfinite (rows[row].peer))
    snprintf (peer, sizeof peer, "uPlot %.2f ms (%.1fx)", rows[row].peer, rows[row].peer / cpu);
  if (isfinite (rows[row].goal))
    snprintf (verdict, sizeof verdict, "goal <= %.0f ms: %s", rows[row].goal,
              cpu <= rows[row].goal ? "met" : "NOT MET");
  else if (isfinite (rows[row].peer))
    snprintf (verdict, sizeof verdict, "goal: ahead of uPlot: %s", cpu < rows[row].peer ? "met" : "NOT MET");
  else
    snprintf (verdict, sizeof verdict, "(no goal)");
  printf ("chart | %-38s | %7.2f ms (wall %6.2f) | issue: %-9s | %-26s | %s\n",
          rows[row].name, cpu, wall, before, peer, verdict);
}

int
main (void)
{
  Data d;
  g_autoptr(AlvhChart) panes = NULL;
  g_autoptr(AlvhChart) line = NULL;
  g_autoptr(AlvhChart) candles = NULL;
  double cpu[N_ROWS][ROUNDS], wall[N_ROWS][ROUNDS], setup[ROUNDS], copied[ROUNDS], copied_setup[ROUNDS];
  cairo_surface_t *surface;
  cairo_t *cr;
  double w, full;

  make_data (&d);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, HEIGHT);
  cr = cairo_create (surface);

  panes = make_chart (&d, SCENE_PANES, FALSE);
  line = make_chart (&d, SCENE_LINE, FALSE);
  candles = make_chart (&d, SCENE_CANDLES, FALSE);
  /* warm up: glyph caches, page faults */
  frames_ms (panes, cr, 2, FRAME_FULL, &w);
  frames_ms (line, cr, 2, FRAME_FULL, &w);
  frames_ms (candles, cr, 2, FRAME_FULL, &w);

  printf ("chart: %d one-minute bars at %dx%d; CPU ms of this process, median of %d interleaved rounds\n"
          "chart: (uPlot figures are the fixed numbers published in issue 22, not measured here)\n",
          N_BARS, WIDTH, HEIGHT, ROUNDS);
  fflush (stdout);
  if (g_getenv ("ALVH_BENCH_PROFILE"))
    {
      /* for a profiler: one row, many times (pointer, pan, line-pointer,
       * line-pan, first, all-line, all-candles or all-panes) */
      const char *what = g_getenv ("ALVH_BENCH_PROFILE");
      alvh_chart_set_view (panes, N_BARS - 300, 300);
      alvh_chart_set_view (line, N_BARS - 300, 300);
      for (guint k = 0; k < 20 && g_str_equal (what, "first"); k++)
        printf ("%.2f ", first_draw_ms (&d, cr, FALSE, &w, &setup[0]));
      if (g_str_has_prefix (what, "all-"))
        frames_ms (g_str_equal (what, "all-line") ? line : g_str_equal (what, "all-candles") ? candles : panes, cr,
                   500, FRAME_FULL, &w);
      else if (!g_str_equal (what, "first"))
        frames_ms (g_str_has_prefix (what, "line-") ? line : panes, cr, 500,
                   g_str_has_suffix (what, "pan") ? FRAME_PAN : FRAME_POINTER, &w);
      return 0;
    }
  for (guint r = 0; r < ROUNDS; r++)
    {
      alvh_chart_set_view (panes, N_BARS - 300, 300);
      cpu[ROW_ZOOMED][r] = frames_ms (panes, cr, FRAMES, FRAME_POINTER, &wall[ROW_ZOOMED][r]);
      cpu[ROW_ZOOMED_PAN][r] = frames_ms (panes, cr, FRAMES, FRAME_PAN, &wall[ROW_ZOOMED_PAN][r]);
      alvh_chart_show_all (panes);

      alvh_chart_set_view (line, N_BARS - 300, 300);
      cpu[ROW_ZOOMED_LINE][r] = frames_ms (line, cr, FRAMES, FRAME_POINTER, &wall[ROW_ZOOMED_LINE][r]);
      cpu[ROW_ZOOMED_LINE_PAN][r] = frames_ms (line, cr, FRAMES, FRAME_PAN, &wall[ROW_ZOOMED_LINE_PAN][r]);
      alvh_chart_show_all (line);

      cpu[ROW_FIRST_DRAW][r] = first_draw_ms (&d, cr, FALSE, &wall[ROW_FIRST_DRAW][r], &setup[r]);
      copied[r] = first_draw_ms (&d, cr, TRUE, &w, &copied_setup[r]);

      cpu[ROW_ALL_LINE][r] = frames_ms (line, cr, FRAMES, FRAME_FULL, &wall[ROW_ALL_LINE][r]);
      cpu[ROW_ALL_CANDLES][r] = frames_ms (candles, cr, FRAMES, FRAME_FULL, &wall[ROW_ALL_CANDLES][r]);
      cpu[ROW_ALL_PANES][r] = frames_ms (panes, cr, FRAMES, FRAME_FULL, &wall[ROW_ALL_PANES][r]);
      cpu[ROW_ALL_ZOOM][r] = frames_ms (panes, cr, FRAMES, FRAME_ZOOM, &wall[ROW_ALL_ZOOM][r]);
    }
  for (Row row = 0; row < N_ROWS; row++)
    {
      print_row (row, median (cpu[row], ROUNDS), median (wall[row], ROUNDS));
      if (row == ROW_FIRST_DRAW)
        {
          printf ("chart |   of which set-up (arrays shared)      | %7.2f ms\n", median (setup, ROUNDS));
          printf ("chart |   the same through the copying API     | %7.2f ms, of which set-up %.2f ms\n",
                  median (copied, ROUNDS), median (copied_setup, ROUNDS));
        }
    }
  fflush (stdout);

  /* without decimation every bar is a rectangle (a million-segment line
   * takes Cairo minutes): the candles alone, once */
  alvh_chart_set_decimation (candles, FALSE);
  full = frames_ms (candles, cr, 1, FRAME_FULL, &w);
  printf ("chart | candles, all bars, not decimated         | %7.2f ms (wall %6.2f) | %.0fx the decimated time\n",
          full, w, full / median (cpu[ROW_ALL_CANDLES], ROUNDS));
  alvh_chart_set_decimation (candles, TRUE);

  if (g_getenv ("ALVH_BENCH_PNG"))
    {
      alvh_chart_render (panes, cr, WIDTH, HEIGHT);
      cairo_surface_write_to_png (surface, g_getenv ("ALVH_BENCH_PNG"));
    }
  if (g_getenv ("ALVH_BENCH_ZOOMED_PNG"))
    {
      /* the zoomed frames the pan rows draw, to compare the pixels of two
       * builds: PREFIX-panes.png and PREFIX-line.png, a 300-bar window */
      g_autofree char *panes_png = g_strconcat (g_getenv ("ALVH_BENCH_ZOOMED_PNG"), "-panes.png", NULL);
      g_autofree char *line_png = g_strconcat (g_getenv ("ALVH_BENCH_ZOOMED_PNG"), "-line.png", NULL);

      alvh_chart_set_view (panes, N_BARS - 300, 300);
      alvh_chart_render (panes, cr, WIDTH, HEIGHT);
      cairo_surface_write_to_png (surface, panes_png);
      alvh_chart_set_view (line, N_BARS - 300, 300);
      alvh_chart_render (line, cr, WIDTH, HEIGHT);
      cairo_surface_write_to_png (surface, line_png);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  data_clear (&d);
  return 0;
}
