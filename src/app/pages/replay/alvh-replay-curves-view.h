/* alvh-replay-curves-view.h — up to four replays' equity curves on one chart */
#pragma once

#include <gtk/gtk.h>

#include "alvh-core.h"

#include "alvh-cairo-view.h"

G_BEGIN_DECLS

#define ALVH_TYPE_REPLAY_CURVES_VIEW (alvh_replay_curves_view_get_type ())

G_DECLARE_FINAL_TYPE (AlvhReplayCurvesView, alvh_replay_curves_view, ALVH, REPLAY_CURVES_VIEW, AlvhCairoView)

/**
 * alvh_replay_curves_view_new:
 *
 * Returns: (transfer floating): the view
 */
GtkWidget *alvh_replay_curves_view_new         (void);

/**
 * alvh_replay_curves_view_set_results:
 * @self: a view
 * @results: (element-type AlvhReplayResult) (nullable): replays of the same
 *   bars; each one's hedged equity is drawn (referenced)
 * @labels: (array zero-terminated=1) (nullable): a legend label per replay
 *   (copied); NULL: "NAME vN" of each
 */
void       alvh_replay_curves_view_set_results (AlvhReplayCurvesView *self,
                                                GPtrArray            *results,
                                                const char * const   *labels);
guint      alvh_replay_curves_view_get_n_lines (AlvhReplayCurvesView *self);

G_END_DECLS
