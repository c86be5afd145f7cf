/* alvh-chart-scenario.h — the what-if grid as a heat map
 *
 * A book's P&L over the scenario grid (the default SPX moves across, the
 * VIX moves up; see alvh-scenario.h) drawn by the heat-map layer: each move
 * labelled with the level it leads to, the no-move cell outlined, whole
 * dollars in the cells.  The Charts page's what-if panel, the Evaluator's
 * preview of a proposed leg and `alvh whatif --png` draw it.
 */
#pragma once

#include <glib.h>
#include <cairo.h>

G_BEGIN_DECLS

typedef struct
{
  const double *grid;           /* ALVH_SCENARIO_N_VIX rows of ALVH_SCENARIO_N_SPX
                                 * values; NULL: an empty grid */
  double        spx;            /* the levels the moves start from */
  double        vix;
  const char   *title;          /* NULL: none */
  gboolean      dark;
} AlvhChartScenario;

void alvh_chart_scenario_render (const AlvhChartScenario *scenario,
                                 cairo_t                 *cr,
                                 double                   width,
                                 double                   height);

G_END_DECLS
