/* alvh-leg-dialog.c — enter, edit or partly close a VIX hedge leg
 *
 * Kinds: VIX call, VIX call spread, VIX future.  A future has no strike: its
 * premium is the entry price.  Every change is validated and the Save button
 * stays insensitive while anything is broken.
 */
#define G_LOG_DOMAIN "alvh-desk"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "alvh-calendar.h"
#include "alvh-form.h"
#include "alvh-form-dialog.h"
#include "alvh-leg-dialog.h"

typedef struct
{
  AlvhLegKind kind;
  double long_strike, short_strike;
  gint64 expiry, opened;
  double premium, quantity, fees;
} Fields;

struct _AlvhLegDialog
{
  AlvhFormDialog  parent_instance;

  AlvhContext    *context;
  AlvhLeg *leg;        /* the edited leg or NULL */
  GArray         *condor_ids; /* gint64, index = combo position (0 = none) */

  GtkWidget      *kind;
  GtkWidget      *condor;
  GtkWidget      *long_strike;
  GtkWidget      *short_strike;
  GtkWidget      *expiry;
  GtkSpinButton  *layer;
  GtkWidget      *premium;
  GtkWidget      *quantity;
  GtkWidget      *opened;
  GtkWidget      *fees;
  Fields          f;  /* as last validated */
};

G_DEFINE_FINAL_TYPE (AlvhLegDialog, alvh_leg_dialog, ALVH_TYPE_FORM_DIALOG)

static const AlvhLegKind kinds[] = { ALVH_LEG_VIX_CALL_SPREAD, ALVH_LEG_VIX_CALL, ALVH_LEG_VIX_FUTURE };

static AlvhLegKind
selected_kind (AlvhLegDialog *self)
{
  guint i = adw_combo_row_get_selected (ADW_COMBO_ROW (self->kind));

  return i < G_N_ELEMENTS (kinds) ? kinds[i] : ALVH_LEG_VIX_CALL_SPREAD;
}

static gboolean
alvh_leg_dialog_validate (AlvhFormDialog *dialog,
                          GString        *err)
{
  AlvhLegDialog *self = ALVH_LEG_DIALOG (dialog);
  Fields *f = &self->f;
  gboolean ok_long = TRUE, ok_short = TRUE, ok_prem, ok_qty, ok_opened;

#define ADD_ERR(...) alvh_form_add_error (err, __VA_ARGS__)

  f->kind = selected_kind (self);
  f->long_strike = NAN;
  f->short_strike = NAN;
  if (f->kind != ALVH_LEG_VIX_FUTURE)
    {
      ok_long = alvh_form_get_double (self->long_strike, &f->long_strike) && f->long_strike > 0;
      if (!ok_long)
        ADD_ERR (_("Strike: enter a VIX strike above 0"));
    }
  if (f->kind == ALVH_LEG_VIX_CALL_SPREAD)
    {
      ok_short = alvh_form_get_double (self->short_strike, &f->short_strike) && f->short_strike > 0;
      if (!ok_short)
        ADD_ERR (_("Short strike: enter a VIX strike above 0"));
      else if (ok_long && !(f->short_strike > f->long_strike))
        {
          ok_short = FALSE;
          ADD_ERR (_("Short strike: a call spread sells the higher strike (short > long)"));
        }
    }
  alvh_form_mark (self->long_strike, !ok_long);
  alvh_form_mark (self->short_strike, !ok_short);

  ok_opened = alvh_form_check_opened (self->opened, &f->opened, err);
  alvh_form_check_expiry (self->expiry, ok_opened, f->opened,
                          _("Expiry: the date lies before the leg was opened"), &f->expiry, err);

  ok_prem = alvh_form_get_double (self->premium, &f->premium) && f->premium > 0;
  if (!ok_prem)
    ADD_ERR (f->kind == ALVH_LEG_VIX_FUTURE ? _("Entry price: enter a price above 0")
                                              : _("Premium: enter the points per contract paid, above 0"));
  else if (f->kind == ALVH_LEG_VIX_CALL_SPREAD && ok_long && ok_short &&
           f->premium >= f->short_strike - f->long_strike)
    {
      ok_prem = FALSE;
      ADD_ERR (_("Premium: a call spread costs less than its width"));
    }
  alvh_form_mark (self->premium, !ok_prem);

  ok_qty = alvh_form_get_whole (self->quantity, &f->quantity);
  if (!ok_qty)
    ADD_ERR (_("Quantity: enter a whole number of contracts, 1 or more"));
  alvh_form_mark (self->quantity, !ok_qty);

  alvh_form_check_fees (self->fees, &f->fees, err);
#undef ADD_ERR
  return err->len == 0;
}

static void
changed_cb (AlvhLegDialog *self)
{
  AlvhLegKind kind = selected_kind (self);

  alvh_form_dialog_validate (ALVH_FORM_DIALOG (self));
  gtk_widget_set_visible (self->long_strike, kind != ALVH_LEG_VIX_FUTURE);
  gtk_widget_set_visible (self->short_strike, kind == ALVH_LEG_VIX_CALL_SPREAD);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->long_strike),
                                 kind == ALVH_LEG_VIX_CALL_SPREAD ? _("Long strike") : _("Strike"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->premium),
                                 kind == ALVH_LEG_VIX_FUTURE ? _("Entry price (points)")
                                                               : _("Premium per contract (points)"));
  alvh_form_dialog_set_errors (ALVH_FORM_DIALOG (self), alvh_form_dialog_get_errors (ALVH_FORM_DIALOG (self)));
}

static void
alvh_leg_dialog_save (AlvhFormDialog *dialog)
{
  AlvhLegDialog *self = ALVH_LEG_DIALOG (dialog);
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhLeg) leg = alvh_leg_new ();
  const Fields f = self->f;  /* validated */
  guint condor_index;
  gboolean ok;

  if (self->leg != NULL)
    {
      leg->id = self->leg->id;
      leg->decision_id = self->leg->decision_id;
      leg->opened = self->leg->opened;
      leg->manual = self->leg->manual;
      leg->closed_quantity = self->leg->closed_quantity;
      leg->close_price = self->leg->close_price;
      g_free (leg->notes);
      leg->notes = g_strdup (self->leg->notes);
    }
  else
    leg->manual = TRUE;
  leg->account_id = alvh_book_service_get_account_id (alvh_context_get_book (self->context));
  condor_index = adw_combo_row_get_selected (ADW_COMBO_ROW (self->condor));
  leg->condor_id = condor_index < self->condor_ids->len ? g_array_index (self->condor_ids, gint64, condor_index) : 0;
  leg->kind = f.kind;
  leg->long_strike = f.kind == ALVH_LEG_VIX_FUTURE ? f.premium : f.long_strike;
  leg->short_strike = f.short_strike;
  leg->expiry = f.expiry;
  leg->quantity = f.quantity;
  leg->premium = f.premium;
  leg->layer = gtk_spin_button_get_value_as_int (self->layer);
  leg->opened = f.opened;

  if (self->leg == NULL)
    ok = alvh_book_service_book_leg (alvh_context_get_book (self->context), leg, f.fees, &error) > 0;
  else
    ok = alvh_book_service_update_leg (alvh_context_get_book (self->context), leg, &error);
  alvh_form_dialog_finish (dialog, ok, error);
}

static void
alvh_leg_dialog_finalize (GObject *object)
{
  AlvhLegDialog *self = ALVH_LEG_DIALOG (object);

  g_clear_object (&self->context);
  g_clear_pointer (&self->leg, alvh_leg_free);
  g_clear_pointer (&self->condor_ids, g_array_unref);
  G_OBJECT_CLASS (alvh_leg_dialog_parent_class)->finalize (object);
}

static void
alvh_leg_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ALVH_TYPE_LEG_DIALOG);
  G_OBJECT_CLASS (alvh_leg_dialog_parent_class)->dispose (object);
}

static void
alvh_leg_dialog_class_init (AlvhLegDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = alvh_leg_dialog_dispose;
  object_class->finalize = alvh_leg_dialog_finalize;
  ALVH_FORM_DIALOG_CLASS (klass)->save = alvh_leg_dialog_save;
  ALVH_FORM_DIALOG_CLASS (klass)->validate = alvh_leg_dialog_validate;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/alvhdesk/AlvhDesk/ui/pages/positions/alvh-leg-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AlvhLegDialog, kind);
  gtk_widget_class_bind_template_child (widget_class, AlvhLegDialog, condor);
  gtk_widget_class_bind_template_child (widget_class, AlvhLegDialog, long_strike);
  gtk_widget_class_bind_template_child (widget_class, AlvhLegDialog, short_strike);
  gtk_widget_class_bind_template_child (widget_class, AlvhLegDialog, expiry);
  gtk_widget_class_bind_template_child (widget_class, AlvhLegDialog, layer);
  gtk_widget_class_bind_template_child (widget_class, AlvhLegDialog, premium);
  gtk_widget_class_bind_template_child (widget_class, AlvhLegDialog, quantity);
  gtk_widget_class_bind_template_child (widget_class, AlvhLegDialog, opened);
  gtk_widget_class_bind_template_child (widget_class, AlvhLegDialog, fees);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
}

static void
alvh_leg_dialog_init (AlvhLegDialog *self)
{
  self->condor_ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));
}

static void
fill_condors (AlvhLegDialog *self,
              gint64         selected_id)
{
  GPtrArray *condors = alvh_book_service_get_condors (alvh_context_get_book (self->context));
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gint64 none = 0;
  guint selected = 0;

  gtk_string_list_append (names, _("No condor"));
  g_array_append_val (self->condor_ids, none);
  for (guint i = 0; condors != NULL && i < condors->len; i++)
    {
      const AlvhCondor *c = g_ptr_array_index (condors, i);
      g_autofree char *exp = alvh_time_format_ny_date (c->expiry);
      g_autofree char *label = g_strdup_printf ("%g/%g/%g/%g %s", c->long_put, c->short_put,
                                                c->short_call, c->long_call, exp);

      gtk_string_list_append (names, label);
      g_array_append_val (self->condor_ids, c->id);
      if (c->id == selected_id || (selected_id == 0 && i == 0))
        selected = i + 1;
    }
  adw_combo_row_set_model (ADW_COMBO_ROW (self->condor), G_LIST_MODEL (names));
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->condor), selected);
}

AlvhLegDialog *
alvh_leg_dialog_new (GtkWindow            *parent,
                     AlvhContext          *context,
                     const AlvhLeg *leg)
{
  AlvhLegDialog *self = g_object_new (ALVH_TYPE_LEG_DIALOG, "transient-for", parent, NULL);

  self->context = g_object_ref (context);
  if (leg != NULL)
    {
      AlvhLegKind kind = leg->kind;

      self->leg = alvh_leg_new ();
      self->leg->id = leg->id;
      self->leg->decision_id = leg->decision_id;
      self->leg->opened = leg->opened;
      self->leg->manual = leg->manual;
      self->leg->closed_quantity = leg->closed_quantity;
      self->leg->close_price = leg->close_price;
      self->leg->notes = g_strdup (leg->notes);
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Hedge Leg"));
      for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
        if (kinds[i] == kind)
          adw_combo_row_set_selected (ADW_COMBO_ROW (self->kind), i);
      fill_condors (self, leg->condor_id);
      alvh_form_set_double (self->long_strike, leg->long_strike);
      alvh_form_set_double (self->short_strike, leg->short_strike);
      alvh_form_set_date (self->expiry, leg->expiry);
      gtk_spin_button_set_value (self->layer, leg->layer);
      alvh_form_set_double (self->premium, leg->premium);
      alvh_form_set_double (self->quantity, leg->quantity);
      alvh_form_set_datetime (self->opened, leg->opened);
      /* fees belong to the fills: entered with a new leg or a close */
      gtk_editable_set_text (GTK_EDITABLE (self->fees), "0");
      gtk_widget_set_visible (self->fees, FALSE);
    }
  else
    {
      gtk_window_set_title (GTK_WINDOW (self), _("New Hedge Leg"));
      fill_condors (self, 0);
      alvh_form_set_date (self->expiry, alvh_form_first_vix_expiry (alvh_time_now (), 30));
      gtk_spin_button_set_value (self->layer, alvh_book_count_open_legs (alvh_book_service_get_book (alvh_context_get_book (context))) + 1);
      gtk_editable_set_text (GTK_EDITABLE (self->quantity), "1");
      gtk_editable_set_text (GTK_EDITABLE (self->fees), "0");
      alvh_form_set_datetime (self->opened, alvh_time_now ());
    }
  changed_cb (self);
  if (leg == NULL)
    {
      GtkWidget *rows[] = { self->long_strike, self->short_strike, self->expiry, self->premium, self->quantity,
                            self->opened, self->fees };

      alvh_form_dialog_start_quiet (ALVH_FORM_DIALOG (self), rows, G_N_ELEMENTS (rows));
    }
  return self;
}

gboolean
alvh_leg_dialog_is_valid (AlvhLegDialog *self)
{
  g_return_val_if_fail (ALVH_IS_LEG_DIALOG (self), FALSE);
  return alvh_form_dialog_validate (ALVH_FORM_DIALOG (self));
}

const char *
alvh_leg_dialog_get_errors (AlvhLegDialog *self)
{
  g_return_val_if_fail (ALVH_IS_LEG_DIALOG (self), NULL);
  return alvh_form_dialog_get_errors (ALVH_FORM_DIALOG (self));
}

GtkWidget *
alvh_leg_dialog_get_save_button (AlvhLegDialog *self)
{
  g_return_val_if_fail (ALVH_IS_LEG_DIALOG (self), NULL);
  return alvh_form_dialog_get_save_button (ALVH_FORM_DIALOG (self));
}
