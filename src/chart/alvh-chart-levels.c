/* alvh-chart-levels.c — horizontal levels (strikes, breakevens) and event
 * markers (hedge legs) */
#define G_LOG_DOMAIN "alvh-chart"

#include "config.h"

#include <math.h>

#include "alvh-chart-private.h"

/**
 * alvh_chart_marker_path:
 * @cr: the context to add the path to
 * @shape: the marker's shape
 * @x: its centre
 * @y: its centre
 * @r: its radius
 *
 * Adds the outline of a marker to the current path (fill or stroke it).
 */
void
alvh_chart_marker_path (cairo_t              *cr,
                        AlvhChartMarkerShape  shape,
                        double                x,
                        double                y,
                        double                r)
{
  switch (shape)
    {
    case ALVH_CHART_MARKER_TRIANGLE_UP:
      cairo_move_to (cr, x, y - r);
      cairo_line_to (cr, x + r, y + r * 0.8);
      cairo_line_to (cr, x - r, y + r * 0.8);
      cairo_close_path (cr);
      break;
    case ALVH_CHART_MARKER_TRIANGLE_DOWN:
      cairo_move_to (cr, x, y + r);
      cairo_line_to (cr, x + r, y - r * 0.8);
      cairo_line_to (cr, x - r, y - r * 0.8);
      cairo_close_path (cr);
      break;
    case ALVH_CHART_MARKER_DIAMOND:
      cairo_move_to (cr, x, y - r);
      cairo_line_to (cr, x + r, y);
      cairo_line_to (cr, x, y + r);
      cairo_line_to (cr, x - r, y);
      cairo_close_path (cr);
      break;
    case ALVH_CHART_MARKER_CIRCLE:
    default:
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      break;
    }
}


/* where a level's label goes: above its line, below it when that would
 * overlap an earlier label, or nowhere (NAN) when both would */
static double
level_label_y (double        y,
               const double *label_ys,
               guint         n_label_ys)
{
  double ly = y - 3;

  for (guint j = 0; j < n_label_ys; j++)
    if (fabs (label_ys[j] - ly) < 11)
      ly = y + 11;
  for (guint j = 0; j < n_label_ys; j++)
    if (fabs (label_ys[j] - ly) < 11)
      ly = NAN;
  return ly;
}

/* The pane's levels, each over its time span, with their labels at the
 * right end */
void
_alvh_chart_draw_levels (const Frame *f,
                         const Pane  *p,
                         const YMap  *m)
{
  AlvhChart *self = f->chart;
  cairo_t *cr = f->cr;
  double label_ys[32];
  guint n_label_ys = 0;

  cairo_set_line_width (cr, 1.0);
  for (guint k = 0; k < p->levels->len; k++)
    {
      Level *l = &g_array_index (p->levels, Level, k);
      double y = ymap_y (m, l->value), x0 = 0, x1 = f->plot_w;

      if (!isfinite (y) || y < p->y || y > p->y + p->height)
        continue;
      y = snap (f, y);
      if (l->start != 0)
        x0 = MAX (0, bar_x (f, index_le (self->times, self->n, l->start - 1) + 1) - f->ppb / 2);
      if (l->end != 0)
        x1 = MIN (f->plot_w, bar_x (f, index_le (self->times, self->n, l->end)) + f->ppb / 2);
      if (x1 <= x0)
        continue;
      if (l->dashed)
        {
          double dash[] = { 6.0, 4.0 };
          cairo_set_dash (cr, dash, 2, 0);
        }
      set_color (f, l->color, 0.9);
      cairo_move_to (cr, x0, y);
      cairo_line_to (cr, x1, y);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      if (l->label)
        {
          double ly = level_label_y (y, label_ys, n_label_ys);
          if (isfinite (ly))
            {
              double w;
              cairo_set_font_size (cr, FONT_SIZE - 1);
              w = _alvh_chart_text_width (cr, l->label);
              cairo_move_to (cr, MAX (x0 + 4, x1 - w - 6), ly);
              cairo_show_text (cr, l->label);
              if (n_label_ys < G_N_ELEMENTS (label_ys))
                label_ys[n_label_ys++] = ly;
            }
        }
    }
}

/* The pane's markers; each remembers where it was drawn for hit-testing */
void
_alvh_chart_draw_markers (const Frame *f,
                          Pane        *p,
                          const YMap  *m)
{
  cairo_t *cr = f->cr;

  cairo_set_font_size (cr, FONT_SIZE - 1);
  for (guint k = 0; k < p->markers->len; k++)
    {
      Marker *mk = &g_array_index (p->markers, Marker, k);
      double x = bar_x (f, mk->index), y;

      mk->drawn = FALSE;
      if (x < -MARKER_RADIUS || x > f->plot_w + MARKER_RADIUS)
        continue;
      y = isfinite (mk->value) ? ymap_y (m, mk->value) : NAN;
      if (!isfinite (y))
        y = p->y + p->height - PANE_PAD_BOTTOM - MARKER_RADIUS - 1;
      y = CLAMP (y, p->y + MARKER_RADIUS, p->y + p->height - MARKER_RADIUS);
      mk->x = x;
      mk->y = y;
      mk->drawn = TRUE;
      alvh_chart_marker_path (cr, mk->shape, x, y, MARKER_RADIUS);
      set_color (f, mk->color, 1.0);
      cairo_fill_preserve (cr);
      alvh_chart_rgba_set_source (&f->pal->background, cr);
      cairo_set_line_width (cr, 1.0);
      cairo_stroke (cr);
      if (mk->label)
        {
          set_color (f, mk->color, 1.0);
          cairo_move_to (cr, x + MARKER_RADIUS + 2, y + 4);
          cairo_show_text (cr, mk->label);
        }
    }
}
