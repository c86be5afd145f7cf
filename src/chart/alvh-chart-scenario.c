/* alvh-chart-scenario.c — the what-if grid as a heat map */
#define G_LOG_DOMAIN "alvh-chart"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "alvh-chart-heatmap.h"
#include "alvh-chart-scenario.h"
#include "alvh-format.h"
#include "alvh-scenario.h"

static char *
whole_dollars (double v)
{
  return alvh_format_money (v, ALVH_MONEY_WHOLE);
}

/* "−10.0% (5,189)": a move and the level it leads to, by the one formatter */
static char *
move_label (double   move,
            int      move_digits,
            double   level,
            int      level_digits)
{
  g_autofree char *p = alvh_format_percent (move, move_digits, ALVH_FORMAT_SCREEN);
  g_autofree char *l = alvh_format_number (level, level_digits, ALVH_FORMAT_SCREEN);

  return g_strdup_printf ("%s (%s)", p, l);
}

/**
 * alvh_chart_scenario_render:
 * @scenario: the grid and where it starts
 * @cr: where to draw
 * @width: the width
 * @height: the height
 *
 * Draws the grid, or an empty heat map without one.
 */
void
alvh_chart_scenario_render (const AlvhChartScenario *scenario,
                            cairo_t                 *cr,
                            double                   width,
                            double                   height)
{
  char *columns[ALVH_SCENARIO_N_SPX];
  char *rows[ALVH_SCENARIO_N_VIX];
  AlvhChartHeatmap h = { 0 };

  g_return_if_fail (scenario != NULL && cr != NULL);
  h.dark = scenario->dark;
  if (scenario->grid == NULL)
    {
      alvh_chart_heatmap_render (&h, cr, width, height);
      return;
    }
  for (guint c = 0; c < ALVH_SCENARIO_N_SPX; c++)
    columns[c] = move_label (alvh_scenario_default_spx_moves[c], 1,
                             scenario->spx * (1 + alvh_scenario_default_spx_moves[c]), 0);
  for (guint r = 0; r < ALVH_SCENARIO_N_VIX; r++)
    rows[r] = move_label (alvh_scenario_default_vix_moves[r], 0,
                          scenario->vix * (1 + alvh_scenario_default_vix_moves[r]), 1);
  h.values = scenario->grid;
  h.n_columns = ALVH_SCENARIO_N_SPX;
  h.n_rows = ALVH_SCENARIO_N_VIX;
  h.column_labels = (const char *const *) columns;
  h.row_labels = (const char *const *) rows;
  h.column_title = _("SPX move");
  h.row_title = _("VIX move");
  h.title = scenario->title;
  h.mark_column = ALVH_SCENARIO_SPX_ZERO;
  h.mark_row = ALVH_SCENARIO_VIX_ZERO;
  h.format = whole_dollars;
  alvh_chart_heatmap_render (&h, cr, width, height);
  for (guint c = 0; c < ALVH_SCENARIO_N_SPX; c++)
    g_free (columns[c]);
  for (guint r = 0; r < ALVH_SCENARIO_N_VIX; r++)
    g_free (rows[r]);
}
