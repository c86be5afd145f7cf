/* alvh-chart-heatmap.h — a grid of values as a heat map
 *
 * Columns and rows with their labels, each cell filled green for a gain and
 * red for a loss (the stronger the colour, the larger the amount against
 * the grid's largest; in a grid of one sign, between its smallest and
 * largest amount), its value written in it; one cell may be outlined
 * (the no-move cell of a scenario grid).  Draws on any cairo_t.
 */
#pragma once

#include <glib.h>
#include <cairo.h>

G_BEGIN_DECLS

typedef struct
{
  const double      *values;       /* n_rows x n_columns, row by row (row 0 drawn at the bottom) */
  guint              n_columns;
  guint              n_rows;
  const char *const *column_labels;/* n_columns */
  const char *const *row_labels;   /* n_rows */
  const char        *column_title; /* under the columns, e.g. "SPX" */
  const char        *row_title;    /* beside the rows, e.g. "VIX" */
  const char        *title;        /* NULL: none */
  gint               mark_column;  /* < 0: no cell outlined */
  gint               mark_row;
  gboolean           dark;
  char            *(*format)       (double value);  /* NULL: whole numbers */
} AlvhChartHeatmap;

/**
 * alvh_chart_heatmap_render:
 * @heatmap: the grid
 * @cr: where to draw
 * @width: the width
 * @height: the height
 */
void     alvh_chart_heatmap_render   (const AlvhChartHeatmap *heatmap,
                                      cairo_t                *cr,
                                      double                  width,
                                      double                  height);

/**
 * alvh_chart_heatmap_cell_at:
 * @heatmap: the grid
 * @width: the width it is drawn at
 * @height: the height
 * @x: a point
 * @y: a point
 * @column: (out): the cell's column
 * @row: (out): the cell's row
 *
 * Returns: %TRUE when (@x, @y) is on a cell
 */
gboolean alvh_chart_heatmap_cell_at  (const AlvhChartHeatmap *heatmap,
                                      double                  width,
                                      double                  height,
                                      double                  x,
                                      double                  y,
                                      guint                  *column,
                                      guint                  *row);

G_END_DECLS
