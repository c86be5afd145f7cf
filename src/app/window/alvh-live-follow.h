/* alvh-live-follow.h — live mode: follow a CSV file that grows
 *
 * A broker export or a script appends bars to a CSV file; AlvhLiveFollow
 * watches it (GFileMonitor, changes debounced), parses the complete lines
 * appended since the last read behind the file's header with the importer
 * (format detected from the header; a file that shrank or got a new header
 * is read whole again), appends the bars newer than the context's series of
 * the same symbol (and stores them in market.sqlite when it already holds
 * that symbol's history), emits market-changed, evaluates the book at the
 * new last bar, and sends a desktop notification when the decision turns to
 * ADD or a fixed trigger fires.
 */
#pragma once

#include <gio/gio.h>

#include "alvh-context.h"

G_BEGIN_DECLS

#define ALVH_TYPE_LIVE_FOLLOW (alvh_live_follow_get_type ())

G_DECLARE_FINAL_TYPE (AlvhLiveFollow, alvh_live_follow, ALVH, LIVE_FOLLOW, GObject)

/**
 * alvh_live_follow_new:
 * @context: the app's context
 *
 * Returns: (transfer full): a follower of no file yet
 */
AlvhLiveFollow *alvh_live_follow_new            (AlvhContext    *context);
/* Starts following path (reading it once now); NULL stops.  Fails when the
 * file cannot be watched or its first read fails. */
gboolean        alvh_live_follow_set_path       (AlvhLiveFollow *self,
                                                 const char     *path,
                                                 GError        **error);
/**
 * alvh_live_follow_get_path:
 * @self: the live follow
 *
 * Returns: (transfer none) (nullable): the followed file, or %NULL
 */
const char     *alvh_live_follow_get_path       (AlvhLiveFollow *self);
/* Symbol for files whose header does not name one (default: from the file name). */
void            alvh_live_follow_set_symbol_hint(AlvhLiveFollow *self,
                                                 const char     *symbol);
/* Debounce of file changes in ms (default 300). */
void            alvh_live_follow_set_delay      (AlvhLiveFollow *self,
                                                 guint           delay_ms);
/* Reads the file now; returns the number of new bars, or -1 with error. */
gssize          alvh_live_follow_poll           (AlvhLiveFollow *self,
                                                 GError        **error);
/* Notifications go through this application (default: g_application_get_default()). */
void            alvh_live_follow_set_application (AlvhLiveFollow *self,
                                                  GApplication   *application);
guint           alvh_live_follow_get_n_alerts   (AlvhLiveFollow *self);

G_END_DECLS
