/* alvh-add-leg-dialog.c — confirm the evaluator's proposed leg; toasts and leg descriptions for the evaluator's dialogs */
#define G_LOG_DOMAIN "alvh-desk"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "alvh-add-leg-dialog.h"
#include "alvh-form.h"

struct _AlvhAddLegDialog
{
  AdwMessageDialog  parent_instance;

  GtkWidget        *price_row;
  GtkWidget        *size_row;
  GtkWidget        *note_row;

  AlvhContext      *context;
  GtkWidget        *toast_widget;  /* weak */
  AlvhDecision     *decision;
};

G_DEFINE_FINAL_TYPE (AlvhAddLegDialog, alvh_add_leg_dialog, ADW_TYPE_MESSAGE_DIALOG)

void
alvh_show_toast (GtkWidget  *inside,
                 const char *text)
{
  GtkWidget *overlay;
  AdwToast *toast;

  if (inside == NULL)
    return;
  overlay = gtk_widget_get_ancestor (inside, ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL)
    {
      g_message ("%s", text);
      return;
    }
  toast = adw_toast_new (text);
  adw_toast_set_timeout (toast, 5);
  /* the answer to what the user just did: shown at once, not queued */
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

char *
alvh_describe_leg (const AlvhLeg *leg)
{
  g_autofree char *date = alvh_time_format_ny_date (leg->expiry);

  switch (leg->kind)
    {
    case ALVH_LEG_VIX_CALL_SPREAD:
      return g_strdup_printf (_("VIX call spread %g/%g, expiring %s"), leg->long_strike, leg->short_strike, date);
    case ALVH_LEG_VIX_CALL:
      return g_strdup_printf (_("VIX call %g, expiring %s"), leg->long_strike, date);
    case ALVH_LEG_VIX_PUT:
      return g_strdup_printf (_("VIX put %g, expiring %s"), leg->long_strike, date);
    case ALVH_LEG_SPX_PUT:
      return g_strdup_printf (_("SPX put %g, expiring %s"), leg->long_strike, date);
    case ALVH_LEG_SPX_PUT_SPREAD:
      return g_strdup_printf (_("SPX put spread %g/%g, expiring %s"), leg->long_strike, leg->short_strike, date);
    case ALVH_LEG_VIX_FUTURE:
    default:
      return g_strdup_printf (_("VIX future, expiring %s"), date);
    }
}

static gboolean
values (AlvhAddLegDialog *self,
        double           *price,
        double           *size)
{
  gboolean ok_p = alvh_form_get_double (self->price_row, price) && *price >= 0;
  gboolean ok_s = alvh_form_get_double (self->size_row, size) && *size > 0;

  alvh_form_mark (self->price_row, !ok_p);
  alvh_form_mark (self->size_row, !ok_s);
  return ok_p && ok_s;
}

static void
fields_changed_cb (AlvhAddLegDialog *self)
{
  double p, s;

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "add", values (self, &p, &s));
}

static void
response_cb (AlvhAddLegDialog *self,
             const char       *response)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  double price, size;

  if (g_strcmp0 (response, "add") != 0 || !values (self, &price, &size))
    return;
  if (alvh_decision_service_add_leg_from_decision (alvh_context_get_decisions (self->context), self->decision,
                                                   price, size,
                                                   gtk_editable_get_text (GTK_EDITABLE (self->note_row)),
                                                   NULL, &error) <= 0)
    text = g_strdup_printf (_("The leg was not added: %s"), error->message);
  else
    {
      g_autofree char *money = alvh_format_money (price * size * 100, ALVH_MONEY_CENTS);

      text = g_strdup_printf (_("Layer %u added: %g contracts at %.2f (%s), recorded in the journal"),
                              self->decision->layer, size, price, money);
    }
  alvh_show_toast (self->toast_widget, text);
}

static void
alvh_add_leg_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ALVH_TYPE_ADD_LEG_DIALOG);
  G_OBJECT_CLASS (alvh_add_leg_dialog_parent_class)->dispose (object);
}

static void
alvh_add_leg_dialog_finalize (GObject *object)
{
  AlvhAddLegDialog *self = ALVH_ADD_LEG_DIALOG (object);

  g_clear_object (&self->context);
  g_clear_weak_pointer (&self->toast_widget);
  g_clear_pointer (&self->decision, alvh_decision_free);
  G_OBJECT_CLASS (alvh_add_leg_dialog_parent_class)->finalize (object);
}

static void
alvh_add_leg_dialog_class_init (AlvhAddLegDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = alvh_add_leg_dialog_dispose;
  object_class->finalize = alvh_add_leg_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/alvhdesk/AlvhDesk/ui/pages/evaluator/alvh-add-leg-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AlvhAddLegDialog, price_row);
  gtk_widget_class_bind_template_child (widget_class, AlvhAddLegDialog, size_row);
  gtk_widget_class_bind_template_child (widget_class, AlvhAddLegDialog, note_row);
  gtk_widget_class_bind_template_callback (widget_class, fields_changed_cb);
}

static void
alvh_add_leg_dialog_init (AlvhAddLegDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "response", G_CALLBACK (response_cb), NULL);
}

/**
 * alvh_add_leg_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @toast_widget: (nullable): a widget inside the AdwToastOverlay that shows
 *   the outcome (held weakly)
 * @context: the context whose decision service books the leg
 * @decision: the decision with the proposed leg (copied)
 *
 * Returns: (transfer none): the dialog, not yet presented
 */
GtkWidget *
alvh_add_leg_dialog_new (GtkWindow          *parent,
                         GtkWidget          *toast_widget,
                         AlvhContext        *context,
                         const AlvhDecision *decision)
{
  AlvhAddLegDialog *self = g_object_new (ALVH_TYPE_ADD_LEG_DIALOG, "transient-for", parent, NULL);
  g_autofree char *leg = alvh_describe_leg (&decision->leg);
  g_autofree char *cost = alvh_format_money (decision->estimated_cost, ALVH_MONEY_CENTS);
  g_autofree char *body = NULL;

  self->context = g_object_ref (context);
  g_set_weak_pointer (&self->toast_widget, toast_widget);
  self->decision = alvh_decision_copy (decision);

  body = g_strdup_printf (_("Layer %u: %s, %g contracts, estimated cost %s. "
                            "Enter the fill you got; the decision, the leg and the signals behind it go into the journal."),
                          decision->layer, leg, decision->size, cost);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);
  alvh_form_set_double (self->price_row, round (decision->leg.premium * 100) / 100);
  alvh_form_set_double (self->size_row, decision->size);
  fields_changed_cb (self);
  return GTK_WIDGET (self);
}
