/* alvh-skip-dialog.c — skip the evaluator's decision, with a reason */
#define G_LOG_DOMAIN "alvh-desk"

#include "config.h"

#include <glib/gi18n.h>

#include "alvh-add-leg-dialog.h"
#include "alvh-skip-dialog.h"

struct _AlvhSkipDialog
{
  AdwMessageDialog  parent_instance;

  GtkWidget        *reason_row;

  AlvhContext      *context;
  GtkWidget        *toast_widget;  /* weak */
  AlvhDecision     *decision;
};

G_DEFINE_FINAL_TYPE (AlvhSkipDialog, alvh_skip_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
reason_changed_cb (AlvhSkipDialog *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reason_row))));

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "skip", *text != '\0');
}

static void
response_cb (AlvhSkipDialog *self,
             const char     *response)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (g_strcmp0 (response, "skip") != 0)
    return;
  if (alvh_decision_service_skip_decision (alvh_context_get_decisions (self->context), self->decision,
                                           gtk_editable_get_text (GTK_EDITABLE (self->reason_row)), &error) <= 0)
    text = g_strdup_printf (_("The decision was not recorded: %s"), error->message);
  else
    text = g_strdup (_("Decision recorded as skipped"));
  alvh_show_toast (self->toast_widget, text);
}

static void
alvh_skip_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ALVH_TYPE_SKIP_DIALOG);
  G_OBJECT_CLASS (alvh_skip_dialog_parent_class)->dispose (object);
}

static void
alvh_skip_dialog_finalize (GObject *object)
{
  AlvhSkipDialog *self = ALVH_SKIP_DIALOG (object);

  g_clear_object (&self->context);
  g_clear_weak_pointer (&self->toast_widget);
  g_clear_pointer (&self->decision, alvh_decision_free);
  G_OBJECT_CLASS (alvh_skip_dialog_parent_class)->finalize (object);
}

static void
alvh_skip_dialog_class_init (AlvhSkipDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = alvh_skip_dialog_dispose;
  object_class->finalize = alvh_skip_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/alvhdesk/AlvhDesk/ui/pages/evaluator/alvh-skip-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AlvhSkipDialog, reason_row);
  gtk_widget_class_bind_template_callback (widget_class, reason_changed_cb);
}

static void
alvh_skip_dialog_init (AlvhSkipDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "response", G_CALLBACK (response_cb), NULL);
}

/**
 * alvh_skip_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @toast_widget: (nullable): a widget inside the AdwToastOverlay that shows
 *   the outcome (held weakly)
 * @context: the context whose decision service records the decision
 * @decision: the decision to skip (copied)
 *
 * Returns: (transfer none): the dialog, not yet presented
 */
GtkWidget *
alvh_skip_dialog_new (GtkWindow          *parent,
                      GtkWidget          *toast_widget,
                      AlvhContext        *context,
                      const AlvhDecision *decision)
{
  AlvhSkipDialog *self = g_object_new (ALVH_TYPE_SKIP_DIALOG, "transient-for", parent, NULL);

  self->context = g_object_ref (context);
  g_set_weak_pointer (&self->toast_widget, toast_widget);
  self->decision = alvh_decision_copy (decision);
  return GTK_WIDGET (self);
}
