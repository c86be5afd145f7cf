/* alvh-window-update.c — win.update-data: download the daily histories from
 * Cboe and Stooq and the VIX futures contracts the market store lacks or
 * that still trade from Cboe CFE in a worker thread, then import them like
 * any other file (the contracts joined into one) */
#define G_LOG_DOMAIN "alvh-desk"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "alvh-application.h"
#include "alvh-fetch.h"
#include "alvh-fetch-vx.h"
#include "alvh-market-store.h"
#include "alvh-window-private.h"

typedef struct
{
  AlvhWindow *window;  /* owned */
  AdwToast   *toast;   /* owned */
  char       *cboe;
  char       *stooq;
  char       *dir;
  char       *market_path;  /* read for the VX contracts it holds */
  guint       vx_failed;    /* VX contracts that could not be downloaded */
} UpdateData;

typedef struct
{
  AdwToast *toast;     /* owned */
  char     *text;
} ProgressData;

static GCancellable *update_cancellable;

static void
update_error_response_cb (AdwMessageDialog *dialog,
                          const char       *response,
                          AlvhWindow       *self)
{
  if (g_strcmp0 (response, "retry") == 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.update-data", NULL);
}

/**
 * alvh_window_show_update_error:
 * @self: the window
 * @error: why Update Data failed
 *
 * Says why an update failed in plain words (no web address, no resolver
 * message: those go to the debug log) and offers Retry.
 *
 * Returns: (transfer none): the dialog
 */
GtkWidget *
alvh_window_show_update_error (AlvhWindow   *self,
                               const GError *error)
{
  const char *body;
  GtkWidget *dialog;

  g_return_val_if_fail (ALVH_IS_WINDOW (self), NULL);
  g_return_val_if_fail (error != NULL, NULL);

  g_debug ("update failed: %s", error->message);
  if (error->domain == ALVH_FETCH_ERROR)
    switch ((AlvhFetchError) error->code)
      {
      case ALVH_FETCH_ERROR_CONNECTION:
      case ALVH_FETCH_ERROR_TIMEOUT:
      case ALVH_FETCH_ERROR_TRUNCATED:
        body = _("ALVH Desk could not reach the Cboe and Stooq servers. Check that this computer is online, "
                 "then try again. Your market data is unchanged.");
        break;
      case ALVH_FETCH_ERROR_HTTP:
        body = _("The Cboe or Stooq server did not send the price history (it may be busy or have moved the files). "
                 "Try again later. Your market data is unchanged.");
        break;
      case ALVH_FETCH_ERROR_NOT_CSV:
      case ALVH_FETCH_ERROR_NO_DATA:
      case ALVH_FETCH_ERROR_UNKNOWN_SOURCE:
      default:
        body = _("A server sent something other than a price history. Try again later, or download the CSV "
                 "files yourself and import them. Your market data is unchanged.");
        break;
      }
  else
    body = error->message;
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Update the Market Data"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "close", _("_Close"),
                                    "retry", _("_Retry"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "retry", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "retry");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  g_signal_connect_object (dialog, "response", G_CALLBACK (update_error_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
update_data_free (UpdateData *data)
{
  g_clear_object (&data->window);
  g_clear_object (&data->toast);
  g_free (data->cboe);
  g_free (data->stooq);
  g_free (data->dir);
  g_free (data->market_path);
  g_free (data);
}

static gboolean
show_progress_cb (gpointer user_data)
{
  ProgressData *p = user_data;

  adw_toast_set_title (p->toast, p->text);
  g_object_unref (p->toast);
  g_free (p->text);
  g_free (p);
  return G_SOURCE_REMOVE;
}

/* @text (taken) as the toast's title, from a download thread */
static void
post_progress (UpdateData *data,
               char       *text)
{
  ProgressData *p = g_new0 (ProgressData, 1);

  p->toast = g_object_ref (data->toast);
  p->text = text;
  g_main_context_invoke (NULL, show_progress_cb, p);
}

static void
fetch_progress_cb (guint                  index,
                   guint                  total,
                   const AlvhFetchSource *source,
                   gpointer               user_data)
{
  if (source != NULL)
    /* Translators: "Downloading VIX (2 of 6)…" */
    post_progress (user_data, g_strdup_printf (_("Downloading %s (%u of %u)…"), source->symbol, index + 1, total));
}

static void
fetch_vx_progress_cb (guint                      index,
                      guint                      total,
                      const AlvhFetchVxContract *contract,
                      gpointer                   user_data)
{
  if (contract != NULL)
    /* Translators: "Downloading VX futures 2025-03 (2 of 10)…" */
    post_progress (user_data, g_strdup_printf (_("Downloading VX futures %04d-%02d (%u of %u)…"),
                                               contract->year, contract->month, index + 1, total));
}

/* The VX contracts the store lacks or that still trade, joined into one
 * file added to @paths; a contract that fails is counted, not fatal. */
static gboolean
fetch_vx (UpdateData    *data,
          GPtrArray     *paths,
          GCancellable  *cancellable,
          GError       **error)
{
  g_autoptr(AlvhMarketStore) store = NULL;
  g_autoptr(GArray) stored = NULL;
  g_autoptr(GPtrArray) plan = NULL;
  g_autoptr(GError) local = NULL;
  char *joined;

  store = alvh_market_store_open_mode (data->market_path, ALVH_STORE_READ, &local);
  if (store != NULL)
    stored = alvh_market_store_load_vx_contracts (store, G_MININT64, G_MAXINT64, &local);
  if (stored == NULL && !g_error_matches (local, ALVH_MARKET_STORE_ERROR, ALVH_MARKET_STORE_ERROR_MISSING))
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  g_clear_object (&store);
  plan = alvh_fetch_vx_plan (stored != NULL ? (const AlvhVxSettle *) (void *) stored->data : NULL,
                             stored != NULL ? stored->len : 0,
                             ALVH_FETCH_VX_FIRST_YEAR, ALVH_FETCH_VX_FIRST_MONTH, 0, 0, NULL);
  if (!alvh_fetch_vx_download (plan, data->dir, 60, fetch_vx_progress_cb, data, cancellable, error))
    return FALSE;
  joined = alvh_fetch_vx_join (plan, data->dir, error);
  if (joined == NULL && error != NULL && *error != NULL)
    return FALSE;
  if (joined != NULL)
    g_ptr_array_add (paths, joined);
  data->vx_failed = alvh_fetch_vx_count (plan, ALVH_FETCH_VX_FAILED);
  for (guint i = 0; i < plan->len; i++)
    {
      const AlvhFetchVxContract *c = g_ptr_array_index (plan, i);
      if (c->error != NULL)
        g_debug ("VX %04d-%02d: %s", c->year, c->month, c->error->message);
    }
  return TRUE;
}

static void
fetch_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  UpdateData *data = task_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *paths;

  paths = alvh_fetch_all (NULL, data->cboe, data->stooq, data->dir, 60,
                          fetch_progress_cb, data, cancellable, &error);
  if (paths != NULL && !fetch_vx (data, paths, cancellable, &error))
    g_clear_pointer (&paths, g_ptr_array_unref);
  if (paths == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, paths, (GDestroyNotify) g_ptr_array_unref);
}

static void
remove_downloads (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

static void
import_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  UpdateData *data = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = alvh_market_service_import_finish (ALVH_MARKET_SERVICE (object), result, &error);

  adw_toast_dismiss (data->toast);
  if (summary == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _alvh_window_show_error (data->window, _("Update Failed"), error->message);
    }
  else
    alvh_window_add_toast (data->window, summary);
  if (data->vx_failed > 0)
    {
      g_autofree char *note = g_strdup_printf (ngettext ("%u VIX futures contract could not be downloaded; try Update Data again later",
                                                         "%u VIX futures contracts could not be downloaded; try Update Data again later",
                                                         data->vx_failed),
                                               data->vx_failed);
      alvh_window_add_toast (data->window, note);
    }
  remove_downloads (data->dir);
  g_clear_object (&update_cancellable);
  update_data_free (data);
}

static void
fetch_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  AlvhWindow *self = ALVH_WINDOW (object);
  UpdateData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) paths = g_task_propagate_pointer (G_TASK (result), &error);
  UpdateData *keep;

  if (paths == NULL)
    {
      adw_toast_dismiss (data->toast);
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        alvh_window_add_toast (self, _("Update cancelled: nothing was changed"));
      else
        alvh_window_show_update_error (self, error);
      remove_downloads (data->dir);
      g_clear_object (&update_cancellable);
      return;
    }

  adw_toast_set_title (data->toast, _("Importing the downloaded files…"));
  g_ptr_array_add (paths, NULL);

  /* the task owns its data; the import needs its own copy of the bits it uses */
  keep = g_new0 (UpdateData, 1);
  keep->window = g_object_ref (self);
  keep->toast = g_object_ref (data->toast);
  keep->dir = g_strdup (data->dir);
  keep->vx_failed = data->vx_failed;
  alvh_market_service_import_async (alvh_context_get_market (self->context), (const char * const *) paths->pdata,
                             update_cancellable, import_done_cb, keep);
}

static void
update_data_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  AlvhWindow *self = ALVH_WINDOW (widget);
  GSettings *settings = self->settings;
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  UpdateData *data;

  if (update_cancellable != NULL)
    return; /* one update at a time */

  data = g_new0 (UpdateData, 1);
  data->window = g_object_ref (self);
  if (settings != NULL)
    {
      data->cboe = g_settings_get_string (settings, "cboe-base-url");
      data->stooq = g_settings_get_string (settings, "stooq-base-url");
    }
  data->market_path = alvh_paths_market_db (alvh_context_get_data_dir (self->context));
  data->dir = g_dir_make_tmp ("alvh-update-XXXXXX", &error);
  if (data->dir == NULL)
    {
      _alvh_window_show_error (self, _("Update Failed"), error->message);
      update_data_free (data);
      return;
    }

  data->toast = adw_toast_new (_("Updating market data…"));
  adw_toast_set_timeout (data->toast, 0);
  adw_toast_set_button_label (data->toast, _("Cancel"));
  adw_toast_set_action_name (data->toast, "win.cancel-update");
  g_object_ref (data->toast);
  adw_toast_overlay_add_toast (self->toast_overlay, data->toast);

  update_cancellable = g_cancellable_new ();
  task = g_task_new (self, update_cancellable, fetch_done_cb, NULL);
  g_task_set_source_tag (task, update_data_action_cb);
  g_task_set_task_data (task, data, (GDestroyNotify) update_data_free);
  g_task_run_in_thread (task, fetch_thread);
}

static void
cancel_update_action_cb (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  if (update_cancellable != NULL)
    g_cancellable_cancel (update_cancellable);
}

void
_alvh_window_install_update_actions (GtkWidgetClass *klass)
{
  gtk_widget_class_install_action (klass, "win.update-data", NULL, update_data_action_cb);
  gtk_widget_class_install_action (klass, "win.cancel-update", NULL, cancel_update_action_cb);
}
