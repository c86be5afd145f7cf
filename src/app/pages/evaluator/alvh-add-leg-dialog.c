/* alvh-add-leg-dialog.c — confirm the evaluator's proposed leg, or skip it */
#define G_LOG_DOMAIN "alvh-desk"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "alvh-add-leg-dialog.h"
#include "alvh-form.h"

typedef struct
{
  AlvhContext  *context;
  GtkWidget    *toast_widget;  /* weak */
  AlvhDecision *decision;
  GtkWidget    *price;
  GtkWidget    *size;
  GtkWidget    *note;
} DialogData;

static void
dialog_data_free (DialogData *data)
{
  g_object_unref (data->context);
  g_clear_weak_pointer (&data->toast_widget);
  alvh_decision_free (data->decision);
  g_free (data);
}

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
alvh_describe_leg (const AlvhHedgeLeg *leg)
{
  g_autofree char *date = alvh_time_format_ny_date (leg->vix_expiry);

  switch (leg->kind)
    {
    case ALVH_HEDGE_VIX_CALL_SPREAD:
      return g_strdup_printf (_("VIX call spread %g/%g, expiring %s"), leg->long_strike, leg->short_strike, date);
    case ALVH_HEDGE_VIX_CALL:
      return g_strdup_printf (_("VIX call %g, expiring %s"), leg->long_strike, date);
    case ALVH_HEDGE_VIX_FUTURE:
    default:
      return g_strdup_printf (_("VIX future, expiring %s"), date);
    }
}

static gboolean
values (DialogData *data,
        double     *price,
        double     *size)
{
  gboolean ok_p = alvh_form_get_double (data->price, price) && *price >= 0;
  gboolean ok_s = alvh_form_get_double (data->size, size) && *size > 0;

  alvh_form_mark (data->price, !ok_p);
  alvh_form_mark (data->size, !ok_s);
  return ok_p && ok_s;
}

static void
changed_cb (AdwMessageDialog *dialog)
{
  DialogData *data = g_object_get_data (G_OBJECT (dialog), "dialog-data");
  double p, s;

  adw_message_dialog_set_response_enabled (dialog, "add", values (data, &p, &s));
}

static void
add_response_cb (AdwMessageDialog *dialog,
                 const char       *response,
                 DialogData       *data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  double price, size;

  if (g_strcmp0 (response, "add") != 0 || !values (data, &price, &size))
    return;
  if (alvh_decision_service_add_leg_from_decision (alvh_context_get_decisions (data->context), data->decision, price, size,
                                          gtk_editable_get_text (GTK_EDITABLE (data->note)),
                                          NULL, &error) <= 0)
    text = g_strdup_printf (_("The leg was not added: %s"), error->message);
  else
    {
      g_autofree char *money = alvh_format_money (price * size * 100);

      text = g_strdup_printf (_("Layer %u added: %g contracts at %.2f (%s), recorded in the journal"),
                              data->decision->layer, size, price, money);
    }
  alvh_show_toast (data->toast_widget, text);
}

static GtkWidget *
make_list (void)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  return list;
}

GtkWidget *
alvh_add_leg_dialog_new (GtkWindow          *parent,
                         GtkWidget          *toast_widget,
                         AlvhContext        *context,
                         const AlvhDecision *decision)
{
  DialogData *data = g_new0 (DialogData, 1);
  g_autofree char *leg = alvh_describe_leg (&decision->leg);
  g_autofree char *cost = alvh_format_money (decision->estimated_cost);
  g_autofree char *body = NULL;
  GtkWidget *dialog, *list;

  data->context = g_object_ref (context);
  g_set_weak_pointer (&data->toast_widget, toast_widget);
  data->decision = alvh_decision_copy (decision);

  body = g_strdup_printf (_("Layer %u: %s, %g contracts, estimated cost %s. "
                            "Enter the fill you got; the decision, the leg and the signals behind it go into the journal."),
                          decision->layer, leg, decision->size, cost);
  dialog = adw_message_dialog_new (parent, _("Add This Hedge Leg?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "add", _("_Add Leg"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  list = make_list ();
  data->price = alvh_form_entry_row (_("Fill price per contract (points)"), "fill-price");
  alvh_form_set_double (data->price, round (decision->leg.premium * 100) / 100);
  data->size = alvh_form_entry_row (_("Size (contracts)"), "size");
  alvh_form_set_double (data->size, decision->size);
  data->note = alvh_form_entry_row (_("Note"), "note");
  gtk_list_box_append (GTK_LIST_BOX (list), data->price);
  gtk_list_box_append (GTK_LIST_BOX (list), data->size);
  gtk_list_box_append (GTK_LIST_BOX (list), data->note);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  g_object_set_data (G_OBJECT (dialog), "dialog-data", data);
  g_signal_connect_swapped (data->price, "changed", G_CALLBACK (changed_cb), dialog);
  g_signal_connect_swapped (data->size, "changed", G_CALLBACK (changed_cb), dialog);
  changed_cb (ADW_MESSAGE_DIALOG (dialog));
  g_signal_connect_data (dialog, "response", G_CALLBACK (add_response_cb), data,
                         (GClosureNotify) (void (*) (void)) dialog_data_free, 0);
  return dialog;
}

static void
skip_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  DialogData       *data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (g_strcmp0 (response, "skip") != 0)
    return;
  if (alvh_decision_service_skip_decision (alvh_context_get_decisions (data->context), data->decision,
                                  gtk_editable_get_text (GTK_EDITABLE (data->note)), &error) <= 0)
    text = g_strdup_printf (_("The decision was not recorded: %s"), error->message);
  else
    text = g_strdup (_("Decision recorded as skipped"));
  alvh_show_toast (data->toast_widget, text);
}

static void
reason_changed_cb (GtkEditable      *entry,
                   AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "skip", *text != '\0');
}

GtkWidget *
alvh_skip_dialog_new (GtkWindow          *parent,
                      GtkWidget          *toast_widget,
                      AlvhContext        *context,
                      const AlvhDecision *decision)
{
  DialogData *data = g_new0 (DialogData, 1);
  GtkWidget *dialog, *list;

  data->context = g_object_ref (context);
  g_set_weak_pointer (&data->toast_widget, toast_widget);
  data->decision = alvh_decision_copy (decision);

  dialog = adw_message_dialog_new (parent, _("Skip This Decision?"),
                                   _("The decision is recorded in the journal as skipped, with your reason, "
                                     "so that the review can compare followed and overridden decisions."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "skip", _("_Skip"),
                                    NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "skip");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  list = make_list ();
  data->note = alvh_form_entry_row (_("Reason"), "reason");
  gtk_list_box_append (GTK_LIST_BOX (list), data->note);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "skip", FALSE);
  g_signal_connect (data->note, "changed", G_CALLBACK (reason_changed_cb), dialog);
  g_signal_connect_data (dialog, "response", G_CALLBACK (skip_response_cb), data,
                         (GClosureNotify) (void (*) (void)) dialog_data_free, 0);
  return dialog;
}
