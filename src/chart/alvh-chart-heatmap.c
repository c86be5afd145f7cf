/* alvh-chart-heatmap.c — a grid of values as a heat map (scenario grids) */
#define G_LOG_DOMAIN "alvh-chart"

#include "config.h"

#include <math.h>

#include "alvh-chart-heatmap.h"
#include "alvh-chart-palette.h"
#include "alvh-chart-text.h"

#define LEFT   100.0
#define BOTTOM 40.0
#define TOP    12.0
#define RIGHT  8.0

typedef struct
{
  double x0, y0, cw, ch;   /* the cells' rectangle and one cell's size */
} Layout;

static void
layout (const AlvhChartHeatmap *h,
        double                  width,
        double                  height,
        Layout                 *l)
{
  double top = TOP + (h->title != NULL ? 22.0 : 0.0);

  l->x0 = LEFT;
  l->y0 = top;
  l->cw = MAX (1.0, (width - LEFT - RIGHT) / MAX (h->n_columns, 1));
  l->ch = MAX (1.0, (height - top - BOTTOM) / MAX (h->n_rows, 1));
}

gboolean
alvh_chart_heatmap_cell_at (const AlvhChartHeatmap *h,
                            double                  width,
                            double                  height,
                            double                  x,
                            double                  y,
                            guint                  *column,
                            guint                  *row)
{
  Layout l;
  double c, r;

  layout (h, width, height, &l);
  c = floor ((x - l.x0) / l.cw);
  r = floor ((y - l.y0) / l.ch);
  if (c < 0 || r < 0 || c >= h->n_columns || r >= h->n_rows)
    return FALSE;
  *column = (guint) c;
  *row = h->n_rows - 1 - (guint) r;
  return TRUE;
}

/* The cell's colour: green for a gain, red for a loss, stronger the larger
 * |v| is within [smallest, largest] of the grid's magnitudes.  A grid of
 * mixed signs measures from zero; a grid of one sign (a sweep's drawdowns,
 * all -$10k to -$11k) from its smallest magnitude, so that its cells differ,
 * never paler than a third of the full strength. */
static void
cell_colour (const AlvhChartPalette *pal,
             cairo_t                *cr,
             double                  v,
             double                  smallest,
             double                  largest)
{
  double f = largest > smallest && isfinite (v) ? CLAMP ((fabs (v) - smallest) / (largest - smallest), 0.0, 1.0) : 0.0;

  if (!isfinite (v))
    {
      alvh_chart_palette_set_source (pal, cr, ALVH_CHART_COLOR_GRAY, 0.2);
      return;
    }
  if (smallest > 0.0)
    f = 1.0 / 3.0 + 2.0 / 3.0 * f;
  alvh_chart_palette_set_source (pal, cr, v >= 0.0 ? ALVH_CHART_COLOR_GREEN : ALVH_CHART_COLOR_RED,
                                 0.08 + 0.72 * sqrt (f));
}

static void
draw_cells (const AlvhChartHeatmap *h,
            const AlvhChartPalette *pal,
            cairo_t                *cr,
            const Layout           *l)
{
  const AlvhChartFont font = { NULL, MIN (12.0, l->ch * 0.4), FALSE };
  double largest = 0.0, smallest = INFINITY;
  gboolean gains = FALSE, losses = FALSE;

  for (guint i = 0; i < h->n_columns * h->n_rows; i++)
    if (isfinite (h->values[i]))
      {
        largest = MAX (largest, fabs (h->values[i]));
        smallest = MIN (smallest, fabs (h->values[i]));
        gains |= h->values[i] > 0.0;
        losses |= h->values[i] < 0.0;
      }
  if ((gains && losses) || !isfinite (smallest) || smallest >= largest)
    smallest = 0.0;   /* from zero: mixed signs, nothing finite, or all alike */
  for (guint r = 0; r < h->n_rows; r++)
    for (guint c = 0; c < h->n_columns; c++)
      {
        double v = h->values[r * h->n_columns + c];
        double x = l->x0 + c * l->cw, y = l->y0 + (h->n_rows - 1 - r) * l->ch;
        g_autofree char *text = h->format != NULL ? h->format (v)
                                : isfinite (v) ? g_strdup_printf ("%.0f", v) : g_strdup ("–");

        cell_colour (pal, cr, v, smallest, largest);
        cairo_rectangle (cr, x + 1, y + 1, l->cw - 2, l->ch - 2);
        cairo_fill (cr);
        alvh_chart_rgba_set_source (&pal->text, cr);
        if (alvh_chart_text_width (cr, &font, text) < l->cw - 4)
          alvh_chart_text_show (cr, &font, text, x + l->cw / 2, y + l->ch / 2, 0.5, 0.5);
        if ((gint) c == h->mark_column && (gint) r == h->mark_row)
          {
            cairo_set_line_width (cr, 2.0);
            cairo_rectangle (cr, x + 2, y + 2, l->cw - 4, l->ch - 4);
            cairo_stroke (cr);
          }
      }
}

void
alvh_chart_heatmap_render (const AlvhChartHeatmap *h,
                           cairo_t                *cr,
                           double                  width,
                           double                  height)
{
  const AlvhChartPalette *pal = alvh_chart_palette_get (h->dark);
  const AlvhChartFont font = { NULL, 11.0, FALSE };
  const AlvhChartFont bold = { NULL, 12.0, TRUE };
  Layout l;

  alvh_chart_rgba_set_source (&pal->background, cr);
  cairo_paint (cr);
  if (h->n_columns == 0 || h->n_rows == 0 || h->values == NULL)
    return;
  layout (h, width, height, &l);
  cairo_save (cr);
  draw_cells (h, pal, cr, &l);
  cairo_restore (cr);

  alvh_chart_rgba_set_source (&pal->text, cr);
  if (h->title != NULL)
    alvh_chart_text_show (cr, &bold, h->title, l.x0, TOP, 0.0, 0.0);
  for (guint c = 0; c < h->n_columns && h->column_labels != NULL; c++)
    alvh_chart_text_show (cr, &font, h->column_labels[c], l.x0 + (c + 0.5) * l.cw,
                          l.y0 + h->n_rows * l.ch + 4, 0.5, 0.0);
  for (guint r = 0; r < h->n_rows && h->row_labels != NULL; r++)
    alvh_chart_text_show (cr, &font, h->row_labels[r], l.x0 - 6,
                          l.y0 + (h->n_rows - 1 - r + 0.5) * l.ch, 1.0, 0.5);
  alvh_chart_rgba_set_source (&pal->text_dim, cr);
  if (h->column_title != NULL)
    alvh_chart_text_show (cr, &font, h->column_title, l.x0 + h->n_columns * l.cw / 2,
                          l.y0 + h->n_rows * l.ch + 22, 0.5, 0.0);
  if (h->row_title != NULL)
    alvh_chart_text_show (cr, &font, h->row_title, 4, l.y0 - 2, 0.0, 1.0);
}
