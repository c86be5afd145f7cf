/* alvh-replay-compare.h — the Replay page's Compare view: up to four profiles on one period */
#pragma once

#include <gtk/gtk.h>

#include "alvh-context.h"

G_BEGIN_DECLS

#define ALVH_TYPE_REPLAY_COMPARE (alvh_replay_compare_get_type ())

G_DECLARE_FINAL_TYPE (AlvhReplayCompare, alvh_replay_compare, ALVH, REPLAY_COMPARE, GtkWidget)

/* Offers the profile names of the page's context again (besides "None"
 * and the spec's defaults): the page calls it when its profiles change. */
void       alvh_replay_compare_reload_profiles (AlvhReplayCompare *self);
/* What the Compare button does: the chosen profiles over the page's period
 * in a thread pool; FALSE (and a toast) when it cannot start. */
gboolean   alvh_replay_compare_run          (AlvhReplayCompare *self);
void       alvh_replay_compare_cancel       (AlvhReplayCompare *self);
gboolean   alvh_replay_compare_is_running   (AlvhReplayCompare *self);
/**
 * alvh_replay_compare_get_results:
 * @self: the replay compare
 *
 * (element-type AlvhReplayResult) (nullable): the last comparison's replays,
 * in the profiles' order
 *
 * Returns: (transfer none) (nullable) (element-type AlvhReplayResult): the
 *   compared runs, or %NULL
 */
GPtrArray *alvh_replay_compare_get_results  (AlvhReplayCompare *self);

G_END_DECLS
