/* alvh-condor-close-dialog.c — close an SPX iron condor at a price */
#define G_LOG_DOMAIN "alvh-desk"

#include "config.h"

#include <glib/gi18n.h>

#include "alvh-condor-close-dialog.h"
#include "alvh-form.h"

struct _AlvhCondorCloseDialog
{
  AdwMessageDialog  parent_instance;

  GtkWidget        *price_row;
  GtkWidget        *time_row;
  GtkWidget        *fees_row;

  AlvhContext      *context;
  gint64            id;
};

G_DEFINE_FINAL_TYPE (AlvhCondorCloseDialog, alvh_condor_close_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* The fill: its price, time (any past time, New York) and fees. */
static gboolean
close_values (AlvhCondorCloseDialog *self,
              double                *price,
              gint64                *time,
              double                *fees)
{
  gboolean ok_p = alvh_form_get_double (self->price_row, price) && *price >= 0;
  gboolean ok_t = alvh_form_get_datetime (self->time_row, time) && *time <= alvh_time_now () + 60;
  gboolean ok_f = alvh_form_get_double (self->fees_row, fees) && *fees >= 0;

  alvh_form_mark (self->price_row, !ok_p);
  alvh_form_mark (self->time_row, !ok_t);
  alvh_form_mark (self->fees_row, !ok_f);
  return ok_p && ok_t && ok_f;
}

static void
price_changed_cb (AlvhCondorCloseDialog *self)
{
  double p, fees;
  gint64 t;

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "close", close_values (self, &p, &t, &fees));
}

static void
response_cb (AlvhCondorCloseDialog *self,
             const char            *response)
{
  g_autoptr(GError) error = NULL;
  double price, fees;
  gint64 t;

  if (g_strcmp0 (response, "close") != 0 || !close_values (self, &price, &t, &fees))
    return;
  if (!alvh_book_service_close_fill (alvh_context_get_book (self->context), self->id, TRUE, t, 0, price, fees, &error))
    {
      GtkWidget *err = adw_message_dialog_new (gtk_window_get_transient_for (GTK_WINDOW (self)),
                                               _("Cannot Close the Condor"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (err), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (err));
    }
}

static void
alvh_condor_close_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ALVH_TYPE_CONDOR_CLOSE_DIALOG);
  G_OBJECT_CLASS (alvh_condor_close_dialog_parent_class)->dispose (object);
}

static void
alvh_condor_close_dialog_finalize (GObject *object)
{
  AlvhCondorCloseDialog *self = ALVH_CONDOR_CLOSE_DIALOG (object);

  g_clear_object (&self->context);
  G_OBJECT_CLASS (alvh_condor_close_dialog_parent_class)->finalize (object);
}

static void
alvh_condor_close_dialog_class_init (AlvhCondorCloseDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = alvh_condor_close_dialog_dispose;
  object_class->finalize = alvh_condor_close_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/alvhdesk/AlvhDesk/ui/pages/positions/alvh-condor-close-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AlvhCondorCloseDialog, price_row);
  gtk_widget_class_bind_template_child (widget_class, AlvhCondorCloseDialog, time_row);
  gtk_widget_class_bind_template_child (widget_class, AlvhCondorCloseDialog, fees_row);
  gtk_widget_class_bind_template_callback (widget_class, price_changed_cb);
}

static void
alvh_condor_close_dialog_init (AlvhCondorCloseDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "response", G_CALLBACK (response_cb), NULL);
}

/**
 * alvh_condor_close_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @context: the context whose book service closes the condor
 * @condor: the condor to close (its id and legs are read)
 *
 * Returns: (transfer none): the dialog, not yet presented
 */
GtkWidget *
alvh_condor_close_dialog_new (GtkWindow               *parent,
                              AlvhContext             *context,
                              const AlvhCondor *condor)
{
  AlvhCondorCloseDialog *self = g_object_new (ALVH_TYPE_CONDOR_CLOSE_DIALOG, "transient-for", parent, NULL);
  g_autofree char *body = NULL;

  self->context = g_object_ref (context);
  self->id = condor->id;
  body = g_strdup_printf (_("Close %g × %g/%g/%g/%g. Its hedge legs stay open until you close them. "
                            "Enter the price paid per unit to buy the condor back."),
                          condor->units, condor->long_put, condor->short_put,
                          condor->short_call, condor->long_call);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);
  alvh_form_set_datetime (self->time_row, alvh_time_now ());
  gtk_editable_set_text (GTK_EDITABLE (self->fees_row), "0");
  alvh_form_mark (self->price_row, FALSE);
  return GTK_WIDGET (self);
}
