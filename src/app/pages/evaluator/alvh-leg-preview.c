/* alvh-leg-preview.c — the proposed leg previewed before it is booked
 *
 * See alvh-leg-preview.h.  The payoff curves are alvh_scenario_payoff()'s (the
 * Charts page's), the grid and the marks alvh-scenario.h's, the coverage
 * alvh_book_hedge_coverage(); the drawing is src/chart's payoff and
 * heat-map layers.
 */
#define G_LOG_DOMAIN "alvh-desk"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "alvh-a11y.h"
#include "alvh-chart-scenario.h"
#include "alvh-chart-payoff.h"
#include "alvh-leg-preview.h"

#define N_POINTS  241    /* SPX levels of the payoff, as on the Charts page */
#define SPAN      0.15   /* SPX -15 % .. +15 % */
#define N_CELLS   (ALVH_SCENARIO_N_SPX * ALVH_SCENARIO_N_VIX)
#define MAX_BE    16

enum { WITHOUT, WITH, N_BOOKS };

struct _AlvhLegPreview
{
  GtkBox              parent_instance;

  gboolean            have;
  AlvhBook           *books[N_BOOKS];
  AlvhMarketState     market;
  AlvhLegPreviewMode  mode;

  double              spx[N_POINTS];
  double              expiry[N_BOOKS + 1][N_POINTS];   /* [N_BOOKS]: the change */
  double              today[N_BOOKS + 1][N_POINTS];
  double              breakevens[N_BOOKS][MAX_BE];
  guint               n_breakevens[N_BOOKS];
  double              grid[N_BOOKS + 1][N_CELLS];

  /* template children */
  GtkWidget          *numbers_group;
  GtkWidget          *charts_group;
  GtkWidget          *none_row;
  GtkWidget          *now_row;
  GtkWidget          *coverage_row1;
  GtkWidget          *coverage_row2;
  GtkWidget          *coverage_row3;
  GtkWidget          *crash_row;
  GtkWidget          *now_label;
  GtkWidget          *coverage_label1;
  GtkWidget          *coverage_label2;
  GtkWidget          *coverage_label3;
  GtkWidget          *crash_label;
  GtkWidget          *without_button;
  GtkWidget          *with_button;
  GtkWidget          *change_button;
  GtkWidget          *caption_label;
  GtkWidget          *payoff_area;
  GtkWidget          *grid_area;
};

G_DEFINE_FINAL_TYPE (AlvhLegPreview, alvh_leg_preview, GTK_TYPE_BOX)

/* the arrays of a mode: WITHOUT, WITH or the change (index N_BOOKS) */
static guint
mode_index (AlvhLegPreviewMode mode)
{
  return mode == ALVH_LEG_PREVIEW_WITHOUT ? WITHOUT : mode == ALVH_LEG_PREVIEW_WITH ? WITH : N_BOOKS;
}

static char *
whole_dollars (double v)
{
  return alvh_format_money (v, ALVH_MONEY_WHOLE);
}

static void
set_label (GtkWidget  *label,
           const char *text)
{
  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}

static char *
before_after (double      before,
              double      after,
              AlvhMoneyStyle style)
{
  g_autofree char *x = alvh_format_money (before, style), *y = alvh_format_money (after, style);

  return g_strdup_printf ("%s → %s", x, y);
}

/* ---- drawing ----------------------------------------------------------- */

static void
payoff_draw_cb (GtkDrawingArea *area,
                cairo_t        *cr,
                int             width,
                int             height,
                gpointer        data)
{
  AlvhLegPreview *self = data;
  AlvhChartPayoff p = { 0 };
  guint m = mode_index (self->mode);

  p.spot = NAN;
  p.pointer_x = -1;
  p.dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  p.scale = gtk_widget_get_scale_factor (GTK_WIDGET (area));
  if (self->have)
    {
      p.spx = self->spx;
      p.pnl_expiry = self->expiry[m];
      p.pnl_today = self->today[m];
      p.n = N_POINTS;
      p.spot = self->market.spx;
      if (m < N_BOOKS)
        {
          p.breakevens = self->breakevens[m];
          p.n_breakevens = self->n_breakevens[m];
        }
    }
  alvh_chart_payoff_render (&p, cr, width, height);
}

static const char *
grid_title (AlvhLegPreviewMode mode)
{
  switch (mode)
    {
    case ALVH_LEG_PREVIEW_WITHOUT:
      return _("Book P&L today without the proposed leg");
    case ALVH_LEG_PREVIEW_WITH:
      return _("Book P&L today with the proposed leg");
    case ALVH_LEG_PREVIEW_CHANGE:
    default:
      return _("Change from the proposed leg: book P&L with it minus without it (green: the leg adds)");
    }
}

static void
grid_draw_cb (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        data)
{
  AlvhLegPreview *self = data;
  AlvhChartScenario grid = { 0 };

  grid.dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  if (self->have)
    {
      grid.grid = self->grid[mode_index (self->mode)];
      grid.spx = self->market.spx;
      grid.vix = self->market.vix;
      grid.title = grid_title (self->mode);
    }
  alvh_chart_scenario_render (&grid, cr, width, height);
}

/* The caption and what a screen reader says about the two charts. */
static void
describe (AlvhLegPreview *self)
{
  guint m = mode_index (self->mode);
  const char *caption;
  g_autofree char *payoff = NULL, *grid = NULL;

  switch (self->mode)
    {
    case ALVH_LEG_PREVIEW_WITHOUT:
      caption = _("Payoff of the book without the proposed leg, today and at the first condor expiry");
      break;
    case ALVH_LEG_PREVIEW_WITH:
      caption = _("Payoff of the book with the proposed leg, today and at the first condor expiry");
      break;
    case ALVH_LEG_PREVIEW_CHANGE:
    default:
      caption = _("Change the proposed leg makes to the payoff, today and at the first condor expiry");
      break;
    }
  gtk_label_set_text (GTK_LABEL (self->caption_label), self->have ? caption : _("No leg proposed: nothing to preview."));
  alvh_a11y_set_label (self->payoff_area, caption);
  alvh_a11y_set_label (self->grid_area, grid_title (self->mode));
  if (!self->have)
    return;
  {
    double e = NAN, t = NAN;
    AlvhChartPayoff p = { 0 };
    g_autofree char *spot = alvh_format_price (self->market.spx, ALVH_FORMAT_SCREEN);
    g_autofree char *et = NULL, *tt = NULL;

    p.spx = self->spx;
    p.pnl_expiry = self->expiry[m];
    p.pnl_today = self->today[m];
    p.n = N_POINTS;
    alvh_chart_payoff_values_at (&p, self->market.spx, &e, &t);
    et = whole_dollars (e);
    tt = whole_dollars (t);
    /* Translators: SPX, P&L at expiry, P&L today */
    payoff = g_strdup_printf (_("At SPX %s: %s at expiry, %s today."), spot, et, tt);
  }
  {
    g_autofree char *centre = whole_dollars (self->grid[m][ALVH_SCENARIO_VIX_ZERO * ALVH_SCENARIO_N_SPX + ALVH_SCENARIO_SPX_ZERO]);
    g_autofree char *crash = whole_dollars (self->grid[m][(ALVH_SCENARIO_N_VIX - 1) * ALVH_SCENARIO_N_SPX]);

    /* Translators: P&L with no move, P&L in the crash corner */
    grid = g_strdup_printf (_("No move: %s; SPX −10 %%, VIX +150 %%: %s."), centre, crash);
  }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->payoff_area), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, payoff, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->grid_area), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, grid, -1);
}

static void
mode_toggled_cb (AlvhLegPreview *self)
{
  AlvhLegPreviewMode mode = gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->without_button))
                            ? ALVH_LEG_PREVIEW_WITHOUT
                            : gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->change_button))
                            ? ALVH_LEG_PREVIEW_CHANGE : ALVH_LEG_PREVIEW_WITH;

  if (mode == self->mode)
    return;
  self->mode = mode;
  describe (self);
  gtk_widget_queue_draw (self->payoff_area);
  gtk_widget_queue_draw (self->grid_area);
}

/* ---- valuing ------------------------------------------------------------- */

static void
compute (AlvhLegPreview *self)
{
  AlvhScenario today;
  AlvhHedgeCoverage cov[N_BOOKS][3];
  GtkWidget *coverage_labels[3] = { self->coverage_label1, self->coverage_label2, self->coverage_label3 };
  const AlvhMarketState *m = &self->market;
  guint centre = ALVH_SCENARIO_VIX_ZERO * ALVH_SCENARIO_N_SPX + ALVH_SCENARIO_SPX_ZERO;
  guint crash = (ALVH_SCENARIO_N_VIX - 1) * ALVH_SCENARIO_N_SPX;
  g_autofree char *now = NULL, *corner = NULL;

  alvh_scenario_init (&today);
  for (guint k = 0; k < N_POINTS; k++)
    self->spx[k] = m->spx * (1.0 - SPAN + 2.0 * SPAN * k / (N_POINTS - 1));
  for (guint b = 0; b < N_BOOKS; b++)
    {
      alvh_scenario_payoff (self->books[b], m, self->spx, N_POINTS, self->expiry[b], self->today[b]);
      self->n_breakevens[b] = alvh_book_break_evens (self->books[b], self->breakevens[b], MAX_BE);
      alvh_scenario_grid (self->books[b], m, &today, alvh_scenario_default_spx_moves, ALVH_SCENARIO_N_SPX,
                          alvh_scenario_default_vix_moves, ALVH_SCENARIO_N_VIX, self->grid[b]);
      alvh_book_hedge_coverage (self->books[b], m, cov[b]);
    }
  for (guint k = 0; k < N_POINTS; k++)
    {
      self->expiry[N_BOOKS][k] = self->expiry[WITH][k] - self->expiry[WITHOUT][k];
      self->today[N_BOOKS][k] = self->today[WITH][k] - self->today[WITHOUT][k];
    }
  for (guint c = 0; c < N_CELLS; c++)
    self->grid[N_BOOKS][c] = self->grid[WITH][c] - self->grid[WITHOUT][c];

  now = before_after (self->grid[WITHOUT][centre], self->grid[WITH][centre], ALVH_MONEY_CENTS);
  set_label (self->now_label, now);
  for (guint k = 0; k < 3; k++)
    {
      g_autofree char *x = alvh_hedge_coverage_dup_text (&cov[WITHOUT][k]), *y = alvh_hedge_coverage_dup_text (&cov[WITH][k]);
      g_autofree char *text = g_strdup_printf ("%s → %s", x, y);

      set_label (coverage_labels[k], text);
    }
  corner = before_after (self->grid[WITHOUT][crash], self->grid[WITH][crash], ALVH_MONEY_WHOLE);
  set_label (self->crash_label, corner);
}

/* What the preview is of, or that there is none: the rows and charts
 * only with a leg. */
static void
show_parts (AlvhLegPreview *self,
            const AlvhLeg  *leg)
{
  GtkWidget *parts[] = { self->now_row, self->coverage_row1, self->coverage_row2, self->coverage_row3,
                         self->crash_row, self->charts_group };
  g_autofree char *text = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    gtk_widget_set_visible (parts[i], self->have);
  gtk_widget_set_visible (self->none_row, !self->have);
  if (self->have)
    {
      g_autofree char *desc = alvh_leg_describe (leg);
      g_autofree char *expiry = alvh_time_format_ny_date (leg->expiry);
      g_autofree char *price = alvh_format_price (leg->premium, ALVH_FORMAT_SCREEN);
      g_autofree char *date = alvh_time_format_ny_date (self->market.time);

      /* Translators: the leg ("2 × VIX call spread 22/27"), its expiry, its price, a date */
      text = g_strdup_printf (_("%s expiring %s, booked at its estimated %s: the book evaluated, valued at the "
                                "close of %s, without and with the leg"),
                              desc, expiry, price, date);
    }
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->numbers_group), text);
}

/* ---- object ------------------------------------------------------------- */

static void
alvh_leg_preview_dispose (GObject *object)
{
  AlvhLegPreview *self = ALVH_LEG_PREVIEW (object);

  for (guint b = 0; b < N_BOOKS; b++)
    g_clear_pointer (&self->books[b], alvh_book_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), ALVH_TYPE_LEG_PREVIEW);
  G_OBJECT_CLASS (alvh_leg_preview_parent_class)->dispose (object);
}

static void
alvh_leg_preview_class_init (AlvhLegPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = alvh_leg_preview_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/alvhdesk/AlvhDesk/ui/pages/evaluator/alvh-leg-preview.ui");
  gtk_widget_class_bind_template_child (widget_class, AlvhLegPreview, numbers_group);
  gtk_widget_class_bind_template_child (widget_class, AlvhLegPreview, charts_group);
  gtk_widget_class_bind_template_child (widget_class, AlvhLegPreview, none_row);
  gtk_widget_class_bind_template_child (widget_class, AlvhLegPreview, now_row);
  gtk_widget_class_bind_template_child (widget_class, AlvhLegPreview, coverage_row1);
  gtk_widget_class_bind_template_child (widget_class, AlvhLegPreview, coverage_row2);
  gtk_widget_class_bind_template_child (widget_class, AlvhLegPreview, coverage_row3);
  gtk_widget_class_bind_template_child (widget_class, AlvhLegPreview, crash_row);
  gtk_widget_class_bind_template_child (widget_class, AlvhLegPreview, now_label);
  gtk_widget_class_bind_template_child (widget_class, AlvhLegPreview, coverage_label1);
  gtk_widget_class_bind_template_child (widget_class, AlvhLegPreview, coverage_label2);
  gtk_widget_class_bind_template_child (widget_class, AlvhLegPreview, coverage_label3);
  gtk_widget_class_bind_template_child (widget_class, AlvhLegPreview, crash_label);
  gtk_widget_class_bind_template_child (widget_class, AlvhLegPreview, without_button);
  gtk_widget_class_bind_template_child (widget_class, AlvhLegPreview, with_button);
  gtk_widget_class_bind_template_child (widget_class, AlvhLegPreview, change_button);
  gtk_widget_class_bind_template_child (widget_class, AlvhLegPreview, caption_label);
  gtk_widget_class_bind_template_child (widget_class, AlvhLegPreview, payoff_area);
  gtk_widget_class_bind_template_child (widget_class, AlvhLegPreview, grid_area);
  gtk_widget_class_bind_template_callback (widget_class, mode_toggled_cb);
}

static void
alvh_leg_preview_init (AlvhLegPreview *self)
{
  self->mode = ALVH_LEG_PREVIEW_WITH;
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->payoff_area), payoff_draw_cb, self, NULL);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->grid_area), grid_draw_cb, self, NULL);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self->payoff_area, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self->grid_area, G_CONNECT_SWAPPED);
  show_parts (self, NULL);
  describe (self);
}

GtkWidget *
alvh_leg_preview_new (void)
{
  return g_object_new (ALVH_TYPE_LEG_PREVIEW, NULL);
}

void
alvh_leg_preview_set (AlvhLegPreview        *self,
                      AlvhBook              *book,
                      const AlvhLeg         *leg,
                      const AlvhMarketState *market)
{
  g_return_if_fail (ALVH_IS_LEG_PREVIEW (self));

  for (guint b = 0; b < N_BOOKS; b++)
    g_clear_pointer (&self->books[b], alvh_book_unref);
  self->have = book != NULL && leg != NULL && market != NULL && market->spx > 0.0;
  if (self->have)
    {
      self->market = *market;
      self->books[WITHOUT] = alvh_book_ref (book);
      self->books[WITH] = alvh_scenario_with_leg (book, leg);
      compute (self);
    }
  else
    {
      GtkWidget *labels[] = { self->now_label, self->coverage_label1, self->coverage_label2,
                              self->coverage_label3, self->crash_label };

      for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
        set_label (labels[i], "—");
    }
  show_parts (self, leg);
  describe (self);
  gtk_widget_queue_draw (self->payoff_area);
  gtk_widget_queue_draw (self->grid_area);
}

void
alvh_leg_preview_set_mode (AlvhLegPreview     *self,
                           AlvhLegPreviewMode  mode)
{
  GtkWidget *buttons[] = { self->without_button, self->with_button, self->change_button };

  g_return_if_fail (ALVH_IS_LEG_PREVIEW (self));
  g_return_if_fail (mode <= ALVH_LEG_PREVIEW_CHANGE);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (buttons[mode]), TRUE);
}

AlvhLegPreviewMode
alvh_leg_preview_get_mode (AlvhLegPreview *self)
{
  g_return_val_if_fail (ALVH_IS_LEG_PREVIEW (self), ALVH_LEG_PREVIEW_WITH);
  return self->mode;
}

gboolean
alvh_leg_preview_get_cell (AlvhLegPreview     *self,
                           AlvhLegPreviewMode  mode,
                           guint               row,
                           guint               column,
                           double             *out)
{
  g_return_val_if_fail (ALVH_IS_LEG_PREVIEW (self), FALSE);
  g_return_val_if_fail (row < ALVH_SCENARIO_N_VIX && column < ALVH_SCENARIO_N_SPX, FALSE);
  if (!self->have)
    return FALSE;
  *out = self->grid[mode_index (mode)][row * ALVH_SCENARIO_N_SPX + column];
  return TRUE;
}

AlvhBook *
alvh_leg_preview_get_book_with_leg (AlvhLegPreview *self)
{
  g_return_val_if_fail (ALVH_IS_LEG_PREVIEW (self), NULL);
  return self->books[WITH];
}
