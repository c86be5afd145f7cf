/* alvh-whatif-panel.c — the what-if under the payoff graph */
#define G_LOG_DOMAIN "alvh-desk"

#include "config.h"

#include <math.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "alvh-a11y.h"
#include "alvh-chart-scenario.h"
#include "alvh-template.h"
#include "alvh-whatif-panel.h"

struct _AlvhWhatifPanel
{
  GtkBox            parent_instance;

  /* Template */
  GtkAdjustment    *days;        /* days after the market's date */
  GtkWidget        *days_scale;
  GtkWidget        *days_label;
  GtkAdjustment    *iv_shift;    /* SPX vol points */
  GtkWidget        *iv_spin;
  GtkAdjustment    *vix_shift;   /* percent */
  GtkWidget        *vix_spin;
  GtkWidget        *beta_check;
  GtkWidget        *heatmap;
  GtkWidget        *probabilities;
  GtkWidget        *greeks;

  /* Owned */
  AlvhBook         *book;
  AlvhMarketState   market;
  AlvhScenario      scenario;
  double            grid[ALVH_SCENARIO_N_SPX * ALVH_SCENARIO_N_VIX];
  gboolean          have_grid;
};

G_DEFINE_FINAL_TYPE (AlvhWhatifPanel, alvh_whatif_panel, GTK_TYPE_BOX)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
heatmap_draw_cb (GtkDrawingArea *area,
                 cairo_t        *cr,
                 int             width,
                 int             height,
                 gpointer        data)
{
  AlvhWhatifPanel *self = data;
  g_autofree char *day = NULL, *title = NULL;
  AlvhChartScenario grid = { 0 };

  grid.dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  if (self->have_grid)
    {
      day = alvh_format_date (self->scenario.time);
      title = g_strdup_printf (_("Book P&L on %s"), day);
      grid.grid = self->grid;
      grid.spx = self->market.spx;
      grid.vix = self->market.vix;
      grid.title = title;
    }
  alvh_chart_scenario_render (&grid, cr, width, height);
}

static void
update_probabilities (AlvhWhatifPanel *self)
{
  g_autoptr(GString) s = g_string_new (NULL);
  AlvhScenario at = self->scenario;
  AlvhMarketState moved;
  double pop;
  gint64 date;

  if (alvh_time_ny_day (at.time) == alvh_time_ny_day (self->market.time))
    at.time = 0;
  pop = alvh_scenario_prob_profit (self->book, &self->market, &at);
  date = at.time != 0 ? at.time : alvh_scenario_first_expiry (self->book);
  at.spx_move = 0.0;
  at.time = 0;
  alvh_scenario_apply (self->book, &self->market, &at, &moved);
  {
    g_autofree char *d = alvh_format_date (date);
    g_autofree char *p = alvh_format_percent (pop, 1, ALVH_FORMAT_SCREEN);
    g_autofree char *iv = alvh_format_percent (moved.iv, 1, ALVH_FORMAT_SCREEN);

    /* Translators: date, probability, vol */
    g_string_append_printf (s, _("Probability of profit on %s: %s (lognormal SPX at %s, drift r − q)"), d, p, iv);
  }
  for (guint i = 0; i < alvh_book_get_n_condors (self->book); i++)
    {
      const AlvhCondor *c = alvh_book_get_condor (self->book, i);
      double t = (double) alvh_time_calendar_days (self->market.time, c->expiry) / 365.0;
      g_autofree char *p = alvh_format_percent (alvh_scenario_prob_touch (self->market.spx, c->short_put, t, moved.iv,
                                                                          self->market.rate, self->market.div_yield),
                                                1, ALVH_FORMAT_SCREEN);
      g_autofree char *q = alvh_format_percent (alvh_scenario_prob_touch (self->market.spx, c->short_call, t, moved.iv,
                                                                          self->market.rate, self->market.div_yield),
                                                1, ALVH_FORMAT_SCREEN);

      g_string_append_c (s, '\n');
      /* Translators: strike, probability, strike, probability */
      g_string_append_printf (s, _("Touching the short put %g: %s, the short call %g: %s"),
                              c->short_put, p, c->short_call, q);
    }
  gtk_label_set_text (GTK_LABEL (self->probabilities), s->str);
}

/* One line per position: its P&L and greeks at the scenario. */
static void
update_greeks (AlvhWhatifPanel *self)
{
  g_autoptr(GArray) greeks = alvh_scenario_position_greeks (self->book, &self->market, &self->scenario);
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; i < greeks->len; i++)
    {
      const AlvhScenarioGreeks *g = &g_array_index (greeks, AlvhScenarioGreeks, i);
      g_autofree char *pnl = alvh_format_money (g->pnl, ALVH_MONEY_CENTS);
      g_autofree char *delta = alvh_format_number (g->delta, 2, ALVH_FORMAT_SCREEN);
      g_autofree char *gamma = alvh_format_number (g->gamma, 3, ALVH_FORMAT_SCREEN);
      g_autofree char *theta = alvh_format_money (g->theta, ALVH_MONEY_CENTS);
      g_autofree char *vega = alvh_format_money (g->vega, ALVH_MONEY_CENTS);
      g_autofree char *what = NULL;

      if (g->is_condor)
        {
          const AlvhCondor *c = alvh_book_get_condor (self->book, g->index);

          what = g_strdup_printf (_("Condor %g/%g – %g/%g"), c->long_put, c->short_put, c->short_call, c->long_call);
        }
      else
        {
          const AlvhLeg *l = g->is_other ? alvh_book_get_other_leg (self->book, g->index)
                                         : alvh_book_get_leg (self->book, g->index);

          what = alvh_leg_describe (l);
        }
      if (s->len > 0)
        g_string_append_c (s, '\n');
      /* Translators: a position, then its P&L and greeks in dollars at the what-if */
      g_string_append_printf (s, _("%s: P&L %s · delta %s $/pt · gamma %s · theta %s/day · vega %s/vol pt"),
                              what, pnl, delta, gamma, theta, vega);
    }
  gtk_label_set_text (GTK_LABEL (self->greeks), s->str);
}

static void
recompute (AlvhWhatifPanel *self)
{
  g_autofree char *day = NULL;

  self->have_grid = self->book != NULL &&
                    alvh_book_get_n_condors (self->book) + alvh_book_get_n_legs (self->book) +
                    alvh_book_get_n_other_legs (self->book) > 0;
  if (self->have_grid)
    {
      self->scenario.time = alvh_time_from_ny_day (alvh_time_ny_day (self->market.time)
                                                   + (gint64) gtk_adjustment_get_value (self->days));
      self->scenario.iv_shift = gtk_adjustment_get_value (self->iv_shift) / 100.0;
      self->scenario.vix_move = gtk_check_button_get_active (GTK_CHECK_BUTTON (self->beta_check))
                                ? NAN : gtk_adjustment_get_value (self->vix_shift) / 100.0;
      alvh_scenario_grid (self->book, &self->market, &self->scenario,
                          alvh_scenario_default_spx_moves, ALVH_SCENARIO_N_SPX,
                          alvh_scenario_default_vix_moves, ALVH_SCENARIO_N_VIX, self->grid);
      day = alvh_format_date (self->scenario.time);
      gtk_label_set_text (GTK_LABEL (self->days_label), day);
      update_probabilities (self);
      update_greeks (self);
    }
  else
    {
      gtk_label_set_text (GTK_LABEL (self->days_label), "–");
      gtk_label_set_text (GTK_LABEL (self->probabilities), _("No open position: nothing to value."));
      gtk_label_set_text (GTK_LABEL (self->greeks), "");
    }
  gtk_widget_set_sensitive (self->vix_spin, !gtk_check_button_get_active (GTK_CHECK_BUTTON (self->beta_check)));
  gtk_widget_queue_draw (self->heatmap);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
scenario_changed_cb (AlvhWhatifPanel *self)
{
  recompute (self);
}

static void
alvh_whatif_panel_dispose (GObject *object)
{
  AlvhWhatifPanel *self = ALVH_WHATIF_PANEL (object);

  g_clear_pointer (&self->book, alvh_book_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), ALVH_TYPE_WHATIF_PANEL);
  G_OBJECT_CLASS (alvh_whatif_panel_parent_class)->dispose (object);
}

static void
alvh_whatif_panel_class_init (AlvhWhatifPanelClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  static const AlvhTemplateChild children[] = {
    ALVH_TEMPLATE_CHILD (AlvhWhatifPanel, days),
    ALVH_TEMPLATE_CHILD (AlvhWhatifPanel, days_scale),
    ALVH_TEMPLATE_CHILD (AlvhWhatifPanel, days_label),
    ALVH_TEMPLATE_CHILD (AlvhWhatifPanel, iv_shift),
    ALVH_TEMPLATE_CHILD (AlvhWhatifPanel, iv_spin),
    ALVH_TEMPLATE_CHILD (AlvhWhatifPanel, vix_shift),
    ALVH_TEMPLATE_CHILD (AlvhWhatifPanel, vix_spin),
    ALVH_TEMPLATE_CHILD (AlvhWhatifPanel, beta_check),
    ALVH_TEMPLATE_CHILD (AlvhWhatifPanel, heatmap),
    ALVH_TEMPLATE_CHILD (AlvhWhatifPanel, probabilities),
    ALVH_TEMPLATE_CHILD (AlvhWhatifPanel, greeks),
  };

  G_OBJECT_CLASS (klass)->dispose = alvh_whatif_panel_dispose;
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/alvhdesk/AlvhDesk/ui/pages/charts/alvh-whatif-panel.ui");
  alvh_template_bind_children (widget_class, children, G_N_ELEMENTS (children));
  gtk_widget_class_bind_template_callback (widget_class, scenario_changed_cb);
}

static void
alvh_whatif_panel_init (AlvhWhatifPanel *self)
{
  alvh_scenario_init (&self->scenario);
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->heatmap), heatmap_draw_cb, self, NULL);
  /* the template's accessible names, where alvh_a11y_get_label() reads them */
  for (GtkWidget **c = (GtkWidget *[]) { self->days_scale, self->iv_spin, self->vix_spin, NULL }; *c != NULL; c++)
    alvh_a11y_set_label (*c, gtk_widget_get_tooltip_text (*c));
}

GtkWidget *
alvh_whatif_panel_new (void)
{
  return g_object_new (ALVH_TYPE_WHATIF_PANEL, NULL);
}

void
alvh_whatif_panel_set_book (AlvhWhatifPanel       *self,
                            AlvhBook              *book,
                            const AlvhMarketState *market)
{
  gint64 last;

  g_return_if_fail (ALVH_IS_WHATIF_PANEL (self));
  g_clear_pointer (&self->book, alvh_book_unref);
  if (book != NULL && market != NULL)
    {
      self->book = alvh_book_ref (book);
      self->market = *market;
      last = alvh_scenario_last_expiry (book);
      gtk_adjustment_set_upper (self->days, MAX (1.0, (double) alvh_time_calendar_days (market->time, last)));
    }
  recompute (self);
}

const char *
alvh_whatif_panel_get_greeks_text (AlvhWhatifPanel *self)
{
  g_return_val_if_fail (ALVH_IS_WHATIF_PANEL (self), NULL);
  return gtk_label_get_text (GTK_LABEL (self->greeks));
}

gboolean
alvh_whatif_panel_curve (AlvhWhatifPanel *self,
                         const double    *spx,
                         gsize            n,
                         double          *pnl)
{
  g_return_val_if_fail (ALVH_IS_WHATIF_PANEL (self), FALSE);
  if (!self->have_grid)
    return FALSE;
  alvh_scenario_curve (self->book, &self->market, &self->scenario, spx, n, pnl);
  return TRUE;
}
