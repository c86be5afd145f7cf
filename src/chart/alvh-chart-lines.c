/* alvh-chart-lines.c — the line layer */
#define G_LOG_DOMAIN "alvh-chart"

#include "config.h"

#include <math.h>

#include "alvh-chart-private.h"

/* A line is stroked with Cairo's 4x4-sample anti-aliasing (the default's
 * 256x15 grid costs twice as much on a 1.5 px line and looks the same), a
 * solid one a few segments at a time: Cairo rasterises one long polyline
 * across the plot slower than the same segments in short runs.  The runs meet at a vertex with round caps, which
 * together make exactly the round join the single stroke has there (the
 * anti-aliased pixels around the vertex are covered twice: at most a few
 * levels darker).  Dashed lines stay one stroke so that the dashes run on. */
#define LINE_CHUNK_SEGMENTS 16

/* A line through the bars; when decimated a connected box per device column */
void
_alvh_chart_draw_line (const Frame *f,
                       Series      *s,
                       const YMap  *m)
{
  cairo_t *cr = f->cr;
  gboolean pen_down = FALSE;
  guint segments = 0;

  if (f->decimated)
    {
      /* many bars per column: each column is one box from its min to its
       * max, stretched to meet the previous column's last value, so the
       * trace stays connected; pixel-aligned boxes fill fast */
      double px = 1.0 / f->scale;
      double lw = MAX (px, round (1.5 * f->scale) / f->scale);
      double prev = NAN;
      FillChunk chunk = { 0, -G_MAXDOUBLE };

      set_color (f, s->color, 1.0);
      for (guint c = 0; c < f->n_cols; c++)
        {
          const double *a = s->agg + c * 4;
          double top, bottom, ymn, ymx;

          if (!isfinite (a[1]))
            {
              prev = NAN;
              continue;
            }
          ymn = ymap_y_clamped (m, a[1]);
          ymx = ymap_y_clamped (m, a[2]);
          if (!isfinite (ymn) || !isfinite (ymx))
            {
              prev = NAN;
              continue;
            }
          top = MIN (ymx, ymn);
          bottom = MAX (ymx, ymn);
          if (isfinite (prev))
            {
              top = MIN (top, prev);
              bottom = MAX (bottom, prev);
            }
          top = floor ((top - lw / 2) * f->scale) / f->scale;
          bottom = ceil ((bottom + lw / 2) * f->scale) / f->scale;
          fill_chunk_before (f, &chunk, c * px);
          cairo_rectangle (cr, c * px, top, px, MAX (lw, bottom - top));
          fill_chunk_after (f, &chunk, (c + 1) * px);
          prev = isfinite (a[3]) ? ymap_y_clamped (m, a[3]) : ymx;
        }
      set_color (f, s->color, 1.0);
      cairo_fill (cr);
      return;
    }

  /* onto an image of the frame's pixels: rasterised here, a vertex
   * blended once (alvh-chart-raster.c) */
  if (f->aligned && !(s->flags & ALVH_CHART_SERIES_FLAG_DASHED) && f->i1 >= f->i0)
    {
      gsize n = (gsize) (f->i1 - f->i0 + 1);
      g_autofree double *xs = g_new (double, 2 * n);
      double *ys = xs + n;
      AlvhChartColor color = (guint) s->color < ALVH_CHART_N_COLORS ? s->color : ALVH_CHART_COLOR_FOREGROUND;

      for (gsize k = 0; k < n; k++)
        {
          xs[k] = bar_x (f, f->i0 + (gssize) k);
          ys[k] = ymap_y_clamped (m, s->v[0][f->i0 + (gssize) k]);
        }
      if (_alvh_chart_aa_polyline (f, &f->chart->aa, xs, ys, n, 1.5, &f->pal->colors[color]))
        return;
    }

  set_color (f, s->color, 1.0);
  cairo_set_line_width (cr, 1.5);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  if (s->flags & ALVH_CHART_SERIES_FLAG_DASHED)
    {
      double dash[] = { 4.0, 3.0 };
      cairo_set_dash (cr, dash, 2, 0);
    }
  else
    cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_FAST);
  for (gssize i = f->i0; i <= f->i1; i++)
    {
      double y = ymap_y_clamped (m, s->v[0][i]);
      if (!isfinite (y))
        {
          pen_down = FALSE;
          continue;
        }
      if (pen_down)
        {
          cairo_line_to (cr, bar_x (f, i), y);
          if (++segments == LINE_CHUNK_SEGMENTS && !(s->flags & ALVH_CHART_SERIES_FLAG_DASHED))
            {
              cairo_stroke (cr);
              cairo_move_to (cr, bar_x (f, i), y);
              segments = 0;
            }
        }
      else
        {
          cairo_move_to (cr, bar_x (f, i), y);
          /* a lone point still shows */
          cairo_line_to (cr, bar_x (f, i) + 0.01, y);
        }
      pen_down = TRUE;
    }
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_DEFAULT);
}
