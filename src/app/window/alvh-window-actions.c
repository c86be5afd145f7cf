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

static void
preferences_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  AlvhWindow *self = ALVH_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (alvh_preferences_window_new (GTK_WINDOW (self), self->context)));
}

static void
load_demo_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  alvh_window_load_demo (ALVH_WINDOW (widget));
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
  _alvh_window_install_follow_actions (widget_class);
  _alvh_window_install_export_actions (widget_class);
  _alvh_window_install_update_actions (widget_class);
}
