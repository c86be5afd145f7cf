/* alvh-chart-bands.c — filled bands and shaded time regions */
#define G_LOG_DOMAIN "alvh-chart"

#include "config.h"

#include <math.h>

#include "alvh-chart-private.h"

/* A filled band between a lower and an upper edge; a gap in either edge starts a new polygon */
void
_alvh_chart_draw_band (const Frame *f,
                       Series      *s,
                       const YMap  *m)
{
  cairo_t *cr = f->cr;
  double px = 1.0 / f->scale;
  guint count = f->decimated ? f->n_cols : (guint) (f->i1 - f->i0 + 1);
  guint k = 0;

  /* each run of columns (or bars) where both edges exist is one polygon */
  while (k < count)
    {
      guint start, end;

      while (k < count)
        {
          double lo = f->decimated ? s->agg[k * 4 + 1] : s->v[0][f->i0 + k];
          double hi = f->decimated ? s->agg[k * 4 + 2] : s->v[1][f->i0 + k];
          if (isfinite (lo) && isfinite (hi) && isfinite (ymap_y (m, lo)) && isfinite (ymap_y (m, hi)))
            break;
          k++;
        }
      start = k;
      while (k < count)
        {
          double lo = f->decimated ? s->agg[k * 4 + 1] : s->v[0][f->i0 + k];
          double hi = f->decimated ? s->agg[k * 4 + 2] : s->v[1][f->i0 + k];
          if (!(isfinite (lo) && isfinite (hi) && isfinite (ymap_y (m, lo)) && isfinite (ymap_y (m, hi))))
            break;
          k++;
        }
      end = k;
      if (end <= start)
        continue;
      for (guint j = start; j < end; j++)
        {
          double x = f->decimated ? (j + 0.5) * px : bar_x (f, f->i0 + j);
          double hi = f->decimated ? s->agg[j * 4 + 2] : s->v[1][f->i0 + j];
          double y = ymap_y_clamped (m, hi);
          if (j == start)
            cairo_move_to (cr, x - (f->decimated ? px / 2 : f->ppb / 2), y);
          cairo_line_to (cr, x, y);
          if (j + 1 == end)
            cairo_line_to (cr, x + (f->decimated ? px / 2 : f->ppb / 2), y);
        }
      for (guint j = end; j-- > start;)
        {
          double x = f->decimated ? (j + 0.5) * px : bar_x (f, f->i0 + j);
          double lo = f->decimated ? s->agg[j * 4 + 1] : s->v[0][f->i0 + j];
          double y = ymap_y_clamped (m, lo);
          if (j + 1 == end)
            cairo_line_to (cr, x + (f->decimated ? px / 2 : f->ppb / 2), y);
          cairo_line_to (cr, x, y);
          if (j == start)
            cairo_line_to (cr, x - (f->decimated ? px / 2 : f->ppb / 2), y);
        }
      cairo_close_path (cr);
    }
  set_color (f, s->color, 0.11);
  cairo_fill (cr);
}

/* The pane's shaded regions (e.g. the days a condor was open), full height */
void
_alvh_chart_draw_shading (const Frame *f,
                          const Pane  *p)
{
  cairo_t *cr = f->cr;

  for (guint k = 0; k < p->regions->len; k++)
    {
      Region *r = &g_array_index (p->regions, Region, k);
      double x0 = bar_x (f, r->start) - f->ppb / 2, x1 = bar_x (f, r->end) + f->ppb / 2;
      if (x1 < 0 || x0 > f->plot_w)
        continue;
      cairo_rectangle (cr, x0, p->y, MAX (1.0 / f->scale, x1 - x0), p->height);
    }
  alvh_chart_rgba_set_source (&f->pal->shading, cr);
  cairo_fill (cr);
}
