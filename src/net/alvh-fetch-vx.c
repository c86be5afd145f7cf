/* alvh-fetch-vx.c — Cboe CFE per-contract VX files: plan, download, join */
#define G_LOG_DOMAIN "alvh-fetch"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "alvh-calendar.h"
#include "alvh-fetch-private.h"
#include "alvh-fetch-vx.h"
#include "alvh-time.h"

/* Cboe's file server refuses requests that do not come from its site */
#define CFE_REFERER "https://www.cboe.com/"

void
alvh_fetch_vx_contract_free (AlvhFetchVxContract *self)
{
  if (self == NULL)
    return;
  g_free (self->url);
  g_free (self->path);
  g_clear_error (&self->error);
  g_free (self);
}

gint64
alvh_fetch_vx_settlement_day (int year,
                              int month)
{
  int ny = month == 12 ? year + 1 : year;
  int nm = month == 12 ? 1 : month + 1;
  gint64 first = alvh_days_from_civil (ny, nm, 1);
  gint64 friday = first + (5 - alvh_weekday_from_days (first) + 7) % 7 + 14;
  gint64 day;

  /* the SPX options expire the session before a holiday Friday */
  while (!alvh_calendar_is_nyse_trading_day (friday))
    friday--;
  day = friday - 30;
  while (!alvh_calendar_is_nyse_trading_day (day))
    day--;
  return day;
}

char *
alvh_fetch_vx_url (const char *base,
                   int         year,
                   int         month)
{
  gint64 day = alvh_fetch_vx_settlement_day (year, month);
  int y, m, d;

  if (base == NULL || *base == '\0')
    base = ALVH_FETCH_DEFAULT_CFE_BASE;
  alvh_civil_from_days (day, &y, &m, &d);
  return g_strdup_printf ("%s%sVX_%04d-%02d-%02d.csv", base,
                          g_str_has_suffix (base, "/") ? "" : "/", y, m, d);
}

GPtrArray *
alvh_fetch_vx_plan (const AlvhVxSettle *stored,
                    gsize               n_stored,
                    int                 first_year,
                    int                 first_month,
                    int                 last_year,
                    int                 last_month,
                    const char         *base)
{
  g_autoptr(GHashTable) months = g_hash_table_new (NULL, NULL);
  GPtrArray *plan = g_ptr_array_new_with_free_func ((GDestroyNotify) alvh_fetch_vx_contract_free);
  gint64 last_day = G_MININT64;
  int y = first_year, m = first_month;
  int prev = -1;

  g_return_val_if_fail (first_month >= 1 && first_month <= 12, plan);

  /* the contract months the store holds, and its last trade date */
  for (gsize i = 0; i < n_stored; i++)
    {
      int ey, em, ed;

      alvh_time_to_ny_date (stored[i].expiry, &ey, &em, &ed);
      g_hash_table_add (months, GINT_TO_POINTER (ey * 12 + em - 1));
      last_day = MAX (last_day, alvh_time_ny_day (stored[i].time));
    }

  if (last_year == 0)
    {
      int d;

      alvh_time_to_ny_date (alvh_time_now (), &last_year, &last_month, &d);
      last_month += 9;
      last_year += (last_month - 1) / 12;
      last_month = (last_month - 1) % 12 + 1;
    }

  /* the last contract that expired before the store's last date comes
   * again too: with the next one it gives VX1 and VX2 up to its expiry */
  for (int k = last_year * 12 + last_month - 1; k >= first_year * 12 + first_month - 1; k--)
    if (alvh_fetch_vx_settlement_day (k / 12, k % 12 + 1) < last_day)
      {
        prev = k;
        break;
      }

  for (; y * 12 + m <= last_year * 12 + last_month; m == 12 ? (m = 1, y++) : m++)
    {
      gint64 expiry = alvh_fetch_vx_settlement_day (y, m);
      AlvhFetchVxContract *c;

      if (g_hash_table_contains (months, GINT_TO_POINTER (y * 12 + m - 1)) && expiry < last_day &&
          y * 12 + m - 1 != prev)
        continue;   /* stored, and expired before the store's last date */
      c = g_new0 (AlvhFetchVxContract, 1);
      c->year = y;
      c->month = m;
      c->expiry = alvh_time_from_ny_day (expiry);
      c->url = alvh_fetch_vx_url (base, y, m);
      c->status = ALVH_FETCH_VX_PENDING;
      g_ptr_array_add (plan, c);
    }
  return plan;
}

gboolean
alvh_fetch_vx_download (GPtrArray                *plan,
                        const char               *dest_dir,
                        guint                     timeout_seconds,
                        AlvhFetchVxProgressFunc   progress,
                        gpointer                  user_data,
                        GCancellable             *cancellable,
                        GError                  **error)
{
  g_autoptr(SoupSession) session = NULL;
  gint64 today = alvh_time_ny_day (alvh_time_now ());

  g_return_val_if_fail (plan != NULL, FALSE);
  g_return_val_if_fail (dest_dir != NULL, FALSE);

  if (plan->len == 0)
    return TRUE;
  if (g_mkdir_with_parents (dest_dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Could not create %s: %s"), dest_dir, g_strerror (saved));
      return FALSE;
    }

  session = _alvh_fetch_session_new (timeout_seconds);
  for (guint i = 0; i < plan->len; i++)
    {
      AlvhFetchVxContract *c = g_ptr_array_index (plan, i);
      g_autofree char *name = g_path_get_basename (c->url);
      g_autofree char *path = g_build_filename (dest_dir, name, NULL);
      g_autoptr(GError) local = NULL;
      guint status = 0;

      if (progress != NULL)
        progress (i, plan->len, c, user_data);
      if (_alvh_fetch_download_full (session, c->url, CFE_REFERER, path, &status, cancellable, &local))
        {
          c->status = ALVH_FETCH_VX_DOWNLOADED;
          c->path = g_steal_pointer (&path);
          continue;
        }
      if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
          g_error_matches (local, ALVH_FETCH_ERROR, ALVH_FETCH_ERROR_CONNECTION) ||
          g_error_matches (local, ALVH_FETCH_ERROR, ALVH_FETCH_ERROR_TIMEOUT))
        {
          /* offline, or the server stopped answering: the rest would fail alike */
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      if ((status == SOUP_STATUS_NOT_FOUND || status == SOUP_STATUS_FORBIDDEN) &&
          alvh_time_ny_day (c->expiry) > today)
        c->status = ALVH_FETCH_VX_NOT_LISTED;
      else
        {
          c->status = ALVH_FETCH_VX_FAILED;
          c->error = g_steal_pointer (&local);
        }
    }
  if (progress != NULL)
    progress (plan->len, plan->len, NULL, user_data);
  return TRUE;
}

/* The line starting at @p (before @end): its length without the line end
 * ("\n" or "\r\n") in @n; returns where the next line starts. */
static const char *
next_line (const char *p,
           const char *end,
           gsize      *n)
{
  const char *eol = memchr (p, '\n', (gsize) (end - p));

  *n = (gsize) ((eol != NULL ? eol : end) - p);
  if (*n > 0 && p[*n - 1] == '\r')
    (*n)--;
  return eol != NULL ? eol + 1 : end;
}

/* The line after the "Trade Date,..." header in @data, with the header's
 * text (without the line end) in @header; NULL when there is none. */
static const char *
find_rows (const char *data,
           gsize       length,
           char      **header)
{
  const char *p = data, *end = data + length;

  if (length >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;
  while (p < end)
    {
      gsize n;
      const char *next = next_line (p, end, &n);

      if (n >= 10 && g_ascii_strncasecmp (p, "trade date", 10) == 0)
        {
          *header = g_strndup (p, n);
          return next;
        }
      p = next;
    }
  return NULL;
}

/* Appends the non-blank lines of [p, end) to @out, each ending in "\n". */
static guint
append_rows (GString    *out,
             const char *p,
             const char *end)
{
  guint n_rows = 0;

  while (p < end)
    {
      gsize n;
      const char *next = next_line (p, end, &n);

      if (n > 0 && strspn (p, " \t,") < n)
        {
          g_string_append_len (out, p, (gssize) n);
          g_string_append_c (out, '\n');
          n_rows++;
        }
      p = next;
    }
  return n_rows;
}

static void
mark_failed (AlvhFetchVxContract *c,
             const char          *why)
{
  c->status = ALVH_FETCH_VX_FAILED;
  g_clear_error (&c->error);
  g_set_error (&c->error, ALVH_FETCH_ERROR, ALVH_FETCH_ERROR_NOT_CSV, "%s: %s", c->url, why);
}

char *
alvh_fetch_vx_join (GPtrArray   *plan,
                    const char  *dest_dir,
                    GError     **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *first_header = NULL;
  g_autofree char *path = NULL;
  gint64 first = 0, last = 0;

  g_return_val_if_fail (plan != NULL, NULL);

  for (guint i = 0; i < plan->len; i++)
    {
      AlvhFetchVxContract *c = g_ptr_array_index (plan, i);
      g_autofree char *data = NULL;
      g_autofree char *header = NULL;
      g_autoptr(GError) local = NULL;
      const char *rows;
      gsize length;

      if (c->status != ALVH_FETCH_VX_DOWNLOADED)
        continue;
      if (!g_file_get_contents (c->path, &data, &length, &local))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return NULL;
        }
      rows = find_rows (data, length, &header);
      if (rows == NULL)
        {
          mark_failed (c, _("not a Cboe CFE contract file (no “Trade Date” header)"));
          continue;
        }
      if (first_header == NULL)
        {
          first_header = g_steal_pointer (&header);
          g_string_append_printf (out, "%s\n", first_header);
        }
      else if (g_ascii_strcasecmp (first_header, header) != 0)
        {
          mark_failed (c, _("its columns differ from the other contracts' files"));
          continue;
        }
      c->n_rows = append_rows (out, rows, data + length);
      if (first == 0)
        first = c->expiry;
      last = c->expiry;
    }
  if (first_header == NULL)
    return NULL;

  {
    g_autofree char *a = alvh_time_format_ny_date (first);
    g_autofree char *b = alvh_time_format_ny_date (last);
    g_autofree char *name = g_strdup_printf ("VX_contracts_%s_%s.csv", a, b);

    path = g_build_filename (dest_dir, name, NULL);
  }
  if (!g_file_set_contents_full (path, out->str, (gssize) out->len,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
    return NULL;
  return g_steal_pointer (&path);
}

guint
alvh_fetch_vx_count (GPtrArray         *plan,
                     AlvhFetchVxStatus  status)
{
  guint n = 0;

  for (guint i = 0; plan != NULL && i < plan->len; i++)
    if (((AlvhFetchVxContract *) g_ptr_array_index (plan, i))->status == status)
      n++;
  return n;
}

const char *
alvh_fetch_vx_status_id (AlvhFetchVxStatus status)
{
  switch (status)
    {
    case ALVH_FETCH_VX_DOWNLOADED:
      return "downloaded";
    case ALVH_FETCH_VX_NOT_LISTED:
      return "not-listed";
    case ALVH_FETCH_VX_FAILED:
      return "failed";
    case ALVH_FETCH_VX_PENDING:
    default:
      return "pending";
    }
}
