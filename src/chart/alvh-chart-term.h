/* alvh-chart-term.h — the VIX term structure of one date: VIX9D, VIX,
 * VIX3M and the VX futures by days to expiry, with an earlier date's curve
 * for comparison.  No GTK here: draw on any cairo_t. */
#pragma once

#include <cairo.h>

#include "alvh-series.h"

G_BEGIN_DECLS

#define ALVH_CHART_TERM_MAX_POINTS 11

/* One date's curve (plain data): points in ascending days */
typedef struct
{
  gint64  time;                               /* the bar's time; 0: no curve */
  guint   n;
  double  days[ALVH_CHART_TERM_MAX_POINTS];   /* calendar days to expiry / the index's horizon */
  double  value[ALVH_CHART_TERM_MAX_POINTS];
  const char *label[ALVH_CHART_TERM_MAX_POINTS]; /* static strings: "VIX", "VX1" ... */
} AlvhChartTermCurve;

gboolean  alvh_chart_term_curve_at  (AlvhSeries               *vix9d,
                                     AlvhSeries               *vix,
                                     AlvhSeries               *vix3m,
                                     AlvhSeries               *vx,
                                     gint64                    t,
                                     AlvhChartTermCurve       *curve);
void      alvh_chart_term_render    (cairo_t                  *cr,
                                     double                    width,
                                     double                    height,
                                     gboolean                  dark,
                                     const AlvhChartTermCurve *now,
                                     const AlvhChartTermCurve *before);

G_END_DECLS
