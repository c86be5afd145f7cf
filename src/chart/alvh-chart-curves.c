/* alvh-chart-curves.c — up to eight lines over the same bars, with a legend */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "alvh-chart-curves.h"

AlvhChartRgba
alvh_chart_curves_color (const AlvhChartPalette *palette,
                         guint                   k)
{
  static const AlvhChartColor order[] = { ALVH_CHART_COLOR_BLUE, ALVH_CHART_COLOR_ORANGE,
                                          ALVH_CHART_COLOR_PURPLE, ALVH_CHART_COLOR_TEAL };

  return palette->colors[order[k % G_N_ELEMENTS (order)]];
}

static AlvhChartRgba
with_alpha (AlvhChartRgba c,
            double        alpha)
{
  c.a = alpha;
  return c;
}

/* The range of every line over the bars. */
static gboolean
fit_all (const AlvhChartCurves *curves,
         AlvhChartPlot         *plot)
{
  double lo = INFINITY, hi = -INFINITY;

  for (guint k = 0; k < curves->n_lines; k++)
    if (curves->lines[k] != NULL && alvh_chart_plot_fit (plot, curves->lines[k], NULL, FALSE))
      {
        lo = MIN (lo, plot->lo);
        hi = MAX (hi, plot->hi);
      }
  if (!isfinite (lo))
    return FALSE;
  plot->lo = lo;
  plot->hi = hi;
  return TRUE;
}

void
alvh_chart_curves_render (const AlvhChartCurves *curves,
                          cairo_t               *cr,
                          double                 width,
                          double                 height)
{
  const double left = 64, right = 12, top = 28, bottom = 24;
  const AlvhChartFont font = { ALVH_CHART_FONT, 11, FALSE };
  const AlvhChartPalette *palette;
  AlvhChartRgba dim, grid;
  AlvhChartPlotAxis axis = { 0 };
  AlvhChartPlot plot;
  double x;

  g_return_if_fail (curves != NULL && cr != NULL);
  palette = alvh_chart_palette_get (curves->dark);
  dim = with_alpha (curves->foreground, 0.65);
  grid = with_alpha (curves->foreground, 0.1);
  alvh_chart_plot_init (&plot, left, top, width - left - right, height - top - bottom, 0, curves->n);
  if (curves->n < 2 || plot.width < 20 || plot.height < 20 || !fit_all (curves, &plot))
    {
      alvh_chart_rgba_set_source (&dim, cr);
      alvh_chart_text_show (cr, &font, _("No data"), width / 2.0, height / 2.0, 0.5, 0.5);
      return;
    }
  axis.grid = grid;
  axis.zero = with_alpha (curves->foreground, 0.35);
  axis.line_width = 1;
  axis.pixel_align = TRUE;
  axis.label = dim;
  axis.font = font;
  axis.side = ALVH_CHART_PLOT_LABELS_LEFT;
  axis.gap = 6;
  axis.format = curves->format;
  axis.format_data = curves->format_data;
  axis.step = alvh_chart_plot_round_to_step (&plot, (guint) MAX (2, (int) (plot.height / 40)));
  alvh_chart_plot_value_axis (cr, &plot, &axis);
  alvh_chart_plot_calendar_labels (cr, &plot, curves->times, &font, &dim, &grid, 90);
  /* the first line last, on top */
  for (guint k = curves->n_lines; k-- > 0;)
    if (curves->lines[k] != NULL)
      {
        AlvhChartRgba color = alvh_chart_curves_color (palette, k);

        alvh_chart_plot_line (cr, &plot, curves->lines[k], &color, 1.6, curves->dashes[k], curves->n_dashes[k]);
      }
  x = left + 4;
  for (guint k = 0; k < curves->n_lines; k++)
    if (curves->lines[k] != NULL && curves->labels[k] != NULL)
      {
        AlvhChartRgba color = alvh_chart_curves_color (palette, k);

        x += alvh_chart_plot_legend_entry (cr, &font, x, 12, 14, 4, &color, &curves->foreground,
                                           curves->labels[k]) + 16;
      }
}
