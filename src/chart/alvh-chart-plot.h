/* alvh-chart-plot.h — a simple plot: lines over evenly spaced bars
 *
 * The small charts (the replay's equity curves, the journal's price
 * snapshot, the report's SPX/VIX and equity panes) are one rectangle with
 * bars first .. first + n - 1 spread evenly across its width and a linear
 * value axis.  AlvhChartPlot is that rectangle and its range (plain data);
 * the functions here fit the range, draw lines, reference lines, the value
 * grid with its labels (steps from alvh_chart_nice_step()) and the time
 * labels (calendar ticks from alvh_chart_time_ticks(), or evenly spaced
 * dates).  Text goes through Pango (alvh-chart-text.h).
 */
#pragma once

#include <glib.h>
#include <cairo.h>

#include "alvh-chart-palette.h"
#include "alvh-chart-text.h"

G_BEGIN_DECLS

typedef struct
{
  double x, y, width, height;   /* the plot area */
  double lo, hi;                /* the values at its bottom and top */
  gsize  first, n;              /* the bars [first, first + n) across the width */
} AlvhChartPlot;

/* Writes the axis label of @value into @buf (@len bytes) */
typedef void (*AlvhChartFormatFunc) (double    value,
                                     char     *buf,
                                     gsize     len,
                                     gpointer  user_data);

typedef enum
{
  ALVH_CHART_PLOT_LABELS_LEFT,    /* right-aligned left of the plot */
  ALVH_CHART_PLOT_LABELS_RIGHT,   /* left-aligned right of the plot */
} AlvhChartPlotLabelSide;

/* How the value axis looks (plain data) */
typedef struct
{
  double                  step;         /* grid step, e.g. from alvh_chart_nice_step() */
  AlvhChartRgba           grid;
  AlvhChartRgba           zero;         /* the line at 0 when the range spans it (alpha 0: like grid) */
  double                  line_width;
  gboolean                pixel_align;  /* lines on device pixel centres (screens) */
  AlvhChartRgba           label;
  AlvhChartFont           font;
  AlvhChartPlotLabelSide  side;
  double                  gap;          /* between plot and labels */
  AlvhChartFormatFunc     format;       /* NULL: alvh_chart_format_price() */
  gpointer                format_data;
} AlvhChartPlotAxis;

void      alvh_chart_plot_init          (AlvhChartPlot           *plot,
                                         double                   x,
                                         double                   y,
                                         double                   width,
                                         double                   height,
                                         gsize                    first,
                                         gsize                    n);
double    alvh_chart_plot_x             (const AlvhChartPlot     *plot,
                                         gsize                    index);
double    alvh_chart_plot_y             (const AlvhChartPlot     *plot,
                                         double                   value);
gssize    alvh_chart_plot_index_for_time (const AlvhChartPlot    *plot,
                                         const gint64            *times,
                                         gint64                   time);

gboolean  alvh_chart_plot_fit           (AlvhChartPlot           *plot,
                                         const double            *a,
                                         const double            *b,
                                         gboolean                 include_zero);
void      alvh_chart_plot_pad           (AlvhChartPlot           *plot,
                                         double                   fraction,
                                         double                   min_pad);
double    alvh_chart_plot_round_to_step (AlvhChartPlot           *plot,
                                         guint                    max_ticks);

void      alvh_chart_plot_value_axis    (cairo_t                 *cr,
                                         const AlvhChartPlot     *plot,
                                         const AlvhChartPlotAxis *axis);
void      alvh_chart_plot_line          (cairo_t                 *cr,
                                         const AlvhChartPlot     *plot,
                                         const double            *values,
                                         const AlvhChartRgba     *color,
                                         double                   width,
                                         const double            *dash,
                                         int                      n_dash);
void      alvh_chart_plot_hline         (cairo_t                 *cr,
                                         const AlvhChartPlot     *plot,
                                         double                   value,
                                         const AlvhChartRgba     *color,
                                         double                   width);
void      alvh_chart_plot_vline         (cairo_t                 *cr,
                                         const AlvhChartPlot     *plot,
                                         gsize                    index,
                                         const AlvhChartRgba     *color,
                                         double                   width,
                                         const double            *dash,
                                         int                      n_dash);
void      alvh_chart_plot_shade         (cairo_t                 *cr,
                                         const AlvhChartPlot     *plot,
                                         gsize                    from,
                                         gsize                    to,
                                         const AlvhChartRgba     *color);
guint     alvh_chart_plot_calendar_labels (cairo_t               *cr,
                                         const AlvhChartPlot     *plot,
                                         const gint64            *times,
                                         const AlvhChartFont     *font,
                                         const AlvhChartRgba     *label,
                                         const AlvhChartRgba     *grid,
                                         double                   min_spacing);
void      alvh_chart_plot_date_labels   (cairo_t                 *cr,
                                         const AlvhChartPlot     *plot,
                                         const gint64            *times,
                                         const AlvhChartFont     *font,
                                         const AlvhChartRgba     *label,
                                         guint                    n_labels);
double    alvh_chart_plot_legend_entry  (cairo_t                 *cr,
                                         const AlvhChartFont     *font,
                                         double                   x,
                                         double                   y,
                                         double                   swatch_width,
                                         double                   swatch_height,
                                         const AlvhChartRgba     *swatch,
                                         const AlvhChartRgba     *text_color,
                                         const char              *text);

G_END_DECLS
