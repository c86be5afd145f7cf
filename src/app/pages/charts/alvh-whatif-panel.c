/* alvh-whatif-panel.c — the what-if under the payoff graph */
#define G_LOG_DOMAIN "alvh-desk"

#include "config.h"

#include <math.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "alvh-a11y.h"
#include "alvh-chart-scenario.h"
#include "alvh-whatif-panel.h"

struct _AlvhWhatifPanel
{
  GtkBox            parent_instance;

  AlvhBook         *book;
  AlvhMarketState   market;
  AlvhScenario      scenario;
  double            grid[ALVH_SCENARIO_N_SPX * ALVH_SCENARIO_N_VIX];
  gboolean          have_grid;

  GtkAdjustment    *days;
  GtkWidget        *days_label;
  GtkAdjustment    *iv_shift;
  GtkAdjustment    *vix_shift;
  GtkWidget        *vix_spin;
  GtkWidget        *beta_check;
  GtkWidget        *heatmap;
  GtkWidget        *probabilities;
  GtkWidget        *greeks;
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

static GtkWidget *
labelled (const char *text,
          GtkWidget  *child)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (text);

  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), child);
  alvh_a11y_set_label_and_tooltip (child, text);
  return box;
}

static void
alvh_whatif_panel_dispose (GObject *object)
{
  AlvhWhatifPanel *self = ALVH_WHATIF_PANEL (object);

  g_clear_pointer (&self->book, alvh_book_unref);
  G_OBJECT_CLASS (alvh_whatif_panel_parent_class)->dispose (object);
}

static void
alvh_whatif_panel_class_init (AlvhWhatifPanelClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = alvh_whatif_panel_dispose;
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
alvh_whatif_panel_init (AlvhWhatifPanel *self)
{
  GtkWidget *bar, *scale, *spin;

  alvh_scenario_init (&self->scenario);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 4);
  gtk_widget_set_margin_start (GTK_WIDGET (self), 8);
  gtk_widget_set_margin_end (GTK_WIDGET (self), 8);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self), 6);

  bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  self->days = gtk_adjustment_new (0, 0, 1, 1, 7, 0);
  scale = gtk_scale_new (GTK_ORIENTATION_HORIZONTAL, self->days);
  gtk_scale_set_digits (GTK_SCALE (scale), 0);
  gtk_widget_set_hexpand (scale, TRUE);
  gtk_box_append (GTK_BOX (bar), labelled (_("Date"), scale));
  gtk_widget_set_hexpand (gtk_widget_get_parent (scale), TRUE);
  self->days_label = gtk_label_new ("–");
  gtk_widget_add_css_class (self->days_label, "numeric");
  gtk_box_append (GTK_BOX (bar), self->days_label);

  self->iv_shift = gtk_adjustment_new (0, -20, 60, 1, 5, 0);
  spin = gtk_spin_button_new (self->iv_shift, 1, 0);
  gtk_box_append (GTK_BOX (bar), labelled (_("SPX vol shift (points)"), spin));
  self->vix_shift = gtk_adjustment_new (0, -50, 300, 5, 25, 0);
  self->vix_spin = gtk_spin_button_new (self->vix_shift, 1, 0);
  gtk_box_append (GTK_BOX (bar), labelled (_("VIX shift (%)"), self->vix_spin));
  self->beta_check = gtk_check_button_new_with_label (_("VIX follows SPX (fitted beta)"));
  gtk_box_append (GTK_BOX (bar), self->beta_check);
  gtk_box_append (GTK_BOX (self), bar);

  self->probabilities = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->probabilities), 0);
  gtk_label_set_selectable (GTK_LABEL (self->probabilities), TRUE);
  gtk_widget_add_css_class (self->probabilities, "dim-label");
  gtk_box_append (GTK_BOX (self), self->probabilities);

  self->greeks = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->greeks), 0);
  gtk_label_set_selectable (GTK_LABEL (self->greeks), TRUE);
  gtk_label_set_wrap (GTK_LABEL (self->greeks), TRUE);
  gtk_widget_add_css_class (self->greeks, "dim-label");
  gtk_widget_add_css_class (self->greeks, "numeric");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->greeks), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Each position's P&L and greeks at the what-if"), -1);
  gtk_box_append (GTK_BOX (self), self->greeks);

  self->heatmap = gtk_drawing_area_new ();
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self->heatmap), 280);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->heatmap), heatmap_draw_cb, self, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->heatmap), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Scenario grid: book P&L by SPX move and VIX move"), -1);
  gtk_box_append (GTK_BOX (self), self->heatmap);

  g_signal_connect_swapped (self->days, "value-changed", G_CALLBACK (recompute), self);
  g_signal_connect_swapped (self->iv_shift, "value-changed", G_CALLBACK (recompute), self);
  g_signal_connect_swapped (self->vix_shift, "value-changed", G_CALLBACK (recompute), self);
  g_signal_connect_swapped (self->beta_check, "toggled", G_CALLBACK (recompute), self);
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
