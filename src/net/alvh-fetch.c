/* alvh-fetch.c — daily history downloads with libsoup 3 */
#define G_LOG_DOMAIN "alvh-fetch"

#include "config.h"

#include <errno.h>
#include <inttypes.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>

#include "alvh-fetch.h"
#include "alvh-fetch-private.h"

G_DEFINE_QUARK (alvh-fetch-error-quark, alvh_fetch_error)

static const AlvhFetchSource sources[] = {
  { "spx",   "SPX",  ALVH_FETCH_PROVIDER_STOOQ, "?s=%5Espx&i=d",     "spx_stooq.csv" },
  { "vix",   "VIX",  ALVH_FETCH_PROVIDER_CBOE,  "VIX_History.csv",   "VIX_History.csv" },
  { "vix9d", "VIX9D", ALVH_FETCH_PROVIDER_CBOE, "VIX9D_History.csv", "VIX9D_History.csv" },
  { "vix3m", "VIX3M", ALVH_FETCH_PROVIDER_CBOE, "VIX3M_History.csv", "VIX3M_History.csv" },
  { "vvix",  "VVIX", ALVH_FETCH_PROVIDER_CBOE,  "VVIX_History.csv",  "VVIX_History.csv" },
  { "skew",  "SKEW", ALVH_FETCH_PROVIDER_CBOE,  "SKEW_History.csv",  "SKEW_History.csv" },
};

const AlvhFetchSource *
alvh_fetch_get_sources (guint *n_sources)
{
  if (n_sources != NULL)
    *n_sources = G_N_ELEMENTS (sources);
  return sources;
}

const AlvhFetchSource *
alvh_fetch_find_source (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    if (g_ascii_strcasecmp (sources[i].id, id) == 0)
      return &sources[i];
  return NULL;
}

char *
alvh_fetch_source_url (const AlvhFetchSource *source,
                       const char            *cboe_base,
                       const char            *stooq_base)
{
  const char *base;

  g_return_val_if_fail (source != NULL, NULL);

  if (source->provider == ALVH_FETCH_PROVIDER_CBOE)
    base = cboe_base != NULL ? cboe_base : ALVH_FETCH_DEFAULT_CBOE_BASE;
  else
    base = stooq_base != NULL ? stooq_base : ALVH_FETCH_DEFAULT_STOOQ_BASE;

  if (source->resource[0] != '?' && !g_str_has_suffix (base, "/"))
    return g_strconcat (base, "/", source->resource, NULL);
  return g_strconcat (base, source->resource, NULL);
}

gboolean
alvh_fetch_check_body (const char  *url,
                       const char  *data,
                       gsize        length,
                       GError     **error)
{
  gsize i = 0;
  g_autofree char *head = NULL;
  g_autofree char *lower = NULL;

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  while (i < length && g_ascii_isspace (data[i]))
    i++;
  if (i == length)
    {
      g_set_error (error, ALVH_FETCH_ERROR, ALVH_FETCH_ERROR_NO_DATA,
                   _("%s: the server sent an empty file"), url);
      return FALSE;
    }

  head = g_strndup (data + i, MIN (length - i, 512));
  lower = g_ascii_strdown (head, -1);
  if (head[0] == '<' || strstr (lower, "<html") != NULL || strstr (lower, "<!doctype") != NULL)
    {
      g_set_error (error, ALVH_FETCH_ERROR, ALVH_FETCH_ERROR_NOT_CSV,
                   _("%s: the server sent a web page (HTML), not a CSV file; the address may have changed or the service may be limiting requests"),
                   url);
      return FALSE;
    }
  if (g_str_has_prefix (head, "N/D") || g_str_has_prefix (lower, "no data") ||
      g_str_has_prefix (lower, "exceeded the daily hits limit"))
    {
      g_set_error (error, ALVH_FETCH_ERROR, ALVH_FETCH_ERROR_NO_DATA,
                   _("%s: the server has no data for this symbol (it answered “%.*s”)"),
                   url, (int) strcspn (head, "\r\n"), head);
      return FALSE;
    }
  if (strchr (head, ',') == NULL && strchr (head, ';') == NULL)
    {
      g_set_error (error, ALVH_FETCH_ERROR, ALVH_FETCH_ERROR_NOT_CSV,
                   _("%s: the server sent something that is not a CSV file (no comma or semicolon in its first line)"),
                   url);
      return FALSE;
    }
  return TRUE;
}

SoupSession *
_alvh_fetch_session_new (guint timeout_seconds)
{
  return soup_session_new_with_options ("timeout", timeout_seconds,
                                        "user-agent", "alvh-desk/" PACKAGE_VERSION,
                                        NULL);
}

gboolean
_alvh_fetch_download_full (SoupSession   *session,
                           const char    *url,
                           const char    *referer,
                           const char    *dest_path,
                           guint         *out_status,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *tmp_path = NULL;
  const char *data;
  gsize length;
  guint status;
  goffset expected;

  g_return_val_if_fail (SOUP_IS_SESSION (session), FALSE);
  g_return_val_if_fail (url != NULL, FALSE);
  g_return_val_if_fail (dest_path != NULL, FALSE);

  if (out_status != NULL)
    *out_status = 0;
  msg = soup_message_new (SOUP_METHOD_GET, url);
  if (msg == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a valid web address"), url);
      return FALSE;
    }
  if (referer != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (msg), "Referer", referer);

  body = soup_session_send_and_read (session, msg, cancellable, &local_error);
  if (body == NULL)
    {
      guint timeout_seconds = soup_session_get_timeout (session);

      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
        g_set_error (error, ALVH_FETCH_ERROR, ALVH_FETCH_ERROR_TIMEOUT,
                     _("%s: no answer within %u seconds"), url, timeout_seconds);
      else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT))
        g_set_error (error, ALVH_FETCH_ERROR, ALVH_FETCH_ERROR_TRUNCATED,
                     _("%s: the connection closed before the whole file arrived"), url);
      else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, ALVH_FETCH_ERROR, ALVH_FETCH_ERROR_CONNECTION,
                     _("%s: %s"), url, local_error->message);
      return FALSE;
    }

  status = soup_message_get_status (msg);
  if (out_status != NULL)
    *out_status = status;
  if (status != SOUP_STATUS_OK)
    {
      g_set_error (error, ALVH_FETCH_ERROR, ALVH_FETCH_ERROR_HTTP,
                   _("%s: the server answered %u %s"), url, status,
                   soup_message_get_reason_phrase (msg) ? soup_message_get_reason_phrase (msg) : "");
      return FALSE;
    }

  data = g_bytes_get_data (body, &length);
  expected = soup_message_headers_get_content_length (soup_message_get_response_headers (msg));
  if (expected > 0 && (goffset) length < expected)
    {
      g_set_error (error, ALVH_FETCH_ERROR, ALVH_FETCH_ERROR_TRUNCATED,
                   _("%s: the connection closed after %zu of %" PRId64 " bytes"),
                   url, length, expected);
      return FALSE;
    }
  if (!alvh_fetch_check_body (url, data, length, error))
    return FALSE;

  tmp_path = g_strconcat (dest_path, ".part", NULL);
  if (!g_file_set_contents_full (tmp_path, data, (gssize) length,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
    return FALSE;
  if (g_rename (tmp_path, dest_path) != 0)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Could not move %s to %s: %s"), tmp_path, dest_path, g_strerror (saved));
      g_unlink (tmp_path);
      return FALSE;
    }
  return TRUE;
}

gboolean
alvh_fetch_download (const char    *url,
                     const char    *dest_path,
                     guint          timeout_seconds,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(SoupSession) session = NULL;

  g_return_val_if_fail (url != NULL, FALSE);
  g_return_val_if_fail (dest_path != NULL, FALSE);

  session = _alvh_fetch_session_new (timeout_seconds);
  return _alvh_fetch_download_full (session, url, NULL, dest_path, NULL, cancellable, error);
}

GPtrArray *
alvh_fetch_all (const char * const    *ids,
                const char            *cboe_base,
                const char            *stooq_base,
                const char            *dest_dir,
                guint                  timeout_seconds,
                AlvhFetchProgressFunc  progress,
                gpointer               user_data,
                GCancellable          *cancellable,
                GError               **error)
{
  g_autoptr(GPtrArray) chosen = g_ptr_array_new ();
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (dest_dir != NULL, NULL);

  if (ids == NULL)
    for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
      g_ptr_array_add (chosen, (gpointer) &sources[i]);
  else
    for (guint i = 0; ids[i] != NULL; i++)
      {
        const AlvhFetchSource *source = alvh_fetch_find_source (ids[i]);

        if (source == NULL)
          {
            g_set_error (error, ALVH_FETCH_ERROR, ALVH_FETCH_ERROR_UNKNOWN_SOURCE,
                         _("Unknown data source “%s” (known: spx, vix, vix9d, vix3m, vvix, skew)"), ids[i]);
            return NULL;
          }
        g_ptr_array_add (chosen, (gpointer) source);
      }

  if (g_mkdir_with_parents (dest_dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Could not create %s: %s"), dest_dir, g_strerror (saved));
      return NULL;
    }

  for (guint i = 0; i < chosen->len; i++)
    {
      const AlvhFetchSource *source = g_ptr_array_index (chosen, i);
      g_autofree char *url = alvh_fetch_source_url (source, cboe_base, stooq_base);
      char *path = g_build_filename (dest_dir, source->file_name, NULL);

      if (progress != NULL)
        progress (i, chosen->len, source, user_data);
      g_ptr_array_add (paths, path);
      if (!alvh_fetch_download (url, path, timeout_seconds, cancellable, error))
        return NULL;
    }
  if (progress != NULL)
    progress (chosen->len, chosen->len, NULL, user_data);

  return g_steal_pointer (&paths);
}
