/* alvh-charts-page.c — the Charts page: SPX and VIX drawn by src/chart */
#define G_LOG_DOMAIN "alvh-desk"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "alvh-chart-overview.h"
#include "alvh-charts-page.h"
#include "alvh-time.h"

struct _AlvhChartsPage
{
  GtkWidget   parent_instance;

  AlvhSeries *spx;
  AlvhSeries *vix;
  AlvhSeries *vx;
};

G_DEFINE_FINAL_TYPE (AlvhChartsPage, alvh_charts_page, GTK_TYPE_WIDGET)

static void
update_description (AlvhChartsPage *self)
{
  g_autofree char *desc = NULL;

  if (self->spx != NULL && alvh_series_get_length (self->spx) > 0)
    {
      gsize n = alvh_series_get_length (self->spx);
      const gint64 *t = alvh_series_get_times (self->spx);
      const double *c = alvh_series_get_column_by_name (self->spx, "close");
      g_autofree char *first = alvh_time_format_ny_date (t[0]);
      g_autofree char *last = alvh_time_format_ny_date (t[n - 1]);
      double vix_last = NAN;

      if (self->vix != NULL && alvh_series_get_length (self->vix) > 0)
        vix_last = alvh_series_get_column_by_name (self->vix, "close")[alvh_series_get_length (self->vix) - 1];
      desc = g_strdup_printf (_("SPX and VIX daily closes from %s to %s; latest SPX %.2f, VIX %.2f"),
                              first, last, c ? c[n - 1] : NAN, vix_last);
    }
  else
    desc = g_strdup (_("No market data loaded"));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, desc,
                                  -1);
}

static void
alvh_charts_page_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  AlvhChartsPage *self = ALVH_CHARTS_PAGE (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  AlvhChartOverviewPalette palette;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  alvh_chart_overview_palette_init (&palette, adw_style_manager_get_dark (adw_style_manager_get_default ()));
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  alvh_chart_overview_draw (cr, width, height, self->spx, self->vix, &palette);
  cairo_destroy (cr);
}

static void
dark_changed_cb (AlvhChartsPage *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
alvh_charts_page_dispose (GObject *object)
{
  AlvhChartsPage *self = ALVH_CHARTS_PAGE (object);

  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  g_clear_pointer (&self->spx, alvh_series_unref);
  g_clear_pointer (&self->vix, alvh_series_unref);
  g_clear_pointer (&self->vx, alvh_series_unref);

  G_OBJECT_CLASS (alvh_charts_page_parent_class)->dispose (object);
}

static void
alvh_charts_page_class_init (AlvhChartsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = alvh_charts_page_dispose;
  widget_class->snapshot = alvh_charts_page_snapshot;
  gtk_widget_class_set_css_name (widget_class, "alvh-charts-page");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
alvh_charts_page_init (AlvhChartsPage *self)
{
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_size_request (GTK_WIDGET (self), 360, 240);
  g_signal_connect_swapped (adw_style_manager_get_default (), "notify::dark",
                            G_CALLBACK (dark_changed_cb), self);
  update_description (self);
}

GtkWidget *
alvh_charts_page_new (void)
{
  return g_object_new (ALVH_TYPE_CHARTS_PAGE, NULL);
}

void
alvh_charts_page_set_market (AlvhChartsPage *self,
                             AlvhSeries     *spx,
                             AlvhSeries     *vix,
                             AlvhSeries     *vx)
{
  g_return_if_fail (ALVH_IS_CHARTS_PAGE (self));

  if (spx != NULL) alvh_series_ref (spx);
  if (vix != NULL) alvh_series_ref (vix);
  if (vx != NULL) alvh_series_ref (vx);
  g_clear_pointer (&self->spx, alvh_series_unref);
  g_clear_pointer (&self->vix, alvh_series_unref);
  g_clear_pointer (&self->vx, alvh_series_unref);
  self->spx = spx;
  self->vix = vix;
  self->vx = vx;
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
