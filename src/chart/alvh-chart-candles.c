/* alvh-chart-candles.c — the candle and OHLC bar layer */
#define G_LOG_DOMAIN "alvh-chart"

#include "config.h"

#include <math.h>

#include "alvh-chart-private.h"

/* Candles or OHLC bars, up bars in one pass and down bars in the other; when decimated one box per device column from its low to its high */
void
_alvh_chart_draw_candles (const Frame *f,
                          Series      *s,
                          const YMap  *m)
{
  cairo_t *cr = f->cr;
  double px = 1.0 / f->scale;

  for (int pass = 0; pass < 2; pass++)
    {
      gboolean up_pass = pass == 0;

      if (f->decimated)
        {
          FillChunk chunk = { 0, -G_MAXDOUBLE };

          set_color (f, up_pass ? ALVH_CHART_COLOR_UP : ALVH_CHART_COLOR_DOWN, 1.0);
          for (guint c = 0; c < f->n_cols; c++)
            {
              const double *a = s->agg + c * 4;
              double y0, y1;
              if (!isfinite (a[1]))
                continue;
              if ((a[3] >= a[0]) != up_pass)
                continue;
              y0 = ymap_y_clamped (m, a[2]);
              y1 = ymap_y_clamped (m, a[1]);
              if (!isfinite (y0) || !isfinite (y1))
                continue;
              y0 = floor (y0 * f->scale) / f->scale;
              y1 = ceil (y1 * f->scale) / f->scale;
              fill_chunk_before (f, &chunk, c * px);
              cairo_rectangle (cr, c * px, y0, px, MAX (px, y1 - y0));
              fill_chunk_after (f, &chunk, (c + 1) * px);
            }
        }
      else
        {
          double body = MAX (px, floor (f->ppb * 0.7 * f->scale) / f->scale);
          double wick = MAX (px, round (f->scale) / f->scale);
          gboolean bars = s->kind == ALVH_CHART_SERIES_OHLC;

          double half;
          FillChunk chunk = { 0, -G_MAXDOUBLE };

          if (bars)
            body = MAX (3 * px, body);
          /* a body of whole device pixels centred on the wick: as many
           * columns on each side of it */
          half = MAX (0.0, floor ((body - wick) / 2 * f->scale) / f->scale);
          if (bars)
            half = floor (body / 2 * f->scale) / f->scale;
          else
            body = wick + 2 * half;
          set_color (f, up_pass ? ALVH_CHART_COLOR_UP : ALVH_CHART_COLOR_DOWN, 1.0);
          for (gssize i = f->i0; i <= f->i1; i++)
            {
              double o = s->v[0][i], h = s->v[1][i], l = s->v[2][i], cl = s->v[3][i];
              double x, yo, yh, yl, yc;

              if (!isfinite (h) || !isfinite (l))
                continue;
              if (!isfinite (o))
                o = cl;
              if (!isfinite (cl))
                cl = o;
              if (!isfinite (o))
                o = cl = h;
              if ((cl >= o) != up_pass)
                continue;
              x = floor (bar_x (f, i) * f->scale) / f->scale;
              /* on device pixel rows: every box is whole pixels, which
               * Cairo fills without a scan converter */
              yh = snap_row (f, ymap_y_clamped (m, h));
              yl = snap_row (f, ymap_y_clamped (m, l));
              yo = snap_row (f, ymap_y_clamped (m, o));
              yc = snap_row (f, ymap_y_clamped (m, cl));
              if (!isfinite (yh) || !isfinite (yl))
                continue;
              /* log scale: an open or close <= 0 has no y */
              if (!isfinite (yo))
                yo = isfinite (yc) ? yc : yh;
              if (!isfinite (yc))
                yc = yo;
              if (bars)
                {
                  fill_chunk_before (f, &chunk, x - half);
                  cairo_rectangle (cr, x, yh, wick, MAX (px, yl - yh));
                  if (isfinite (yo))
                    cairo_rectangle (cr, x - half, snap_row (f, yo - wick / 2), half, wick);
                  if (isfinite (yc))
                    cairo_rectangle (cr, x + wick, snap_row (f, yc - wick / 2), half, wick);
                  fill_chunk_after (f, &chunk, x + wick + half);
                }
              else if (half > 0)
                {
                  double top = MIN (yo, yc), bottom = MAX (yo, yc);
                  double bx = x - half;

                  fill_chunk_before (f, &chunk, MIN (x, bx));
                  cairo_rectangle (cr, x, yh, wick, MAX (0, top - yh));
                  cairo_rectangle (cr, x, bottom, wick, MAX (0, yl - bottom));
                  cairo_rectangle (cr, bx, top, body, MAX (px, bottom - top));
                  fill_chunk_after (f, &chunk, MAX (x + wick, bx + body));
                }
              else
                {
                  fill_chunk_before (f, &chunk, x);
                  cairo_rectangle (cr, x, yh, wick, MAX (px, yl - yh));
                  fill_chunk_after (f, &chunk, x + wick);
                }
            }
        }
      set_color (f, up_pass ? ALVH_CHART_COLOR_UP : ALVH_CHART_COLOR_DOWN, 1.0);
      cairo_fill (cr);
    }
}
