/* alvh-fetch.h — download the daily history files that Cboe and Stooq publish
 *
 * Built as its own small library (alvh-fetch, libsoup 3) next to the core so that
 * the core itself stays free of network code.  Downloads never touch the market
 * store: each file is written next to its final name and renamed into place only
 * when it is complete and looks like CSV; the caller imports it (all-or-nothing).
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define ALVH_FETCH_ERROR (alvh_fetch_error_quark ())
GQuark alvh_fetch_error_quark (void);

typedef enum
{
  ALVH_FETCH_ERROR_HTTP,      /* a status other than 200 */
  ALVH_FETCH_ERROR_NOT_CSV,   /* an HTML page or other non-CSV body */
  ALVH_FETCH_ERROR_NO_DATA,   /* an empty body or Stooq's "N/D" */
  ALVH_FETCH_ERROR_TRUNCATED, /* the connection closed before the body was complete */
  ALVH_FETCH_ERROR_TIMEOUT,
  ALVH_FETCH_ERROR_UNKNOWN_SOURCE,
} AlvhFetchError;

typedef enum
{
  ALVH_FETCH_PROVIDER_CBOE,
  ALVH_FETCH_PROVIDER_STOOQ,
} AlvhFetchProvider;

typedef struct
{
  const char        *id;        /* "vix", "vix9d", "vix3m", "vvix", "skew", "spx" */
  const char        *symbol;    /* the market store's instrument */
  AlvhFetchProvider  provider;
  const char        *resource;  /* appended to the provider's base URL */
  const char        *file_name; /* the name the download is saved under */
} AlvhFetchSource;

#define ALVH_FETCH_DEFAULT_CBOE_BASE  "https://cdn.cboe.com/api/global/us_indices/daily_prices/"
#define ALVH_FETCH_DEFAULT_STOOQ_BASE "https://stooq.com/q/d/l/"

const AlvhFetchSource *alvh_fetch_get_sources   (guint *n_sources);
const AlvhFetchSource *alvh_fetch_find_source   (const char *id);

char                  *alvh_fetch_source_url    (const AlvhFetchSource *source,
                                                 const char            *cboe_base,
                                                 const char            *stooq_base);

/* Checks that a downloaded body looks like a CSV history file. */
gboolean               alvh_fetch_check_body    (const char  *url,
                                                 const char  *data,
                                                 gsize        length,
                                                 GError     **error);

/* Downloads url to dest_path (atomically). timeout_seconds 0 = no timeout. */
gboolean               alvh_fetch_download      (const char    *url,
                                                 const char    *dest_path,
                                                 guint          timeout_seconds,
                                                 GCancellable  *cancellable,
                                                 GError       **error);

typedef void (*AlvhFetchProgressFunc) (guint                  index,
                                       guint                  total,
                                       const AlvhFetchSource *source,
                                       gpointer               user_data);

/* Downloads the sources named in ids (NULL = all) into dest_dir and returns the
 * paths written (in order).  Stops at the first failure. */
GPtrArray             *alvh_fetch_all           (const char * const    *ids,
                                                 const char            *cboe_base,
                                                 const char            *stooq_base,
                                                 const char            *dest_dir,
                                                 guint                  timeout_seconds,
                                                 AlvhFetchProgressFunc  progress,
                                                 gpointer               user_data,
                                                 GCancellable          *cancellable,
                                                 GError               **error);

G_END_DECLS
