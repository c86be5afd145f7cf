/* alvh-chart-view.h — a widget that draws an AlvhChart and lets you explore it
 *
 * Crosshair on hover (and Left/Right), scroll to zoom around the pointer,
 * drag to pan, drag a pane border to resize panes, +/- to zoom, Home/End,
 * right-click (or Ctrl+C) copies the crosshair read-out to the clipboard.
 * Marker tooltips on hover.  Colours follow AdwStyleManager:dark.
 */
#pragma once

#include <gtk/gtk.h>

#include "alvh-cairo-view.h"
#include "alvh-chart.h"

G_BEGIN_DECLS

#define ALVH_TYPE_CHART_VIEW (alvh_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (AlvhChartView, alvh_chart_view, ALVH, CHART_VIEW, AlvhCairoView)

GtkWidget *alvh_chart_view_new            (AlvhChart     *chart);
AlvhChart *alvh_chart_view_get_chart      (AlvhChartView *self);
/* Call after changing the chart's data or view: redraws and refreshes the
 * accessible description. */
void       alvh_chart_view_changed        (AlvhChartView *self);
/* The read-out at the crosshair (or the last bar), newline-separated */
char      *alvh_chart_view_dup_readout    (AlvhChartView *self);
/* Copies the read-out to the clipboard; emits ::readout-copied */
void       alvh_chart_view_copy_readout   (AlvhChartView *self);
void       alvh_chart_view_set_crosshair  (AlvhChartView *self,
                                           gssize         index);

G_END_DECLS
