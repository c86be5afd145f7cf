/* alvh-window-actions.c — the window's actions */
#define G_LOG_DOMAIN "alvh-desk"

#include "config.h"

#include <glib/gi18n.h>

#include "alvh-journal-page.h"
#include "alvh-evaluator-page.h"
#include "alvh-positions-page.h"
#include "alvh-preferences-window.h"
#include "alvh-replay-page.h"
#include "alvh-window-follow.h"
#include "alvh-export-dialog.h"
#include "alvh-form.h"
#include "alvh-window-private.h"

static void
page_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  alvh_window_show_page (ALVH_WINDOW (widget), g_variant_get_string (param, NULL));
}

/* Shows the Charts page at a time (the Replay page's trades) */
static void
chart_time_action_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  AlvhWindow *self = ALVH_WINDOW (widget);

  alvh_window_show_page (self, "charts");
  alvh_charts_page_go_to_time (ALVH_CHARTS_PAGE (self->charts_page), g_variant_get_int64 (param));
}

/* Ctrl+N from any page: the Positions page and its Add Condor dialog */
static void
add_condor_action_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  AlvhWindow *self = ALVH_WINDOW (widget);
  GtkWidget *page = alvh_window_get_page (self, "positions");

  if (!alvh_window_has_market_data (self) || !ALVH_IS_POSITIONS_PAGE (page))
    return;
  alvh_window_show_page (self, "positions");
  alvh_positions_page_add_condor (ALVH_POSITIONS_PAGE (page));
}

static void
preferences_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  AlvhWindow *self = ALVH_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (alvh_preferences_window_new (GTK_WINDOW (self), self->context)));
}

static void
launch_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(AlvhWindow) self = user_data;
  g_autoptr(GError) error = NULL;

#if GTK_CHECK_VERSION (4, 10, 0)
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_file_launcher_launch_finish (GTK_FILE_LAUNCHER (object), result, &error);
  G_GNUC_END_IGNORE_DEPRECATIONS
#else
  g_app_info_launch_default_for_uri_finish (result, &error);
#endif
  if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    alvh_window_add_toast (self, error->message);
}

/* The Open button of a "saved" toast: the file in the program the desktop
 * opens it with */
static void
open_uri_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  AlvhWindow *self = ALVH_WINDOW (widget);
  const char *uri = g_variant_get_string (param, NULL);

#if GTK_CHECK_VERSION (4, 10, 0)
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  {
    g_autoptr(GFile) file = g_file_new_for_uri (uri);
    g_autoptr(GtkFileLauncher) launcher = gtk_file_launcher_new (file);

    gtk_file_launcher_launch (launcher, GTK_WINDOW (self), NULL, launch_done_cb, g_object_ref (self));
  }
  G_GNUC_END_IGNORE_DEPRECATIONS
#else
  {
    g_autoptr(GAppLaunchContext) context =
      G_APP_LAUNCH_CONTEXT (gdk_display_get_app_launch_context (gtk_widget_get_display (widget)));

    g_app_info_launch_default_for_uri_async (uri, context, NULL, launch_done_cb, g_object_ref (self));
  }
#endif
}

static void
demo_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  AlvhWindow       *self)
{
  if (g_strcmp0 (response, "replace") == 0)
    alvh_window_load_demo (self);
}

/**
 * alvh_window_request_load_demo:
 * @self: the window
 *
 * Loads the demo data, after asking when it would replace market data or
 * mark a book that exists.
 *
 * Returns: (transfer none) (nullable): the question, or %NULL when the demo
 *   data was loaded at once
 */
GtkWidget *
alvh_window_request_load_demo (AlvhWindow *self)
{
  AlvhBookService *book;
  GtkWidget *dialog;
  gboolean has_book;

  g_return_val_if_fail (ALVH_IS_WINDOW (self), NULL);

  book = alvh_context_get_book (self->context);
  has_book = (alvh_book_service_get_condors (book) != NULL && alvh_book_service_get_condors (book)->len > 0) ||
             (alvh_book_service_get_legs (book) != NULL && alvh_book_service_get_legs (book)->len > 0);
  if (!alvh_window_has_market_data (self) && !has_book)
    {
      alvh_window_load_demo (self);
      return NULL;
    }
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Replace the Market Data?"),
                                   has_book
                                   ? _("The demo data replaces the SPX, VIX and VIX futures history you have. "
                                       "Your positions would then be marked with made-up prices. "
                                       "Your book and journal stay as they are.")
                                   : _("The demo data replaces the SPX, VIX and VIX futures history you have. "
                                       "Import your files again to get it back."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "replace", _("_Replace"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "replace", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (demo_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
load_demo_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  alvh_window_request_load_demo (ALVH_WINDOW (widget));
}

void
alvh_window_load_demo (AlvhWindow *self)
{
  g_return_if_fail (ALVH_IS_WINDOW (self));

  /* keeps the series and stores them in market.sqlite (survives a restart) */
  alvh_market_service_load_demo (alvh_context_get_market (self->context));
  alvh_window_add_toast (self, _("Demo data loaded: ten years of daily SPX, VIX, VIX futures, VVIX and breadth"));
}

void
_alvh_window_load_stored_market (AlvhWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!alvh_market_service_load_stored_market (alvh_context_get_market (self->context), &error) &&
      error != NULL)
    alvh_window_add_toast (self, error->message);
}

static void
import_finished_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(AlvhWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;

  summary = alvh_market_service_import_finish (ALVH_MARKET_SERVICE (object), result, &error);
  if (summary == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _alvh_window_show_error (self, _("Import Failed"), error->message);
      return;
    }
  alvh_window_add_toast (self, summary);
}

void
alvh_window_import_files (AlvhWindow  *self,
                          GFile      **files,
                          int          n_files)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

  g_return_if_fail (ALVH_IS_WINDOW (self));

  for (int i = 0; i < n_files; i++)
    {
      char *path = g_file_get_path (files[i]);

      if (path == NULL)
        {
          g_autofree char *uri = g_file_get_uri (files[i]);
          g_autofree char *msg = g_strdup_printf (_("%s is not a local file"), uri);
          _alvh_window_show_error (self, _("Import Failed"), msg);
          return;
        }
      g_ptr_array_add (paths, path);
    }
  /* brokers' statements (recognised by their header) become fills */
  {
    GPtrArray *market = _alvh_window_import_statements (self, paths);

    g_ptr_array_unref (paths);
    paths = market;
  }
  if (paths->len == 0)
    return;
  g_ptr_array_add (paths, NULL);

  alvh_market_service_import_async (alvh_context_get_market (self->context), (const char * const *) paths->pdata,
                             self->cancellable, import_finished_cb, g_object_ref (self));
}

static void
import_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    AlvhWindow      *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
      guint n = g_list_model_get_n_items (files);
      g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < n; i++)
        g_ptr_array_add (array, g_list_model_get_item (files, i));
      alvh_window_import_files (self, (GFile **) array->pdata, (int) array->len);
    }
  g_object_unref (dialog);
}

static void
import_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  AlvhWindow *self = ALVH_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Import Market Data"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Import"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  alvh_form_add_csv_filter (GTK_FILE_CHOOSER (chooser));
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (import_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         AlvhWindow    *self)
{
  GSList *list;
  g_autoptr(GPtrArray) files = g_ptr_array_new ();

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  list = g_value_get_boxed (value);
  for (GSList *l = list; l != NULL; l = l->next)
    g_ptr_array_add (files, l->data);
  alvh_window_import_files (self, (GFile **) files->pdata, (int) files->len);
  return TRUE;
}

void
_alvh_window_setup_drop (AlvhWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

void
_alvh_window_show_error (AlvhWindow *self,
                         const char *heading,
                         const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_alvh_window_class_actions_init (AlvhWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.page", "s", page_action_cb);
  gtk_widget_class_install_action (widget_class, "win.chart-time", "x", chart_time_action_cb);
  gtk_widget_class_install_action (widget_class, "win.load-demo", NULL, load_demo_action_cb);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action_cb);
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL, preferences_action_cb);
  gtk_widget_class_install_action (widget_class, "win.add-condor", NULL, add_condor_action_cb);
  gtk_widget_class_install_action (widget_class, "win.open-uri", "s", open_uri_action_cb);
  _alvh_window_install_follow_actions (widget_class);
  _alvh_window_install_export_actions (widget_class);
  _alvh_window_install_update_actions (widget_class);
}
