/* alvh-live-follow.c — live mode: follow a CSV file that grows */
#define G_LOG_DOMAIN "alvh-desk"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "alvh-form.h"
#include "alvh-import.h"
#include "alvh-market-store.h"
#include "alvh-live-follow.h"

struct _AlvhLiveFollow
{
  GObject        parent_instance;
  AlvhContext   *context;
  GApplication  *application;
  char          *path;
  char          *symbol_hint;
  GFileMonitor  *monitor;
  AlvhMarketStore *market_store;  /* own connection to market.sqlite */
  char          *header;          /* the file's header lines, '\n'-terminated */
  gsize          offset;          /* bytes of the file already read */
  guint          delay_ms;
  guint          debounce_source;
  gint64         last_alert_time;
  guint          n_alerts;
};

G_DEFINE_FINAL_TYPE (AlvhLiveFollow, alvh_live_follow, G_TYPE_OBJECT)

enum {
  BARS_ADDED,
  ALERT,
  ERROR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Appends the bars of `imported` newer than `existing` to a copy of
 * `existing` (columns matched by name); returns the copy, or NULL when
 * nothing is new.  *n_new receives the count. */
static AlvhSeries *
merge_series (AlvhSeries *existing,
              AlvhSeries *imported,
              gsize      *n_new)
{
  g_autoptr(AlvhSeries) merged = NULL;
  const gint64 *times = alvh_series_get_times (imported);
  gsize n = alvh_series_get_length (imported);
  gint64 last;
  guint n_cols;
  g_autofree double *row = NULL;
  g_autofree const double **cols = NULL;

  *n_new = 0;
  if (existing == NULL || alvh_series_get_length (existing) == 0)
    {
      *n_new = n;
      return n > 0 ? alvh_series_ref (imported) : NULL;
    }
  last = alvh_series_get_times (existing)[alvh_series_get_length (existing) - 1];
  if (n == 0 || times[n - 1] <= last)
    return NULL;

  merged = alvh_series_copy (existing);
  n_cols = alvh_series_get_n_columns (merged);
  row = g_new (double, MAX (n_cols, 1));
  cols = g_new0 (const double *, MAX (n_cols, 1));
  for (guint c = 0; c < n_cols; c++)
    cols[c] = alvh_series_get_column_by_name (imported, alvh_series_get_column_name (merged, c));

  for (gsize i = 0; i < n; i++)
    {
      if (times[i] <= last)
        continue;
      for (guint c = 0; c < n_cols; c++)
        row[c] = cols[c] != NULL ? cols[c][i] : NAN;
      /* an OHLC series fed by a close-only file: the close fills the gaps */
      if (alvh_series_find_column (merged, "close") >= 0)
        {
          const double *close = alvh_series_get_column_by_name (imported, "close");
          for (guint c = 0; c < n_cols && close != NULL; c++)
            if (isnan (row[c]))
              row[c] = close[i];
        }
      if (!alvh_series_append (merged, times[i], row, NULL))
        continue;
      (*n_new)++;
    }
  return *n_new > 0 ? g_steal_pointer (&merged) : NULL;
}

/* Adapter: the context keeps its market store private, so live mode opens
 * its own connection to market.sqlite in the context's data directory. */
static AlvhMarketStore *
live_market_store (AlvhLiveFollow  *self,
                   GError         **error)
{
  g_autofree char *path = NULL;

  if (self->market_store != NULL)
    return self->market_store;
  if (alvh_context_get_data_dir (self->context) == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "no data directory");
      return NULL;
    }
  path = alvh_paths_market_db (alvh_context_get_data_dir (self->context));
  self->market_store = alvh_market_store_open (path, error);
  return self->market_store;
}

/* New bars go into the market store too when it already holds history of
 * one of the file's symbols (a followed file extends stored history; it
 * never starts a stored series of its own). */
static void
store_result (AlvhLiveFollow   *self,
              AlvhImportResult *result)
{
  g_autoptr(GError) error = NULL;
  AlvhMarketStore *store = live_market_store (self, &error);
  gboolean extends = FALSE;

  if (store == NULL)
    {
      g_debug ("live follow: no market store: %s", error->message);
      return;
    }
  for (guint i = 0; i < alvh_import_result_get_n_series (result) && error == NULL; i++)
    if (alvh_market_store_count_rows (store, alvh_import_result_get_symbol (result, i), &error) > 0)
      extends = TRUE;
  if (error != NULL)
    g_signal_emit (self, signals[ERROR], 0, error->message);
  else if (extends && !alvh_market_store_import_result (store, result, NULL, &error))
    g_signal_emit (self, signals[ERROR], 0, error->message);
}

static gboolean
decision_alerts (const AlvhDecision *d,
                 char              **out_title,
                 char              **out_body)
{
  static const AlvhSignalId fixed[] = {
    ALVH_SIGNAL_WING_PROXIMITY, ALVH_SIGNAL_BOOK_DELTA, ALVH_SIGNAL_MACRO_REGIME,
  };
  g_autoptr(GString) fired = g_string_new (NULL);
  g_autofree char *date = alvh_form_format_time (d->time);

  for (guint i = 0; i < G_N_ELEMENTS (fixed); i++)
    {
      const AlvhSignal *s = alvh_decision_get_signal (d, fixed[i]);

      if (s != NULL && s->available && s->fired)
        g_string_append_printf (fired, "%s%s", fired->len ? ", " : "", alvh_signal_id_get_title (fixed[i]));
    }
  if (d->action != ALVH_ACTION_ADD && fired->len == 0)
    return FALSE;

  if (d->action == ALVH_ACTION_ADD)
    *out_title = g_strdup_printf (_("ALVH: add hedge layer %u (%s)"), d->layer, alvh_branch_to_string (d->branch));
  else
    *out_title = g_strdup_printf (_("ALVH: fixed trigger fired (%s)"), fired->str);
  {
    g_autofree char *text = alvh_decision_dup_explanation_text (d);
    *out_body = g_strdup_printf ("%s: %s", date, text ? text : "");
  }
  return TRUE;
}

static void
evaluate_and_alert (AlvhLiveFollow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhDecision) decision = NULL;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  GApplication *app;

  decision = alvh_decision_service_evaluate (alvh_context_get_decisions (self->context), &error);
  if (decision == NULL)
    {
      g_debug ("live follow: no evaluation: %s", error->message);
      return;
    }
  if (decision->time == self->last_alert_time || !decision_alerts (decision, &title, &body))
    return;
  self->last_alert_time = decision->time;
  self->n_alerts++;

  app = self->application ? self->application : g_application_get_default ();
  if (app != NULL && g_application_get_is_registered (app))
    {
      g_autoptr(GNotification) notification = g_notification_new (title);

      g_notification_set_body (notification, body);
      g_notification_set_priority (notification, decision->action == ALVH_ACTION_ADD
                                   ? G_NOTIFICATION_PRIORITY_HIGH : G_NOTIFICATION_PRIORITY_NORMAL);
      g_application_send_notification (app, "alvh-live", notification);
    }
  g_signal_emit (self, signals[ALERT], 0, title, body);
}

static gboolean
debounce_cb (gpointer user_data)
{
  AlvhLiveFollow *self = user_data;
  g_autoptr(GError) error = NULL;

  self->debounce_source = 0;
  if (alvh_live_follow_poll (self, &error) < 0)
    g_signal_emit (self, signals[ERROR], 0, error->message);
  return G_SOURCE_REMOVE;
}

static void
file_changed_cb (GFileMonitor      *monitor,
                 GFile             *file,
                 GFile             *other,
                 GFileMonitorEvent  event,
                 AlvhLiveFollow    *self)
{
  if (event != G_FILE_MONITOR_EVENT_CHANGED &&
      event != G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT &&
      event != G_FILE_MONITOR_EVENT_CREATED &&
      event != G_FILE_MONITOR_EVENT_MOVED_IN &&
      event != G_FILE_MONITOR_EVENT_RENAMED)
    return;
  g_clear_handle_id (&self->debounce_source, g_source_remove);
  self->debounce_source = g_timeout_add (self->delay_ms, debounce_cb, self);
}

static void
stop (AlvhLiveFollow *self)
{
  g_clear_handle_id (&self->debounce_source, g_source_remove);
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->header, g_free);
  self->offset = 0;
}

static void
alvh_live_follow_dispose (GObject *object)
{
  AlvhLiveFollow *self = ALVH_LIVE_FOLLOW (object);

  stop (self);
  g_clear_object (&self->context);
  g_clear_object (&self->application);
  g_clear_object (&self->market_store);
  G_OBJECT_CLASS (alvh_live_follow_parent_class)->dispose (object);
}

static void
alvh_live_follow_finalize (GObject *object)
{
  AlvhLiveFollow *self = ALVH_LIVE_FOLLOW (object);

  g_free (self->symbol_hint);
  G_OBJECT_CLASS (alvh_live_follow_parent_class)->finalize (object);
}

static void
alvh_live_follow_class_init (AlvhLiveFollowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = alvh_live_follow_dispose;
  object_class->finalize = alvh_live_follow_finalize;

  /**
   * AlvhLiveFollow::bars-added:
   * @n: the number of new bars over all symbols
   */
  signals[BARS_ADDED] = g_signal_new ("bars-added", G_TYPE_FROM_CLASS (klass),
                                      G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                      G_TYPE_NONE, 1, G_TYPE_UINT);
  /**
   * AlvhLiveFollow::alert:
   * @title: the notification's title
   * @body: its text
   */
  signals[ALERT] = g_signal_new ("alert", G_TYPE_FROM_CLASS (klass),
                                 G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
  /**
   * AlvhLiveFollow::error:
   * @message: why the file could not be read
   */
  signals[ERROR] = g_signal_new ("error", G_TYPE_FROM_CLASS (klass),
                                 G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
alvh_live_follow_init (AlvhLiveFollow *self)
{
  self->delay_ms = 300;
}

AlvhLiveFollow *
alvh_live_follow_new (AlvhContext *context)
{
  AlvhLiveFollow *self;

  g_return_val_if_fail (ALVH_IS_CONTEXT (context), NULL);
  self = g_object_new (ALVH_TYPE_LIVE_FOLLOW, NULL);
  self->context = g_object_ref (context);
  return self;
}

gboolean
alvh_live_follow_set_path (AlvhLiveFollow  *self,
                           const char      *path,
                           GError         **error)
{
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (ALVH_IS_LIVE_FOLLOW (self), FALSE);

  stop (self);
  if (path == NULL || *path == '\0')
    return TRUE;

  file = g_file_new_for_path (path);
  self->monitor = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, NULL, error);
  if (self->monitor == NULL)
    return FALSE;
  g_file_monitor_set_rate_limit (self->monitor, 100);
  g_signal_connect (self->monitor, "changed", G_CALLBACK (file_changed_cb), self);
  self->path = g_strdup (path);

  if (alvh_live_follow_poll (self, error) < 0)
    {
      stop (self);
      return FALSE;
    }
  return TRUE;
}

const char *
alvh_live_follow_get_path (AlvhLiveFollow *self)
{
  g_return_val_if_fail (ALVH_IS_LIVE_FOLLOW (self), NULL);
  return self->path;
}

void
alvh_live_follow_set_symbol_hint (AlvhLiveFollow *self,
                                  const char     *symbol)
{
  g_return_if_fail (ALVH_IS_LIVE_FOLLOW (self));
  g_free (self->symbol_hint);
  self->symbol_hint = g_strdup (symbol);
}

void
alvh_live_follow_set_delay (AlvhLiveFollow *self,
                            guint           delay_ms)
{
  g_return_if_fail (ALVH_IS_LIVE_FOLLOW (self));
  self->delay_ms = delay_ms;
}

void
alvh_live_follow_set_application (AlvhLiveFollow *self,
                                  GApplication   *application)
{
  g_return_if_fail (ALVH_IS_LIVE_FOLLOW (self));
  g_set_object (&self->application, application);
}

guint
alvh_live_follow_get_n_alerts (AlvhLiveFollow *self)
{
  g_return_val_if_fail (ALVH_IS_LIVE_FOLLOW (self), 0);
  return self->n_alerts;
}

/* Errors from parsing the tail name NAME:LINE:COLUMN of header + tail:
 * make them name the file's path and its own line number. */
static void
fix_error_line (GError     *error,
                const char *name,
                const char *path,
                const char *contents,
                gsize       offset,
                const char *header)
{
  gsize name_len = strlen (name);
  guint64 line;
  char *end = NULL;
  guint before = 0, header_lines = 0;
  char *message;

  if (error == NULL || strncmp (error->message, name, name_len) != 0 || error->message[name_len] != ':')
    return;
  line = g_ascii_strtoull (error->message + name_len + 1, &end, 10);
  if (end == NULL || *end != ':' || line == 0)
    return;
  for (gsize i = 0; i < offset; i++)
    before += contents[i] == '\n';
  for (const char *p = header; *p != '\0'; p++)
    header_lines += *p == '\n';
  message = g_strdup_printf ("%s:%" G_GUINT64_FORMAT "%s", path, line - header_lines + before, end);
  g_free (error->message);
  error->message = message;
}

/* Reads what is new in the file: the complete lines after the part already
 * read, parsed behind the file's header so that the importer detects the
 * format as before.  A file that shrank or whose header changed (rewritten,
 * rotated) is read whole again. */
static AlvhImportResult *
read_new_rows (AlvhLiveFollow  *self,
               gboolean        *out_nothing,
               GError         **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  g_autoptr(AlvhImportResult) result = NULL;
  g_autoptr(GError) local = NULL;
  gsize len = 0, header_len = self->header ? strlen (self->header) : 0;
  const char *end;

  *out_nothing = FALSE;
  /* read, never mapped; a FIFO or folder is refused at once */
  contents = alvh_csv_read_file (self->path, &len, &local);
  if (contents == NULL && g_error_matches (local, G_FILE_ERROR, G_FILE_ERROR_AGAIN))
    {
      /* written to while it was read: the next poll reads it again */
      *out_nothing = TRUE;
      return NULL;
    }
  if (contents == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  name = g_path_get_basename (self->path);

  if (self->header != NULL && len >= self->offset && len >= header_len &&
      memcmp (contents, self->header, header_len) == 0)
    {
      g_autoptr(GString) data = NULL;

      /* complete lines only: a row being written stays for the next read */
      end = NULL;
      for (gsize i = len; i > self->offset; i--)
        if (contents[i - 1] == '\n')
          {
            end = contents + i - 1;
            break;
          }
      if (end == NULL)
        {
          *out_nothing = TRUE;
          return NULL;
        }
      data = g_string_new_len (self->header, (gssize) header_len);
      g_string_append_len (data, contents + self->offset, end + 1 - (contents + self->offset));
      result = alvh_import_data (name, data->str, data->len, self->symbol_hint, NULL, error);
      if (result == NULL)
        {
          fix_error_line (*error, name, self->path, contents, self->offset, self->header);
          if (g_error_matches (*error, ALVH_IMPORT_ERROR, ALVH_IMPORT_ERROR_EMPTY))
            {
              g_clear_error (error);
              self->offset = (gsize) (end + 1 - contents);
              *out_nothing = TRUE;
            }
          return NULL;
        }
      self->offset = (gsize) (end + 1 - contents);
      return g_steal_pointer (&result);
    }

  /* the first read, or the file was rewritten */
  result = alvh_import_data (name, contents, len, self->symbol_hint, NULL, error);
  if (result == NULL)
    return NULL;
  {
    guint header_lines = alvh_import_result_get_format (result) == ALVH_IMPORT_FORMAT_YFINANCE ? 3 : 1;
    const char *p = contents;

    for (guint i = 0; i < header_lines && p != NULL; i++)
      {
        p = memchr (p, '\n', len - (gsize) (p - contents));
        if (p != NULL)
          p++;
      }
    g_free (self->header);
    self->header = p != NULL ? g_strndup (contents, (gsize) (p - contents)) : NULL;
    self->offset = len;
  }
  return g_steal_pointer (&result);
}

gssize
alvh_live_follow_poll (AlvhLiveFollow  *self,
                       GError         **error)
{
  g_autoptr(AlvhImportResult) result = NULL;
  gsize total = 0;
  gboolean nothing = FALSE;

  g_return_val_if_fail (ALVH_IS_LIVE_FOLLOW (self), -1);
  if (self->path == NULL)
    return 0;

  result = read_new_rows (self, &nothing, error);
  if (result == NULL)
    return nothing ? 0 : -1;

  for (guint i = 0; i < alvh_import_result_get_n_series (result); i++)
    {
      const char *symbol = alvh_import_result_get_symbol (result, i);
      AlvhSeries *imported = alvh_import_result_get_series (result, i);
      g_autoptr(AlvhSeries) merged = NULL;
      gsize n_new = 0;

      merged = merge_series (alvh_market_service_get_series (alvh_context_get_market (self->context), symbol), imported, &n_new);
      if (merged == NULL)
        continue;
      alvh_market_service_set_series (alvh_context_get_market (self->context), symbol, merged);
      total += n_new;
    }
  if (total > 0)
    {
      store_result (self, result);
      alvh_market_service_changed (alvh_context_get_market (self->context));
      g_signal_emit (self, signals[BARS_ADDED], 0, (guint) total);
      evaluate_and_alert (self);
    }
  return (gssize) total;
}
