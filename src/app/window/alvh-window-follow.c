/* alvh-window-follow.c — the window's live mode actions: win.follow-file, win.stop-following
 *
 * The AlvhLiveFollow lives on the window as object data "alvh-live-follow";
 * the followed path is kept in the follow-file setting.
 */
#define G_LOG_DOMAIN "alvh-desk"

#include "config.h"

#include <glib/gi18n.h>

#include "alvh-live-follow.h"
#include "alvh-window-follow.h"
#include "alvh-form.h"
#include "alvh-window-private.h"

#define FOLLOW_KEY "alvh-live-follow"

static void
bars_added_cb (AlvhLiveFollow *follow,
               guint           n,
               AlvhWindow     *self)
{
  g_autofree char *msg = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new bar from the followed file",
                                                       "%u new bars from the followed file", n), n);
  alvh_window_add_toast (self, msg);
}

static void
follow_error_cb (AlvhLiveFollow *follow,
                 const char     *message,
                 AlvhWindow     *self)
{
  g_autofree char *msg = g_strdup_printf (_("Followed file: %s"), message);
  alvh_window_add_toast (self, msg);
}

static void
alert_cb (AlvhLiveFollow *follow,
          const char     *title,
          const char     *body,
          AlvhWindow     *self)
{
  alvh_window_add_toast (self, title);
}

/* Follows path (NULL: stops) and remembers it in the settings. */
static gboolean
window_follow (AlvhWindow *self,
               const char *path)
{
  AlvhLiveFollow *follow = g_object_get_data (G_OBJECT (self), FOLLOW_KEY);
  GSettings *settings = self->settings;
  g_autoptr(GError) error = NULL;

  if (follow == NULL)
    {
      follow = alvh_live_follow_new (self->context);
      g_signal_connect_object (follow, "bars-added", G_CALLBACK (bars_added_cb), self, 0);
      g_signal_connect_object (follow, "error", G_CALLBACK (follow_error_cb), self, 0);
      g_signal_connect_object (follow, "alert", G_CALLBACK (alert_cb), self, 0);
      g_object_set_data_full (G_OBJECT (self), FOLLOW_KEY, follow, g_object_unref);
    }
  if (!alvh_live_follow_set_path (follow, path, &error))
    {
      _alvh_window_show_error (self, _("Cannot Follow the File"), error->message);
      return FALSE;
    }
  if (settings != NULL)
    g_settings_set_string (settings, "follow-file", path ? path : "");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.stop-following", path != NULL);
  if (path != NULL)
    {
      g_autofree char *base = g_path_get_basename (path);
      g_autofree char *msg = g_strdup_printf (_("Following %s"), base);
      alvh_window_add_toast (self, msg);
    }
  return TRUE;
}

static void
follow_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    AlvhWindow      *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path != NULL)
        window_follow (self, path);
    }
  g_object_unref (dialog);
}

static void
follow_file_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  AlvhWindow *self = ALVH_WINDOW (widget);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Follow a CSV File"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Follow"), _("_Cancel"));
  alvh_form_add_csv_filter (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (follow_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
stop_following_action_cb (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  window_follow (ALVH_WINDOW (widget), NULL);
}

/* Resumes following the file named in the follow-file setting (call once the
 * window belongs to its application, e.g. from restore_state). */
void
_alvh_window_resume_follow (AlvhWindow *self)
{
  GSettings *settings = self->settings;
  g_autofree char *path = settings ? g_settings_get_string (settings, "follow-file") : NULL;

  if (path != NULL && *path != '\0' && g_file_test (path, G_FILE_TEST_IS_REGULAR))
    window_follow (self, path);
}

/* For tests: follow path without the file chooser. */
gboolean
_alvh_window_follow_path (AlvhWindow *self,
                          const char *path)
{
  return window_follow (self, path);
}

void
_alvh_window_install_follow_actions (GtkWidgetClass *klass)
{
  gtk_widget_class_install_action (klass, "win.follow-file", NULL, follow_file_action_cb);
  gtk_widget_class_install_action (klass, "win.stop-following", NULL, stop_following_action_cb);
}
