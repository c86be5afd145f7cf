/* alvh-account-dialog.c — create an account and make it active */
#define G_LOG_DOMAIN "alvh-desk"

#include "config.h"

#include <glib/gi18n.h>

#include "alvh-account-dialog.h"

struct _AlvhAccountDialog
{
  AdwMessageDialog  parent_instance;

  GtkWidget        *name_row;

  AlvhContext      *context;
};

G_DEFINE_FINAL_TYPE (AlvhAccountDialog, alvh_account_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
name_changed_cb (AlvhAccountDialog *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "create", *text != '\0');
}

static void
response_cb (AlvhAccountDialog *self,
             const char        *response)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "create") != 0)
    return;
  if (alvh_book_service_create_account (alvh_context_get_book (self->context),
                                        gtk_editable_get_text (GTK_EDITABLE (self->name_row)), &error) <= 0)
    {
      GtkWidget *err = adw_message_dialog_new (gtk_window_get_transient_for (GTK_WINDOW (self)),
                                               _("Cannot Create the Account"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (err), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (err));
    }
}

static void
alvh_account_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ALVH_TYPE_ACCOUNT_DIALOG);
  G_OBJECT_CLASS (alvh_account_dialog_parent_class)->dispose (object);
}

static void
alvh_account_dialog_finalize (GObject *object)
{
  AlvhAccountDialog *self = ALVH_ACCOUNT_DIALOG (object);

  g_clear_object (&self->context);
  G_OBJECT_CLASS (alvh_account_dialog_parent_class)->finalize (object);
}

static void
alvh_account_dialog_class_init (AlvhAccountDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = alvh_account_dialog_dispose;
  object_class->finalize = alvh_account_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/alvhdesk/AlvhDesk/ui/pages/positions/alvh-account-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AlvhAccountDialog, name_row);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);
}

static void
alvh_account_dialog_init (AlvhAccountDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "response", G_CALLBACK (response_cb), NULL);
}

/**
 * alvh_account_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @context: the context whose book service creates the account
 *
 * Returns: (transfer none): the dialog, not yet presented
 */
GtkWidget *
alvh_account_dialog_new (GtkWindow   *parent,
                         AlvhContext *context)
{
  AlvhAccountDialog *self = g_object_new (ALVH_TYPE_ACCOUNT_DIALOG, "transient-for", parent, NULL);

  self->context = g_object_ref (context);
  return GTK_WIDGET (self);
}
