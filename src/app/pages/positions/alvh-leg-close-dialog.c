/* alvh-leg-close-dialog.c — close some or all of a VIX hedge leg */
#define G_LOG_DOMAIN "alvh-desk"

#include "config.h"

#include <glib/gi18n.h>

#include "alvh-form.h"
#include "alvh-leg-close-dialog.h"

struct _AlvhLegCloseDialog
{
  AdwMessageDialog  parent_instance;

  GtkWidget        *quantity_row;
  GtkWidget        *price_row;
  GtkWidget        *time_row;
  GtkWidget        *fees_row;

  AlvhContext      *context;
  gint64            id;
  double            open_quantity;
};

G_DEFINE_FINAL_TYPE (AlvhLegCloseDialog, alvh_leg_close_dialog, ADW_TYPE_MESSAGE_DIALOG)

static gboolean
close_values (AlvhLegCloseDialog *self,
              double             *qty,
              double             *price,
              gint64             *time,
              double             *fees)
{
  gboolean ok_q = alvh_form_get_whole (self->quantity_row, qty) && *qty <= self->open_quantity + 1e-9;
  gboolean ok_p = alvh_form_get_double (self->price_row, price) && *price >= 0;
  gboolean ok_t = alvh_form_get_datetime (self->time_row, time) && *time <= alvh_time_now () + 60;
  gboolean ok_f = alvh_form_get_double (self->fees_row, fees) && *fees >= 0;

  alvh_form_mark (self->quantity_row, !ok_q);
  alvh_form_mark (self->price_row, !ok_p);
  alvh_form_mark (self->time_row, !ok_t);
  alvh_form_mark (self->fees_row, !ok_f);
  return ok_q && ok_p && ok_t && ok_f;
}

static void
fields_changed_cb (AlvhLegCloseDialog *self)
{
  double q, p, fees;
  gint64 t;

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "close", close_values (self, &q, &p, &t, &fees));
}

static void
response_cb (AlvhLegCloseDialog *self,
             const char         *response)
{
  g_autoptr(GError) error = NULL;
  double q, p, fees;
  gint64 t;

  if (g_strcmp0 (response, "close") != 0 || !close_values (self, &q, &p, &t, &fees))
    return;
  if (!alvh_book_service_close_fill (alvh_context_get_book (self->context), self->id, FALSE, t, q, p, fees, &error))
    {
      GtkWidget *err = adw_message_dialog_new (gtk_window_get_transient_for (GTK_WINDOW (self)),
                                               _("Cannot Close the Hedge Leg"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (err), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (err));
    }
}

static void
alvh_leg_close_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ALVH_TYPE_LEG_CLOSE_DIALOG);
  G_OBJECT_CLASS (alvh_leg_close_dialog_parent_class)->dispose (object);
}

static void
alvh_leg_close_dialog_finalize (GObject *object)
{
  AlvhLegCloseDialog *self = ALVH_LEG_CLOSE_DIALOG (object);

  g_clear_object (&self->context);
  G_OBJECT_CLASS (alvh_leg_close_dialog_parent_class)->finalize (object);
}

static void
alvh_leg_close_dialog_class_init (AlvhLegCloseDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = alvh_leg_close_dialog_dispose;
  object_class->finalize = alvh_leg_close_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/alvhdesk/AlvhDesk/ui/pages/positions/alvh-leg-close-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AlvhLegCloseDialog, quantity_row);
  gtk_widget_class_bind_template_child (widget_class, AlvhLegCloseDialog, price_row);
  gtk_widget_class_bind_template_child (widget_class, AlvhLegCloseDialog, time_row);
  gtk_widget_class_bind_template_child (widget_class, AlvhLegCloseDialog, fees_row);
  gtk_widget_class_bind_template_callback (widget_class, fields_changed_cb);
}

static void
alvh_leg_close_dialog_init (AlvhLegCloseDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "response", G_CALLBACK (response_cb), NULL);
}

/**
 * alvh_leg_close_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @context: the context whose book service closes the leg
 * @leg: the leg (its id and open quantity are read)
 *
 * Returns: (transfer none): the dialog, not yet presented
 */
GtkWidget *
alvh_leg_close_dialog_new (GtkWindow            *parent,
                           AlvhContext          *context,
                           const AlvhLeg *leg)
{
  AlvhLegCloseDialog *self = g_object_new (ALVH_TYPE_LEG_CLOSE_DIALOG, "transient-for", parent, NULL);
  g_autofree char *body = NULL;

  self->context = g_object_ref (context);
  self->id = leg->id;
  self->open_quantity = leg->quantity - leg->closed_quantity;
  body = g_strdup_printf (_("%g of %g contracts are open. Enter how many to close and the fill price per contract."),
                          self->open_quantity, leg->quantity);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);
  /* this runs fields_changed_cb: Close stays off until there is a price,
   * and no row is marked before the user typed anything */
  alvh_form_set_datetime (self->time_row, alvh_time_now ());
  gtk_editable_set_text (GTK_EDITABLE (self->fees_row), "0");
  alvh_form_set_double (self->quantity_row, self->open_quantity);
  alvh_form_mark (self->quantity_row, FALSE);
  alvh_form_mark (self->price_row, FALSE);
  return GTK_WIDGET (self);
}
