/* alvh-chart-overview.c — SPX and VIX closes in two panes sharing one time axis
 *
 * The time axis runs on bar index, so weekends and holidays leave no gaps.
 */
#define G_LOG_DOMAIN "alvh-chart"

#include "config.h"

#include <math.h>
#include <stdio.h>

#include "alvh-chart-overview.h"
#include "alvh-time.h"

#define PAD_LEFT   8.0
#define PAD_RIGHT 64.0
#define PAD_TOP   24.0
#define AXIS_H    22.0
#define GAP       18.0

void
alvh_chart_overview_palette_init (AlvhChartOverviewPalette *p,
                                  gboolean                  dark)
{
  static const AlvhChartOverviewPalette light = {
    { 1.0, 1.0, 1.0 }, { 0.14, 0.14, 0.16 }, { 0.0, 0.0, 0.0, 0.09 },
    { 0.11, 0.44, 0.85 }, { 0.80, 0.22, 0.16 },
  };
  static const AlvhChartOverviewPalette darkp = {
    { 0.14, 0.14, 0.15 }, { 0.92, 0.92, 0.93 }, { 1.0, 1.0, 1.0, 0.10 },
    { 0.38, 0.63, 0.98 }, { 0.96, 0.38, 0.32 },
  };
  *p = dark ? darkp : light;
}

static double
nice_step (double span,
           int    target)
{
  double raw = span / MAX (target, 1);
  double mag = pow (10.0, floor (log10 (raw)));
  double f = raw / mag;
  double nf = f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10;
  return nf * mag;
}

static void
column_range (const double *y,
              gsize         n,
              double       *lo,
              double       *hi)
{
  *lo = INFINITY;
  *hi = -INFINITY;
  for (gsize i = 0; i < n; i++)
    {
      if (y[i] < *lo) *lo = y[i];
      if (y[i] > *hi) *hi = y[i];
    }
  if (!(*hi > *lo))
    {
      *lo -= 1;
      *hi += 1;
    }
  double m = (*hi - *lo) * 0.05;
  *lo -= m;
  *hi += m;
}

static void
draw_pane (cairo_t                        *cr,
           double                          x0,
           double                          y0,
           double                          w,
           double                          h,
           AlvhSeries                     *series,
           const char                     *title,
           const double                    rgb[3],
           const AlvhChartOverviewPalette *p)
{
  const double *y = alvh_series_get_column_by_name (series, "close");
  gsize n = alvh_series_get_length (series);
  double lo, hi;
  char buf[64];

  if (y == NULL || n == 0)
    return;

  column_range (y, n, &lo, &hi);

  /* horizontal grid and price labels on the right */
  double step = nice_step (hi - lo, MAX (2, (int) (h / 48)));
  cairo_set_line_width (cr, 1.0);
  cairo_select_font_face (cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, 11.0);
  for (double v = ceil (lo / step) * step; v <= hi; v += step)
    {
      double py = floor (y0 + h - (v - lo) / (hi - lo) * h) + 0.5;
      cairo_set_source_rgba (cr, p->grid[0], p->grid[1], p->grid[2], p->grid[3]);
      cairo_move_to (cr, x0, py);
      cairo_line_to (cr, x0 + w, py);
      cairo_stroke (cr);
      g_snprintf (buf, sizeof buf, "%.*f", step < 1 ? 1 : 0, v);
      cairo_set_source_rgb (cr, p->foreground[0], p->foreground[1], p->foreground[2]);
      cairo_move_to (cr, x0 + w + 6, py + 4);
      cairo_show_text (cr, buf);
    }

  /* the close line: one min/max stroke per pixel column when bars outnumber pixels */
  cairo_save (cr);
  cairo_rectangle (cr, x0, y0, w, h);
  cairo_clip (cr);
  cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
  cairo_set_line_width (cr, 1.5);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  if ((double) n > w)
    {
      int cols = (int) w;
      gsize i = 0;
      for (int c = 0; c < cols && i < n; c++)
        {
          gsize end = (gsize) ((double) (c + 1) / cols * n);
          double cmin = INFINITY, cmax = -INFINITY;
          for (; i < end && i < n; i++)
            {
              cmin = MIN (cmin, y[i]);
              cmax = MAX (cmax, y[i]);
            }
          double px = x0 + c + 0.5;
          cairo_line_to (cr, px, y0 + h - (cmax - lo) / (hi - lo) * h);
          cairo_line_to (cr, px, y0 + h - (cmin - lo) / (hi - lo) * h);
        }
    }
  else
    {
      for (gsize i = 0; i < n; i++)
        {
          double px = x0 + (n > 1 ? (double) i / (n - 1) * w : w / 2);
          cairo_line_to (cr, px, y0 + h - (y[i] - lo) / (hi - lo) * h);
        }
    }
  cairo_stroke (cr);
  cairo_restore (cr);

  /* title with the latest value */
  cairo_set_source_rgb (cr, p->foreground[0], p->foreground[1], p->foreground[2]);
  cairo_select_font_face (cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
  cairo_set_font_size (cr, 12.0);
  g_snprintf (buf, sizeof buf, "%s  %.2f", title, y[n - 1]);
  cairo_move_to (cr, x0 + 4, y0 - 6);
  cairo_show_text (cr, buf);
}

static void
draw_time_axis (cairo_t                        *cr,
                double                          x0,
                double                          y0,
                double                          w,
                AlvhSeries                     *series,
                const AlvhChartOverviewPalette *p)
{
  gsize n = alvh_series_get_length (series);
  const gint64 *t = alvh_series_get_times (series);
  int last_year = G_MININT;
  double last_x = -1e9;

  if (n == 0)
    return;

  cairo_select_font_face (cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, 11.0);
  cairo_set_source_rgb (cr, p->foreground[0], p->foreground[1], p->foreground[2]);
  for (gsize i = 0; i < n; i++)
    {
      int y, m, d;
      alvh_time_to_ny_date (t[i], &y, &m, &d);
      if (y != last_year)
        {
          double px = x0 + (n > 1 ? (double) i / (n - 1) * w : 0);
          if (last_year != G_MININT && px - last_x >= 40)
            {
              char buf[16];
              g_snprintf (buf, sizeof buf, "%d", y);
              cairo_move_to (cr, px - 14, y0 + 15);
              cairo_show_text (cr, buf);
              last_x = px;
            }
          last_year = y;
        }
    }
}

void
alvh_chart_overview_draw (cairo_t                        *cr,
                          double                          width,
                          double                          height,
                          AlvhSeries                     *spx,
                          AlvhSeries                     *vix,
                          const AlvhChartOverviewPalette *p)
{
  double w = width - PAD_LEFT - PAD_RIGHT;
  double avail = height - 2 * PAD_TOP - GAP - AXIS_H;
  double h1 = avail * 0.65, h2 = avail - h1;

  cairo_save (cr);
  cairo_set_source_rgb (cr, p->background[0], p->background[1], p->background[2]);
  cairo_paint (cr);

  if (w < 20 || avail < 40)
    {
      cairo_restore (cr);
      return;
    }

  if (spx != NULL)
    draw_pane (cr, PAD_LEFT, PAD_TOP, w, h1, spx, "SPX", p->spx, p);
  if (vix != NULL)
    draw_pane (cr, PAD_LEFT, 2 * PAD_TOP + h1 + GAP, w, h2, vix, "VIX", p->vix, p);
  if (spx != NULL)
    draw_time_axis (cr, PAD_LEFT, height - AXIS_H, w, spx, p);
  cairo_restore (cr);
}
