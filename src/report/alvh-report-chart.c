/* alvh-report-chart.c — the report's chart: SPX above VIX with the period
 * shaded and the hedge legs marked, or a replay's equity curves.  Drawn
 * through src/chart (AlvhChartPlot, Pango chart text, marker shapes); only
 * the layout and the print colours are the report's. */
#define G_LOG_DOMAIN "alvh-report"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "alvh-report-render.h"
#include "alvh-chart.h"
#include "alvh-chart-plot.h"
#include "alvh-chart-ticks.h"
#include "alvh-time.h"

#define FONT_FAMILY "Sans"

static AlvhChartRgba
rgba (guint32 rgb,
      double  alpha)
{
  return (AlvhChartRgba) { ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0,
                           (rgb & 0xff) / 255.0, alpha };
}

static void
set_rgb (cairo_t *cr,
         guint32  rgb,
         double   alpha)
{
  AlvhChartRgba c = rgba (rgb, alpha);

  alvh_chart_rgba_set_source (&c, cr);
}

static const AlvhChartFont chart_font = { FONT_FAMILY, 7, FALSE };
static const AlvhChartFont chart_font_bold = { FONT_FAMILY, 8, TRUE };

static void
format_axis_value (double    value,
                   char     *buf,
                   gsize     len,
                   gpointer  user_data)
{
  g_autofree char *text = alvh_format_number (value, GPOINTER_TO_INT (user_data), ALVH_FORMAT_SCREEN);

  g_strlcpy (buf, text, len);
}

/* white background, grid with labels right of it, frame and title */
static void
pane_frame (cairo_t             *cr,
            const AlvhChartPlot *p,
            const char          *title,
            int                  digits)
{
  AlvhChartPlotAxis axis = {
    .step = alvh_chart_nice_step (p->hi - p->lo, 5, ALVH_CHART_STEP_AT_LEAST),
    .grid = rgba (0xdddddd, 1),
    .line_width = 0.4,
    .label = rgba (0x555555, 1),
    .font = chart_font,
    .side = ALVH_CHART_PLOT_LABELS_RIGHT,
    .gap = 4,
    .format = format_axis_value,
    .format_data = GINT_TO_POINTER (digits),
  };

  set_rgb (cr, 0xffffff, 1);
  cairo_rectangle (cr, p->x, p->y, p->width, p->height);
  cairo_fill (cr);
  alvh_chart_plot_value_axis (cr, p, &axis);
  set_rgb (cr, 0x888888, 1);
  cairo_set_line_width (cr, 0.6);
  cairo_rectangle (cr, p->x, p->y, p->width, p->height);
  cairo_stroke (cr);
  set_rgb (cr, 0x222222, 1);
  alvh_chart_text_show (cr, &chart_font_bold, title, p->x + 4, p->y + 3, 0, 0);
}

static gboolean
fit_padded (AlvhChartPlot *p,
            const double  *a,
            const double  *b,
            gboolean       include_zero)
{
  if (!alvh_chart_plot_fit (p, a, b, include_zero))
    return FALSE;
  alvh_chart_plot_pad (p, 0.06, fabs (p->hi) * 0.002 + 1e-9);
  return TRUE;
}

static void
time_axis (cairo_t             *cr,
           const AlvhChartPlot *p,
           const gint64        *times)
{
  AlvhChartRgba label = rgba (0x555555, 1);

  alvh_chart_plot_date_labels (cr, p, times, &chart_font, &label, (guint) CLAMP (p->width / 90, 2, 8));
}

static void
draw_no_data (cairo_t *cr,
              double   width,
              double   height)
{
  AlvhChartFont font = { FONT_FAMILY, 9, FALSE };

  set_rgb (cr, 0xf4f4f4, 1);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);
  set_rgb (cr, 0x666666, 1);
  alvh_chart_text_show (cr, &font, _("No market data for this period"), width / 2, height / 2, 0.5, 0.5);
}

static void
legend_entry (cairo_t    *cr,
              double      x,
              double      y,
              guint32     rgb,
              const char *text)
{
  AlvhChartRgba swatch = rgba (rgb, 1), label = rgba (0x222222, 1);

  alvh_chart_plot_legend_entry (cr, &chart_font, x, y, 10, 3, &swatch, &label, text);
}

/* a replay: hedged and unhedged equity in one pane */
static gboolean
draw_equity (AlvhReport *report,
             cairo_t    *cr,
             double      width,
             double      height)
{
  const double right = 46, bottom_axis = 14;
  static const double dash[] = { 3, 2 };
  AlvhChartPlot top;
  AlvhChartRgba hedged = rgba (0x1c5fb8, 1), unhedged = rgba (0x8a8a8a, 1), zero = rgba (0x999999, 1);

  alvh_chart_plot_init (&top, 2, 2, width - right - 2, height - bottom_axis - 4 - 14, 0, report->n_bars);
  if (!fit_padded (&top, report->equity_hedged, report->equity_unhedged, TRUE))
    return FALSE;
  pane_frame (cr, &top, _("Equity $"), 0);
  alvh_chart_plot_hline (cr, &top, 0, &zero, 0.6);
  alvh_chart_plot_line (cr, &top, report->equity_unhedged, &unhedged, 1.0, dash, G_N_ELEMENTS (dash));
  alvh_chart_plot_line (cr, &top, report->equity_hedged, &hedged, 1.3, NULL, 0);
  time_axis (cr, &top, report->bar_times);
  legend_entry (cr, top.x + 70, height - 7.5, 0x1c5fb8, _("hedged"));
  legend_entry (cr, top.x + 140, height - 7.5, 0x8a8a8a, _("unhedged"));
  return TRUE;
}

/* the report's period, shaded in both panes */
static void
shade_period (AlvhReport          *report,
              cairo_t             *cr,
              const AlvhChartPlot *top,
              const AlvhChartPlot *bottom)
{
  gssize a = -1, b = -1;
  gint64 end = alvh_time_from_ny_day (alvh_time_ny_day (report->to) + 1);
  AlvhChartRgba shade = rgba (0x3d7fd9, 0.10);

  for (gsize i = 0; i < report->n_bars; i++)
    if (report->bar_times[i] >= report->from && report->bar_times[i] < end)
      {
        if (a < 0)
          a = (gssize) i;
        b = (gssize) i;
      }
  if (a < 0)
    return;
  alvh_chart_plot_shade (cr, top, (gsize) a, (gsize) b, &shade);
  alvh_chart_plot_shade (cr, bottom, (gsize) a, (gsize) b, &shade);
}

/* hedge legs: a triangle below the SPX line and a dot on the VIX line */
static void
draw_hedge_markers (AlvhReport          *report,
                    cairo_t             *cr,
                    const AlvhChartPlot *top,
                    const AlvhChartPlot *bottom)
{
  AlvhChartFont label_font = { FONT_FAMILY, 6.5, TRUE };

  for (guint k = 0; k < report->markers->len; k++)
    {
      const AlvhReportMarker *m = g_ptr_array_index (report->markers, k);
      gssize i = alvh_chart_plot_index_for_time (top, report->bar_times, m->time);
      double x, y;

      if (i < 0 || !isfinite (report->spx[i]))
        continue;
      x = alvh_chart_plot_x (top, (gsize) i);
      y = alvh_chart_plot_y (top, report->spx[i]);
      set_rgb (cr, m->manual ? 0x6b6b6b : 0x1e8c45, 1);
      cairo_new_path (cr);
      alvh_chart_marker_path (cr, ALVH_CHART_MARKER_TRIANGLE_UP, x, y + 7, 4);
      cairo_fill (cr);
      alvh_chart_text_show (cr, &label_font, m->label, x, y + 11, 0.5, 0);
      if (isfinite (report->vix[i]))
        {
          cairo_new_path (cr);
          alvh_chart_marker_path (cr, ALVH_CHART_MARKER_CIRCLE, x, alvh_chart_plot_y (bottom, report->vix[i]), 2.5);
          cairo_fill (cr);
        }
    }
}

/* the journal: SPX above VIX, the period shaded, the hedge legs marked */
static gboolean
draw_market (AlvhReport *report,
             cairo_t    *cr,
             double      width,
             double      height)
{
  const double right = 46, bottom_axis = 14, gap = 10;
  double top_h = (height - bottom_axis - gap - 4) * 0.6;
  AlvhChartPlot top, bottom;
  AlvhChartRgba spx = rgba (0x1c5fb8, 1), vix = rgba (0xc2561a, 1);

  alvh_chart_plot_init (&top, 2, 2, width - right - 2, top_h, 0, report->n_bars);
  alvh_chart_plot_init (&bottom, 2, 2 + top_h + gap, width - right - 2,
                        height - bottom_axis - (2 + top_h + gap) - 2, 0, report->n_bars);
  if (!fit_padded (&top, report->spx, NULL, FALSE) || !fit_padded (&bottom, report->vix, NULL, FALSE))
    return FALSE;
  pane_frame (cr, &top, "SPX", 0);
  pane_frame (cr, &bottom, "VIX", 1);
  shade_period (report, cr, &top, &bottom);
  alvh_chart_plot_line (cr, &top, report->spx, &spx, 1.1, NULL, 0);
  alvh_chart_plot_line (cr, &bottom, report->vix, &vix, 1.1, NULL, 0);
  time_axis (cr, &bottom, report->bar_times);
  draw_hedge_markers (report, cr, &top, &bottom);
  return TRUE;
}

void
alvh_report_draw_chart (AlvhReport *report,
                        cairo_t    *cr,
                        double      width,
                        double      height)
{
  gboolean drawn;

  g_return_if_fail (report != NULL);

  cairo_save (cr);
  if (report->n_bars == 0)
    drawn = FALSE;
  else if (report->kind == ALVH_REPORT_KIND_REPLAY)
    drawn = draw_equity (report, cr, width, height);
  else
    drawn = draw_market (report, cr, width, height);
  if (!drawn)
    draw_no_data (cr, width, height);
  cairo_restore (cr);
}
