/* alvh-fetch-private.h — what the download files of src/net share */
#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

/* A session with our user agent and @timeout_seconds (0: none). */
SoupSession *_alvh_fetch_session_new   (guint          timeout_seconds);

/* alvh_fetch_download() on @session, with an optional Referer header; the
 * HTTP status (0 when none arrived) in @out_status. */
gboolean     _alvh_fetch_download_full (SoupSession   *session,
                                        const char    *url,
                                        const char    *referer,
                                        const char    *dest_path,
                                        guint         *out_status,
                                        GCancellable  *cancellable,
                                        GError       **error);

G_END_DECLS
