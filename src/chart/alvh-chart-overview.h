/* alvh-chart-overview.h — two stacked line panes (SPX and VIX closes) on any cairo_t */
#pragma once

#include <cairo.h>

#include "alvh-series.h"

G_BEGIN_DECLS

typedef struct
{
  double background[3];
  double foreground[3];
  double grid[4];
  double spx[3];
  double vix[3];
} AlvhChartOverviewPalette;

void alvh_chart_overview_palette_init (AlvhChartOverviewPalette *palette,
                                       gboolean                  dark);

void alvh_chart_overview_draw (cairo_t                        *cr,
                               double                          width,
                               double                          height,
                               AlvhSeries                     *spx,
                               AlvhSeries                     *vix,
                               const AlvhChartOverviewPalette *palette);

G_END_DECLS
