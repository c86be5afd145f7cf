/* alvh-chart-plot.c — a simple plot: lines over evenly spaced bars */
#define G_LOG_DOMAIN "alvh-chart"

#include "config.h"

#include <math.h>

#include "alvh-time.h"
#include "alvh-chart-ticks.h"
#include "alvh-chart-plot.h"

/**
 * alvh_chart_plot_init:
 * @plot: (out caller-allocates): the plot to set up
 * @x: left edge of the plot area
 * @y: top edge
 * @width: width of the plot area
 * @height: height of the plot area
 * @first: the bar at the left edge
 * @n: how many bars span the width (the last one at the right edge)
 *
 * Sets the plot's rectangle and bars; the value range is 0..1 until
 * alvh_chart_plot_fit() or a caller sets lo and hi.
 */
void
alvh_chart_plot_init (AlvhChartPlot *plot,
                      double         x,
                      double         y,
                      double         width,
                      double         height,
                      gsize          first,
                      gsize          n)
{
  g_return_if_fail (plot != NULL);

  *plot = (AlvhChartPlot) { .x = x, .y = y, .width = width, .height = height,
                            .lo = 0, .hi = 1, .first = first, .n = n };
}

/**
 * alvh_chart_plot_x:
 * @plot: the plot
 * @index: a bar index (first .. first + n - 1)
 *
 * Returns: the x of bar @index; a single bar sits in the middle
 */
double
alvh_chart_plot_x (const AlvhChartPlot *plot,
                   gsize                index)
{
  if (plot->n <= 1)
    return plot->x + plot->width / 2;
  return plot->x + plot->width * ((double) index - (double) plot->first) / (double) (plot->n - 1);
}

/**
 * alvh_chart_plot_y:
 * @plot: the plot
 * @value: a value
 *
 * Returns: the y of @value (lo at the bottom edge, hi at the top)
 */
double
alvh_chart_plot_y (const AlvhChartPlot *plot,
                   double               value)
{
  return plot->y + plot->height - (value - plot->lo) / (plot->hi - plot->lo) * plot->height;
}

/**
 * alvh_chart_plot_index_for_time:
 * @plot: the plot
 * @times: (array): the bar times, indexed like the plot's bars
 * @time: a time
 *
 * Returns: the last of the plot's bars at or before @time, or -1
 */
gssize
alvh_chart_plot_index_for_time (const AlvhChartPlot *plot,
                                const gint64        *times,
                                gint64               time)
{
  gssize i;

  g_return_val_if_fail (times != NULL || plot->n == 0, -1);

  i = alvh_time_find_le (times + plot->first, plot->n, time);
  return i >= 0 ? (gssize) plot->first + i : -1;
}

/**
 * alvh_chart_plot_fit:
 * @plot: the plot
 * @a: (array) (nullable): values at the bars (NAN: none)
 * @b: (array) (nullable): a second series, or %NULL
 * @include_zero: whether 0 must be in range
 *
 * Sets lo and hi to the smallest and largest finite value of @a and @b over
 * the plot's bars (and 0 when @include_zero); a flat range gets ±1.
 *
 * Returns: %FALSE when there is no finite value (the range is unchanged)
 */
gboolean
alvh_chart_plot_fit (AlvhChartPlot *plot,
                     const double  *a,
                     const double  *b,
                     gboolean       include_zero)
{
  double lo = INFINITY, hi = -INFINITY;

  g_return_val_if_fail (plot != NULL, FALSE);

  for (gsize i = plot->first; i < plot->first + plot->n; i++)
    {
      if (a != NULL && isfinite (a[i]))
        lo = MIN (lo, a[i]), hi = MAX (hi, a[i]);
      if (b != NULL && isfinite (b[i]))
        lo = MIN (lo, b[i]), hi = MAX (hi, b[i]);
    }
  if (!isfinite (lo))
    return FALSE;
  if (include_zero)
    lo = MIN (lo, 0), hi = MAX (hi, 0);
  plot->lo = lo;
  plot->hi = hi;
  return TRUE;
}

/**
 * alvh_chart_plot_pad:
 * @plot: a fitted plot
 * @fraction: room above and below, as a fraction of the range
 * @min_pad: the least room (for a flat range)
 *
 * Widens the range so that the lines do not touch the edges.
 */
void
alvh_chart_plot_pad (AlvhChartPlot *plot,
                     double         fraction,
                     double         min_pad)
{
  double pad;

  g_return_if_fail (plot != NULL);

  pad = MAX ((plot->hi - plot->lo) * fraction, min_pad);
  plot->lo -= pad;
  plot->hi += pad;
}

/**
 * alvh_chart_plot_round_to_step:
 * @plot: a fitted plot
 * @max_ticks: about how many grid steps the height should have
 *
 * Widens a flat range by ±1, then rounds lo down and hi up to the nice step
 * alvh_chart_nice_step() chooses, so that the grid starts and ends at the
 * edges.
 *
 * Returns: the step
 */
double
alvh_chart_plot_round_to_step (AlvhChartPlot *plot,
                               guint          max_ticks)
{
  double step;

  g_return_val_if_fail (plot != NULL, 1);

  if (plot->hi - plot->lo < 1e-9)
    {
      plot->lo -= 1;
      plot->hi += 1;
    }
  step = alvh_chart_nice_step (plot->hi - plot->lo, MAX (2, max_ticks), ALVH_CHART_STEP_AT_LEAST);
  plot->lo = floor (plot->lo / step) * step;
  plot->hi = ceil (plot->hi / step) * step;
  return step;
}

static double
align (cairo_t  *cr,
       double    v,
       gboolean  pixel_align)
{
  double scale = 1, unused = 0;

  if (!pixel_align)
    return v;
  cairo_user_to_device_distance (cr, &unused, &scale);
  scale = fabs (scale) > 0 ? fabs (scale) : 1;
  return (floor (v * scale) + 0.5) / scale;
}

/**
 * alvh_chart_plot_value_axis:
 * @cr: the context to draw on
 * @plot: a fitted plot
 * @axis: the step, colours, font and side of the labels
 *
 * Draws a grid line at every multiple of the step within the range and its
 * label beside the plot.
 */
void
alvh_chart_plot_value_axis (cairo_t                 *cr,
                            const AlvhChartPlot     *plot,
                            const AlvhChartPlotAxis *axis)
{
  gboolean left = axis->side == ALVH_CHART_PLOT_LABELS_LEFT;
  double step = axis->step;

  g_return_if_fail (cr != NULL && plot != NULL && axis != NULL);
  if (!(step > 0) || !isfinite (step) || !(plot->hi > plot->lo))
    return;

  cairo_save (cr);
  cairo_set_line_width (cr, axis->line_width);
  for (double v = ceil (plot->lo / step - 1e-9) * step; v <= plot->hi + step * 1e-9; v += step)
    {
      double y = align (cr, alvh_chart_plot_y (plot, v), axis->pixel_align);
      gboolean zero = fabs (v) < step / 2 && plot->lo < 0 && axis->zero.a > 0;
      char buf[64];

      alvh_chart_rgba_set_source (zero ? &axis->zero : &axis->grid, cr);
      cairo_move_to (cr, plot->x, y);
      cairo_line_to (cr, plot->x + plot->width, y);
      cairo_stroke (cr);
      if (fabs (v) < step / 1e6)
        v = 0;
      if (axis->format != NULL)
        axis->format (v, buf, sizeof buf, axis->format_data);
      else
        alvh_chart_format_price (v, step, buf, sizeof buf);
      alvh_chart_rgba_set_source (&axis->label, cr);
      alvh_chart_text_show (cr, &axis->font, buf,
                            left ? plot->x - axis->gap : plot->x + plot->width + axis->gap,
                            y, left ? 1 : 0, 0.5);
    }
  cairo_restore (cr);
}

static void
set_dash (cairo_t      *cr,
          const double *dash,
          int           n_dash)
{
  if (dash != NULL && n_dash > 0)
    cairo_set_dash (cr, dash, n_dash, 0);
}

/**
 * alvh_chart_plot_line:
 * @cr: the context to draw on
 * @plot: a fitted plot
 * @values: (array): values at the bars; NAN leaves a gap
 * @color: the line's colour
 * @width: the line's width
 * @dash: (array length=n_dash) (nullable): a dash pattern, or %NULL for a solid line
 * @n_dash: entries in @dash
 *
 * Draws @values over the plot's bars as one line, clipped to the plot.
 */
void
alvh_chart_plot_line (cairo_t             *cr,
                      const AlvhChartPlot *plot,
                      const double        *values,
                      const AlvhChartRgba *color,
                      double               width,
                      const double        *dash,
                      int                  n_dash)
{
  gboolean pen = FALSE;

  g_return_if_fail (cr != NULL && plot != NULL && values != NULL && color != NULL);

  cairo_save (cr);
  cairo_rectangle (cr, plot->x, plot->y, plot->width, plot->height);
  cairo_clip (cr);
  for (gsize i = plot->first; i < plot->first + plot->n; i++)
    {
      if (!isfinite (values[i]))
        {
          pen = FALSE;
          continue;
        }
      if (pen)
        cairo_line_to (cr, alvh_chart_plot_x (plot, i), alvh_chart_plot_y (plot, values[i]));
      else
        cairo_move_to (cr, alvh_chart_plot_x (plot, i), alvh_chart_plot_y (plot, values[i]));
      pen = TRUE;
    }
  alvh_chart_rgba_set_source (color, cr);
  cairo_set_line_width (cr, width);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  set_dash (cr, dash, n_dash);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/**
 * alvh_chart_plot_hline:
 * @cr: the context to draw on
 * @plot: a fitted plot
 * @value: where the line goes
 * @color: its colour
 * @width: its width
 *
 * Draws a horizontal reference line (e.g. at 0) across the plot.
 */
void
alvh_chart_plot_hline (cairo_t             *cr,
                       const AlvhChartPlot *plot,
                       double               value,
                       const AlvhChartRgba *color,
                       double               width)
{
  double y;

  g_return_if_fail (cr != NULL && plot != NULL && color != NULL);

  y = alvh_chart_plot_y (plot, value);
  cairo_save (cr);
  alvh_chart_rgba_set_source (color, cr);
  cairo_set_line_width (cr, width);
  cairo_move_to (cr, plot->x, y);
  cairo_line_to (cr, plot->x + plot->width, y);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/**
 * alvh_chart_plot_vline:
 * @cr: the context to draw on
 * @plot: the plot
 * @index: the bar the line marks
 * @color: its colour
 * @width: its width
 * @dash: (array length=n_dash) (nullable): a dash pattern, or %NULL for a solid line
 * @n_dash: entries in @dash
 *
 * Draws a vertical line at bar @index over the plot's height, on a device
 * pixel centre.
 */
void
alvh_chart_plot_vline (cairo_t             *cr,
                       const AlvhChartPlot *plot,
                       gsize                index,
                       const AlvhChartRgba *color,
                       double               width,
                       const double        *dash,
                       int                  n_dash)
{
  double x;

  g_return_if_fail (cr != NULL && plot != NULL && color != NULL);

  x = align (cr, alvh_chart_plot_x (plot, index), TRUE);
  cairo_save (cr);
  alvh_chart_rgba_set_source (color, cr);
  cairo_set_line_width (cr, width);
  set_dash (cr, dash, n_dash);
  cairo_move_to (cr, x, plot->y);
  cairo_line_to (cr, x, plot->y + plot->height);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/**
 * alvh_chart_plot_shade:
 * @cr: the context to draw on
 * @plot: the plot
 * @from: the first bar shaded
 * @to: the last bar shaded
 * @color: the shade
 *
 * Shades the bars @from .. @to (half a bar beyond each, within the plot)
 * over the plot's height.
 */
void
alvh_chart_plot_shade (cairo_t             *cr,
                       const AlvhChartPlot *plot,
                       gsize                from,
                       gsize                to,
                       const AlvhChartRgba *color)
{
  double half, x0, x1;

  g_return_if_fail (cr != NULL && plot != NULL && color != NULL);

  half = plot->n > 1 ? plot->width / (double) (plot->n - 1) / 2 : plot->width / 2;
  x0 = MAX (alvh_chart_plot_x (plot, from) - half, plot->x);
  x1 = MIN (alvh_chart_plot_x (plot, to) + half, plot->x + plot->width);
  if (x1 <= x0)
    return;
  alvh_chart_rgba_set_source (color, cr);
  cairo_rectangle (cr, x0, plot->y, x1 - x0, plot->height);
  cairo_fill (cr);
}

/**
 * alvh_chart_plot_calendar_labels:
 * @cr: the context to draw on
 * @plot: the plot
 * @times: (array): the bar times, indexed like the plot's bars
 * @font: the labels' font
 * @label: the labels' colour
 * @grid: (nullable): the colour of a vertical grid line at each label, or %NULL for none
 * @min_spacing: the least room between two labels
 *
 * Labels the time axis below the plot where a year, month, week or day
 * starts, with the ticks of alvh_chart_time_ticks() (the Charts page's).
 *
 * Returns: the number of labels drawn
 */
guint
alvh_chart_plot_calendar_labels (cairo_t             *cr,
                                 const AlvhChartPlot *plot,
                                 const gint64        *times,
                                 const AlvhChartFont *font,
                                 const AlvhChartRgba *label,
                                 const AlvhChartRgba *grid,
                                 double               min_spacing)
{
  AlvhChartTick ticks[ALVH_CHART_MAX_TICKS];
  guint n_ticks;

  g_return_val_if_fail (cr != NULL && plot != NULL && font != NULL && label != NULL, 0);
  if (plot->n < 2 || times == NULL)
    return 0;

  n_ticks = alvh_chart_time_ticks (times, plot->first + plot->n, (double) plot->first,
                                   (double) (plot->first + plot->n - 1), plot->width, min_spacing,
                                   ticks, G_N_ELEMENTS (ticks), NULL, NULL);
  cairo_save (cr);
  for (guint t = 0; t < n_ticks; t++)
    {
      gsize i = (gsize) ticks[t].value;
      double x = alvh_chart_plot_x (plot, i);

      if (grid != NULL)
        alvh_chart_plot_vline (cr, plot, i, grid, 1.0, NULL, 0);
      alvh_chart_rgba_set_source (label, cr);
      alvh_chart_text_show (cr, font, ticks[t].label, x + 3, plot->y + plot->height + 4, 0, 0);
    }
  cairo_restore (cr);
  return n_ticks;
}

/**
 * alvh_chart_plot_date_labels:
 * @cr: the context to draw on
 * @plot: the plot
 * @times: (array): the bar times, indexed like the plot's bars
 * @font: the labels' font
 * @label: the labels' colour
 * @n_labels: how many dates (at least 2 when the plot has 2 bars)
 *
 * Writes @n_labels dates (YYYY-MM-DD, New York) evenly spaced below the
 * plot: the first starting at the left edge, the last ending at the right.
 */
void
alvh_chart_plot_date_labels (cairo_t             *cr,
                             const AlvhChartPlot *plot,
                             const gint64        *times,
                             const AlvhChartFont *font,
                             const AlvhChartRgba *label,
                             guint                n_labels)
{
  g_return_if_fail (cr != NULL && plot != NULL && font != NULL && label != NULL);
  if (plot->n == 0 || times == NULL || n_labels == 0)
    return;

  alvh_chart_rgba_set_source (label, cr);
  for (guint k = 0; k < n_labels; k++)
    {
      gsize i = plot->first + (gsize) llround ((double) (plot->n - 1) * k / MAX (n_labels - 1, 1));
      g_autofree char *text = alvh_time_format_ny_date (times[i]);
      double xalign = k == 0 ? 0 : k == n_labels - 1 ? 1 : 0.5;

      alvh_chart_text_show (cr, font, text, alvh_chart_plot_x (plot, i), plot->y + plot->height + 3, xalign, 0);
    }
}

/**
 * alvh_chart_plot_legend_entry:
 * @cr: the context to draw on
 * @font: the label's font
 * @x: the entry's left edge
 * @y: the entry's vertical middle
 * @swatch_width: width of the colour swatch
 * @swatch_height: height of the colour swatch
 * @swatch: the swatch's colour (the line's)
 * @text_color: the label's colour
 * @text: (not nullable): the label
 *
 * Draws a legend entry: a swatch, then its label 4 units to its right.
 *
 * Returns: the entry's width
 */
double
alvh_chart_plot_legend_entry (cairo_t             *cr,
                              const AlvhChartFont *font,
                              double               x,
                              double               y,
                              double               swatch_width,
                              double               swatch_height,
                              const AlvhChartRgba *swatch,
                              const AlvhChartRgba *text_color,
                              const char          *text)
{
  g_return_val_if_fail (cr != NULL && font != NULL && swatch != NULL && text_color != NULL && text != NULL, 0);

  alvh_chart_rgba_set_source (swatch, cr);
  cairo_rectangle (cr, x, y - swatch_height / 2, swatch_width, swatch_height);
  cairo_fill (cr);
  alvh_chart_rgba_set_source (text_color, cr);
  alvh_chart_text_show (cr, font, text, x + swatch_width + 4, y, 0, 0.5);
  return swatch_width + 4 + alvh_chart_text_width (cr, font, text);
}
