/* alvh-charts-page.c — the Charts page: market chart and payoff, drawn by src/chart */
#define G_LOG_DOMAIN "alvh-desk"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>
#include <adwaita.h>

#include "alvh-a11y.h"
#include "alvh-chart-market.h"
#include "alvh-chart-payoff.h"
#include "alvh-whatif-panel.h"
#include "alvh-chart-view.h"
#include "alvh-charts-feed.h"
#include "alvh-charts-indicators.h"
#include "alvh-charts-page.h"
#include "alvh-chart-term.h"
#include "alvh-time.h"

struct _AlvhChartsPage
{
  AlvhPage         parent_instance;

  /* Template */
  AdwToastOverlay *toasts;
  AdwViewStack    *stack;
  AdwBin          *chart_bin;   /* holds the chart view, made in C for its chart */
  GtkWidget       *payoff_area;
  GtkWidget       *term_area;   /* the VIX term structure at the crosshair's date */
  GtkLabel        *readout;
  GtkBox          *range_box;   /* the range buttons, each named by its range id */
  GtkToggleButton *log_button;
  GtkWidget       *go_to_date;
  GtkBox          *vol_box;     /* a check button per volatility index, in the pane's order */
  GtkSpinButton   *macd_fast;   /* the MACD pane's display periods */
  GtkSpinButton   *macd_slow;
  GtkSpinButton   *macd_signal;
  GtkLabel        *indicators_error;
  GtkWidget       *whatif;

  /* Borrowed */
  GtkWidget       *chart_view;  /* in chart_bin */
  GtkToggleButton *range_buttons[6];  /* in range_box, in the order of ranges[] */
  AdwToast        *error_toast; /* the feed error shown now (weak), or NULL */
  const char      *range;       /* an id of ranges[], or NULL after a manual zoom */

  /* Owned */
  AlvhChartsFeed  *feed;        /* the book's overlays, once there is a context */
  AlvhChart       *chart;
  AlvhSeries      *spx;
  AlvhSeries      *vix;
  AlvhSeries      *vx;
  AlvhSeries      *vol[ALVH_CHART_VOL_N]; /* the volatility pane's indices */
  guint            vol_shown;             /* bit (1 << AlvhChartVolIndex) each */
  AlvhSeries      *greeks;
  double           delta_tolerance;
  GArray          *levels;      /* AlvhChartLevel, labels owned */
  GArray          *markers;     /* AlvhChartMarker, strings owned */
  GArray          *shade_starts;
  GArray          *shade_ends;
  GArray          *payoff_spx;  /* the payoff's SPX levels, P&L at expiry, today and what-if */
  GArray          *payoff_expiry;
  GArray          *payoff_today;
  GArray          *payoff_whatif;
  GArray          *payoff_breakevens;
  double           payoff_pointer_x;
};

G_DEFINE_FINAL_TYPE (AlvhChartsPage, alvh_charts_page, ALVH_TYPE_PAGE)

/* the range buttons of the template, in its order (labels and tooltips there) */
static const struct
{
  const char *id;
  gint64      days;
} ranges[] = {
  { "1m", 31 },
  { "3m", 92 },
  { "6m", 183 },
  { "1y", 366 },
  { "5y", 1827 },
  { "all", 0 },
};

static void
level_clear (gpointer data)
{
  AlvhChartLevel *l = data;
  g_free ((char *) l->label);
}

static void
marker_clear (gpointer data)
{
  AlvhChartMarker *m = data;
  g_free ((char *) m->label);
  g_free ((char *) m->tooltip);
}

static void
update_readout (AlvhChartsPage *self)
{
  g_autofree char *text = alvh_chart_view_dup_readout (ALVH_CHART_VIEW (self->chart_view));
  g_auto(GStrv) lines = g_strsplit (text ? text : "", "\n", -1);
  g_autofree char *one = g_strjoinv ("   ", lines);

  /* "date   SPX: …   VIX: …" on one line; all of it in the tooltip */
  gtk_label_set_text (self->readout, one);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->readout), text);
}

static void
apply_overlays (AlvhChartsPage *self)
{
  alvh_chart_market_set_condor_levels (self->chart, (const AlvhChartLevel *) (void *) self->levels->data,
                                       self->levels->len);
  alvh_chart_market_set_markers (self->chart, (const AlvhChartMarker *) (void *) self->markers->data,
                                 self->markers->len);
  alvh_chart_market_set_shading (self->chart, (const gint64 *) (void *) self->shade_starts->data,
                                 (const gint64 *) (void *) self->shade_ends->data, self->shade_starts->len);
  alvh_chart_market_set_greeks (self->chart, self->greeks, self->delta_tolerance);
}

static void
changed (AlvhChartsPage *self)
{
  alvh_chart_view_changed (ALVH_CHART_VIEW (self->chart_view));
  update_readout (self);
}

static void
apply_range (AlvhChartsPage *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (ranges); i++)
    if (g_strcmp0 (ranges[i].id, self->range) == 0)
      {
        if (ranges[i].days == 0)
          alvh_chart_show_all (self->chart);
        else
          alvh_chart_show_last (self->chart, ranges[i].days * ALVH_SECONDS_PER_DAY);
      }
  changed (self);
}

static void
range_toggled_cb (GtkToggleButton *button,
                  AlvhChartsPage  *self)
{
  if (!gtk_toggle_button_get_active (button))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (ranges); i++)
    if (g_strcmp0 (ranges[i].id, gtk_widget_get_name (GTK_WIDGET (button))) == 0)
      self->range = ranges[i].id;
  apply_range (self);
}

/* The go-to-date entry: a date moves the crosshair there; anything else
 * marks the entry and says what it expects */
static void
go_to_date_activate_cb (GtkEntry       *entry,
                        AlvhChartsPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  gint64 t;

  if (alvh_time_parse_date (text, strlen (text), &t))
    {
      gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (entry), _("Go to a date (YYYY-MM-DD)"));
      alvh_charts_page_go_to_time (self, t);
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (entry), _("Not a date: write it as YYYY-MM-DD"));
    }
}

/* an index of the volatility pane switched on or off */
static void
vol_toggled_cb (GtkCheckButton *button,
                AlvhChartsPage *self)
{
  guint k = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "alvh-vol-index"));

  if (gtk_check_button_get_active (button))
    self->vol_shown |= 1u << k;
  else
    self->vol_shown &= ~(1u << k);
  alvh_chart_market_set_vol_indices (self->chart, self->vol, self->vol_shown);
  changed (self);
}

/* The MACD pane at the periods of the Indicators popover (display only:
 * the evaluator keeps the spec's 12, 26, 9); @force also for 12, 26, 9,
 * which the market chart draws by itself */
static void
apply_indicators (AlvhChartsPage *self,
                  gboolean        force)
{
  guint fast = (guint) gtk_spin_button_get_value_as_int (self->macd_fast);
  guint slow = (guint) gtk_spin_button_get_value_as_int (self->macd_slow);
  guint signal = (guint) gtk_spin_button_get_value_as_int (self->macd_signal);

  gtk_widget_set_visible (GTK_WIDGET (self->indicators_error), fast >= slow);
  if (fast >= slow)
    return;
  if (!force && fast == ALVH_MACD_FAST && slow == ALVH_MACD_SLOW && signal == ALVH_MACD_SIGNAL)
    return;
  alvh_charts_indicators_apply_macd (self->chart, fast, slow, signal);
}

static void
indicators_changed_cb (GtkSpinButton  *spin,
                       AlvhChartsPage *self)
{
  apply_indicators (self, TRUE);
  changed (self);
}

static void
indicators_reset_cb (GtkButton      *button,
                     AlvhChartsPage *self)
{
  gtk_spin_button_set_value (self->macd_fast, ALVH_MACD_FAST);
  gtk_spin_button_set_value (self->macd_slow, ALVH_MACD_SLOW);
  gtk_spin_button_set_value (self->macd_signal, ALVH_MACD_SIGNAL);
}

/* a manual zoom or pan: no range button stays lit */
static void
user_view_changed_cb (AlvhChartView  *view,
                      AlvhChartsPage *self)
{
  self->range = NULL;
  for (guint i = 0; i < G_N_ELEMENTS (ranges); i++)
    if (gtk_toggle_button_get_active (self->range_buttons[i]))
      gtk_toggle_button_set_active (self->range_buttons[i], FALSE);
}

static void
log_toggled_cb (GtkToggleButton *button,
                AlvhChartsPage  *self)
{
  alvh_chart_pane_set_log_scale (self->chart, ALVH_CHART_MARKET_PANE_SPX, gtk_toggle_button_get_active (button));
  changed (self);
}

static void
crosshair_changed_cb (AlvhChartView  *view,
                      gint64          index,
                      AlvhChartsPage *self)
{
  update_readout (self);
  gtk_widget_queue_draw (self->term_area);
}

static void
readout_copied_cb (AlvhChartView  *view,
                   const char     *text,
                   AlvhChartsPage *self)
{
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (_("Chart values copied")));
}

/* ---- payoff ---------------------------------------------------------- */

static void
payoff_fill (AlvhChartsPage  *self,
             AlvhChartPayoff *p)
{
  memset (p, 0, sizeof *p);
  p->spx = (const double *) (void *) self->payoff_spx->data;
  p->pnl_expiry = self->payoff_expiry->len ? (const double *) (void *) self->payoff_expiry->data : NULL;
  p->pnl_today = self->payoff_today->len ? (const double *) (void *) self->payoff_today->data : NULL;
  p->pnl_whatif = self->payoff_whatif->len == self->payoff_spx->len && self->payoff_whatif->len > 0
                  ? (const double *) (void *) self->payoff_whatif->data : NULL;
  p->n = self->payoff_spx->len;
  p->breakevens = (const double *) (void *) self->payoff_breakevens->data;
  p->n_breakevens = self->payoff_breakevens->len;
  p->spot = NAN;
  if (self->spx)
    {
      const double *c = alvh_series_get_column_by_name (self->spx, "close");
      gsize n = alvh_series_get_length (self->spx);
      if (c && n)
        p->spot = c[n - 1];
    }
  p->pointer_x = self->payoff_pointer_x;
}

/* The term structure of the crosshair's date (the last bar without one)
 * and of a week earlier */
static void
term_draw_cb (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        data)
{
  AlvhChartsPage *self = data;
  AlvhChartTermCurve now = { 0 }, before = { 0 };
  gssize i = alvh_chart_get_crosshair (self->chart);
  gsize n = alvh_chart_get_n_bars (self->chart);
  gint64 t;

  if (n > 0)
    {
      t = alvh_chart_get_times (self->chart)[i >= 0 && (gsize) i < n ? (gsize) i : n - 1];
      if (alvh_chart_term_curve_at (self->vol[ALVH_CHART_VOL_VIX9D], self->vix, self->vol[ALVH_CHART_VOL_VIX3M],
                                    self->vx, t, &now))
        alvh_chart_term_curve_at (self->vol[ALVH_CHART_VOL_VIX9D], self->vix, self->vol[ALVH_CHART_VOL_VIX3M],
                                  self->vx, now.time - 7 * ALVH_SECONDS_PER_DAY, &before);
    }
  alvh_chart_term_render (cr, width, height, adw_style_manager_get_dark (adw_style_manager_get_default ()),
                          &now, before.n > 0 ? &before : NULL);
}

/* The what-if's curve over the payoff's SPX levels, drawn with the others. */
static void
whatif_changed_cb (AlvhChartsPage *self)
{
  g_array_set_size (self->payoff_whatif, self->payoff_spx->len);
  if (self->payoff_spx->len == 0 ||
      !alvh_whatif_panel_curve (ALVH_WHATIF_PANEL (self->whatif), (const double *) (void *) self->payoff_spx->data,
                                self->payoff_spx->len, (double *) (void *) self->payoff_whatif->data))
    g_array_set_size (self->payoff_whatif, 0);
  gtk_widget_queue_draw (self->payoff_area);
}

static void
payoff_draw_cb (GtkDrawingArea *area,
                cairo_t        *cr,
                int             width,
                int             height,
                gpointer        data)
{
  AlvhChartsPage *self = data;
  AlvhChartPayoff p;

  payoff_fill (self, &p);
  p.dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  p.scale = gtk_widget_get_scale_factor (GTK_WIDGET (area));
  alvh_chart_payoff_render (&p, cr, width, height);
}

static void
payoff_motion_cb (GtkEventControllerMotion *controller,
                  double                    x,
                  double                    y,
                  AlvhChartsPage           *self)
{
  self->payoff_pointer_x = x;
  gtk_widget_queue_draw (self->payoff_area);
}

static void
payoff_leave_cb (GtkEventControllerMotion *controller,
                 AlvhChartsPage           *self)
{
  self->payoff_pointer_x = -1;
  gtk_widget_queue_draw (self->payoff_area);
}

static void
update_payoff_description (AlvhChartsPage *self)
{
  g_autoptr(GString) s = g_string_new (NULL);
  AlvhChartPayoff p;
  double e, t;

  payoff_fill (self, &p);
  if (p.n < 2)
    g_string_append (s, _("No open position: no payoff to draw."));
  else
    {
      double best = -INFINITY, worst = INFINITY;
      for (guint i = 0; i < p.n && p.pnl_expiry; i++)
        {
          best = MAX (best, p.pnl_expiry[i]);
          worst = MIN (worst, p.pnl_expiry[i]);
        }
      g_string_append_printf (s, _("P&L at expiry from SPX %.0f to %.0f: best $%.0f, worst $%.0f."),
                              p.spx[0], p.spx[p.n - 1], best, worst);
      for (guint i = 0; i < p.n_breakevens; i++)
        g_string_append_printf (s, _(" Break-even %.2f."), p.breakevens[i]);
      if (isfinite (p.spot) && alvh_chart_payoff_values_at (&p, p.spot, &e, &t))
        g_string_append_printf (s, _(" At SPX %.2f: $%.0f at expiry, $%.0f today."), p.spot, e, t);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->payoff_area),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, s->str, -1);
}

static void
dark_changed_cb (AlvhChartsPage *self)
{
  gtk_widget_queue_draw (self->payoff_area);
  gtk_widget_queue_draw (self->chart_view);
}

/* ---- GObject --------------------------------------------------------- */

static void
alvh_charts_page_dispose (GObject *object)
{
  AlvhChartsPage *self = ALVH_CHARTS_PAGE (object);

  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  if (self->feed != NULL)
    alvh_charts_feed_shutdown (self->feed);
  g_clear_object (&self->feed);
  alvh_page_dispose_template (ALVH_PAGE (self), ALVH_TYPE_CHARTS_PAGE);
  g_clear_object (&self->chart);
  g_clear_pointer (&self->spx, alvh_series_unref);
  g_clear_pointer (&self->vix, alvh_series_unref);
  g_clear_pointer (&self->vx, alvh_series_unref);
  for (guint k = 0; k < ALVH_CHART_VOL_N; k++)
    g_clear_pointer (&self->vol[k], alvh_series_unref);
  g_clear_pointer (&self->greeks, alvh_series_unref);

  G_OBJECT_CLASS (alvh_charts_page_parent_class)->dispose (object);
}

static void
alvh_charts_page_finalize (GObject *object)
{
  AlvhChartsPage *self = ALVH_CHARTS_PAGE (object);

  g_array_unref (self->levels);
  g_array_unref (self->markers);
  g_array_unref (self->shade_starts);
  g_array_unref (self->shade_ends);
  g_array_unref (self->payoff_spx);
  g_array_unref (self->payoff_expiry);
  g_array_unref (self->payoff_today);
  g_array_unref (self->payoff_whatif);
  g_array_unref (self->payoff_breakevens);

  G_OBJECT_CLASS (alvh_charts_page_parent_class)->finalize (object);
}

static void replace_series (AlvhSeries **slot,
                            AlvhSeries  *series);

static void
market_changed_cb (AlvhChartsPage    *self,
                   AlvhMarketService *market)
{
  replace_series (&self->vol[ALVH_CHART_VOL_VIX9D], alvh_market_service_get_series (market, "VIX9D"));
  replace_series (&self->vol[ALVH_CHART_VOL_VIX3M], alvh_market_service_get_series (market, "VIX3M"));
  replace_series (&self->vol[ALVH_CHART_VOL_VVIX], alvh_market_service_get_series (market, "VVIX"));
  replace_series (&self->vol[ALVH_CHART_VOL_SKEW], alvh_market_service_get_series (market, "SKEW"));
  alvh_charts_page_set_market (self,
                               alvh_market_service_get_series (market, "SPX"),
                               alvh_market_service_get_series (market, "VIX"),
                               alvh_market_service_get_series (market, "VX"));
}

static void
error_toast_dismissed_cb (AlvhChartsPage *self)
{
  self->error_toast = NULL;
}

/* A journal read of the feed failed: the user hears of it, in one toast
 * while it lasts rather than one per feed update. */
static void
feed_error_cb (AlvhChartsPage *self,
               const GError   *error)
{
  if (self->error_toast != NULL)
    {
      adw_toast_set_title (self->error_toast, error->message);
      return;
    }
  self->error_toast = adw_toast_new (error->message);
  adw_toast_set_timeout (self->error_toast, 0);
  g_signal_connect_object (self->error_toast, "dismissed", G_CALLBACK (error_toast_dismissed_cb),
                           self, G_CONNECT_SWAPPED);
  adw_toast_overlay_add_toast (self->toasts, self->error_toast);
}

/* The page follows the market service; its AlvhChartsFeed adds the book's
 * levels, markers, greeks and payoff. */
static void
alvh_charts_page_context_set (AlvhPage    *page,
                              AlvhContext *context)
{
  AlvhChartsPage *self = ALVH_CHARTS_PAGE (page);

  GSettings *settings = alvh_context_get_settings (context);

  /* the display periods live in the application's settings */
  if (settings != NULL)
    {
      g_settings_bind (settings, "chart-macd-fast", self->macd_fast, "value", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (settings, "chart-macd-slow", self->macd_slow, "value", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (settings, "chart-macd-signal", self->macd_signal, "value", G_SETTINGS_BIND_DEFAULT);
    }
  alvh_context_connect (context, "market", G_CALLBACK (market_changed_cb), page);
  /* after the handler above: the page has the new market when the feed runs */
  self->feed = alvh_charts_feed_new (self);
  g_signal_connect_object (self->feed, "error", G_CALLBACK (feed_error_cb), self, G_CONNECT_SWAPPED);
}

static void
alvh_charts_page_class_init (AlvhChartsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = alvh_charts_page_dispose;
  object_class->finalize = alvh_charts_page_finalize;
  ALVH_PAGE_CLASS (klass)->context_set = alvh_charts_page_context_set;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "alvh-charts-page");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  g_type_ensure (ALVH_TYPE_WHATIF_PANEL);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/alvhdesk/AlvhDesk/ui/pages/charts/alvh-charts-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AlvhChartsPage, toasts);
  gtk_widget_class_bind_template_child (widget_class, AlvhChartsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, AlvhChartsPage, chart_bin);
  gtk_widget_class_bind_template_child (widget_class, AlvhChartsPage, payoff_area);
  gtk_widget_class_bind_template_child (widget_class, AlvhChartsPage, term_area);
  gtk_widget_class_bind_template_child (widget_class, AlvhChartsPage, readout);
  gtk_widget_class_bind_template_child (widget_class, AlvhChartsPage, range_box);
  gtk_widget_class_bind_template_child (widget_class, AlvhChartsPage, log_button);
  gtk_widget_class_bind_template_child (widget_class, AlvhChartsPage, go_to_date);
  gtk_widget_class_bind_template_child (widget_class, AlvhChartsPage, vol_box);
  gtk_widget_class_bind_template_child (widget_class, AlvhChartsPage, macd_fast);
  gtk_widget_class_bind_template_child (widget_class, AlvhChartsPage, macd_slow);
  gtk_widget_class_bind_template_child (widget_class, AlvhChartsPage, macd_signal);
  gtk_widget_class_bind_template_child (widget_class, AlvhChartsPage, indicators_error);
  gtk_widget_class_bind_template_child (widget_class, AlvhChartsPage, whatif);
  gtk_widget_class_bind_template_callback (widget_class, log_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, go_to_date_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, indicators_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, indicators_reset_cb);
  gtk_widget_class_bind_template_callback (widget_class, payoff_motion_cb);
  gtk_widget_class_bind_template_callback (widget_class, payoff_leave_cb);
  gtk_widget_class_bind_template_callback (widget_class, whatif_changed_cb);
}

static void
alvh_charts_page_init (AlvhChartsPage *self)
{
  guint i = 0;

  self->levels = g_array_new (FALSE, TRUE, sizeof (AlvhChartLevel));
  g_array_set_clear_func (self->levels, level_clear);
  self->markers = g_array_new (FALSE, TRUE, sizeof (AlvhChartMarker));
  g_array_set_clear_func (self->markers, marker_clear);
  self->shade_starts = g_array_new (FALSE, TRUE, sizeof (gint64));
  self->shade_ends = g_array_new (FALSE, TRUE, sizeof (gint64));
  self->payoff_spx = g_array_new (FALSE, TRUE, sizeof (double));
  self->payoff_expiry = g_array_new (FALSE, TRUE, sizeof (double));
  self->payoff_today = g_array_new (FALSE, TRUE, sizeof (double));
  self->payoff_whatif = g_array_new (FALSE, TRUE, sizeof (double));
  self->payoff_breakevens = g_array_new (FALSE, TRUE, sizeof (double));
  self->payoff_pointer_x = -1;
  self->delta_tolerance = 0.18;
  self->range = "1y";

  self->chart = alvh_chart_market_new ();
  /* hovering redraws only the crosshair and legends over the kept layers */
  alvh_chart_set_layer_cache (self->chart, TRUE);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* the chart view needs its chart: the template holds a place for it */
  self->chart_view = alvh_chart_view_new (self->chart);
  g_signal_connect (self->chart_view, "crosshair-changed", G_CALLBACK (crosshair_changed_cb), self);
  g_signal_connect (self->chart_view, "readout-copied", G_CALLBACK (readout_copied_cb), self);
  g_signal_connect (self->chart_view, "user-view-changed", G_CALLBACK (user_view_changed_cb), self);
  adw_bin_set_child (self->chart_bin, self->chart_view);

  for (GtkWidget *b = gtk_widget_get_first_child (GTK_WIDGET (self->range_box)); b != NULL;
       b = gtk_widget_get_next_sibling (b), i++)
    {
      g_assert (i < G_N_ELEMENTS (ranges) && g_str_equal (gtk_widget_get_name (b), ranges[i].id));
      self->range_buttons[i] = GTK_TOGGLE_BUTTON (b);
      /* the template's accessible name, where alvh_a11y_get_label() reads it */
      alvh_a11y_set_label (b, gtk_widget_get_tooltip_text (b));
      g_signal_connect (b, "toggled", G_CALLBACK (range_toggled_cb), self);
    }
  alvh_a11y_set_label (GTK_WIDGET (self->log_button), gtk_widget_get_tooltip_text (GTK_WIDGET (self->log_button)));
  alvh_a11y_set_label (self->go_to_date, gtk_widget_get_tooltip_text (self->go_to_date));
  i = 0;
  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (self->vol_box)); c != NULL;
       c = gtk_widget_get_next_sibling (c), i++)
    {
      g_object_set_data (G_OBJECT (c), "alvh-vol-index", GUINT_TO_POINTER (i));
      if (gtk_check_button_get_active (GTK_CHECK_BUTTON (c)))
        self->vol_shown |= 1u << i;
      g_signal_connect (c, "toggled", G_CALLBACK (vol_toggled_cb), self);
    }

  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->payoff_area), payoff_draw_cb, self, NULL);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->term_area), term_draw_cb, self, NULL);
  g_signal_connect_swapped (adw_style_manager_get_default (), "notify::dark",
                            G_CALLBACK (dark_changed_cb), self);
  update_payoff_description (self);
  changed (self);
}

/* ---- public API ------------------------------------------------------ */

GtkWidget *
alvh_charts_page_new (void)
{
  return g_object_new (ALVH_TYPE_CHARTS_PAGE, NULL);
}

static void
replace_series (AlvhSeries **slot,
                AlvhSeries  *series)
{
  if (series)
    alvh_series_ref (series);
  g_clear_pointer (slot, alvh_series_unref);
  *slot = series;
}

void
alvh_charts_page_set_market (AlvhChartsPage *self,
                             AlvhSeries     *spx,
                             AlvhSeries     *vix,
                             AlvhSeries     *vx)
{
  g_return_if_fail (ALVH_IS_CHARTS_PAGE (self));

  replace_series (&self->spx, spx);
  replace_series (&self->vix, vix);
  replace_series (&self->vx, vx);
  replace_series (&self->vol[ALVH_CHART_VOL_VIX], vix);
  alvh_chart_market_set_data (self->chart, spx, vix, vx);
  apply_indicators (self, FALSE);
  alvh_chart_market_set_vol_indices (self->chart, self->vol, self->vol_shown);
  alvh_chart_pane_set_log_scale (self->chart, ALVH_CHART_MARKET_PANE_SPX,
                                 gtk_toggle_button_get_active (self->log_button));
  apply_overlays (self);
  apply_range (self);
  update_payoff_description (self);
  gtk_widget_queue_draw (self->payoff_area);
}

void
alvh_charts_page_set_condor_levels (AlvhChartsPage       *self,
                                    const AlvhChartLevel *levels,
                                    guint                 n)
{
  g_return_if_fail (ALVH_IS_CHARTS_PAGE (self));
  g_return_if_fail (n == 0 || levels != NULL);

  g_array_set_size (self->levels, 0);
  for (guint i = 0; i < n; i++)
    {
      AlvhChartLevel l = levels[i];
      l.label = g_strdup (levels[i].label);
      g_array_append_val (self->levels, l);
    }
  alvh_chart_market_set_condor_levels (self->chart, (const AlvhChartLevel *) (void *) self->levels->data,
                                       self->levels->len);
  changed (self);
}

void
alvh_charts_page_set_markers (AlvhChartsPage        *self,
                              const AlvhChartMarker *markers,
                              guint                  n)
{
  g_return_if_fail (ALVH_IS_CHARTS_PAGE (self));
  g_return_if_fail (n == 0 || markers != NULL);

  g_array_set_size (self->markers, 0);
  for (guint i = 0; i < n; i++)
    {
      AlvhChartMarker m = markers[i];
      m.label = g_strdup (markers[i].label);
      m.tooltip = g_strdup (markers[i].tooltip);
      g_array_append_val (self->markers, m);
    }
  alvh_chart_market_set_markers (self->chart, (const AlvhChartMarker *) (void *) self->markers->data,
                                 self->markers->len);
  changed (self);
}

void
alvh_charts_page_set_shading (AlvhChartsPage *self,
                              const gint64   *starts,
                              const gint64   *ends,
                              guint           n)
{
  g_return_if_fail (ALVH_IS_CHARTS_PAGE (self));
  g_return_if_fail (n == 0 || (starts != NULL && ends != NULL));

  g_array_set_size (self->shade_starts, 0);
  g_array_set_size (self->shade_ends, 0);
  if (n > 0)
    {
      g_array_append_vals (self->shade_starts, starts, n);
      g_array_append_vals (self->shade_ends, ends, n);
    }
  alvh_chart_market_set_shading (self->chart, starts, ends, n);
  changed (self);
}

void
alvh_charts_page_set_greeks (AlvhChartsPage *self,
                             AlvhSeries     *greeks,
                             double          delta_tolerance)
{
  g_return_if_fail (ALVH_IS_CHARTS_PAGE (self));

  replace_series (&self->greeks, greeks);
  self->delta_tolerance = delta_tolerance;
  alvh_chart_market_set_greeks (self->chart, greeks, delta_tolerance);
  changed (self);
}

void
alvh_charts_page_set_payoff (AlvhChartsPage *self,
                             const double   *spx,
                             const double   *pnl_expiry,
                             const double   *pnl_today,
                             guint           n,
                             const double   *breakevens,
                             guint           n_breakevens)
{
  g_return_if_fail (ALVH_IS_CHARTS_PAGE (self));
  g_return_if_fail (n == 0 || spx != NULL);
  g_return_if_fail (n_breakevens == 0 || breakevens != NULL);

  g_array_set_size (self->payoff_spx, 0);
  g_array_set_size (self->payoff_expiry, 0);
  g_array_set_size (self->payoff_today, 0);
  g_array_set_size (self->payoff_breakevens, 0);
  if (n > 0)
    {
      g_array_append_vals (self->payoff_spx, spx, n);
      if (pnl_expiry)
        g_array_append_vals (self->payoff_expiry, pnl_expiry, n);
      if (pnl_today)
        g_array_append_vals (self->payoff_today, pnl_today, n);
    }
  if (n_breakevens > 0)
    g_array_append_vals (self->payoff_breakevens, breakevens, n_breakevens);
  update_payoff_description (self);
  whatif_changed_cb (self);
}

void
alvh_charts_page_set_whatif (AlvhChartsPage        *self,
                             AlvhBook              *book,
                             const AlvhMarketState *market)
{
  g_return_if_fail (ALVH_IS_CHARTS_PAGE (self));
  alvh_whatif_panel_set_book (ALVH_WHATIF_PANEL (self->whatif), book, market);
}

void
alvh_charts_page_go_to_time (AlvhChartsPage *self,
                             gint64          t)
{
  gssize index;

  g_return_if_fail (ALVH_IS_CHARTS_PAGE (self));

  index = alvh_chart_index_for_time (self->chart, t);
  if (index < 0 && alvh_chart_get_n_bars (self->chart) > 0)
    index = 0;
  /* the term structure shows the crosshair's date: it stays */
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->stack), "term") != 0)
    adw_view_stack_set_visible_child_name (self->stack, "chart");
  alvh_chart_view_set_crosshair (ALVH_CHART_VIEW (self->chart_view), index);
  update_readout (self);
  gtk_widget_queue_draw (self->term_area);
}

void
alvh_charts_page_set_range (AlvhChartsPage *self,
                            const char     *range)
{
  g_return_if_fail (ALVH_IS_CHARTS_PAGE (self));

  for (guint i = 0; i < G_N_ELEMENTS (ranges); i++)
    if (g_strcmp0 (ranges[i].id, range) == 0)
      {
        if (gtk_toggle_button_get_active (self->range_buttons[i]))
          {
            self->range = ranges[i].id;
            apply_range (self);
          }
        else
          gtk_toggle_button_set_active (self->range_buttons[i], TRUE);
        return;
      }
  g_warning ("unknown chart range “%s”", range);
}

void
alvh_charts_page_set_view (AlvhChartsPage *self,
                           const char     *view)
{
  g_return_if_fail (ALVH_IS_CHARTS_PAGE (self));
  adw_view_stack_set_visible_child_name (self->stack, view);
}

AlvhChart *
alvh_charts_page_get_chart (AlvhChartsPage *self)
{
  g_return_val_if_fail (ALVH_IS_CHARTS_PAGE (self), NULL);
  return self->chart;
}

char *
alvh_charts_page_dup_readout (AlvhChartsPage *self)
{
  g_return_val_if_fail (ALVH_IS_CHARTS_PAGE (self), NULL);
  return alvh_chart_view_dup_readout (ALVH_CHART_VIEW (self->chart_view));
}

/**
 * alvh_charts_page_get_feed:
 * @self: the page
 *
 * Returns: (transfer none) (nullable): what gives the page the book's
 *   levels, markers, greeks and payoff; NULL until the page has a context
 */
AlvhChartsFeed *
alvh_charts_page_get_feed (AlvhChartsPage *self)
{
  g_return_val_if_fail (ALVH_IS_CHARTS_PAGE (self), NULL);
  return self->feed;
}
