/* alvh-equity-view.c — one or two lines over time, drawn through src/chart
 * (AlvhChartPlot: the shared value grid, calendar labels and Pango text) */
#define G_LOG_DOMAIN "alvh-desk"

#include "config.h"

#include <math.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "alvh-core.h"
#include "alvh-chart-plot.h"
#include "alvh-equity-view.h"

struct _AlvhEquityView
{
  AlvhCairoView parent_instance;
  gsize      n;
  gint64    *times;
  double    *a;
  double    *b;
  char      *label_a;
  char      *label_b;
  gint64     marker;
  gboolean   money;
};

G_DEFINE_FINAL_TYPE (AlvhEquityView, alvh_equity_view, ALVH_TYPE_CAIRO_VIEW)

static const AlvhChartFont chart_font = { ALVH_CHART_FONT, 11, FALSE };

static AlvhChartRgba
fg_alpha (AlvhEquityView *self,
          double          alpha)
{
  const GdkRGBA *fg = alvh_cairo_view_get_color (ALVH_CAIRO_VIEW (self));

  return (AlvhChartRgba) { fg->red, fg->green, fg->blue, alpha };
}

static void
format_axis_value (double    v,
                   char     *buf,
                   gsize     len,
                   gpointer  user_data)
{
  AlvhEquityView *self = user_data;

  if (self->money)
    alvh_cairo_view_format_money (v, buf, len, NULL);
  else
    {
      g_autofree char *text = alvh_format_number (v, 0, ALVH_FORMAT_SCREEN);
      g_strlcpy (buf, text, len);
    }
}

static void
draw_no_data (AlvhEquityView *self,
              cairo_t        *cr,
              int             width,
              int             height)
{
  AlvhChartRgba dim = fg_alpha (self, 0.5);

  alvh_chart_rgba_set_source (&dim, cr);
  alvh_chart_text_show (cr, &chart_font, _("No data"), width / 2.0, height / 2.0, 0.5, 0.5);
}

static void
draw_legend (AlvhEquityView            *self,
             cairo_t                   *cr,
             double                     x,
             const double * const      *lines,
             const char * const        *labels,
             const AlvhChartRgba       *colors)
{
  AlvhChartRgba text = fg_alpha (self, alvh_cairo_view_get_color (ALVH_CAIRO_VIEW (self))->alpha);

  for (int k = 0; k < 2; k++)
    if (lines[k] != NULL && labels[k] != NULL)
      x += alvh_chart_plot_legend_entry (cr, &chart_font, x, 12, 14, 4, &colors[k], &text, labels[k]) + 16;
}

/* the marker's bar: the last one at or before its time */
static void
draw_marker (AlvhEquityView      *self,
             cairo_t             *cr,
             const AlvhChartPlot *plot)
{
  static const double dash[] = { 4, 3 };
  AlvhChartRgba color = fg_alpha (self, 0.45);
  gssize i;

  if (self->marker == 0 || self->marker < self->times[0] || self->marker > self->times[self->n - 1])
    return;
  i = alvh_chart_plot_index_for_time (plot, self->times, self->marker);
  if (i >= 0)
    alvh_chart_plot_vline (cr, plot, (gsize) i, &color, 1, dash, G_N_ELEMENTS (dash));
}

static void
alvh_equity_view_draw (AlvhCairoView *view,
                       cairo_t       *cr,
                       int            width,
                       int            height)
{
  AlvhEquityView *self = ALVH_EQUITY_VIEW (view);
  const AlvhChartPalette *palette = alvh_chart_palette_get (alvh_cairo_view_get_dark (view));
  const double left = 64, right = 12, top = 28, bottom = 24;
  double pw = width - left - right, ph = height - top - bottom;
  const double *lines[2] = { self->a, self->b };
  const char *labels[2] = { self->label_a, self->label_b };
  AlvhChartRgba colors[2] = { palette->colors[ALVH_CHART_COLOR_BLUE],
                              palette->colors[ALVH_CHART_COLOR_ORANGE] };
  AlvhChartRgba dim = fg_alpha (self, 0.65), grid = fg_alpha (self, 0.1);
  AlvhChartPlotAxis axis = {
    .grid = grid,
    .zero = fg_alpha (self, 0.35),
    .line_width = 1,
    .pixel_align = TRUE,
    .label = dim,
    .font = chart_font,
    .side = ALVH_CHART_PLOT_LABELS_LEFT,
    .gap = 6,
    .format = format_axis_value,
    .format_data = self,
  };
  AlvhChartPlot plot;

  if (self->n < 2 || pw < 20 || ph < 20)
    {
      draw_no_data (self, cr, width, height);
      return;
    }

  alvh_chart_plot_init (&plot, left, top, pw, ph, 0, self->n);
  alvh_chart_plot_fit (&plot, self->a, self->b, FALSE);
  axis.step = alvh_chart_plot_round_to_step (&plot, (guint) MAX (2, (int) (ph / 40)));
  alvh_chart_plot_value_axis (cr, &plot, &axis);
  alvh_chart_plot_calendar_labels (cr, &plot, self->times, &chart_font, &dim, &grid, 90);
  draw_marker (self, cr, &plot);
  /* b first so that a is on top */
  for (int k = 1; k >= 0; k--)
    if (lines[k] != NULL)
      alvh_chart_plot_line (cr, &plot, lines[k], &colors[k], 1.6, NULL, 0);
  draw_legend (self, cr, left + 4, lines, labels, colors);
}

static void
alvh_equity_view_finalize (GObject *object)
{
  AlvhEquityView *self = ALVH_EQUITY_VIEW (object);

  alvh_equity_view_clear (self);
  G_OBJECT_CLASS (alvh_equity_view_parent_class)->finalize (object);
}

static void
alvh_equity_view_class_init (AlvhEquityViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = alvh_equity_view_finalize;
  ALVH_CAIRO_VIEW_CLASS (klass)->draw = alvh_equity_view_draw;
  alvh_cairo_view_class_set_size (ALVH_CAIRO_VIEW_CLASS (klass), 200, 120, 600, 240);
  gtk_widget_class_set_css_name (widget_class, "equityview");
}

static void
alvh_equity_view_init (AlvhEquityView *self)
{
  self->money = TRUE;
}

/**
 * alvh_equity_view_new:
 *
 * Returns: (transfer full): a new #AlvhEquityView
 */
GtkWidget *
alvh_equity_view_new (void)
{
  return g_object_new (ALVH_TYPE_EQUITY_VIEW, NULL);
}

/**
 * alvh_equity_view_clear:
 * @self: an equity view
 *
 * Removes the data ("No data" shows).
 */
void
alvh_equity_view_clear (AlvhEquityView *self)
{
  g_return_if_fail (ALVH_IS_EQUITY_VIEW (self));
  g_clear_pointer (&self->times, g_free);
  g_clear_pointer (&self->a, g_free);
  g_clear_pointer (&self->b, g_free);
  g_clear_pointer (&self->label_a, g_free);
  g_clear_pointer (&self->label_b, g_free);
  self->n = 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * alvh_equity_view_set_data:
 * @self: an equity view
 * @times: (array length=n): the bar times
 * @n: the number of bars
 * @a: (array length=n): the first line (NAN: gap)
 * @label_a: (nullable): its legend label
 * @b: (array length=n) (nullable): a second line, or %NULL
 * @label_b: (nullable): its legend label
 *
 * Shows one or two lines; the data are copied.
 */
void
alvh_equity_view_set_data (AlvhEquityView *self,
                           const gint64   *times,
                           gsize           n,
                           const double   *a,
                           const char     *label_a,
                           const double   *b,
                           const char     *label_b)
{
  g_return_if_fail (ALVH_IS_EQUITY_VIEW (self));

  alvh_equity_view_clear (self);
  if (n == 0 || times == NULL || a == NULL)
    return;
  self->n = n;
  self->times = g_memdup2 (times, n * sizeof (gint64));
  self->a = g_memdup2 (a, n * sizeof (double));
  self->b = b != NULL ? g_memdup2 (b, n * sizeof (double)) : NULL;
  self->label_a = g_strdup (label_a);
  self->label_b = g_strdup (label_b);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * alvh_equity_view_set_marker:
 * @self: an equity view
 * @t: a time to mark with a dashed vertical line (0: none)
 *
 * Marks the last bar at or before @t.
 */
void
alvh_equity_view_set_marker (AlvhEquityView *self,
                             gint64          t)
{
  g_return_if_fail (ALVH_IS_EQUITY_VIEW (self));
  self->marker = t;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * alvh_equity_view_set_money:
 * @self: an equity view
 * @money: whether the axis labels are dollars
 *
 * Dollars ($12k, −$500) or plain numbers.
 */
void
alvh_equity_view_set_money (AlvhEquityView *self,
                            gboolean        money)
{
  g_return_if_fail (ALVH_IS_EQUITY_VIEW (self));
  self->money = !!money;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * alvh_equity_view_get_n:
 * @self: an equity view
 *
 * Returns: the number of bars shown
 */
gsize
alvh_equity_view_get_n (AlvhEquityView *self)
{
  g_return_val_if_fail (ALVH_IS_EQUITY_VIEW (self), 0);
  return self->n;
}
