/* alvh-replay-walk-forward.h — the Replay page's Walk-Forward view */
#pragma once

#include <gtk/gtk.h>

#include "alvh-core.h"

G_BEGIN_DECLS

#define ALVH_TYPE_REPLAY_WALK_FORWARD (alvh_replay_walk_forward_get_type ())

G_DECLARE_FINAL_TYPE (AlvhReplayWalkForward, alvh_replay_walk_forward, ALVH, REPLAY_WALK_FORWARD, GtkWidget)

/* What Walk Forward does: the Sweep view's keys over the page's period in a
 * thread; FALSE (and a toast) when it cannot start. */
gboolean         alvh_replay_walk_forward_run        (AlvhReplayWalkForward *self);
void             alvh_replay_walk_forward_cancel     (AlvhReplayWalkForward *self);
gboolean         alvh_replay_walk_forward_is_running (AlvhReplayWalkForward *self);
/**
 * alvh_replay_walk_forward_get_result:
 * @self: the replay walk forward
 *
 * (nullable): the last finished walk-forward
 *
 * Returns: (transfer none) (nullable): the last walk-forward, or %NULL
 */
AlvhWalkForward *alvh_replay_walk_forward_get_result (AlvhReplayWalkForward *self);

G_END_DECLS
