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
  GtkWidget   parent_instance;
  GPtrArray  *results;     /* AlvhReplayResult */
  GStrv       labels;
};

G_DEFINE_FINAL_TYPE (AlvhReplayCurvesView, alvh_replay_curves_view, GTK_TYPE_WIDGET)

static void
format_money (double    v,
              char     *buf,
              gsize     len,
              gpointer  user_data)
{
  double a = fabs (v);
  const char *sign = v < 0 ? "\u2212" : "";

  if (a >= 1e6)
    g_snprintf (buf, len, "%s$%.1fM", sign, a / 1e6);
  else if (a >= 1e4)
    g_snprintf (buf, len, "%s$%.0fk", sign, a / 1e3);
  else
    {
      g_autofree char *text = alvh_format_money (v, ALVH_MONEY_WHOLE);
      g_strlcpy (buf, text, len);
    }
}

static void
alvh_replay_curves_view_snapshot (GtkWidget   *widget,
                                  GtkSnapshot *snapshot)
{
  AlvhReplayCurvesView *self = ALVH_REPLAY_CURVES_VIEW (widget);
  int w = gtk_widget_get_width (widget);
  int h = gtk_widget_get_height (widget);
  AlvhChartCurves curves = { 0 };
  GdkRGBA fg;
  cairo_t *cr;

  if (w <= 0 || h <= 0)
    return;
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
G_GNUC_END_IGNORE_DEPRECATIONS
  curves.foreground = (AlvhChartRgba) { fg.red, fg.green, fg.blue, fg.alpha };
  curves.dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  curves.format = format_money;
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
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, w, h));
  alvh_chart_curves_render (&curves, cr, w, h);
  cairo_destroy (cr);
}

static void
alvh_replay_curves_view_measure (GtkWidget      *widget,
                                 GtkOrientation  orientation,
                                 int             for_size,
                                 int            *minimum,
                                 int            *natural,
                                 int            *minimum_baseline,
                                 int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 200 : 160;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 600 : 280;
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
  widget_class->snapshot = alvh_replay_curves_view_snapshot;
  widget_class->measure = alvh_replay_curves_view_measure;
  gtk_widget_class_set_css_name (widget_class, "curvesview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
alvh_replay_curves_view_init (AlvhReplayCurvesView *self)
{
  g_signal_connect_swapped (adw_style_manager_get_default (), "notify::dark", G_CALLBACK (gtk_widget_queue_draw), self);
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
