/* alvh-replay-curves-view.c — up to four replays' equity curves on one chart
 * (drawn by src/chart's curves layer) */
#define G_LOG_DOMAIN "alvh-desk"

#include "config.h"

#include <math.h>

#include <adwaita.h>

#include "alvh-chart-curves.h"
#include "alvh-replay-curves-view.h"

struct _AlvhReplayCurvesView
{
  AlvhCairoView parent_instance;
  GPtrArray  *results;     /* AlvhReplayResult */
  GStrv       labels;
};

G_DEFINE_FINAL_TYPE (AlvhReplayCurvesView, alvh_replay_curves_view, ALVH_TYPE_CAIRO_VIEW)

static void
alvh_replay_curves_view_draw (AlvhCairoView *view,
                              cairo_t       *cr,
                              int            w,
                              int            h)
{
  AlvhReplayCurvesView *self = ALVH_REPLAY_CURVES_VIEW (view);
  const GdkRGBA *fg = alvh_cairo_view_get_color (view);
  AlvhChartCurves curves = { 0 };

  curves.foreground = (AlvhChartRgba) { fg->red, fg->green, fg->blue, fg->alpha };
  curves.dark = alvh_cairo_view_get_dark (view);
  curves.format = alvh_cairo_view_format_money;
  for (guint k = 0; self->results != NULL && k < self->results->len && k < ALVH_CHART_CURVES_MAX; k++)
    {
      const AlvhReplayResult *r = g_ptr_array_index (self->results, k);

      if (k == 0)
        {
          curves.times = r->time;
          curves.n = r->n_bars;
        }
      if (r->n_bars != curves.n)
        continue;   /* not the same bars: left out */
      curves.lines[curves.n_lines] = r->equity_hedged;
      curves.labels[curves.n_lines] = self->labels[k];
      curves.n_lines++;
    }
  alvh_chart_curves_render (&curves, cr, w, h);
}

static void
alvh_replay_curves_view_finalize (GObject *object)
{
  AlvhReplayCurvesView *self = ALVH_REPLAY_CURVES_VIEW (object);

  g_clear_pointer (&self->results, g_ptr_array_unref);
  g_clear_pointer (&self->labels, g_strfreev);
  G_OBJECT_CLASS (alvh_replay_curves_view_parent_class)->finalize (object);
}

static void
alvh_replay_curves_view_class_init (AlvhReplayCurvesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = alvh_replay_curves_view_finalize;
  ALVH_CAIRO_VIEW_CLASS (klass)->draw = alvh_replay_curves_view_draw;
  alvh_cairo_view_class_set_size (ALVH_CAIRO_VIEW_CLASS (klass), 200, 160, 600, 280);
  gtk_widget_class_set_css_name (widget_class, "curvesview");
}

static void
alvh_replay_curves_view_init (AlvhReplayCurvesView *self)
{
}

GtkWidget *
alvh_replay_curves_view_new (void)
{
  return g_object_new (ALVH_TYPE_REPLAY_CURVES_VIEW, NULL);
}

void
alvh_replay_curves_view_set_results (AlvhReplayCurvesView *self,
                                     GPtrArray            *results,
                                     const char * const   *labels)
{
  g_return_if_fail (ALVH_IS_REPLAY_CURVES_VIEW (self));
  g_clear_pointer (&self->results, g_ptr_array_unref);
  g_clear_pointer (&self->labels, g_strfreev);
  if (results != NULL)
    {
      self->results = g_ptr_array_ref (results);
      self->labels = g_new0 (char *, results->len + 1);
      for (guint k = 0; k < results->len; k++)
        {
          const AlvhReplayResult *r = g_ptr_array_index (results, k);

          self->labels[k] = labels != NULL && k < g_strv_length ((char **) labels)
                              ? g_strdup (labels[k])
                              : g_strdup_printf ("%s v%d", r->profile_name != NULL ? r->profile_name : "?",
                                                 r->profile_version);
        }
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
alvh_replay_curves_view_get_n_lines (AlvhReplayCurvesView *self)
{
  g_return_val_if_fail (ALVH_IS_REPLAY_CURVES_VIEW (self), 0);
  return self->results != NULL ? MIN (self->results->len, ALVH_CHART_CURVES_MAX) : 0;
}
