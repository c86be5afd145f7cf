/* alvh-replay-attribution.h — the Replay page's Attribution view: which triggers' hedges paid */
#pragma once

#include <gtk/gtk.h>

#include "alvh-core.h"

G_BEGIN_DECLS

#define ALVH_TYPE_REPLAY_ATTRIBUTION (alvh_replay_attribution_get_type ())

G_DECLARE_FINAL_TYPE (AlvhReplayAttribution, alvh_replay_attribution, ALVH, REPLAY_ATTRIBUTION, GtkWidget)

/* Shows the attribution of a replay's hedges (alvh_attribution_compute());
 * NULL: the empty state. */
void             alvh_replay_attribution_set_hedges (AlvhReplayAttribution *self,
                                                     GArray                *hedges);
/**
 * alvh_replay_attribution_get_attribution:
 * @self: the replay attribution
 *
 * (nullable): what is shown
 *
 * Returns: (transfer none) (nullable): the attribution shown, or %NULL
 */
AlvhAttribution *alvh_replay_attribution_get_attribution (AlvhReplayAttribution *self);

G_END_DECLS
