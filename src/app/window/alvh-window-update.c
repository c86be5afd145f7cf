/* alvh-window-update.c — win.update-data: download the daily histories from
 * Cboe and Stooq in a worker thread, then import them like any other file */
#define G_LOG_DOMAIN "alvh-desk"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "alvh-application.h"
#include "alvh-fetch.h"
#include "alvh-window-private.h"

typedef struct
{
  AlvhWindow *window;  /* owned */
  AdwToast   *toast;   /* owned */
  char       *cboe;
  char       *stooq;
  char       *dir;
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

static void
fetch_progress_cb (guint                  index,
                   guint                  total,
                   const AlvhFetchSource *source,
                   gpointer               user_data)
{
  UpdateData *data = user_data;
  ProgressData *p;

  if (source == NULL)
    return;
  p = g_new0 (ProgressData, 1);
  p->toast = g_object_ref (data->toast);
  /* Translators: "Downloading VIX (2 of 6)…" */
  p->text = g_strdup_printf (_("Downloading %s (%u of %u)…"), source->symbol, index + 1, total);
  g_main_context_invoke (NULL, show_progress_cb, p);
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
