/* alvh-form-dialog.c — the skeleton of the entry dialogs */
#define G_LOG_DOMAIN "alvh-desk"

#include "config.h"

#include <stdarg.h>

#include <glib/gi18n.h>

#include "alvh-a11y.h"
#include "alvh-form.h"
#include "alvh-form-dialog.h"
#include "alvh-time.h"

typedef struct
{
  GtkWidget *save_button;
  GtkWidget *content_box;
  GtkWidget *error_label;
  char      *errors;   /* of the last validation */
} AlvhFormDialogPrivate;

static GtkBuildableIface *parent_buildable_iface;

static void alvh_form_dialog_buildable_init (GtkBuildableIface *iface);

G_DEFINE_TYPE_WITH_CODE (AlvhFormDialog, alvh_form_dialog, ADW_TYPE_WINDOW,
                         G_ADD_PRIVATE (AlvhFormDialog)
                         G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, alvh_form_dialog_buildable_init))

/* A subclass's <child> widgets go into the column, above the errors */
static void
alvh_form_dialog_add_child (GtkBuildable *buildable,
                            GtkBuilder   *builder,
                            GObject      *child,
                            const char   *type)
{
  AlvhFormDialogPrivate *priv = alvh_form_dialog_get_instance_private (ALVH_FORM_DIALOG (buildable));

  if (priv->content_box != NULL && type == NULL && GTK_IS_WIDGET (child))
    gtk_box_insert_child_after (GTK_BOX (priv->content_box), GTK_WIDGET (child),
                                gtk_widget_get_prev_sibling (priv->error_label));
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
alvh_form_dialog_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = alvh_form_dialog_add_child;
}

static void
save_clicked_cb (AlvhFormDialog *self)
{
  if (!alvh_form_dialog_validate (self))
    return;  /* never save broken entries */
  if (ALVH_FORM_DIALOG_GET_CLASS (self)->save != NULL)
    ALVH_FORM_DIALOG_GET_CLASS (self)->save (self);
}

static void
alvh_form_dialog_finalize (GObject *object)
{
  AlvhFormDialogPrivate *priv = alvh_form_dialog_get_instance_private (ALVH_FORM_DIALOG (object));

  g_clear_pointer (&priv->errors, g_free);
  G_OBJECT_CLASS (alvh_form_dialog_parent_class)->finalize (object);
}

static void
alvh_form_dialog_class_init (AlvhFormDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = alvh_form_dialog_finalize;
  /* No gtk_widget_dispose_template() for this class: with GTK 4.8 it aborts
   * (a bound child not found) when the subclass's dialog is disposed; the
   * window destroys its content, and with it these children, itself. */
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/alvhdesk/AlvhDesk/ui/widgets/alvh-form-dialog.ui");
  gtk_widget_class_bind_template_child_private (widget_class, AlvhFormDialog, save_button);
  gtk_widget_class_bind_template_child_private (widget_class, AlvhFormDialog, content_box);
  gtk_widget_class_bind_template_child_private (widget_class, AlvhFormDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
alvh_form_dialog_init (AlvhFormDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  alvh_a11y_label_mnemonic_buttons (GTK_WIDGET (self));
}

/**
 * alvh_form_dialog_get_save_button:
 * @self: the dialog
 *
 * Returns: (transfer none): the Save button (widget name "save")
 */
GtkWidget *
alvh_form_dialog_get_save_button (AlvhFormDialog *self)
{
  AlvhFormDialogPrivate *priv;

  g_return_val_if_fail (ALVH_IS_FORM_DIALOG (self), NULL);
  priv = alvh_form_dialog_get_instance_private (self);
  return priv->save_button;
}

/**
 * alvh_form_dialog_set_errors:
 * @self: the dialog
 * @errors: (nullable): what is wrong, one problem a line; NULL or "" when
 *   the entries are valid
 *
 * Lists the problems under the groups and makes Save sensitive only without
 * them, so that broken entries are never saved.
 */
void
alvh_form_dialog_set_errors (AlvhFormDialog *self,
                             const char     *errors)
{
  AlvhFormDialogPrivate *priv;
  gboolean valid = errors == NULL || *errors == '\0';

  g_return_if_fail (ALVH_IS_FORM_DIALOG (self));
  priv = alvh_form_dialog_get_instance_private (self);
  gtk_widget_set_sensitive (priv->save_button, valid);
  gtk_label_set_text (GTK_LABEL (priv->error_label), errors != NULL ? errors : "");
  gtk_widget_set_visible (priv->error_label, !valid);
}

/**
 * alvh_form_dialog_show_error:
 * @self: the dialog
 * @message: why saving failed
 *
 * Shows @message where the problems are listed (Save stays as it is).
 */
void
alvh_form_dialog_show_error (AlvhFormDialog *self,
                             const char     *message)
{
  AlvhFormDialogPrivate *priv;

  g_return_if_fail (ALVH_IS_FORM_DIALOG (self));
  priv = alvh_form_dialog_get_instance_private (self);
  gtk_label_set_text (GTK_LABEL (priv->error_label), message);
  gtk_widget_set_visible (priv->error_label, TRUE);
}

/**
 * alvh_form_dialog_hide_errors:
 * @self: the dialog
 *
 * Hides the problems (a new, untouched form shows none).
 */
void
alvh_form_dialog_hide_errors (AlvhFormDialog *self)
{
  AlvhFormDialogPrivate *priv;

  g_return_if_fail (ALVH_IS_FORM_DIALOG (self));
  priv = alvh_form_dialog_get_instance_private (self);
  gtk_widget_set_visible (priv->error_label, FALSE);
}

gboolean
alvh_form_dialog_validate (AlvhFormDialog *self)
{
  AlvhFormDialogPrivate *priv;
  g_autoptr(GString) errors = g_string_new (NULL);
  gboolean valid = TRUE;

  g_return_val_if_fail (ALVH_IS_FORM_DIALOG (self), FALSE);
  priv = alvh_form_dialog_get_instance_private (self);
  if (ALVH_FORM_DIALOG_GET_CLASS (self)->validate != NULL)
    valid = ALVH_FORM_DIALOG_GET_CLASS (self)->validate (self, errors);
  g_free (priv->errors);
  priv->errors = g_strdup (errors->str);
  return valid && errors->len == 0;
}

void
alvh_form_dialog_changed (AlvhFormDialog *self)
{
  g_return_if_fail (ALVH_IS_FORM_DIALOG (self));
  alvh_form_dialog_validate (self);
  alvh_form_dialog_set_errors (self, alvh_form_dialog_get_errors (self));
}

const char *
alvh_form_dialog_get_errors (AlvhFormDialog *self)
{
  AlvhFormDialogPrivate *priv;

  g_return_val_if_fail (ALVH_IS_FORM_DIALOG (self), NULL);
  priv = alvh_form_dialog_get_instance_private (self);
  return priv->errors != NULL ? priv->errors : "";
}

void
alvh_form_dialog_start_quiet (AlvhFormDialog  *self,
                              GtkWidget      **rows,
                              guint            n_rows)
{
  g_return_if_fail (ALVH_IS_FORM_DIALOG (self));
  /* no errors shown before the user typed anything */
  for (guint i = 0; i < n_rows; i++)
    alvh_form_mark (rows[i], FALSE);
  alvh_form_dialog_hide_errors (self);
}

void
alvh_form_dialog_finish (AlvhFormDialog *self,
                         gboolean        ok,
                         const GError   *error)
{
  g_return_if_fail (ALVH_IS_FORM_DIALOG (self));
  if (!ok)
    {
      alvh_form_dialog_show_error (self, error != NULL ? error->message : "");
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

void
alvh_form_add_error (GString    *errors,
                     const char *format,
                     ...)
{
  va_list args;

  if (errors->len > 0)
    g_string_append_c (errors, '\n');
  va_start (args, format);
  g_string_append_vprintf (errors, format, args);
  va_end (args);
}

gboolean
alvh_form_check_opened (GtkWidget *row,
                        gint64    *out,
                        GString   *errors)
{
  gboolean ok = alvh_form_get_datetime (row, out);

  if (!ok)
    alvh_form_add_error (errors, "%s", _("Opened: enter the fill's date and time as YYYY-MM-DD HH:MM (New York)"));
  else if (*out > alvh_time_now () + 60)
    {
      ok = FALSE;
      alvh_form_add_error (errors, "%s", _("Opened: the time lies in the future"));
    }
  alvh_form_mark (row, !ok);
  return ok;
}

gboolean
alvh_form_check_expiry (GtkWidget  *row,
                        gboolean    opened_ok,
                        gint64      opened,
                        const char *before_opened,
                        gint64     *out,
                        GString    *errors)
{
  gboolean ok = alvh_form_get_date (row, out);

  if (!ok)
    alvh_form_add_error (errors, "%s", _("Expiry: enter a date as YYYY-MM-DD"));
  else if (opened_ok && alvh_time_ny_day (*out) < alvh_time_ny_day (opened))
    {
      ok = FALSE;
      alvh_form_add_error (errors, "%s", before_opened);
    }
  alvh_form_mark (row, !ok);
  return ok;
}

gboolean
alvh_form_check_fees (GtkWidget *row,
                      double    *out,
                      GString   *errors)
{
  gboolean ok = alvh_form_get_double (row, out) && *out >= 0;

  if (!ok)
    alvh_form_add_error (errors, "%s", _("Fees: enter the dollars paid, 0 or more"));
  alvh_form_mark (row, !ok);
  return ok;
}
