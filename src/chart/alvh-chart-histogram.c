/* alvh-chart-histogram.c — the histogram layer */
#define G_LOG_DOMAIN "alvh-chart"

#include "config.h"

#include <math.h>

#include "alvh-chart-private.h"

/* Bars from 0, up colour for values >= 0 and down colour below */
void
_alvh_chart_draw_histogram (const Frame *f,
                            Series      *s,
                            const YMap  *m)
{
  cairo_t *cr = f->cr;
  double px = 1.0 / f->scale;
  double y0 = snap_row (f, ymap_y (m, 0.0));

  if (!isfinite (y0))
    return;
  for (int pass = 0; pass < 2; pass++)
    {
      gboolean up_pass = pass == 0;
      if (f->decimated)
        {
          FillChunk chunk = { 0, -G_MAXDOUBLE };

          set_color (f, up_pass ? ALVH_CHART_COLOR_UP : ALVH_CHART_COLOR_DOWN, 0.6);
          for (guint c = 0; c < f->n_cols; c++)
            {
              double v = up_pass ? s->agg[c * 4 + 2] : s->agg[c * 4 + 1];
              double y;
              if (!isfinite (v) || (up_pass ? v < 0 : v >= 0))
                continue;
              y = ymap_y_clamped (m, v);
              fill_chunk_before (f, &chunk, c * px);
              cairo_rectangle (cr, c * px, floor (MIN (y, y0) * f->scale) / f->scale, px,
                               MAX (px, ceil (fabs (y - y0) * f->scale) / f->scale));
              fill_chunk_after (f, &chunk, (c + 1) * px);
            }
        }
      else
        {
          double w = MAX (px, floor (f->ppb * 0.7 * f->scale) / f->scale);
          FillChunk chunk = { 0, -G_MAXDOUBLE };

          set_color (f, up_pass ? ALVH_CHART_COLOR_UP : ALVH_CHART_COLOR_DOWN, 0.6);
          for (gssize i = f->i0; i <= f->i1; i++)
            {
              double v = s->v[0][i], x, y;
              if (!isfinite (v) || (up_pass ? v < 0 : v >= 0))
                continue;
              /* whole device pixels (see the candles) */
              y = snap_row (f, ymap_y_clamped (m, v));
              x = floor ((bar_x (f, i) - w / 2) * f->scale) / f->scale;
              fill_chunk_before (f, &chunk, x);
              cairo_rectangle (cr, x, MIN (y, y0), w, MAX (px, fabs (y - y0)));
              fill_chunk_after (f, &chunk, x + w);
            }
        }
      set_color (f, up_pass ? ALVH_CHART_COLOR_UP : ALVH_CHART_COLOR_DOWN, 0.6);
      cairo_fill (cr);
    }
}
