/* alvh-chart-curves.h — up to eight lines over the same bars, with a legend
 *
 * The Replay page's comparison: each profile's hedged equity curve on one
 * chart, the value grid on the left, calendar labels below, a legend across
 * the top.  Draws on any cairo_t.
 */
#pragma once

#include <glib.h>
#include <cairo.h>

#include "alvh-chart-palette.h"
#include "alvh-chart-plot.h"

G_BEGIN_DECLS

#define ALVH_CHART_CURVES_MAX 8

typedef struct
{
  const gint64        *times;                           /* n */
  gsize                n;
  const double        *lines[ALVH_CHART_CURVES_MAX];    /* n each; NAN: a gap */
  const char          *labels[ALVH_CHART_CURVES_MAX];
  const double        *dashes[ALVH_CHART_CURVES_MAX];   /* NULL: solid */
  int                  n_dashes[ALVH_CHART_CURVES_MAX];
  guint                n_lines;
  gboolean             dark;
  AlvhChartRgba        foreground;                      /* text and grid */
  AlvhChartFormatFunc  format;                          /* value labels; NULL: prices */
  gpointer             format_data;
} AlvhChartCurves;

/**
 * alvh_chart_curves_color:
 * @palette: a palette
 * @k: the line's index
 *
 * Returns: the colour of line @k (blue, orange, purple, teal, then again)
 */
AlvhChartRgba alvh_chart_curves_color   (const AlvhChartPalette *palette,
                                         guint                   k);

/**
 * alvh_chart_curves_render:
 * @curves: the lines
 * @cr: where to draw
 * @width: the width
 * @height: the height
 *
 * Draws "No data" in the middle when there are fewer than two bars or no line.
 */
void          alvh_chart_curves_render  (const AlvhChartCurves *curves,
                                         cairo_t               *cr,
                                         double                 width,
                                         double                 height);

G_END_DECLS
