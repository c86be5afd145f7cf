/* alvh-replay-sweep.h — the Replay page's Sweep view: one or two profile keys over a grid */
#pragma once

#include <gtk/gtk.h>

#include "alvh-context.h"
#include "alvh-core.h"

G_BEGIN_DECLS

#define ALVH_TYPE_REPLAY_SWEEP (alvh_replay_sweep_get_type ())

G_DECLARE_FINAL_TYPE (AlvhReplaySweep, alvh_replay_sweep, ALVH, REPLAY_SWEEP, GtkWidget)

/* Starts each key's range around the value of the page's active profile
 * again: the page calls it once it has its context. */
void        alvh_replay_sweep_reset_ranges (AlvhReplaySweep *self);
/* Chooses a key and its range on axis 0 or 1 (key NULL on axis 1: one key);
 * FALSE when the key cannot be swept. */
gboolean    alvh_replay_sweep_set_axis     (AlvhReplaySweep *self,
                                            guint            axis,
                                            const char      *key,
                                            double           from,
                                            double           to,
                                            double           step);
/* The axes as chosen; 0 with @error when a range is not valid. */
guint       alvh_replay_sweep_get_axes     (AlvhReplaySweep *self,
                                            AlvhSweepAxis   *axes,
                                            GError         **error);
/* What Run Sweep does; FALSE (and a toast) when it cannot start. */
gboolean    alvh_replay_sweep_run          (AlvhReplaySweep *self);
void        alvh_replay_sweep_cancel       (AlvhReplaySweep *self);
gboolean    alvh_replay_sweep_is_running   (AlvhReplaySweep *self);
/**
 * alvh_replay_sweep_get_sweep:
 * @self: the replay sweep
 *
 * (nullable): the last finished sweep
 *
 * Returns: (transfer none) (nullable): the last sweep, or %NULL
 */
AlvhSweep  *alvh_replay_sweep_get_sweep    (AlvhReplaySweep *self);
/* Shows a combination's figures below the maps and outlines its cells. */
void        alvh_replay_sweep_select_cell  (AlvhReplaySweep *self,
                                            guint            column,
                                            guint            row);

G_END_DECLS
