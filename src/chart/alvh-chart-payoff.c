/* alvh-chart-payoff.c — P&L at expiry and T+0 across SPX prices */
#define G_LOG_DOMAIN "alvh-chart"

#include "config.h"

#include <math.h>
#include <stdio.h>

#include <glib/gi18n-lib.h>
#include "alvh-format.h"
#include "alvh-chart-palette.h"
#include "alvh-chart-ticks.h"
#include "alvh-chart-payoff.h"

#define AXIS_WIDTH  76.0
#define AXIS_HEIGHT 24.0
#define PAD         12.0

typedef struct
{
  double x0, x1, y0, y1;       /* plot rectangle */
  double pmin, pmax, vmin, vmax;
} Map;

static double
map_x (const Map *m,
       double     price)
{
  return m->x0 + (price - m->pmin) / (m->pmax - m->pmin) * (m->x1 - m->x0);
}

static double
map_y (const Map *m,
       double     v)
{
  return m->y1 - (v - m->vmin) / (m->vmax - m->vmin) * (m->y1 - m->y0);
}

static void
make_map (const AlvhChartPayoff *p,
          double                 width,
          double                 height,
          Map                   *m)
{
  double vmin = 0, vmax = 0, pad;

  m->x0 = PAD;
  m->x1 = MAX (m->x0 + 1, width - AXIS_WIDTH);
  m->y0 = PAD + 16;
  m->y1 = MAX (m->y0 + 1, height - AXIS_HEIGHT);
  m->pmin = p->n ? p->spx[0] : 0;
  m->pmax = p->n ? p->spx[p->n - 1] : 1;
  if (!(m->pmax > m->pmin))
    m->pmax = m->pmin + 1;
  for (guint i = 0; i < p->n; i++)
    {
      if (p->pnl_expiry && isfinite (p->pnl_expiry[i]))
        vmin = MIN (vmin, p->pnl_expiry[i]), vmax = MAX (vmax, p->pnl_expiry[i]);
      if (p->pnl_today && isfinite (p->pnl_today[i]))
        vmin = MIN (vmin, p->pnl_today[i]), vmax = MAX (vmax, p->pnl_today[i]);
      if (p->pnl_whatif && isfinite (p->pnl_whatif[i]))
        vmin = MIN (vmin, p->pnl_whatif[i]), vmax = MAX (vmax, p->pnl_whatif[i]);
    }
  if (vmax - vmin < 1e-9)
    vmax = vmin + 1;
  pad = (vmax - vmin) * 0.06;
  m->vmin = vmin - pad;
  m->vmax = vmax + pad;
}

/**
 * alvh_chart_payoff_price_at_x:
 * @payoff: the curves
 * @width: the graph's width
 * @x: an x in the graph
 *
 * Returns: the SPX price at @x, or NAN outside the plot
 */
double
alvh_chart_payoff_price_at_x (const AlvhChartPayoff *payoff,
                              double                 width,
                              double                 x)
{
  Map m;

  g_return_val_if_fail (payoff != NULL, NAN);
  make_map (payoff, width, 100, &m);
  if (payoff->n < 2 || x < m.x0 || x > m.x1)
    return NAN;
  return m.pmin + (x - m.x0) / (m.x1 - m.x0) * (m.pmax - m.pmin);
}

static double
interp (const double *xs,
        const double *ys,
        guint         n,
        double        x)
{
  if (ys == NULL || n == 0)
    return NAN;
  if (x <= xs[0])
    return ys[0];
  for (guint i = 1; i < n; i++)
    if (x <= xs[i])
      {
        double f = (x - xs[i - 1]) / (xs[i] - xs[i - 1]);
        return ys[i - 1] + f * (ys[i] - ys[i - 1]);
      }
  return ys[n - 1];
}

/**
 * alvh_chart_payoff_values_at:
 * @payoff: the curves
 * @price: an SPX price
 * @expiry: (out) (optional): the P&L at expiry there
 * @today: (out) (optional): today's P&L there
 *
 * Interpolates the curves at @price.
 *
 * Returns: %FALSE when there are no curves or @price is not a number
 */
gboolean
alvh_chart_payoff_values_at (const AlvhChartPayoff *payoff,
                             double                 price,
                             double                *expiry,
                             double                *today)
{
  g_return_val_if_fail (payoff != NULL, FALSE);
  if (payoff->n == 0 || !isfinite (price))
    return FALSE;
  if (expiry)
    *expiry = interp (payoff->spx, payoff->pnl_expiry, payoff->n, price);
  if (today)
    *today = interp (payoff->spx, payoff->pnl_today, payoff->n, price);
  return TRUE;
}

static void
curve_path (cairo_t       *cr,
            const Map     *m,
            const double  *xs,
            const double  *ys,
            guint          n)
{
  gboolean down = FALSE;

  for (guint i = 0; i < n; i++)
    {
      if (!isfinite (ys[i]))
        {
          down = FALSE;
          continue;
        }
      if (down)
        cairo_line_to (cr, map_x (m, xs[i]), map_y (m, ys[i]));
      else
        cairo_move_to (cr, map_x (m, xs[i]), map_y (m, ys[i]));
      down = TRUE;
    }
}

/* grid, P&L labels right of the plot, price labels below it and the zero
 * line; returns the zero line's y */
static double
draw_axes (const AlvhChartPalette *pal,
           cairo_t                *cr,
           const Map              *m,
           double                  width)
{
  AlvhChartTick ticks[ALVH_CHART_MAX_TICKS];
  guint n_ticks;
  double y_zero;

  alvh_chart_rgba_set_source (&pal->grid, cr);
  n_ticks = alvh_chart_price_ticks (m->vmin, m->vmax, (guint) CLAMP ((m->y1 - m->y0) / 50, 2, 10), FALSE,
                                    ticks, G_N_ELEMENTS (ticks));
  for (guint t = 0; t < n_ticks; t++)
    {
      cairo_move_to (cr, m->x0, round (map_y (m, ticks[t].value)) + 0.5);
      cairo_line_to (cr, m->x1, round (map_y (m, ticks[t].value)) + 0.5);
    }
  cairo_stroke (cr);
  alvh_chart_rgba_set_source (&pal->text_dim, cr);
  for (guint t = 0; t < n_ticks; t++)
    {
      g_autofree char *buf = alvh_format_money (ticks[t].value, ALVH_MONEY_WHOLE);

      cairo_move_to (cr, m->x1 + 6, map_y (m, ticks[t].value) + 4);
      cairo_show_text (cr, buf);
    }
  n_ticks = alvh_chart_price_ticks (m->pmin, m->pmax, (guint) CLAMP ((m->x1 - m->x0) / 90, 2, 12), FALSE,
                                    ticks, G_N_ELEMENTS (ticks));
  for (guint t = 0; t < n_ticks; t++)
    {
      cairo_text_extents_t ext;
      double x = map_x (m, ticks[t].value);
      cairo_text_extents (cr, ticks[t].label, &ext);
      cairo_move_to (cr, CLAMP (x - ext.x_advance / 2, 0, width - ext.x_advance), m->y1 + 16);
      cairo_show_text (cr, ticks[t].label);
    }

  y_zero = map_y (m, 0);
  alvh_chart_rgba_set_source (&pal->pane_border, cr);
  cairo_move_to (cr, m->x0, round (y_zero) + 0.5);
  cairo_line_to (cr, m->x1, round (y_zero) + 0.5);
  cairo_stroke (cr);
  return y_zero;
}

/* the expiry curve, filled to zero: green above and red below */
static void
draw_expiry (const AlvhChartPayoff  *p,
             const AlvhChartPalette *pal,
             cairo_t                *cr,
             const Map              *m,
             double                  y_zero)
{
  for (int pass = 0; pass < 2; pass++)
    {
      cairo_save (cr);
      if (pass == 0)
        cairo_rectangle (cr, m->x0, m->y0 - PAD, m->x1 - m->x0, y_zero - m->y0 + PAD);
      else
        cairo_rectangle (cr, m->x0, y_zero, m->x1 - m->x0, m->y1 - y_zero);
      cairo_clip (cr);
      curve_path (cr, m, p->spx, p->pnl_expiry, p->n);
      cairo_line_to (cr, map_x (m, p->spx[p->n - 1]), y_zero);
      cairo_line_to (cr, map_x (m, p->spx[0]), y_zero);
      cairo_close_path (cr);
      alvh_chart_palette_set_source (pal, cr, pass == 0 ? ALVH_CHART_COLOR_UP : ALVH_CHART_COLOR_DOWN, 0.18);
      cairo_fill (cr);
      curve_path (cr, m, p->spx, p->pnl_expiry, p->n);
      alvh_chart_palette_set_source (pal, cr, pass == 0 ? ALVH_CHART_COLOR_UP : ALVH_CHART_COLOR_DOWN, 1.0);
      cairo_set_line_width (cr, 2.0);
      cairo_stroke (cr);
      cairo_restore (cr);
    }
}

/* dashed break-even lines with a dot on zero and their price; the spot */
static void
draw_marks (const AlvhChartPayoff  *p,
            const AlvhChartPalette *pal,
            cairo_t                *cr,
            const Map              *m,
            double                  y_zero)
{
  for (guint i = 0; i < p->n_breakevens; i++)
    {
      double x = map_x (m, p->breakevens[i]);
      char buf[40];
      cairo_text_extents_t ext;
      double dash[] = { 5, 4 };

      if (x < m->x0 || x > m->x1)
        continue;
      cairo_set_dash (cr, dash, 2, 0);
      alvh_chart_palette_set_source (pal, cr, ALVH_CHART_COLOR_PURPLE, 0.9);
      cairo_set_line_width (cr, 1.0);
      cairo_move_to (cr, round (x) + 0.5, m->y0);
      cairo_line_to (cr, round (x) + 0.5, m->y1);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      cairo_arc (cr, x, y_zero, 4, 0, 2 * G_PI);
      cairo_fill (cr);
      {
        g_autofree char *be = alvh_format_price (p->breakevens[i], ALVH_FORMAT_SCREEN);

        g_snprintf (buf, sizeof buf, "BE %s", be);
      }
      cairo_text_extents (cr, buf, &ext);
      cairo_move_to (cr, CLAMP (x + 4, m->x0, m->x1 - ext.x_advance), m->y0 + 10);
      cairo_show_text (cr, buf);
    }
  if (isfinite (p->spot) && p->spot >= m->pmin && p->spot <= m->pmax)
    {
      double x = map_x (m, p->spot);
      char buf[40];
      alvh_chart_rgba_set_source (&pal->text, cr);
      cairo_move_to (cr, round (x) + 0.5, m->y0);
      cairo_line_to (cr, round (x) + 0.5, m->y1);
      cairo_stroke (cr);
      {
        g_autofree char *spot = alvh_format_price (p->spot, ALVH_FORMAT_SCREEN);

        g_snprintf (buf, sizeof buf, "SPX %s", spot);
      }
      cairo_move_to (cr, x + 4, m->y1 - 6);
      cairo_show_text (cr, buf);
    }
}

static void
draw_legend (const AlvhChartPayoff  *p,
             const AlvhChartPalette *pal,
             cairo_t                *cr,
             const Map              *m)
{
  cairo_select_font_face (cr, ALVH_CHART_FONT, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
  alvh_chart_rgba_set_source (&pal->text, cr);
  cairo_move_to (cr, m->x0, PAD + 2);
  cairo_show_text (cr, _("Payoff"));
  cairo_select_font_face (cr, ALVH_CHART_FONT, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  alvh_chart_palette_set_source (pal, cr, ALVH_CHART_COLOR_UP, 1.0);
  cairo_move_to (cr, m->x0 + 70, PAD + 2);
  cairo_show_text (cr, _("At expiry"));
  alvh_chart_palette_set_source (pal, cr, ALVH_CHART_COLOR_BLUE, 1.0);
  cairo_move_to (cr, m->x0 + 150, PAD + 2);
  cairo_show_text (cr, _("Today (T+0)"));
  if (p->pnl_whatif != NULL)
    {
      alvh_chart_palette_set_source (pal, cr, ALVH_CHART_COLOR_ORANGE, 1.0);
      cairo_move_to (cr, m->x0 + 250, PAD + 2);
      cairo_show_text (cr, _("What-if"));
    }
}

/* the crosshair at the pointer and the P&L values under it */
static void
draw_readout (const AlvhChartPayoff  *p,
              const AlvhChartPalette *pal,
              cairo_t                *cr,
              const Map              *m,
              double                  width)
{
  double price, e = NAN, t = NAN;
  char buf[96];

  if (!(p->pointer_x >= m->x0 && p->pointer_x <= m->x1))
    return;
  price = alvh_chart_payoff_price_at_x (p, width, p->pointer_x);
  alvh_chart_payoff_values_at (p, price, &e, &t);
  alvh_chart_rgba_set_source (&pal->crosshair, cr);
  cairo_move_to (cr, round (p->pointer_x) + 0.5, m->y0);
  cairo_line_to (cr, round (p->pointer_x) + 0.5, m->y1);
  cairo_stroke (cr);
  {
    g_autofree char *spx = alvh_format_price (price, ALVH_FORMAT_SCREEN);
    g_autofree char *at_expiry = alvh_format_money (e, ALVH_MONEY_WHOLE);
    g_autofree char *today = alvh_format_money (t, ALVH_MONEY_WHOLE);

    /* TRANSLATORS: the payoff under the pointer: SPX price, P&L at expiry, P&L today */
    g_snprintf (buf, sizeof buf, _("SPX %s   at expiry %s   today %s"), spx, at_expiry, today);
  }
  alvh_chart_rgba_set_source (&pal->text, cr);
  cairo_move_to (cr, m->x0 + (p->pnl_whatif != NULL ? 320 : 260), PAD + 2);
  cairo_show_text (cr, buf);
}

/**
 * alvh_chart_payoff_render:
 * @payoff: the curves and marks
 * @cr: the context to draw on
 * @width: logical width
 * @height: logical height
 *
 * Draws the payoff graph in (0, 0, @width, @height).
 */
void
alvh_chart_payoff_render (const AlvhChartPayoff *p,
                          cairo_t               *cr,
                          double                 width,
                          double                 height)
{
  const AlvhChartPalette *pal;
  Map m;
  double y_zero;

  g_return_if_fail (p != NULL);
  pal = alvh_chart_palette_get (p->dark);
  make_map (p, width, height, &m);

  cairo_save (cr);
  alvh_chart_rgba_set_source (&pal->background, cr);
  cairo_paint (cr);
  cairo_select_font_face (cr, ALVH_CHART_FONT, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, 11);
  cairo_set_line_width (cr, 1.0);

  if (p->n < 2)
    {
      alvh_chart_rgba_set_source (&pal->text_dim, cr);
      cairo_move_to (cr, PAD, height / 2);
      cairo_show_text (cr, _("No open position: no payoff to draw."));
      cairo_restore (cr);
      return;
    }

  y_zero = draw_axes (pal, cr, &m, width);
  if (p->pnl_expiry)
    draw_expiry (p, pal, cr, &m, y_zero);
  if (p->pnl_today)
    {
      curve_path (cr, &m, p->spx, p->pnl_today, p->n);
      alvh_chart_palette_set_source (pal, cr, ALVH_CHART_COLOR_BLUE, 1.0);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);
    }
  if (p->pnl_whatif)
    {
      static const double dash[] = { 6.0, 3.0 };

      curve_path (cr, &m, p->spx, p->pnl_whatif, p->n);
      alvh_chart_palette_set_source (pal, cr, ALVH_CHART_COLOR_ORANGE, 1.0);
      cairo_set_line_width (cr, 2.0);
      cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
  draw_marks (p, pal, cr, &m, y_zero);
  draw_legend (p, pal, cr, &m);
  draw_readout (p, pal, cr, &m, width);
  cairo_restore (cr);
}
