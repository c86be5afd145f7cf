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

/**
 * alvh_fetch_error_quark:
 * Returns: the error domain %ALVH_FETCH_ERROR
 */
GQuark alvh_fetch_error_quark (void);

typedef enum
{
  ALVH_FETCH_ERROR_HTTP,      /* a status other than 200 */
  ALVH_FETCH_ERROR_NOT_CSV,   /* an HTML page or other non-CSV body */
  ALVH_FETCH_ERROR_NO_DATA,   /* an empty body or Stooq's "N/D" */
  ALVH_FETCH_ERROR_TRUNCATED, /* the connection closed before the body was complete */
  ALVH_FETCH_ERROR_TIMEOUT,
  ALVH_FETCH_ERROR_UNKNOWN_SOURCE,
  ALVH_FETCH_ERROR_CONNECTION, /* no connection: the name did not resolve, the host was unreachable or refused */
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

/**
 * alvh_fetch_get_sources:
 * @n_sources: (out) (optional): the number of sources
 *
 * Returns: (transfer none) (array length=n_sources): the static table of the
 *   daily histories that can be downloaded
 */
const AlvhFetchSource *alvh_fetch_get_sources   (guint *n_sources);

/**
 * alvh_fetch_find_source:
 * @id: a source id such as "vix"
 *
 * Returns: (transfer none) (nullable): the source, %NULL for an unknown id
 */
const AlvhFetchSource *alvh_fetch_find_source   (const char *id);

/**
 * alvh_fetch_source_url:
 * @source: a source
 * @cboe_base: (nullable): the Cboe base URL, %NULL for %ALVH_FETCH_DEFAULT_CBOE_BASE
 * @stooq_base: (nullable): the Stooq base URL, %NULL for %ALVH_FETCH_DEFAULT_STOOQ_BASE
 *
 * Returns: (transfer full): the URL of the source's download
 */
char                  *alvh_fetch_source_url    (const AlvhFetchSource *source,
                                                 const char            *cboe_base,
                                                 const char            *stooq_base);

/**
 * alvh_fetch_check_body:
 * @url: the URL, for messages
 * @data: (array length=length): the downloaded body
 * @length: the length of @data in bytes
 * @error: return location for an error
 *
 * Checks that a downloaded body looks like a CSV history file.
 *
 * Returns: %TRUE when it does; %FALSE with %ALVH_FETCH_ERROR_NOT_CSV or
 *   %ALVH_FETCH_ERROR_NO_DATA
 */
gboolean               alvh_fetch_check_body    (const char  *url,
                                                 const char  *data,
                                                 gsize        length,
                                                 GError     **error);

/**
 * alvh_fetch_download:
 * @url: the URL to download
 * @dest_path: the file to write; replaced atomically
 * @timeout_seconds: the timeout, 0 for none
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Returns: %TRUE when the body was checked and written, %FALSE with @error set
 */
gboolean               alvh_fetch_download      (const char    *url,
                                                 const char    *dest_path,
                                                 guint          timeout_seconds,
                                                 GCancellable  *cancellable,
                                                 GError       **error);

typedef void (*AlvhFetchProgressFunc) (guint                  index,
                                       guint                  total,
                                       const AlvhFetchSource *source,
                                       gpointer               user_data);

/**
 * alvh_fetch_all:
 * @ids: (array zero-terminated=1) (nullable): the source ids, %NULL for all
 * @cboe_base: (nullable): the Cboe base URL, %NULL for the default
 * @stooq_base: (nullable): the Stooq base URL, %NULL for the default
 * @dest_dir: the folder to write into
 * @timeout_seconds: the timeout per download, 0 for none
 * @progress: (scope call) (nullable): called before each download
 * @user_data: (closure progress): data for @progress
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Downloads the sources one after the other and stops at the first failure.
 *
 * Returns: (transfer full) (nullable) (element-type filename): the paths
 *   written, in order, or %NULL with @error set
 */
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
